"""JSON Lines of articles (`id`, `text`, optional `date`, `title`, `url`; other fields
kept), read a line at a time: a bad line is an error of its own, never the file's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Protocol

from quotes.io.entries import Bad, Entry, ReadConfig, ReadError, ReadWarning, Sourced, os_reason, too_large
from quotes.io.stream import READ_CHUNK
from quotes.io.text import BOM, binary_reason, decode
from quotes.model import Article, parse_date

_JSON_LINE_START = re.compile(rb"(?m)^[ \t\r]*(?:\xef\xbb\xbf)?[ \t\r]*\{")
_KNOWN_FIELDS = frozenset({"id", "text", "date", "title", "url"})

_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _LineSource(Protocol):
    """The one method the JSON Lines reader needs from a stream."""

    def readline(self, size: int = -1, /) -> bytes: ...


def not_json_lines(head: bytes) -> str | None:
    """Why a `.jsonl` file is no JSON Lines at all, judged from its head, or None.

    NUL bytes condemn the whole file only when no line of the head starts like
    JSON: a file whose first line is corrupt (a zeroed block, say) still gives
    its good lines, each bad line being an error of its own.
    """
    problem = binary_reason(head)
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
            yield ReadError(name, lineno + 1, f"cannot read: {os_reason(exc)}")
            return
        if not raw:
            break
        lineno += 1
        start = offset
        offset += len(raw)
        if len(raw) > _line_limit(config) and not raw.endswith(b"\n"):
            offset += _skip_rest_of_line(stream)
            seen = True
            yield ReadError(name, lineno, too_large(config))
            continue
        if start == 0 and raw.startswith(BOM):
            raw, start = raw[len(BOM):], start + len(BOM)
        if not raw.strip():
            continue
        seen = True
        yield from _jsonl_line(raw, start, name, lineno, f"{id_prefix}:{lineno}", config)
    if not seen:
        yield ReadError(name, None, "empty file" if offset == 0 else "no articles (only blank lines)")


def _jsonl_line(raw: bytes, start: int, name: str, lineno: int, fallback_id: str,
                config: ReadConfig) -> Iterator[Entry]:
    """The article of one JSON line, with its warnings, or the error that stops it."""
    warnings: list[str] = []
    try:
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise Bad(f"NUL byte at byte {start + nul} (binary data)")
        line, notes = decode(raw, start, config)
        warnings += notes
        record = _json_object(line)
        article = article_from_record(record, fallback_id, config, warnings)
    except Bad as exc:
        for warning in warnings:
            yield ReadWarning(name, lineno, warning)
        yield ReadError(name, lineno, str(exc))
        return
    for warning in warnings:
        yield ReadWarning(name, lineno, warning)
    yield Sourced(article, name, lineno)


def _json_object(line: str) -> dict[str, Any]:
    """The JSON object on a line; malformed JSON and other values are Bad."""
    try:
        record = json.loads(line)
    except RecursionError:
        raise Bad("malformed JSON: nested too deeply") from None
    except ValueError as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
            else str(exc).split(":")[0]
        raise Bad(f"malformed JSON: {detail}") from None
    if not isinstance(record, dict):
        raise Bad(f"expected a JSON object, got {_json_type(record)}")
    return record


def article_from_record(record: dict[str, Any], fallback_id: str, config: ReadConfig,
                         warnings: list[str]) -> Article:
    """An Article from one JSON object: `text` required, bad optional fields dropped with a warning."""
    if "text" not in record:
        raise Bad("no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise Bad(f"'text' must be a string, got {_json_type(text)}")
    if len(text) > config.max_bytes:  # each character is at least one byte
        raise Bad(too_large(config))
    text = _clean_surrogates(text, "text", config, warnings)
    if len(text.encode("utf-8")) > config.max_bytes:  # the text's size, not its JSON escapes'
        raise Bad(too_large(config))
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
        raise Bad(f"'id' must be a string or an integer, got {_json_type(value)}")
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
        raise Bad(f"invalid Unicode: {where} (use --encoding-errors replace to go on)")
    warnings.append(f"{where} replaced with U+FFFD")
    return _SURROGATE.sub("\ufffd", value)  # same length: offsets stay valid


def _skip_rest_of_line(stream: _LineSource) -> int:
    """Consume an over-long line chunk by chunk; the number of bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(READ_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _line_limit(config: ReadConfig) -> int:
    """The longest JSON line read: `--max-bytes` limits the article's UTF-8 text, and JSON
    may escape each character as `\\uXXXX` (6 bytes), besides the other fields."""
    return 6 * config.max_bytes + READ_CHUNK


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    names = {bool: "boolean", int: "number", float: "number", str: "string",
             list: "array", dict: "object", type(None): "null"}
    return names.get(type(value), type(value).__name__)
