"""What the article's people and bodies are, and what a name alone tells of one.

`quotes.people` collects the entities of an article; this module holds the
records it keeps (an entity, a statement with a known speaker, a pronoun's
antecedent) and the tests on a name that need no text around it: is it a
body's, a place's or a person's, and which surname it is looked up by.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from quotes import lexicon
from quotes.names import Mention, heading_words
from quotes.tokens import FUNCTION_WORDS, JOINED_PARTICLE, PARTICLES, SURNAME_JOINERS, is_initial


# (a value, never assigned to: not frozen, as quotes.names.Mention says why)
@dataclass(unsafe_hash=True)
class Turn:
    """A statement whose speaker is known: that speaker is the current one until
    someone else speaks or is introduced."""

    speaker: str
    role: str | None
    start: int
    end: int  # (past its cue and speaker mention: "“…,” Ann Lee said.")
    paragraph: int
    mention: Mention | None


@dataclass(frozen=True)
class Antecedent:
    """The person a pronoun refers to and where it is named; the persons named after
    it whose gender differs; and a rival the pronoun could as well mean, if any."""

    entity: Entity
    at: int
    passed: tuple[str, ...]
    rival: tuple[int, Entity] | None
    unsure: bool = False  # (nothing shows the name is a person's, or a body's)
    over: str | None = None  # a person named inside the statement of the one chosen


@dataclass
class Entity:
    """A person or body the article names."""

    name: str
    named_at: int = 0  # where the article gives the name in full
    role: str | None = None
    gender: str | None = None
    person: bool = False
    positions: list[int] = field(default_factory=list)
    # Signs that a name is a person's, not a place's or a body's ("Nova Scotia"):
    # a title or role, a known given name, the surname alone elsewhere, having spoken.
    evident: bool = False
    unnamed: bool = False  # a source the article describes and never names ("One patient")
    body: bool = False  # named after a noun for a news outlet ("news agency Berita Sol")

    @property
    def words(self) -> list[str]:
        return self.name.split(" ")

    @property
    def surname(self) -> str:
        return self.words[-1]

# Lowercase words inside an organisation's name ("Transport for London").
JOINED = frozenset("of for and on &".split())


def lookup_key(words: list[str]) -> str:
    """What an entity is looked up by: its surname, but a name with a joining word whole
    ("University of Toronto" is not the "Toronto" named elsewhere)."""
    if not JOINED.isdisjoint(words):
        return " ".join(words)
    joined = _JOINED_PARTICLE.match(words[-1])  # "al-Nuaimi", "Al-Nuaimi" and "Nuaimi" alike
    return words[-1][joined.end():] if joined is not None else words[-1]


# (tokens.JOINED_PARTICLE in either case: a name may open a sentence, "Al-Nuaimi said")
_JOINED_PARTICLE = re.compile(JOINED_PARTICLE.pattern, re.IGNORECASE)


def particle_surname(words: list[str], full: list[str]) -> bool:
    """"St. Clair" or "van Aalst" is the surname of "Anne St. Clair", "Piet van Aalst":
    every word before the last is a name particle, and the full name ends with them; so
    is a double surname, "Ortega Ruiz" of "Juan Pablo Ortega Ruiz" or "Eyenga Atangana"
    of "Paul-Henri Eyenga Atangana": the full name ends with the words, the first of which
    is no given name."""
    if len(full) <= len(words) or [w.casefold() for w in full[-len(words):]] != [w.casefold() for w in words]:
        return False
    person = words[-1].casefold() not in lexicon.words("org_words")  # (not "Urban-Brookings | Tax Center")
    return all(w.rstrip(".").casefold() in PARTICLES for w in words[:-1]) or (
        words[0].casefold() not in lexicon.words("given_names") and all(
            _given_word(w) or (person and _hyphenated_given(w)) for w in full[:-len(words)]))


# Initials written together, no space: "T.R." of a given name and a patronymic.
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}")


def same_given(said: str, given: str, *more: str) -> bool:
    """The first word of a name as written here can be the given name known: the same
    word, or its initial ("M. Korovatu" for "Mathieu Korovatu"; not for "Ana Korovatu");
    initials written together are those of the given name and the words after it, a
    patronymic in post-Soviet copy ("T.R. Valiev" for "Timur Rashidovich Valiev", not
    "T.K. Valiev")."""
    if said == given or (is_initial(said) and given[:1] == said[0] and not is_initial(given)):
        return True
    if not _INITIALS.fullmatch(said) or not said[0].isupper():
        return False
    letters, words = said.split(".")[:-1], (given, *more)
    return len(letters) <= len(words) and all(
        w[:1] == letter and not w.endswith(".") for letter, w in zip(letters, words, strict=False))


def first_surname(word: str, entity: Entity) -> bool:
    """"Sotolongo" of "Manuel Sotolongo Pérez", "García" of "Gabriel García Márquez": the
    first of two surnames, used alone as Spanish and Portuguese copy does; no given name
    ("Ana Maria Kos": "Maria" alone is not her) or particle, given names before it and
    no body's or work's head word after it."""
    full = entity.words
    if len(full) > 3 and full[-2] in SURNAME_JOINERS:
        full = [*full[:-3], f"{full[-3]} {full[-2]} {full[-1]}"]  # ("Vidal i Sabaté": one surname)
        return full[-1].split()[0] == word and word.casefold() not in lexicon.words("given_names") and all(
            map(_given_word, full[:-1]))
    return len(full) > 2 and full[-2] == word and word.casefold() not in lexicon.words("given_names") and (
        word.casefold() not in PARTICLES and not word.endswith(".") and full[-1].casefold() not in PARTICLES
        and full[-1].casefold() not in heading_words() and full[-1].casefold() not in lexicon.words("works")
        and all(map(_given_word, full[:-2])))  # (not "Rachel Vantreese Show")


def _hyphenated_given(word: str) -> bool:
    """"Jean-Claude", "Marie-Thérèse": a given name of capitalised parts joined."""
    return "-" in word and all(_given_word(part) for part in word.split("-"))


def _given_word(word: str) -> bool:
    """A word that can open a person's name before a double surname: not "Is" or "The",
    an acronym ("NGO") or a compound adjective ("German-based")."""
    return word[:1].isupper() and not word.isupper() and "-" not in word and (
        word.casefold() not in lexicon.words("not_names")) and word.casefold() not in FUNCTION_WORDS


def prominence(entity: Entity, pos: int) -> tuple[int, int]:
    """How present an entity is at pos: times named so far, then how recently."""
    count = bisect.bisect_right(entity.positions, pos)
    return (count, entity.positions[count - 1] if count else -1)


def not_personal(entity: Entity) -> bool:
    """Organisations, places and acronyms ("NATO", "Belarus") are never persons."""
    return entity.body or _impersonal_name(entity.name)


@lru_cache(maxsize=4096)
def _impersonal_name(name: str) -> bool:
    org = lexicon.words("org_words")
    places = lexicon.words("places")
    words = name.split(" ")
    return any(w.casefold() in org or w.casefold() in places for w in words) or (
        len(words) == 1 and (name.isupper() or (name.endswith("s") and name[:-1].isupper())))  # "MPs"


def names_body(entity: Entity) -> bool:
    """A word of the name heads an organisation's ("Council of Northern States", "Ashby
    Homes"): a body's name, whoever speaks under it; but "Anna Hartley Brown" and "Metro
    News Dan Corrigan" open a person's name with a given name."""
    org = heading_words()
    words = entity.words
    if len(words) > 1 and words[-2].casefold() in lexicon.words("given_names"):
        return False
    return words[0].casefold() not in lexicon.words("given_names") and any(w.casefold() in org for w in words)


@cache
def body_nouns() -> frozenset[str]:
    """Nouns a reporter uses for a body ("ministry", "agency"): `lexicons/body_kinds.txt`."""
    return frozenset(row.split()[0] for row in lexicon.lines("body_kinds"))


def short_form(word: str, entity: Entity) -> bool:
    """"Marex" for "Marex Logistics", "Ashby" for "Ashby Homes": a company's name without
    the common noun that ends it (but "Greater" is no short form of "Greater Vale Police")."""
    org = lexicon.words("org_words")
    words = entity.words
    ending = words[-1].casefold()  # ("Varnel Energy" for "Varnel Energy SA": a legal form too)
    return len(words) > 1 and words[0] == word and (
        ending in org or ending in lexicon.words("company_suffixes")) and not any(
        w.casefold() in org or w.casefold() in lexicon.words("places") for w in words[:-1])


def body_short_form(words: list[str], entity: Entity) -> bool:
    """"Kestrel Point" for "Kestrel Point Partners", "Northern Shield" for "Northern Shield
    Gold": a body named before in full, its name without its last word. Never a person's
    (a known given name, a title or gender shown: "Anna Maria" is not "Anna Maria
    Lopez"), nor a place's."""
    full = entity.words
    given = lexicon.words("given_names")
    return len(full) == len(words) + 1 and full[:-1] == words and entity.gender is None and (
        entity.role is None and full[-1].casefold() not in lexicon.words("places")) and not any(
        w.casefold() in given for w in full)


def is_body(entity: Entity) -> bool:
    """An organisation "it" may mean: no evident person, no place, no lone capitalised
    word ("More", "B.C."): an acronym ("NATO"), or several words ("City Hydro")."""
    if entity.evident or "." in entity.name:
        return False
    words = entity.name.split(" ")
    if any(w.casefold() in lexicon.words("places") for w in words):
        return False
    return len(words) > 1 or (len(entity.name) > 1 and entity.name.isupper())


def looks_personal(entity: Entity, role: str | None) -> bool:
    """A person rather than a place or body: titled, or two or more plain name words."""
    if not_personal(entity):
        return False
    titles = lexicon.words("titles")
    if role and any(word.rstrip(".,").casefold() in titles for word in role.split()):
        return True
    return len(entity.words) > 1 and not any(w.isupper() for w in entity.words)
