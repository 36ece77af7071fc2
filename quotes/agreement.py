"""A source pronoun whose person the article never shows the gender of: "According
to her, …", "In his view, …", "in her words".

The last person named may have no known gender while a person named just before
has one that agrees ("“…,” Maria Varga told reporters. Minister Teodor Balan said
… According to her, …"): the one whose gender is known to agree is meant. The
explanation says so, and the choice counts as unsure. Subject pronouns ("he
said") keep the nearest person: news English writes those for the last subject.
"""

from __future__ import annotations

from quotes.people import Antecedent


def agreeing_rival(found: Antecedent, gender: str | None) -> Antecedent:
    """The rival instead of the chosen person when only the rival's gender is known to
    agree with the pronoun; else found unchanged."""
    if gender not in ("m", "f") or found.rival is None or found.entity.gender is not None:
        return found
    at, rival = found.rival
    if rival.gender != gender:
        return found
    return Antecedent(rival, at, (*found.passed, found.entity.name), None, found.unsure)
