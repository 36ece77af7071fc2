"""Reports inside a relative clause of a body: "The agency, which said the tests were safe,
will publish its data in March." The body before "which" is the
speaker, and the report ends where the main clause takes up its own predicate
after a comma ("…, will publish"): that predicate is the reporter's, not the
speaker's words. Only speech counts there: "the union, which endorsed …", "the
party, which wants …" describe the body, they report no statement.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_RELATIVE_SUBJECT = re.compile(r",\s*which\s+(?:[a-z]+\s+){0,2}$")  # (", which has also")
# The main clause's predicate after the relative clause: an auxiliary or a past-tense
# or present-tense verb right after a comma.
_MAIN_PREDICATE = re.compile(
    r",\s+(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
    r"does|did|also|then|now|later)\b")


def in_relative_clause(text: str, mention_end: int, cue_start: int) -> bool:
    """The cue follows its subject, a body, through ", which" ("who" clauses are read
    with the subject's apposition, quotes.subjects)."""
    return _RELATIVE_SUBJECT.match(text, mention_end, cue_start) is not None


def relative_report_end(text: str, start: int, end: int) -> int:
    """Where the report in a relative clause ends: at the comma before the main clause's
    predicate, else at end."""
    match = _MAIN_PREDICATE.search(text, start, end)
    return match.start() if match else end
