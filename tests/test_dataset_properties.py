"""Properties of the dataset: every record in exactly one quotation and one speaker, and the
clusters never depend on the order records come in (invented wordings and names)."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.dataset.index import index
from quotes.dataset.quotations import MIN_WORDS_CHANGED, cluster, compare, wording
from quotes.model import Quote, quote_id

BASES = ["We will rebuild every bridge in this state before the winter comes",
         "The harbour will reopen to every ship by the end of the month",
         "Nobody in this town will pay more tax next year",
         "We will rebuild the harbour before the end of the month"]
NAMES = ["Rosa Quill", "Gov. Rosa Quill", "Quill", "Hugo Quill", "Ivo Pell", "Pell", None]
SWAPS = ["every", "each", "the", "a", "town", "city"]


@st.composite
def variant(draw: st.DrawFn, base: str | None = None) -> str:
    """A base wording as an article might print it: cut, a word changed, an ellipsis, capitals."""
    words = (base or draw(st.sampled_from(BASES))).split()
    start = draw(st.integers(0, 3))
    end = draw(st.integers(len(words) - 3, len(words)))
    words = words[start:end]
    if draw(st.booleans()) and len(words) >= MIN_WORDS_CHANGED:
        words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(SWAPS))
    if draw(st.booleans()) and len(words) > 7:  # two words at least each side of the ellipsis
        cut = draw(st.integers(2, len(words) - 4))
        words = [*words[:cut], "…", *words[cut + 2:]]
    text = " ".join(words)
    return text.upper() if draw(st.booleans()) else text


@given(st.lists(variant(), min_size=1, max_size=25, unique_by=wording), st.randoms())
def test_clusters_do_not_depend_on_order(texts: list[str], rnd: random.Random) -> None:
    units = ["t:" + wording(t) for t in texts]
    shuffled = units[:]
    rnd.shuffle(shuffled)
    assert _groups(units) == _groups(shuffled)


def _groups(units: list[str]) -> set[frozenset[str]]:
    roots = cluster(units)
    groups: dict[int, set[str]] = {}
    for unit, root in zip(units, roots, strict=True):
        groups.setdefault(root, set()).add(unit)
    return {frozenset(g) for g in groups.values()}


@given(st.data())
def test_a_variant_joins_its_base(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(BASES))
    printed = data.draw(variant(base))
    assert compare(wording(printed), wording(base)) is not None


@st.composite
def records(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = []
    for n in range(draw(st.integers(1, 12))):
        text = draw(variant())
        speaker = draw(st.sampled_from(NAMES))
        article = f"a{draw(st.integers(0, 5))}"
        quote = Quote(id=quote_id(article, n, n + len(text)), article_id=article,
                      date=f"2024-03-0{draw(st.integers(1, 9))}", text=text, start=n, end=n + len(text),
                      kind=draw(st.sampled_from(["direct", "mixed", "indirect"])), speaker=speaker,
                      speaker_role=draw(st.sampled_from([None, "Governor", "Senator"])) if speaker else None,
                      resolution="name" if speaker else "none", confidence=0.9, rule="test",
                      explanation="test")
        found.append(quote.model_dump(mode="json"))
    return found


def _index(found: list[dict[str, Any]], folder: Path, name: str) -> dict[str, tuple[str, str]]:
    half = len(found) // 2
    paths = []
    for part, chunk in enumerate((found[:half], found[half:])):
        path = folder / f"{name}-{part}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in chunk))
        paths.append(str(path))
    db = folder / f"{name}.db"
    index(paths, db)
    with sqlite3.connect(db) as con:
        mapping = {rid: (sid, qid) for rid, sid, qid in con.execute(
            "SELECT id, speaker_id, quotation_id FROM quotes")}
        assert con.execute("SELECT count(*) FROM quotes WHERE quotation_id NOT IN "
                           "(SELECT id FROM quotations)").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM quotes WHERE (speaker IS NULL) != (speaker_id IS NULL) "
                           "OR (speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers))").fetchone() == (0,)
        assert con.execute("SELECT sum(quotes) FROM quotations").fetchone()[0] == len(mapping)
    return mapping


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.randoms())
def test_every_record_in_one_quotation_and_one_speaker_whatever_the_order(
        found: list[dict[str, Any]], rnd: random.Random) -> None:
    shuffled = found[:]
    rnd.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as folder:
        first = _index(found, Path(folder), "first")
        second = _index(shuffled, Path(folder), "second")
    assert set(first) == {r["id"] for r in found}
    assert first == second
