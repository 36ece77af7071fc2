"""Reports whose cue comes after their content: "NATO is ready …, sources said.",
"…, said Smith, a spokesman for …", "Climate change, he says, is …".

The content before the cue (the lead) and any after it; where a lead ends and
a trailing adverbial ("in a statement on Tuesday") or an apposition begins.
"""

from __future__ import annotations

import re

from quotes import lexicon
from quotes.adverbials import DAYS, OPENERS
from quotes.after_cue import mention_after
from quotes.appositions import subject_with_apposition
from quotes.cue_words import (
    CLOSING_MARKS,
    DESCRIBING_PREPOSITIONS,
    PREPOSITIONS,
    QUOTE_MARKS,
    Cue,
    is_past_form,
    with_object,
)
from quotes.cues import Attribution
from quotes.framing import framing_phrase
from quotes.impersonal import trailing_passive
from quotes.mention_words import clean_role
from quotes.names import Mention
from quotes.non_reports import before_anonymity_clause
from quotes.noun_phrases import CLAUSE_OPENERS
from quotes.office_subjects import office_subject, office_subject_before
from quotes.report_content import (
    MAX_CONTENT,
    NOT_SUBJECTS,
    REPORTING,
    Report,
    Span,
    clause_word,
    looks_like_clause,
    speech_participle_ahead,
    trimmed,
)
from quotes.speakers import mention_before
from quotes.subjects import THAT, coordinated_before, noun_phrase_subject
from quotes.tokens import (
    FUNCTION_WORDS,
    Token,
    is_capitalised,
    is_modifier,
    is_people_noun,
    is_possessive,
    is_role_word,
    is_word,
    tokens,
)

# "as" between a lead's comma and the cue's subject: "…, as the researcher noted."
_AS_BEFORE = re.compile(r"(?<=,)[ \t]+as[ \t]+$")
# The cue closes its sentence: "…, as Ana Lee said." (not "…, as she said goodbye").
_SENTENCE_END = re.compile(r"[ \t]*[.!?][\"”’']?[ \t]*$")


def _ends_sentence(text: str, pos: int, s1: int) -> bool:
    return _SENTENCE_END.match(text, pos, s1) is not None or pos >= s1


def _names_a_stance(cue: Cue) -> bool:
    """A verb whose "as X …" says how, not what was said: "…, as Ruiz proposes", "as she
    believes", "as he called for" (a plan, a belief, an appeal)."""
    return cue.object or cue.quoted or cue.infinitive or cue.appeal or cue.belief or cue.stance


def trailing_report(text: str, sentence: Span, cue: Cue) -> Report | None:
    """NATO is ready …, sources said. / …, said Smith. / Climate change, he says, is …"""
    s0, s1 = sentence
    if cue.stance:
        return None  # ("…, the auditors found a gap": a finding about the lead, not a report of it)
    if text.find(",", s0, cue.start) < 0:
        return None  # (the lead, ending before the cue, must end with a comma)
    verb = text[cue.start:cue.end].split()[0].casefold() if cue.end > cue.start else ""
    mention = _described_by_relative(text, s0, cue.start) or mention_before(
        text, s0, before_anonymity_clause(text, s0, cue.start))
    subject_end = mention.end if mention else _back_over_aux(text, s0, cue.start)
    if (pair := _group_pair(text, s0, subject_end, cue, s1)) is not None:
        mention = pair  # "…, witnesses and local media said.", "…, traders and the chamber of commerce said"
    plain = mention is None and (mention := _plain_group(text, s0, cue)) is not None
    if mention is not None and (agent := _passive_agent(text, mention, cue, s1)) is not None:
        mention, lead_end = agent, mention.start  # "…, it was announced today by the police"
    elif mention is not None:
        mention = coordinated_before(text, s0, mention)
        lead_end = mention.start
        if (as_ := _AS_BEFORE.search(text, max(s0, lead_end - 8), lead_end)) is not None and (
                _ends_sentence(text, cue.end, s1)) and not _names_a_stance(cue):
            lead_end = as_.start()  # "…, as the researcher noted.": the lead ends before "as"
    elif verb in _TAKES_LISTENER:
        # ("…, Ana Lee, a Vale supporter, told the Herald": who is told never speaks; the
        # subject is the name its apposition follows)
        mention = (_subject_told(text, s0, cue.start) or office_subject_before(text, s0, cue.start)
                   or _inverted_subject(text, cue.end, s1, listener=True))
        if mention is None:
            return None
        lead_end = mention.start if mention.start < cue.start else _back_over_aux(text, s0, cue.start)
    elif (office := _closed_office(text, s0, cue.start)) is not None:
        mention, lead_end = office, office.start  # "…, the Minister of …, Ana Mure, | announced"
    else:
        mention = mention_after(text, cue.end, s1)
        if mention is None or text[cue.end:mention.start].strip():
            mention = _inverted_subject(text, cue.end, s1) or mention
        lead_end = _back_over_aux(text, s0, cue.start)
        if mention is None and (mention := _apposed_subject(text, s0, cue, s1)) is not None:
            lead_end = mention.start  # "…, the Forum, which co-ordinates the response, said today."
        if mention is None and (mention := _described_speaker(text, s0, cue, s1)) is not None:
            lead_end = mention.start  # "…, the port's pilots' association says."
        if mention is None:
            return None
    s0 = max(s0, lead_end - MAX_CONTENT)  # (a lead is never longer than content may be)
    comma = text[s0:_back_over_descriptors(text, s0, lead_end)].rstrip()
    if not comma.rstrip(CLOSING_MARKS).endswith(",") and mention.start < cue.start and (
            office := office_subject_before(text, s0, cue.start)) is not None:
        # "…, the Second Deputy Chairman of the Board of LLC «Kor» Ilya Maren | informed": the
        # name read back from the cue ends an office that runs back to the lead's comma
        mention, lead_end = office, office.start
        comma = text[s0:lead_end].rstrip()
    if not comma.rstrip(CLOSING_MARKS).endswith(",") and mention.start < cue.start and (
            described := _described_speaker(text, s0, cue, s1)) is not None:
        # "…, the landlord of one of the valley's oldest inns said": the phrase the
        # mention ends runs back to the lead's comma, and all of it speaks
        if mention.kind == "name" and mention.end == described.end:  # (the firm «Nordvent»: its name speaks)
            described = Mention(described.start, mention.end, "name", mention.name,
                                clean_role(text[described.start:mention.start].strip(" \t\"“«")))
        mention, lead_end = described, described.start
        comma = text[s0:lead_end].rstrip()
    if not comma.rstrip(CLOSING_MARKS).endswith(","):
        return None  # (a comma may sit inside a closing mark: “… Ashcombe,” Renwick said)
    # “… Ashcombe,” Renwick said: the lead keeps its closing mark (and the comma inside it).
    closed = comma.endswith(tuple(CLOSING_MARKS))
    lead = comma_lead = trimmed(text, s0, s0 + (len(comma) if closed else len(comma) - 1))
    if lead is not None and not _substantial(text, lead):
        lead = None  # "And so, he said, while …": only what follows is reported
    full = with_object(text, cue, s1) if mention.start < cue.start else cue
    cue = cue if text[full.end:s1].lstrip().startswith(",") else full  # "…, X told the House before …"
    # "…, two people told Reuters, speaking on condition of anonymity because …": the listener
    # is no tail of its own where a participle follows it (the cue itself leaves it out)
    listener_end = full.end if mention.start < cue.start and speech_participle_ahead(text, full.end, s1) else 0
    tail_start = max(cue.end, mention.end, listener_end)
    tail = text[tail_start:s1]
    if tail.lstrip().startswith(":"):
        return None  # "After the vote, Lindqvist said: “…”" introduces a quote
    if cue.quoted and _NAMED_AS.match(text, tail_start):
        return None  # "…, a decision Open Wake described as “…”": the naming cue's own words
    if tail.strip(" .!?\"”’") and not tail.lstrip().startswith(","):
        # "…, officials said in a statement on Tuesday." keeps a short adverbial.
        clause = _SENTENCE_CLAUSE.search(text, tail_start, min(s1, tail_start + 120)) or (
            remark_after(text, tail_start, s1)) or _framing_comma(text, lead, comma_lead, tail_start, s1)
        words = [t for t in tokens(text, tail_start, clause.start() if clause else min(s1, tail_start + 120))
                 if is_word(t)]
        if ((len(words) > _tail_words(words, verb) and not _WHILE_DOING.match(text, tail_start)) or (
                THAT.match(text, tail_start)) or (
                words and mention.start > cue.start and (clause_word(words[0]) or _finite_past(words)))) and (
                mention.start < cue.start or (mention := _inverted_holder(text, cue.end, s1)) is None):
            return None  # ("…, said the group would push for …": a clause, not an adverbial)
        rest = None
    elif mention.start < cue.start and tail.lstrip().startswith(",") and not (
            speech_participle_ahead(text, tail_start, s1)) and not _OTHERS_REPORT.match(text, tail_start) and (
            not _remarked(text, lead, comma_lead, mention, tail_start, s1)) and (
            _framing_comma(text, lead, comma_lead, tail_start, s1) is None):
        rest = trimmed(text, tail_start, s1)  # "Climate change, he says, is …" (not ", adding that …")
    else:
        rest = None  # "…, said Dan Gerstein, director of …": an apposition, not content
    if plain and lead is not None:
        rest = None  # ("…, growers say, and more of them are …": after a plain group, a lead of its own)
    if lead is None and rest is not None and comma_lead is not None and split_piece(text, comma_lead):
        lead = comma_lead  # "The harder part, he said, is a rerun …": two pieces
    pieces = tuple(piece for piece in (lead, rest) if piece is not None)
    if not pieces or (lead is None and rest is not None and not _substantial(text, rest)):
        return None
    return Report(pieces, Attribution(mention, cue, "report, speaker cue", 0.8))


# "it was announced | today by": past up to five words of adverbial after the verb, "by" and its agent.
_AGENT_AFTER = re.compile(r"(?:[ \t]+(?!by\b)[\w’'-]+){0,5}?[ \t]+by[ \t]+")
_VERB = re.compile(r"[a-z]+")


def _described_by_relative(text: str, s0: int, cue_start: int) -> Mention | None:
    """"…, the trust that runs the town's birthing unit | has confirmed", "…, the charity
    whose ship carried out the rescue | said": after the lead's comma, a noun phrase and
    a relative clause that tells which one it is, up to the cue; the noun phrase speaks."""
    if _NOT_FINITE_BEFORE.search(text, max(s0, cue_start - 12), cue_start):
        return None  # "…, the senator who is riding a wave of anger to | contend", "…, the winners of
        # which will be | named": an infinitive or a passive, no one speaking
    end = _back_over_aux(text, s0, cue_start)
    match = _RELATIVE_DESCRIPTION.search(text, max(s0, end - 160), end)
    if match is None or len(match.group("clause").split()) < 2:
        return None  # ("a result which drew | murmurs": a verb without its object, the cue a noun)
    head = match.group("head")
    return Mention(match.start("head"), match.end("head"), "role", None, head)


# A relative clause with a subject of its own ("a sale which | its owners said …") has the
# cue for its verb: no description of the speaker.
_CLAUSE_SUBJECT = r"(?:the|an?|its|his|her|their|our|th[eo]se|this|it|he|she|they|we|i)\b"
# ", | the trust | that runs the unit": an article or a possessive, up to three words and a
# lower-case noun, then a relative word and its clause (no comma, mark or cue in it).
_RELATIVE_DESCRIPTION = re.compile(
    r",[ \t]+(?P<head>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[ \t]+(?:[\w’'-]+[ \t]+){0,3}?[a-z][a-z-]+)"
    r"[ \t]+(?:(?:that|which|who)[ \t]+(?!" + _CLAUSE_SUBJECT + r")|whose[ \t]+)"
    r"(?P<clause>[^,;:“”\"‘.!?]{3,120})\Z")
_NOT_FINITE_BEFORE = re.compile(r"\b(?:to|be|been|being)[ \t]+\Z")


def _plain_group(text: str, s0: int, cue: Cue) -> Mention | None:
    """"…, growers say.", "…, health chiefs have confirmed.": a short plural after the
    lead's comma that no lexicon knows speaks as written, as it does opening a clause."""
    if _PASSIVE_BEFORE.search(text, max(s0, cue.start - 12), cue.start):
        return None  # ("…, the day the deal was | announced, …": a passive, nobody reporting)
    group = noun_phrase_subject(text, s0, cue)
    if group is None or not _AFTER_LEAD_COMMA.search(text, s0, group.start) or not text[group.start].isalpha():
        return None  # ("The crowd of about 3,|000 cheered": a number's comma)
    return group


_AFTER_LEAD_COMMA = re.compile(r",[ \t]+\Z")
_BE = r"\b(?:is|are|was|were|be|been|being)"
_PASSIVE_BEFORE = re.compile(_BE + r"[ \t]+\Z")  # ("…, details | were | discussed")
_BE_BEFORE = re.compile(_BE + r"\b")
_PAIR_STOPS = lexicon.words("relatives") | lexicon.words("quantifiers") | {"more", "most"}
# After the lead's comma, a plural of lower-case words, "and", and a second lower-case
# noun phrase up to the subject's end: "…, | growers and researchers | told".
_GROUP_PAIR = re.compile(r"(?<=,)[ \t]+((?:[a-z][\w’'-]*[ \t]+){0,2}[a-z][\w’'-]*s[ \t]+and[ \t]+"
                         r"(?:[a-z][\w’'-]*[ \t]+){0,5}[a-z][\w’'-]*)[ \t]*\Z")


def _group_pair(text: str, s0: int, end: int, cue: Cue, s1: int) -> Mention | None:
    """"…, witnesses and local media said.", "…, stallholders and the regional business council
    said": a group in the plural and a second group joined by "and" after the lead's comma
    speak together, as one source described by both, where the cue (after "have" at
    most: not a passive, "details and motives were discussed") closes the sentence; no
    word of either is a verb, a relative word ("…, actors and leaders who say …") or a
    quantifier ("…, more votes and more pledged …": a list)."""
    floor = max(s0, end - 90)
    if " and " not in text[floor:end] or not _CLOSING_ADVERBIAL.match(text, cue.end, s1) or (
            _BE_BEFORE.search(text, end, cue.start)):
        return None  # (the cheap tests first: most cues have no "and" before them)
    match = _GROUP_PAIR.search(text, floor, end)
    if match is None:
        return None
    words = [t for t in tokens(text, match.start(1), match.end(1)) if is_word(t)]
    if any(clause_word(t) or is_past_form(t.key) or t.key in NOT_SUBJECTS - {"and"} or (
            t.key in _PAIR_STOPS) for t in words):
        return None
    return Mention(match.start(1), match.end(1), "role", None, match.group(1))


def _passive_agent(text: str, it: Mention, cue: Cue, s1: int) -> Mention | None:
    """"…, it was noted by Feng Jiaming.": the speaker of an impersonal passive after its
    content (`impersonal.trailing_passive`) is its agent, not a body "it" could mean; only a
    speech verb reports."""
    if not trailing_passive(text, it, cue) or (verb := _VERB.match(text, cue.start, s1)) is None:
        return None
    form = lexicon.speech_verbs().get(verb.group())
    match = _AGENT_AFTER.match(text, verb.end(), s1)
    if form is None or form.stance or match is None:
        return None
    pronoun = _OBJECT_PRONOUN.match(text, match.end(), s1)  # ("it was specified by her")
    if pronoun is not None:
        return Mention(pronoun.start(1), pronoun.end(1), "pronoun")
    return mention_after(text, match.end(), s1)


_OBJECT_PRONOUN = re.compile(r"(him|her|them)\b(?=[ \t]*[.,;!?]|[ \t]*$)")


# "…, officials said on Sunday, | adding that …", "…, as rescuers …": after a comma, a
# participle or a conjunction opens the sentence's next clause, where the cue's adverbial ends.
_SENTENCE_CLAUSE = re.compile(
    r",\s*(?:[a-z]+ing|as|while|whereas|after|before|when|because|although|though|but|and)\s")
# "…, the central bank said on Monday, | the third cut this year …": a noun phrase after the
# cue's comma that remarks on the whole report (the sentence's apposition), no clause.
_REMARK = re.compile(r"[ \t]*,[ \t]+(?:the|a|an)[ \t]+")
_REMARK_ADVERBIAL = re.compile(r"[^,;:.!?“”\"«»]{0,60}?(?=,)")
_REMARK_WORDS = 6
_ADVERBIAL_STARTS = OPENERS | DAYS
_ENDS_HEAD = PREPOSITIONS | lexicon.words("relatives") | {"since", "to", "after", "than"}


def remark_after(text: str, pos: int, s1: int) -> re.Match[str] | None:
    """The comma after a trailing cue (and a short adverbial: "said | on Thursday") that
    sets off a remark on the report ("…, the third cut this year", "…, a
    first for the region"): "the", "a" or "an" and words up to the head's complement
    with no verb ("…, officials said, the dam would hold" is a clause)."""
    adverbial = _REMARK_ADVERBIAL.match(text, pos, s1)
    if adverbial is None:
        return None
    words = text[pos:adverbial.end()].split()
    if len(words) > _REMARK_WORDS or (words and words[0].casefold() not in _ADVERBIAL_STARTS):
        return None  # ("said Ana Lee, the mayor, …": a subject after the cue, no adverbial)
    remark = _REMARK.match(text, adverbial.end(), s1)
    if remark is None:
        return None
    toks = [t for t in tokens(text, remark.end(), min(s1, remark.end() + 80)) if is_word(t)]
    for tok in toks[:_REMARK_WORDS]:
        if tok.key in _ENDS_HEAD:
            break
        if clause_word(tok) or (tok.word.islower() and is_past_form(tok.key)):
            return None
    return remark


def _remarked(text: str, lead: Span | None, comma_lead: Span | None, mention: Mention, tail_start: int,
              s1: int) -> bool:
    """Does the writer's remark follow the cue of a lead that is a sentence of its own
    (long, or a subject and verb), attributed to a name or a description? Not a lead
    split by its cue ("The harder part, she said, the one …, is …"), a subordinate clause
    whose main clause follows ("As the vote nears, Okoro says, the number … shrinks"), or
    a quotation the words after the cue describe ("“…,” Anthony says, a job …")."""
    if comma_lead is None or mention.kind == "pronoun" or remark_after(text, tail_start, s1) is None:
        return False
    first = text[comma_lead[0]:comma_lead[1]].split(None, 1)[0].casefold()
    if first in _SUBORDINATE_OPENERS or text[comma_lead[0]:comma_lead[1]].endswith(tuple(CLOSING_MARKS)):
        return False
    return lead is not None or looks_like_clause(text, *comma_lead)


_SUBORDINATE_OPENERS = lexicon.tagged("clause_openers", "subordinator", "prepositional", "time")


def _framing_comma(text: str, lead: Span | None, comma_lead: Span | None, pos: int,
                   s1: int) -> re.Match[str] | None:
    """The comma after a trailing cue (and a short adverbial: "said | Sunday") that opens
    the writer's own phrase ("…, the union said, | in the longest strike …"), where the
    lead is a sentence of its own (not "The night shift, she said, in its …", short, nor
    "As the vote nears, …", a subordinate clause whose main clause may follow)."""
    if lead is None or comma_lead is None:
        return None
    words = [w.casefold() for w in text[comma_lead[0]:comma_lead[1]].split(None, 2)]
    if words[0] in _COORDINATORS and len(words) > 1:
        words = words[1:]  # ("But while some couples …, he said, for others …")
    if words[0] in _SUBORDINATE_OPENERS:
        return None
    return framing_after(text, pos, s1)


def framing_after(text: str, pos: int, s1: int) -> re.Match[str] | None:
    """The comma after the cue at pos (and its short adverbial: "said | on Sunday,",
    "said | yesterday,"; not an object: "pledged | to fund it,") when the writer's own
    phrase follows it."""
    comma = _FRAMING_COMMA.match(text, pos, s1)
    if comma is None or (comma.group(1) and comma.group(1).casefold() not in _FRAMING_ADVERBIAL_STARTS):
        return None
    return comma if framing_phrase(text, comma.end(), s1) else None


# The cue's comma, after at most a few words of adverbial ("said | on Sunday, …").
_FRAMING_COMMA = re.compile(r"(?:[ \t]+([\w’'-]+)(?:[ \t]+[\w’'-]+){0,3}?)?[ \t]*,[ \t]*")
_FRAMING_ADVERBIAL_STARTS = OPENERS | DAYS | lexicon.tagged("time_words", "adverb")
_COORDINATORS = frozenset("and but yet so".split())


_NAMED_AS = re.compile(r"\s*(?:as\s+)?[“\"‘'«]")
# "…, officials said, | as ferry crews and shopkeepers warned …": a clause with a report of
# its own, by others, is no second piece of the cue's content.
_OTHERS_REPORT = re.compile(
    r",\s*(?:as|while|whereas)\s+(?!well\s+as\b)(?:[\w’'-]+\s+){1,6}(?:" + REPORTING + r")\b")


def _closed_office(text: str, s0: int, cue_start: int) -> Mention | None:
    """"…, the Minister of Education, Ana Mure, | announced": an office and a name set off by
    commas right before the cue (its closing comma there) are its subject."""
    if not text[s0:cue_start].rstrip().endswith(","):
        return None
    return office_subject_before(text, s0, cue_start)


def _inverted_subject(text: str, pos: int, s1: int, listener: bool = False) -> Mention | None:
    """"…, announced on Wednesday in Diawara | the Minister of Agriculture, Mr. Ivo Marr.":
    translated news puts the subject after the cue and its short adverbials of time and
    place (and, after "told", its listener: "told journalists on Monday | the …"). The
    subject is the mention that ends the sentence; "said on Friday the company had …"
    is a clause, not a subject, so nothing is read from it here."""
    toks = tokens(text, pos, min(s1, pos + _INVERTED_REACH))
    if not toks or not (listener or toks[0].key in OPENERS or toks[0].key in DAYS):
        return None
    for k, tok in enumerate(toks[1:_MAX_ADVERBIAL_WORDS + 1], start=1):
        last = toks[k - 1]
        if not is_word(last) or (last.word.islower() and (
                last.key in CLAUSE_OPENERS or last.key.endswith("ed") or last.key in lexicon.speech_verbs()
                or last.key in lexicon.words("irregular_past") or last.key in lexicon.words("auxiliaries"))):
            return None  # ("said on Friday, …", "said in Lomé that …": no adverbial run)
        if not (tok.key == "the" or is_capitalised(tok.word)) or last.key in FUNCTION_WORDS:
            continue  # (the subject opens with "the" or a capital, never after "in", "on", "a")
        mention = mention_after(text, tok.start, s1)
        if mention is not None and mention.start == tok.start and mention.kind in ("name", "role") and (
                not text[mention.end:s1].strip(" .!?\"”’»")):
            return mention
        if tok.key == "the" and (office := office_subject(
                text, tok.start, _before_full_stop(text, tok.start, s1))) is not None:
            return office  # ("… the Vice Minister of Lakes and Inland Fisheries, Ana Mure.")
    return None


def _before_full_stop(text: str, start: int, s1: int) -> int:
    end = s1
    while end > start and text[end - 1] in " \t\r\n.!?\"”’»":
        end -= 1
    return end


# A run of adverbials after an inverted cue ("announced | on Wednesday", "said | yesterday",
# "stated | at a briefing") opens with an adverbial's word or a day; a relative word, a
# subordinator or a conjunction opens a clause (noun_phrases.CLAUSE_OPENERS), which no
# adverbial runs past; how far it may run.
_MAX_ADVERBIAL_WORDS = 9
_INVERTED_REACH = 400


def _finite_past(words: list) -> bool:
    """"…, who sponsored the bill, said the governor | erred": a past verb right after
    the words after the cue makes them a clause's subject; a participle with its
    preposition ("said a spokesman | based in Geneva") is the speaker's description."""
    if not words[0].word.islower() or not is_past_form(words[0].key):
        return False
    return len(words) == 1 or words[1].key not in DESCRIBING_PREPOSITIONS


def _tail_words(words: list, verb: str) -> int:
    """How many words may follow a trailing cue as its adverbial: more after "in a …"
    ("…, the two countries said in a joint statement after talks hosted by …")."""
    if len(words) > 1 and words[0].key == "in" and words[1].key in _DETERMINERS:
        return 12
    if verb in _PLAIN_SPEECH and len(words) > 1 and words[0].key in _ADVERBIAL_OPENERS and (
            words[1].key not in ("least", "most")) and not any(w.key == "that" for w in words):
        return 20  # ("…, the Chairman … said at a press conference on Thursday dedicated to …")
    return 8


_DETERMINERS = lexicon.tagged("determiners", "article", "possessive")
# Cues whose object is the one spoken to: the name after them is a listener.
# ("…, informed the Minister of Health" is inverted in translated news: not here)
_TAKES_LISTENER = frozenset("told tells tell telling".split())
# Verbs of plain speech, after which an adverbial of occasion may run long.
_PLAIN_SPEECH = frozenset("said says told tells stated states announced".split())
# Prepositions that open an adverbial of time or occasion after a trailing cue.
_ADVERBIAL_OPENERS = frozenset("at following after during on before upon".split())


# "…, Orr told the House before attacking the offer …": a participle clause closes the sentence.
_WHILE_DOING = re.compile(r"\s*(?:before|after|while|when)\s+[a-z]+ing\b")


def _substantial(text: str, span: Span) -> bool:
    """Reported content, not an adverbial: "After the vote," reports nothing."""
    words = text[span[0]:span[1]].split()
    if words and _capitalised_participle(words[0]) and not _gerund_subject(words):
        return False  # "Asked whether …, Dempsey said": a participle clause
    if len(words) < 4:
        return any(mark in text[span[0]:span[1]] for mark in QUOTE_MARKS)
    if words[0].casefold() not in _ANY_PREPOSITIONS or _approximate_number(words):
        return True  # ("Around 3,000 passengers were stranded": a number's approximator, no preposition)
    # "During her decade on the council, Obi said, …": a long adverbial is still no content; a
    # verb makes it a clause ("During the visit, leaders will exchange views, Lin said")
    return len(words) >= 8 and any(w.islower() and (w.strip(",;") in _FINITE or w.endswith("ed"))
                                   for w in words)


def _approximate_number(words: list[str]) -> bool:
    """"Around 3,000 passengers", "Over 40 flights", "Around a third of …": the preposition
    makes a number approximate, and opens the lead's subject."""
    return words[0].casefold() in _APPROXIMATORS and (
        words[1][:1].isdigit() or words[1].casefold() in lexicon.words("quantifiers"))


_APPROXIMATORS = lexicon.words("approximators") | {"over", "under"}


def _capitalised_participle(word: str) -> bool:
    """"Asked", "Speaking" opening the lead: a participle ("Red flag warnings …", "Ted
    Orr …" are too short to be one; "During", "Following" are prepositions)."""
    return word[:1].isupper() and word.endswith(("ed", "ing")) and len(word) > 4 and (
        word.casefold() not in _ANY_PREPOSITIONS)


_ING_PREPOSITIONS = frozenset("following including regarding concerning considering excluding pending "
                              "barring notwithstanding".split())
_ANY_PREPOSITIONS = PREPOSITIONS | _ING_PREPOSITIONS
_LEAD_PREPOSITIONS = _ING_PREPOSITIONS | {"during"}  # ("During her decade on the council, she said, …")


def _gerund_subject(words: list[str]) -> bool:
    """"Being in public life can be hard", "Burned hillsides are prone to slides": an -ing
    phrase or a participle's noun phrase that is the subject of a verb (an auxiliary
    before any clause opens), not the reporter's participle clause."""
    if not words[0].endswith(("ing", "ed")):
        return False
    for word in words[1:12]:
        key = word.casefold().strip(",;")
        if key in _SUBORDINATING_WORDS or word.endswith(","):
            return False
        if key in _FINITE:
            return True
    return False


# Words that open a clause inside an -ing phrase: met before a finite verb, the phrase is
# no gerund subject ("Speaking to reporters who asked …, Reeve said").
_SUBORDINATING_WORDS = lexicon.words("relatives") | lexicon.tagged("clause_openers", "subordinator", "question")
_FINITE = lexicon.tagged("finite_auxiliaries") | frozenset("remains seems".split())


def split_piece(text: str, span: Span) -> bool:
    """The first piece of content split by its cue is part of what was said, short
    ("The harder part, he said, is …") or an adverbial ("If the law conflicts with
    the charter, Varga said, …"), but not a lone conjunction ("And so") or the
    reporter's participle ("Asked about the plan, he said, …")."""
    words = text[span[0]:span[1]].split()
    if not words or _capitalised_participle(words[0]) or words[0].casefold() in _LEAD_PREPOSITIONS or (
            len(words) > 1 and words[0].casefold() in ("when", "while") and words[1].endswith(("ed", "ing"))):
        return False  # ("When asked why …, he said, …": the reporter's framing)
    if len(words) == 1:
        return words[0].casefold() not in _LONE_NOT_CONTENT
    return not (len(words) <= 2 and all(w.casefold() in _OPENING_NOT_CONTENT for w in words))


# A lone word before a split cue that is no content ("Of …, he said", "And, he said"), and
# the words of a two-word opening that is none ("And so, he said").
_LONE_NOT_CONTENT = PREPOSITIONS | NOT_SUBJECTS
_OPENING_NOT_CONTENT = NOT_SUBJECTS | {"so", "yet", "still"}


def _back_over_descriptors(text: str, floor: int, pos: int) -> int:
    """Back over a few lowercase describing words and an article: "…, publisher |
    Ivo Petrenko said", "…, the | Post reported"."""
    toks = tokens(text, max(floor, pos - 60), pos)
    k = len(toks) - 1
    while k >= 0 and len(toks) - k <= 3 and is_modifier(toks[k]):
        k -= 1
    owner = k >= 0 and (toks[k].key in _POSSESSIVE_DETERMINERS or (
        is_possessive(toks[k]) and toks[k].word.islower()))
    if owner:
        k -= 1  # "…, his spokeswoman Ivana Kral said", "…, the office's spokeswoman …"
        if k >= 0 and toks[k + 1].key not in _POSSESSIVE_DETERMINERS and toks[k].key == "the":
            k -= 1
    elif k >= 0 and toks[k].key in ("the", "a", "an"):
        k -= 1
    return toks[k + 1].start if k + 1 < len(toks) else pos


_POSSESSIVE_DETERMINERS = lexicon.tagged("determiners", "possessive")


def _subject_told(text: str, s0: int, cue: int, names_only: bool = True) -> Mention | None:
    """"…, Ana Lee, a Vale supporter, told the Herald": the name after one of the lead's
    commas that an apposition follows up to the comma before the cue. Not only a name
    (`names_only` false) where no other reading found the subject of a cue that closes
    its sentence: "…, the prefecture of Vell, a French territory, said Saturday", "…, the
    Forum, which co-ordinates the response, said": the lead ends before the subject."""
    closing = text.rfind(",", s0, cue)
    if closing < 0 or text[closing + 1:cue].strip():
        return None
    opening = text.rfind(",", s0, closing)
    while opening >= 0:  # (from the nearest: the lead may hold commas, in marks too)
        floor = opening + 1
        while floor < closing and (text[floor].isspace() or text[floor] in CLOSING_MARKS):
            floor += 1
        mention = subject_with_apposition(text, floor, closing)
        if mention is not None and (mention.kind == "name" or not names_only):
            return mention
        opening = text.rfind(",", s0, opening)
    return None


# What may follow a cue that closes its sentence: a short adverbial up to a comma or the end.
_CLOSING_ADVERBIAL = re.compile(r"(?:[ \t]+(?!that\b)[\w’'-]+){0,6}[ \t]*(?:[,.!?]|$)")


def _apposed_subject(text: str, s0: int, cue: Cue, s1: int) -> Mention | None:
    """"…, the prefecture of Vell, a French territory, said Saturday.", "…, the Forum, which
    co-ordinates the response, said this morning.": a name or a description set off by an
    apposition or a relative clause after the lead's comma, where the lead is a clause and
    the cue closes the sentence (a short adverbial at most: "said in a radio interview that
    …" reports what follows)."""
    if not _CLOSING_ADVERBIAL.match(text, cue.end, s1):
        return None
    mention = _subject_told(text, s0, cue.start, names_only=False)
    if mention is None or mention.kind == "pronoun":
        return None
    comma = text.rfind(",", s0, mention.start)
    return mention if comma > s0 and looks_like_clause(text, s0, comma) else None


def _described_speaker(text: str, s0: int, cue: Cue, s1: int) -> Mention | None:
    """"…, the landlord of one of the valley's oldest inns said.", "…, skippers on the
    island's west coast say.", "…, the press office of the firm «Nordvent» reported.": after
    the lead's comma, a noun phrase the readers of names and roles stop inside (at a
    possessive, a quoted name) whose words hold a noun for a person or a body and no verb,
    up to a cue that closes the sentence; the whole phrase speaks."""
    if cue.belief or not _CLOSING_ADVERBIAL.match(text, cue.end, s1):
        return None  # ("…, an omen, some voters in the valley believe, of …": a belief is an aside)
    end = _back_over_aux(text, s0, cue.start)
    comma = text.rfind(",", s0, end)
    if comma <= s0 or not looks_like_clause(text, s0, comma):
        return None
    toks = tokens(text, comma + 1, end)
    words = [t for t in toks if is_word(t)]
    if not 2 <= len(words) <= _DESCRIBED_WORDS or any(
            not is_word(t) and t.word not in QUOTE_MARKS for t in toks):
        return None  # (a dash, a bracket or a second clause: no plain noun phrase)
    if any(t.key in _NOT_DESCRIBING or clause_word(t) or (t.word.islower() and (
            is_past_form(t.key) or t.key.endswith("ing") or t.key in lexicon.speech_verbs())) for t in words):
        return None  # ("…, a result that those who backed it | said", "…, the trucks carrying it | said")
    head = next((k - 1 for k, t in enumerate(words) if k > 0 and t.key in PREPOSITIONS), len(words) - 1)
    if not _speaking_noun(words[head]):
        return None  # (its head, before any "of" or "in" phrase, is who speaks: "the owner | of …")
    return Mention(words[0].start, words[-1].end, "role", None, text[words[0].start:end].strip(" \t\"”»"))


# A described speaker is a dozen words at most, with no word of a clause or a list in it.
_DESCRIBED_WORDS = 12
_NOT_DESCRIBING = NOT_SUBJECTS | lexicon.words("relatives") | lexicon.words("auxiliaries") | frozenset(
    "that this these those it he she they we i than".split())


def _speaking_noun(tok: Token) -> bool:
    """A noun for people or a body: "owner", "farmers", "co-operative", "agency"."""
    key = tok.key.rstrip("’'").removesuffix("’s").removesuffix("'s")
    return is_role_word(tok) or is_people_noun(key) or key in lexicon.words("org_words") or (
        key in lexicon.every_word("body_kinds")) or key in lexicon.words("bodies_of_many")


def _inverted_holder(text: str, pos: int, s1: int) -> Mention | None:
    """"…, said Head of the Vell glacier station Ivo Petrovich Marr during a visit to the
    valley.", "…, informed Chief Physician of the district hospital Ana Sergeevna Mure at the
    opening ceremony.", "…, shared Head of the farm Lev Ilyich Dal, who sowed flax this
    year.": after an inverted cue, an office and its holder's name (two words or more) up to
    an adverbial of occasion or a relative clause about the holder that ends the sentence;
    the name speaks, the office is its role (the readers after the cue stop inside the office)."""
    stop = _OCCASION_OR_RELATIVE.search(text, pos, min(s1, pos + _INVERTED_REACH))
    end = stop.start() if stop is not None else _before_full_stop(text, pos, s1)
    first = next((t for t in tokens(text, pos, end) if is_word(t)), None)
    if first is None or not is_capitalised(first.word):
        return None
    named = mention_before(text, pos, end)
    if named is None or named.kind != "name" or named.name is None or named.end != end or (
            len(text[named.name[0]:named.name[1]].split()) < 2):
        return None
    if any(t.key in NOT_SUBJECTS - {"and"} or clause_word(t) or (t.word.islower() and (
            is_past_form(t.key) or t.key in lexicon.speech_verbs() or t.key in lexicon.words("auxiliaries")))
           for t in tokens(text, first.start, named.name[0]) if is_word(t)):
        return None  # ("…, called Varga a “windbag” and said … the harbour levy": a clause, no office)
    tail = [t for t in tokens(text, end, s1) if is_word(t)]
    if stop is not None and any(t.key in lexicon.speech_verbs() or t.key == "that" or (
            stop.group("adverbial") and (clause_word(t) or is_past_form(t.key))) for t in tail):
        return None  # ("… at the session that the plan …", "…, who said …": a clause or a report of its own)
    role = clean_role(text[first.start:named.name[0]].strip(" ,"))
    return Mention(first.start, named.end, "name", named.name, role or named.role)


# An adverbial of occasion ("at the opening ceremony", "in an interview with …", "during a
# visit to …") or a relative clause about the holder (", who …") after an inverted subject.
_OCCASION_OR_RELATIVE = re.compile(
    r",?[ \t]+(?P<adverbial>(?:at|in|during)[ \t]+(?:a|an|the)[ \t])|,[ \t]+(?:who|whose)[ \t]")


def _back_over_aux(text: str, floor: int, pos: int) -> int:
    toks = tokens(text, max(floor, pos - 80), pos)
    k = len(toks) - 1
    while k >= 0 and toks[k].key in lexicon.words("auxiliaries") and toks[k].word.islower():
        k -= 1
    return toks[k].end if k >= 0 else floor
