"""Whether a name stands where a pronoun's antecedent may stand: as a subject.

A name right after a preposition ("of Belarus"), an object verb ("met Lee Dorn")
or a listener verb ("had asked Tom Reval"), a possessive ("Wagner’s boss"), a name
modifying the noun of another phrase ("a former Tarn winger") or a name in a
sentence whose subject is a pronoun is somebody a later "he" does not mean.
"""

from __future__ import annotations

from functools import cache

import regex

from quotes import lexicon
from quotes.cue_words import TELL, is_past_form
from quotes.segment import SENTENCE_BREAK

POSSESSIVE = ("’s", "'s", "’", "'")
NOT_BEFORE_SUBJECT = frozenset(
    "the a an of by with to for from in on at against into about than like toward towards "
    "including "
    "under over between among his her their its our".split())


def salient(text: str, toks: list, first: int, last: int) -> bool:
    """Could this name be a pronoun's antecedent? Not as a modifier ("the Prigozhin
    mutiny"), an object of a preposition ("of Belarus") or a possessive ("Wagner’s boss")."""
    if toks[last].word.endswith(POSSESSIVE[:2]):
        return False
    if first == 0:
        return True
    before = toks[first - 1]
    if topic(text, before.start, toks[last].end):
        return True
    if modifies_noun(text, toks[first].start, toks[last].end):
        return False
    if before.key in _LISTENER_BEFORE and text[max(0, before.start - 40):before.start].rstrip()[-1:].isalnum():
        return False  # "her husband had asked Tom Reval": a listener (but "“…?” asked Ana Ruiz")
    return before.key not in NOT_BEFORE_SUBJECT and not (
        before.word.islower() and after_object_verb(before.key))


# "a former | Tarn | winger", "the council's | Velm Coast | district": a name between an
# article or possessive (past one more word) and a noun after it that it modifies.
_PHRASE_OPENS = regex.compile(r"(?:^|[ \u00a0(])((?i:a|an|the|his|her|their|its))[ \u00a0]+"
                              r"(?:\p{Ll}[\p{Ll}-]*|[\p{L}\p{M}.&-]+[’']s)[ \u00a0]+$")
_NEXT_LOWER = regex.compile(r"[ \u00a0]+(\p{Ll}[\p{Ll}-]*)(?![\p{L}\p{M}’'])")
_INDEFINITE = frozenset({"a", "an"})


def modifies_noun(text: str, start: int, end: int) -> bool:
    """"Ivo Marr, a former Tarn winger, …", "Insp Ana Lee of the force's Velm Coast
    district said": a name inside another noun phrase, modifying its noun, is no person a
    later "he" or "she" means. After "a" any noun but a verb's form shows it; after "the"
    or a possessive, a noun for a body or its people ("… district", "… spokesman")."""
    opens = _PHRASE_OPENS.search(text, max(0, start - 40), start)
    after = _NEXT_LOWER.match(text, end)
    if opens is None or after is None:
        return False
    word = after.group(1)
    if opens.group(1).casefold() in _INDEFINITE:
        return not (word in lexicon.speech_verbs() or word in lexicon.words("auxiliaries") or (
            word in lexicon.words("finite_auxiliaries")) or after_object_verb(word) or is_past_form(word))
    return word in _nouns()


def topic(text: str, before: int, end: int) -> bool:
    """"For Ana Ruiz, the wait has been long. Her son …": a name that a sentence opens
    with "For" and a comma makes what the sentence is about, a pronoun's antecedent."""
    return text.startswith("For ", before) and text.startswith(",", end) and (
        before == 0 or text[before - 1] == "\n" or text[max(0, before - 3):before].rstrip().endswith(
            (".", "!", "?", "”", '"', "’")))


def topic_at(text: str, pos: int) -> bool:
    """The name at pos is a sentence's topic: "For | Ana Ruiz, …"."""
    name = _NAME_WORDS.match(text, pos)
    return name is not None and topic(text, pos - 4, name.end())


_NAME_WORDS = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’.-]*)*")


def body_subject(text: str, toks: list, first: int, last: int) -> bool:
    """A body's name after "the" is its clause's subject ("The Varrow Transit Authority
    said", "The Council of Northern States, which …, said"), unless it is an object ("of
    the Council") or modifies a noun after it ("the Transit Authority chairman said")."""
    if first == 0 or toks[first - 1].key != "the" or toks[last].word.endswith(POSSESSIVE[:2]):
        return False
    before = toks[first - 2] if first > 1 else None
    if before is not None and (before.key in NOT_BEFORE_SUBJECT or before.key in _LISTENER_BEFORE or (
            before.word.islower() and after_object_verb(before.key))):
        return False
    after = _NEXT_WORD.match(text, toks[last].end)
    return after is None or after.group(1) not in _nouns()


# The word after a name, when it is a lower-case one.
_NEXT_WORD = regex.compile(r"[ \u00a0]+(\p{Ll}+)\b")


@cache
def _nouns() -> frozenset[str]:
    """Nouns a body's name may modify: its people, its documents, its kinds."""
    return (lexicon.words("roles") | lexicon.words("person_nouns") | lexicon.words("documents")
            | lexicon.words("research_documents") | lexicon.words("body_kinds"))


# The past forms of the tell-type verbs, whose object is a listener ("told | Ana Ruiz").
_LISTENER_BEFORE = frozenset(
    form for form, verb in lexicon.speech_verbs().items() if verb.base in TELL and is_past_form(form))

# Verbs whose object a name after them is ("met Lee Dorn", "defeated the …").
_OBJECT_VERBS = frozenset("met meets meet beat beats joined hired named thanked replaced".split())


def after_object_verb(word: str) -> bool:
    """A name right after this word is a verb's object, not a subject ("met Lee Dorn"):
    a past form or a verb that takes an object, but not a speech verb ("said Dorn")."""
    return word in _OBJECT_VERBS or (
        (word.endswith("ed") or word in lexicon.words("irregular_past"))
        and word not in lexicon.speech_verbs())

# The start of the sentence holding a position: searched backwards, a line at most.
_SENTENCE_START = regex.compile(rf"(?r){SENTENCE_BREAK.pattern}")
_PRONOUN_OPENS = regex.compile(r"[\"“‘']?(?:(?:But|And|So|Yet|Then)\s+)?(?:He|She|They)\b")


def after_pronoun_subject(text: str, pos: int) -> bool:
    """The sentence holding pos opens with a personal pronoun before pos."""
    lo = max(0, pos - 300)
    if text.find("He", lo, pos) < 0 and text.find("She", lo, pos) < 0 and text.find("They", lo, pos) < 0:
        return False  # (no pronoun to open it: the sentence's start need not be searched)
    start = _SENTENCE_START.search(text, lo, pos)
    return _PRONOUN_OPENS.match(text, start.end() if start else lo, pos) is not None


