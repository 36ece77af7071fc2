"""Inputs that used to lose or corrupt data (issue 16): pipes, odd names, repeated ids.

Every test works inside its own temporary folder.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from inprocess import cli

from quotes.read import (
    ReadConfig,
    ReadError,
    ReadWarning,
    Sourced,
    read_entries,
    read_head,
    read_stdin,
    sniff_format,
)

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_53e420b5fc12cae6.txt"


def run_cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """The real entry point in a child process (real file descriptors, real pipes)."""
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], capture_output=True,
                          timeout=300, check=False, **kwargs)


def records(out: str | bytes) -> list[dict[str, Any]]:
    text = out.decode() if isinstance(out, bytes) else out
    return [json.loads(line) for line in text.splitlines()]


def jsonl(count: int, pad: int = 0) -> bytes:
    """`count` articles, each with a quote, padded so the first ones fill the sniffing buffer."""
    line = "“We are ready,” Council Chair Mira Holt said. " + "Words. " * pad
    return "".join(json.dumps({"id": f"n{n}", "text": line}) + "\n"
                   for n in range(count)).encode()


class Trickle(io.RawIOBase):
    """A pipe that hands over `step` bytes per read, as a slow writer does."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data, self._pos, self._step = data, 0, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data[self._pos:self._pos + min(self._step, len(buffer))]
        buffer[:len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)


def stdin_of(data: bytes, step: int = 1 << 16) -> io.BufferedReader:
    return io.BufferedReader(Trickle(data, step), buffer_size=step)


# --- item 3: pipes without a suffix ---------------------------------------------------------

@pytest.mark.parametrize("content", ["jsonl", "text"])
def test_a_pipe_named_on_the_command_line_loses_nothing(tmp_path: Path, content: str) -> None:
    data = jsonl(40, pad=200) if content == "jsonl" else SEED.read_bytes() + b" More." * 5000
    assert len(data) > 3 * 8192
    read_end, write_end = os.pipe()
    same_as_file = tmp_path / f"{read_end}.txt"
    same_as_file.write_bytes(data)

    def feed() -> None:
        with open(write_end, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        result = run_cli("extract", f"/dev/fd/{read_end}", pass_fds=(read_end,))
    finally:
        os.close(read_end)
    writer.join(timeout=60)
    assert result.returncode == 0, result.stderr
    found = records(result.stdout)
    if content == "jsonl":
        assert sorted({r["article_id"] for r in found}) == sorted(f"n{n}" for n in range(40))
    else:
        assert found and found == records(cli("extract", same_as_file).stdout)


@pytest.mark.parametrize("step", [1, 2, 3, 7, 4096])
@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf\n\n" + jsonl(3),
    b"  \n" + jsonl(3),
    "\ufeff“We are ready,” Council Chair Mira Holt said.\n\nMore.".encode(),
])
def test_stdin_is_sniffed_the_same_however_it_trickles_in(data: bytes, step: int) -> None:
    whole = list(read_stdin(io.BytesIO(data)))
    assert whole == list(read_stdin(stdin_of(data, step)))
    assert all(isinstance(e, Sourced) for e in whole)


def test_sniffing_keeps_the_first_line_and_says_the_format() -> None:
    head = read_head(stdin_of(b"\n\n" + jsonl(200), 5), 1 << 20)
    assert head.data.startswith(b"\n\n{") and head.data.count(b"\n") == 3
    assert sniff_format(head.data) == "jsonl"
    assert sniff_format(b"\xef\xbb\xbf  [1, 2]") == "json-array"
    assert sniff_format(b"Plain words") == "text"


# --- item 8: blank lines on stdin -----------------------------------------------------------

def test_endless_blank_lines_on_stdin_are_read_in_bounded_memory() -> None:
    blank = b"\n" * (8 << 20)
    stdin = stdin_of(blank + jsonl(1))
    config = ReadConfig(max_bytes=64 * 1024)
    tracemalloc.start()
    try:
        found = list(read_stdin(stdin, config))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < (2 << 20), f"{peak} bytes held for {len(blank)} blank bytes"
    (entry,) = found
    assert isinstance(entry, Sourced) and entry.line == len(blank) + 1


def test_blank_lines_over_the_limit_then_text_is_one_size_error() -> None:
    found = list(read_stdin(stdin_of(b"\n" * 100_000 + b"Words.\n"), ReadConfig(max_bytes=1000)))
    assert len(found) == 1 and isinstance(found[0], ReadError) and "--max-bytes" in found[0].reason


# --- item 4 and 18: file names that are not UTF-8 or not printable ----------------------------

def test_a_non_utf8_file_name_is_read_and_named_safely(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = os.path.join(os.fsencode(folder), b"good\xff.txt")
    bad = os.path.join(os.fsencode(folder), b"bad\xfe.txt")
    with open(good, "wb") as handle:
        handle.write(SEED.read_bytes())
    with open(bad, "wb") as handle:
        handle.write(b"")
    errors = tmp_path / "errors.jsonl"
    result = run_cli("extract", str(folder), "-o", str(tmp_path / "out.jsonl"), "--errors",
                     str(errors))
    assert result.returncode == 1, result.stderr
    err = result.stderr.decode()
    assert "internal error" not in err and "bad\\xfe.txt: empty file" in err
    found = records((tmp_path / "out.jsonl").read_bytes())
    assert found and {r["article_id"] for r in found} == {"good\\xff"}
    assert "bad\\xfe.txt" in json.loads(errors.read_text())["input"]


def test_a_file_name_cannot_fake_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nquotes: 9 articles, 9 quotes, 0 errors\x1b[2K.txt").write_bytes(b"")
    result = run_cli("extract", str(folder))
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 2 and "\\nquotes: 9 articles" in lines[0] and "\\x1b[2K" in lines[0]
    assert lines[1] == "quotes: 0 articles, 0 quotes, 1 errors"


# --- item 5: ids unique within a run and stable between runs ----------------------------------

def test_files_of_one_name_in_different_folders_get_different_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(SEED.read_bytes())
    result = cli("extract", tmp_path)
    assert result.exit_code == 0
    found = records(result.stdout)
    assert {r["article_id"] for r in found} == {"a/x", "b/x"}
    assert len({r["id"] for r in found}) == len(found)
    assert result.stdout == cli("extract", tmp_path).stdout


def test_repeated_article_ids_are_renamed_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b" / "x.txt").write_bytes(SEED.read_bytes())
    line = "“We are ready,” Council Chair Mira Holt said."
    lines = tmp_path / "l.jsonl"
    lines.write_text("\n".join(json.dumps({"id": i, "text": line}) for i in (1, "1", "1#2", 1)))
    result = cli("extract", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", lines)
    assert result.exit_code == 0
    found = records(result.stdout)
    assert [r["article_id"] for r in found if r["article_id"].startswith("1")] == \
        ["1", "1#2", "1#2#2", "1#3"]
    assert {r["article_id"] for r in found if r["article_id"].startswith("x")} == {"x", "x#2"}
    assert len({r["id"] for r in found}) == len(found)
    assert "duplicate article id 'x'; renamed 'x#2'" in result.stderr
    assert result.stdout == cli("extract", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt",
                                lines).stdout


def test_unique_ids_keep_every_other_entry_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "l.jsonl"
    path.write_text('{"id": "k", "text": "a"}\n[]\n{"id": "k", "text": "b"}\n')
    found = list(read_entries([path]))
    assert [type(e).__name__ for e in found] == ["Sourced", "ReadError", "ReadWarning", "Sourced"]
    assert [e.article.id for e in found if isinstance(e, Sourced)] == ["k", "k#2"]
    assert isinstance(found[2], ReadWarning) and found[2].line == 3


# --- item 6: a NUL in the first JSON line -----------------------------------------------------

def test_a_nul_in_the_first_json_line_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "bad", "text": "x\x00y"}\n{"id": "good", "text": "Fine."}\n')
    found = list(read_entries([path]))
    assert isinstance(found[0], ReadError) and found[0].line == 1 and "NUL" in found[0].reason
    assert [e.article.id for e in found if isinstance(e, Sourced)] == ["good"]


def test_a_zeroed_block_before_good_lines_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00" * 4096 + b"\n" + b'{"id": "good", "text": "Fine."}\n')
    found = list(read_entries([path]))
    assert [e.article.id for e in found if isinstance(e, Sourced)] == ["good"]


def test_a_binary_file_named_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (found,) = list(read_entries([path]))
    assert isinstance(found, ReadError) and found.line is None and "binary" in found.reason


# --- item 9: FIFOs and other special files in a directory walk -------------------------------

def test_a_fifo_in_a_directory_is_skipped_with_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "b.txt")  # nobody ever writes to it: reading it would block for ever
    (folder / "c.jsonl").symlink_to(folder / "b.txt")
    result = run_cli("extract", str(folder))
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode()
    assert "b.txt: not a regular file; skipped" in err and "c.jsonl: not a regular file" in err
    assert {r["article_id"] for r in records(result.stdout)} == {"a"}


# --- item 18: links that loop, trees too deep -------------------------------------------------

def test_a_symlink_to_itself_is_a_loop_not_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    reasons = {e.input.rsplit("/", 1)[-1]: e.reason for e in read_entries([tmp_path])
               if isinstance(e, ReadError)}
    assert reasons == {"self.txt": "symbolic link loop", "gone.txt": "broken symbolic link"}
    (found,) = read_entries([tmp_path / "self.txt"])
    assert isinstance(found, ReadError) and found.reason == "symbolic link loop"


def test_a_tree_nested_too_deep_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    deep = tmp_path / "deep"
    os.makedirs(os.path.join(deep, *["d"] * 205))
    result = cli("extract", tmp_path)
    assert result.exit_code == 1
    assert "directories nested more than 200 deep; not read" in result.stderr
    assert "internal error" not in result.stderr
    assert {r["article_id"] for r in records(result.stdout)} == {"a"}
