"""quotes: extract quoted statements and their speakers from news articles.

    >>> from quotes import extract
    >>> [q.speaker for q in extract('“We are ready,” Jane Doe said.')]
    ['Jane Doe']
"""

from __future__ import annotations

from importlib import import_module

# The console script imports this package before quotes.entry can catch Ctrl-C: it
# imports nothing else, not even typing (type checkers treat this name as typing's).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from quotes.model import SCHEMA_VERSION, Article, Quote
    from quotes.pipeline import extract

__all__ = ["SCHEMA_VERSION", "Article", "Quote", "extract"]
__version__ = "0.1.0"

# The public names load on first use, so that importing the package is instant:
# the command line can catch Ctrl-C while pydantic and the lexicons load.
_HOMES = {"Article": "quotes.model", "Quote": "quotes.model",
          "SCHEMA_VERSION": "quotes.model", "extract": "quotes.pipeline"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'quotes' has no attribute {name!r}")
