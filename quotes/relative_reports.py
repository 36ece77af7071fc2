"""Reports inside a relative clause of a body: "The agency, which said the tests were safe,
will publish its data in March." The body before "which" is the
speaker, and the report ends where the main clause takes up its own predicate
after a comma ("…, will publish"): that predicate is the reporter's, not the
speaker's words. Only speech counts there: "the union, which endorsed …", "the
party, which wants …" describe the body, they report no statement.
"""

from __future__ import annotations

import re

from quotes import lexicon
from quotes.tokens import FUNCTION_WORDS, Token, is_capitalised

Span = tuple[int, int]

# (", which has also"; after a short form in brackets: "The Island Nurses' Union (INU), which")
_RELATIVE_SUBJECT = re.compile(r"(?:\s*\([^()]{1,15}\))?,\s*which\s+(?:[a-z]+\s+){0,2}$")
# The main clause's predicate after the relative clause: an auxiliary or a past-tense
# or present-tense verb right after a comma.
_MAIN_PREDICATE = re.compile(
    r",\s+(?:" + "|".join(sorted(lexicon.tagged("finite_auxiliaries"))) + r"|also|then|now|later)\b")


def in_relative_clause(text: str, mention_end: int, cue_start: int) -> bool:
    """The cue follows its subject, a body, through ", which" ("who" clauses are read
    with the subject's apposition, quotes.subjects)."""
    return _RELATIVE_SUBJECT.match(text, mention_end, cue_start) is not None


def relative_report_end(text: str, start: int, end: int) -> int:
    """Where the report in a relative clause ends: at the comma before the main clause's
    predicate, else at end."""
    match = _MAIN_PREDICATE.search(text, start, end)
    return match.start() if match else end


# The finite verb a subject-less clause after a cue opens with: "… said | was ongoing".
_FINITE_OPENERS = lexicon.tagged("finite_auxiliaries") | frozenset("left made cost helped caused".split())
_PRONOUN_SUBJECTS = lexicon.words("pronouns")
_DETERMINERS = lexicon.tagged("determiners", "article", "possessive", "demonstrative")
# Words no antecedent noun can be, past FUNCTION_WORDS (which holds the relatives
# "which", "that", "who", "whom", "what" and the conjunctions "and", "but", "if", "as", …).
_NOT_ANTECEDENTS = frozenset(["because"])


def zero_relative_subject(toks: list[Token]) -> int | None:
    """The index in toks (the words before a cue) where the subject of a relative
    clause without "that" starts: "a fraud | investigators say", "a decision | the mayor
    said", "a delay | she says". The word before it must be a noun, the
    clause's antecedent; None when no such reading holds."""
    n = len(toks)
    if n < 2:
        return None
    last = toks[-1]
    if last.key in _PRONOUN_SUBJECTS:
        start = n - 1
    elif is_capitalised(last.word):
        start = n - 1
        while start > 0 and is_capitalised(toks[start - 1].word) and toks[start - 1].key not in _DETERMINERS:
            start -= 1
        if start > 0 and toks[start - 1].key in _DETERMINERS:
            start -= 1
    else:
        det = next((i for i in range(n - 1, max(-1, n - 5), -1) if toks[i].key in _DETERMINERS), None)
        plural = last.word.islower() and last.key.endswith("s") and last.key not in FUNCTION_WORDS
        if det is not None and plural and toks[det].key in ("a", "an"):
            det = None  # "a scheme | prosecutors said": "a" heads no plural, the antecedent's
        phrase = toks[det + 1:] if det is not None else []
        if det is not None and not any(t.key in FUNCTION_WORDS for t in phrase):
            start = det  # "the harbour master"
        elif plural:
            start = n - 1  # a bare plural: "prosecutors", "analysts"
        else:
            return None
    if start == 0:
        return None
    before = toks[start - 1]
    if not before.word.islower() or before.key in FUNCTION_WORDS or before.key in _NOT_ANTECEDENTS or (
            before.key.endswith(("ly", "ed", "ing"))):
        return None  # (a verb, an adverb, a preposition or a relative word: no antecedent)
    return start


def opens_finite_verb(toks: list[Token]) -> bool:
    """The words after a cue open with a finite verb and no subject: "said | would …"."""
    return bool(toks) and toks[0].word.islower() and (
        toks[0].key in _FINITE_OPENERS or (toks[0].key.endswith("ed") and len(toks[0].key) > 4))
