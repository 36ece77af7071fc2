"""The pipeline: article in, validated Quote records out (stages in their own modules)."""

from __future__ import annotations

from quotes.model import Article, Quote


def extract(text_or_article: str | Article, *, article_id: str | None = None,
            date: str | None = None) -> list[Quote]:
    """Every quoted or reported statement of one article, in text order."""
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = Article(id=article_id or "article", text=text_or_article, date=date)
    return []  # stages are being written
