"""The words of a name or a role as written, cleaned for records and comparison: a
name without possessive endings, courtesy titles or letters after it ("Mr. Adeyemi’s" →
"Adeyemi"), a role that is one ("like", "of course" are none) and a role without its
determiners ("the", "Mr.").
"""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes import lexicon
from quotes.tokens import FUNCTION_WORDS, is_post_nominal

# Words that cannot begin a role: "Adeyemi, like …", "Brandt, of course, …".

NOT_ROLE_STARTS = (FUNCTION_WORDS - {"a", "an", "the"}) | frozenset(
    "like unlike about including under over course after before during into through "
    "against among between toward towards upon within without via per".split())

def clean_role(role: str | None) -> str | None:
    """Role words as given, or None when they are not a role ("like", "of course")."""
    if role is None:
        return None
    role = role.strip(" ,.;:")
    first = role.split(" ", 1)[0] if role else ""
    if not first or first.casefold() in NOT_ROLE_STARTS or (
            first.islower() and first.endswith(("ed", "ing"))) or _reads_as_clause(role):
        return None
    return role


_RELATIVES = lexicon.words("relatives")
_FINITE = lexicon.tagged("finite_auxiliaries")


def _reads_as_clause(words: str) -> bool:
    """"the fund will close in June" after "As reported by the Ledger,": an auxiliary
    before any relative pronoun makes a clause, not a description of the speaker."""
    for word in words.casefold().split():
        if word in _RELATIVES:
            return False
        if word in _FINITE:
            return True
    return False


_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
_ROLE_DETERMINERS = lexicon.tagged("determiners", "article", "demonstrative")


def clean_name(name: str) -> list[str]:
    """Name words without possessive endings, titles or letters after the name:
    "Mr. Adeyemi’s" → ["Adeyemi"], "Nuala Brennan TD" → ["Nuala", "Brennan"]."""
    return list(_name_words(name))  # a fresh list: callers may keep it


# An initial written against the surname, no space ("T.Ganzorig", "B.Enkhtuya"), as
# Mongolian and some post-Soviet copy writes a patronymic or given name's initial.
_GLUED_INITIAL = regex.compile(r"(\p{Lu}\.)(\p{Lu}\p{Ll}[\p{L}\p{M}’'-]*)")


# The marks a nickname inside a name opens and closes with, curly or straight (names.py
# reads them in tokens, this module in a name's words).
NICKNAME_OPENING_MARKS = frozenset("‘'\"“")
NICKNAME_CLOSING_MARKS = frozenset("’'\"”")


def _without_nickname(words: list[str]) -> list[str]:
    """The name's words without a nickname in marks between them: "Marlon 'Speedy'
    Gillett" → ["Marlon", "Gillett"]."""
    for k in range(1, len(words) - 1):
        if words[k][:1] in NICKNAME_OPENING_MARKS:
            for m in (k, k + 1):
                if m < len(words) - 1 and words[m][-1:] in NICKNAME_CLOSING_MARKS:
                    return words[:k] + words[m + 1:]
    return words


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    words = name.split()
    if any(word[:1] in NICKNAME_OPENING_MARKS for word in words[1:]):
        words = _without_nickname(words)  # "Elroy ‘Roy’ Mowatt"
    if words and (glued := _GLUED_INITIAL.fullmatch(words[0])):
        words[:1] = [glued.group(1), glued.group(2)]  # "T.Ganzorig": an initial, then the surname
    if len(words) > 2 and any(w in lexicon.words("inner_styles") for w in words[1:-1]):
        words = [words[0], *(w for w in words[1:-1] if w not in lexicon.words("inner_styles")), words[-1]]
    while len(words) > 1 and is_post_nominal(words[-1].rstrip(",")):
        words.pop()  # "Nuala Brennan TD", "Ruth Ames KC OBE"
    if words:
        for ending in _POSSESSIVE_ENDINGS:
            if words[-1].endswith(ending) and len(words[-1]) > len(ending) + 1:
                words[-1] = words[-1][: -len(ending)]
                break
    if words and words[-1].casefold() in lexicon.words("org_words"):
        return tuple(words)  # a body's name keeps every word: "Mr Plumb Ltd"
    return tuple([w for w in words if w.rstrip(".").casefold() not in lexicon.words("honorifics")]
                 or words)


def bare_role(role: str | None) -> str | None:
    """A role without leading determiners and courtesy titles ("the", "Mr.")."""
    if not role:
        return None
    words = [w for w in role.strip(" ,").split()
             if w.rstrip(".").casefold() not in lexicon.words("honorifics")]
    while words and words[0].casefold() in _ROLE_DETERMINERS:
        words = words[1:]
    return " ".join(words) or None
