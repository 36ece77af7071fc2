"""Golden tests: every fixture in `fixtures/cases` and `fixtures/seeds`, one table.

A case is one JSON file:

    {"name": "...", "rule": "what it checks, one line",
     "text": "...",                       # or "article": "seeds/<id>.txt" (read with quotes.read)
     "quotes": [{"text": "...", "kind": "direct", "speaker": "Jane Doe"}, ...],
     "absent": ["Belavia"],               # texts no record may have (optional)
     "partial": true}                     # optional: only the listed quotes are required

A quote is found by its exact text (`"occurrence": n` picks the n-th, from 0,
when the text repeats), or by explicit `start`/`end`, which must then agree
with `text`. `"optional": true` marks a borderline quote: it need not be
found, and a record overlapping it is not counted against the case.

The check compares the set of (start, end, kind, speaker) expected with the
set extracted: every required quote present and, unless the case is partial,
no other record. On failure the message is a diff: `-` expected but missing,
`+` extracted but not expected, with the nearest counterpart beside each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quotes import extract
from quotes.model import Article, Quote
from quotes.read import Sourced, read_text_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FILES = sorted((FIXTURES / "cases").glob("*.json")) + sorted((FIXTURES / "seeds").glob("*.json"))
_SNIPPET = 70


@dataclass(frozen=True)
class Expected:
    """One annotated quote, with its offsets resolved."""

    start: int
    end: int
    kind: str
    speaker: str | None
    optional: bool = False

    @property
    def key(self) -> tuple[int, int, str, str | None]:
        return (self.start, self.end, self.kind, self.speaker)


@dataclass(frozen=True)
class Case:
    """A fixture file, loaded and checked for internal consistency."""

    name: str
    rule: str
    article: Article
    quotes: tuple[Expected, ...]
    absent: tuple[str, ...]
    partial: bool


def load_case(path: Path) -> Case:
    """Read one fixture file; a malformed fixture fails with a message naming it."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {"name", "rule", "text", "article", "quotes", "absent", "partial", "notes"}
    assert not unknown, f"{path.name}: unknown fields {sorted(unknown)}"
    assert ("text" in data) != ("article" in data), f"{path.name}: needs exactly one of text, article"
    if "article" in data:
        entries = [e for e in read_text_file(ROOT / data["article"]) if isinstance(e, Sourced)]
        assert len(entries) == 1, f"{path.name}: could not read {data['article']}"
        article = entries[0].article
    else:
        article = Article(id=path.stem, text=data["text"], body_start=0)
    quotes = tuple(_expected(path.name, article.text, q) for q in data["quotes"])
    return Case(name=data.get("name", path.stem), rule=data.get("rule", ""), article=article,
                quotes=quotes, absent=tuple(data.get("absent", ())),
                partial=bool(data.get("partial", False)))


def _expected(fixture: str, text: str, quote: dict[str, Any]) -> Expected:
    words = quote["text"]
    assert quote["kind"] in ("direct", "mixed", "indirect"), f"{fixture}: bad kind in {quote}"
    if "start" in quote:
        start, end = quote["start"], quote["end"]
        assert text[start:end] == words, (
            f"{fixture}: text[{start}:{end}] is {text[start:end]!r}, not {words!r}")
    else:
        start = -1
        for _ in range(quote.get("occurrence", 0) + 1):
            start = text.find(words, start + 1)
            assert start >= 0, f"{fixture}: {words!r} (occurrence {quote.get('occurrence', 0)}) not in text"
        end = start + len(words)
    return Expected(start, end, quote["kind"], quote["speaker"], bool(quote.get("optional")))


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= _SNIPPET else flat[:_SNIPPET - 1] + "…")


def _describe_expected(text: str, e: Expected) -> str:
    return f"[{e.start}:{e.end}] {e.kind:8} speaker={e.speaker!r} {_snippet(text[e.start:e.end])}"


def _describe_got(q: Quote) -> str:
    return (f"[{q.start}:{q.end}] {q.kind:8} speaker={q.speaker!r} {_snippet(q.text)}"
            f"  (rule={q.rule!r}, resolution={q.resolution})")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def diff(case: Case, got: list[Quote]) -> list[str]:
    """Lines describing every difference between the case and the records; empty if none."""
    text = case.article.text
    required = [e for e in case.quotes if not e.optional]
    optional = [e for e in case.quotes if e.optional]
    got_keys = {(q.start, q.end, q.kind, q.speaker) for q in got}
    expected_keys = {e.key for e in case.quotes}
    lines: list[str] = []
    missing = [e for e in required if e.key not in got_keys]
    for e in missing:
        lines.append(f"- expected {_describe_expected(text, e)}")
        for q in got:
            if _overlaps((q.start, q.end), (e.start, e.end)):
                lines.append(f"      got  {_describe_got(q)}")
    if not case.partial:
        for q in got:
            key = (q.start, q.end, q.kind, q.speaker)
            if key in expected_keys:
                continue
            if any(_overlaps((q.start, q.end), (e.start, e.end)) for e in optional):
                continue
            if any(_overlaps((q.start, q.end), (e.start, e.end)) for e in missing):
                continue  # already shown beside the missing quote it overlaps
            lines.append(f"+ unexpected {_describe_got(q)}")
    for words in case.absent:
        for q in got:
            if q.text == words:
                lines.append(f"+ must not be a quote: {_describe_got(q)}")
    return lines


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture(path: Path) -> None:
    case = load_case(path)
    got = extract(case.article)
    lines = diff(case, got)
    if lines:
        header = [f"{case.name}: {case.rule}", f"text: {_snippet(case.article.text)}"]
        records = [f"    {_describe_got(q)}" for q in got] or ["    (none)"]
        pytest.fail("\n".join(header + lines + ["all records:"] + records), pytrace=False)


def test_there_are_enough_cases() -> None:
    assert len(list((FIXTURES / "cases").glob("*.json"))) >= 35
