"""Acronyms that stand for a body the article names in full.

A news article names a body in full once ("Immigration, Refugees and
Citizenship Canada", often with "(IRCC)" after it) and later writes only the
acronym ("IRCC said …"). Where the initials of capitalised words given
earlier spell the acronym, joining words ("and", "of", "for", …) and commas
aside, the acronym means that body, and a record names it as the article
introduced it.
"""

from __future__ import annotations

from collections.abc import Iterator

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
    for start, end in _spellings(text, letters, floor, before):
        words = text[start:end]
        if "," in words and " and " not in words:
            continue  # "Palo Alto, Calif" is a place and its state, not a list of words in a name
        if len(letters) > 2 or text.startswith(f" ({acronym})", end):
            found = start, end
    return found


# A capitalised word no letter precedes, where a spelling may start; then what joins
# one word of a name to the next ("," and spaces, "and", "of" …) and that next word.
# Two fixed patterns read every acronym: compiling one per acronym cost more than
# the search itself.
_FIRST_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}" + _REST)
_NEXT_WORD = regex.compile(r",?[ \u00a0]+" + _JOINERS + r"(\p{Lu})" + _REST)


def _spellings(text: str, letters: str, floor: int, before: int) -> Iterator[Span]:
    """Runs of words between floor and before whose initials are the letters, left to
    right and not overlapping. Each word runs to its end (letters, marks, apostrophes
    and hyphens), so a run is read in one way only; a failed start is tried again from
    the next character ("O'Brien" may start a run at "B")."""
    pos = floor
    while (first := _FIRST_WORD.search(text, pos, before)) is not None:
        start, end = first.span()
        if text[start] == letters[0]:
            for letter in letters[1:]:
                word = _NEXT_WORD.match(text, end, before)
                if word is None or text[word.start(1)] != letter:
                    break
                end = word.end()
            else:
                yield start, end
                pos = end
                continue
        pos = start + 1
