"""Read inputs into `Article` records, streaming, with errors as values.

Inputs are seed-style or plain `.txt` files, JSON Lines files of articles,
directories (walked recursively in sorted order) and `-` for stdin. Nothing is
ever loaded whole except a single article, and that only up to a size limit.
A bad input yields a `ReadError` instead of raising, so one bad file never
costs the rest of a run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, Protocol

from quotes.model import Article

STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# 512 KiB: five times the longest news articles, and a bound on memory per article
# (an article made of nothing but quotations costs about 120 bytes per byte).
DEFAULT_MAX_BYTES = 512 * 1024
TITLE_MAX_CHARS = 200

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_SKIP_CHUNK = 1 << 20
_KNOWN_FIELDS = frozenset({"id", "text", "date", "title", "url"})

# ` date 2021-06-06 7:29 body…` — the seed header; body words may follow on the same line.
_HEADER = re.compile(
    r"[ \t]*date[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[ \t]+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?(?=\s|$)[ \t]*"
)
# A one-line paragraph under 200 characters, then at least one blank line.
_TITLE = re.compile(rf"(?P<title>[^\r\n]{{1,{TITLE_MAX_CHARS - 1}}})\r?\n(?:[ \t]*\r?\n)+\s*")
_LEADING_SPACE = re.compile(r"\s*")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SENTENCE_END = ".!?…:;"
_CLOSING_MARKS = "\"'”’»›“‘«‹"


@dataclass(frozen=True)
class ReadConfig:
    """How inputs are read; one immutable object instead of loose flags."""

    encoding_errors: Literal["strict", "replace"] = "strict"
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input (or one JSON line of it), and where."""

    input: str
    line: int | None
    reason: str

    def location(self) -> str:
        """`input` or `input:line`, the way compilers name a place."""
        return self.input if self.line is None else f"{self.input}:{self.line}"


@dataclass(frozen=True)
class ReadError(Problem):
    """An input (or one JSON line of it) that gave no article."""


@dataclass(frozen=True)
class ReadWarning(Problem):
    """Something repaired or dropped while an article was still read."""


@dataclass(frozen=True)
class Sourced:
    """An article with the input (and JSON line) it came from, so later errors can name it."""

    article: Article
    input: str
    line: int | None = None


Item = Article | ReadError | ReadWarning
Entry = Sourced | ReadError | ReadWarning


class _LineSource(Protocol):
    """The one method the JSON Lines reader needs from a stream."""

    def readline(self, size: int = -1, /) -> bytes: ...


class _Bad(Exception):
    """An input problem, turned into a ReadError where it is caught."""


def read_inputs(paths: Iterable[str | os.PathLike[str]], config: ReadConfig = ReadConfig(),
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles and problems of every input, in the order given."""
    for entry in read_entries(paths, config, stdin):
        yield entry.article if isinstance(entry, Sourced) else entry


def read_entries(paths: Iterable[str | os.PathLike[str]], config: ReadConfig = ReadConfig(),
                 stdin: BinaryIO | None = None) -> Iterator[Entry]:
    """Like `read_inputs`, with each article's source kept for messages about it."""
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin(stdin if stdin is not None else _stdin_bytes(), config)
        else:
            yield from read_path(Path(path), config)


def read_path(path: Path, config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """One file or a whole directory tree; a missing path is a ReadError, not an exception."""
    if path.is_dir():
        empty = True
        for found in iter_article_files(path):
            empty = False
            if isinstance(found, ReadError):
                yield found
            else:
                yield from read_file(found, config)
        if empty:  # a wrong directory must not pass as a successful run
            suffixes = ", ".join(TEXT_SUFFIXES + JSONL_SUFFIXES)
            yield ReadError(str(path), None, f"no article files ({suffixes}) in directory")
    elif path.is_symlink() and not path.exists():
        yield ReadError(str(path), None, "broken symbolic link")
    elif not path.exists():
        yield ReadError(str(path), None, "no such file or directory")
    else:
        yield from read_file(path, config)


def read_file(path: Path, config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """JSON Lines by suffix; `.txt` as text; other suffixes by their first character, like stdin."""
    suffix = path.suffix.lower()
    first = b"" if suffix in JSONL_SUFFIXES + TEXT_SUFFIXES else _first_char(path)
    if suffix in JSONL_SUFFIXES or first == b"{":
        yield from read_jsonl_file(path, config)
    elif first == b"[" and suffix == ".json":
        yield ReadError(str(path), None, "a JSON array, not JSON Lines; convert it with "
                                         "`jq -c '.[]' FILE > FILE.jsonl`")
    else:
        yield from read_text_file(path, config)


def _first_char(path: Path) -> bytes:
    """The first non-blank byte of a file (after a BOM), or b"" when unreadable or blank."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return b""  # the reader that follows reports why
    return head.removeprefix(_BOM).lstrip()[:1]


def iter_article_files(directory: Path) -> Iterator[Path | ReadError]:
    """`.txt` and `.jsonl` files below a directory, sorted by name, hidden entries skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadError(str(directory), None, f"cannot read directory: {_os_reason(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from iter_article_files(path)
        elif path.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
            yield path


def read_text_file(path: Path, config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """One article from a text file, id = file name without extension."""
    name = str(path)
    if path.is_symlink() and not path.exists():
        yield ReadError(name, None, "broken symbolic link")
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(config.max_bytes + 1)
    except OSError as exc:
        yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
        return
    yield from _text_article(data, name, path.stem, config)


def read_stdin(stream: BinaryIO, config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """JSON Lines if the first non-blank character is `{`, else one text article."""
    head: list[bytes] = []
    while True:
        line = stream.readline(config.max_bytes + 1)
        head.append(line)
        if not line or line.strip(b" \t\r\n" + _BOM):
            break
    first = b"".join(head).removeprefix(_BOM).lstrip()
    if first.startswith(b"{"):
        yield from read_jsonl_stream(_Prefixed(head, stream), STDIN_NAME, STDIN_ID, config)
        return
    data = b"".join(head)
    data += stream.read(max(0, config.max_bytes + 1 - len(data)))
    yield from _text_article(data, STDIN_NAME, STDIN_ID, config)


def read_jsonl_file(path: Path, config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """Articles of a JSON Lines file, read line by line."""
    name = str(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the `with` below
    except OSError as exc:
        yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
        return
    with handle:
        try:
            sniff = handle.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        except OSError as exc:
            yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
            return
        problem = _binary_reason(sniff.split(b"\n", 1)[0])  # later bad lines are errors of their own
        if problem:
            yield ReadError(name, None, problem)
            return
        yield from read_jsonl_stream(handle, name, path.name, config)


def read_jsonl_stream(stream: _LineSource, name: str, id_prefix: str,
                      config: ReadConfig = ReadConfig()) -> Iterator[Entry]:
    """Articles of a JSON Lines stream; memory holds one line at most `max_bytes` long."""
    offset, lineno, seen = 0, 0, False
    while True:
        try:
            raw = stream.readline(config.max_bytes + 1)
        except OSError as exc:
            yield ReadError(name, lineno + 1, f"cannot read: {_os_reason(exc)}")
            return
        if not raw:
            break
        lineno += 1
        start = offset
        offset += len(raw)
        if len(raw) > config.max_bytes and not raw.endswith(b"\n"):
            offset += _skip_rest_of_line(stream)
            seen = True
            yield ReadError(name, lineno, _too_large(config))
            continue
        if lineno == 1 and raw.startswith(_BOM):
            raw, start = raw[len(_BOM):], start + len(_BOM)
        if not raw.strip():
            continue
        seen = True
        yield from _jsonl_line(raw, start, name, lineno, f"{id_prefix}:{lineno}", config)
    if not seen:
        yield ReadError(name, None, "empty file" if offset == 0 else "no articles (only blank lines)")


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


def parse_date(value: str) -> str:
    """ISO 8601 date or date-time as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][+HH:MM]`."""
    value = value.strip()
    if len(value) <= 10:
        return Date.fromisoformat(value).isoformat()
    moment = datetime.fromisoformat(value)
    plain = moment.second == 0 and moment.microsecond == 0
    return moment.isoformat(timespec="minutes" if plain else "auto")


def _text_article(data: bytes, name: str, article_id: str, config: ReadConfig) -> Iterator[Entry]:
    """The article of one text input, or the reason it has none."""
    if len(data) > config.max_bytes:
        yield ReadError(name, None, _too_large(config))
        return
    try:
        text, notes = _decode(data, 0, config)
    except _Bad as exc:
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


def _jsonl_line(raw: bytes, start: int, name: str, lineno: int, fallback_id: str,
                config: ReadConfig) -> Iterator[Entry]:
    """The article of one JSON line, with its warnings, or the error that stops it."""
    warnings: list[str] = []
    try:
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise _Bad(f"NUL byte at byte {start + nul} (binary data)")
        line, notes = _decode(raw, start, config)
        warnings += notes
        record = _json_object(line)
        article = _article_from_record(record, fallback_id, config, warnings)
    except _Bad as exc:
        for warning in warnings:
            yield ReadWarning(name, lineno, warning)
        yield ReadError(name, lineno, str(exc))
        return
    for warning in warnings:
        yield ReadWarning(name, lineno, warning)
    yield Sourced(article, name, lineno)


def _json_object(line: str) -> dict[str, Any]:
    """The JSON object on a line; malformed JSON and other values are _Bad."""
    try:
        record = json.loads(line)
    except RecursionError:
        raise _Bad("malformed JSON: nested too deeply") from None
    except ValueError as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
            else str(exc).split(":")[0]
        raise _Bad(f"malformed JSON: {detail}") from None
    if not isinstance(record, dict):
        raise _Bad(f"expected a JSON object, got {_json_type(record)}")
    return record


def _article_from_record(record: dict[str, Any], fallback_id: str, config: ReadConfig,
                         warnings: list[str]) -> Article:
    """An Article from one JSON object: `text` required, bad optional fields dropped with a warning."""
    if "text" not in record:
        raise _Bad("no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise _Bad(f"'text' must be a string, got {_json_type(text)}")
    if len(text) > config.max_bytes:  # each character is at least one byte
        raise _Bad(_too_large(config))
    text = _clean_surrogates(text, "text", config, warnings)
    return Article(
        id=_record_id(record.get("id"), fallback_id, config, warnings),
        text=text,
        body_start=0,
        date=_record_date(record.get("date"), warnings),
        title=_optional_string(record, "title", config, warnings),
        url=_optional_string(record, "url", config, warnings),
        extra={key: value for key, value in record.items() if key not in _KNOWN_FIELDS},
    )


def _record_id(value: Any, fallback: str, config: ReadConfig, warnings: list[str]) -> str:
    """The article id: a string or an integer; missing or empty means `<file>:<line>`."""
    if value is None or value == "":
        return fallback
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _Bad(f"'id' must be a string or an integer, got {_json_type(value)}")
    return _clean_surrogates(str(value), "id", config, warnings)


def _record_date(value: Any, warnings: list[str]) -> str | None:
    """A valid ISO date, or None with a warning; a bad date never costs the article."""
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(f"'date' must be a string, got {_json_type(value)}; date set to null")
        return None
    try:
        return parse_date(value)
    except ValueError:
        warnings.append(f"cannot parse date {value[:40]!r}; date set to null")
        return None


def _optional_string(record: dict[str, Any], field: str, config: ReadConfig,
                     warnings: list[str]) -> str | None:
    """An optional string field; another type is dropped with a warning."""
    value = record.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        warnings.append(f"'{field}' must be a string, got {_json_type(value)}; ignored")
        return None
    return _clean_surrogates(value, field, config, warnings)


def _clean_surrogates(value: str, field: str, config: ReadConfig, warnings: list[str]) -> str:
    """Lone surrogates (from JSON escapes) cannot be written as UTF-8: error, or U+FFFD."""
    try:
        value.encode("utf-8")  # far faster than a regex search when, as usual, all is well
        return value
    except UnicodeEncodeError:
        pass
    found = _SURROGATE.search(value)
    if found is None:  # only surrogates fail to encode as UTF-8; be safe all the same
        return value
    where = f"lone surrogate \\u{ord(found.group()):04x} in '{field}' at character {found.start()}"
    if config.encoding_errors == "strict":
        raise _Bad(f"invalid Unicode: {where} (use --encoding-errors replace to go on)")
    warnings.append(f"{where} replaced with U+FFFD")
    return _SURROGATE.sub("\ufffd", value)  # same length: offsets stay valid


def _decode(data: bytes, base: int, config: ReadConfig) -> tuple[str, list[str]]:
    """UTF-8 text without its BOM; bad bytes are _Bad, or replaced with a warning."""
    problem = _binary_reason(data, base)
    if problem:
        raise _Bad(problem)
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        where = base + skip + exc.start
        if config.encoding_errors == "strict":
            raise _Bad(f"invalid UTF-8 at byte {where} (0x{data[skip + exc.start]:02x}); "
                       "use --encoding-errors replace to go on") from None
        note = f"invalid UTF-8 replaced with U+FFFD (first at byte {where})"
        return data[skip:].decode("utf-8", errors="replace"), [note]


def _binary_reason(data: bytes, base: int = 0) -> str | None:
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
    if (not title or title.rstrip(_CLOSING_MARKS)[-1:] in tuple(_SENTENCE_END)
            or not text[found.end():].strip()):
        return None, start
    return title, found.end()


def _skip_rest_of_line(stream: _LineSource) -> int:
    """Consume an over-long line chunk by chunk; the number of bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _too_large(config: ReadConfig) -> str:
    """The size-limit reason, naming the option that changes it."""
    return f"article larger than the limit of {config.max_bytes} bytes (see --max-bytes)"


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    names = {bool: "boolean", int: "number", float: "number", str: "string",
             list: "array", dict: "object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _os_reason(exc: OSError) -> str:
    """`Permission denied` rather than `[Errno 13] Permission denied: '…'`."""
    return exc.strerror or str(exc)


def _stdin_bytes() -> BinaryIO:
    """The process's binary stdin (looked up late so tests can replace sys.stdin)."""
    import sys

    return sys.stdin.buffer


class _Prefixed:
    """A stream that replays lines already read for sniffing, then goes on reading."""

    def __init__(self, head: list[bytes], stream: BinaryIO) -> None:
        self._head = [line for line in head if line]
        self._stream = stream

    def readline(self, size: int = -1, /) -> bytes:
        """The next replayed line, then the stream's own lines."""
        if self._head:
            return self._head.pop(0)
        return self._stream.readline(size)
