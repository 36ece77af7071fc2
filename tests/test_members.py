"""gzip read member by member: the same bytes as gzip, and a broken member skipped on request."""

from __future__ import annotations

import gzip
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.io.members import MEMBER_START, GzipMembers
from quotes.io.stream import read_at_most


def members(*parts: bytes) -> list[bytes]:
    return [gzip.compress(part, mtime=0) for part in parts]


def broken(member: bytes) -> bytes:
    """The member with its deflate data garbled past the header (the CRC can no longer match)."""
    middle = len(member) // 2
    return member[:10] + bytes(b ^ 0x5A for b in member[10:middle]) + member[middle:]


class Chunked:
    """A stream that gives at most `step` bytes per read, as a pipe does."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.at, self.step = data, 0, step

    def read(self, size: int = -1, /) -> bytes:
        size = self.step if size < 0 else min(size, self.step)
        taken = self.data[self.at:self.at + size]
        self.at += len(taken)
        return taken

    def readline(self, size: int = -1, /) -> bytes:
        raise NotImplementedError


@settings(max_examples=80, deadline=None)
@given(parts=st.lists(st.binary(max_size=3000), min_size=1, max_size=6),
       step=st.integers(1, 5000), sizes=st.lists(st.integers(-1, 900), min_size=1, max_size=30),
       padding=st.integers(0, 40))
def test_members_read_in_any_sizes_give_the_bytes_gzip_gives(parts: list[bytes], step: int,
                                                             sizes: list[int], padding: int) -> None:
    packed = b"".join(members(*parts)) + b"\0" * padding  # gzip allows zero padding at the end
    reader = GzipMembers(Chunked(packed, step))
    got = b"".join(reader.readline(size) if size % 2 else reader.read(size) for size in sizes)
    got += reader.read()
    assert got == gzip.decompress(packed) == b"".join(parts)


def test_a_member_that_unpacks_large_is_given_out_in_bounded_pieces() -> None:
    reader = GzipMembers(Chunked(gzip.compress(b"\0" * 50_000_000), 1 << 16))
    assert len(reader.read(100)) == 100
    assert len(reader._out) <= 1 << 16  # one bounded piece at a time, never the whole member


def test_after_a_broken_member_resync_goes_on_at_the_next_member() -> None:
    first, second, third = members(b"first record " * 200, b"second record " * 200,
                                   b"third record " * 200)
    data = first + broken(second) + third
    reader = GzipMembers(Chunked(data, 4096))
    assert read_at_most(reader, len(b"first record ") * 200) == b"first record " * 200
    with pytest.raises(zlib.error):
        reader.read()
    assert reader.member_offset == len(first)
    assert reader.resync() == len(first) + len(second)
    assert reader.read() == b"third record " * 200


def test_resync_skips_a_false_start_inside_the_broken_member() -> None:
    first, second = members(b"kept " * 100, b"also kept " * 100)
    damaged = MEMBER_START + b"\xff" * 40  # starts like a member, breaks at once
    reader = GzipMembers(Chunked(damaged + MEMBER_START + b"garbage" + first + second, 100))
    got = b""
    for _ in range(5):
        try:
            got += reader.read()
            break
        except zlib.error:
            assert reader.resync() is not None
    assert got == b"kept " * 100 + b"also kept " * 100


def test_resync_at_the_end_says_no_member_follows() -> None:
    (only,) = members(b"the one record " * 50)
    reader = GzipMembers(Chunked(broken(only), 64))
    with pytest.raises(zlib.error):
        reader.read()
    assert reader.resync() is None
    assert reader.read() == b""


def test_a_stream_cut_inside_a_member_is_an_error() -> None:
    (only,) = members(b"cut short " * 300)
    reader = GzipMembers(Chunked(only[:-20], 1000))
    with pytest.raises(EOFError):
        reader.read()


def test_bytes_after_the_last_member_that_start_no_member_are_an_error() -> None:
    (only,) = members(b"text")
    reader = GzipMembers(Chunked(only + b"trailing junk", 1000))
    assert reader.read(4) == b"text"
    with pytest.raises(zlib.error):
        reader.read()
