"""File names as users see them, and outputs that must never overwrite what is read.

A file name is bytes on Unix: Python hands undecodable bytes over as lone
surrogates, which no UTF-8 stream can print, and a name may hold a newline or
an escape sequence that fakes a message. `shown` makes any name one safe line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

STDIN = "-"
ARTICLE_SUFFIXES = (".txt", ".jsonl", ".ndjson")

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def shown(name: str | os.PathLike[str]) -> str:
    """A file name as one printable line: bad bytes as `\\xff`, control characters escaped.

    Names without such characters are returned unchanged; the escaping is stable,
    so ids derived from it are the same on every run.
    """
    text = os.fspath(name)
    if text.isprintable():
        return text
    return "".join(_shown_char(char) for char in text)


def _shown_char(char: str) -> str:
    """One character of a name, escaped when it cannot be printed as it is."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the undecodable byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable() or char == " ":
        return char
    if 0xD800 <= code <= 0xDFFF or code < 0x100:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def output_clash(output: Path, inputs: Iterable[str], stdin_fd: int | None = 0) -> str | None:
    """Why writing `output` would destroy an input, or None when it is safe.

    An output is an input when both are the same file (by device and inode, so
    symlinks and hard links count), when a directory input would read it, or when
    stdin is redirected from it. Devices are exempt (`-o /dev/null` with
    `/dev/null` as input is harmless), as `cat` exempts them.
    """
    out = _stat(output)
    if out is not None and stat.S_ISCHR(out.st_mode):
        return None
    for given in inputs:
        if given == STDIN:
            if stdin_fd is not None and out is not None and _same(out, _fstat(stdin_fd)):
                return "it is also the input read on stdin"
            continue
        found = _stat(Path(given))
        if found is None or out is None:
            continue
        if _same(out, found):
            return f"it is also the input {shown(given)}"
        if stat.S_ISDIR(found.st_mode) and _read_by_walk(output, Path(given)):
            return f"it would be read as an input of directory {shown(given)}"
    return None


def same_output(first: Path, second: Path) -> bool:
    """Whether two outputs name one file (existing or not): one would overwrite the other."""
    a, b = _stat(first), _stat(second)
    if a is not None and b is not None:
        return _same(a, b) and not stat.S_ISCHR(a.st_mode)
    return os.path.realpath(first) == os.path.realpath(second)


def _read_by_walk(output: Path, directory: Path) -> bool:
    """Whether a walk of `directory` (hidden entries skipped) would read `output`."""
    if output.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    target, root = Path(os.path.realpath(output)), Path(os.path.realpath(directory))
    try:
        inside = target.relative_to(root)
    except ValueError:
        return False
    return not any(part.startswith(".") for part in inside.parts)


def _same(a: os.stat_result | None, b: os.stat_result | None) -> bool:
    return a is not None and b is not None and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


def _fstat(fd: int) -> os.stat_result | None:
    try:
        return os.fstat(fd)
    except OSError:
        return None
