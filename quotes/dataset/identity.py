"""One person, one name: which speaker names written differently are the same person.

Pure functions over names (and optionally the roles seen with them), shared by
`quotes index`, `quotes.spark` and the review page, so every view groups people
by the same rules:

- a name and the same name behind a title or role ("NATO Secretary General
  Ivar Stokkeland", "Sen. Jo Ames") are one person;
- case, accents, punctuation, apostrophes and hyphens do not matter
  ("Vaitkūnas" = "VAITKUNAS", "O’Neil" = "ONeil");
- middle initials do not matter ("Walter J. Brandt"); suffixes do ("Al Bell Jr.");
- a surname alone ("Ames") joins the one person of the group with that surname;
  when several people share it (two Okafors), it joins one only when its
  roles single that person out ("President Okafor" when only one Okafor was
  ever seen as president), and otherwise stays a speaker of its own;
- people sharing a surname with different given names stay apart.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from quotes import lexicon

# Name particles belong to the surname ("Ana de Vries" → surname "de vries").
PARTICLES = frozenset("de da di du del della der den van von bin ibn al el le la dos das st".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Title words that say nothing about which office: they never single a person out.
_NOT_ROLE_START = frozenset("a an the one another his her their its our my your some".split())
_NOT_IN_ROLE = frozenset("for to with by at from who whose which said says".split())
# A role shared by namesakes still picks one when that one has this many times the others' quotes.
DOMINANCE = 10
_VAGUE_ROLES = frozenset("former acting interim then senior junior deputy state national".split())
_DROPPED = "'’`´.-‐‑"  # inside words: "O’Neil" = "ONeil", "Holtz-Eakin" = "HoltzEakin"


@cache
def _title_words() -> frozenset[str]:
    """Words of titles and roles that can stand before a name."""
    return lexicon.words("titles") | lexicon.words("honorifics") | lexicon.words("roles")


def fold(text: str) -> str:
    """Casefolded, without accents: the form names and words are compared in."""
    if text.isascii():  # most text: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class NameParts:
    """A speaker name as compared: `key` identifies the person, `roles` are the title words dropped."""

    key: str  # "jens stoltenberg"; "" when the name held nothing but titles
    given: str  # "jens"; "" for a surname alone
    surname: str  # "stoltenberg", "de blasio"
    roles: frozenset[str]  # {"secretary", "general"}

    @property
    def surname_only(self) -> bool:
        return bool(self.surname) and not self.given


def name_parts(name: str) -> NameParts:
    """Split a speaker name into what identifies the person and the titles around it.

    >>> name_parts("NATO Secretary General Ivar Stokkeland").key
    'ivar stokkeland'
    >>> name_parts("Walter J. Brandt").key, name_parts("Vaitkūnas").key
    ('walter brandt', 'vaitkunas')
    """
    words = ["".join(c for c in w if c not in _DROPPED) for w in fold(name).replace(",", " ").split()]
    words = [w for w in words if w]
    titles = _title_words()
    # Everything up to the last title word that still has a name after it is a role,
    # unless it reads as a phrase about someone else ("a spokesman for Senator Jo Ames").
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in titles), default=0)
    if cut and (words[0] in _NOT_ROLE_START or _NOT_IN_ROLE & set(words[:cut])):
        cut = 0
    roles = frozenset(words[:cut])
    words = words[cut:]
    suffix = ""  # kept: "Al Bell Jr." is not Al Bell
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix = " " + words.pop()
    # Initials between the given name and the surname are dropped ("donald j trump").
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1)]
    if not words:
        return NameParts("", "", "", roles)
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    if start == 1 and words[0] in PARTICLES:
        start = 0
    surname = " ".join(words[start:]) + suffix
    given = words[0] if start > 0 else ""
    return NameParts(" ".join(words) + suffix, given, surname, roles)


def is_description(name: str) -> bool:
    """A speaker described, not named ("a senior official", "experts"): it joins only itself."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return fold(first) in _NOT_ROLE_START or (first[:1].islower() and fold(first) not in PARTICLES)


def person_key(name: str) -> str:
    """The key two names of the same person share (before surname-only joins).

    >>> person_key("Lithuanian President Gitanas Nausėda") == person_key("gitanas nauseda")
    True
    """
    parts = name_parts(name)
    return parts.key or fold(name).strip()


def group_names(counts: Mapping[str, int], roles: Mapping[str, Iterable[str]] | None = None,
                aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map every name to the name its person is shown under (its canonical name).

    `counts` gives how often each name was seen (quotes, say); `roles` the roles
    seen with a name (its records' `speaker_role`), which single out one person
    for a surname several people share; `aliases` maps names to a person id of
    the user's (a `--people` file): names with the same id are one person,
    whatever they look like. See `group_speakers` for the rules.

    >>> group_names({"Jo Ames": 3, "Sen. Jo Ames": 1, "Ames": 5, "Kim Ames": 2})["Sen. Jo Ames"]
    'Jo Ames'
    """
    roles = roles or {}
    units = {(name, " ; ".join(sorted(set(roles.get(name, ())) - {""}))): n for name, n in counts.items()}
    return {name: canonical for (name, _), canonical in group_speakers(units, aliases).items()}


Speaker = tuple[str, str]  # (name, role as given, "" when none)


class Person(NamedTuple):
    """A group of speaker names: the name it is shown under, and a key that identifies it."""

    name: str
    key: str  # the user's id (aliases), else the smallest full-name key, else the surname key


def group_speakers(counts: Mapping[Speaker, int],
                   aliases: Mapping[str, str] | None = None) -> dict[Speaker, str]:
    """Map every (name, role) to the canonical name of its person (see `people`)."""
    return {unit: person.name for unit, person in people(counts, aliases).items()}


def people(counts: Mapping[Speaker, int], aliases: Mapping[str, str] | None = None) -> dict[Speaker, Person]:
    """Map every (name, role) to its person: the name it is shown under, and its key.

    The role matters only for a surname alone: "Quill" seen as a governor and
    "Quill" seen as a senator may be two people. The result depends only on
    the inputs, never on their order. The canonical name is the group's full
    name (given name and surname) with the most quotes, then the shortest, then
    the first in alphabetical order; a surname only when there is no full name. The key
    changes only when a person gains a name with a smaller key, or an id.
    """
    parts = {unit: name_parts(unit[0]) for unit in counts}
    ids = {person_key(name): pid for name, pid in (aliases or {}).items()}
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: object, b: object) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:  # the smaller root wins, so the groups do not depend on input order
            low, high = sorted((ra, rb), key=repr)
            parent[high] = low

    role_words = {unit: _role_words([unit[1]]) | _role_words(p.roles) for unit, p in parts.items()}
    for unit, p in parts.items():
        if not p.key or is_description(unit[0]):  # "the President", "a senior official": only itself
            key: object = ("t", fold(unit[0]).strip())
        elif p.given:
            key = ("k", p.key)
            union(key, ("g", p.given, p.surname))  # same given name and surname, whatever between
        else:
            key = ("s", _surname_key(p, role_words[unit]))
        union(("u", unit), key)
        if p.key in ids:
            union(key, ("p", ids[p.key]))
    _join_surnames(parts, role_words, counts, find, union)
    groups: dict[object, list[Speaker]] = {}
    for unit in parts:
        groups.setdefault(find(("u", unit)), []).append(unit)
    found: dict[Speaker, Person] = {}
    for members in groups.values():
        best = min(members, key=lambda u: (not parts[u].given, -counts[u], len(u[0]), u))
        given_ones = [u for u in members if parts[u].given]
        user_ids = sorted({ids[parts[u].key] for u in members if parts[u].key in ids})
        if user_ids:
            key = "id:" + user_ids[0]
        elif given_ones:
            key = min(parts[u].key for u in given_ones)
        else:
            key = min(_surname_key(parts[u], role_words[u]) or "=" + fold(u[0]).strip() for u in members)
        found.update(dict.fromkeys(members, Person(best[0], key)))
    return found


def _surname_key(parts: NameParts, roles: set[str]) -> str:
    """The key of a surname alone, with the office words that tell namesakes apart."""
    return " ".join([parts.key, *sorted(roles)]) if parts.key else ""


def _join_surnames(parts: Mapping[Speaker, NameParts], role_words: Mapping[Speaker, set[str]],
                   counts: Mapping[Speaker, int], find, union) -> None:  # type: ignore[no-untyped-def]
    """Join each surname alone to the one person with that surname, when there is one.

    Among namesakes, the surname's roles must point at one of them: the only
    one seen in that role, or one with `DOMINANCE` times the others' quotes in it.
    """
    people: dict[str, dict[object, Counter[str]]] = {}  # surname → person → quotes per role word
    for unit, p in parts.items():
        if p.given:
            seen = people.setdefault(p.surname, {}).setdefault(find(("u", unit)), Counter())
            seen.update(dict.fromkeys(role_words[unit], counts[unit]))
    for unit, p in sorted(parts.items()):
        candidates = people.get(p.surname, {})
        if not p.surname_only or find(("u", unit)) in candidates:
            continue
        if len(candidates) > 1:
            weight = {root: sum(seen[w] for w in role_words[unit]) for root, seen in candidates.items()}
            weight = {root: n for root, n in weight.items() if n}
            best = max(weight.values(), default=0)
            if len(weight) == 1 or (best and best >= DOMINANCE * (sum(weight.values()) - best)):
                candidates = {max(weight, key=lambda r: (weight[r], repr(r))): None}  # type: ignore[dict-item]
        if len(candidates) == 1:
            union(("u", unit), next(iter(candidates)))


def _role_words(roles: Iterable[str]) -> set[str]:
    """The title words of roles that say which office ("Lithuanian President" → {"president"})."""
    titles = _title_words()
    return {w for role in roles if role for w in fold(role).replace(".", "").split()
            if w in titles and w not in _VAGUE_ROLES}
