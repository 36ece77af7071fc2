"""Bounded time and memory (issue 16): article time budget, caps on options, stdin fuzzing."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from fakes import fake_extract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from inprocess import cli

import quotes.read
import quotes.run
from quotes.read import ReadConfig, Sourced, read_entries
from quotes.run import process_batch

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_53e420b5fc12cae6.txt"


# --- the cycle collector during a run ---------------------------------------------------

def test_a_run_collects_cycles_rarely_and_restores_the_collector(tmp_path: Path) -> None:
    """Extraction makes no reference cycles, so a run freezes what is loaded and lets
    young objects pile up before a collection; the settings come back afterwards."""
    import gc

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "“Yes,” Ann Lee said."}\n')
    before = gc.get_threshold()
    seen: list[tuple[tuple[int, ...], int]] = []

    class Keep:
        def write(self, record: Any) -> None:
            seen.append((gc.get_threshold(), gc.get_freeze_count()))

    quotes.run.run([path], Keep())
    assert seen and all(threshold[0] == quotes.run.COLLECTOR_YOUNG and frozen > 0
                        for threshold, frozen in seen)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


# --- item 7: a per-article time budget ---------------------------------------------------

def spin_on(article_id: str) -> Any:
    """An extractor that never finishes on one article (a stand-in for a pathological rule).

    The others take microseconds (the test double): the budget, a wall clock, then
    separates the two kinds by orders of magnitude even on a loaded machine."""
    def extract(article: Any) -> Any:
        if article.id == article_id:
            while True:
                pass
        return fake_extract(article)
    return extract


def test_an_article_over_its_time_budget_is_an_error_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes.run.pipeline, "extract", spin_on("slow"))
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": text}) + "\n"
                            for i in ("before", "slow", "after")))
    result = cli("extract", path, "--article-timeout", "0.3")
    assert result.exit_code == 1
    assert "a.jsonl:2: extraction of article 'slow' took over 0.3 s (see --article-timeout)" \
        in result.stderr
    assert {json.loads(r)["article_id"] for r in result.stdout.splitlines()} == {"before", "after"}


def test_a_worker_keeps_the_budget_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes.run.pipeline, "extract", spin_on("slow"))
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "slow", "text": "x"}\n{"id": "ok", "text": "“Yes,” Ann Lee said."}\n')
    entries = [e for e in read_entries([path]) if isinstance(e, Sourced)]
    slow, fine = process_batch(entries, 0.0, 0.2)
    assert not isinstance(slow, list) and "took over 0.2 s" in slow.reason
    assert isinstance(fine, list) and fine


def test_a_real_pathological_article_stops_at_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "run_on.txt"
    path.write_text("Jane Doe, who said, " * 26_000)  # 512 KiB: many seconds of work
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(path),
                             "--article-timeout", "0.5"], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 1
    assert "took over 0.5 s" in result.stderr and "Traceback" not in result.stderr


# --- item 10: absurd option values --------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--max-bytes", "100G"], "largest article size"),
    (["--max-bytes", "9" * 4300], "is not a size"),
    (["--article-timeout", "1e300"], "less than or equal to 86400"),
    (["--jobs", "-1"], "greater than or equal to 0"),
])
def test_absurd_limits_are_usage_errors(args: list[str], message: str) -> None:
    result = cli("extract", SEED, *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.replace("│", " ").split())


def test_more_jobs_than_cores_are_capped_with_a_notice() -> None:
    result = cli("extract", SEED, "--jobs", "9" * 30)
    assert result.exit_code == 0
    assert "usable cores; using" in result.stderr


def test_a_large_size_limit_does_not_allocate_it(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("“Yes,” Ann Lee said.")
    tracemalloc.start()
    try:
        list(read_entries([path, path.with_suffix(".x")], ReadConfig(max_bytes=64 << 20)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


# --- the property: any bytes on stdin --------------------------------------------------------

@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from([b"\n", b"{", b"}", b'"text"', b":", b'"', b"\xef\xbb\xbf", b"\x00",
                              b"\xff", b" said ", b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\r\n",
                              b'{"text": "', b"[", b"\\ud800"]), max_size=60).map(b"".join)))
def test_any_bytes_on_stdin_give_records_or_one_line_errors(data: bytes) -> None:
    # Bounded time: generous for a loaded 2-core machine. Bounded memory: an address-space cap.
    result = subprocess.run(
        [sys.executable, "-c", _LIMITED_RUN, "extract", "-"], input=data, capture_output=True,
        timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and "internal error" not in err
    lines = err.splitlines()
    assert lines and lines[-1].startswith("quotes: ") and lines[-1].endswith(" errors")
    assert all(line.startswith(("quotes: error: <stdin>", "quotes: warning: <stdin>"))
               for line in lines[:-1])
    for line in result.stdout.decode("utf-8").splitlines():
        json.loads(line)


# The CLI under a 2 GiB address-space limit: a run that balloons fails instead of passing.
_LIMITED_RUN = """
import resource, sys
limit = 2 << 30
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv[0] = "quotes"
from quotes.cli import main
main(sys.argv[1:])
"""


# --- item 14: what --max-bytes measures; read errors on stdin ----------------------------------

def test_max_bytes_measures_the_articles_utf8_text_not_its_json_escapes(tmp_path: Path) -> None:
    text = "Дума заявила, что закон готов. " * 100  # 2 bytes a letter in UTF-8, 6 escaped
    path = tmp_path / "ru.jsonl"
    path.write_text(json.dumps({"id": "ru", "text": text}) + "\n")  # ASCII: \\u escapes
    size = len(text.encode("utf-8"))
    assert len(path.read_bytes()) > 2 * size
    (ok,) = list(read_entries([path], ReadConfig(max_bytes=size)))
    assert isinstance(ok, Sourced)
    (over,) = list(read_entries([path], ReadConfig(max_bytes=size - 1)))
    assert not isinstance(over, Sourced) and "--max-bytes" in over.reason


class FailingStdin(io.RawIOBase):
    """A terminal or device that fails mid-read (EIO)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_a_read_error_on_stdin_is_an_input_error_not_an_output_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes.read, "_stdin_bytes", lambda: io.BufferedReader(FailingStdin()))
    result = cli("extract", "-")
    assert result.exit_code == 1, result.stderr
    assert "quotes: error: <stdin>: cannot read: Input/output error" in result.stderr
    assert "cannot write output" not in result.stderr


FUZZ = REPO / "fixtures" / "fuzz"


@pytest.mark.parametrize("name", sorted(p.name for p in FUZZ.iterdir()))
def test_every_fuzz_file_on_stdin_gives_records_or_one_line_errors(name: str) -> None:
    result = cli("extract", "-", "--article-timeout", "60", input=(FUZZ / name).read_bytes())
    assert result.exit_code in (0, 1), result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("quotes: ") and lines[-1].endswith(" errors")
    assert all(line.startswith(("quotes: error: <stdin>", "quotes: warning: <stdin>"))
               for line in lines[:-1])
    assert (result.exit_code == 1) == any(line.startswith("quotes: error:") for line in lines)
    for line in result.stdout.splitlines():
        json.loads(line)
