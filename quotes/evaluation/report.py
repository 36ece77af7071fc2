"""`quotes eval`'s text output: the table of figures, and listings of errors with
their context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from quotes.evaluation.items import Examples, GoldArticle, Item
from quotes.evaluation.losses import strict_losses

if TYPE_CHECKING:
    from quotes.evaluate import Evaluation

CONTEXT_CHARS = 40
SPAN_CHARS = 70


def _fmt(value: float | None) -> str:
    """A figure with two decimals, or a dash when undefined."""
    return "-" if value is None else f"{value:.2f}"


def format_table(ev: Evaluation) -> str:
    """The human-readable table of all rows, with throughput below."""
    head = (f"{'kind':<13}{'span P':>7}{'R':>6}{'F1':>6}{'exact F1':>10}{'attr P':>8}{'R':>6}"
            f"{'F1':>6}{'spk acc':>9}{'strict':>8}{'gold':>7}{'pred':>7}{'match':>7}")
    lines = [head, "-" * len(head)]
    for name, row in ev.rows.items():
        f = row.figures()
        span, attr = f["span"], f["attribution"]
        lines.append(
            f"{name:<13}{_fmt(span['precision']):>7}{_fmt(span['recall']):>6}{_fmt(span['f1']):>6}"
            f"{_fmt(f['exact']['f1']):>10}{_fmt(attr['precision']):>8}{_fmt(attr['recall']):>6}"
            f"{_fmt(attr['f1']):>6}{_fmt(f['speaker_accuracy']):>9}{_fmt(f['strict_recall']):>8}"
            f"{row.gold:>7}{row.pred:>7}{row.matched_gold:>7}")
    lines.append("")
    losses = strict_losses(ev)
    lines.append("not strict: " + ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in losses.items()))
    lines.append(f"articles: {ev.articles}" + (f", extraction failed on {len(ev.failed)}"
                                              if ev.failed else ""))
    speed = ev.throughput
    lines.append("throughput: " + ("not measured (scored given predictions)" if speed is None
                                   else f"{speed:.3f} MB/s ({ev.megabytes:.3f} MB in "
                                        f"{ev.seconds:.2f} s)"))
    return "\n".join(lines)


def _shorten(text: str, limit: int = SPAN_CHARS) -> str:
    """One line of at most `limit` characters, the middle elided."""
    text = _flat(text)
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def _flat(text: str) -> str:
    """Whitespace runs (newlines too) as single spaces, so a listing stays one line per quote."""
    return " ".join(text.split())


def _in_context(text: str, item: Item) -> str:
    """The (shortened) span in ⟦ ⟧ with ~40 characters of article text either side."""
    before = _flat(text[max(0, item.start - CONTEXT_CHARS):item.start])
    after = _flat(text[item.end:item.end + CONTEXT_CHARS])
    return f"…{before} ⟦{_shorten(text[item.start:item.end])}⟧ {after}…"


def _spread(items: Sequence[Any], article_of: Callable[[Any], str]) -> list[Any]:
    """Items reordered round-robin across articles, so a short listing shows many articles."""
    queues: dict[str, list[Any]] = {}
    for item in items:
        queues.setdefault(article_of(item), []).append(item)
    out: list[Any] = []
    rank = 0
    while len(out) < len(items):
        out += [q[rank] for q in queues.values() if rank < len(q)]
        rank += 1
    return out


def error_examples(ev: Evaluation, articles: Sequence[GoldArticle], n: int) -> Examples:
    """Up to n missed, spurious and misattributed quotes, as plain data with context."""
    texts = {a.id: a.text for a in articles}

    def entry(item: Item, gold: str | None, pred: str | None) -> dict[str, Any]:
        return {"article_id": item.article_id, "start": item.start, "end": item.end,
                "kind": item.kind, "text": _shorten(texts[item.article_id][item.start:item.end]),
                "context": _in_context(texts[item.article_id], item),
                "gold_speaker": gold, "pred_speaker": pred}

    by_article = attrgetter("article_id")
    return {
        "missed": [entry(g, g.speaker, None) for g in _spread(ev.missed, by_article)[:n]],
        "spurious": [entry(p, None, p.speaker) for p in _spread(ev.spurious, by_article)[:n]],
        "misattributed": [entry(p.gold, p.gold.speaker, p.pred.speaker)
                          for p in _spread(ev.misattributed, attrgetter("gold.article_id"))[:n]],
        "inexact": [entry(p.gold, p.gold.speaker, f"{p.pred.speaker} ({p.pred.kind})")
                    for p in _spread(ev.inexact, attrgetter("gold.article_id"))[:n]],
    }


# Which speakers an error class can show: a missed quote has no prediction, a spurious no gold.
SPEAKER_SIDES = {"missed": ("gold",), "spurious": ("pred",), "misattributed": ("gold", "pred"),
                 "inexact": ("gold", "pred")}


def format_errors(examples: Examples, totals: dict[str, int]) -> str:
    """The error listing: per class, a header line then two lines per quote."""
    lines = []
    for name, entries in examples.items():
        lines.append(f"\n{name} ({len(entries)} of {totals[name]})")
        for e in entries:
            speakers = "  ".join(f"{side} speaker: {e[side + '_speaker']!r}"
                                 for side in SPEAKER_SIDES[name])
            lines.append(f"  {e['article_id']} [{e['start']}:{e['end']}] {e['kind']}  {speakers}")
            lines.append(f"    {e['context']}")
    return "\n".join(lines)
