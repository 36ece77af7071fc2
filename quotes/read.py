"""Read inputs into `Article` records, streaming, with errors as values.

Inputs are seed-style or plain `.txt` files, JSON Lines files of articles,
directories (walked recursively in sorted order) and `-` for stdin. Nothing is
ever loaded whole except a single article, and that only up to a size limit.
A bad input yields a `ReadError` instead of raising, so one bad file never
costs the rest of a run.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, Literal, Protocol

from quotes.io.stream import ByteSource, Replay
from quotes.model import Article, parse_date
from quotes.paths import shown

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
MAX_DEPTH = 200  # directory nesting read at most (deeper trees are an error, not a crash)
_BLANK_PREFIX = re.compile(rb"[ \t\r\n\x0b\x0c]*")
_JSON_LINE_START = re.compile(rb"(?m)^[ \t\r]*(?:\xef\xbb\xbf)?[ \t\r]*\{")
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
    # Parquet column names that differ from the Article field names: (field, column) pairs.
    columns: tuple[tuple[str, str], ...] = ()


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


@dataclass(frozen=True)
class Page:
    """A web page read but not yet made an article (see `quotes.io.html.page_entry`)."""

    html: bytes
    input: str
    article_id: str
    url: str | None = None
    date: str | None = None
    line: int | None = None
    config: ReadConfig = ReadConfig()


Item = Article | ReadError | ReadWarning
Entry = Sourced | ReadError | ReadWarning
Work = Entry | Page  # what the run loop takes: pages are made articles in its workers


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
    """Like `read_inputs`, with each article's source kept for messages about it.

    Article ids stay unique in a run: a repeated id gets a `#2`, `#3`… suffix and a warning.
    """
    for work in read_work(paths, config, stdin):
        yield _formats().html.page_entry(work) if isinstance(work, Page) else work


def read_work(paths: Iterable[str | os.PathLike[str]], config: ReadConfig = ReadConfig(),
              stdin: BinaryIO | None = None) -> Iterator[Work]:
    """Like `read_entries`, with web pages left as `Page`s for the run loop's workers."""
    return unique_ids(_all_entries(paths, config, stdin))


def _all_entries(paths: Iterable[str | os.PathLike[str]], config: ReadConfig,
                 stdin: BinaryIO | None) -> Iterator[Work]:
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin(stdin if stdin is not None else _stdin_bytes(), config)
        else:
            yield from read_path(Path(path), config)


def unique_ids(entries: Iterable[Work]) -> Iterator[Work]:
    """Entries with every article id made unique, in a stable way (the n-th repeat of `x` is `x#n`).

    Memory: one 8-byte digest per article id, not the ids themselves.
    """
    seen: set[bytes] = set()
    for entry in entries:
        if isinstance(entry, (Sourced, Page)):
            given = entry.article.id if isinstance(entry, Sourced) else entry.article_id
            if _digest(given) in seen:
                count = 2
                while _digest(f"{given}#{count}") in seen:
                    count += 1
                new_id = f"{given}#{count}"
                yield ReadWarning(entry.input, entry.line,
                                  f"duplicate article id {given!r}; renamed {new_id!r}")
                entry = _renamed(entry, new_id)
            seen.add(_digest(_id_of(entry)))
        yield entry


def _id_of(entry: Sourced | Page) -> str:
    return entry.article.id if isinstance(entry, Sourced) else entry.article_id


def _renamed(entry: Sourced | Page, new_id: str) -> Sourced | Page:
    """The entry with another article id."""
    if isinstance(entry, Page):
        return replace(entry, article_id=new_id)
    return Sourced(entry.article.model_copy(update={"id": new_id}), entry.input, entry.line)


def _digest(article_id: str) -> bytes:
    return hashlib.blake2b(article_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def read_path(path: Path, config: ReadConfig = ReadConfig()) -> Iterator[Work]:
    """One file or a whole directory tree; a missing path is a ReadError, not an exception.

    Files found in a directory get ids relative to it (`sub/x` for `DIR/sub/x.txt`),
    so two files of one name in different folders never share an id.
    """
    name = shown(path)
    try:
        is_dir = path.is_dir()
    except OSError as exc:  # a symlink loop, a name too long…
        yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
        return
    if is_dir:
        empty = True
        for found in iter_article_files(path):
            empty = False
            if isinstance(found, (ReadError, ReadWarning)):
                yield found
            else:
                yield from read_file(found, config, _relative_id(found, path))
        if empty:  # a wrong directory must not pass as a successful run
            suffixes = ", ".join(TEXT_SUFFIXES + JSONL_SUFFIXES)
            yield ReadError(name, None, f"no article files ({suffixes}) in directory")
    elif not path.exists():
        yield ReadError(name, None, _missing_reason(path))
    else:
        yield from read_file(path, config)


def _missing_reason(path: Path) -> str:
    """Why a path that does not exist cannot be read: no such file, a broken link or a loop."""
    if not path.is_symlink():
        return "no such file or directory"
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop so
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _relative_id(found: Path, root: Path) -> str:
    """`sub/x` for `ROOT/sub/x.txt`: the file's path below the directory given, without suffix."""
    relative = found.relative_to(root)
    return shown(relative.with_suffix("").as_posix())


def read_file(path: Path, config: ReadConfig = ReadConfig(), file_id: str | None = None) \
        -> Iterator[Work]:
    """JSON Lines by suffix; `.txt` as text; other suffixes sniffed from their first bytes.

    `file_id` names the articles of the file (default: its name, without `.txt`).
    """
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, config, file_id)
    elif suffix in TEXT_SUFFIXES:
        yield from read_text_file(path, config, file_id)
    else:
        yield from _read_sniffed_file(path, config, file_id)


def _read_sniffed_file(path: Path, config: ReadConfig, file_id: str | None) -> Iterator[Work]:
    """A file read once, its format sniffed from the bytes kept (a pipe cannot be reopened)."""
    name = shown(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the `with` below
    except OSError as exc:
        yield ReadError(name, None, _cannot_read(path, exc))
        return
    with handle:
        yield from read_stream(handle, name, file_id or shown(path.stem), config,
                               json_name=shown(path.name), suffix=path.suffix.lower())


def iter_article_files(directory: Path, depth: int = 0) \
        -> Iterator[Path | ReadError | ReadWarning]:
    """Regular `.txt` and `.jsonl` files below a directory, sorted by name, hidden entries skipped.

    A FIFO, device or socket with an article suffix is skipped with a warning
    (reading one could block forever); symlinked directories are not followed.
    """
    if depth > MAX_DEPTH:
        yield ReadError(shown(directory), None,
                        f"directories nested more than {MAX_DEPTH} deep; not read")
        return
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadError(shown(directory), None, f"cannot read directory: {_os_reason(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from iter_article_files(path, depth + 1)
                continue
            if not _is_article_file(path.name):
                continue
            special = entry.is_symlink() or not entry.is_file(follow_symlinks=False)
            if special and path.exists() and not path.is_file():
                yield ReadWarning(shown(path), None, "not a regular file; skipped")
                continue
        except OSError as exc:
            yield ReadError(shown(path), None, f"cannot read: {_os_reason(exc)}")
            continue
        yield path


def _is_article_file(name: str) -> bool:
    """Text, JSON Lines and archive files (web pages, WARC, Parquet), compressed or not."""
    plain = _formats().article_stem(name.lower())
    return plain.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES + _formats().ARCHIVE_SUFFIXES)


def _formats() -> ModuleType:
    """The archive readers (`quotes.io`), which build on this module, hence imported late."""
    from quotes.io import formats

    return formats


def read_text_file(path: Path, config: ReadConfig = ReadConfig(),
                   file_id: str | None = None) -> Iterator[Work]:
    """One article from a text file, id = file name without extension."""
    name = shown(path)
    try:
        with open(path, "rb") as handle:
            data = read_at_most(handle, config.max_bytes + 1)
    except OSError as exc:
        yield ReadError(name, None, _cannot_read(path, exc))
        return
    if _formats().compression(data[:8]):  # `.txt` by name, compressed by content
        yield from _read_sniffed_file(path, config, file_id)
        return
    yield from _text_article(data, name, file_id or shown(path.stem), config)


def read_stdin(stream: BinaryIO, config: ReadConfig = ReadConfig()) -> Iterator[Work]:
    """JSON Lines if the first non-blank character is `{`, else one text article."""
    yield from read_stream(stream, STDIN_NAME, STDIN_ID, config, json_name=STDIN_ID)


def sniff_format(head: bytes) -> str:
    """The plain format of an input from its first bytes: `jsonl`, `json-array` or `text`.

    `head` holds at least the first non-blank line (or all the input, if shorter).
    Binary and markup formats are told apart before this, by `quotes.io`
    (`kind_of` in `read_stream`), from the same head.
    """
    body = head.removeprefix(_BOM).lstrip()
    if body.startswith(b"{"):
        return "jsonl"
    if body.startswith(b"["):
        return "json-array"
    return "text"


def read_stream(stream: BinaryIO, name: str, article_id: str, config: ReadConfig = ReadConfig(),
                json_name: str | None = None, suffix: str = "") -> Iterator[Work]:
    """Articles of a stream that may be a pipe: sniffed from a head that is then replayed.

    `article_id` names a text article; `json_name` prefixes the ids of JSON lines without one.
    """
    try:
        head = read_head(stream, config.max_bytes)
    except OSError as exc:
        yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
        return
    kind = _formats().kind_of(head.data, suffix)
    if kind is not None:  # compressed, WARC, Parquet or a web page: quotes.io reads it
        yield from _formats().read_stream(stream, head.data, kind, name, article_id,
                                          json_name or article_id, config)
        return
    found = sniff_format(head.data)
    replay = Replay(head.data, stream)
    if found == "jsonl" or (head.skipped_lines and found != "text"):
        yield from read_jsonl_stream(replay, name, json_name or article_id, config,
                                     first_line=head.skipped_lines, first_offset=head.skipped_bytes)
    elif found == "json-array" and suffix == ".json":
        yield ReadError(name, None, "a JSON array, not JSON Lines; convert it with "
                                    "`jq -c '.[]' FILE > FILE.jsonl`")
    elif head.skipped_bytes:  # the blank lines alone were over the limit
        yield ReadError(name, None, _too_large(config))
    else:
        try:
            data = read_at_most(replay, config.max_bytes + 1)
        except OSError as exc:
            yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
            return
        yield from _text_article(data, name, article_id, config)


@dataclass(frozen=True)
class Head:
    """The first bytes of a stream, kept to sniff its format and then replayed."""

    data: bytes
    skipped_bytes: int = 0  # blank lines dropped before `data` (over the size limit)
    skipped_lines: int = 0


def read_head(stream: BinaryIO, max_bytes: int) -> Head:
    """Bytes up to the end of the first non-blank line (at most `_SNIFF_BYTES` past it).

    Leading blank lines beyond `max_bytes` are counted and dropped, not kept, so
    an endless stream of empty lines (`yes ''`) runs in bounded memory.
    """
    data = bytearray()
    skipped_bytes = skipped_lines = 0
    start = checked = -1  # where the first non-blank byte is; how far blanks were looked for
    while start < 0 or (data.find(b"\n", start) < 0 and len(data) - start < _SNIFF_BYTES):
        chunk = _read_some(stream)
        if not chunk:
            break
        data += chunk
        if start >= 0 or (not skipped_bytes and _BOM.startswith(data)):
            continue  # found already, or a BOM not yet complete
        bom = len(_BOM) if not skipped_bytes and data.startswith(_BOM) else 0
        blank_end = _BLANK_PREFIX.match(data, max(checked, bom)).end()  # type: ignore[union-attr]
        checked = len(data)
        if blank_end < len(data):
            start = blank_end
        elif len(data) > max_bytes:  # all blank so far: count it, keep none of it
            skipped_lines += data.count(b"\n")
            skipped_bytes += len(data)
            data.clear()
            checked = 0
    return Head(bytes(data), skipped_bytes, skipped_lines)


def read_at_most(stream: ByteSource, size: int) -> bytes:
    """Up to `size` bytes, read a chunk at a time: `read(size)` would allocate all of
    `size` at once, however small the input."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, _SKIP_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_some(stream: BinaryIO) -> bytes:
    """What the stream has now (a pipe may have less than asked), up to `_SNIFF_BYTES`."""
    read1 = getattr(stream, "read1", None)
    return read1(_SNIFF_BYTES) if read1 is not None else stream.read(_SNIFF_BYTES)


def read_jsonl_file(path: Path, config: ReadConfig = ReadConfig(),
                    file_id: str | None = None) -> Iterator[Work]:
    """Articles of a JSON Lines file, read line by line."""
    name = shown(path)
    try:
        handle = open(path, "rb", buffering=_SNIFF_BYTES)  # noqa: SIM115 - closed below
    except OSError as exc:
        yield ReadError(name, None, _cannot_read(path, exc))
        return
    with handle:
        try:
            sniff = handle.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]  # type: ignore[attr-defined]
        except OSError as exc:
            yield ReadError(name, None, f"cannot read: {_os_reason(exc)}")
            return
        if _formats().compression(sniff):  # `.jsonl` by name, compressed by content
            yield from read_stream(handle, name, file_id or shown(path.stem), config,
                                   json_name=shown(path.name) if file_id is None
                                   else f"{file_id}{path.suffix}")
            return
        problem = _not_json_lines(sniff)
        if problem:
            yield ReadError(name, None, problem)
            return
        json_id = shown(path.name) if file_id is None else f"{file_id}{path.suffix}"
        yield from read_jsonl_stream(handle, name, json_id, config)


def _not_json_lines(head: bytes) -> str | None:
    """Why a `.jsonl` file is no JSON Lines at all, judged from its head, or None.

    NUL bytes condemn the whole file only when no line of the head starts like
    JSON: a file whose first line is corrupt (a zeroed block, say) still gives
    its good lines, each bad line being an error of its own.
    """
    problem = _binary_reason(head)
    if problem and "NUL" in problem and _JSON_LINE_START.search(head):
        return None
    return problem


def read_jsonl_stream(stream: _LineSource, name: str, id_prefix: str,
                      config: ReadConfig = ReadConfig(), first_line: int = 0,
                      first_offset: int = 0) -> Iterator[Entry]:
    """Articles of a JSON Lines stream; memory holds one line at most `_line_limit` long.

    `first_line` and `first_offset` count blank lines already consumed before the stream.
    """
    offset, lineno, seen = first_offset, first_line, False
    while True:
        try:
            raw = stream.readline(_line_limit(config) + 1)
        except OSError as exc:
            yield ReadError(name, lineno + 1, f"cannot read: {_os_reason(exc)}")
            return
        if not raw:
            break
        lineno += 1
        start = offset
        offset += len(raw)
        if len(raw) > _line_limit(config) and not raw.endswith(b"\n"):
            offset += _skip_rest_of_line(stream)
            seen = True
            yield ReadError(name, lineno, _too_large(config))
            continue
        if start == 0 and raw.startswith(_BOM):
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
    if len(text.encode("utf-8")) > config.max_bytes:  # the text's size, not its JSON escapes'
        raise _Bad(_too_large(config))
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


def _line_limit(config: ReadConfig) -> int:
    """The longest JSON line read: `--max-bytes` limits the article's UTF-8 text, and JSON
    may escape each character as `\\uXXXX` (6 bytes), besides the other fields."""
    return 6 * config.max_bytes + _SKIP_CHUNK


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


def _cannot_read(path: Path, exc: OSError) -> str:
    """`cannot read: …`, or what is wrong with a symlink that cannot be followed."""
    if exc.errno in (errno.ENOENT, errno.ELOOP) and path.is_symlink():
        return _missing_reason(path)
    return f"cannot read: {_os_reason(exc)}"
