"""Time, place and medium between a speech verb and the clause it reports:
"the army said on Friday | it had freed …", "told reporters in Carlisle | a further
200 troops …", "said in a post on Facebook | the plan …" (wire copy leaves out "that").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quotes import lexicon
from quotes.tokens import FUNCTION_WORDS, Token, is_capitalised, is_word, tokens

# Words an adverbial of time, place or medium opens with ("said | on Friday …").
OPENERS = lexicon.words("adverbial_openers")
# Days open an adverbial capitalised: "said Monday | he is considering …".
DAYS = lexicon.tagged("calendar", "day")
# Words a reported clause can open with: its subject's pronoun or determiner.
_SUBJECT_STARTS = frozenset(
    "i we you he she it they the a an his her its their this these those some many most "
    "several all no more one two three there".split())
_MAX_WORDS = 8
# Words a lower-case subject may run to before its verb: "fewer than a third of its growers | had".
_SUBJECT_WORDS = 10
# A comma that sets off a phrase, not one inside a number ("48,000").
_PHRASE_COMMA = re.compile(r",(?!\d)")
# Lower-case words after "to" in an adverbial that are not an infinitive's verb:
# "said in a letter to shareholders | the …", "told reporters on the way to work | …".
_NOT_VERBS_AFTER_TO = frozenset(
    "the a an his her its their our my your this that these those reporters journalists "
    "shareholders investors clients members staff parliament lawmakers congress voters "
    "work school church".split())
_NOT_INSIDE = frozenset(",;:“”\"«»()")


# Words that end an adverbial of time for sure: "said on Tuesday", "said late last night".
_TIME_ENDS = lexicon.tagged("time_words", "period", "adverb")
_RELATIVES = lexicon.words("relatives")
# "just", "only": before a quantity or an article they narrow the clause's subject.
_LIMITERS = lexicon.words("limiters")
_QUANTITIES = lexicon.words("quantifiers") | lexicon.words("approximators")
_ARTICLES = lexicon.tagged("determiners", "article")


def limits_subject(toks: list[Token], quantities: frozenset[str]) -> bool:
    """Does a limiter open the words, before a number, one of the quantities or an article
    ("only | four of …", "just | a third of …"): a clause's subject, narrowed?"""
    return len(toks) > 1 and toks[0].key in _LIMITERS and (
        toks[1].word[:1].isdigit() or toks[1].key in quantities or toks[1].key in _ARTICLES)


def _ends_adverbial(tok: Token) -> bool:
    """Before a lower-case noun and a verb ("hackers had"), the adverbial must end
    where one surely ends: a day, a time word or a document ("in a statement")."""
    return tok.key in DAYS or tok.key in _TIME_ENDS or tok.key in lexicon.words("documents")


def clause_after_adverbial(text: str, start: int, end: int,
                           is_clause: Callable[[str, int, int], bool],
                           is_verb: Callable[[Token], bool]) -> int | None:
    """Where the reported clause begins after an adverbial opening at `start`, or None.

    The adverbial is the shortest run of words that holds no verb and no punctuation,
    ends with a word of its own (not "the", not inside a name: "on France Inter radio")
    and is followed by a subject and a verb."""
    reach = _MAX_WORDS + _SUBJECT_WORDS + 1  # (the adverbial, then a subject of several words)
    toks = [t for t in tokens(text, start, min(end, start + 200)) if is_word(t)][:reach]
    if len(toks) > 1 and _manner_adverb(toks[0]):
        return _clause_after_manner_adverb(text, toks[1], end, is_clause, is_verb)
    if not toks or not (toks[0].key in DAYS or (toks[0].key in OPENERS and toks[0].word.islower())):
        return None
    if limits_subject(toks, _QUANTITIES):
        return None  # "said just | a third of the ballots had …": the clause's subject, no adverbial
    for k in range(1, min(len(toks), _MAX_WORDS + 1)):
        last, first = toks[k - 1], toks[k]
        if (is_verb(last) and last.word.islower()) or any(ch in _NOT_INSIDE for ch in text[start:last.end]):
            return None
        if k >= 2 and toks[k - 2].key == "to" and last.word.islower() and last.key not in _NOT_VERBS_AFTER_TO:
            return None  # "agreed on Monday to reopen | two crossings": an infinitive, not an adverbial
        if last.key in FUNCTION_WORDS:
            continue  # ("on | the …": no adverbial ends with a function word)
        opens = first.key in _SUBJECT_STARTS or (
            is_capitalised(first.word) and not is_capitalised(last.word) and not last.word.isdigit()) or (
            k + 1 < len(toks) and first.word.islower() and _ends_adverbial(last)
            and not text[last.end:first.start].strip() and first.key not in _RELATIVES
            and (is_verb(toks[k + 1]) or _noun_phrase_then_verb(text, toks, k, is_verb)))
        # ("said on Tuesday | hackers had", "said in a statement | staff would"; not "in a 2016 | report would")
        if opens and not first.word[:1].isdigit() and is_clause(text, first.start, end):
            return first.start
    return None


def _noun_phrase_then_verb(text: str, toks: list[Token], k: int, is_verb: Callable[[Token], bool]) -> bool:
    """"said on Monday | gas from the new wells would reach", "said in a statement | exports through the
    port totalled …": after an adverbial that surely ends, a lower-case subject of a few
    words (no participle opening it, no verb, no punctuation but a number's comma) and
    then its verb."""
    first = toks[k]
    if is_verb(first) or first.key.endswith(("ed", "ing")) or first.key in FUNCTION_WORDS:
        return False
    for tok in toks[k + 1:k + 1 + _SUBJECT_WORDS]:
        if is_verb(tok) or (tok.word.islower() and tok.key.endswith("ed")):
            between = text[first.start:tok.start]
            return not any(ch in _NOT_INSIDE and ch != "," for ch in between) and (
                not _PHRASE_COMMA.search(between))
        if tok.key in _RELATIVES:
            return False
    return False


def _manner_adverb(tok: Token) -> bool:
    """"said | separately it would …", "said | privately the talks …": an adverb in -ly
    (not an adjective or a noun in "-ly": `lexicons/ly_adjectives.txt`, `ly_nouns.txt`)."""
    return (tok.word.islower() and tok.key.endswith("ly") and len(tok.key) > 4
            and tok.key not in lexicon.words("ly_adjectives") and tok.key not in lexicon.words("ly_nouns"))


def _clause_after_manner_adverb(text: str, nxt: Token, end: int,
                                is_clause: Callable[[str, int, int], bool],
                                is_verb: Callable[[Token], bool]) -> int | None:
    """After the adverb, another adverbial ("said separately on Friday | it …") or the
    clause, which opens with a pronoun, a determiner or a name."""
    if nxt.key in DAYS or (nxt.key in OPENERS and nxt.word.islower()):
        return clause_after_adverbial(text, nxt.start, end, is_clause, is_verb)
    if (nxt.key in _SUBJECT_STARTS or is_capitalised(nxt.word)) and is_clause(text, nxt.start, end):
        return nxt.start
    return None
