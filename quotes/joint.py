"""A plural description of two that speak together: "…, the two countries said in a joint
statement" after "Ostrania and Velmar", "both sides said" after "Kessa and Dorn". The pair
is the last two names the article joined with "and" before the description.
"""

from __future__ import annotations

import regex

from quotes import lexicon

# "the two countries", "both governments", "the two sides", "both companies' boards" is not one.
_TWO = regex.compile(r"(?:(?:[Tt]he\s+)?two|[Bb]oth(?:\s+the)?)\s+(?:\p{Ll}+\s+)?(?P<kind>\p{Ll}+s)")
# Capitalised words that open a sentence without naming anyone.
_NOT_NAMES = frozenset("The A An This That These Those But And Both".split())
_NAME = r"\p{Lu}[\p{L}’'-]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]+){0,3}"
# (not the end of a list, "Sciences, Engineering and Medicine", nor of a longer name)
_PAIR = regex.compile(rf"(?<!,\s)(?<!\p{{Lu}}[\p{{L}}’'-]*\s)(?<!\p{{L}})({_NAME})\s+and\s+({_NAME})"
                      r"(?![\p{L}’'-])")
# How far back the pair is looked for: the same or the previous paragraph.
_REACH = 600


def described_pair(text: str, said: str, pos: int) -> str | None:
    """"Ostrania and Velmar" for "the two countries" said at pos, or None."""
    two = _TWO.fullmatch(said)
    if two is None or two.group("kind") not in lexicon.words("pair_kinds"):
        return None
    last = None
    for match in _PAIR.finditer(text, max(0, pos - _REACH), pos):
        last = match
    if last is None:
        return None
    first, second = last.group(1), last.group(2)
    if first.split()[0] in _NOT_NAMES or second.split()[0] in _NOT_NAMES:
        return None
    return f"{first} and {second}"
