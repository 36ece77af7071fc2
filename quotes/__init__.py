"""quotes: extract quoted statements and their speakers from news articles.

    >>> from quotes import extract
    >>> [q.speaker for q in extract('“We are ready,” Jane Doe said.')]
    ['Jane Doe']
"""

from quotes.model import SCHEMA_VERSION, Article, Quote
from quotes.pipeline import extract

__all__ = ["Article", "Quote", "SCHEMA_VERSION", "extract"]
__version__ = "0.1.0"
