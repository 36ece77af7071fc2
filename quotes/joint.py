"""A plural description of two that speak together: "…, the two countries said in a joint
statement" after "Ostrania and Velmar", "both sides said" after "Kessa and Dorn". The pair
is the last two names the article joined with "and" before the description, or else the
two the article gave the noun ("Foreign Minister Ana Roos … her counterpart Ivo Marr … the
two ministers said"; "snack maker Brannock Foods … private equity firm Orland Capital …
the companies said"): `quotes.descriptions` reads who fits the singular noun.
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
    return _joined_pair(text, pos)


def two_named(said: str) -> str | None:
    """The singular noun of "the two ministers", "both companies" or "the companies" (a
    pair noun of `lexicons/pair_kinds.txt`), or None."""
    match = _TWO.fullmatch(said) or _THE_PLURAL.fullmatch(said)
    kind = match.group("kind") if match else ""
    if kind not in lexicon.words("pair_kinds"):
        return None
    return kind[:-3] + "y" if kind.endswith("ies") else kind[:-1]


# "the companies", "The ministers": a plural pair noun alone (two only if two fit it).
_THE_PLURAL = regex.compile(r"[Tt]he\s+(?P<kind>\p{Ll}+s)")


def _joined_pair(text: str, pos: int) -> str | None:
    last = None
    for match in _PAIR.finditer(text, max(0, pos - _REACH), pos):
        last = match
    if last is None:
        return None
    first, second = last.group(1), last.group(2)
    if first.split()[0] in _NOT_NAMES or second.split()[0] in _NOT_NAMES:
        return None
    return f"{first} and {second}"
