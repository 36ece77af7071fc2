"""Where an article names its people and bodies, and where it writes a word: read once
per article (cached on `People`) for `quotes.descriptions`, which looks for the words a
description repeats and the names beside them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cache

import regex

from quotes import lexicon
from quotes.people import Entity, People

Span = tuple[int, int]
# A name: capitalised words, joined by the particles names hold.
_NAME_RUN = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}’'.&-]{0,40}+(?:[ \u00a0]+(?:(?:of|for|and|the|de|van|von)[ \u00a0]+)?"
    r"\p{Lu}[\p{L}\p{M}\p{N}’'.&-]{0,40}+){0,8}+")


class Mentions:
    """Where the article names each person or body: starts, and ends of the names."""

    def __init__(self, people: People, count: int, known: dict[int, int]) -> None:
        self.count = count
        self.all = people.mentions()
        self.at = [at for at, _ in self.all]
        self.starts = {at: e for at, e in self.all}
        for at in self.at:  # (each name's end is read once per article)
            if at not in known:
                known[at] = name_end(people.text, at)
        self.ends = {known[at]: (at, e) for at, e in self.all}
        self.sorted_ends = sorted(self.ends)

    def before(self, pos: int) -> list[tuple[int, Entity]]:
        return self.all[:bisect.bisect_left(self.at, pos)]

    def ends_between(self, lo: int, hi: int) -> list[int]:
        ends = self.sorted_ends
        return ends[bisect.bisect_left(ends, lo):bisect.bisect_left(ends, hi)]


def article_mentions(people: People) -> Mentions:
    """The article's mentions, read again only when a name was added since."""
    count = sum(len(e.positions) for e in people.entities)
    cached = people.cache.get("mentions")
    if not isinstance(cached, Mentions) or cached.count != count:
        known = people.cache.setdefault("ends", {})
        assert isinstance(known, dict)
        cached = Mentions(people, count, known)
        people.cache["mentions"] = cached
    return cached


@cache
def _word(head: str) -> regex.Pattern[str]:
    return regex.compile(r"(?i)(?<![\p{L}\p{M}\d-])" + regex.escape(head) + r"(?![\p{L}\p{M}\d-])")


# What _word's boundaries refuse on either side of the word.
_EDGE = regex.compile(r"(?i)[\p{L}\p{M}\d-]")
# The characters that match an ASCII letter case-insensitively without being one
# ("ſ", the Kelvin sign, the dotted and dotless i), one of which lower-cases to two.
_NOT_ASCII_CASE = regex.compile("[\u0130\u0131\u017f\u212a]")


def occurrences(people: People, head: str, pos: int) -> list[Span]:
    """Where the word is written in the article's prose before pos (the prose is
    searched once per word)."""
    key = ("word", head)
    spans = people.cache.get(key)
    if not isinstance(spans, list):
        spans = _spans(people, head)
        people.cache[key] = spans
    return spans[:bisect.bisect_left(spans, (pos, pos))]


def _spans(people: People, head: str) -> list[Span]:
    """_word's matches in the prose. An ASCII word is found in the lower-cased text,
    which matches it as the pattern would where no character above is written: a
    `regex` pattern takes 1 to 2 ms to compile, more than an article's search, and the
    eval articles ask for some 340 different words."""
    lo, hi = people.body
    lower = people.cache.get("lower")
    if lower is None:
        lower = "" if _NOT_ASCII_CASE.search(people.text) else people.text.lower()
        people.cache["lower"] = lower
    if not (head.isascii() and head and lower):
        return [m.span() for m in _word(head).finditer(people.text, lo, hi)]
    assert isinstance(lower, str)
    text, word, spans = people.text, head.lower(), []
    at = lower.find(word, lo, hi)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _EDGE.match(text, at - 1)) and (end == hi or not _EDGE.match(text, end)):
            spans.append((at, end))
            at = lower.find(word, end, hi)
        else:
            at = lower.find(word, at + 1, hi)
    return spans


def name_end(text: str, at: int) -> int:
    """Where the name that starts at `at` ends (its possessive ending dropped)."""
    m = _NAME_RUN.match(text, at)
    end = m.end() if m else at
    while end > at and text[end - 1] in ".,":
        end -= 1
    for ending in ("’s", "'s"):
        if text.endswith(ending, at, end):
            end -= len(ending)
    return end


# Words that end a noun phrase before a name: a clause, a verb, a preposition of another role.
_PHRASE_ENDS = frozenset(
    "who whom whose which that where when while as than and or but nor according with by to after "
    "before against about said says told".split())
_STRETCH = regex.compile(r"[\p{L}\p{M}\d’'-]+|[.!?;:()\[\]]")
# How far after a noun the name of its phrase may be written.
_PHRASE_REACH = 100


def named_in_phrase(people: People, end: int, fits: Callable[[Entity], bool], *,
                    bare: bool = False) -> tuple[int, Entity] | None:
    """The name a noun phrase ends with, the noun ending at `end`: "the founder of the
    family winery “Old Marani” from Kvemo-Shuani, Nino Beridze", "A soldier of the 12th
    Battalion, Sergeant Anan Chaiyo"; names that do not fit (a place, for a person) are
    passed. None when a clause, a verb or a preposition of another phrase comes first
    ("the winery Ana Ruiz visited", "the utility, according to Ana Ruiz"). `bare`: the
    name may follow the phrase with no comma ("Head of the inspectorate Ilhom Saidov")."""
    named = article_mentions(people)
    text = people.text
    for at in named.at[bisect.bisect_right(named.at, end):]:
        if at - end > _PHRASE_REACH or any(_ends_phrase(w) for w in _STRETCH.findall(text, end, at)):
            return None
        if fits(named.starts[at]) and (bare or _closing(text[end:at])):
            return at, named.starts[at]
    return None


def _closing(stretch: str) -> bool:
    """The name closes the phrase: after a comma and any titles (", Nino Beridze",
    ", Admiral Rhea Sandor")."""
    words = stretch.split()
    while words and words[-1].rstrip(".").casefold() in lexicon.words("titles"):
        words.pop()
    return bool(words) and words[-1].endswith(",")


def _ends_phrase(word: str) -> bool:
    key = word.casefold()
    if not word[:1].isalpha():
        return not word[:1].isdigit()
    return key in _PHRASE_ENDS or (word.islower() and (
        key in lexicon.speech_verbs() or key in lexicon.words("auxiliaries")
        or key in lexicon.words("irregular_past") or key.endswith(("ed", "ing"))))
