"""What `quotes eval` scores: gold and predicted quotes as items with trimmed spans,
and the gold articles that hold them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

KINDS = ("direct", "mixed", "indirect")


class EvalError(Exception):
    """An input that cannot be scored; `code` is the process exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _is_edge_char(char: str) -> bool:
    """Whitespace, any punctuation (quote marks, dashes, brackets) or a backtick."""
    return char.isspace() or char == "`" or unicodedata.category(char).startswith("P")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] less edge whitespace, quote marks ('' and `` too), punctuation."""
    while start < end and _is_edge_char(text[start]):
        start += 1
    while end > start and _is_edge_char(text[end - 1]):
        end -= 1
    return start, end


@dataclass(frozen=True)
class Item:
    """One gold or predicted quote as the scorer sees it: trimmed offsets, kind, speaker."""

    article_id: str
    start: int
    end: int
    kind: str
    speaker: str | None
    # The words that attribute a predicted quote (its speaker_mention): "the agency"
    # for the speaker "Water Agency". None: judged by the resolved name alone.
    mention: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """The trimmed (start, end)."""
        return self.start, self.end


Predictions = dict[str, list[Item]]  # article id -> its predicted quotes
Examples = dict[str, list[dict[str, Any]]]  # error class -> the quotes listed


@dataclass(frozen=True)
class GoldArticle:
    """A gold article: its text and its annotated quotes (trimmed)."""

    id: str
    text: str
    date: str | None
    title: str | None
    quotes: tuple[Item, ...]
    # Spans of a partly reviewed article that no reviewer judged: predictions there are not scored.
    unreviewed: frozenset[tuple[int, int]] = frozenset()


def make_item(text: str, article_id: str, start: int, end: int, kind: str,
              speaker: str | None, mention: str | None = None) -> Item:
    """An Item with its span trimmed against the article text."""
    s, e = trim_span(text, start, end)
    return Item(article_id, s, e, kind, speaker, mention)
