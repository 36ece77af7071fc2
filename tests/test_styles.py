"""The style set (fixtures/styles/): invented articles in British, wire and translated
house styles, annotated by hand. Scored as `quotes eval` scores them, so a rule that
costs one of these quotes fails here instead of going unnoticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.evaluate import evaluate

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"

# Share of gold quotes found with the right kind and the speaker's exact name (the
# "strict" column of `quotes eval`). Raise a floor when a rule lifts a style; never lower one.
FLOORS = {"british": 0.95, "wire": 0.95, "translated": 0.95}


@pytest.mark.parametrize("style", sorted(FLOORS))
def test_style_set_keeps_its_floor(style: str) -> None:
    result, articles = evaluate(STYLES / f"{style}.jsonl")
    assert len(articles) >= 10
    assert not result.failed
    strict = result.rows["all"].figures()["strict_recall"]
    assert strict >= FLOORS[style], f"{style}: strict {strict:.3f} < {FLOORS[style]}"


def test_style_set_spans_follow_the_gold_format() -> None:
    for path in sorted(STYLES.glob("*.jsonl")):
        _, articles = evaluate(path)
        kinds = {q.kind for a in articles for q in a.quotes}
        assert kinds == {"direct", "mixed", "indirect"}, path.name


# Every held-out set, in the order the rounds wrote them, and the eleventh round's tuning set.
HOLDOUTS = [STYLES / name for name in ["holdout", *(f"holdout{n}" for n in range(2, 18)), "tuning11", "tuning12", "tuning13", "tuning14", "tuning15", "tuning16"]]


@pytest.mark.parametrize("holdout", HOLDOUTS, ids=[path.name for path in HOLDOUTS])
@pytest.mark.parametrize("style", ["british", "wire", "translated"])
def test_holdout_set_loads_with_exact_spans(holdout: Path, style: str) -> None:
    # No accuracy floor: the tuning sets and the newest holdout (unseen) measure only.
    # One file per style, or one per style and writer ("british-a.jsonl", …).
    paths = sorted(holdout.glob(f"{style}.jsonl")) or sorted(holdout.glob(f"{style}-*.jsonl"))
    articles = [article for path in paths for article in evaluate(path)[1]]
    assert len(articles) >= 6
    records = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert 250 <= len(record["text"].split()) <= 600, record["id"]
        for quote in record["quotes"]:
            span = record["text"][quote["start"] : quote["end"]]
            assert span == quote["text"], (record["id"], quote["start"])
            assert span == span.strip() and span[-1] not in ",.;:", (record["id"], span)
            assert quote["speaker"] and quote["kind"] in {"direct", "mixed", "indirect"}
    kinds = {q.kind for a in articles for q in a.quotes}
    assert kinds == {"direct", "mixed", "indirect"}
