"""gzip read member by member, so a reader can go on after a broken member.

Crawlers write a `.warc.gz` as one gzip member per record. When one member is
damaged (a bad sector, a bad copy), the records after it are intact: this reader
reports the break like any decompressor, then `resync()` finds the next member
start in the compressed bytes and reading goes on from there. For every other
input it reads gzip as `gzip.GzipFile` does (members one after another).
"""

from __future__ import annotations

import zlib

from quotes.io.stream import ByteSource

MEMBER_START = b"\x1f\x8b\x08"  # gzip magic and the deflate method: how every member begins
_CHUNK = 1 << 16
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer (CRC and size checked) around deflate


class GzipMembers:
    """Decompressed bytes of gzip members, read on demand; a break raises (zlib.error, EOFError)."""

    def __init__(self, stream: ByteSource) -> None:
        self._stream = stream
        self._raw = b""  # compressed bytes read from the stream and not yet decompressed
        self._raw_at = 0  # stream offset of the first byte of `_raw`
        self._member_at = 0  # stream offset where the current member starts
        self._member = zlib.decompressobj(_GZIP_WBITS)
        self._in_member = False  # some of the current member fed, its end not yet seen
        self._out = b""  # decompressed bytes, given out from `_at` on
        self._at = 0
        self._ended = False

    @property
    def member_offset(self) -> int:
        """Byte offset, in the compressed stream, of the member being read (the broken one after a break)."""
        return self._member_at

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` decompressed bytes (all with -1); fewer only at a member's or the stream's end."""
        if size < 0:
            parts = []
            while part := self.read(_CHUNK):
                parts.append(part)
            return b"".join(parts)
        if not self._ready():
            return b""
        taken = self._out[self._at:self._at + size]
        self._at += len(taken)
        return taken

    def readline(self, size: int = -1, /) -> bytes:
        """One line of at most `size` bytes."""
        parts: list[bytes] = []
        got = 0
        while (size < 0 or got < size) and self._ready():
            end = len(self._out) if size < 0 else min(len(self._out), self._at + size - got)
            newline = self._out.find(b"\n", self._at, end)
            cut = newline + 1 if newline >= 0 else end
            parts.append(self._out[self._at:cut])
            got += cut - self._at
            self._at = cut
            if newline >= 0:
                break
        return b"".join(parts)

    def resync(self) -> int | None:
        """After a break: drop the broken member and go to the next member start.

        Returns that start's byte offset in the compressed stream, or None when no
        member follows. The search begins where the damage was found; a false start
        (the magic bytes inside compressed data) breaks at once and is skipped the
        same way at the next call.
        """
        self._out, self._at = b"", 0
        self._member = zlib.decompressobj(_GZIP_WBITS)
        self._in_member = False
        search_from = max(self._member_at + 1 - self._raw_at, 0)
        while True:
            found = self._raw.find(MEMBER_START, search_from)
            if found >= 0:
                self._drop(found)
                self._member_at = self._raw_at
                self._ended = False
                return self._member_at
            self._drop(max(len(self._raw) - len(MEMBER_START) + 1, 0))  # a start may straddle chunks
            search_from = 0
            chunk = self._stream.read(_CHUNK)
            if not chunk:
                self._drop(len(self._raw))
                self._ended = True
                return None
            self._raw += chunk

    def _ready(self) -> bool:
        """Whether undelivered bytes are at hand, decompressing more when none are."""
        while self._at >= len(self._out):
            if self._ended:
                return False
            self._out, self._at = self._decompress(), 0
        return True

    def _decompress(self) -> bytes:
        """The next piece of output: from the bytes at hand, else from a new chunk of the stream."""
        if not self._in_member:
            self._drop(len(self._raw) - len(self._raw.lstrip(b"\0")))  # zero padding between members
        if not self._raw:
            self._raw = self._stream.read(_CHUNK)
            if not self._raw:
                self._ended = True
                if self._in_member:
                    raise EOFError("compressed file ended before the end of a gzip member")
                return b""
            return b""  # padding is checked again before the new bytes are fed
        fed = self._raw
        out = self._member.decompress(fed, _CHUNK)  # bounded: a small member may unpack to gigabytes
        self._in_member = True
        if self._member.eof:  # this member is whole; what follows it starts the next one
            self._drop(len(fed) - len(self._member.unused_data))
            self._member_at = self._raw_at
            self._member = zlib.decompressobj(_GZIP_WBITS)
            self._in_member = False
        else:
            self._drop(len(fed) - len(self._member.unconsumed_tail))
        return out

    def _drop(self, count: int) -> None:
        self._raw = self._raw[count:]
        self._raw_at += count
