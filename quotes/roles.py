"""Role phrases compared: their words and head noun ("State Department spokesman"
→ spokesman), and the person the article gave a role ("the NATO Secretary General")."""

from __future__ import annotations

from quotes import lexicon
from quotes.people import Entity, People


def with_role(people: People, role: str, pos: int) -> Entity | None:
    """The entity the article gave this role, the one named last before pos."""
    wanted = role_words(role)
    head = role_head(role)
    best = None
    for entity in people.entities:
        # "the vice president" is the person given that role; "the State Department"
        # is not its spokesman: the head nouns must agree too.
        if (entity.role and wanted and wanted <= role_words(entity.role)
                and head == role_head(entity.role)) and (
                best is None or _last_before(entity, pos) > _last_before(best, pos)):
            best = entity
    return best


def title_head(role: str) -> bool:
    return role_head(role) in lexicon.words("titles")


def role_words(role: str) -> frozenset[str]:
    return frozenset(w.casefold().strip("(),.") for w in role.split()
                     if w.casefold() not in ("the", "a", "an", "this", "that", "of", "for"))


def role_head(role: str) -> str:
    """The head noun of a role: its last word ("State Department spokesman" → spokesman),
    or the last before "of" ("Deputy Minister of Trade of Ruritania" → minister)."""
    words = before_of(role.split())
    return words[-1].casefold().strip("(),.") if words else ""  # ("… Group (GANA)": "gana")


def before_of(words: list[str]) -> list[str]:
    """A role's words up to its first "of" or "for" phrase ("Deputy Minister | of Trade")."""
    for joiner in ("of", "for"):
        if joiner in words[1:]:
            words = words[:words.index(joiner, 1)]
    return words


def _last_before(entity: Entity, pos: int) -> int:
    earlier = [p for p in entity.positions if p <= pos]
    return earlier[-1] if earlier else -1


def strip_determiner(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words)

