"""Acronyms that stand for a body the article names in full.

A news article names a body in full once ("Immigration, Refugees and
Citizenship Canada", often with "(IRCC)" after it) and later writes only the
acronym ("IRCC said …"). Where the initials of capitalised words given
earlier spell the acronym, joining words ("and", "of", "for", …) and commas
aside, the acronym means that body, and a record names it as the article
introduced it.
"""

from __future__ import annotations

from functools import lru_cache

import regex

Span = tuple[int, int]

_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}&]{1,7}")
_JOINERS = r"(?:(?:and|of|for|the|on|in|to|de|du|des|la|le|&)\s+)*"
_REST = r"[\p{L}\p{M}’'-]*"


def is_acronym(word: str) -> bool:
    """Two to eight capitals ("PBO", "AT&T"): a word that may abbreviate a name."""
    return _ACRONYM.fullmatch(word) is not None


def spelled_before(text: str, acronym: str, floor: int, before: int) -> Span | None:
    """The span of the last run of capitalised words between floor and before whose
    initials spell the acronym ("Parliamentary Budget Officer" for PBO), or None.

    Two letters match too many word pairs by chance: such an acronym counts only
    where the article defines it in parentheses ("United Nations (UN)")."""
    letters = acronym.replace("&", "")
    found = None
    for match in _spelling(letters).finditer(text, floor, before):
        if "," in match.group() and " and " not in match.group():
            continue  # "Palo Alto, Calif" is a place and its state, not a list of words in a name
        if len(letters) > 2 or text.startswith(f" ({acronym})", match.end()):
            found = match
    return found.span() if found else None


@lru_cache(maxsize=256)
def _spelling(letters: str) -> regex.Pattern[str]:
    words = [regex.escape(letter) + _REST for letter in letters]
    return regex.compile(r"(?<![\p{L}\p{M}])" + (r",?[ \u00a0]+" + _JOINERS).join(words) + r"(?![\p{L}\p{M}])")
