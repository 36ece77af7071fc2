"""The writer's own phrase after a trailing cue: "…, the union said, | in the longest
strike at the port since 2011", "…, officials said, | as buyers stayed away", "…, health
chiefs have confirmed, | two years after it was meant to reopen". Past a lead that is a
sentence of its own, such a phrase frames the report: it is no second piece of what
was said.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from quotes import lexicon
from quotes.cue_words import QUOTE_MARKS
from quotes.report_content import clause_word, looks_like_clause
from quotes.tokens import Token, is_word, tokens

# Prepositions and subordinators of circumstance (`lexicons/framing_openers.txt`).
_OPENERS = lexicon.words("framing_openers")
_PREPOSITIONS = lexicon.tagged("framing_openers", "phrase")
_CLAUSE_OPENERS = lexicon.tagged("framing_openers", "clause") | {"since", "until", "because"}
# "two years | after", "days | before": a span of time, then where it is counted from.
_PERIODS = lexicon.tagged("time_words", "period", "periods")
_COUNTED_FROM = frozenset("after before since later earlier".split())
_SPAN_WORDS = lexicon.tagged("quantifiers", "number") | frozenset(
    "a an just only some about nearly almost".split())
_MARKS = frozenset(QUOTE_MARKS) | {"‘"}
_REACH = 240


def framing_phrase(text: str, pos: int, end: int) -> bool:
    """Does the phrase at pos (right after the cue's comma) open as the writer's: a
    preposition or subordinator of circumstance, or a span of time before one?"""
    toks = tokens(text, pos, min(end, pos + _REACH))
    if not toks or not is_word(toks[0]) or not toks[0].word.islower():
        return False
    if any(t.word in _MARKS for t in toks):
        return False  # (words quoted in it, "in a move one leader called “…”", are read as before)
    if _consequence(toks):
        return True
    if not (toks[0].key in _OPENERS or _time_span(toks)):
        return False
    if toks[0].key in _PREPOSITIONS and _before_comma(_before_subordinator(toks), _finite):
        return False  # ("The night shift, she said, in its present form cannot last": the predicate;
        # not "in the longest strike at the mine since it was sold", whose verb is the clause's)
    if _participle_next(toks) and not _before_comma(toks[2:], _finite):
        return False  # ("…, officials said, before being shot …", "…, with each receiving …": the
        # lead's own action goes on, which a report may hold; not "as fighting along the
        # border intensified", "after visiting crews were left …", an -ing noun's clause)
    # ("for others, it can …": a clause resumes after a comma inside the phrase)
    return not any(tok.word == "," and (clause_word(nxt) or looks_like_clause(text, nxt.start, end))
                   for tok, nxt in pairwise(toks) if nxt.word.islower())


def _consequence(toks: list[Token]) -> bool:
    """"…, their union said, | leaving wards without doctors", "…, further delaying …": the
    -ing form of a verb of effect (`lexicons/consequence_verbs.txt`) opens the writer's
    account of what the lead's event did, up to its end with no verb of a clause
    ("…, she added, closing it would be unwise" is a clause, the speaker's)."""
    first = toks[1] if len(toks) > 1 and toks[0].key in _DEGREE else toks[0]
    return first.word.islower() and first.key in _CONSEQUENCES and not any(
        t.word.islower() and clause_word(t) for t in toks if t.start > first.start)


_CONSEQUENCES = frozenset(w for w in lexicon.every_word("consequence_verbs") if w.endswith("ing"))
_DEGREE = frozenset("further thereby effectively".split())


def _before_comma(toks: list[Token], test: Callable[[Token], bool]) -> bool:
    """Does a word passing the test come before the phrase's first punctuation?"""
    for tok in toks:
        if not is_word(tok):
            return False
        if test(tok):
            return True
    return False


def _before_subordinator(toks: list[Token]) -> list[Token]:
    """The phrase's words up to a subordinator that opens a clause inside it ("in the
    longest strike at the mine | since it was sold")."""
    for k, tok in enumerate(toks):
        if k and tok.key in _INNER_SUBORDINATORS:
            return toks[:k]
    return toks


_INNER_SUBORDINATORS = _CLAUSE_OPENERS - {"as"}  # ("as" also compares: "as many as …")


def _participle_next(toks: list[Token]) -> bool:
    """An -ing verb right after the opener, or after a pronoun or a quantifier alone
    ("before | being", "with each | receiving"; not "in a | string of …")."""
    if len(toks) > 1 and _participle(toks[1]):
        return True
    return len(toks) > 2 and toks[1].key in _ALONE and _participle(toks[2])


_ALONE = frozenset("each both all some many most one it him her them they".split())


def _finite(tok: Token) -> bool:
    return tok.word.islower() and clause_word(tok)


def _participle(tok: Token) -> bool:
    """An -ing verb ("being", "receiving"; not "morning", "nothing")."""
    key = tok.key
    return (tok.word.islower() and key.isalpha() and len(key) > 4 and key.endswith("ing")
            and not key.endswith("thing") and key not in _PERIODS)


def _time_span(toks: list[Token]) -> bool:
    """"two years after …", "a day before …", "days after …"."""
    for k, tok in enumerate(toks[:4]):
        if tok.key in _PERIODS:
            return k + 1 < len(toks) and toks[k + 1].key in _COUNTED_FROM
        if not (tok.key in _SPAN_WORDS or tok.word.isdigit()):
            return False
    return False
