"""The subject of a cue verb: who said it, read backwards from the verb.

"Volkov said", "Stokkeland, who dined …, said", "Tomas Varga -- who lost in 2008 --
said", "Jo Lee in a blog post said", "he laughed and said", and the main clause's
subject of a participle ("Brandt went after Ruiz, calling …").
"""

from __future__ import annotations

import dataclasses
import re
from itertools import pairwise
from typing import TYPE_CHECKING

from quotes import lexicon
from quotes.adverbials import DAYS
from quotes.after_cue import mention_after
from quotes.appositions import subject_with_apposition
from quotes.asides import aside_before
from quotes.cue_words import PREPOSITIONS
from quotes.names import PRONOUN_FORMS
from quotes.noun_phrases import CLAUSE_OPENERS
from quotes.office_subjects import office_subject_before
from quotes.speakers import Mention, mention_before
from quotes.tokens import Token, is_adverbial, is_word, tokens
from quotes.unnamed import given_name

THAT = re.compile(r"\s*that\b")

if TYPE_CHECKING:
    from quotes.cues import Cue


def skip(text: str, pos: int, end: int, chars: str = " \t\r\n\u00a0,") -> int:
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def subject_before(text: str, floor: int, cue: Cue) -> Mention | None:
    """The subject of the cue verb: adjacent ("Volkov said"), or across an
    apposition or relative clause ("Stokkeland, who dined …, said"), or a
    time phrase ("Belk on Monday said", "Belk earlier this week told")."""
    going_on = _GOING_ON.search(text, max(floor, cue.start - 30), cue.start)
    if going_on is not None:  # "Ruiz went on to say …": the subject of "went on" speaks
        cue = dataclasses.replace(cue, start=going_on.start())
    time = _TIME_PHRASE.search(text, max(floor, cue.start - 40), cue.start)
    if time is not None:
        found = _subject_ending(text, floor, time.start()) or _subject_ending(text, floor, cue.start)
    else:
        found = _subject_ending(text, floor, cue.start)
    return coordinated_before(text, floor, found) if found is not None else None


_AND_BEFORE = re.compile(r"[ \t]+and[ \t]+$")
_AND_AFTER = re.compile(r"[ \t]+and[ \t]+")
# Words after which two names open their clause: "…, and Quist and Avery said".
_LINKING_WORDS = frozenset("and but so yet that then".split())


def coordinated_before(text: str, floor: int, mention: Mention) -> Mention:
    """"Mara Quist and Tom Avery said": two names opening their clause speak together,
    as one speaker described by both (resolved as a pair, like "“…,” Quist and Avery
    said"). A name after "and" that does not open the clause is left alone ("Marsh
    praised Okafor and Brandt said …")."""
    if mention.kind != "name":
        return mention
    joint = _AND_BEFORE.search(text, max(floor, mention.start - 8), mention.start)
    if joint is None:
        return mention
    first = mention_before(text, floor, joint.start())
    if first is None or first.kind != "name" or first.end != joint.start():
        return mention
    head = text[max(floor, first.start - 40):first.start].rstrip()
    last = head.rsplit(None, 1)[-1] if head else ""
    if head and not head.endswith((",", ":", "—", "–")) and last.casefold() not in _LINKING_WORDS:
        return mention  # ("Marsh praised Okafor and Brandt said": Okafor is an object)
    if head.endswith(",") and last[:1].isupper():
        return mention  # ("the Institutes of Mining, Forestry and Fisheries said": a list)
    return _pair(text, first, mention)


def coordinated_after(text: str, mention: Mention, hi: int) -> Mention:
    """"“…,” Mr. Aldous and Ms. Penrose said": the same pair read forwards, after a
    quotation, where the first may be a pronoun ("he and Ms. Ford said")."""
    joint = _AND_AFTER.match(text, mention.end, hi)
    if joint is None or mention.kind not in ("name", "pronoun"):
        return mention
    second = mention_after(text, joint.end(), hi)
    if second is None or second.start != joint.end() or second.kind != "name":
        return mention
    return _pair(text, mention, second)


def _pair(text: str, first: Mention, second: Mention) -> Mention:
    """Two people who speak together: one speaker described by both names."""
    return Mention(first.start, second.end, "role", None, text[first.start:second.end])


# A day ("Monday", "yesterday") and a period of time ("week", "morning", "midday":
# lexicons/calendar.txt and time_words.txt) that a time phrase between subject and verb names.
_DAY = "(?:" + "|".join([*sorted(d.capitalize() for d in DAYS), "yesterday", "today", "tonight"]) + ")"
_PERIOD = "(?:" + "|".join(sorted(lexicon.tagged("time_words", "period"))) + ")"
_TIME_PHRASE = re.compile(
    rf"[ \t](?:(?:on[ \t]+)?{_DAY}(?:[ \t]+{_PERIOD})?|(?:earlier|later)(?:[ \t]+(?:this|that)[ \t]+{_PERIOD})?"
    rf"|(?:last|this)[ \t]+{_PERIOD})[ \t]*$")


# A verb of going on before an infinitive cue: "went on to say", "continued to argue".
_GOING_ON = re.compile(
    r"\s(?:(?:went|goes|go|gone|going)\s+on|continued|continues|proceeded|proceeds)\s+to\s+$")


def _subject_ending(text: str, floor: int, end: int) -> Mention | None:
    """The subject of a verb starting at end."""
    pos = end
    while pos > floor and text[pos - 1] in " \t\u00a0":
        pos -= 1
    before = tokens(text, max(floor, pos - 40), pos)
    # Past auxiliaries and adverbs to see whether a comma closes an apposition.
    k = len(before) - 1
    while k >= 0 and is_adverbial(before[k]):
        k -= 1
    if k >= 0 and before[k].key in ("who", "which") and k >= 2 and before[k - 1].word == ",":
        return mention_before(text, floor, before[k - 1].start)  # "Mr. Dravik, who noted", "X, which said"
    if k >= 1 and before[k].word == "," and before[k - 1].word == ")":
        return mention_before(text, floor, before[k].start)  # "Sen. Jo Reyes (D-Ore.), said"
    if k >= 0 and before[k].word == ",":
        opening = aside_before(text, floor, before[k].start)
        if opening is not None:  # "Vera Sokol, in turn, said": neither apposition nor role
            return subject_with_apposition(text, floor, opening) or _subject_ending(text, floor, opening)
        return subject_with_apposition(text, floor, before[k].start) or _office_before_relative(
            text, floor, before[k].start)
    if k >= 1 and before[k].word == before[k - 1].word == "-" and before[k - 1].end == before[k].start:
        return _subject_before_dashes(text, floor, before[k - 1].start, "--")
    if k >= 0 and before[k].word in _DASHES:
        return _subject_before_dashes(text, floor, before[k].start, before[k].word)
    if k >= 0 and before[k].key in ("and", "but"):
        return _clause_subject(text, floor, before[k].start)  # "he laughed and said"
    return (_subject_before_relative(text, floor, end) or mention_before(text, floor, end)
            or _subject_before_place(text, floor, end))


# "Jo Lee in a blog post said": a short phrase of place or medium after the subject.
_PLACE_PHRASE = re.compile(r"\s(?:in|on|at|during)\s+(?:an?|the|his|her|their|its)(?:\s+[\w’'-]+){1,3}\s*$")


# ", who chaired the meeting", ", on whose land …": a relative clause about a person,
# closed by the comma before the cue.
_PERSON_RELATIVE = re.compile(r",[ \t]+(?:(?:on|in|under|with|at|for|from|to|by)[ \t]+)?(?:who|whose|whom)\b"
                              r"[^,;:.“”\"«»]*$")


def _office_before_relative(text: str, floor: int, comma: int) -> Mention | None:
    """"Governor of Vessa oblast Dastan Keldibekov, who visited …, said": an office with an
    "of" phrase, then its holder's name without a comma (quotes.office_subjects), before a
    relative clause about a person, where the shorter readers found no subject."""
    relative = _PERSON_RELATIVE.search(text, max(floor, comma - 200), comma)
    if relative is None:
        return None
    found = office_subject_before(text, floor, relative.start(), from_floor=True)
    if found is None or found.end != relative.start() or given_name(text, relative.start()) is not None:
        return None  # ("A spokesman for the Council, who gave his name only as Ayeke, said")
    if text[found.start:found.end].split(" ", 1)[0].casefold() in ("a", "an", "one"):
        return None  # ("A worker on the Tern Star, who …, said": someone unnamed, not the ship)
    return found


def _subject_before_place(text: str, floor: int, pos: int) -> Mention | None:
    phrase = _PLACE_PHRASE.search(text, max(floor, pos - 60), pos)
    return mention_before(text, floor, phrase.start()) if phrase else None


_DASHES = ("--", "—", "–", "-")


def _subject_before_dashes(text: str, floor: int, dash: int, mark: str) -> Mention | None:
    """"Tomas Varga -- who lost in 2008 -- said", "A former candidate — Tomas Varga, who
    lost in 2008 — said": the subject comes before an aside set off by dashes, or opens it."""
    opening = text.rfind(f" {mark} ", max(floor, dash - 200), dash)
    if opening < 0:
        return None
    inside = mention_after(text, opening + len(mark) + 2, dash)
    if inside is not None and inside.kind == "name" and inside.start == opening + len(mark) + 2 and (
            text[inside.end:dash].lstrip(" ")[:1] in (",", "")):
        return inside  # (a name alone or with its apposition, not "Varga's sister")
    return mention_before(text, floor, opening)


_WHO = re.compile(r"\s(?:who|whose)\s[^,;:.“”\"]{1,100}$")


def _subject_before_relative(text: str, floor: int, pos: int) -> Mention | None:
    """"A harbour official who spoke anonymously said", "Some traders who have
    heard her proposals said": the subject ends before "who", not inside the clause."""
    relative = _WHO.search(text, max(floor, pos - 110), pos)
    if relative is None:
        return None
    mention = mention_before(text, floor, relative.start())
    return mention if mention is not None and mention.kind != "pronoun" else None


def _clause_subject(text: str, floor: int, pos: int) -> Mention | None:
    """The subject opening the clause that ends at pos, followed by its verb."""
    floor = max(floor, pos - _CLAUSE_REACH)
    clause = max(floor, text.rfind(",", floor, pos) + 1, text.rfind(";", floor, pos) + 1)
    start = skip(text, clause, pos, " \t\r\n\u00a0")
    mention = mention_after(text, start, pos)
    if mention is None or not verb_follows(text, mention.end, pos):
        return None
    return mention


_COMMA = re.compile(r",")
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ly)")
# Words that may open a clause before its subject: "Then he …", "But she …".
_SENTENCE_ADVERB = re.compile(r"(?:[Tt]hen|[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Ll]ater|[Ss]till|[Aa]lso|[Nn]ow)\s+")
# How far back a clause's subject is looked for: bounds the work per cue.
_CLAUSE_REACH = 600


def main_subject(text: str, floor: int, pos: int) -> Mention | None:
    """The subject of the sentence's main clause before pos: the first mention that
    opens the sentence or follows a comma and is followed by its verb
    ("Speaking in Salem, New Hampshire, Brandt went after Ruiz, calling …")."""
    floor = max(floor, pos - _CLAUSE_REACH)
    starts = [floor] + [m.end() for m in _COMMA.finditer(text, floor, pos)]
    for start in starts:
        start = skip(text, start, pos, " \t\r\n\u00a0")
        opener = _SENTENCE_ADVERB.match(text, start, pos)
        if opener:
            start = opener.end()  # "Then he cut into Ruiz, calling …"
        mention = mention_after(text, start, pos)
        if mention is not None and _OPENING_PARTICIPLE.fullmatch(text, mention.start, mention.end):
            continue  # "Facing criticism, Brandt …", "Shortly after, …": not a name
        if mention is not None and _JOINED_AFTER.match(text, mention.end, pos):
            mention = _joined_subject(text, mention, pos)
        if mention is not None and verb_follows(text, mention.end, pos):
            return mention
    return None


# "Marine | biology and fisheries scientists have …": the forward reading stopped
# before "and".
_JOINED_AFTER = re.compile(r"(?:[ \t]+[a-z][\w-]*){0,2}[ \t]+(?:and|or)[ \t]+[a-z]")
# The verb that ends a subject read back from it: "… researchers | have been saying".
# Of the modals only will/would, as it always read: the others ("can", "must" …) would
# join subjects no fixture asks for (taking them changes no record of the sets today).
_FINITE_AFTER = re.compile(r"[ \t]+(?=(?:" + "|".join(sorted(
    lexicon.tagged("finite_auxiliaries", "be", "have") | {"will", "would", "say", "says", "said"})) + r")\b)")


def _joined_subject(text: str, mention: Mention, pos: int) -> Mention:
    """A subject whose words are joined by "and" ("Current and former officials have …"),
    read back from its verb when that reading opens where the forward one did."""
    verb = _FINITE_AFTER.search(text, mention.end, min(pos, mention.end + 80))
    whole = mention_before(text, mention.start, verb.start()) if verb else None
    return whole if whole is not None and whole.start == mention.start and whole.end > mention.end else mention


def verb_follows(text: str, pos: int, end: int) -> bool:
    """A lowercase word (the verb) comes next, past spaces and commas."""
    return text[pos:min(end, pos + 40)].lstrip(" ,")[:1].islower()


def is_participle(text: str, cue: Cue) -> bool:
    """", saying that …" and "… and said that …": the cue reports for the clause's subject."""
    before = text[max(0, cue.start - 6):cue.start].rstrip()
    if before.endswith((" and", " but")):
        return True
    if not text[cue.start:cue.end].split(" ", 1)[0].endswith("ing"):
        return False  # (the first word: "referring to")
    # ", saying …", "a statement saying that …", "a letter saying the plan …"
    # (but not "is saying": a progressive, whose subject comes before)
    if before.endswith(",") or THAT.match(text, cue.end) is not None:
        return True
    previous = _WORD_BEFORE.search(text, max(0, cue.start - 30), cue.start)
    return previous is not None and previous.group(1).islower() and (
        previous.group(1) not in lexicon.words("auxiliaries"))


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


# "Interfax quoted her as saying …", "Tass quoted Olga Brand, the minister, as saying …":
# the one quoted speaks; the outlet that quoted them only carries the words.
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^;:“”\"]{1,100}?)\s+as\s+$")


def quoted_as(text: str, floor: int, cue_start: int) -> Mention | None:
    """The person of "X quoted <person> as saying", the cue starting at cue_start."""
    match = _QUOTED_AS.search(text, max(floor, cue_start - 110), cue_start)
    if match is None:
        return None
    return _quoted_person(text, *match.span("who"))


# “…,” KNA quoted her as saying.: the same read after a quotation, from the verb on.
_QUOTED_AS_AFTER = re.compile(r"\s+(?P<who>[^;:“”\"]{1,100}?)\s+as\s+(?:saying|telling|stating|writing)\b")


def quoted_as_after(text: str, verb_end: int, end: int) -> Mention | None:
    """The person of “…,” X quoted <person> as saying", verb_end the end of "quoted"."""
    match = _QUOTED_AS_AFTER.match(text, verb_end, end)
    return _quoted_person(text, *match.span("who")) if match else None


def _quoted_person(text: str, start: int, end: int) -> Mention | None:
    if text[start:end].casefold() in PRONOUN_FORMS:
        return Mention(start, end, "pronoun")
    return mention_after(text, start, end)


# Words a noun phrase may open with, lowercase: determiners, quantifiers, numbers.
_PHRASE_OPENERS = lexicon.tagged("determiners")
# Words no speaking noun phrase opens or ends with: prepositions, adverbs, pronouns.
_NOT_PHRASE_EDGES = PREPOSITIONS | frozenset(
    "despite given unlike like as now then here when where while him her his them he she they we us me it "
    "there i".split())
_FINITE_WORDS = lexicon.tagged("finite_auxiliaries") | {"to"}
_MAX_PHRASE_WORDS = 10


def noun_phrase_subject(text: str, floor: int, cue: Cue) -> Mention | None:
    """"Some advocates for transit said", "Another 19 percent said", "Nearly eight in 10
    voters overall said": when no known speaker ends before a cue of speech in the past
    (or "says"), the short noun phrase that opens its clause speaks, as written."""
    if cue.act != "speech" or not _finite(text[cue.start:cue.end].split(" ", 1)[0]):
        return None  # ("A 2017 study concluded …": a finding; "a series of | tweets": a noun)
    if text[cue.end:cue.end + 2].strip()[:1].isdigit():
        return None  # ("the index added 0.4 per cent")
    words = _clause_opening(text, floor, cue.start)
    if words is None or not 1 <= len(words) <= _MAX_PHRASE_WORDS:
        return None
    first, head = words[0], words[-1]
    if first.key in _NOT_PHRASE_EDGES or head.key in _NOT_PHRASE_EDGES | _PHRASE_OPENERS or (
            first.key.endswith(("ing", "ed"))):
        return None  # ("In | offering", "Following a | called", "Acts of | protest")
    if any(_verb_like(t) and not _those_participle(prev, t) for prev, t in pairwise(words)):
        return None  # ("Quintero can ask", "The group made | repeated claims"): a clause of its own
    plural = head.key.endswith("s") or (len(words) >= 2 and _those_participle(words[-2], head))
    if text.startswith("say ", cue.start) and not plural:
        return None  # ("Now | say …": "say" needs a plural subject)
    opener = first.key in _PHRASE_OPENERS or first.word[:1].isdigit()
    if not (opener or plural or any(t.word[:1].isupper() for t in words[1:])):
        return None  # ("Common belief says": a capital only where the sentence starts)
    if not (opener or first.word[:1].isupper() or (
            len(words) <= 3 and plural and all(t.word.isalpha() for t in words))):
        return None  # (a short plural is one: "but security specialists say")
    return Mention(first.start, head.end, "role", None, text[first.start:head.end])


def _clause_opening(text: str, floor: int, pos: int) -> list[Token] | None:
    """The words from the start of the clause to pos, past adverbs right before pos;
    None when punctuation other than a clause break sits among them."""
    toks = tokens(text, max(floor, pos - 120), pos)
    k = len(toks) - 1
    while k >= 0 and is_adverbial(toks[k]):
        k -= 1
    end = k
    while k >= 0 and is_word(toks[k]) and toks[k].key not in CLAUSE_OPENERS:
        k -= 1
    if k >= 0 and toks[k].word not in ",;:—–(" and toks[k].key not in CLAUSE_OPENERS:
        return None  # (a quotation mark inside: not a plain phrase)
    if k < 0 and toks and text[floor:toks[0].start].strip():
        return None  # (the window began inside the clause: too long)
    return toks[k + 1:end + 1]


def _those_participle(prev: Token, tok: Token) -> bool:
    """"those involved", "those affected": a participle after "those" is no verb of its own."""
    return prev.key == "those" and tok.word.islower() and tok.key.endswith("ed")


def _finite(verb: str) -> bool:
    """A past form ("said", "concluded"), "says" or "say"; other -s forms are as often
    nouns ("a series of tweets")."""
    return verb.endswith("ed") or verb in lexicon.words("irregular_past") or verb in ("said", "says", "say")


def _verb_like(tok: Token) -> bool:
    """A verb inside the phrase: it is a clause, not a subject."""
    key = tok.key.replace("’", "'")
    return tok.word.islower() and (
        key.endswith("ed") or "'" in key or key in _FINITE_WORDS or key in lexicon.words("irregular_past")
        or key in lexicon.words("auxiliaries") or key in lexicon.speech_verbs())
