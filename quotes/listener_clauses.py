"""Where the listener of a tell-type cue ends when the reported clause follows with no
"that": "told the Courier | most growers …", "told Reuters | the Kestrel II had …",
"told the Post | he had …", "told the inquiry | officers had …".

The words after "told" are read first as one noun phrase (`cue_words.with_object`),
which runs on into the clause's subject when nothing marks where it starts. One is
told a clause, so when the words after a break inside that phrase are a clause of their
own (a subject, then its verb), the listener ends at the break.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from quotes import lexicon
from quotes.cue_words import PREPOSITIONS, Cue
from quotes.report_content import NOT_SAID, clause_word, looks_like_clause
from quotes.tokens import Token, is_word, tokens

_DETERMINERS = lexicon.tagged("determiners", "article", "possessive")
_PRONOUNS = lexicon.words("pronouns") | {"you"}
_RELATIVES = frozenset("who whom whose which that".split())
# Verbs told a clause: never "asked the candidate if …", "warned the council officers …".
_TOLD = frozenset(["tell", "inform", "assure"])


def listener_before_clause(text: str, cue: Cue, full: Cue, end: int) -> Cue:
    """The cue with its listener cut where a clause opens inside it, else `full`."""
    if full.end <= cue.end or cue.base not in _TOLD:
        return full
    toks = [t for t in tokens(text, cue.end, full.end) if is_word(t)]
    for k in range(1, len(toks)):
        if _break(toks, k) and _clause_from(text, toks[k].start, end):
            return replace(full, end=toks[k - 1].end)
    after = [t for t in tokens(text, full.end, min(end, full.end + 20)) if is_word(t)][:1]
    if len(toks) >= 3 and after and after[0].word.islower() and clause_word(after[0]) and all(
            t.word.islower() for t in toks) and toks[0].key in _DETERMINERS and (
            toks[-1].key not in _DETERMINERS and toks[-1].key not in PREPOSITIONS):
        # "told the inquiry officers | had found": a verb right after the listener has its
        # subject in it, the listener's last word
        return replace(full, end=toks[-2].end)
    return full


def _break(toks: list[Token], k: int) -> bool:
    """Where the words before toks[k] can close a listener and a subject can open: a
    pronoun ("the Post | he"), or a change of case after the listener's first word that is
    no determiner ("the Courier | most growers", "Reuters | the Kestrel II")."""
    before, word = toks[k - 1], toks[k]
    if word.word.islower() and word.key in _PRONOUNS:
        return True
    if (before.key in _DETERMINERS or before.key in PREPOSITIONS) and before.word.islower():
        return False  # ("the | Courier", "a crowd at | Harbour Hall": the listener's own words)
    if not before.word.isalpha():
        return False  # ("the 2016 | Mayoral candidate")
    if word.key in PREPOSITIONS or word.key in NOT_SAID or word.key.endswith("ly"):
        return False  # ("The Tribune | yesterday that …", "the Post | on Monday")
    return before.word[:1].isupper() != word.word[:1].isupper()


def _clause_from(text: str, start: int, end: int) -> bool:
    """A clause opens at start: a subject with no second noun phrase in it before its
    verb ("the Senate | committee the plan would …" is a listener, then a clause), then
    the verb."""
    if not looks_like_clause(text, start, end):
        return False
    toks = [t for t in tokens(text, start, min(end, start + 160)) if is_word(t)]
    for before, tok in pairwise(toks):
        if tok.key in _RELATIVES or "," in text[before.end:tok.start]:
            return False  # ("the old | story of the city, which was …": a relative clause's verb)
        if clause_word(tok) or tok.key.endswith("ed"):
            return True
        if (tok.key in _DETERMINERS or tok.key in _PRONOUNS) and tok.word.islower() and (
                before.key not in PREPOSITIONS and before.key not in ("and", "or")):
            return False
    return True
