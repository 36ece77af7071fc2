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
    handles: warcio, `quotes.read.read_at_most`): an error of the stream, a compressed
    stream's break, then never costs the bytes of the head. `read_head` reads a size whole.
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


def read_head(stream: ByteSource, size: int) -> bytes:
    """Up to `size` bytes, fewer only at the end of the stream (a pipe may give less per read)."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        part = stream.read(size - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)
