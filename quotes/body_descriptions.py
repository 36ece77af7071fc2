"""Descriptions of bodies: "the utility", "the army", "the agency".

A body description means the body whose name shows its kind ("Water Agency" …
"the agency"; "Hydro Norte" … "the utility", by `lexicons/body_kinds.txt`), a
body the article described rather than named that spoke ("Nigeria's army" …
"the army"), or, failing these, the last body that spoke, unless its name shows
another kind ("City Council" is no company). `quotes.descriptions` weighs these
against everything else the article says.
"""

from __future__ import annotations

from functools import cache

from quotes import lexicon
from quotes.gender import given_gender
from quotes.people import Entity, People, Turn
from quotes.roles import title_head


def is_kind(head: str) -> bool:
    """Is this noun a kind of body ("utility", "army"), not a person's?"""
    return head in kinds()


def name_shows_kind(entity: Entity, head: str) -> bool:
    """"Water Agency" is an agency, "Hydro Norte" a utility; a person's name shows nothing."""
    if head not in kinds() or len(entity.words) < 2 or entity.gender or (
            entity.role and title_head(entity.role)):
        return False  # (a kind word alone, "Power" opening a sentence, names nobody)
    words = {w.casefold().rstrip(".,") for w in entity.name.split()}
    if " and " in entity.name:  # "Northmoor Rail and Estuary Rail": two bodies, neither "the operator"
        first, _, second = entity.name.casefold().partition(" and ")
        if set(first.split()) & set(second.split()) & kinds()[head]:
            return False
    return bool(words & kinds()[head])


def described_body(speaker: str, head: str) -> bool:
    """A body the article described rather than named, that spoke, whose head is the
    noun ("Nigeria's army" … "the army"; not "a judge")."""
    words = speaker.split()
    if "of" in words[2:]:  # ("central bank of Dravonia", "Estrava's chamber of mines")
        words = words[:words.index("of", 2)]
    return head in kinds() and len(words) > 1 and not words[-1][:1].isupper() and (
        words[0].casefold() not in ("a", "an", "one", "some")) and (
        words[-1].casefold() == head or words[-1].casefold() in kinds().get(head, ()))


def last_body_that_spoke(people: People, head: str, pos: int, reach: int) -> Turn | None:
    """The last body that spoke within reach before pos whose name shows no other kind."""
    for turn in reversed(people.turns):
        if turn.start < pos - reach:
            break
        entity = people.by_name(turn.speaker)
        if entity is not None and _could_be_body(entity) and not _shows_other_kind(entity.name, head):
            return turn
    return None


def _could_be_body(entity: Entity) -> bool:
    """A name of several words or an acronym that nothing shows to be a person's:
    no gender, no role, no given name."""
    return (len(entity.words) > 1 or entity.name.isupper()) and not entity.gender and (
        not entity.role and given_gender(entity.words) is None)


def _shows_other_kind(name: str, head: str) -> bool:
    """The body's name shows it is of another kind ("City Council" is no company)."""
    words = {w.casefold().rstrip(".,") for w in name.split()}
    return any(words & markers for noun, markers in kinds().items() if noun != head) and not (
        words & kinds()[head])


@cache
def kinds() -> dict[str, frozenset[str]]:
    """Each body noun and the name words that show it (the noun itself among them)."""
    return {row.split()[0]: frozenset(row.split()) for row in lexicon.lines("body_kinds")}
