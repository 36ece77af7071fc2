"""bench/speaker_forms.py reads its arguments like any command: --help is help, not a
file, and a missing or malformed file is one line of error, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "speaker_forms.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


def test_help_prints_usage() -> None:
    done = _run("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage:") and "GOLD.jsonl" in done.stdout
    assert "Traceback" not in done.stderr


def test_missing_file_is_one_error_line(tmp_path: Path) -> None:
    done = _run(str(tmp_path / "absent.jsonl"))
    assert done.returncode == 2
    assert "absent.jsonl: no such file" in done.stderr and "Traceback" not in done.stderr


def test_file_that_is_no_gold_corpus_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "notes.jsonl"
    bad.write_text('{"title": "no id, no text"}\n', encoding="utf-8")
    done = _run(str(bad))
    assert done.returncode == 2
    assert "notes.jsonl:1" in done.stderr and "Traceback" not in done.stderr


def test_table_of_a_gold_corpus() -> None:
    done = _run("fixtures/styles/wire.jsonl")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "wire.jsonl" and lines[1].startswith("| speaker written as |")
    assert any(line.startswith("| name |") for line in lines)
