"""Lexicons: plain-text word lists inside the package, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import regex

if TYPE_CHECKING:
    from collections.abc import Iterable


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of lexicons/NAME.txt."""
    text = resources.files("quotes").joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    rows = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(row for row in rows if row)


@cache
def words(name: str) -> frozenset[str]:
    """The first word of every line, casefolded: a set for membership tests."""
    return frozenset(row.split()[0].casefold() for row in lines(name))


@cache
def every_word(name: str) -> frozenset[str]:
    """Every word of every line, casefolded: a list whose lines group related words
    ("agency authority") read as one set."""
    return frozenset(w.casefold() for row in lines(name) for w in row.split())


@cache
def tagged(name: str, *tags: str) -> frozenset[str]:
    """The first word of every line of lexicons/NAME.txt whose second word (its tag) is one
    of TAGS, or of every line when no tag is given: one list read as named subsets."""
    rows = (row.split() for row in lines(name))
    return frozenset(row[0].casefold() for row in rows if not tags or (len(row) > 1 and row[1] in tags))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of lexicons/NAME.txt split at "|", each field stripped: a word, then
    what it stands for ("sgt | sergeant", "british | britain | united kingdom")."""
    return tuple(tuple(field.strip() for field in line.split("|")) for line in lines(name))


@cache
def phrase_alternation(name: str) -> str:
    """The lines of lexicons/NAME.txt as one regex alternation, longest first (a longer
    phrase wins over its own start), words apart by any run of whitespace."""
    phrases = sorted(lines(name), key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)


def either_case(words: Iterable[str]) -> str:
    """Lower-case words as a regex alternation that also takes them capitalised, in sorted
    order: {"his", "her"} -> "[Hh]er|[Hh]is"."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(words))


class Verb(NamedTuple):
    """What the speech-verb lexicon says of one verb form."""

    base: str
    bare: bool  # takes a clause without "that" ("said the plan failed")
    quoted: bool  # reports only what it quotes ("called it “a disgrace”")
    infinitive: bool  # reports a "to" clause ("pledged to “make America great”")
    object: bool  # reports its object unquoted ("criticized the plan", "endorsed Marsh")
    stance: bool  # a stance or finding, not speech: never introduces a quotation ("wanted")
    belief: bool  # a belief or feeling reported as content ("believes", "hopes"); may cue quotes
    appeal: bool  # its complement is an appeal ("called for a freeze"): a report only when quoted
    to_act: bool  # its "to" clause is an act committed to or asked for ("vowed to fight"): quoted only
    past_only: bool  # only its past form cues, with a that-clause or a quotation ("shared that …")


@cache
def speech_verbs() -> dict[str, Verb]:
    """Every form of every speech verb, with its flags."""
    forms: dict[str, Verb] = {}
    for row in lines("speech_verbs"):
        parts = row.split()
        flags = {p for p in parts if p.startswith("+")}
        given = [p.replace("_", " ") for p in parts if not p.startswith("+")]
        base = given[0]
        verb = Verb(base, "+bare" in flags, "+quoted" in flags, "+to" in flags, "+object" in flags,
                    "+stance" in flags, "+belief" in flags, "+appeal" in flags, "+to_act" in flags,
                    "+past_only" in flags)
        if verb.past_only:  # (the forms listed after the base, and not the base)
            for form in given[1:]:
                forms.setdefault(form, verb)
            continue
        for form in given if len(given) > 1 else _regular_forms(base):
            forms.setdefault(form, verb)
        forms.setdefault(base, verb)
    return forms


@cache
def pronoun_genders() -> dict[str, str]:
    """Pronoun -> gender tag (m, f, p for plural)."""
    return {row.split()[0]: row.split()[1] for row in lines("pronouns")}


def _regular_forms(base: str) -> list[str]:
    """Past, third person and -ing forms of a regular English verb."""
    if base.endswith("e"):
        return [base, base + "d", base + "s", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ied", base[:-1] + "ies", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "ed", base + "es", base + "ing"]
    return [base, base + "ed", base + "s", base + "ing"]
