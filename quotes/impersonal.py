"""Impersonal passives: "It was noted that …", "It was also stressed that …".

Translated news writes these for what the source of the story went on to say
("This was reported by the press service of the ministry. It was noted that …"),
so a fact-checker expects the source of the statement right before it: the
current speaker, when that statement is in the same paragraph or the prose
paragraph before it, with nobody else introduced since. Otherwise the report
keeps no speaker, at the passive cue's low confidence. "It was stressed by the
minister that …" names its source and is read like any mention. Written after
what was said ("…, it was noted at the briefing", "…, it was added by the
mayor"), the passive is read the same, never as a pronoun for a body.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from quotes.after_cue import mention_after
from quotes.cue_words import Cue
from quotes.cues import Attribution
from quotes.layout import Layout
from quotes.names import Mention
from quotes.people import People, Turn
from quotes.resolve import Resolved, resolve

# An impersonal passive's auxiliary and an adverb, up to its speech verb: "was also", "has been".
_PASSIVE = r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:also|further|again|\w+ly)\s+)?"
# Opening the sentence, after a linking word or not: "It was noted that …".
# ("As stated in the message, …", "As was informed, …": the same passive, opened by "As")
_IMPERSONAL = regex.compile(
    r"[\W_]*(?:(?:But|And|Also|Further|Moreover|In\s+addition),?\s+)?"
    r"(?:It" + _PASSIVE + r"|As\s+(?:it\s+)?(?:(?:is|was|has\s+been|had\s+been)\s+)?(?:also\s+)?)\Z")
# After what was said: "…, it was noted at the briefing", "…, it was specified by her".
_TRAILING = regex.compile(r"it" + _PASSIVE)
_BY = regex.compile(r"\s+by\s+")
_WEIGHT = 0.8  # inferred, not stated: below a pronoun's sure resolution
# How far into the sentence before its subject's name may be (after a long office).
_SUBJECT_REACH = 120
# Only capitalised words and lower-case links before the name: it opens the sentence.
_OPENS_SENTENCE = regex.compile(r"(?:[\p{Lu}\d][\p{L}\p{M}\d.’'-]*[ \u00a0]+|(?:of|the|and|for)[ \u00a0]+)*\Z")


def impersonal_source(layout: Layout, people: People, attribution: Attribution,
                      sentence: int, paragraph: int) -> tuple[Resolved, Attribution] | None:
    """The source of an impersonal passive report, or None when the cue is not one."""
    cue = attribution.cue
    text = layout.text
    mention = attribution.mention
    trailing = cue is not None and mention is not None and trailing_passive(text, mention, cue)
    if cue is None or (mention is not None and not trailing):
        return None
    s0 = layout.sentences[sentence][0]
    if not trailing and not _IMPERSONAL.match(text, s0, cue.start):
        return None
    verb_end = cue.start + len(text[cue.start:cue.end].split(" ", 1)[0])
    by = _BY.match(text, verb_end, cue.end + 1) or _BY.match(text, cue.end)
    if by is not None:  # "It was stressed by the minister that …"
        mention = mention_after(text, by.end(), layout.sentences[sentence][1])
        if mention is not None:
            return resolve(people, mention, mention.start), replace(
                attribution, mention=mention, rule="impersonal passive by, report")
    turn = _statement_before(layout, people, paragraph, s0)
    if turn is None:
        return _actor_before(layout, people, attribution, sentence)
    why = (f'impersonal "{text[s0:cue.end].strip()}": continues the statement by {turn.speaker} '
           f"at offset {turn.start}, the source right before it")
    return Resolved(turn.speaker, turn.role, "continuation", why, _WEIGHT), replace(
        attribution, mention=turn.mention, rule="impersonal passive, report")


def trailing_passive(text: str, mention: Mention, cue: Cue) -> bool:
    """"…, it was (also) noted …": the mention is the "it" of an impersonal passive written after
    what was said, whose cue is its speech verb; no pronoun for a body."""
    return mention.kind == "pronoun" and bool(_TRAILING.fullmatch(text, mention.start, cue.start))


def _actor_before(layout: Layout, people: People, attribution: Attribution,
                  sentence: int) -> tuple[Resolved, Attribution] | None:
    """"Prime Minister Ivo Marr instructed the government to … . It was emphasized that …":
    with no statement before it, the person named as the subject of the sentence right
    before, in the same paragraph, whose act the passive goes on to describe."""
    if sentence == 0 or layout.sentence_paragraph[sentence - 1] != layout.sentence_paragraph[sentence]:
        return None
    p0 = layout.sentences[sentence - 1][0]
    s0 = layout.sentences[sentence][0]
    found = people.subject_before(s0)
    if found is None or not p0 <= found[0] < p0 + _SUBJECT_REACH:
        return None
    at, entity = found
    if people.introduced(at + 1, s0, entity.name) or _OPENS_SENTENCE.match(layout.text, p0, at) is None:
        return None  # (someone else named since, or the name is no subject: "On Friday, …")
    text = layout.text
    why = (f'impersonal "{text[s0:attribution.cue.end if attribution.cue else s0].strip()}": goes on from '
           f"the sentence before, whose subject is {entity.name} (offset {at}); no statement before it")
    return Resolved(entity.name, entity.role, "continuation", why, _WEIGHT * _WEIGHT), replace(
        attribution, rule="impersonal passive, report")


def _statement_before(layout: Layout, people: People, paragraph: int, pos: int) -> Turn | None:
    """The current statement, when it ends in this paragraph or the prose one before,
    with nobody else introduced between it and pos."""
    turn = people.current
    if turn is None or turn.end > pos:
        return None
    if turn.paragraph != paragraph and turn.paragraph != layout.prose_before(paragraph):
        return None
    if people.introduced(turn.end, pos, turn.speaker):
        return None
    return turn
