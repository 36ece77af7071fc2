"""Compressed inputs: gzip (member by member, see `members`), bzip2, xz and zstandard, known by content.

The decompressed bytes are streamed (a 1 GB `.jsonl.gz` is never held whole)
and read like any other input. A stream that breaks (truncated, corrupted)
raises `Damaged`, an OSError, at the first byte it cannot give: the readers
keep every article read before it and report the line and byte where it broke.
"""

from __future__ import annotations

import bz2
import io
import lzma
from collections.abc import Callable
from typing import Any

from quotes.io.extras import require
from quotes.io.members import GzipMembers
from quotes.io.stream import ByteSource

# Magic numbers at the start of each format (bzip2: "BZh" and a block size digit).
_MAGIC = (("gzip", b"\x1f\x8b\x08"), ("xz", b"\xfd7zXZ\x00"), ("zstd", b"\x28\xb5\x2f\xfd"))
_ZSTD_CHUNK = 1 << 16
_STEP = 1024


class Damaged(OSError):
    """A compressed stream that broke after some of it was read."""


def compression(head: bytes) -> str | None:
    """`gzip`, `bzip2`, `xz` or `zstd` when `head` starts like that format, else None."""
    for kind, magic in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[3:4] != b"0":
        return "bzip2"
    return None


def decompressed(stream: ByteSource, kind: str) -> Decompressed:
    """The decompressed bytes of `stream`, read on demand."""
    source: Any = stream  # the standard library's readers take any object with `read`
    # (no `with`: the returned object reads on after this returns; the caller owns `stream`)
    if kind == "gzip":
        inner: Any = GzipMembers(stream)
    elif kind == "bzip2":
        inner = bz2.BZ2File(source)
    elif kind == "xz":
        inner = lzma.LZMAFile(source)  # noqa: SIM115
    elif kind == "zstd":
        zstandard = require("zstandard", "reading zstd-compressed input")
        inner = io.BufferedReader(_ZstdReader(stream, zstandard), buffer_size=_ZSTD_CHUNK)
    else:
        raise ValueError(f"unknown compression {kind!r}")
    return Decompressed(inner, kind)


class Decompressed:
    """Decompressed bytes; any decompression failure becomes `Damaged`, saying where."""

    def __init__(self, inner: Any, kind: str) -> None:
        self._inner = inner
        self.kind = kind
        self.position = 0  # decompressed bytes given out so far
        self._broken: Damaged | None = None  # met while sniffing, raised at the next read

    def head(self, size: int) -> bytes:
        """Up to `size` bytes to sniff (fewer at the end, or before a break, kept for the next read)."""
        try:
            return self.read(size)
        except Damaged as exc:
            self._broken = exc
            return b""

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` decompressed bytes (all with -1); at a break, the bytes before it first.

        Read in small steps, so a break costs the bytes of one step at most, not of the
        whole request: the error itself is raised at the next read.
        """
        if self._broken is not None:
            raise self._broken
        parts: list[bytes] = []
        got = 0
        while size < 0 or got < size:
            step = _STEP if size < 0 else min(_STEP, size - got)
            try:
                part = self._checked(self._inner.read, step)
            except Damaged as exc:
                if not parts:
                    raise
                self._broken = exc
                break
            if not part:
                break
            parts.append(part)
            got += len(part)
        return b"".join(parts)

    def resync(self) -> int | None:
        """After a break in gzip: go on at the next member; its byte offset, or None (see GzipMembers)."""
        if not isinstance(self._inner, GzipMembers):
            return None
        self._broken = None
        return self._inner.resync()

    @property
    def member_offset(self) -> int | None:
        """Byte offset of the gzip member being read, where known."""
        return self._inner.member_offset if isinstance(self._inner, GzipMembers) else None

    def readline(self, size: int = -1, /) -> bytes:
        """One decompressed line of at most `size` bytes."""
        if self._broken is not None:
            raise self._broken
        return self._checked(self._inner.readline, size)

    def _checked(self, method: Callable[[int], bytes], size: int) -> bytes:
        try:
            data = method(size)
        except Exception as exc:  # each decompressor has its own error classes; all mean "broken"
            reason = str(exc) or type(exc).__name__
            raise Damaged(f"{self.kind} data broken after {self.position} decompressed bytes "
                          f"({reason})") from None
        self.position += len(data)
        return data


class _ZstdReader(io.RawIOBase):
    """zstandard frames one after another, decompressed; a stream cut inside a frame is an error.

    (The package's own stream reader ends quietly at a cut, which would lose the damage.)
    """

    def __init__(self, stream: ByteSource, zstandard: Any) -> None:
        self._stream = stream
        self._zstandard = zstandard
        self._frame = zstandard.ZstdDecompressor().decompressobj()
        self._in_frame = False
        self._out = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._out):
            chunk = self._stream.read(_ZSTD_CHUNK)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd data ended inside a frame")
                return 0
            self._out, self._at = self._feed(chunk), 0
        size = min(len(buffer), len(self._out) - self._at)
        buffer[:size] = self._out[self._at:self._at + size]
        self._at += size
        return size

    def _feed(self, chunk: bytes) -> bytes:
        """Decompress a chunk, starting a new frame wherever one ends."""
        parts = []
        while chunk:
            parts.append(self._frame.decompress(chunk))
            self._in_frame = True
            if not self._frame.eof:
                break
            chunk = self._frame.unused_data
            self._frame = self._zstandard.ZstdDecompressor().decompressobj()
            self._in_frame = False
        return b"".join(parts)
