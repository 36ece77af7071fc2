"""Cues and attribution rules: where a quote says who said it.

Each rule is a small function with the sentence shape it handles in its
docstring. Rules return an `Attribution` (speaker mention, cue, rule name and
a base confidence) or None; `quotes.pipeline` tries them in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import regex

from quotes import lexicon
from quotes.speakers import (
    Mention,
    is_adverbial,
    is_modifier,
    is_role_noun,
    is_word,
    mention_after,
    mention_before,
    subject_with_apposition,
    tokens,
)
from quotes.trie import trie_pattern

Span = tuple[int, int]


def _verb_pattern() -> re.Pattern[str]:
    # The standard library engine runs this trie-shaped pattern several times faster.
    # Capitalised forms are there for sentence starts ("Said Comey, “…”").
    forms = list(lexicon.speech_verbs())
    return re.compile(r"\b" + trie_pattern(forms + [f.capitalize() for f in forms]) + r"\b")


_VERB = _verb_pattern()
_TELL = frozenset(["tell", "inform", "assure", "advise", "ask", "remind", "urge", "warn"])
_PASSIVE = regex.compile(
    r"\b(?:[Tt]his|[Tt]hat)\s+(?:was|has been|had been|is)\s+"
    r"(?:\w+\s+)?(?P<verb>\w+)\s+by\b")
_ACCORDING = regex.compile(r"\b[Aa]ccording to\b")
_THAT = regex.compile(r"\s*that\b")
# "said that", "said on Tuesday that": an adverbial may sit before "that".
_THAT_AHEAD = regex.compile(r"[^.;:“”\"\n]{0,80}?\bthat\b")
_AFFILIATION = regex.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\w.&'’-]*(?:\s+\p{Lu}[\w.&'’-]*){0,4}")
_DASH_START = regex.compile(r"\s*[—–―‒]+\s*|\s+-{1,2}\s+")
_CLAUSE_WORDS = frozenset(
    "is are was were be been will would can could should must may might has have had do does did "
    "went got made took came knew thought saw found gave told felt became left kept began ran "
    "won lost paid met sent built brought bought held stood "
    "won't can't don't doesn't didn't isn't aren't wasn't weren't wouldn't couldn't shouldn't "
    "needs wants plans".split())
_MAX_SUBJECT_TOKENS = 30
_CLOSING_MARKS = "”\"’'»"
_QUOTE_MARKS = ("“", "”", '"', "''", "``", "«", "»", "„")
# Where reported content ends inside a sentence: "…, but lamented that …".
_CLAUSE_BREAK = re.compile(
    r",[\"”’']?\s+(?:but|while|although|though|whereas)\b|;|\s+—\s+"
    r"|,[\"”’']?\s+(?=[a-z]+ing\b)"  # ", saying she had …" starts a clause of its own
    # ", in an interview with CNN on Sunday": a closing adverbial, not content
    r"|,[\"”’']?\s+(?=(?:in|on|at|during|according\s+to)\s+(?:an?|the|his|her|their)\s)"
    # "… should be released but said “…”": a second report by the same speaker
    r"|\s+(?:but|and)\s+(?:also\s+)?(?=(?:said|says|added|told|noted|argued|insisted|warned)\b)"
    # "respects his “passion” but argues …": the speaker's next predicate
    r"|(?<=[\"”’'])\s+(?:but|and)\s+(?=(?:\w+(?:s|ed)|did|does|was|is)\s)"
    # "…at his rally, a swipe at …": a remark about the content
    r"|,\s+(?=an?\s+\w+\s+(?:at|on|to|of)\s)"
    # "called him “a buffoon,” Susan said": another attribution starts
    r"|(?<=,[\"”’'])\s+(?=(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|added|told|wrote|asked)\b"
    r"|(?:he|she|they)\s+(?:said|says|added|told|wrote|asked)\b)"
    # "said the club was for sale and left the room": a second predicate of the speaker
    r"|,?\s+and\s+(?:then\s+)?(?=(?:\w+ed|left|went|took|gave|made|came|got|told|said|"
    r"sat|stood|walked|ran|began|shook|held)\b)")
_SUBJECT_PRONOUNS = frozenset("i we you he she it they".split())
_SAY = frozenset(["say"])
# What "said" can be followed by without reporting a statement.
_NOT_SAID = frozenset(
    "nothing something anything little much more less so yes no goodbye hello otherwise "
    "last next this earlier later".split()) | frozenset(
    "in at on of for with from to by during after before about into over under through "
    "to and or but so then not also too as because if when while".split())
_NOT_SUBJECTS = frozenset("to and or but so then not also too as because if when while".split())
_PREPOSITIONS = frozenset(
    "in at on of for with from to by during after before about into over under through".split())


_NOT_VERBS = _PREPOSITIONS | frozenset("the a an and or but of who which that".split()) | lexicon.words(
    "auxiliaries")


@dataclass(frozen=True)
class Cue:
    """The attributing words ("said", "told reporters", "according to")."""

    start: int
    end: int
    base: str
    bare: bool = False  # the verb takes a clause without "that"
    quoted: bool = False  # the verb reports only words it quotes ("called it “a disgrace”")
    infinitive: bool = False  # the verb reports a "to" clause ("pledged to …")


@dataclass(frozen=True)
class Attribution:
    """Who and how: the result of one rule."""

    mention: Mention | None
    cue: Cue | None
    rule: str
    confidence: float


def cues_in(text: str, start: int, end: int) -> list[Cue]:
    """Every speech verb in text[start:end]."""
    verbs = lexicon.speech_verbs()
    found = []
    for match in _VERB.finditer(text, start, end):
        word = match.group()
        if word[0].isupper() and not _starts_sentence(text, start, match.start()):
            continue  # "Edward Said", "Post": capitalised mid-sentence, a name
        verb = verbs[word.lower()]
        if verb.quoted and word.lower() == verb.base:
            continue  # "a simple call", "the name": the bare form is too often a noun
        found.append(Cue(match.start(), match.end(), *verb))
    return found


def _skip(text: str, pos: int, end: int, chars: str = " \t\r\n\u00a0,") -> int:
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def _skip_aux(text: str, pos: int, end: int) -> int:
    """Past auxiliaries and adverbs ("has also") that sit between subject and verb."""
    for tok in tokens(text, pos, min(end, pos + 80)):
        if tok.key in lexicon.words("auxiliaries") and tok.word.islower():
            pos = tok.end
            continue
        return _skip(text, pos, end, " \t\r\n\u00a0")
    return pos


def _starts_sentence(text: str, floor: int, pos: int) -> bool:
    """Only opening marks or brackets stand between the sentence start and pos."""
    return not text[floor:pos].strip(" \t\r\n“\"‘'«(„`")


def _cue_at(text: str, pos: int, end: int) -> Cue | None:
    match = _VERB.match(text, pos, end)
    if not match or not match.group()[0].islower():
        return None
    return Cue(match.start(), match.end(), *lexicon.speech_verbs()[match.group()])


def _with_object(text: str, cue: Cue, end: int) -> Cue:
    """"told reporters", "told The Post": tell-type verbs take their listener into the cue."""
    if cue.base not in _TELL:
        return cue
    listener = mention_after(text, cue.end, end) or _quoted_name_after(text, cue.end, end)
    if listener is None:
        toks = tokens(text, cue.end, min(end, cue.end + 40))
        if toks and toks[0].word.islower() and toks[0].key not in _PREPOSITIONS | {"that"}:
            return Cue(cue.start, toks[0].end, cue.base, cue.bare)
        return cue
    return Cue(cue.start, listener.end, cue.base, cue.bare)


_QUOTED_NAME_AFTER = re.compile(r"\s*[“\"«]([A-Z][^“”\"«»,.;:!?]{0,60})[”\"»]")


def _quoted_name_after(text: str, pos: int, end: int) -> Mention | None:
    """told “Morning Ledger” that: a capitalised name in marks."""
    match = _QUOTED_NAME_AFTER.match(text, pos, end)
    if match is None:
        return None
    return Mention(match.start(), match.end(), "name", (match.start(1), match.end(1)))


def subject_before(text: str, floor: int, cue: Cue) -> Mention | None:
    """The subject of the cue verb: adjacent ("Putin said"), or across an
    apposition or relative clause ("Stoltenberg, who dined …, said")."""
    pos = cue.start
    while pos > floor and text[pos - 1] in " \t\u00a0":
        pos -= 1
    before = tokens(text, max(floor, pos - 40), pos)
    # Past auxiliaries and adverbs to see whether a comma closes an apposition.
    k = len(before) - 1
    while k >= 0 and is_adverbial(before[k]):
        k -= 1
    if k >= 0 and before[k].key == "who" and k >= 2 and before[k - 1].word == ",":
        return mention_before(text, floor, before[k - 1].start)  # "said Mr. Ekovich, who noted"
    if k >= 0 and before[k].word == ",":
        return subject_with_apposition(text, floor, before[k].start)
    if k >= 0 and before[k].key in ("and", "but"):
        return _clause_subject(text, floor, before[k].start)  # "he laughed and said"
    return mention_before(text, floor, cue.start)


def _clause_subject(text: str, floor: int, pos: int) -> Mention | None:
    """The subject opening the clause that ends at pos, followed by its verb."""
    clause = max(floor, text.rfind(",", floor, pos) + 1, text.rfind(";", floor, pos) + 1)
    start = _skip(text, clause, pos, " \t\r\n\u00a0")
    mention = mention_after(text, start, pos)
    if mention is None or not text[mention.end:pos].lstrip(" ,")[:1].islower():
        return None
    return mention


# -- rules for a quote: what follows it ---------------------------------------


def speaker_cue_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” Stoltenberg said / “…,” he said / “…,” Hugh Hill, a doctor, said."""
    pos = _skip(text, lo, hi)
    mention = mention_after(text, pos, hi)
    if mention is None:
        return _noun_phrase_cue_after(text, pos, hi)
    after = mention.end
    affiliation = _AFFILIATION.match(text, after, hi)
    if affiliation and mention.kind == "name":
        after = affiliation.end()  # "Mr. Morgan of the Sierra Club said"
    cue = None
    if text.startswith(",", after):
        # "his wife, Ines Moreau, said": the apposition was read with the mention;
        # else one sits between speaker and verb, up to the next comma.
        cue = _cue_at(text, _skip_aux(text, _skip(text, after + 1, hi, " \t"), hi), hi)
        if cue is None:
            close = text.find(",", after + 1, min(hi, after + 160))
            if close < 0:
                return None
            after = close + 1
    cue = cue or _cue_at(text, _skip_aux(text, _skip(text, after, hi, " \t"), hi), hi)
    if cue is None:
        return None
    return Attribution(mention, _with_object(text, cue, hi), "quote, speaker cue", 0.95)


def _noun_phrase_cue_after(text: str, pos: int, hi: int) -> Attribution | None:
    """“Mexico!” the audience screamed: any short noun phrase before a cue verb."""
    cue = next(iter(cues_in(text, pos, min(hi, pos + 60))), None)
    if cue is None:
        return None
    mention = mention_before(text, pos, cue.start)
    if mention is None or mention.start != pos:
        return None
    return Attribution(mention, _with_object(text, cue, hi), "quote, speaker cue", 0.85)


def cue_speaker_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” said Stoltenberg / “…,” said the Kremlin spokesman."""
    pos = _skip_aux(text, _skip(text, lo, hi), hi)
    cue = _cue_at(text, pos, hi)
    if cue is None:
        return None
    mention = mention_after(text, cue.end, hi)
    if mention is None or (mention.kind == "pronoun" and text[mention.start:mention.end] == "it"):
        return None
    return Attribution(mention, cue, "quote, cue speaker", 0.95)


def dash_name_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…” — Jane Doe: a trailing dash and a name, no verb."""
    match = _DASH_START.match(text, lo, hi)
    if not match:
        return None
    mention = mention_after(text, match.end(), hi)
    if mention is None or mention.kind == "pronoun":
        return None
    rest = text[mention.end:hi].strip(" ,.;")
    if rest and not rest.startswith(("(", "of ", "the ")):
        return None
    dash = Cue(match.start() + len(match.group()) - len(match.group().lstrip()),
               match.end() - (len(match.group()) - len(match.group().rstrip())), "dash")
    return Attribution(mention, dash, "quote, dash name", 0.85)


# -- rules for a quote: what precedes it ---------------------------------------


def speaker_cue_before(text: str, lo: int, hi: int) -> Attribution | None:
    """Stoltenberg told reporters: “…” / He said, “…” / she added “…”."""
    found = cues_in(text, lo, hi)
    if not found:
        return None
    cue = found[-1]
    between = text[cue.end:hi].strip()
    if cue.quoted and not between.strip(",: "):
        return None  # "were calling “every 15 minutes”": call what, whom? Not this use
    words = [t for t in tokens(text, cue.end, min(hi, cue.end + 120)) if is_word(t)]
    if len(words) > 8 or (between and between[-1] not in ",:" and (
            cue.base not in _TELL or len(words) > 4 or not _opens_sentence(text, hi))):
        return None  # "asked the Cleveland crowd “If …?”" is fine, "said the talks were “…”" not
    mention = subject_before(text, lo, cue)
    if mention is None and _participle(text, cue):
        # "Trump attacked Clinton, saying, “…”": the subject of the sentence
        mention = main_subject(text, lo, cue.start)
        if mention is not None:
            return Attribution(mention, cue, "subject …, saying, quote", 0.8)
    if mention is None:
        mention = mention_after(text, cue.end, hi)  # "Said Jane Doe: “…”"
        lead = text[lo:cue.start].strip()
        if mention is None or (lead and not lead.endswith(",")):
            return None  # "In other words, explained Nancy Cordes: “…”" is fine
        return Attribution(mention, cue, "cue speaker, quote", 0.9)
    return Attribution(mention, _with_object(text, cue, hi), "speaker cue, quote", 0.95)


def _opens_with_mark(text: str, pos: int) -> bool:
    return text.startswith(_QUOTE_MARKS, pos)


def _opens_sentence(text: str, mark: int) -> bool:
    """The quotation opening at `mark` starts with a capital, like a sentence."""
    inner = text[mark:mark + 4].lstrip("“\"'‘«„`‚ ")
    return inner[:1].isupper()


def speaker_colon_before(text: str, lo: int, hi: int) -> Attribution | None:
    """Jane Doe: “…” / And from Chairwoman Jane Doe: “…”."""
    head = text[lo:hi].rstrip()
    if not head.endswith(":"):
        return None
    colon = lo + len(head) - 1
    mention = mention_before(text, lo, colon, skip_aux=False)
    if mention is None or mention.kind == "pronoun":
        return None
    lead = text[lo:mention.start].strip().casefold()
    if lead not in ("", "and from", "from", "and", "as for", "said", "says"):
        return None
    return Attribution(mention, Cue(colon, colon + 1, "colon"), "speaker colon, quote", 0.85)


def according_to_before(text: str, lo: int, hi: int) -> Attribution | None:
    """According to Jane Doe, “…”."""
    match = _ACCORDING.search(text, lo, hi)
    if not match or text[lo:match.start()].strip():
        return None
    mention = mention_after(text, match.end(), hi)
    if mention is None or text[mention.end:hi].strip() not in (",", ":", ""):
        return None
    return Attribution(mention, Cue(match.start(), match.end(), "according to"),
                       "according to, quote", 0.9)


def subject_verb_colon_before(text: str, lo: int, hi: int) -> Attribution | None:
    """The host of the dinner, Rutte, dismissed Putin’s claims …: “…” /
    When Trump suggested …, Rubio fired back: “…”."""
    head = text[lo:hi].rstrip()
    if not head.endswith(":"):
        return None
    toks = tokens(text, lo, hi)[-_MAX_SUBJECT_TOKENS * 2:]
    # The main clause comes last: try verbs from the colon back, and take the
    # first whose subject opens the sentence or a clause after a comma.
    for tok in reversed(toks[1:]):
        if not (tok.word.islower() and is_word(tok)) or tok.key in _NOT_VERBS or is_role_noun(tok):
            continue  # ("Council member Dana Holt did not …": "member" is no verb)
        cue = Cue(tok.start, tok.end, tok.key)
        mention = subject_before(text, lo, cue)
        if mention is not None and _opens_clause(text, lo, mention.start):
            return Attribution(mention, cue, "subject verb, colon quote", 0.8)
    return None


def _opens_clause(text: str, lo: int, pos: int) -> bool:
    """Nothing but a conjunction, or a phrase closed by a comma, comes before pos."""
    before = text[lo:pos].strip()
    return not before or before.endswith(",") or before.casefold() in ("and", "but", "so", "yet")


AFTER_RULES = (speaker_cue_after, cue_speaker_after, dash_name_after)
BEFORE_RULES = (according_to_before, speaker_colon_before, speaker_cue_before,
                subject_verb_colon_before)


# -- reported speech in a sentence ---------------------------------------------


@dataclass(frozen=True)
class Report:
    """Reported content found in a sentence, in one or two pieces."""

    pieces: tuple[Span, ...]
    attribution: Attribution


def reports_in(text: str, sentence: Span, blocked: list[Span],
               previous: Span | None) -> list[Report]:
    """Reported speech of one sentence: "X said (that) …", "…, X said", "According to X, …",
    and "This was stated by X" (whose content is the previous sentence)."""
    s0, s1 = sentence
    found: list[Report] = []
    for rule in (according_to_report, passive_by_report):
        report = rule(text, sentence, previous)
        if report:
            found.append(report)
    sentence_cues = [c for c in cues_in(text, s0, s1) if not _within(blocked, c.start)]
    for index, cue in enumerate(sentence_cues):
        if _participle(text, cue):
            report = participle_report(text, sentence, cue, sentence_cues[:index])
        else:
            report = (speaker_verb_report(text, sentence, cue)
                      or trailing_report(text, sentence, cue))
        if report and (not cue.quoted or _has_quote(text, report.pieces)):
            found.append(report)
    return found


def _within(spans: list[Span], pos: int) -> bool:
    """Is pos inside one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _participle(text: str, cue: Cue) -> bool:
    """", saying that …" and "… and said that …": the cue reports for the clause's subject."""
    before = text[max(0, cue.start - 6):cue.start].rstrip()
    if before.endswith((" and", " but")):
        return True
    if not text[cue.start:cue.end].endswith("ing"):
        return False
    # ", saying …", and "a statement saying that …" (no comma, "that" follows)
    return before.endswith(",") or _THAT.match(text, cue.end) is not None


def _has_quote(text: str, pieces: tuple[Span, ...]) -> bool:
    return any(mark in text[s:e] for s, e in pieces for mark in _QUOTE_MARKS)


def participle_report(text: str, sentence: Span, cue: Cue, earlier: list[Cue]) -> Report | None:
    """Trump mocked her, saying she would be a bad president / …,” Axelrod said, calling him “…”."""
    s0, s1 = sentence
    mention = None
    if earlier:
        mention = subject_before(text, s0, earlier[-1]) or mention_after(text, earlier[-1].end, s1)
    if mention is None:
        mention = main_subject(text, s0, cue.start)
        if mention is None:
            return None
    full = _with_object(text, cue, s1)
    that_end = _after_that(text, full.end, s1)
    start = that_end if that_end is not None else _skip(text, full.end, s1)
    if that_end is None and not _reportable(text, start, s1, cue):
        return None  # ", pointing to the names on the wall" reports nothing
    content = _content(text, start, _clause_end(text, start, s1))
    if content is None or len(text[content[0]:content[1]].split()) < (
            2 if _has_quote(text, (content,)) else 3):
        return None  # (", calling it “absurd”" is enough)
    return Report((content,), Attribution(mention, full, "subject …, saying that", 0.7))


_COMMA = re.compile(r",")


def main_subject(text: str, floor: int, pos: int) -> Mention | None:
    """The subject of the sentence's main clause before pos: the first mention that
    opens the sentence or follows a comma and is followed by its verb
    ("Speaking in Salem, New Hampshire, Trump went after Bush, calling …")."""
    starts = [0] + [m.end() for m in _COMMA.finditer(text, floor, pos)]
    for start in starts:
        start = _skip(text, max(floor, start), pos, " \t\r\n\u00a0")
        mention = mention_after(text, start, pos)
        if mention is not None and text[mention.end:pos].lstrip()[:1].islower():
            return mention
    return None


def _content(text: str, start: int, end: int) -> Span | None:
    """The span trimmed of space and edge punctuation, None if no words remain."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
        end -= 1
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None


def _looks_like_clause(text: str, start: int, end: int) -> bool:
    """A bare complement ("said the plan failed") starts with a subject and has a verb."""
    toks = [t for t in tokens(text, start, min(end, start + 160)) if is_word(t)]
    if len(toks) == 2 and toks[0].key in _SUBJECT_PRONOUNS and _clause_word(toks[1]):
        return True  # "Flake said he would."
    if len(toks) < 3 or toks[0].key in _PREPOSITIONS or toks[0].key in _NOT_SUBJECTS:
        return False
    if toks[0].key in _SUBJECT_PRONOUNS:
        return True  # "said they support charter schools"
    if _clause_word(toks[0]):
        return False  # "…, she said, is doing better": a verb, no subject
    if toks[0].word.islower() and toks[0].key.endswith("ly"):
        return False  # "said quickly", "said recently"
    return any(_clause_word(t) or t.key.endswith("ed") for t in toks[1:14])


def _quoted_clause(text: str, start: int, end: int) -> bool:
    """"asserted she could speak “directly”": a clause holding a quotation follows."""
    clause = (start, _clause_end(text, start, end))
    return _has_quote(text, (clause,)) and _looks_like_clause(text, start, clause[1])


def _reportable(text: str, start: int, end: int, cue: Cue) -> bool:
    """Can the words after a cue (no "that") be what was said? A clause, words the
    cue only reports when quoted, or any words holding a quotation."""
    clause = text[start:_clause_end(text, start, end)]
    first = clause.split(" ", 1)[0].casefold()
    if first in _PREPOSITIONS or first == "as":
        return False  # "said on ABC’s “This Week”", "said of the claim"
    if cue.quoted or _looks_like_clause(text, start, end) or (
            cue.base in _SAY and _says_something(text, start, end)):
        return True
    return clause[:1].isalnum() and any(mark in clause for mark in _QUOTE_MARKS)


_COMMA_CLOSING = re.compile(r",(?:''|[\"”’'])")


def _says_something(text: str, start: int, end: int) -> bool:
    """After "said", a few words that are not an adverbial are what was said
    ("said having Trump on the ticket puts them at risk")."""
    toks = [t for t in tokens(text, start, min(end, start + 120)) if is_word(t)]
    return len(toks) >= 4 and toks[0].key not in _NOT_SAID and not _clause_word(toks[0]) and not (
        toks[0].word.islower() and toks[0].key.endswith("ly"))  # (", she said, is doing …")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the reported clause starting at `start` ends, outside quotation marks."""
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        # Outside quotation marks once the break's own closing mark is counted.
        upto = match.end()
        if text.count("“", start, upto) <= text.count("”", start, upto) and (
                text.count('"', start, upto) % 2 == 0):
            closing = _COMMA_CLOSING.match(text, match.start())
            return closing.end() if closing else match.start()  # keep “…,” whole
    return end


def _after_that(text: str, pos: int, end: int) -> int | None:
    """Where the clause after "that" starts: "said (on Tuesday) that | …". None when
    no "that" follows closely, when a clause starts before it ("said she could not
    support the deal that …") or when "that" opens a relative clause ("reports that track")."""
    match = _THAT_AHEAD.match(text, pos, end)
    if not match:
        return None
    between = [t for t in tokens(text, pos, match.end() - 4) if is_word(t)]
    if any(t.key in _SUBJECT_PRONOUNS or _clause_word(t) for t in between):
        return None
    following = [t for t in tokens(text, match.end(), min(end, match.end() + 40)) if is_word(t)]
    if following and (_clause_word(following[0]) or following[0].key in lexicon.speech_verbs()
                      or (following[0].word.islower() and following[0].key.endswith("ed"))):
        return None  # "the raid that killed …": a relative clause
    return match.end() - len("that")  # the clause keeps its "that", as annotators mark it


def _clause_word(tok) -> bool:
    return tok.key.replace("’", "'") in _CLAUSE_WORDS


def speaker_verb_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """Putin said that NATO is in danger … / Stoltenberg, who …, said that … /
    he told reporters the plan failed."""
    s0, s1 = sentence
    mention = subject_before(text, s0, cue)
    if mention is None:
        return None
    full = _with_object(text, cue, s1)
    that_end = _after_that(text, full.end, s1)
    if that_end is not None:
        content = _content(text, that_end, _clause_end(text, that_end, s1))
        confidence = 0.85
    elif cue.quoted and _opens_with_mark(text, _skip(text, full.end, s1)):
        return None  # "were calling “every 20 minutes”": no object, not this use
    elif (cue.bare or _quoted_clause(text, _skip(text, full.end, s1), s1)) and _reportable(
            text, _skip(text, full.end, s1), s1, cue):
        content = _content(text, full.end, _clause_end(text, full.end, s1))
        confidence = 0.75
    elif cue.infinitive and text.startswith("to ", _skip(text, full.end, s1)):
        start = _skip(text, full.end, s1)  # "told his supporters to “go and vote”"
        content = _content(text, start, _clause_end(text, start, s1))
        confidence = 0.75
    else:
        return None
    if content is None:
        return None
    return Report((content,), Attribution(mention, full, "speaker cue that, report", confidence))


def trailing_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """NATO is ready …, sources said. / …, said Smith. / Climate change, he says, is …"""
    s0, s1 = sentence
    mention = mention_before(text, s0, cue.start)
    if mention is not None:
        lead_end = mention.start
    else:
        mention = mention_after(text, cue.end, s1)
        lead_end = _back_over_aux(text, s0, cue.start)
        if mention is None:
            return None
    comma = text[s0:_back_over_descriptors(text, s0, lead_end)].rstrip()
    if not comma.rstrip(_CLOSING_MARKS).endswith(","):
        return None  # (a comma may sit inside a closing mark: “… Nixon,” Pence said)
    # “… Nixon,” Pence said: the lead keeps its closing mark (and the comma inside it).
    closed = comma.endswith(tuple(_CLOSING_MARKS))
    lead = comma_lead = _content(text, s0, s0 + (len(comma) if closed else len(comma) - 1))
    if lead is not None and not _substantial(text, lead):
        lead = None  # "And so, he said, while …": only what follows is reported
    tail_start = max(cue.end, mention.end)
    tail = text[tail_start:s1]
    if tail.lstrip().startswith(":"):
        return None  # "After the vote, Lindqvist said: “…”" introduces a quote
    if tail.strip(" .!?\"”’") and not tail.lstrip().startswith(","):
        # "…, officials said in a statement on Tuesday." keeps a short adverbial.
        words = [t for t in tokens(text, tail_start, min(s1, tail_start + 120)) if is_word(t)]
        if len(words) > 8 or _THAT.match(text, tail_start):
            return None
        rest = None
    elif mention.start < cue.start and tail.lstrip().startswith(","):
        rest = _content(text, tail_start, s1)  # "Climate change, he says, is …"
    else:
        rest = None  # "…, said Dan Gerstein, director of …": an apposition, not content
    if lead is None and rest is not None and comma_lead is not None and _split_piece(text, comma_lead):
        lead = comma_lead  # "The bigger risk, he said, is a clash …": two pieces
    pieces = tuple(piece for piece in (lead, rest) if piece is not None)
    if not pieces or (lead is None and rest is not None and not _substantial(text, rest)):
        return None
    return Report(pieces, Attribution(mention, cue, "report, speaker cue", 0.8))


def _substantial(text: str, span: Span) -> bool:
    """Reported content, not an adverbial: "After the vote," reports nothing."""
    words = text[span[0]:span[1]].split()
    if words and words[0][:1].isupper() and words[0].endswith(("ed", "ing")):
        return False  # "Asked whether …, Dempsey said": a participle clause
    if len(words) < 4:
        return any(mark in text[span[0]:span[1]] for mark in _QUOTE_MARKS)
    return words[0].casefold() not in _PREPOSITIONS or len(words) >= 8


def _split_piece(text: str, span: Span) -> bool:
    """The first piece of content split by its cue ("The bigger risk, he said, is …")
    may be short, but not an adverbial or a conjunction ("After the vote", "And so")."""
    words = text[span[0]:span[1]].split()
    return bool(words) and words[0].casefold() not in _PREPOSITIONS | _NOT_SUBJECTS and not (
        len(words) <= 2 and all(w.casefold() in _NOT_SUBJECTS | {"so", "yet", "still"} for w in words))


def _back_over_descriptors(text: str, floor: int, pos: int) -> int:
    """Back over a few lowercase describing words: "…, publisher | Ivo Petrenko said"."""
    toks = tokens(text, max(floor, pos - 60), pos)
    k = len(toks) - 1
    while k >= 0 and len(toks) - k <= 3 and is_modifier(toks[k]):
        k -= 1
    return toks[k + 1].start if k + 1 < len(toks) else pos


def _back_over_aux(text: str, floor: int, pos: int) -> int:
    toks = tokens(text, max(floor, pos - 80), pos)
    k = len(toks) - 1
    while k >= 0 and toks[k].key in lexicon.words("auxiliaries") and toks[k].word.islower():
        k -= 1
    return toks[k].end if k >= 0 else floor


def according_to_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """According to the NATO Secretary General, the alliance … / …, according to officials."""
    s0, s1 = sentence
    match = _ACCORDING.search(text, s0, s1)
    if not match:
        return None
    mention = mention_after(text, match.end(), s1)
    if mention is None:
        return None
    cue = Cue(match.start(), match.end(), "according to")
    if not text[s0:match.start()].strip():
        content = _content(text, mention.end, s1)
    else:
        content = _content(text, s0, match.start())
    if content is None:
        return None
    return Report((content,), Attribution(mention, cue, "according to, report", 0.85))


def passive_by_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """NATO is ready …. This was stated by Jens Stoltenberg: the content is the sentence before."""
    s0, s1 = sentence
    match = _PASSIVE.match(text, s0, s1)
    if not match or previous is None or match.group("verb") not in lexicon.speech_verbs():
        return None
    mention = mention_after(text, match.end(), s1)
    content = _content(text, *previous)
    if mention is None or content is None:
        return None
    cue = Cue(match.start(), match.end(), "passive")
    return Report((content,), Attribution(mention, cue, "report, this was stated by", 0.85))
