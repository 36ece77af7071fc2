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
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

# The entries and readers below are the public API of `quotes.read`; they live in
# `quotes.io` by what they read (entries, text, jsonl) and are named here as before.
from quotes.io.entries import (  # noqa: F401
    DEFAULT_MAX_BYTES,
    JSONL_SUFFIXES,
    STDIN,
    STDIN_ID,
    STDIN_NAME,
    TEXT_SUFFIXES,
    Entry,
    Item,
    Page,
    Problem,
    ReadConfig,
    ReadError,
    ReadWarning,
    Sourced,
    Work,
    os_reason,
    too_large,
)
from quotes.io.jsonl import not_json_lines, read_jsonl_stream
from quotes.io.stream import Replay, read_at_most
from quotes.io.text import BOM, TITLE_MAX_CHARS, parse_text_article, text_article  # noqa: F401
from quotes.model import parse_date  # noqa: F401
from quotes.paths import shown

_SNIFF_BYTES = 8192
MAX_DEPTH = 200  # directory nesting read at most (deeper trees are an error, not a crash)
_BLANK_PREFIX = re.compile(rb"[ \t\r\n\x0b\x0c]*")


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
        yield ReadError(name, None, f"cannot read: {os_reason(exc)}")
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
        yield ReadError(shown(directory), None, f"cannot read directory: {os_reason(exc)}")
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
            yield ReadError(shown(path), None, f"cannot read: {os_reason(exc)}")
            continue
        yield path


def _is_article_file(name: str) -> bool:
    """Text, JSON Lines and archive files (web pages, WARC, Parquet), compressed or not."""
    plain = _formats().article_stem(name.lower())
    return plain.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES + _formats().ARCHIVE_SUFFIXES)


def _formats() -> ModuleType:
    """The archive readers (`quotes.io.formats`), imported when first needed."""
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
    yield from text_article(data, name, file_id or shown(path.stem), config)


def read_stdin(stream: BinaryIO, config: ReadConfig = ReadConfig()) -> Iterator[Work]:
    """JSON Lines if the first non-blank character is `{`, else one text article."""
    yield from read_stream(stream, STDIN_NAME, STDIN_ID, config, json_name=STDIN_ID)


def sniff_format(head: bytes) -> str:
    """The plain format of an input from its first bytes: `jsonl`, `json-array` or `text`.

    `head` holds at least the first non-blank line (or all the input, if shorter).
    Binary and markup formats are told apart before this, by `quotes.io`
    (`kind_of` in `read_stream`), from the same head.
    """
    body = head.removeprefix(BOM).lstrip()
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
        yield ReadError(name, None, f"cannot read: {os_reason(exc)}")
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
        yield ReadError(name, None, too_large(config))
    else:
        try:
            data = read_at_most(replay, config.max_bytes + 1)
        except OSError as exc:
            yield ReadError(name, None, f"cannot read: {os_reason(exc)}")
            return
        yield from text_article(data, name, article_id, config)


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
        if start >= 0 or (not skipped_bytes and BOM.startswith(data)):
            continue  # found already, or a BOM not yet complete
        bom = len(BOM) if not skipped_bytes and data.startswith(BOM) else 0
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
            yield ReadError(name, None, f"cannot read: {os_reason(exc)}")
            return
        if _formats().compression(sniff):  # `.jsonl` by name, compressed by content
            yield from read_stream(handle, name, file_id or shown(path.stem), config,
                                   json_name=shown(path.name) if file_id is None
                                   else f"{file_id}{path.suffix}")
            return
        problem = not_json_lines(sniff)
        if problem:
            yield ReadError(name, None, problem)
            return
        json_id = shown(path.name) if file_id is None else f"{file_id}{path.suffix}"
        yield from read_jsonl_stream(handle, name, json_id, config)


def _stdin_bytes() -> BinaryIO:
    """The process's binary stdin (looked up late so tests can replace sys.stdin)."""
    import sys

    return sys.stdin.buffer


def _cannot_read(path: Path, exc: OSError) -> str:
    """`cannot read: …`, or what is wrong with a symlink that cannot be followed."""
    if exc.errno in (errno.ENOENT, errno.ELOOP) and path.is_symlink():
        return _missing_reason(path)
    return f"cannot read: {os_reason(exc)}"
