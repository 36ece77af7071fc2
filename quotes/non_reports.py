"""Speech verbs that report no statement of anyone's.

- The reporter's own aside: "It should be recalled that …", "It must be noted that …"
  (a modal before the passive: the writer reminds the reader; "It was noted that"
  reports a source, and is read elsewhere).
- A question left unanswered: "did not say who …", "would not say whether …",
  and a cue inside it ("did not say who it believed was behind …").
- An instruction to the subject, with no speaker: "is asked to call", "have been
  warned to expect" (the subject is the one told, the content what they should do).
- A request for anonymity: "who asked not to be named", "asking that her name not be
  used" describes the source of the statement that follows; it is neither content nor
  a statement of its own.
- The writer's asides ("Let us recall that …", "It is worth noting that …", "As
  reported earlier, …", "As <the dateline's agency> reported, …") and a figure with no
  words ("has offered 6.5%").
"""

from __future__ import annotations

import re

import regex

from quotes import lexicon
from quotes.cue_words import Cue
from quotes.cues import Attribution

Span = tuple[int, int]

_MODAL_PASSIVE = re.compile(
    r"\b[Ii]t\s+(?:should|must|can|could|may|might|needs?\s+to|has\s+to|is\s+to)\s+(?:also\s+)?be\s+"
    r"(?:\w+ly\s+)?$")
# A negation and an adverb before a verb: "did not say", "has never publicly said".
_NEGATION = r"(?:\bnot|n[’']t|\bnever)\s+(?:\w+ly\s+)?"
_QUESTION_WORDS = "who|whom|what|which|when|where|why|how|whether|if"
_NEGATED = re.compile(_NEGATION + "$")
_QUESTION = re.compile(rf"(?:{_QUESTION_WORDS}|whose)\b")
# "did not say who it believed | was behind …": the cue's own clause is the question.
_INSIDE_QUESTION = re.compile(_NEGATION + rf"\w+\s+(?:{_QUESTION_WORDS})\s+(?:[\w’'-]+\s+){{1,3}}$")
_INSTRUCTION = re.compile(r"(?:not\s+)?to\s")
# A name kept out: "(asked) that her name not be used", "that their names should not be published".
_NAME_WITHHELD = (r"names?\s+(?:should\s+)?not\s+be\s+"
                  r"(?:used|published|given|printed|revealed|disclosed|identified)")
_ANONYMITY = re.compile(
    r"(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous|for\s+anonymity)\b")
_NAME_REQUEST = re.compile(r"that\s+(?:his|her|their|my|our)\s+(?:full\s+|last\s+)?" + _NAME_WITHHELD + r"\b")
_ASKING = frozenset("ask asks asked asking request requests requested requesting".split())
# The words a request for anonymity ends with, right before the cue.
_ANONYMITY_WORDS = r"(?:named|identified|quoted|anonymous|anonymity|publicly|record|" + _NAME_WITHHELD + ")"
_ANONYMITY_ENDS = _ANONYMITY_WORDS + r"\s*,?\s*$"
# The reason given for it, up to the comma before the cue: "… not to be named because
# he was not authorised to speak to the media, | said".
_REASON = r"(?:\s+(?:because|as|since)\s+[^,;:“”\"«»()]{1,120}?)?"
# "who asked | not to be named", "which spoke on condition of | anonymity": the request, to its last word.
# ("…, speaking on condition of anonymity because …, said": a participle makes the same request)
_REQUEST = (r"(?:(?:who|which)\s+(?:\w+ly\s+)?(?:asked|requested|spoke|declined"
            r"|was\s+not\s+authori[sz]ed)|(?P<participle>speaking|asking))(?:\s+[\w’'-]+){0,8}?\s+")
# "…, an official who asked not to be named said", "…, and who asked not to be named
# because …, said": the clause a cue must look past.
_ANONYMITY_CLAUSE = re.compile(
    r",?\s+(?P<joined>and\s+)?" + _REQUEST + _ANONYMITY_WORDS + _REASON + r"\s*,?\s*$")
_ANONYMITY_END = re.compile(_ANONYMITY_ENDS)
# (the shorter clause read first, as before the reason was read: "who asked not to be named")
_ANONYMITY_REQUEST = re.compile(r",?\s+" + _REQUEST + _ANONYMITY_ENDS)
_COMMA_END = re.compile(r",\s*$")
_COMMA_NEXT = re.compile(r"\s*,")
_RELATIVE = re.compile(r",?\s+(?:who|which)\s")


def reports_nothing(text: str, pieces: tuple[Span, ...], attribution: Attribution, floor: int) -> bool:
    """Does this report, found from its cue, say nothing anyone said?"""
    cue = attribution.cue
    if cue is None or not pieces:
        return False
    content = pieces[-1][0]
    before = text[max(floor, cue.start - 40):cue.start]
    if attribution.mention is None and _MODAL_PASSIVE.search(before):
        return True
    if writers_aside(text, floor, cue.start):
        return True
    if not any(ch.isalpha() for s, e in pieces for ch in text[s:e]):
        return True  # "has offered 6.5%": a figure, no statement
    if _NEGATED.search(before) and _QUESTION.match(text, content):
        return True
    if _INSIDE_QUESTION.search(text, max(floor, cue.start - 60), cue.start):
        return True
    if asks_anonymity(text, attribution, content):
        return True
    if pleads_to_charge(text, cue, content) or shows_nothing_said(text, attribution, content):
        return True
    return attribution.rule == "passive cue, report" and bool(_INSTRUCTION.match(text, content))


def asks_anonymity(text: str, attribution: Attribution, content: int) -> bool:
    """"asked not to be named", "asking that her name not be used (because …)": a request
    to keep the source's name out, no statement; a reason given in it ("because he feared
    he would lose the job") is the request's too, no one's report."""
    cue = attribution.cue
    if _ANONYMITY.match(text, content):
        return True
    return cue is not None and text[cue.start:cue.end].split(" ", 1)[0].casefold() in _ASKING and (
        _NAME_REQUEST.match(text, content) is not None)


def _offences() -> str:
    phrases = sorted(lexicon.lines("offences"), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


# A charge: a count of an offence ("nine counts of fraud", "a further charge of") or an
# offence named (lexicons/offences.txt), not the subject of a clause ("theft was rising").
_CHARGE = re.compile(
    r"(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|several"
    r"|multiple)\s+(?:\w+\s+)?(?:counts?|charges?|offences?|offenses?)\s+of\b"
    rf"|(?i:{_offences()})\b(?!\s+(?:was|were|is|are|had|has|have|would|could|will)\b))")
_PLEA = re.compile(r"guilty\s+to\s+")


def pleads_to_charge(text: str, cue: Cue, content: int) -> bool:
    """"admitted nine counts of fraud", "who admitted burglary at an earlier hearing,",
    "who pleaded guilty to two counts of arson,": a defendant's plea names the charge, no
    statement ("admitted she had lied" and "pleaded not guilty" report one)."""
    if cue.base == "admit":
        return _CHARGE.match(text, content) is not None
    plea = _PLEA.match(text, content) if cue.base == "plead" else None
    return plea is not None and _CHARGE.match(text, plea.end()) is not None


# What a face or a manner shows, not a statement: "showed no emotion as …", "showed little remorse".
_FEELING_SHOWN = re.compile(r"(?:no|little|any|some|visible)\s+(?:emotion|remorse|reaction|regret|flicker)\b")


def shows_nothing_said(text: str, attribution: Attribution, content: int) -> bool:
    """"Pell showed no emotion as …", "after CCTV showed his van parked …": "show" reports
    a finding of figures or polls, but not a feeling shown, nor what a camera recorded."""
    if attribution.cue is None or attribution.cue.base != "show":
        return False
    if _FEELING_SHOWN.match(text, content):
        return True
    words = attribution.mention.text(text).split() if attribution.mention is not None else []
    return bool(words) and words[-1].casefold() in lexicon.words("recorders")


# A body's own size or membership: "it represents some 2,000 …", "they have about 900 …",
# "it speaks for more than 4,000 …".
_OWN_SIZE = re.compile(
    r"(?:it|they)\s+[a-z]+\s+(?:for\s+)?(?:(?:" + "|".join(sorted(lexicon.words("approximators")))
    + r"|some|over|more\s+than|up\s+to|as\s+many\s+as)\s+)?\d")


def own_size(text: str, start: int, end: int) -> bool:
    """Does the content text[start:end] only tell how big the speaker is, in a relative
    clause closed by a comma inside its subject ("The union, which says it represents
    about 9,000 nurses, | said …")? There it is the writer's background to the main
    clause, nobody's report."""
    return _OWN_SIZE.match(text, start, end) is not None and _COMMA_NEXT.match(text, end) is not None


# The writer's own asides: "Let us recall that …", "It is worth noting that …".
_WRITER_ASIDE = re.compile(r"(?:\bLet(?:\s+us|[’']s)|\b[Ii]t\s+(?:is|was)\s+(?:also\s+)?worth)\s+$")
# "As reported earlier, …", "As TauInform reported earlier, …": the outlet's back-reference.
_AS_REPORTED = regex.compile(
    r"[\W_]*As\s+(?:(?P<outlet>\p{Lu}[\p{L}\d&-]*(?:\s+\p{Lu}[\p{L}\d&-]*){0,3})\s+)?"
    r"(?:(?:has|had|was)\s+)?(?:(?:earlier|previously|already)\s+)?reported\b(?!\s+by\b)[^,.;:]{0,30},")
# (not "As reported by X, …": X's report, as PolNeAR marks it)
_DATELINE_REACH = 300


def writers_aside(text: str, floor: int, pos: int) -> bool:
    """Is the cue at pos the writer's own aside ("Let us recall", "As reported earlier")?"""
    return _WRITER_ASIDE.search(text, max(floor, pos - 40), pos) is not None or (
        _as_own_outlet_reported(text, floor, pos))


def _as_own_outlet_reported(text: str, floor: int, pos: int) -> bool:
    """The cue at pos sits in "As reported (earlier), …" or "As <the outlet of the
    article's dateline> reported, …": the article refers back to its own coverage,
    nobody's statement ("As the ministry reported, …" names a source and is read)."""
    match = _AS_REPORTED.match(text, floor)
    if match is None or pos >= match.end():
        return False
    outlet = match.group("outlet")
    return outlet is None or regex.search(r"[(/]\s*" + regex.escape(outlet) + r"\s*[)/]",
                                          text[:_DATELINE_REACH]) is not None


def before_anonymity_clause(text: str, floor: int, pos: int) -> int:
    """Where the speaker's words end before "… who asked not to be named | said": the
    start of that clause, else pos."""
    if not _ANONYMITY_END.search(text, max(floor, pos - 14), pos):
        return pos  # (most cues: the clause's last word is not right before them)
    match = _ANONYMITY_REQUEST.search(text, max(floor, pos - 90), pos)
    return _before_described(text, floor, match) if match else pos


def _before_described(text: str, floor: int, match: re.Match[str]) -> int:
    """Where a request's clause starts, or, for a participle ("A fisherman who helped
    …, | speaking on condition of anonymity, told …"), the relative clause before it
    that describes the same speaker."""
    if match.group("participle") or match.groupdict().get("joined"):
        firsts = [m.start() for m in _RELATIVE.finditer(text, max(floor, match.start() - 150), match.start())]
        if firsts:
            return firsts[-1]
    return match.start()


def before_request_with_reason(text: str, floor: int, pos: int) -> int:
    """The same for a request with its reason ("… not to be named because he was not
    authorised to speak to the media, | said") or joined to an earlier relative clause
    ("a welder who has worked there …, and who asked not to be named, | said": the
    first clause's start), else pos. Read where the shorter readings found no speaker."""
    if not _COMMA_END.search(text, max(floor, pos - 3), pos):
        return pos
    match = _ANONYMITY_CLAUSE.search(text, max(floor, pos - 240), pos)
    return pos if match is None else _before_described(text, floor, match)
