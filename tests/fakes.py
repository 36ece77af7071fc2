"""A stand-in extractor for CLI tests, so they do not depend on the real rules' results."""

from __future__ import annotations

import re

from quotes.model import Article, Quote, quote_id

_CURLY = re.compile(r"“([^“”]*\S[^“”]*)”")


def fake_extract(text_or_article: str | Article, *, article_id: str | None = None,
                 date: str | None = None) -> list[Quote]:
    """One direct quote per “…” pair; confidence 0.9 for long quotes, 0.4 for short ones."""
    article = text_or_article if isinstance(text_or_article, Article) \
        else Article(id=article_id or "article", text=text_or_article, date=date)
    return [
        Quote(id=quote_id(article.id, m.start(1), m.end(1)), article_id=article.id,
              article_title=article.title, date=article.date, text=m.group(1),
              start=m.start(1), end=m.end(1), kind="direct",
              confidence=0.9 if len(m.group(1)) > 10 else 0.4,
              rule="fake", explanation="test double")
        for m in _CURLY.finditer(article.text, article.body_start)
    ]
