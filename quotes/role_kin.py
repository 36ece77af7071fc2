"""Whether a description fits a role or kind the article gave someone.

"The Qasreeni foreign minister" fits the "Minister of Foreign Affairs of the Kingdom
of Qasreen": its noun is the role's head, a title the role holds ("the general" for
the "Chief of Defence … Lieutenant General"), or a noun `lexicons/role_kin.txt` pairs
with one of the role's words ("the diplomat" for an "Ambassador", "the peer" for a
"Lord"); each capitalised modifier is a word of the role or a demonym of one
("Qasreeni" for "Qasreen", "Serelian" for "Serelia", "Uzbek" for "Uzbekistan": read
from the ending, so any country the article invents is matched; the irregular ones,
"Spanish" for "Spain", are `lexicons/demonyms.txt`). A lowercase modifier the role lacks
("the visiting general") leaves a loose fit: nothing in the role confirms it. A title
written short is spelled out first (`lexicons/title_abbreviations.txt`): "the sergeant"
fits "Sgt", "the councillor" "Cllr".
"""

from __future__ import annotations

from functools import cache, lru_cache

from quotes import lexicon
from quotes.roles import before_of, role_head, role_words

# How well a description fits a role: as written, with every word found, loosely.
EXACT, FITS, LOOSE = 3, 2, 1
_DEMONYM_ENDINGS = frozenset(("n", "an", "ian", "ean", "i", "ese", "ish"))
# Endings that make an adjective of a noun: "agricultur|al", "econom|ic", "financ|ial".
_ADJECTIVE_ENDINGS = frozenset(("al", "ic", "ial", "ical"))
# Endings of a place whose demonym is the rest of its name: "Uzbek|istan", "Slovak|ia".
_PLACE_ENDINGS = ("stan", "ia")
# Words that make another office of one ("the former president", "Vice President"):
# a description and a role must agree on them.
_OTHER_OFFICE = lexicon.words("other_holders")


def same_word(word: str, other: str) -> bool:
    """A word of a role as written, the place it is a demonym of ("Serelian" for
    "Serelia", "Ukrainian" for "Ukraine", "Qasreeni" for "Qasreen") or the noun it is
    the adjective of ("agricultural" for "Agriculture", "economic" for "Economy": "the
    head of the economic portfolio" for the "Minister of Economy")."""
    if word == other:
        return True
    stem = other[:-1] if other.endswith("e") else other
    if len(stem) >= 4 and word.startswith(stem) and word[len(stem):] in _DEMONYM_ENDINGS:
        return True
    if len(word) >= 4 and other.startswith(word) and other[len(word):].lstrip("i") in _PLACE_ENDINGS:
        return True  # ("Uzbek" for "Uzbekistan", "Kazakh" for "Kazakhstan", "Slovak" for "Slovakia")
    if other in _demonyms().get(word, ()):
        return True
    stem = other[:-1] if other.endswith(("e", "y")) else other
    return len(stem) >= 5 and word.startswith(stem) and word[len(stem):] in _ADJECTIVE_ENDINGS


def nouns(head: str) -> frozenset[str]:
    """The noun and the words the lexicon pairs with it ("company": "utility", "chain",
    …; "commander": "chief of defence", …): words an article may write beside a name for
    the one it means."""
    return frozenset({head} | set(_written().get(head, ())))


def heads() -> frozenset[str]:
    """The description nouns the lexicon pairs with others."""
    return frozenset(_kin())


# Asked of every role of the article before each description, again and again for the
# same pairs (a quarter of them new on PolNeAR train): the answers are kept.
@lru_cache(maxsize=4096)
def fit(words: str, role: str) -> int:
    """How a description ("Qasreeni foreign minister", without "the") fits a role: EXACT,
    FITS, LOOSE or 0."""
    role = spelled_out(role)
    said = role_words(role)
    wanted = role_words(words)
    head = role_head(words)
    main = before_of(words.split())
    # ("the Union Leader": capitalised words around a capitalised head are a name, which
    # no noun the lexicon pairs with another stands for)
    named = len(main) > 1 and main[-1][:1].isupper() and any(w[:1].isupper() for w in main[:-1])
    if not wanted or not _head_fits(head, role, said, kin=not named):
        return 0
    loose = {w.casefold().rstrip(".,") for w in main[:-1] if w[:1].islower()} - _OTHER_OFFICE
    missing = {w for w in wanted - {head} if not any(same_word(w, other) for other in said)}
    if missing - loose:
        return 0  # ("the Democratic nominee" is not the "Republican nominee")
    if missing:
        return LOOSE
    return EXACT if wanted == said else FITS


@lru_cache(maxsize=4096)
def kin_only(words: str, role: str) -> bool:
    """Does the description fit the role only through a kin word ("the specialist" for a
    "Professor of Geomorphology"), its own head noun being no word of the role?"""
    return fit(words, role) > 0 and role_head(words) not in role_words(spelled_out(role))


def generic(head: str) -> bool:
    """"the official": a noun for whoever holds an office (`lexicons/officials.txt`)."""
    return head in lexicon.tagged("officials", "+generic")


def _head_fits(head: str, role: str, said: frozenset[str], *, kin: bool = True) -> bool:
    if head == role_head(role) or any(head == role_head(part) for part in role.split(" and ")[1:]):
        return True  # ("the expert": "Former Director of the Grid Agency and energy expert")
    if generic(head):
        return role_head(role) in lexicon.words("officials")
    written = [w.casefold().rstrip(".,") for w in role.split()]
    if head in said and head in lexicon.words("titles") and _own_office(written, head):
        return True  # ("the general": "Chief of Defence … Lieutenant General")
    return kin and any(phrase <= said and all(_own_office(written, w) for w in phrase)
                       for phrase in _kin().get(head, ()))


def _own_office(written: list[str], word: str) -> bool:
    """The word is written in the role, not right after "deputy", "vice", "former" ("the
    executive" is no "Vice President"; "the general" may be a "Deputy Commander …
    Major General")."""
    return any(w == word and (k == 0 or written[k - 1] not in _OTHER_OFFICE) for k, w in enumerate(written))


def spelled_out(role: str) -> str:
    """The role with each title written short spelled out ("Det Sgt" → "detective sergeant")."""
    short = _abbreviations()
    words = role.split()
    if not any(w.casefold().rstrip(".,") in short for w in words):
        return role  # (the common case: nothing written short)
    return " ".join(short.get(w.casefold().rstrip(".,"), w) for w in words)


@cache
def _abbreviations() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicon.rows("title_abbreviations")}


@cache
def _demonyms() -> dict[str, frozenset[str]]:
    """Each irregular demonym and the places it stands for (each a word of the place's name)."""
    return {r[0]: frozenset(w for p in r[1:] for w in p.split()) for r in lexicon.rows("demonyms")}


@cache
def _written() -> dict[str, tuple[str, ...]]:
    """Each description noun and the phrases it stands for, as written."""
    return {r[0]: tuple(p.casefold() for p in r[1:] if p) for r in lexicon.rows("role_kin")}


@cache
def _kin() -> dict[str, tuple[frozenset[str], ...]]:
    """Each description noun and the role words (as sets) it stands for."""
    return {head: tuple(role_words(p) for p in phrases if role_words(p))
            for head, phrases in _written().items()}
