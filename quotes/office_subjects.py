"""Speakers named with a long office around their name, as translated news writes them:
"the Second Deputy Chairman of the Board of LLC «Kor Trans» Ilya Maren", "the Minister of
Energy and Mines, Mr. Omar Tali", "Ana Lee, head of the water board of Dell province".

Shorter readers stop at the first word that is no part of a role ("province", a name in
marks, a second "of"); here the words between a clause boundary and the name (or after
the name, up to a comma) are read as one office when none of them could open a clause.
"""

from __future__ import annotations

import re
from itertools import pairwise

from quotes import lexicon
from quotes.appositions import COURTESIES
from quotes.cue_words import PREPOSITIONS
from quotes.mention_words import clean_role
from quotes.names import Mention
from quotes.speakers import mention_before
from quotes.tokens import (
    FUNCTION_WORDS,
    Token,
    is_capitalised,
    is_pronoun,
    is_role_noun,
    is_title,
    is_word,
    remembered,
    tokens,
)

# An office is long, but no longer than this many words ("the opposition member of
# parliament and member of the health committee of the National Council": 14).
_MAX_OFFICE_WORDS = 28
# How far back from its cue such a subject is looked for (bounds the work per cue).
_REACH = 260
# Commas an office holds of its own ("the Minister of Culture, Sport and Youth").
_MAX_OFFICE_COMMAS = 2
# Commas read back from the cue, each a place the subject may open after.
_MAX_OPENINGS = 4
_DETERMINERS = lexicon.tagged("determiners", "article", "possessive")
# Punctuation no office holds: what ends or joins clauses.
_CLAUSE_MARKS = frozenset(";:!?")


def office_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The person named in text[lo:hi], all of it an office and a name: "[the] OFFICE
    [,] NAME", "NAME, OFFICE" or "OFFICE NAME, OFFICE" (at least one office). Read once
    per span: speaker_verb_report and trailing_report may both read back from one cue."""
    return remembered(_office_subject, text, lo, hi)


def _office_subject(text: str, lo: int, hi: int) -> Mention | None:
    lo, hi = _strip(text, lo, hi)
    if hi - lo < 5 or not any(_role_word(t) for t in tokens(text, lo, hi)):
        return None  # (an office holds a role word: without one, no name need be read)
    ends = [hi] + [c for c in commas(text, lo, hi)]
    for end in ends:
        person = mention_before(text, lo, end)
        if person is None or person.kind != "name" or person.name is None or person.name[1] != end:
            person = _name_after_style(text, lo, end)
        if person is None or person.name is None:
            continue
        before = _strip(text, lo, _before_style(text, lo, person.name[0]))
        after = _strip(text, end + 1, hi) if end < hi else (hi, hi)
        if before[0] < before[1] and text[before[1] - 1] == ",":
            before = _strip(text, before[0], before[1] - 1)
        parts = [span for span in (before, after) if span[0] < span[1]]
        if not parts or not all(_office(text, *span) for span in parts) or not any(
                _holds_role(text, *span) for span in parts):
            continue  # (one part names the office: "the pediatrician Ana Lee, head of …")
        if len(text[person.name[0]:person.name[1]].split()) < 2 and not _styled(text, lo, person.name[0]):
            continue  # (a one-word name after an office is as likely the office's last word)
        return Mention(lo, hi, "name", person.name, clean_role(", ".join(text[s:e] for s, e in parts)))
    return None


def office_subject_before(text: str, floor: int, pos: int, *, from_floor: bool = False) -> Mention | None:
    """The office-and-name subject that ends right before a cue at pos, opening after
    one of the commas before it ("…, the Minister of Education, Ana Mure, | announced")
    or, from_floor, at floor itself (a sentence that opens with its subject)."""
    lo, hi = _strip(text, max(floor, pos - _REACH), pos)
    closed = hi > lo and text[hi - 1] == ","
    if closed:
        hi -= 1  # (the comma that closes an apposition: "…, Ana Mure, | announced")
    openings = [c + 1 for c in reversed(commas(text, lo, hi))][:_MAX_OPENINGS]
    if from_floor and floor >= pos - _REACH:
        openings.append(floor)
    for opening in openings:
        found = office_subject(text, opening, hi)
        if found is not None and closed and "," not in text[found.start:found.end]:
            continue  # ("Director of rugby Ana Mure, asked on Friday …,": a closing comma closes an
            # apposition the subject holds, else what follows it is a clause of its own; a wider
            # opening may hold it: "The Head of …, Senior Commissioner Ana Mure, | informed")
        if found is not None:
            return found
    return None


def office_after(text: str, pos: int, end: int) -> Mention | None:
    """The office and name right after pos, up to the sentence's end or to the first
    adverbial after the name ("This was announced by | First Vice-President of the
    Authority H.E. Ana Mure | at a ceremony yesterday.")."""
    lo, hi = _strip(text, pos, min(end, pos + _REACH))
    while hi > lo and text[hi - 1] in ".!?\"”’»":
        hi -= 1
    stops = [m.start() for m in _ADVERBIAL_AFTER.finditer(text, lo, hi)] + [hi]
    for stop in stops:
        found = office_subject(text, lo, stop)
        if found is not None:
            return found
    return None


# Where an adverbial after a subject opens: " at a ceremony", " on Monday", ", yesterday".
# A lowercase participle opens one too (" following talks", " addressing the forum").
_ADVERBIAL_AFTER = re.compile(r",?[ \t]+(?=(?:at|on|in|during|after|before|while|when|yesterday|today|"
                              r"this|last|[a-z]+ing)\b)")


def office_to_comma(text: str, start: int, end: int) -> Mention | None:
    """The office and name from start to the first comma after it ("According to the
    chairman of the people's committee of Dell province Ana Mure, | …"), a comma inside
    marks aside."""
    found = commas(text, start, min(end, start + _REACH))
    return office_subject(text, start, found[0]) if found else None


def styled_holder(text: str, office: Mention, end: int) -> Mention | None:
    """"According to the president of the commune El Carrizal, | Mrs. Rosa Quintero
    Díaz, | …": an office read to its comma whose holder follows in apposition with a
    courtesy title; the holder speaks, the whole office is the role (the office's own
    last words, a body's name, are no person's)."""
    comma = _COMMA_AFTER.match(text, office.end, end)
    if comma is None or comma.group(1).rstrip(".").casefold() not in _STYLE_KEYS:
        return None
    closing = commas(text, comma.end(), min(end, comma.end() + _REACH))
    if not closing:
        return None
    holder = office_subject(text, office.start, closing[0])
    if holder is None or holder.name is None or holder.name[0] <= office.end:
        return None
    return holder


# The comma after an office and the word that opens its apposition (", Mr. …").
_COMMA_AFTER = re.compile(r",[ \t]+([\w.]+)")


def holder_in(text: str, lo: int, hi: int) -> Mention | None:
    """The person text[lo:hi] names, all of it a name and descriptions of its holder set
    off by commas ("the architect in charge of the works, Mrs. Ana Mure", "Dr. Ana Mure,
    pediatrician at …"): an office_subject, or else one part a name of two words or more
    (or styled) and every other part a description with no verb; the others are its role."""
    found = office_subject(text, lo, hi)
    if found is not None:
        return found
    bounds = [lo] + [c + 1 for c in commas(text, lo, hi)] + [hi + 1]
    parts = [_strip(text, a, b - 1) for a, b in pairwise(bounds)]
    if len(parts) < 2 or len(parts) > _MAX_OPENINGS:
        return None
    for k, (a, b) in enumerate(parts):
        person = mention_before(text, a, b)
        if person is None or person.kind != "name" or person.name is None or person.name[1] != b or (
                _before_style(text, a, person.name[0]) != a and person.name[0] != a):
            continue  # (the whole part, a name after at most a style or title)
        others = parts[:k] + parts[k + 1:]
        if not all(_description(text, *span) for span in others):
            return None
        if len(text[person.name[0]:person.name[1]].split()) < 2 and not _styled(text, a, person.name[0]):
            return None
        role = clean_role(", ".join(text[s:e] for s, e in others))
        return Mention(lo, hi, "name", person.name, role)
    return None


def _description(text: str, lo: int, hi: int) -> bool:
    """A description of a person with no verb ("the architect in charge of the works",
    "pediatrician at the Dell clinic"): it opens with no function word or pronoun and holds
    no past form, auxiliary, relative or clause opener (a speech verb's base form may be a
    noun here: "in charge of")."""
    words = [t for t in tokens(text, lo, hi) if is_word(t)]
    if not words or len(words) > _MAX_OFFICE_WORDS or _LONG_PARENTHESIS.search(text, lo, hi):
        return False
    first = words[0]
    if first.key not in _DETERMINERS and (first.key in FUNCTION_WORDS or first.key in PREPOSITIONS
                                          or is_pronoun(first)):
        return False
    return not any(t.word.islower() and (
        t.key in lexicon.words("irregular_past") or t.key in lexicon.words("auxiliaries")
        or t.key in lexicon.words("finite_auxiliaries") or t.key in lexicon.words("relatives")
        or t.key in _CLAUSE_WORDS or _PAST.fullmatch(t.key) is not None) for t in words)


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


_COMMA = re.compile(",")


def commas(text: str, lo: int, hi: int) -> list[int]:
    """Commas outside quotation marks (a name in marks may hold one)."""
    if text.find("«", lo, hi) < 0 and text.find("“", lo, hi) < 0:
        return [m.start() for m in _COMMA.finditer(text, lo, hi)]  # (nearly always: no marks to pass over)
    return _commas_outside_marks(text, lo, hi)


def _commas_outside_marks(text: str, lo: int, hi: int) -> list[int]:
    """Commas not inside «…» or “…”, read one character at a time."""
    found, depth = [], 0
    for i in range(lo, hi):
        ch = text[i]
        if ch in "«“":
            depth += 1
        elif ch in "»”" and depth:
            depth -= 1
        elif ch == "," and not depth:
            found.append(i)
    return found


def _before_style(text: str, lo: int, name_start: int) -> int:
    """Back over a courtesy title or style before the name ("…, Mr. | Omar Tali")."""
    toks = [t for t in tokens(text, lo, name_start) if t.word != "."]
    k = len(toks)
    while k > 0 and toks[k - 1].key.rstrip(".") in _STYLE_KEYS:
        k -= 1
    return toks[k].start if k < len(toks) else name_start


_STYLE_KEYS = frozenset(word.rstrip(".") for word in COURTESIES)


def _name_after_style(text: str, lo: int, end: int) -> Mention | None:
    """"… of the Authority H.E. | Ana Mure": the words after the last courtesy title or
    style, when they are a name up to end (read back, the style may join the office)."""
    toks = tokens(text, lo, end)
    k = max((n for n, t in enumerate(toks) if t.key.rstrip(".") in _STYLE_KEYS), default=-1)
    if k < 0 or k + 1 >= len(toks):
        return None
    start = toks[k + 1].start
    person = mention_before(text, start, end)
    if person is None or person.kind != "name" or person.name != (start, end):
        return None
    return person


def _styled(text: str, lo: int, name_start: int) -> bool:
    return _before_style(text, lo, name_start) < name_start


def _office(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] a description of a person (an office with what it heads), no
    clause? It opens with an article, a possessive, a capitalised word that is no
    function word, or a role word, and holds no word that could be a verb or open a
    clause; a parenthesis in it is a short one ("(ICAFE)")."""
    toks = tokens(text, lo, hi)
    words = [t for t in toks if is_word(t)]
    if not words or len(words) > _MAX_OFFICE_WORDS:
        return False
    if any(t.word in _CLAUSE_MARKS for t in toks) or sum(t.word == "," for t in toks) > _MAX_OFFICE_COMMAS:
        return False
    if _LONG_PARENTHESIS.search(text, lo, hi):
        return False
    first = words[0]
    if not (first.key in _DETERMINERS or _role_word(first) or (
            is_capitalised(first.word) and first.key not in FUNCTION_WORDS and first.key not in PREPOSITIONS
            and not is_pronoun(first))):
        return False
    return not any(_verb_like(t) for t in words)


def _holds_role(text: str, lo: int, hi: int) -> bool:
    """Does a role word come among the description's first words ("the First Deputy
    | Chairman of …", "head of …")?"""
    return any(_role_word(t) for t in [t for t in tokens(text, lo, hi) if is_word(t)][:_ROLE_WITHIN])


_ROLE_WITHIN = 8
# A parenthesis longer than an acronym or a party tag is an aside, no part of an office.
_LONG_PARENTHESIS = re.compile(r"\([^()]*\s[^()]*\s[^()]*\)")


def _role_word(tok: Token) -> bool:
    return is_role_noun(tok) or is_title(tok) or tok.key in lexicon.words("person_nouns")


def _verb_like(tok: Token) -> bool:
    """A lowercase word that may be a verb or open a clause: no office holds one."""
    if not tok.word.islower():
        return False
    key = tok.key
    return (key in lexicon.speech_verbs() or key in lexicon.words("irregular_past")
            or key in lexicon.words("auxiliaries") or key in lexicon.words("finite_auxiliaries")
            or key in lexicon.words("relatives") or key in _CLAUSE_WORDS or _PAST.fullmatch(key) is not None)


# Lowercase words that open or join clauses ("but", "while"), never inside an office
# ("and" and "or" may join its words: "the Minister of Trade and Industry").
_CLAUSE_WORDS = lexicon.tagged("clause_openers", "coordinator", "subordinator", "prepositional")
# A past form ("warned", "agreed"): an office that would hold one ("the newly elected
# mayor") is left to the shorter readers.
_PAST = re.compile(r"[a-z]+ed")
