"""Reports marked by a phrase rather than by a speech verb after its subject:
"According to X, …" and "…, according to X", "X: …" at the head of a line,
"This was stated by X" (whose content is the sentence before) and "In the opinion
of X, …" (`quotes.sources`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.cue_words import (
    DESCRIBING_PREPOSITIONS,
    PREPOSITIONS,
    Cue,
    according_to,
    cues_in,
    opens_with_mark,
    reporting_form,
)
from quotes.cues import Attribution
from quotes.office_subjects import holder_in, office_after, office_to_comma, styled_holder
from quotes.report_content import NOT_SUBJECTS, Report, Span, clause_word, looks_like_clause, trimmed
from quotes.sources import pronoun_after, source_first_report
from quotes.speakers import Mention, mention_before
from quotes.subjects import skip
from quotes.tokens import is_role_noun, is_word, tokens

_PASSIVE = regex.compile(
    r"\b(?:(?:[Tt]his|[Tt]hat)\s+(?:(?P<noun>\p{Ll}+)\s+)?(?:was|has been|had been|is)"
    r"|[Tt]hese\s+(?P<noun>\p{Ll}+)\s+(?:were|have been|had been|are))\s+"
    # ("This was announced on Wednesday by …", "stated at a sitting of the regional council
    # on Monday by …": an adverbial before "by", no clause of its own in it)
    r"(?:(?:\w+ly|also|further|first|later|earlier|then|again)\s+)?(?P<verb>\w+)"
    r"(?:\s+(?!(?:by|that|which|who)\b)[\w’'-]+){0,12}?\s+by\b")


def source_first(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """"In the opinion of X, …", "As X noted, …", "In his view, …" (quotes.sources)."""
    found = source_first_report(text, sentence, previous)
    return Report(*found) if found else None


def according_to_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """According to the NATO Secretary General, the alliance … / …, according to officials."""
    s0, s1 = sentence
    match = according_to(text, s0, s1) or _as_by_opening(text, sentence, previous)
    if not match:
        return None
    mention = (pronoun_after(text, match.end(), s1) or mention_after(text, match.end(), s1)
               or _source_phrase(text, match.end(), s1))
    if mention is None:
        return None
    mention = _noun_after_modifier(text, mention, s1)
    if not text[s0:match.start()].strip() and not text.startswith(",", mention.end) and (
            office := office_to_comma(text, mention.start, s1)) is not None:
        mention = styled_holder(text, office, s1) or office  # "According to the chairman of the … of
        # Dell province Ana Mure, …"; "According to the commissioner of …, Mr. Ivo Marr, …"
    if not text[s0:match.start()].strip() and mention.kind == "role" and text.startswith(",", mention.end):
        # "According to the chairman of …, Le Van Hieu, …"
        mention = _holder_apposed(text, mention, s1) or mention
    source_end = mention.end
    if (owner := _figures_owner(text, mention, s1)) is not None:
        mention, source_end = owner  # "according to exporters' estimates": the exporters
    cue = Cue(match.start(), match.end(), "according to")
    attribution = Attribution(mention, cue, "according to, report", 0.85)
    if not text[s0:match.start()].strip():
        start = _past_apposition(text, source_end, s1) or _past_source_modifier(text, source_end, s1)
        content = trimmed(text, start, s1)
        return Report((content,), attribution) if content else None
    lead = trimmed(text, s0, match.start())
    rest = trimmed(text, source_end + 1, s1) if text.startswith(",", source_end) else None
    # A lead that is only an adverbial ("But the next day,") is not said; a lead ending
    # in "that" ("It should be noted that, according to …") is the frame of the clause
    # after the source, not a piece of it.
    words = text[lead[0]:lead[1]].split() if lead else []
    keep = bool(words) and (words[0].casefold() not in PREPOSITIONS | NOT_SUBJECTS or (
        lead is not None and _clause_after_opening(text, lead))) and words[-1].casefold() != "that"
    if rest is not None and keep and _describes_source(text, *rest):
        rest = None  # "…, according to Tallyboard, a start-up that counts pledges": no content
    if rest is not None and keep and _REMARK.match(text, rest[0]):
        rest = None  # "Inflation reached 9%, according to the institute, well above the target": a remark
    if rest is not None and keep and (part := _PART_OF.match(text, rest[0])) and (
            part.group(1) in ("which", "whom") or not looks_like_clause(text, rest[0], rest[1])):
        rest = None  # "…, according to the co-op, most of which is sold abroad", "…, most of them on
        # the night shift": the writer's words on a part of what was counted, no second piece
    if rest is not None and len(text[rest[0]:rest[1]].split()) >= 2:
        # "Membership, according to the club, has doubled": the cue sits inside what was said
        return Report((lead, rest) if keep and lead else (rest,), attribution)
    return Report((lead,), attribution) if lead else None


def _holder_apposed(text: str, office: Mention, end: int) -> Mention | None:
    """"According to the chairman of the … committee of Dell district, | Le Van Hieu, | …":
    an office that ends at a comma, then its holder's name alone up to the next comma
    (two capitalised words or more); the holder speaks, the office is the role. A
    clause after the comma ("…, Ana Mure said") or a lower-case word is no such name."""
    closing = text.find(",", office.end + 1, min(end, office.end + 60))
    if closing < 0:
        return None
    words = text[office.end + 1:closing].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    holder = holder_in(text, office.start, closing)
    if holder is None or holder.name is None or holder.name[0] <= office.end or holder.name[1] != closing:
        return None
    return holder


# "As reported by", "As it was noted by": a passive speech verb opening the sentence.
_AS_BY = regex.compile(r"[\s“\"‘'«(]*(?:(?:But|And|Yet)\s+)?As\s+(?:it\s+)?"
                       r"(?:(?:is|was|has\s+been|had\s+been)\s+)?(?:also\s+)?(?P<verb>[a-z]+ed)\s+by(?=\s)")


def _as_by_opening(text: str, sentence: Span, previous: Span | None) -> regex.Match[str] | None:
    """"As reported by the press service of the Vell district council, …", "As noted by
    the Chairman of …, Ana Mure, …": a source the short reading of quotes.sources leaves
    (its words do not end at the comma) is read as after "According to"."""
    match = _AS_BY.match(text, *sentence)
    if match is None:
        return None
    form = lexicon.speech_verbs().get(match.group("verb"))
    if form is None or form.stance or source_first_report(text, sentence, previous) is not None:
        return None  # ("As followed by …": no speech; the short reading found it)
    return match


# "Under the bill, | seven of the nine members would be …": an opening adverbial and a comma
_OPENING_COMMA = re.compile(r"[^,;:“”\"]{2,60}?,\s+")


def _clause_after_opening(text: str, lead: Span) -> bool:
    """A lead that opens with a preposition or "But" and then states a clause of its own
    ("Under the bill, seven members would be named by the ministry", "But the ferry is
    due to …") is said; "But the next day," alone is not."""
    opening = _OPENING_COMMA.match(text, *lead)
    start = opening.end() if opening else lead[0] + len(text[lead[0]:lead[1]].split(None, 1)[0])
    return len(text[start:lead[1]].split()) >= 4 and looks_like_clause(text, start, lead[1])


@cache
def _figures() -> regex.Pattern[str]:
    """"(the) exporters' | ministry's (preliminary) estimates (published) by|of|from X"."""
    nouns = "|".join(sorted(lexicon.words("source_figures"), key=len, reverse=True))
    return regex.compile(
        r"(?:(?P<the>(?:the|its|their)[ \u00a0]+)?(?P<owner>(?P<modifier>\p{Ll}+[ \u00a0]+)?\p{L}[\p{L}.&-]*)"
        r"(?:[’']s|(?<=s)[’'])[ \u00a0]+"
        r"|(?:the|its|their)[ \u00a0]+)?"
        rf"(?:[\p{{Ll}}-]+[ \u00a0]+){{0,2}}?(?:{nouns})\b"
        r"(?P<by>[ \u00a0]+(?:(?:published|released|issued|compiled|provided|announced)[ \u00a0]+)?"
        r"(?:of|by|from)[ \u00a0]+)?")


def _figures_owner(text: str, mention: Mention, end: int) -> tuple[Mention, int] | None:
    """The body or group whose figures are the source, and where the source's words end:
    "exporters' estimates" → exporters, "the ministry's estimates" → the ministry,
    "estimates of the Grain Exchange of Porto Velho", "preliminary results published by
    the Electoral Commission" → the body named after them."""
    if mention.kind != "role":
        return None
    found = _figures().match(text, mention.start, end)
    if found is None or (found.group("owner") is None) == (found.group("by") is None):
        return None
    if found.group("by"):
        # (not "of the exit poll", "of the damage"; "from the energy and mines ministry" up to its comma)
        owner = mention_after(text, found.end(), end) or _source_phrase(text, found.end() - 1, end)
        if owner is None or not (owner.kind == "name" or _heads_with_speaker(text, owner)):
            return None
        return owner, max(owner.end, mention.end)
    start = found.start("the") if found.group("the") else found.start("owner")
    if found.group("owner")[:1].isupper():
        owner = mention_after(text, start, found.end("owner"))
        return (owner, found.end()) if owner is not None and owner.kind == "name" else None
    words = text[start:found.end("owner")]
    if found.group("modifier") and words.split()[-1].casefold() not in _owner_nouns():
        return None  # ("the central bank's own data", not "last year's figures")
    return Mention(start, found.end("owner"), "role", None, words), found.end()


def _heads_with_speaker(text: str, owner: Mention) -> bool:
    """"estimates by Ostrel's central bank", "data from the energy ministry": a description
    whose last word is a body's or a person's noun can own figures ("of the damage" cannot)."""
    words = text[owner.start:owner.end].split()
    return owner.kind == "role" and bool(words) and words[-1].casefold() in _owner_nouns()


@cache
def _owner_nouns() -> frozenset[str]:
    """Nouns of those who can publish figures: bodies and people (not "the exit poll",
    whose results stay the source as written)."""
    return (lexicon.every_word("body_kinds") | lexicon.words("org_words") | lexicon.words("person_nouns")
            | lexicon.words("unnamed_sources"))


# After "…, according to X," the writer's remark on a figure, not a second piece of what
# X said: "well above the target", "up from 7%", "making it the deadliest year since …".
_REMARK = re.compile(r"(?:well|far|up|down|slightly|sharply|compared|above|below|roughly|nearly|almost"
                     r"|enough)\b|[a-z]+ing\s+(?:it|this|that|them|the)\b")


# A part of what the lead counted: "most of which", "many of them", "two of whom".
_PART_OF = re.compile(r"(?:most|many|some|all|none|each|much|half|both|several|few|one|two|three|four|five"
                      r"|\d+(?:\s*(?:%|per\s*cent|percent))?)\s+of\s+(which|whom|them|those|these)\b")


# "… Serelian | diplomacy,": one or two lower-case nouns up to the source's comma.
_TIMES = lexicon.tagged("time_words", "adverb")
_NOUN_TO_COMMA = regex.compile(r"(?:[ \u00a0]+(\p{Ll}[\p{Ll}-]+)){1,2}(?=,)")


def _noun_after_modifier(text: str, mention: Mention, end: int) -> Mention:
    """"According to the head of Serelian diplomacy, …": a description read up to a
    capitalised modifier ("Serelian") goes on to the noun it modifies, up to the comma."""
    if mention.kind != "role" or not text[mention.end - 1:mention.end].isalpha() or not (
            text[mention.start:mention.end].split()[-1][:1].isupper()):
        return mention
    m = _NOUN_TO_COMMA.match(text, mention.end, end)
    if m is None or any(w in lexicon.speech_verbs() or w in lexicon.words("irregular_past") or w.endswith("ed")
                        or w in _TIMES for w in m.captures(1)):
        return mention
    return Mention(mention.start, m.end(), "role", None, text[mention.start:m.end()])


# What opens an apposition or relative clause about the source after "according to X,".
_APPOSITION_OPENERS = lexicon.words("relatives") | lexicon.tagged("determiners", "article", "possessive") | {
    "one", "another", "including"}
_RELATIVE_WORD = re.compile(r"\s(?:who|which|that|whose)\s")
_INNER_CLAUSE = re.compile(r"\s(?:since|after|before|when|until|because)\s")


def _describes_source(text: str, start: int, end: int) -> bool:
    """"…, according to Brian Holt, an analyst at Pivotal" / "…, who advised the campaign"
    / "…, including one released Thursday": what follows the source's comma describes
    the source, unless it is a clause ("According to aides, the plan will fail")."""
    words = text[start:end].split(None, 1)
    if words and words[0].islower() and words[0] in lexicon.words("roles"):
        # "…, according to Ana Lee, | convener of the transport committee": a role noun
        # with no article, then no verb
        return not _finite_verb(text, start, end)
    if not words or words[0].casefold() not in _APPOSITION_OPENERS:
        return False
    if words[0].casefold() in ("who", "whom", "whose", "which", "where", "including"):
        return True
    relative = _RELATIVE_WORD.search(text, start, end)  # "a start-up that counts pledges"
    # ("the highest toll | since records began": a clause inside the phrase is its own)
    inner = _INNER_CLAUSE.search(text, start, end)
    stop = min(relative.start() if relative else end, inner.start() if inner else end)
    return not looks_like_clause(text, start, stop) or not _finite_verb(text, start, stop)


def _finite_verb(text: str, start: int, end: int) -> bool:
    """Does a verb of a clause of its own come in text[start:end], past the participles
    that only describe a noun ("based in", "Vienna-based", "led by")?"""
    toks = [t for t in tokens(text, start, min(end, start + 160)) if is_word(t)]
    for t, after in zip(toks, [*toks[1:], None], strict=True):
        if clause_word(t):
            return True
        if t.key.endswith("ed") and "-" not in t.key and not (
                after is not None and after.key in DESCRIBING_PREPOSITIONS):
            return True
    return False


# "According to a survey | released Thursday by the Harbor Institute, | most voters …": a
# participle, a preposition or a relative "who" continues the source up to the comma.
_SOURCE_MODIFIER = re.compile(
    r"[ \t]+(?:[a-z]+ed|by|from|of|in|at|on|for|with|who)\b[^,;:“”\"\n]{0,160}?,[ \t]")


# "According to Ana Lee, | an economist at the Vell Institute, | the plan …": a description
# of the source between two commas.
_RELATIVES = lexicon.words("relatives")
_APPOSED = re.compile(r",[ \t]+([^,;:“”\"«»\n]{1,160}?),[ \t]")


def _past_apposition(text: str, pos: int, end: int) -> int | None:
    """Where the content of a leading "According to X, …" starts when a description of
    X set off by commas comes first ("According to Ana Lee, a researcher at …, most …"),
    and no relative clause or preposition follows it; None when there is no such description."""
    apposed = _APPOSED.match(text, pos, end)
    if apposed is None or not _describes_source(text, apposed.start(1), apposed.end(1)) or not any(
            is_role_noun(t) for t in tokens(text, apposed.start(1), apposed.end(1))):
        return None  # ("According to officials, the bridge, which …": the clause's own subject)
    rest = [t for t in tokens(text, apposed.end(), min(end, apposed.end() + 40)) if is_word(t)]
    return apposed.end() if rest and rest[0].key not in _RELATIVES and rest[0].key not in PREPOSITIONS else None


def _past_source_modifier(text: str, pos: int, end: int) -> int:
    """Where the content of a leading "According to X …," starts: after a modifier of
    the source that runs to the comma, if there is one."""
    modifier = _SOURCE_MODIFIER.match(text, pos, end)
    if modifier is None:
        return pos
    words = [t for t in tokens(text, pos, modifier.end()) if is_word(t)]
    if words[0].key == "who":
        return modifier.end()  # "According to an official who asked for anonymity because …, | the …"
    if not words[0].key.endswith("ed") and any(clause_word(t) or t.key.endswith("ed") for t in words[1:]):
        return pos  # ("According to officials in the city the plan failed, …": the clause is there)
    return modifier.end()


_SOURCE_PHRASE = re.compile(r"\s+((?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?"
                            r"[\w’'-]+(?:\s+[\w’'-]+){0,7}?)(?=\s*(?:[,.;:!?]|$))")


def _source_phrase(text: str, pos: int, end: int) -> Mention | None:
    """"according to early returns", "according to his biography": after "according to",
    any short noun phrase closed by punctuation is the source."""
    match = _SOURCE_PHRASE.match(text, pos, end)
    if match is None or match.group(1).split()[0].casefold() in PREPOSITIONS | NOT_SUBJECTS:
        return None
    return Mention(match.start(1), match.end(1), "role", None, match.group(1))


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+")


def colon_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """Insiders: Brandt will rebound in New Hampshire. / Senator Jo Reyes: the plan is dead.
    A sentence opened by a speaker and a colon reports the clause after it."""
    s0, s1 = sentence
    s0 = skip(text, s0, s1, " \t\r\n\u00a0")
    if not _colon_near(text, s0, s1):
        return None  # (most sentences: no speaker search needed)
    mention = mention_after(text, s0, min(s1, s0 + 80))
    if mention is None or mention.start != s0:
        return None
    colon = _COLON_AFTER.match(text, mention.end, s1)
    if colon is None or opens_with_mark(text, colon.end()) or not looks_like_clause(text, colon.end(), s1):
        return None  # (a quotation after the colon is a direct quote's: "Jo Reyes: “…”")
    if not _heads_a_line(text, mention):
        return None
    content = trimmed(text, colon.end(), s1)
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


# (The surname in a lookahead: pairs overlap, "Councillor Tomas Varga" gives "Tomas" and "Varga".)
_GIVEN_AND_SURNAME = regex.compile(r"\b(\p{Lu}\p{Ll}+)[ \t]+(?=(\p{Lu}[\p{L}’'-]{1,40})\b)")


@lru_cache(maxsize=4)
def _full_name_surnames(text: str) -> frozenset[str]:
    """Last words of "Given Surname" pairs in text: read once per article."""
    skip = lexicon.words("not_names") | lexicon.words("titles")
    return frozenset(m.group(2) for m in _GIVEN_AND_SURNAME.finditer(text) if m.group(1).casefold() not in skip)


def passive_by_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """NATO is ready …. This was stated by Ivar Stokkeland: the content is the sentence before."""
    s0, s1 = sentence
    match = _PASSIVE.match(text, s0, s1)
    if not match or previous is None or not _passive_reports(match):
        return None
    mention = mention_after(text, match.end(), s1)
    if mention is None or mention.kind == "role":
        mention = office_after(text, match.end(), s1) or mention  # "by First Vice-President of … H.E. Ana Mure"
    elif mention.kind == "name" and (mention.role is None or " of " in mention.role) and (
            office := office_after(text, match.end(), s1)) is not None and office.name is not None and (
            office.name[0] >= mention.end):
        mention = office  # ("by the Minister of Ports and Inland Shipping of Selin, Mr. Jaromir Kostal": the
        # capitalised office read as a name, its holder after it; "… of Lesvos of the North Aegean
        # Region, Mr. …": its place read as a name with the office before it its role)
    content = trimmed(text, *previous)
    if mention is None or content is None:
        return None
    cue = Cue(match.start(), match.end(), "passive")
    return Report((content,), Attribution(mention, cue, "report, this was stated by", 0.85))


def _passive_reports(match: regex.Match[str]) -> bool:
    """"This was stated by", "This information was given by": a speech verb, or with a
    noun of what was said (lexicons/said_things.txt) a verb that passes it on; another
    noun ("This bridge was built by") reports nothing."""
    verb, noun = match.group("verb"), match.group("noun")
    if noun is None:
        return verb in lexicon.speech_verbs()
    passes_on = verb in lexicon.speech_verbs() or verb in lexicon.words("giving_verbs")
    return noun in lexicon.words("said_things") and passes_on


# "… Nino Abashidze | announced this | during a visit …": a past speech verb whose
# object "this" points back, then the sentence's end or an adverbial (not "said this week").
_THIS_OBJECT = regex.compile(
    r"[ \t]+(?:(?:also|later|first)[ \t]+)?(?P<verb>[a-z]+ed|said|told|wrote)[ \t]+this"
    r"(?=[ \t]*[.!?]|[ \t]+(?:at|on|in|during|after|before|while|when|to|yesterday|today)\b)")


def this_object_report(text: str, sentence: Span, previous: Span | None) -> Report | None:
    """The tariff will rise …. The Minister of … Ana Mure announced this on Monday: the
    active form of "This was announced by …", whose content is the sentence before, when
    that sentence reports nothing of its own ("X has assured the nation that …. The Head
    of State said this on Thursday" restates who said it)."""
    s0, s1 = sentence
    if previous is None or text.find(" this", s0, s1) < 0:
        return None  # (nearly every sentence)
    match = _THIS_OBJECT.search(text, s0, s1)
    if match is None:
        return None
    form = reporting_form(match.group("verb"))
    if form is None:
        return None
    mention = mention_before(text, s0, match.start())
    opening = text[s0:mention.start].strip(" \t\n“\"‘'«(").casefold() if mention is not None else ""
    if mention is None or mention.kind == "pronoun" or opening not in ("", "the") or cues_in(text, *previous):
        return None  # (the subject opens the sentence; "She said this …" points to her own report)
    content = trimmed(text, *previous)
    if content is None:
        return None
    cue = Cue(match.start("verb"), match.end(), "this")
    return Report((content,), Attribution(mention, cue, "report, X said this", 0.8))
