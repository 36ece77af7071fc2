"""Build validated Quote records: one per contiguous quoted or reported piece."""

from __future__ import annotations

from quotes.cues import Attribution
from quotes.model import Article, Quote, quote_id
from quotes.resolve import Resolved

# How much a resolution path keeps of the rule's confidence.
_RESOLUTION_WEIGHT = {"name": 1.0, "surname": 1.0, "role": 0.9, "pronoun": 0.85,
                      "continuation": 1.0, "none": 0.5}
_NO_ATTRIBUTION_CONFIDENCE = 0.6


def build_quote(article: Article, pieces: tuple[tuple[int, int], ...], kind: str,
                attribution: Attribution | None, resolved: Resolved | None) -> list[Quote]:
    """The records of one quote or report; pieces share speaker and cue."""
    text = article.text
    resolved = resolved or Resolved(None, None, "none", "no speaker found")
    mention = attribution.mention if attribution else None
    cue = attribution.cue if attribution else None
    base = attribution.confidence if attribution else _NO_ATTRIBUTION_CONFIDENCE
    confidence = round(base * _RESOLUTION_WEIGHT[resolved.resolution] * resolved.weight, 3)
    # Validated from plain values in one call (no Python-level constructor per record
    # or per span); the pieces share their speaker's and cue's spans.
    mention_span = _span(text, mention.start, mention.end) if mention else None
    cue_span = _span(text, cue.start, cue.end) if cue else None
    return [
        Quote.model_validate({
            "id": quote_id(article.id, start, end),
            "article_id": article.id,
            "article_title": article.title,
            "article_url": article.url,
            "date": article.date,
            "text": text[start:end],
            "start": start,
            "end": end,
            "kind": kind,
            "speaker": resolved.speaker,
            "speaker_role": resolved.role if resolved.speaker else None,
            "speaker_mention": mention_span,
            "resolution": resolved.resolution,
            "cue": cue_span,
            "act": cue.act if cue else None,
            "confidence": confidence,
            "rule": attribution.rule if attribution else "none",
            "explanation": resolved.explanation,
        })
        for start, end in pieces
    ]


def _span(text: str, start: int, end: int) -> dict[str, object]:
    """A Span's fields, validated as a Span where the Quote is."""
    return {"text": text[start:end], "start": start, "end": end}
