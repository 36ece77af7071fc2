"""Reported speech after a speech verb: "X said (that) …", "…, X said", "…, saying …".

Each rule finds, in one sentence, the reported content and who reported it.
The content is indirect, or mixed when it holds a quoted fragment;
`quotes.pipeline` decides which. Where content starts and ends is
`quotes.report_content`; reports marked by a phrase ("According to X, …",
"X: …") are `quotes.phrase_reports`; content before its cue ("…, X said") is
`quotes.trailing_reports`.
"""

from __future__ import annotations

import bisect
import re

import regex

from quotes import lexicon
from quotes.adverbials import clause_after_adverbial
from quotes.after_cue import mention_after
from quotes.appositions import subject_with_apposition
from quotes.cue_words import (
    PREPOSITIONS,
    Cue,
    cues_in,
    is_past,
    opens_with_mark,
    with_object,
)
from quotes.cues import Attribution
from quotes.listener_clauses import listener_before_clause
from quotes.nesting import outermost
from quotes.nominal_reports import nominal_reports
from quotes.non_reports import (
    asks_anonymity,
    before_anonymity_clause,
    before_request_with_reason,
    own_size,
    reports_nothing,
    writers_aside,
)
from quotes.office_subjects import office_subject_before
from quotes.phrase_reports import (
    according_to_report,
    colon_report,
    passive_by_report,
    source_first,
    this_object_report,
)
from quotes.relative_reports import (
    in_relative_clause,
    opens_finite_verb,
    relative_report_end,
    zero_relative_subject,
)
from quotes.report_content import (
    COMMA_CLOSING,
    MAX_CONTENT,
    Report,
    Span,
    after_that,
    clause_end,
    clause_word,
    has_quote,
    looks_like_clause,
    main_verb_after,
    object_follows,
    predicate_follows,
    quoted_clause,
    reportable,
    speech_participle_within,
    trimmed,
)
from quotes.spans import inside
from quotes.speakers import Mention, mention_before
from quotes.subjects import (
    is_participle,
    main_subject,
    noun_phrase_subject,
    quoted_as,
    skip,
    subject_before,
)
from quotes.tokens import is_role_noun, is_word, tokens
from quotes.trailing_reports import framing_after, remark_after, split_piece, trailing_report

_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also)\s+)?$")
# "it was (also) …" right before a passive cue: the auxiliary and an adverb.
_IT_AUX = r"(?:\s+is|\s+was|\s+has\s+been|\s+had\s+been)"
_TO_CUE = r"\s+(?:(?:\w+ly|also)\s+)?$"
# "It was noted that …": an impersonal passive, whose source the article gave before.
_IMPERSONAL_BEFORE = re.compile(rf"\b[Ii]t(?:{_IT_AUX}|[’']s\s+been){_TO_CUE}")
# "after it was announced, …": a time clause, whose passive reports no clause of its own.
_SUBORDINATE_IT = re.compile(
    rf"\b(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ss]ince|[Uu]ntil|[Oo]nce|[Aa]s|[Bb]ecause|[Ii]f)\s+it{_IT_AUX}{_TO_CUE}")
# "… a nurse who said …": a relative clause whose subject is the noun before "who".
_WHO_BEFORE = re.compile(r"\s+who\s+(?:(?:\w+ly|also|had|has|have)\s+)?$")
_ASK = frozenset(["ask", "wonder"])
# The question an "ask" verb reports: "asked (her) whether …", "wondered how …".
_QUESTION = re.compile(r"(?:whether|if|how|why|what|when|where|who)\b")
# A subordinate clause opening the sentence right before the cue's subject.
_SUBORDINATE_OPENING = re.compile(r"[\W_]*(?:While|Although|Though|Because|If|When|Whereas|Unless|Even\s+as|"
                                  r"Even\s+though|As)\s+\Z")


def reports_in(text: str, sentence: Span, blocked: list[Span],
               previous: Span | None, last_paragraph: Span | None = None) -> list[Report]:
    """Reported speech of one sentence: "X said (that) …", "…, X said", "According to X, …",
    and "This was stated by X" (whose content is the previous sentence, or the last of the
    paragraph before when it opens its own: translated copy sets it apart)."""
    s0, s1 = sentence
    phrased = (
        according_to_report(text, sentence, previous),
        # A passive that opens its paragraph reports the paragraph before's last sentence.
        passive_by_report(text, sentence, previous if previous is not None else last_paragraph),
        this_object_report(text, sentence, previous),
        colon_report(text, sentence, previous),
        source_first(text, sentence, previous),
    )
    found = [report for report in phrased if report and not (
        report.attribution.cue and writers_aside(text, s0, report.attribution.cue.start))]
    sentence_cues = [c for c in cues_in(text, s0, s1) if not inside(blocked, c.start)]
    withheld: list[Span] = []  # (a request for anonymity and its reason: no cue in it reports)
    for index, cue in enumerate(sentence_cues):
        if inside(withheld, cue.start):
            continue
        # Rules look back from the cue to the sentence start: no more than content
        # may be long, so a run-on "sentence" of many cues costs linear work.
        near = (max(s0, cue.start - MAX_CONTENT), s1)
        if _BY_AFTER.match(text, cue.end) and is_past(text, cue) and not _PASSIVE_BEFORE.search(
                text, max(s0, cue.start - 30), cue.start):
            continue  # "a fishing ground claimed by both countries": a passive participle, no one's report
        if is_participle(text, cue):
            report = participle_report(text, near, cue, _cue_before(sentence_cues, index, found))
        else:
            report = _verb_report(text, near, cue)
        needs_quote = cue.appeal or (cue.quoted and not cue.object) or (
            report is not None and cue.to_act and _TO_CLAUSE.match(text, report.pieces[0][0]) is not None)
        if report and asks_anonymity(text, report.attribution, report.pieces[-1][0]):
            withheld.extend(report.pieces)
        elif report and (not needs_quote or has_quote(text, _own_clause(text, report.pieces))) and (
                not reports_nothing(text, report.pieces, report.attribution, s0)):
            found.append(report)
    # "Varga's claim that …" counts only where no verb reported the clause ("repeated his claim that")
    taken = [piece for report in found for piece in report.pieces]
    for report in nominal_reports(text, sentence):
        (start, end), = report.pieces
        if not inside(blocked, start) and not any(s < end and start < e for s, e in taken):
            found.append(report)
    return outermost(_cut_at_new_speakers(text, found))


def _cue_before(cues: list[Cue], index: int, found: list[Report]) -> list[Cue]:
    """The cue before cues[index] whose subject a participle or a second verb shares: the
    last one outside what a cue before it reported ("Ross said a ferry would continue, but
    conceded …": not "continue", a verb of what Ross said)."""
    pieces = [piece for report in found for piece in report.pieces
              if report.attribution.cue is not None and report.attribution.cue.end <= cues[index].start]
    for cue in reversed(cues[:index]):
        if not any(start <= cue.start < end for start, end in pieces):
            return [cue]
    return []


def _verb_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """The report of a cue that is no participle: a zero relative ("the plan she said
    would fail"), an inverted lead, the cue's subject and verb, or a trailing cue, in that
    order; the trailing reading is made once, for the inverted test and as the last one."""
    report = zero_relative_report(text, sentence, cue)
    if report is not None:
        return report
    if not _COMMA_BEFORE.search(text, max(sentence[0], cue.start - 4), cue.start):
        if (remark_after(text, cue.end, sentence[1]) or framing_after(text, cue.end, sentence[1])) and (
                trailing := trailing_report(text, sentence, cue)) and len(trailing.pieces) == 1:
            return trailing  # "…, the central bank said on Monday, the third cut this year …", "…, health
            # chiefs have confirmed, two years after …": the lead is said, the rest is the writer's
        return speaker_verb_report(text, sentence, cue) or trailing_report(text, sentence, cue)
    trailing = trailing_report(text, sentence, cue)
    if _inverted(text, sentence, cue, trailing):
        return trailing
    return speaker_verb_report(text, sentence, cue) or trailing


def _inverted(text: str, sentence: Span, cue: Cue, trailing: Report | None) -> bool:
    """"…, 19 percent more than this year, said the Minister of Tourism of Ostrel, Ama
    Kone.": a cue right after the lead's comma whose subject follows it and ends the
    sentence is read before any subject found behind the comma (a time phrase there,
    "this year", is the lead's own; what follows the cue is a speaker, no clause)."""
    mention = trailing.attribution.mention if trailing is not None else None
    # ("Ana Lee, a teacher, said the plan was …": the clause's subject, not hers)
    return mention is not None and mention.start >= cue.start and (
        _TO_SENTENCE_END.fullmatch(text, mention.end, sentence[1]) is not None
        or _described_to_end(text, mention.end, sentence[1]))


_COMMA_BEFORE = re.compile(r",[ \t]*$")
# What may follow the cue's subject to the sentence's end: nothing, or a capitalised name
# in apposition to its office ("the Minister of …, Hon. Ama Said Kone.").
_TO_SENTENCE_END = regex.compile(r"(?:[ \t]*,(?:[ \t]+\p{Lu}[\p{L}’'.-]*){1,6})?[ \t]*[.!?]?[\"”’»]*\s*")
# "…, said Ana Lee, | a regional director of the Wildlife Department.": a description of
# the subject up to the sentence's end.
_DESCRIPTION_TO_END = regex.compile(
    r"[ \t]*,[ \t]+(?:(?P<article>a|an|the)[ \t]+)?[^,;:!?“”\"«»]{1,120}?[ \t]*[.!?]?[\"”’»]*\s*")


def _described_to_end(text: str, pos: int, end: int) -> bool:
    """Is text[pos:end] a description of the one named before it, with a role noun and
    no verb ("…, a regional director of the Tarn Harbour Board.", or with no article
    where the role noun opens it: "…, head of the border police in Vell.")?"""
    described = _DESCRIPTION_TO_END.fullmatch(text, pos, end)
    if described is None:
        return False
    words = [t for t in tokens(text, pos, end) if is_word(t)]
    if not described.group("article") and not (words and words[0].word.islower() and is_role_noun(words[0])):
        return False
    return any(is_role_noun(t) for t in words) and not any(
        t.word.islower() and (clause_word(t) or t.key.endswith("ed")) for t in words)


_NEXT_CLAUSE = re.compile(r",\s+(?:and|but)\s")
# "vowed | (not) to fight the closure", "asked the judge | never to reconsider": a "to"
# clause, which an infinitive cue reports and which is an act's ("vowed that …" reports a
# statement).
_TO_CLAUSE = re.compile(r"(?:(?:not|never)\s+)?to\s")


def _own_clause(text: str, pieces: tuple[Span, ...]) -> tuple[Span, ...]:
    """The pieces up to a second clause joined by ", and"/", but": a naming verb's
    quotation must be its own ("called a meeting for Thursday, and posters reading ‘…’
    went up" quotes no words of the caller)."""
    first = pieces[0]
    joint = _NEXT_CLAUSE.search(text, *first)
    return ((first[0], joint.start()),) if joint else pieces


_BY_AFTER = re.compile(r"\s+by\s")
_NEW_CLAUSE_BEFORE = re.compile(r",(?P<marks>[\"”’'»]*)\s*(?:(?:and|but)\s+)?$|\s(?=but\s+$)")


def _cut_at_new_speakers(text: str, found: list[Report]) -> list[Report]:
    """Brandt claimed that “…,” one of the prosecutors said …: a speaker named after a
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
            piece = trimmed(text, start, first) if first is not None else (start, end)
            if piece is not None and not (first is not None and _adverbial(text, piece)):
                pieces.append(piece)
        if pieces:
            cut.append(Report(tuple(pieces), report.attribution))
    return cut


def _adverbial(text: str, piece: Span) -> bool:
    """"On Jan. 9, | Ana Ruiz … said …": what is left before a new speaker is only a
    time or place of that speaker's clause, not content."""
    words = [t for t in tokens(text, *piece) if is_word(t)]
    return bool(words) and words[0].key in PREPOSITIONS and len(words) <= 6 and not any(
        clause_word(t) and t.word.islower() for t in words)  # ("On May 4": a month)


def _first_opener(openers: list[tuple[int, Report]], positions: list[int], report: Report,
                  start: int, end: int) -> int | None:
    """The first position strictly inside (start, end) where another report's clause opens."""
    i = bisect.bisect_right(positions, start)
    while i < len(openers) and openers[i][0] < end:
        if openers[i][1] is not report:
            return openers[i][0]
        i += 1  # (a report has one opener: this skips at most one)
    return None


def participle_report(text: str, sentence: Span, cue: Cue, earlier: list[Cue]) -> Report | None:
    """Brandt mocked her, saying she would be a poor mayor / …,” Feldmann said, calling him “…”."""
    s0, s1 = sentence
    mention = quoted_as(text, s0, cue.start) or _with_subject(text, s0, cue.start)
    if mention is None and earlier:
        mention = subject_before(text, s0, earlier[-1]) or mention_after(text, earlier[-1].end, s1)
    if mention is None:
        mention = main_subject(text, s0, cue.start)
        if mention is None:
            return None
    full = with_object(text, cue, s1)
    that_end = after_that(text, full.end, s1)
    start = that_end if that_end is not None else skip(text, full.end, s1)
    if that_end is None and not reportable(text, start, s1, cue):
        return None  # ", pointing to the names on the wall" reports nothing
    content = trimmed(text, start, clause_end(text, start, s1, clause=that_end is not None))
    if content is None or len(text[content[0]:content[1]].split()) < (
            2 if has_quote(text, (content,)) else 3):
        return None  # (", calling it “absurd”" is enough)
    return Report((content,), Attribution(mention, full, "subject …, saying that", 0.7))


_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+$")


def _with_subject(text: str, s0: int, cue_start: int) -> Mention | None:
    """"…, with Justice Rao remarking that …", "with their union warning …": the one
    named between "with" and the participle speaks (an absolute clause)."""
    mention = mention_before(text, s0, cue_start)
    if mention is None or text[mention.end:cue_start].strip():
        return None
    return mention if _WITH_BEFORE.search(text, max(s0, mention.start - 6), mention.start) else None


# After an object, a comma and a verb start the subject's next predicate.
_NEXT_PREDICATE = re.compile(
    r"(?:,|\s(?:and|but))\s+(?=(?:[a-z]+ed|was|is|has|had|also)\b)"  # "…, vetoed", "… but was careful"
    r"|\s+(?:--?|[–—])\s+")  # "endorsed Varga - the first time it has …": an aside


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who|whom)\s+$")


def zero_relative_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """"…, a scheme prosecutors said left thousands without clean water", "a decision the
    company said was needed": a relative clause without "that" whose cue's content is a
    clause missing its subject (the antecedent noun); the content runs from the verb."""
    s0, s1 = sentence
    if not (cue.bare or cue.belief) or cue.stance:
        return None
    after = [t for t in tokens(text, cue.end, min(s1, cue.end + 40)) if is_word(t)]
    if not opens_finite_verb(after) or text[cue.end:after[0].start].strip():
        return None
    before = [t for t in tokens(text, max(s0, cue.start - 80), cue.start) if is_word(t)]
    if before and text[before[-1].end:cue.start].strip():
        return None  # ("…, he said, was …": a parenthetical cue)
    start = zero_relative_subject(before)
    if start is None or any(ch in ",;:" for ch in text[before[start].start:cue.start]):
        return None
    mention = mention_after(text, before[start].start, cue.start)
    if mention is None or mention.end != before[-1].end:
        return None
    content = trimmed(text, after[0].start, clause_end(text, after[0].start, s1, clause=True))
    if content is None:
        return None
    return Report((content,), Attribution(mention, cue, "speaker cue that, report", 0.6))


def speaker_verb_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """Volkov said that NATO is in danger … / Stokkeland, who …, said that … /
    he told reporters the plan failed."""
    s0, s1 = sentence
    # "he was told that …", "two people were questioned": the subject did not speak,
    # so a passive cue reports a clause with no speaker, and no object.
    passive = _PASSIVE_BEFORE.search(text, max(s0, cue.start - 30), cue.start) is not None and not (
        text[cue.start:cue.end].split(" ", 1)[0].endswith("ing"))  # ("is calling for": progressive)
    unnamed = before_anonymity_clause(text, s0, cue.start)  # "An official who asked not to be named said"
    mention = None if passive else (_before_anonymity_clause(text, s0, unnamed) if unnamed < cue.start
                                    else subject_before(text, s0, cue) or noun_phrase_subject(text, s0, cue))
    if mention is None and not passive and (
            reason := before_request_with_reason(text, s0, cue.start)) < cue.start:
        mention = _before_anonymity_clause(text, s0, reason)  # "…, who asked not to be named because …, said"
    if mention is None and not passive:
        mention = office_subject_before(text, s0, cue.start, from_floor=True)  # "The Vice Minister of …, Ana
        # Mure, informed that …": an office and a name the shorter readers stop inside
    if mention is None and not passive:
        mention = _name_set_off(text, s0, cue.start)  # "A pupil of the …, Ana Mure, shared that …"
    who = None if passive or mention is not None else _WHO_BEFORE.search(
        text, max(s0, cue.start - 30), cue.start)
    if who is not None:  # "Lena Ortiz, a teacher who said she earns less …": the one described
        mention = _described_before(text, s0, who.start())
    if mention is None and not passive:
        return None
    full = listener_before_clause(text, cue, with_object(text, cue, s1), s1)
    that_end = after_that(text, full.end, s1)
    start = skip(text, full.end, s1)  # the first word after the cue (and its listener)
    if that_end is not None and cue.bare and speech_participle_within(text, full.end, that_end + len("that")):
        # "…, the ministry said on Friday, adding that …": the participle's "that", and nothing
        # else for this cue either; here, not in after_that, whose None would let the object
        # readings below take "rejected the label, noting that …" as reporting "the label"
        return None
    if that_end is None and cue.past_only:
        return None  # ("shared a photo", "shared “the same goals”"): what is shared, no report
    if that_end is None and "," in text[full.end:start] and mention is not None and (
            text[s0:mention.start].rstrip().endswith((",”", ",’", ',"', ",'"))) and not (
            has_quote(text, ((start, s1),))):
        return None  # "“…,” he told reporters, his boots still caked in mud": the quotation's cue,
        # and what follows its comma is the writer's (an absolute phrase), not a second report
        # (unless it quotes the speaker again: "“…,” she said, and “clear consequences …”")
    if that_end is not None:
        content = trimmed(text, that_end, clause_end(text, that_end, s1, clause=True, that=True))
        confidence = 0.85
    elif cue.quoted and opens_with_mark(text, start):
        return None  # "were calling “every 20 minutes”": no object, not this use
    elif cue.bare and (after := clause_after_adverbial(text, start, s1, looks_like_clause, clause_word)):
        content = trimmed(text, after, clause_end(text, after, s1, clause=True))  # "said on Friday | it had …"
        confidence = 0.7  # (first: a quoted fragment alone passes the test below)
    elif (cue.bare or quoted_clause(text, start, s1)) and reportable(text, start, s1, cue):
        content = trimmed(text, full.end, clause_end(
            text, full.end, s1, clause=cue.bare and not cue.quoted and not opens_with_mark(text, start)))
        confidence = 0.75
    elif mention is not None and _RELATIVE_BEFORE.search(text, max(s0, mention.start - 8), mention.start) and (
            predicate_follows(text, start, s1)):
        content = trimmed(text, start, clause_end(text, start, s1))  # "which he said | had harmed"
        confidence = 0.7
    elif cue.infinitive and _TO_CLAUSE.match(text, start):
        content = trimmed(text, start, clause_end(text, start, s1))  # "told them (not) to “go and vote”"
        confidence = 0.75
    elif cue.base in _ASK and _QUESTION.match(text, start, s1):
        content = trimmed(text, start, clause_end(text, start, s1))  # "asked whether the plan would pass"
        confidence = 0.7
    elif not passive and object_follows(text, start, s1) and (cue.object or (
            is_past(text, cue) and has_quote(text, ((start, clause_end(text, start, s1)),)))):
        # "criticized the plan", "endorsed Varga"; any speech verb in the past reports an
        # object that quotes its words ("noted the “needless, bitter losses” of …"; "-s"
        # forms are too often nouns: "the compound orders …")
        end = clause_end(text, start, s1)
        if _RELATIVE_BEFORE.search(text, max(s0, cue.start - 8), cue.start) and main_verb_after(text, end):
            return None  # "Osei, who proposed the refusal, said …": a clause in the subject of "said"
        predicate = _NEXT_PREDICATE.search(text, start, end)  # "opposes abortion, vetoed …"
        content = trimmed(text, start, predicate.start() if predicate else end)
        if content is not None and _others_words(text, content):
            return None  # "rejected the allegations": what others said, none of the speaker's words
        confidence = 0.65
    else:
        return None
    if content is not None and _SUBORDINATE_OPENING.match(text, s0, mention.start if mention else s0):
        comma = text.find(",", content[0], content[1])  # "While critics argue that …, the mayor has …":
        if comma > 0:  # the report ends where the main clause begins (and keeps “…,” whole)
            closing = COMMA_CLOSING.match(text, comma)
            content = trimmed(text, content[0], closing.end() if closing else comma)
    if content is not None and mention is not None and in_relative_clause(text, mention.end, cue.start):
        content = trimmed(text, content[0], relative_report_end(text, *content))  # "X, which said …, will"
        if content is not None and own_size(text, *content):
            return None  # "X, which says it represents some 2,000 …, said": how big it is, background
        if content is None or cue.act != "speech" or cue.object or (
                text.startswith(cue.base + " ", cue.start)) or not (
                text.startswith("that", content[0]) or looks_like_clause(text, *content)):
            return None  # ("the union, which endorsed Ruiz, …", "which agreed to …", "which state media …")
    if content is None or text[content[0]:content[1]] == "that":
        return None  # ("has charged more than that."): "that" with no clause is no report
    if who is not None and (", " in text[content[0]:content[1]] or not looks_like_clause(text, *content)):
        return None  # (only a relative clause that ends the sentence: where else it ends is unsure)
    if passive:
        if not _IMPERSONAL_BEFORE.search(text, max(s0, cue.start - 40), cue.start) or (
                that_end is None and _SUBORDINATE_IT.search(text, max(s0, cue.start - 50), cue.start)):
            return None  # "she has been told her lease …": the teller is unnamed, nobody's report
            # ("after it was announced, the scheme …": a time clause, the rest is the sentence's own)
        return Report((content,), Attribution(None, full, "passive cue, report", 0.5))
    lead = _parenthetical_lead(text, s0, mention, full.end, content) if mention is not None else None
    pieces = (lead, content) if lead is not None else (content,)
    return Report(pieces, Attribution(mention, full, "speaker cue that, report", confidence))


# An object that is only others' words: "the allegations", "these claims", "his critics' charges".
_OTHERS_WORDS = re.compile(r"(?:(?:the|these|those|such|all|any|his|her|their|its|our|[\w-]+['’]s?)\s+)?"
                           r"(?:[a-z][\w’'-]*\s+){0,2}(?P<noun>[a-z]+)")


def _others_words(text: str, content: Span) -> bool:
    """Is the object a noun phrase headed by a noun of saying and nothing more?"""
    match = _OTHERS_WORDS.fullmatch(text, *content)
    return match is not None and match.group("noun") in lexicon.words("report_nouns")


def _before_anonymity_clause(text: str, s0: int, clause: int) -> Mention | None:
    """The source before "who asked not to be named": "An official", or the head of an
    apposition ("One patient, a man from Ormsby who asked …": the patient, not Ormsby)."""
    return subject_with_apposition(text, s0, clause) or mention_before(text, s0, clause)


def _name_set_off(text: str, s0: int, pos: int) -> Mention | None:
    """"A pupil of the eighth grade of the village school, Ana Mure, | shared that …": where
    no reader finds the subject, a name of two words or more alone between two commas
    right before the cue is the subject's name in apposition to a description no lexicon
    knows; the name speaks. Not a place ("… in Vell, Ostrel, shows that …"), after a
    quotation (""…," the driver, Ana Mure, told the radio …": the quotation's cue), nor in
    a subordinate clause ("As the spokeswoman, Ana Mure, told …, …")."""
    closing = text.rfind(",", s0, pos)
    if closing < 0 or text[closing + 1:pos].strip():
        return None
    opening = text.rfind(",", s0, closing)
    if opening < 0 or _QUOTING.search(text, s0, opening) or _OPENS_SUBORDINATE.match(text, s0, opening):
        return None
    name = mention_before(text, s0, closing)
    if name is None or name.kind != "name" or name.end != closing or text[opening + 1:name.start].strip() or (
            len([t for t in tokens(text, name.start, name.end) if is_word(t)]) < 2):
        return None
    return name


_QUOTING = re.compile(r"[“”\"«»‘]|''")
_OPENS_SUBORDINATE = re.compile(r"[\W_]*(?:As|While|When|If|Although|Though|Because|Since|After|Before|Once)\s")


def _described_before(text: str, s0: int, pos: int) -> Mention | None:
    """The one a relative clause at pos describes: the noun before it, or the name
    that noun stands in apposition to ("Lena Ortiz, a teacher | who said …")."""
    mention = _before_anonymity_clause(text, s0, pos)
    if mention is None or mention.kind != "role":
        return mention
    comma = text.rfind(",", max(s0, mention.start - 3), mention.start)
    name = mention_before(text, s0, comma) if comma >= 0 and not text[comma + 1:mention.start].strip() else None
    if name is None or name.kind != "name" or name.end != comma:
        return mention
    return Mention(name.start, name.end, "name", name.name, text[mention.start:mention.end])


def _parenthetical_lead(text: str, s0: int, mention: Mention, cue_end: int, content: Span) -> Span | None:
    """"If the law conflicts with the charter, Varga said, the council must …": a cue set
    off by commas inside the sentence splits what was said; the lead is its first piece."""
    if text[cue_end:content[0]].strip() != ",":
        return None
    before = text[s0:mention.start].rstrip()
    if not before.endswith(","):
        return None
    lead = trimmed(text, s0, s0 + len(before) - 1)
    return lead if lead is not None and split_piece(text, lead) else None
