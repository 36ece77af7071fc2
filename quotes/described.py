"""A definite description as written ("the rookie defenceman", "the head of the
National Bank", "the 19-year-old") and what it may stand for: the records
`quotes.descriptions` and `quotes.description_fallbacks` pass between them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_DEFINITE = frozenset(("the",))
_AGE = regex.compile(r"(\d{1,3})-year-old")
# Words between a determiner and a noun in an apposition: modifiers, no verbs or clauses.
MODIFIERS = (r"(?:(?!(?:of|for|with|at|in|on|to|from|by|and|or|who|that|which|whose)[ \u00a0])"
             r"[\p{L}\p{M}\d][\p{L}\p{M}\d.’'&-]*[ \u00a0]+){0,5}?")


@dataclass(frozen=True)
class Description:
    """A definite description as written: its head noun, what follows "of", an age."""

    words: str  # without "the"
    head: str  # casefolded
    capitalised: bool  # "the Ministry": part of a name, not a description
    complement: str | None
    age: str | None


@dataclass(frozen=True)
class Meaning:
    """Whom a description stands for, why, and what else it could mean."""

    name: str | None  # None: two candidates tie, the description stays
    role: str | None
    why: str
    weight: float = 1.0


@dataclass
class Candidate:
    """A person or body a description could mean, how strongly, and why."""

    name: str
    role: str | None
    tier: int  # 3: the article gave it the noun; 2: another title, same body; 1: fallback
    at: int
    why: str


def parse(said: str) -> Description | None:
    """A definite singular description ("the rookie defenceman"), or None."""
    words = said.split()
    if len(words) < 2 or words[0].casefold() not in _DEFINITE or "and" in words:
        return None  # ("the former first lady and senator": two descriptions)
    words = words[1:]
    main, complement = words, None
    for joiner in ("of", "for"):
        if joiner in main[1:]:
            k = main.index(joiner, 1)
            main, complement = main[:k], " ".join(main[k + 1:])
            break
    head = main[-1].casefold().rstrip(".,")
    age = next((m.group(1) for w in main if (m := _AGE.fullmatch(w.casefold()))), None)
    if not head.isalpha() and age is None:
        return None
    if head.endswith("s") and not head.endswith("ss") and age is None:
        return None  # "the officials": a group, not one person or body
    return Description(" ".join(words), head, main[-1][:1].isupper(), complement, age)
