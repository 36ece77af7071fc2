"""One person, one name: which speaker names written differently are the same person.

Pure functions over names (and optionally the roles seen with them), shared by
`quotes index`, `quotes.spark` and the review page, so every view groups people
by the same rules:

- a name and the same name behind a title or role ("NATO Secretary General
  Jens Stoltenberg", "Sen. Jo Ames") are one person;
- case, accents, punctuation, apostrophes and hyphens do not matter
  ("Nausėda" = "NAUSEDA", "O’Neil" = "ONeil");
- middle initials and suffixes do not matter ("Donald J. Trump", "Al Bell Jr.");
- a surname alone ("Ames") joins the one person of the group with that surname;
  when several people share it (two Clintons), it joins one only when its
  roles single that person out ("President Clinton" when only one Clinton was
  ever seen as president), and otherwise stays a speaker of its own;
- people sharing a surname with different given names stay apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from quotes import lexicon

# Name particles belong to the surname ("Bill de Blasio" → surname "de blasio").
PARTICLES = frozenset("de da di du del della der den van von bin ibn al el le la dos das st".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Title words that say nothing about which office: they never single a person out.
_VAGUE_ROLES = frozenset("former acting interim then senior junior deputy state national".split())
_DROPPED = "'’`´.-‐‑"  # inside words: "O’Neil" = "ONeil", "Holtz-Eakin" = "HoltzEakin"


@cache
def _title_words() -> frozenset[str]:
    """Words of titles and roles that can stand before a name."""
    return lexicon.words("titles") | lexicon.words("honorifics") | lexicon.words("roles")


def fold(text: str) -> str:
    """Casefolded, without accents: the form names and words are compared in."""
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

    >>> name_parts("NATO Secretary General Jens Stoltenberg").key
    'jens stoltenberg'
    >>> name_parts("Donald J. Trump").key, name_parts("Nausėda").key
    ('donald trump', 'nauseda')
    """
    words = ["".join(c for c in w if c not in _DROPPED) for w in fold(name).replace(",", " ").split()]
    words = [w for w in words if w]
    titles = _title_words()
    # Everything up to the last title word that still has a name after it is a role.
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in titles), default=0)
    roles = frozenset(words[:cut])
    words = words[cut:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    # Initials between the given name and the surname are dropped ("donald j trump").
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1)]
    if not words:
        return NameParts("", "", "", roles)
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    if start == 1 and words[0] in PARTICLES:
        start = 0
    surname = " ".join(words[start:])
    given = words[0] if start > 0 else ""
    return NameParts(" ".join(words), given, surname, roles)


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


def group_speakers(counts: Mapping[Speaker, int],
                   aliases: Mapping[str, str] | None = None) -> dict[Speaker, str]:
    """Map every (name, role) to the canonical name of its person.

    The role matters only for a surname alone: "Quill" seen as a governor and
    "Quill" seen as a senator may be two people. The result depends only on
    the inputs, never on their order. The canonical name is the group's name
    with the most words of name (a full name before a surname), then the most
    quotes, then the shortest, then the first in alphabetical order.
    """
    parts = {unit: name_parts(unit[0]) for unit in counts}
    alias_ids = {person_key(name): pid for name, pid in (aliases or {}).items()}
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
        if not p.key:  # a name of titles alone ("the President") only joins itself
            key: object = ("t", fold(unit[0]).strip())
        elif p.given:
            key = ("k", p.key)
            union(key, ("g", p.given, p.surname))  # same given name and surname, whatever between
        else:
            key = ("s", p.key, tuple(sorted(role_words[unit])))
        union(("u", unit), key)
        if p.key in alias_ids:
            union(key, ("p", alias_ids[p.key]))
    _join_surnames(parts, role_words, find, union)
    groups: dict[object, list[Speaker]] = {}
    for unit in parts:
        groups.setdefault(find(("u", unit)), []).append(unit)
    canonical: dict[Speaker, str] = {}
    for members in groups.values():
        best = min(members, key=lambda u: (-len(parts[u].key.split()) if parts[u].given else 0,
                                           -counts[u], len(u[0]), u))
        canonical.update(dict.fromkeys(members, best[0]))
    return canonical


def _join_surnames(parts: Mapping[Speaker, NameParts], role_words: Mapping[Speaker, set[str]],
                   find, union) -> None:  # type: ignore[no-untyped-def]
    """Join each surname alone to the one person with that surname, when there is one."""
    people: dict[str, dict[object, set[str]]] = {}  # surname → person → role words seen
    for unit, p in parts.items():
        if p.given:
            people.setdefault(p.surname, {}).setdefault(find(("u", unit)), set()).update(role_words[unit])
    for unit, p in sorted(parts.items()):
        candidates = people.get(p.surname, {})
        if not p.surname_only or find(("u", unit)) in candidates:
            continue
        if len(candidates) > 1:
            candidates = {root: seen for root, seen in candidates.items() if role_words[unit] & seen}
        if len(candidates) == 1:
            union(("u", unit), next(iter(candidates)))


def _role_words(roles: Iterable[str]) -> set[str]:
    """The title words of roles that say which office ("Lithuanian President" → {"president"})."""
    titles = _title_words()
    return {w for role in roles if role for w in fold(role).replace(".", "").split()
            if w in titles and w not in _VAGUE_ROLES}
