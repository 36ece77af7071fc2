"""Text articles: plain text, or the seed format (a ` date YYYY-MM-DD [HH:MM]` first
line, body words possibly on the same line, then an optional short title paragraph);
and bytes decoded as UTF-8, as every text and JSON Lines input is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date

from quotes.io.entries import Bad, Entry, ReadConfig, ReadError, ReadWarning, Sourced, too_large
from quotes.model import Article

TITLE_MAX_CHARS = 200

BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_GZIP_MAGIC = b"\x1f\x8b"
# ` date 2021-06-06 7:29 body…` — the seed header; body words may follow on the same line.
_HEADER = re.compile(
    r"[ \t]*date[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[ \t]+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?(?=\s|$)[ \t]*"
)
# A one-line paragraph under 200 characters, then at least one blank line.
_TITLE = re.compile(rf"(?P<title>[^\r\n]{{1,{TITLE_MAX_CHARS - 1}}})\r?\n(?:[ \t]*\r?\n)+\s*")
_LEADING_SPACE = re.compile(r"\s*")
_FINAL_PUNCTUATION = ".!?…:;"  # (a title ends with none of them)
_CLOSING_MARKS = "\"'”’»›“‘«‹"


def parse_text_article(text: str, article_id: str) -> tuple[Article, list[str]]:
    """Seed header (date, same-line body, optional title) or plain text; warnings as strings."""
    header = _HEADER.match(text)
    if header is None:
        return Article(id=article_id, text=text, body_start=0), []
    warnings: list[str] = []
    try:
        date = _header_date(header)
    except ValueError as exc:
        date = None
        warnings.append(f"date header {header.group(0).strip()!r} is not a valid date ({exc}); "
                        "date set to null")
    body_start, title = header.end(), None
    if _rest_of_line_blank(text, body_start):
        body_start = _LEADING_SPACE.match(text, body_start).end()  # type: ignore[union-attr]
        title, after_title = _title_paragraph(text, body_start)
        if title is not None:
            body_start = after_title
    return Article(id=article_id, text=text, date=date, title=title, body_start=body_start), warnings


def text_article(data: bytes, name: str, article_id: str, config: ReadConfig) -> Iterator[Entry]:
    """The article of one text input, or the reason it has none."""
    if len(data) > config.max_bytes:
        yield ReadError(name, None, too_large(config))
        return
    try:
        text, notes = decode(data, 0, config)
    except Bad as exc:
        yield ReadError(name, None, str(exc))
        return
    for note in notes:
        yield ReadWarning(name, None, note)
    if not text.strip():
        yield ReadError(name, None, "empty file" if not text else "empty file (only whitespace)")
        return
    article, warnings = parse_text_article(text, article_id)
    for warning in warnings:
        yield ReadWarning(name, None, warning)
    if not text[article.body_start:].strip():
        yield ReadError(name, None, "no article text after the date header")
        return
    yield Sourced(article, name)


def decode(data: bytes, base: int, config: ReadConfig) -> tuple[str, list[str]]:
    """UTF-8 text without its BOM; bad bytes are Bad, or replaced with a warning."""
    problem = binary_reason(data, base)
    if problem:
        raise Bad(problem)
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        return data[skip:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        where = base + skip + exc.start
        if config.encoding_errors == "strict":
            raise Bad(f"invalid UTF-8 at byte {where} (0x{data[skip + exc.start]:02x}); "
                       "use --encoding-errors replace to go on") from None
        note = f"invalid UTF-8 replaced with U+FFFD (first at byte {where})"
        return data[skip:].decode("utf-8", errors="replace"), [note]


def binary_reason(data: bytes, base: int = 0) -> str | None:
    """Why bytes are not UTF-8 text at all (UTF-16, NUL bytes), or None."""
    if base == 0 and data.startswith(_UTF16_BOMS):
        return "UTF-16 text is not supported; convert it to UTF-8"
    if base == 0 and data.startswith(_GZIP_MAGIC):
        return "gzip-compressed file; decompress it first (zcat FILE | quotes extract -)"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at byte {base + nul})"
    return None


def _header_date(header: re.Match[str]) -> str:
    """`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` from a seed header; ValueError when not a real date."""
    day = Date.fromisoformat(_pad_date(header.group("date"))).isoformat()
    if header.group("hour") is None:
        return day
    hour, minute = int(header.group("hour")), int(header.group("minute"))
    if hour > 23 or minute > 59:
        raise ValueError(f"no time {hour}:{minute:02d}")
    return f"{day}T{hour:02d}:{minute:02d}"


def _pad_date(value: str) -> str:
    """`2021-6-6` → `2021-06-06`, so single-digit months still parse."""
    year, month, day = value.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _rest_of_line_blank(text: str, pos: int) -> bool:
    """True when nothing but the line break follows the header on its line."""
    end = text.find("\n", pos)
    return not text[pos:end if end >= 0 else len(text)].strip()


def _title_paragraph(text: str, start: int) -> tuple[str | None, int]:
    """A short first paragraph without final punctuation, followed by a blank line and more text."""
    found = _TITLE.match(text, start)
    if found is None:
        return None, start
    title = found.group("title").strip()
    if (not title or title.rstrip(_CLOSING_MARKS)[-1:] in tuple(_FINAL_PUNCTUATION)
            or not text[found.end():].strip()):
        return None, start
    return title, found.end()
