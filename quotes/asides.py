"""Asides between a subject and its speech verb: "Vera Sokol, in turn, said that …",
"The mayor, for her part, stressed …", "Ana Ruiz, however, insisted …". The aside
is a sentence adverbial (lexicons/asides.txt), neither an apposition nor a role:
the subject is whatever ends before its opening comma.
"""

from __future__ import annotations

from functools import cache

import regex

from quotes import lexicon

# How far before the verb's comma the aside's opening comma may be.
_REACH = 40


@cache
def _aside() -> regex.Pattern[str]:
    words = lexicon.phrase_alternation("asides")
    return regex.compile(rf"\s*(?i:{words})\s*")


def aside_before(text: str, floor: int, comma: int) -> int | None:
    """The comma opening an aside that ends at `comma` (the one before the verb), or None."""
    opening = text.rfind(",", max(floor, comma - _REACH), comma)
    if opening < 0 or not _aside().fullmatch(text, opening + 1, comma):
        return None
    return opening
