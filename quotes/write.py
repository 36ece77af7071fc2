"""Write Quote records as JSON Lines or CSV, to stdout or atomically to a file."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import stat
import sys
import tempfile
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from quotes import stops
from quotes.model import Quote, Span

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")
Record = dict[str, Any]


class RecordWriter(Protocol):
    """Anything that takes one JSON-ready quote record at a time."""

    def write(self, record: Record) -> None: ...


def quote_record(quote: Quote) -> Record:
    """The JSON-ready form of a Quote, keys in model order (what every writer takes)."""
    # (every field is a JSON value already: the plain dump is the JSON one, made faster)
    return quote.model_dump()


def span_fields() -> tuple[str, ...]:
    """Quote fields holding a Span; CSV flattens each into text, start and end columns."""
    return tuple(name for name, info in Quote.model_fields.items()
                 if info.annotation is Span or Span in typing.get_args(info.annotation))


def csv_columns() -> list[str]:
    """CSV header: model fields in order, each Span as `name, name_start, name_end`."""
    spans = span_fields()
    columns: list[str] = []
    for name in Quote.model_fields:
        columns += [name, f"{name}_start", f"{name}_end"] if name in spans else [name]
    return columns


def csv_row(record: Record) -> list[Any]:
    """One CSV row; None becomes an empty cell, a Span its three cells."""
    spans = span_fields()
    row: list[Any] = []
    for name in Quote.model_fields:
        value = record.get(name)
        if name in spans:
            span = value or {}
            row += [span.get("text"), span.get("start"), span.get("end")]
        else:
            row.append(value)
    return ["" if cell is None else cell for cell in row]


# Characters Python's str.splitlines() breaks on that JSON leaves unescaped (the rest < 0x20
# are escaped anyway): escaping them keeps one record per line for every kind of reader.
# (A pattern, not str.translate: translating looks up every character of every record.)
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
# What json.dumps(record, ensure_ascii=False) builds anew for every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_line(record: Record) -> str:
    """One record as a JSON line: UTF-8 characters as they are, except line separators."""
    line = _ENCODER.encode(record)
    # (`in` finds a character many times faster than the pattern scans for none)
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = _LINE_BREAKS.sub(_escape, line)
    return line + "\n"


class JsonlWriter:
    """One JSON object per line, UTF-8 characters as they are."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, record: Record) -> None:
        """Append one record as a line."""
        self._stream.write(json_line(record))


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(cell: Any) -> Any:
    """A text cell a spreadsheet shows as text: a leading ' before a formula's first character."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell


class CsvWriter:
    """A header row, then one row per quote with nested spans flattened.

    For a spreadsheet, the file starts with a UTF-8 BOM (Excel reads accents right)
    and no text cell can start a formula; otherwise every cell is exact."""

    def __init__(self, stream: TextIO, spreadsheet: bool = False) -> None:
        self._spreadsheet = spreadsheet
        if spreadsheet:
            stream.write("\ufeff")
        self._csv = csv.writer(stream)
        self._csv.writerow(csv_columns())

    def write(self, record: Record) -> None:
        """Append one record as a row."""
        row = csv_row(record)
        self._csv.writerow([spreadsheet_cell(c) for c in row] if self._spreadsheet else row)


def make_writer(stream: TextIO, format: Format, spreadsheet: bool = False) -> RecordWriter:
    """The writer for a format name (`spreadsheet`: CSV made safe to open in one)."""
    if format == "csv":
        return CsvWriter(stream, spreadsheet)
    if format == "jsonl":
        return JsonlWriter(stream)
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


@contextmanager
def open_output(path: str | os.PathLike[str] | None, format: Format = "jsonl",
                spreadsheet: bool = False) -> Iterator[RecordWriter]:
    """A writer to stdout (path None or `-`) or to a file replaced only when all went well."""
    if format == "parquet":  # binary, in row groups: a writer of its own
        from quotes.io.parquet import open_parquet_output  # needs the archives extra

        with open_parquet_output(path) as parquet:
            yield parquet
        return
    if path is None or str(path) == "-":
        with utf8_stdout() as stream:
            yield make_writer(stream, format, spreadsheet)
    else:
        with output_file(Path(path)) as stream:
            yield make_writer(stream, format, spreadsheet)


@contextmanager
def output_file(path: Path) -> Iterator[TextIO]:
    """`-o`/`--errors` FILE as UTF-8 text, written as `output_path` says."""
    with output_path(path) as (target, special):
        if special:
            with open(target, "w", encoding="utf-8", newline="") as stream:
                yield stream
            return
        fd = os.open(target, os.O_WRONLY)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


atomic_file = output_file  # (its former name: every output of the project goes through here)


@contextmanager
def output_path(path: Path) -> Iterator[tuple[Path, bool]]:
    """Where to write `path`'s new content, and whether that is the target itself.

    A regular file (or a symlink's final target, created if the link dangles) is
    replaced atomically: the content goes to a temporary file beside it, which is
    renamed over it only when the block ends without error, keeping the old
    file's permissions; readers see the old file or the new, and on any failure
    or interruption the old file stays and the temporary one is removed. A
    device, FIFO or socket is written straight through (`True`), like a shell's
    `>`: never replaced. Writers of any format (text, Parquet) share this.
    """
    target = resolve_output(path)
    if is_special(target):
        yield target, True
        return
    directory = target.parent if str(target.parent) else Path(".")
    temp = None
    held = stops.hold()  # a stop between making the file and knowing its name would leave it
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        stops.release(held)  # a stop held meanwhile is raised here, where it removes the file
        yield Path(temp), False
        os.chmod(temp, _target_mode(target))
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            _remove_quietly(temp)
        stops.release(held)
        raise
    _fsync_directory(directory)


def resolve_output(path: Path) -> Path:
    """Where writing `path` must land: a symlink's final target (created if dangling).

    Replacing the link itself would leave its target stale; a loop is an OSError.
    """
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath stops at a loop
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    return target


def is_special(path: Path) -> bool:
    """True for an existing device, FIFO or socket: something to write to, never to replace."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextmanager
def utf8_stdout() -> Iterator[TextIO]:
    """stdout as UTF-8 text whatever the locale says, so any article text can be written."""
    stream = sys.stdout
    if stream is None:  # the process was started with stdout closed (`>&-`)
        raise OSError(errno.EBADF, "stdout is closed")
    if (getattr(stream, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig") \
            or not hasattr(stream, "buffer"):
        yield stream
        stream.flush()
        return
    stream.flush()
    wrapper = io.TextIOWrapper(stream.buffer, encoding="utf-8", newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave sys.stdout's buffer open


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual umask default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove_quietly(temp: str) -> None:
    """Delete a temp file if it is still there."""
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
