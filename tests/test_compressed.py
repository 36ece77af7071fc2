"""Compressed inputs: gzip, bzip2, xz and zstd, known by content, streamed, damage reported."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from archives import SEEDS, cli, extract, records, seed_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.io.compressed import compression, decompressed
from quotes.io.stream import Replay

COMPRESSORS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "gzip": (".gz", gzip.compress),
    "bzip2": (".bz2", bz2.compress),
    "xz": (".xz", lzma.compress),
    "zstd": (".zst", lambda data: zstandard.ZstdCompressor().compress(data)),
}


def packed(path: Path, kind: str, suffix: str | None = None) -> Path:
    """A compressed copy of `path` beside it (named with the format's suffix unless given)."""
    ext, compress = COMPRESSORS[kind]
    target = path.with_name(path.name + (ext if suffix is None else suffix))
    target.write_bytes(compress(path.read_bytes()))
    return target


@pytest.mark.parametrize("kind", COMPRESSORS)
def test_compressed_seeds_give_the_records_of_the_plain_files(tmp_path: Path, kind: str) -> None:
    jsonl = seed_jsonl(tmp_path)
    text = tmp_path / SEEDS[0].name
    text.write_bytes(SEEDS[0].read_bytes())
    plain = extract(jsonl, text)
    assert plain
    assert extract(packed(jsonl, kind), packed(text, kind)) == plain


@pytest.mark.parametrize("kind", COMPRESSORS)
def test_a_long_compressed_text_is_read_whole(tmp_path: Path, kind: str) -> None:
    text = tmp_path / "long.txt"
    paragraph = "“The harbour stays open all winter,” Ines Carrow said.\n\n"
    text.write_text(paragraph * 4000, encoding="utf-8")  # 230 KB
    # No time limit: on a loaded machine this one long article may pass the
    # default, and the test is about reading, not speed.
    unlimited = ("--article-timeout", "0")
    plain = extract(text, *unlimited)
    assert len(plain) == 4000
    assert extract(packed(text, kind), *unlimited) == plain
    assert extract("-", *unlimited, input=packed(text, kind).read_bytes()) == \
        [{**r, "article_id": "stdin", "id": r2["id"]} for r, r2 in
         zip(plain, extract("-", *unlimited, input=text.read_bytes()), strict=True)]


@pytest.mark.parametrize("kind", COMPRESSORS)
def test_compression_is_known_by_content_not_suffix(tmp_path: Path, kind: str) -> None:
    jsonl = seed_jsonl(tmp_path)
    disguised = packed(jsonl, kind, suffix=".data")
    assert compression(disguised.read_bytes()[:8]) == kind
    assert extract(disguised) == extract(jsonl)


def test_a_compressed_file_with_a_plain_suffix_is_decompressed(tmp_path: Path) -> None:
    jsonl = seed_jsonl(tmp_path)
    text = tmp_path / SEEDS[0].name
    text.write_bytes(SEEDS[0].read_bytes())
    expected = extract(jsonl, text)
    named = tmp_path / "named"
    named.mkdir()
    (named / jsonl.name).write_bytes(gzip.compress(jsonl.read_bytes()))
    (named / text.name).write_bytes(gzip.compress(text.read_bytes()))
    assert extract(named / jsonl.name, named / text.name) == expected


@pytest.mark.parametrize("kind", COMPRESSORS)
def test_compressed_stdin_gives_the_records_of_the_plain_file(tmp_path: Path, kind: str) -> None:
    jsonl = seed_jsonl(tmp_path)
    piped = extract("-", input=packed(jsonl, kind).read_bytes())
    assert piped == extract("-", input=jsonl.read_bytes())


def test_a_directory_walk_reads_compressed_files(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    jsonl = seed_jsonl(tmp_path)
    packed(jsonl, "gzip").rename(folder / "seeds.jsonl.gz")
    assert extract(folder) == extract(jsonl)


def many_articles(folder: Path, count: int) -> Path:
    """A JSON Lines file of `count` short invented articles, each with one quote."""
    path = folder / "many.jsonl"
    lines = [f'{{"id": "a{i}", "text": "“The ferry number {i} leaves at noon,” Mira Holt said."}}'
             for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["gzip", "xz", "zstd"])
def test_a_truncated_stream_keeps_the_articles_before_the_damage(tmp_path: Path, kind: str) -> None:
    jsonl = many_articles(tmp_path, 12000)
    whole = packed(jsonl, kind).read_bytes()
    cut = tmp_path / f"cut{COMPRESSORS[kind][0]}"
    cut.write_bytes(whole[: len(whole) // 2])
    result = cli("extract", cut)
    assert result.exit_code == 1
    kept = records(result.stdout)
    assert 0 < len(kept) < 12000
    assert [r["article_id"] for r in kept] == [f"a{i}" for i in range(len(kept))]
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("quotes: error:")]
    assert error.startswith(f"quotes: error: {cut}:{len(kept) + 1}: cannot read: {kind} data broken "
                            "after ")
    assert "decompressed bytes" in error and "Traceback" not in result.stderr


def test_a_damaged_text_article_is_an_error_and_the_other_inputs_go_on(tmp_path: Path) -> None:
    text = tmp_path / SEEDS[0].name
    text.write_bytes(SEEDS[0].read_bytes())
    whole = packed(text, "gzip").read_bytes()
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(whole[: len(whole) - 12])  # the end-of-stream check is lost
    kept = extract(cut, SEEDS[1], code=1)
    assert {r["article_id"] for r in kept} == {SEEDS[1].stem}


def test_without_zstandard_a_zst_input_names_the_extra_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard now fails
    jsonl = seed_jsonl(tmp_path)
    zst = tmp_path / "seeds.jsonl.zst"
    zst.write_bytes(COMPRESSORS["zstd"][1](jsonl.read_bytes()))
    result = cli("extract", zst, SEEDS[0])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"quotes: error: {zst}: reading zstd-compressed input needs the 'archives' extra "
        "(no module 'zstandard'): pip install 'quotes[archives]'")
    assert {r["article_id"] for r in records(result.stdout)} == {SEEDS[0].stem}


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=5000), kind=st.sampled_from(sorted(COMPRESSORS)),
       head=st.integers(0, 300), steps=st.lists(st.tuples(st.booleans(), st.integers(-1, 700)),
                                                 min_size=1, max_size=40))
def test_any_read_pattern_gives_back_the_bytes_compressed(data: bytes, kind: str, head: int,
                                                          steps: list[tuple[bool, int]]) -> None:
    """Sniffing a head, replaying it, then reads and readlines of any size lose and add nothing."""
    inner = decompressed(io.BytesIO(COMPRESSORS[kind][1](data)), kind)
    stream = Replay(inner.head(head), inner)
    got = b""
    for by_line, size in steps:
        got += stream.readline(size) if by_line else stream.read(size)
    got += stream.read()
    assert got == data
