"""The group a plural pronoun means when no group spoke just before it: the plural
subject of its own clause ("Most tenants in the block say they will stay"), or, when
the pronoun opens its sentence, the plural subject of the sentence before it in the
same paragraph ("Nurses at the clinic walked out. They want …").

The subject is the words that open the clause up to its verb (an auxiliary, a speech
verb or a past form) or to what ends a noun phrase (a comma, "that", "who", a
bracket), and it counts only when its head, the word before any "of"/"in" phrase, is
a plural noun: "The mayor said they …" leaves "they" unresolved as before.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import regex

from quotes import lexicon
from quotes.cue_words import PREPOSITIONS
from quotes.segment import dateline_end
from quotes.tokens import is_people_noun, keeps_period

# Where a clause opens: a sentence end, a line break, a semicolon or a colon, or a
# comma and a conjunction joining two clauses (", but majorities say they …").
_CLAUSE_OPEN = regex.compile(
    r"(?r)(?:[.!?][\"”’']?\s+|\n\s*|[;:]\s+|,\s+(?:but|and|while|although|though|because)\s+)")
# Words that may open a clause before its subject.
_OPENERS = frozenset("but and so yet still however also".split())
# Words that end the subject's noun phrase before its verb.
_NP_STOPS = frozenset("that who which whose including (".split())
# Words a subject's head is followed by ("majorities in all five", "voters of both parties").
_PREPOSITIONS = PREPOSITIONS | {"across"}
# Group nouns that are plural without an "s", and "percent" ("24 percent say").
_GROUPS = lexicon.words("group_nouns") | {"percent"}
# Words that open an adverbial phrase or clause, not a subject ("As voters left, …").
_ADVERBIAL = PREPOSITIONS | frozenset(
    "as if when while unless though although because since until once despite like had were".split())
_MODALS = lexicon.tagged("finite_auxiliaries")
# A pronoun and the word after it: "they | said", "they | told reporters".
_PRONOUN_VERB = regex.compile(r"\w+\s+(\w+)\b")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*|[(,]")


def plural_subject(text: str, pos: int, floor: int) -> tuple[int, str] | None:
    """(start, words) of the plural subject a "they" at pos means, or None."""
    opened = _clause_open(text, max(floor, pos - 400), pos)
    start = opened.end() if opened else max(floor, pos - 400)
    start = dateline_end(text, start) or start  # ("OSLO (Reuters) - | Dockers will …")
    if text[max(floor, pos - 2):pos].rstrip().endswith(","):
        # "Dockers will strike on Monday, they said": a trailing cue's pronoun means the
        # people its content opens with ("Such efforts, they believe, …" names none)
        return _people_subject(text, start, pos) if _speech_after(text, pos) else None
    subject = _subject(text, start, pos)
    if subject is not None:
        return subject
    if not _only_openers(text[start:pos]) or opened is None or "\n" in opened.group():
        return None  # (the pronoun is not its clause's subject, or a paragraph begins)
    before = _clause_open(text, max(floor, opened.start() - 400), opened.start())
    if before is not None and before.group().strip(" ") in (",", ";", ":"):
        return None
    return _subject(text, before.end() if before else max(floor, opened.start() - 400), opened.start())


def _speech_after(text: str, pos: int) -> bool:
    """The pronoun at pos is the subject of a finite speech verb ("they said", "they
    warned"), not of a belief ("they believe") or a participle."""
    pair = _PRONOUN_VERB.match(text, pos)
    if pair is None or pair.group(1).endswith("ing"):
        return False
    verb = lexicon.speech_verbs().get(pair.group(1).casefold())
    return verb is not None and not (verb.stance or verb.belief)


def _people_subject(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The plural subject opening text[start:end] when its head names people ("rail
    unions", "Hundreds of olive farmers"), not things ("Prices will rise, they said")."""
    subject = _subject(text, start, end)
    if subject is None:
        return None
    words = [w.group().casefold() for w in _WORD.finditer(subject[1])]
    head = next((w for w, after in pairwise(words) if after in _PREPOSITIONS), words[-1])
    return subject if any(is_people_noun(w) for w in (head, words[-1])) else None


def _clause_open(text: str, lo: int, hi: int) -> regex.Match[str] | None:
    """The last clause opening in text[lo:hi], not a period that an abbreviation keeps
    ("from Dec. 8", "Sen. Ruiz")."""
    while (opened := _CLAUSE_OPEN.search(text, lo, hi)) is not None and text[opened.start()] == ".":
        word = text[:opened.start() + 1].rsplit(None, 1)[-1]
        if not keeps_period(word):
            break
        hi = opened.start()
    return opened


def _only_openers(words: str) -> bool:
    return all(w.casefold().strip(",") in _OPENERS for w in words.split())


def _subject(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The clause's opening noun phrase between start and end, when its head is plural."""
    words = list(_WORD.finditer(text, start, end))
    while words and words[0].group().casefold().rstrip(",") in _OPENERS:
        words.pop(0)
    if not words or words[0].group() in ("(", ",") or words[0].group().casefold() in _ADVERBIAL:
        return None  # ("As voters left, they …", "In their ads, they …": no subject opens it)
    head: str | None = None
    last = words[0]
    for k, word in enumerate(words):
        key = word.group().casefold()
        if k > 0 and (_verb(word.group()) or key in _NP_STOPS or key == ","):
            if not any(_verb(w.group()) for w in words[k:]):
                return None  # (no verb after it: "Such efforts, they …")
            break
        if key in ("they", "we", "he", "she", "it", "i", "you"):
            return None  # (a pronoun subject: nothing named to mean)
        if head is None and k > 0 and key in _PREPOSITIONS:
            head = words[k - 1].group()
        last = word
    else:
        return None  # (no verb before the pronoun: not a clause's subject)
    head = head or last.group()
    if not _plural(head):
        return None
    return words[0].start(), text[words[0].start():last.end()]


def _verb(word: str) -> bool:
    """A verb after a subject: a listed one or a lower-case past form ("walked")."""
    key = word.casefold()
    if key in lexicon.words("mostly_nouns"):
        return False  # ("rail workers will …": a noun)
    return key in _verbs() or key in _MODALS or (word.islower() and len(word) > 4 and word.endswith("ed"))


def _plural(word: str) -> bool:
    key = word.casefold()
    if key in _GROUPS:
        return True
    return len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is", "’s", "'s"))


@cache
def _verbs() -> frozenset[str]:
    """Words that end a subject: auxiliaries, speech verbs and past forms."""
    return (lexicon.words("auxiliaries") | frozenset(lexicon.speech_verbs())
            | lexicon.words("irregular_past"))
