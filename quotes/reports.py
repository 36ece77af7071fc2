"""Reported speech: "X said (that) …", "…, X said", "According to X, …".

Each rule finds, in one sentence, the reported content and who reported it.
The content is indirect, or mixed when it holds a quoted fragment;
`quotes.pipeline` decides which.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from quotes import lexicon
from quotes.adverbials import DAYS, clause_after_adverbial
from quotes.cues import (
    ACCORDING,
    CLOSING_MARKS,
    PREPOSITIONS,
    QUOTE_MARKS,
    Attribution,
    Cue,
    cues_in,
    is_participle,
    is_past,
    main_subject,
    opens_with_mark,
    skip,
    subject_before,
    with_object,
)
from quotes.nesting import outermost
from quotes.non_reports import before_anonymity_clause, reports_nothing
from quotes.sources import pronoun_after, source_first_report
from quotes.speakers import Mention, mention_after, mention_before
from quotes.subjects import THAT
from quotes.tokens import is_modifier, is_word, tokens

Span = tuple[int, int]

_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also)\s+)?$")
_PASSIVE = regex.compile(
    r"\b(?:[Tt]his|[Tt]hat)\s+(?:was|has been|had been|is)\s+"
    r"(?:\w+\s+)?(?P<verb>\w+)\s+by\b")
# "said that", "said on Tuesday that": an adverbial may sit before "that".
# (A quoted title may sit in between: "said on “This Week” that".)
_THAT_AHEAD = regex.compile(r"(?:[^.;:“”\"\n]|“\p{Lu}[^“”,\n]{0,60}”|\"\p{Lu}[^\",\n]{0,60}\"){0,80}?\bthat\b")
_CLAUSE_WORDS = frozenset(
    "is are was were be been will would can could should must may might has have had do does did "
    "went got made took came knew thought saw found gave told felt became left kept began ran "
    "won lost paid met sent built brought bought held stood "
    "won't can't don't doesn't didn't isn't aren't wasn't weren't wouldn't couldn't shouldn't "
    "needs wants plans".split())
# Where reported content ends inside a sentence: "…, but lamented that …".
_CLAUSE_BREAK = re.compile(
    # Every break opens with a comma, a semicolon, a colon or a space: the lookahead
    # says so first, and the engine skips other characters without trying each branch.
    r"(?=[,;:\s])(?:"
    r",[\"”’']?\s+(?:but|while|although|though|whereas|however|despite|compared\s+(?:with|to))\b|;|\s+—\s+"
    r"|:\s*(?=[“\"])"  # "rejected the claims: “…”": a colon introduces a quotation of its own
    r"|,[\"”’']?\s+(?!including\b|regarding\b|concerning\b|excluding\b)(?=[a-z]+ing\b)"  # ", saying she had …"
    # starts a clause of its own (", including …" is a preposition)
    # ", in an interview with CNN on Sunday": a closing adverbial, not content
    r"|,[\"”’']?\s+(?=(?:in|on|at|during|according\s+to)\s+(?:an?|the|his|her|their)\s)"
    # "… should be released but said “…”": a second report by the same speaker
    r"|\s+(?:but|and)\s+(?:also\s+)?(?=(?:said|says|added|told|noted|argued|insisted|warned)\b)"
    # "respects his “passion” but argues …": the speaker's next predicate
    r"|(?<=[\"”’'])\s+(?:but|and)\s+(?=(?:\w+(?:s|ed|ing)|did|does|was|is)\s)"
    # "called it “racially toxic,” portrayed …": after a quoted fragment, a new predicate
    r"|(?<=,[\"”’'])\s+(?=[a-z]+ed\s)"
    # "…at his rally, a swipe at …": a remark about the content
    r"|,\s+(?=an?\s+\w+\s+(?:at|on|to|of|that|which)\s)"
    # "called him “a buffoon,” Susan said": another attribution starts
    r"|(?<=,[\"”’'])\s+(?=(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|added|told|wrote|asked)\b"
    r"|(?:he|she|they)\s+(?:said|says|added|told|wrote|asked)\b)"
    # "said the plan is dead, and he railed against …": a clause with its own subject
    r"|,\s+and\s+(?=(?:he|she|they|we|I)\s)"
    # "said the club was for sale and left the room": a second predicate of the speaker
    r"|,?\s+and\s+(?:then\s+)?(?=(?:\w+ed|left|went|took|gave|made|came|got|told|said|"
    r"sat|stood|walked|ran|began|shook|held)\b))")
_ASK = frozenset(["ask", "wonder"])
# The question an "ask" verb reports: "asked (her) whether …", "wondered how …".
_QUESTION = re.compile(r"(?:whether|if|how|why|what|when|where|who)\b")
_SUBJECT_PRONOUNS = frozenset("i we you he she it they".split())
_SAY = frozenset(["say"])
# What "said" can be followed by without reporting a statement.
_NOT_SAID = frozenset(
    "nothing something anything little much more less so yes no goodbye hello otherwise "
    "last next this earlier later late live today yesterday tonight monday tuesday wednesday "
    "thursday friday saturday sunday".split()) | frozenset(
    "in at on of for with from to by during after before about into over under through "
    "to and or but so then not also too as because if when while".split())
# Words opening a subordinate clause before the main one: "said if …, she will …".
_SUBORDINATORS = frozenset("if unless because although though while when once whether".split())
# A subordinate clause opening the sentence right before the cue's subject.
_SUBORDINATE_OPENING = re.compile(r"[\W_]*(?:While|Although|Though|Because|If|When|Whereas|Unless|Even\s+as|"
                                  r"Even\s+though|As)\s+\Z")
_APPROXIMATE = frozenset("about nearly almost roughly around over under".split())
_NOT_SUBJECTS = frozenset("to and or but so then not also too as because if when while".split())


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
    for rule in (according_to_report, passive_by_report, colon_report, _source_first):
        report = rule(text, sentence, previous)
        if report:
            found.append(report)
    sentence_cues = [c for c in cues_in(text, s0, s1) if not _within(blocked, c.start)]
    for index, cue in enumerate(sentence_cues):
        # Rules look back from the cue to the sentence start: no more than content
        # may be long, so a run-on "sentence" of many cues costs linear work.
        near = (max(s0, cue.start - _MAX_CONTENT), s1)
        if is_participle(text, cue):
            report = participle_report(text, near, cue, sentence_cues[max(0, index - 1):index])
        else:
            report = (speaker_verb_report(text, near, cue)
                      or trailing_report(text, near, cue))
        if report and (not cue.quoted or cue.object or _has_quote(text, report.pieces)) and (
                not reports_nothing(text, report.pieces, report.attribution, s0)):
            found.append(report)
    return outermost(_cut_at_new_speakers(text, found))


_NEW_CLAUSE_BEFORE = re.compile(r",(?P<marks>[\"”’'»]*)\s*(?:(?:and|but)\s+)?$|\s(?=but\s+$)")


def _cut_at_new_speakers(text: str, found: list[Report]) -> list[Report]:
    """Trump claimed that “…,” one of the prosecutors said …: a speaker named after a
    comma opens a new report, and the content before it ends at that comma."""
    openers: list[tuple[int, Report]] = []  # the comma before each new clause's speaker
    for report in found:
        mention, cue = report.attribution.mention, report.attribution.cue
        if mention is not None and cue is not None and mention.start < cue.start:
            comma = _NEW_CLAUSE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            if comma:  # (“…,” keeps its closing mark, as trailing content does)
                openers.append((comma.end("marks") if comma.group("marks") else comma.start(), report))
    if not openers:
        return found
    openers.sort(key=lambda opener: opener[0])
    positions = [pos for pos, _ in openers]
    cut: list[Report] = []
    for report in found:
        pieces = []
        for start, end in report.pieces:
            first = _first_opener(openers, positions, report, start, end)
            piece = _content(text, start, first) if first is not None else (start, end)
            if piece is not None:
                pieces.append(piece)
        if pieces:
            cut.append(Report(tuple(pieces), report.attribution))
    return cut


def _first_opener(openers: list[tuple[int, Report]], positions: list[int], report: Report,
                  start: int, end: int) -> int | None:
    """The first position strictly inside (start, end) where another report's clause opens."""
    i = bisect.bisect_right(positions, start)
    while i < len(openers) and openers[i][0] < end:
        if openers[i][1] is not report:
            return openers[i][0]
        i += 1  # (a report has one opener: this skips at most one)
    return None


def _within(spans: list[Span], pos: int) -> bool:
    """Is pos inside one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _has_quote(text: str, pieces: tuple[Span, ...]) -> bool:
    return any(mark in text[s:e] for s, e in pieces for mark in QUOTE_MARKS)


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
    full = with_object(text, cue, s1)
    that_end = _after_that(text, full.end, s1)
    start = that_end if that_end is not None else skip(text, full.end, s1)
    if that_end is None and not _reportable(text, start, s1, cue):
        return None  # ", pointing to the names on the wall" reports nothing
    content = _content(text, start, _clause_end(text, start, s1))
    if content is None or len(text[content[0]:content[1]].split()) < (
            2 if _has_quote(text, (content,)) else 3):
        return None  # (", calling it “absurd”" is enough)
    return Report((content,), Attribution(mention, full, "subject …, saying that", 0.7))


def _content(text: str, start: int, end: int) -> Span | None:
    """The span trimmed of space and edge punctuation, None if no words remain."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
        end -= 1
    if end > start and text[end - 1] == "”" and text.count("“", start, end) < text.count("”", start, end):
        # (a closing mark whose opener lies before the content, e.g. before the
        # article's body_start, is not part of what was said)
        return _content(text, start, end - 1)
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None


def _looks_like_clause(text: str, start: int, end: int) -> bool:
    """A bare complement ("said the plan failed") starts with a subject and has a verb."""
    toks = [t for t in tokens(text, start, min(end, start + 160)) if is_word(t)]
    if len(toks) == 2 and toks[0].key in _SUBJECT_PRONOUNS and _clause_word(toks[1]):
        return True  # "Flake said he would."
    if len(toks) >= 3 and toks[0].key in _SUBORDINATORS:
        # "said if she is elected, she will …": the main clause follows the comma
        comma = text.find(",", toks[1].start, min(end, start + 160))
        return comma > 0 and _looks_like_clause(text, comma + 1, end)
    if len(toks) >= 3 and toks[0].key in _APPROXIMATE and (
            toks[1].word.isdigit() or toks[1].key in lexicon.words("quantifiers")):
        return True  # "said about half of the losses came from …"
    if len(toks) < 3 or toks[0].key in PREPOSITIONS or toks[0].key in _NOT_SUBJECTS or (
            toks[0].key in DAYS and not _clause_word(toks[1])):  # ("said Monday | he …")
        return False
    if re.split("[’']", toks[0].key, maxsplit=1)[0] in _SUBJECT_PRONOUNS:
        return True  # "said they support charter schools", "said she’ll run"
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
    if (first in PREPOSITIONS or first == "as") and not _looks_like_clause(text, start, end):
        return False  # "said on ABC’s “This Week”", "said of the claim"
    if cue.quoted or (cue.object and _object_follows(text, start, end)):
        return True
    if _looks_like_clause(text, start, end) or (cue.base in _SAY and _says_something(text, start, end)):
        return True
    return clause[:1].isalnum() and any(mark in clause for mark in QUOTE_MARKS)


_MAX_CONTENT = 1500
# "…, who will face Nehlen in August.", "…, a higher level than in May.": a closing
# relative clause or noun phrase remarks on the content; annotators leave it out.
_FINAL_RELATIVE = re.compile(r",(?=[\"”’']?\s+(?:which|who|an?|the\s+latter)\s[^,;“”\"]*$)")
_COMMA_CLOSING = re.compile(r",(?:''|[\"”’'])")


def _says_something(text: str, start: int, end: int) -> bool:
    """After "said", a few words that are not an adverbial are what was said
    ("said having Trump on the ticket puts them at risk")."""
    toks = [t for t in tokens(text, start, min(end, start + 120)) if is_word(t)]
    return len(toks) >= 4 and toks[0].key not in _NOT_SAID and not _clause_word(toks[0]) and not (
        toks[0].word.islower() and toks[0].key.endswith("ly"))  # (", she said, is doing …")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the reported clause starting at `start` ends, outside quotation marks.
    Content longer than _MAX_CONTENT characters is cut there: no sentence of news
    runs that long, and the bound keeps the work per cue constant."""
    end = min(end, start + _MAX_CONTENT)
    opened = closed = straight = 0
    pos = aside_end = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() < aside_end:
            continue  # (the dash that closes an aside)
        if match.group().strip() == "—" and (aside := _DASH_ASIDE.match(text, match.end(), end)):
            aside_end = aside.end()  # "that the ties between youth — especially girls — and …"
            continue
        # Count the marks up to and including the break's own closing mark.
        upto = match.end()
        opened += text.count("“", pos, upto)
        closed += text.count("”", pos, upto)
        straight += text.count('"', pos, upto)
        pos = upto
        if opened <= closed and straight % 2 == 0:
            closing = _COMMA_CLOSING.match(text, match.start())
            end = closing.end() if closing else match.start()  # keep “…,” whole
            break
    else:
        remark = _FINAL_RELATIVE.search(text, start, end)
        end = remark.start() if remark else end
    return _before_next_cue(text, start, end)


# An aside closed by a second dash within the clause: it is part of what was said.
_DASH_ASIDE = re.compile(r"[^—;:“”\"\n]{1,80}?\s—\s")
_COMMA_WORD = re.compile(r",\s+(?![Tt]hanks\b)([A-Za-z]+(?:s|ed))\b")  # (not ", thanks (in part) to")


def _before_next_cue(text: str, start: int, end: int) -> int:
    """"says Russians hacked the DNC, calls the remarks troubling": a speech verb after a
    comma is the speaker's next predicate, and the clause ends before it."""
    for match in _COMMA_WORD.finditer(text, start, end):
        if match.group(1).lower() in lexicon.speech_verbs():
            return match.start()
    return end


def _after_that(text: str, pos: int, end: int) -> int | None:
    """Where the clause after "that" starts: "said (on Tuesday) that | …". None when
    no "that" follows closely, when a clause starts before it ("said she could not
    support the deal that …") or when "that" opens a relative clause ("reports that track")."""
    match = _THAT_AHEAD.match(text, pos, end)
    if not match or _speech_participle_ahead(text, pos, match.end()):
        return None  # ("…, X said, adding that …": the participle's "that")
    between = [t for t in tokens(text, pos, match.end() - 4) if is_word(t)]
    if any(t.key in _SUBJECT_PRONOUNS or _clause_word(t) for t in between):
        return None
    following = [t for t in tokens(text, match.end(), min(end, match.end() + 40)) if is_word(t)]
    if following and (_clause_word(following[0]) or following[0].key in lexicon.speech_verbs()
                      or (following[0].word.islower() and following[0].key.endswith("ed"))):
        return None  # "the raid that killed …": a relative clause
    return match.end() - len("that")  # the clause keeps its "that", as annotators mark it


_PARTICIPLE_AHEAD = re.compile(r"\s*,\s*([a-z]+ing)\b")


def _speech_participle_ahead(text: str, pos: int, end: int) -> bool:
    """", adding that …", ", noting …": a speech verb's participle, which reports for itself."""
    match = _PARTICIPLE_AHEAD.match(text, pos, end)
    return match is not None and match.group(1) in lexicon.speech_verbs()


# After an object, a comma and a verb start the subject's next predicate.
_NEXT_PREDICATE = re.compile(
    r"(?:,|\s(?:and|but))\s+(?=(?:[a-z]+ed|was|is|has|had|also)\b)"  # "…, vetoed", "… but was careful"
    r"|\s+(?:--?|[–—])\s+")  # "endorsed Varga - the first time it has …": an aside


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who|whom)\s+$")


def _predicate_follows(text: str, start: int, end: int) -> bool:
    """A verb opens what follows ("had harmed", "was ongoing", "target Muslims")."""
    toks = [t for t in tokens(text, start, min(end, start + 40)) if is_word(t)]
    return bool(toks) and toks[0].word.islower() and (_clause_word(toks[0]) or toks[0].key.endswith(
        ("ed", "s")) or toks[0].key in lexicon.words("auxiliaries"))


def _object_follows(text: str, start: int, end: int) -> bool:
    """A noun phrase follows the verb: not a preposition, adverb or another verb."""
    toks = tokens(text, start, min(end, start + 40))
    if not toks or not is_word(toks[0]):
        return opens_with_mark(text, start)
    first = toks[0]
    if first.word.islower() and first.key in lexicon.speech_verbs():
        return False  # "biofuels advocates say …": the cue was a noun, the subject
    return first.key not in PREPOSITIONS and first.key not in _NOT_SAID and not _clause_word(first) and not (
        first.word.islower() and first.key.endswith(("ly", "ed", "ing")))


def _clause_word(tok) -> bool:
    return tok.key.replace("’", "'") in _CLAUSE_WORDS


def speaker_verb_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """Putin said that NATO is in danger … / Stoltenberg, who …, said that … /
    he told reporters the plan failed."""
    s0, s1 = sentence
    # "he was told that …", "two people were questioned": the subject did not speak,
    # so a passive cue reports a clause with no speaker, and no object.
    passive = _PASSIVE_BEFORE.search(text, max(s0, cue.start - 30), cue.start) is not None and not (
        text[cue.start:cue.end].split(" ", 1)[0].endswith("ing"))  # ("is calling for": progressive)
    unnamed = before_anonymity_clause(text, s0, cue.start)  # "An official who asked not to be named said"
    mention = None if passive else (mention_before(text, s0, unnamed) if unnamed < cue.start
                                    else subject_before(text, s0, cue))
    if mention is None and not passive:
        return None
    full = with_object(text, cue, s1)
    that_end = _after_that(text, full.end, s1)
    start = skip(text, full.end, s1)  # the first word after the cue (and its listener)
    if that_end is not None:
        content = _content(text, that_end, _clause_end(text, that_end, s1))
        confidence = 0.85
    elif cue.quoted and opens_with_mark(text, start):
        return None  # "were calling “every 20 minutes”": no object, not this use
    elif (cue.bare or _quoted_clause(text, start, s1)) and _reportable(text, start, s1, cue):
        content = _content(text, full.end, _clause_end(text, full.end, s1))
        confidence = 0.75
    elif cue.bare and (after := clause_after_adverbial(text, start, s1, _looks_like_clause, _clause_word)):
        content = _content(text, after, _clause_end(text, after, s1))  # "said on Friday | it had …"
        confidence = 0.7
    elif mention is not None and _RELATIVE_BEFORE.search(text, max(s0, mention.start - 8), mention.start) and (
            _predicate_follows(text, start, s1)):
        content = _content(text, start, _clause_end(text, start, s1))  # "which he said | had harmed"
        confidence = 0.7
    elif cue.infinitive and text.startswith(("to ", "not to "), start):
        content = _content(text, start, _clause_end(text, start, s1))  # "told them (not) to “go and vote”"
        confidence = 0.75
    elif cue.base in _ASK and _QUESTION.match(text, start, s1):
        content = _content(text, start, _clause_end(text, start, s1))  # "asked whether the plan would pass"
        confidence = 0.7
    elif not passive and _object_follows(text, start, s1) and (cue.object or (
            is_past(text, cue) and _has_quote(text, ((start, _clause_end(text, start, s1)),)))):
        # "criticized the plan", "endorsed Varga"; any speech verb in the past reports an
        # object that quotes its words ("noted the “senseless, tragic deaths” of …"; "-s"
        # forms are too often nouns: "the compound orders …")
        end = _clause_end(text, start, s1)
        predicate = _NEXT_PREDICATE.search(text, start, end)  # "opposes abortion, vetoed …"
        content = _content(text, start, predicate.start() if predicate else end)
        confidence = 0.65
    else:
        return None
    if content is not None and _SUBORDINATE_OPENING.match(text, s0, mention.start if mention else s0):
        comma = text.find(",", content[0], content[1])  # "While critics argue that …, the mayor has …":
        if comma > 0:  # the report ends where the main clause begins (and keeps “…,” whole)
            closing = _COMMA_CLOSING.match(text, comma)
            content = _content(text, content[0], closing.end() if closing else comma)
    if content is None or text[content[0]:content[1]] == "that":
        return None  # ("has charged more than that."): "that" with no clause is no report
    if passive:
        return Report((content,), Attribution(None, full, "passive cue, report", 0.5))
    lead = _parenthetical_lead(text, s0, mention, full.end, content) if mention is not None else None
    pieces = (lead, content) if lead is not None else (content,)
    return Report(pieces, Attribution(mention, full, "speaker cue that, report", confidence))


def _parenthetical_lead(text: str, s0: int, mention: Mention, cue_end: int, content: Span) -> Span | None:
    """"If the law conflicts with the charter, Varga said, the council must …": a cue set
    off by commas inside the sentence splits what was said; the lead is its first piece."""
    if text[cue_end:content[0]].strip() != ",":
        return None
    before = text[s0:mention.start].rstrip()
    if not before.endswith(","):
        return None
    lead = _content(text, s0, s0 + len(before) - 1)
    return lead if lead is not None and _split_piece(text, lead) else None


def trailing_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """NATO is ready …, sources said. / …, said Smith. / Climate change, he says, is …"""
    s0, s1 = sentence
    if cue.stance:
        return None  # ("…, the auditors found a gap": a finding about the lead, not a report of it)
    if text.find(",", s0, cue.start) < 0:
        return None  # (the lead, ending before the cue, must end with a comma)
    mention = mention_before(text, s0, before_anonymity_clause(text, s0, cue.start))
    if mention is not None:
        lead_end = mention.start
    else:
        mention = mention_after(text, cue.end, s1)
        lead_end = _back_over_aux(text, s0, cue.start)
        if mention is None:
            return None
    s0 = max(s0, lead_end - _MAX_CONTENT)  # (a lead is never longer than content may be)
    comma = text[s0:_back_over_descriptors(text, s0, lead_end)].rstrip()
    if not comma.rstrip(CLOSING_MARKS).endswith(","):
        return None  # (a comma may sit inside a closing mark: “… Nixon,” Pence said)
    # “… Nixon,” Pence said: the lead keeps its closing mark (and the comma inside it).
    closed = comma.endswith(tuple(CLOSING_MARKS))
    lead = comma_lead = _content(text, s0, s0 + (len(comma) if closed else len(comma) - 1))
    if lead is not None and not _substantial(text, lead):
        lead = None  # "And so, he said, while …": only what follows is reported
    full = with_object(text, cue, s1) if mention.start < cue.start else cue
    cue = cue if text[full.end:s1].lstrip().startswith(",") else full  # "…, X told the House before …"
    tail_start = max(cue.end, mention.end)
    tail = text[tail_start:s1]
    if tail.lstrip().startswith(":"):
        return None  # "After the vote, Lindqvist said: “…”" introduces a quote
    if tail.strip(" .!?\"”’") and not tail.lstrip().startswith(","):
        # "…, officials said in a statement on Tuesday." keeps a short adverbial.
        words = [t for t in tokens(text, tail_start, min(s1, tail_start + 120)) if is_word(t)]
        if (len(words) > 8 and not _WHILE_DOING.match(text, tail_start)) or THAT.match(text, tail_start) or (
                words and mention.start > cue.start and _clause_word(words[0])):
            return None  # ("…, said the group would focus on …": a clause, not an adverbial)
        rest = None
    elif mention.start < cue.start and tail.lstrip().startswith(",") and not (
            _speech_participle_ahead(text, tail_start, s1)):
        rest = _content(text, tail_start, s1)  # "Climate change, he says, is …" (not ", adding that …")
    else:
        rest = None  # "…, said Dan Gerstein, director of …": an apposition, not content
    if lead is None and rest is not None and comma_lead is not None and _split_piece(text, comma_lead):
        lead = comma_lead  # "The bigger risk, he said, is a clash …": two pieces
    pieces = tuple(piece for piece in (lead, rest) if piece is not None)
    if not pieces or (lead is None and rest is not None and not _substantial(text, rest)):
        return None
    return Report(pieces, Attribution(mention, cue, "report, speaker cue", 0.8))


# "…, Orr told the House before attacking the offer …": a participle clause closes the sentence.
_WHILE_DOING = re.compile(r"\s*(?:before|after|while|when)\s+[a-z]+ing\b")


def _substantial(text: str, span: Span) -> bool:
    """Reported content, not an adverbial: "After the vote," reports nothing."""
    words = text[span[0]:span[1]].split()
    if words and words[0][:1].isupper() and words[0].endswith(("ed", "ing")) and not _gerund_subject(words):
        return False  # "Asked whether …, Dempsey said": a participle clause
    if len(words) < 4:
        return any(mark in text[span[0]:span[1]] for mark in QUOTE_MARKS)
    return words[0].casefold() not in PREPOSITIONS or len(words) >= 8


def _gerund_subject(words: list[str]) -> bool:
    """"Being in public life can be hard": an -ing phrase that is the subject of a
    verb (an auxiliary before any clause opens), not the reporter's participle clause."""
    if not words[0].endswith("ing"):
        return False
    for word in words[1:12]:
        key = word.casefold().strip(",;")
        if key in _CLAUSE_OPENERS or word.endswith(","):
            return False
        if key in _FINITE:
            return True
    return False


_CLAUSE_OPENERS = frozenset("that which who whom whose where when whether if why how what because while"
                            .split())
_FINITE = frozenset("is are was were can could will would may might must should has have had does do did "
                    "remains seems".split())


def _split_piece(text: str, span: Span) -> bool:
    """The first piece of content split by its cue is part of what was said, short
    ("The bigger risk, he said, is …") or an adverbial ("If the law conflicts with
    the charter, Varga said, …"), but not a lone conjunction ("And so") or the
    reporter's participle ("Asked about the plan, he said, …")."""
    words = text[span[0]:span[1]].split()
    if not words or (words[0][:1].isupper() and words[0].endswith(("ed", "ing"))) or (
            len(words) > 1 and words[0].casefold() in ("when", "while") and words[1].endswith(("ed", "ing"))):
        return False  # ("When asked why …, he said, …": the reporter's framing)
    if len(words) == 1:
        return words[0].casefold() not in PREPOSITIONS | _NOT_SUBJECTS
    return not (len(words) <= 2 and all(w.casefold() in _NOT_SUBJECTS | {"so", "yet", "still"} for w in words))


def _back_over_descriptors(text: str, floor: int, pos: int) -> int:
    """Back over a few lowercase describing words and an article: "…, publisher |
    Ivo Petrenko said", "…, the | Post reported"."""
    toks = tokens(text, max(floor, pos - 60), pos)
    k = len(toks) - 1
    while k >= 0 and len(toks) - k <= 3 and is_modifier(toks[k]):
        k -= 1
    if k >= 0 and toks[k].key in ("the", "a", "an"):
        k -= 1
    return toks[k + 1].start if k + 1 < len(toks) else pos


def _back_over_aux(text: str, floor: int, pos: int) -> int:
    toks = tokens(text, max(floor, pos - 80), pos)
    k = len(toks) - 1
    while k >= 0 and toks[k].key in lexicon.words("auxiliaries") and toks[k].word.islower():
        k -= 1
    return toks[k].end if k >= 0 else floor


def _source_first(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """"In the opinion of X, …", "As X noted, …", "In his view, …" (quotes.sources)."""
    found = source_first_report(text, sentence, previous)
    return Report(*found) if found else None


def according_to_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """According to the NATO Secretary General, the alliance … / …, according to officials."""
    s0, s1 = sentence
    match = ACCORDING.search(text, s0, s1)
    if not match:
        return None
    mention = (pronoun_after(text, match.end(), s1) or mention_after(text, match.end(), s1)
               or _source_phrase(text, match.end(), s1))
    if mention is None:
        return None
    cue = Cue(match.start(), match.end(), "according to")
    attribution = Attribution(mention, cue, "according to, report", 0.85)
    if not text[s0:match.start()].strip():
        content = _content(text, mention.end, s1)
        return Report((content,), attribution) if content else None
    lead = _content(text, s0, match.start())
    rest = _content(text, mention.end + 1, s1) if text.startswith(",", mention.end) else None
    if rest is not None and len(text[rest[0]:rest[1]].split()) >= 2:
        # "Fundraising, according to the campaign, has surged": the cue sits inside what
        # was said; a lead that is only an adverbial ("But the next day,") is not said.
        words = text[lead[0]:lead[1]].split() if lead else []
        keep = bool(words) and words[0].casefold() not in PREPOSITIONS | _NOT_SUBJECTS
        return Report((lead, rest) if keep and lead else (rest,), attribution)
    return Report((lead,), attribution) if lead else None


_SOURCE_PHRASE = re.compile(r"\s+((?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?"
                            r"[\w’'-]+(?:\s+[\w’'-]+){0,7}?)(?=\s*(?:[,.;:!?]|$))")


def _source_phrase(text: str, pos: int, end: int) -> Mention | None:
    """"according to early returns", "according to his biography": after "according to",
    any short noun phrase closed by punctuation is the source."""
    match = _SOURCE_PHRASE.match(text, pos, end)
    if match is None or match.group(1).split()[0].casefold() in PREPOSITIONS | _NOT_SUBJECTS:
        return None
    return Mention(match.start(1), match.end(1), "role", None, match.group(1))


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+")


def colon_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """Insiders: Trump will rebound in New Hampshire. / Senator Jo Reyes: the plan is dead.
    A sentence opened by a speaker and a colon reports the clause after it."""
    s0, s1 = sentence
    s0 = skip(text, s0, s1, " \t\r\n\u00a0")
    if not _colon_near(text, s0, s1):
        return None  # (most sentences: no speaker search needed)
    mention = mention_after(text, s0, min(s1, s0 + 80))
    if mention is None or mention.start != s0:
        return None
    colon = _COLON_AFTER.match(text, mention.end, s1)
    if colon is None or opens_with_mark(text, colon.end()) or not _looks_like_clause(text, colon.end(), s1):
        return None  # (a quotation after the colon is a direct quote's: "Jo Reyes: “…”")
    if not _heads_a_line(text, mention):
        return None
    content = _content(text, colon.end(), s1)
    if content is None:
        return None
    cue = Cue(colon.start() + colon.group().index(":"), colon.start() + colon.group().index(":") + 1, "colon")
    return Report((content,), Attribution(mention, cue, "speaker colon, report", 0.6))


def _colon_near(text: str, s0: int, s1: int) -> bool:
    """Can a colon follow a mention read from s0? The mention ends within 80 characters,
    and only spaces or tabs sit between it and the colon. Later colons lie further
    right, so the first one decides."""
    colon = text.find(":", s0, s1)
    return colon >= 0 and (colon - s0 <= 80 or not text[s0 + 80:colon].strip(" \t"))


def _heads_a_line(text: str, mention: Mention) -> bool:
    """A role ("Insiders", "Senate aides") or a full name can head "X: …"; a single
    capitalised word ("Note:", "Update:") or a dateline ("WASHINGTON:") does not."""
    if mention.kind == "role":
        return not text[mention.start:mention.end].isupper()  # ("ANALYSIS:" heads a section)
    if mention.kind != "name" or mention.name is None:
        return False
    name = text[mention.name[0]:mention.name[1]]
    if name.isupper():
        return False
    return len(name.split()) >= 2 or _named_in_full(text, name)


def _named_in_full(text: str, surname: str) -> bool:
    """"Varga: the board acted as judge": a surname alone heads a line when the
    article names the person in full elsewhere ("Tomas Varga")."""
    return surname in _full_name_surnames(text)


_GIVEN_AND_SURNAME = regex.compile(r"\b(\p{Lu}\p{Ll}+)[ \t]+(\p{Lu}[\p{L}’'-]{1,40})\b")


@lru_cache(maxsize=4)
def _full_name_surnames(text: str) -> frozenset[str]:
    """Last words of "Given Surname" pairs in text: read once per article."""
    skip = lexicon.words("not_names") | lexicon.words("titles")
    return frozenset(m.group(2) for m in _GIVEN_AND_SURNAME.finditer(text) if m.group(1).casefold() not in skip)


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
