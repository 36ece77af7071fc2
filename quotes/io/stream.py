"""A byte stream that gives back what was read to sniff its format, then reads on."""

from __future__ import annotations

from typing import Protocol


class ByteSource(Protocol):
    """What the readers need from a stream: `read` and `readline` of bytes."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class Replay:
    """`head` (bytes already taken from `stream`) first, then `stream` itself: no byte is lost.

    `read` gives the head alone while it lasts (a short read, which every reader
    handles: warcio, `read_at_most`): an error of the stream, a compressed
    stream's break, then never costs the bytes of the head. `read_at_most` reads a size whole.
    """

    def __init__(self, head: bytes, stream: ByteSource) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` bytes (all with -1); while the head lasts, only from the head.

        (A short read, as a pipe gives: the stream is not read until the head is given
        out, so an error of the stream never costs the bytes of the head.)
        """
        if not self._head:
            return self._stream.read(size)
        if size < 0:
            taken, self._head = self._head, b""
            return taken + self._stream.read()
        taken, self._head = self._head[:size], self._head[size:]
        return taken

    def readline(self, size: int = -1, /) -> bytes:
        """One line (at most `size` bytes), which may start in the head and end in the stream."""
        if not self._head:
            return self._stream.readline(size)
        limit = len(self._head) if size < 0 else min(size, len(self._head))
        newline = self._head.find(b"\n", 0, limit)
        if newline >= 0 or limit == size:
            cut = newline + 1 if newline >= 0 else limit
            taken, self._head = self._head[:cut], self._head[cut:]
            return taken
        taken, self._head = self._head, b""
        return taken + self._stream.readline(-1 if size < 0 else size - len(taken))


# Bytes asked of a stream at a time.
READ_CHUNK = 1 << 20


def read_at_most(stream: ByteSource, size: int) -> bytes:
    """Up to `size` bytes, fewer only at the end of the stream (a pipe may give less per
    read), read a chunk at a time: `read(size)` would allocate all of `size` at once,
    however small the input."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
