"""A source pronoun whose person the article never shows the gender of: "According
to her, …", "In his view, …", "in her words".

The last person named may have no known gender while a person named just before
has one that agrees ("“…,” Maria Varga told reporters. Minister Teodor Balan said
… According to her, …"): the one whose gender is known to agree is meant, when
that one made a statement in the pronoun's own paragraph (both are in view). A
rival who spoke paragraphs ago, or never, is not: the article has moved on to the
last person named ("Governor Ivo Marr stated … . In his opinion, …" after a
minister quoted earlier). The explanation says so, and the choice counts as
unsure. Subject pronouns ("he said") keep the nearest person: news English writes
those for the last subject.
"""

from __future__ import annotations

from quotes.people import Antecedent, People


def agreeing_rival(people: People, found: Antecedent, gender: str | None, pos: int) -> Antecedent:
    """The rival instead of the chosen person when only the rival's gender is known to
    agree with the pronoun at pos and the rival spoke in its paragraph; else found."""
    if gender not in ("m", "f") or found.rival is None or found.entity.gender is not None:
        return found
    at, rival = found.rival
    if rival.gender != gender or not _spoke_in_paragraph(people, rival.name, pos):
        return found
    return Antecedent(rival, at, (*found.passed, found.entity.name), None, found.unsure)


def _spoke_in_paragraph(people: People, name: str, pos: int) -> bool:
    """A statement by name starts in the paragraph that holds pos, before pos."""
    opens = people.text.rfind("\n", 0, pos) + 1
    return any(turn.speaker == name and opens <= turn.start < pos for turn in people.turns)
