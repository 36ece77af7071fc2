"""Helpers for the archive tests: run the CLI in-process, build seed archives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inprocess import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
PAGES = REPO / "fixtures" / "pages"


def records(text: str) -> list[dict[str, Any]]:
    """JSON Lines to dicts."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def extract(*args: str | Path, input: bytes | None = None, code: int = 0) -> list[dict[str, Any]]:
    """The records of `quotes extract ARGS`, which must exit with `code`."""
    result = cli("extract", *args, input=input)
    assert result.exit_code == code, result.stderr
    return records(result.stdout)


def seed_jsonl(folder: Path) -> Path:
    """The seed articles as a JSON Lines file (ids are their file names)."""
    path = folder / "seeds.jsonl"
    lines = [json.dumps({"id": seed.stem, "text": seed.read_text(encoding="utf-8")},
                        ensure_ascii=False) for seed in SEEDS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
