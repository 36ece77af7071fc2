"""Attribution phrases that open a sentence and name the source before what it said:
"In the opinion of the minister, …", "In his view, …", "As Petrova noted, …",
"In the words of the prosecutor Nadia Bern, …" (translated news and wire copy).
"""

from __future__ import annotations

import dataclasses

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.cue_words import PREPOSITIONS, reporting_form
from quotes.cues import Attribution, Cue
from quotes.description_fallbacks import is_person_head
from quotes.mention_words import clean_role
from quotes.names import Mention
from quotes.office_subjects import commas, holder_in, office_to_comma
from quotes.report_content import clause_word
from quotes.speakers import mention_before
from quotes.tokens import is_word, tokens

Span = tuple[int, int]

_OPENER = regex.compile(
    r"[\s“\"‘'«(]*(?:(?:But|And|Yet)\s+)?"
    # ("At the same time, as the director noted, …": a sentence adverbial before "as")
    rf"(?:(?P<aside>(?i:{lexicon.phrase_alternation('asides')})),\s+)?(?P<cue>"
    r"(?P<of>In\s+the\s+(?:opinion|view|words|assessment|estimation)\s+of)\s"
    r"|In\s+(?P<own>his|her|their|its)\s+(?:opinion|view|words|assessment|estimation)\s*,"
    r"|(?P<as>As|(?<=,\s)as)\s(?:(?:was|has\s+been|had\s+been)\s+)?(?:(?P<passive>[a-z]+ed)\s+by\s)?)")
# After "As X": a speech verb in the past (with "has"/"had"), then a comma.
# ("As Tamm explained to reporters,", "As she told the Ledger,": a listener may follow)
# ("As Brandl explained earlier,", "As she has repeatedly said,": a time adverb may sit
# before or after the verb)
_AS_VERB = regex.compile(r"\s+(?:(?:has|had|have)\s+)?(?:(?:also|earlier|previously|repeatedly|already)\s+)?"
                         r"(?P<verb>[a-z]+)(?:\s+out)?"
                         r"(?:\s+to\s+(?:the\s+)?\p{L}[\p{L}’'-]*|\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*"
                         r"|\s+(?:reporters|journalists|me|us|him|her|them))?(?:\s+\p{Lu}[\p{L}’'-]*){0,2}"
                         r"(?:\s+(?:earlier|previously|before|repeatedly|already|recently|yesterday"
                         r"|last\s+(?:week|month|year)))?"
                         # ("As Min noted at the end of the briefing,", "As the minister said on Monday,")
                         r"(?:\s+(?:at|on|in|during|after|before|following|last|this)(?:\s+[\p{L}\d’'-]+){1,7}?)?\s*,")
# "As explained by the Chairman,", "As was noted by the ministry,": the source after "by".
_AS_BY_END = regex.compile(r"\s*,")
_MIN_CONTENT_WORDS = 4


def source_first_report(text: str, sentence: Span, previous: Span | None) -> tuple[
        tuple[Span, ...], Attribution] | None:
    """The content after an opening source phrase, and its attribution."""
    s0, s1 = sentence
    if (in_document := _as_in_document(text, sentence)) is not None:
        return in_document
    match = _OPENER.match(text, s0, s1)
    if match is None:
        return None
    if match.group("own"):
        start, end = match.span("own")
        mention = Mention(start, end, "pronoun")
        comma = match.end() - 1
    else:
        found = mention_after(text, match.end(), s1)
        if match.group("as") and not match.group("passive"):
            read = _as_source(text, match.end(), found, s1)
            if read is None:
                return None
            mention, comma = read
        elif found is None:
            described = _described_person(text, match.end(), s1) if match.group("of") else None
            if described is None:
                return None
            mention, comma = described
        elif match.group("passive"):
            mention = found
            form = lexicon.speech_verbs().get(match.group("passive"))
            closing = _AS_BY_END.match(text, found.end, s1)
            if form is None or form.stance or closing is None:
                return None  # ("As followed by …": no speech)
            comma = closing.end() - 1
        else:
            mention = found
            comma = found.end
            while comma < s1 and text[comma] == " ":
                comma += 1
            if not text.startswith(",", comma):
                # "In the opinion of the Head of State, …": an office read only to its head
                # noun goes on to the comma, as one phrase that ends there
                comma = text.find(",", found.end, min(s1, found.end + 80))
                whole = mention_before(text, found.start, comma) if comma > 0 else None
                if whole is None or whole.end != comma or whole.start > found.start + 4:
                    # ("In the opinion of the president of the civic movement “Go Now” Ana
                    # Mure, …": an office the shorter readers stop inside, up to its name)
                    whole = office_to_comma(text, found.start, s1)
                    if whole is None:
                        return None
                    comma = whole.end
                mention = whole
    content = _after_comma(text, comma + 1, s1)
    if content is None:
        return None
    if mention.role is not None and text.startswith(mention.role, content[0]):
        mention = dataclasses.replace(mention, role=None)  # (what was said, not an apposition)
    opening = match.start() + len(match.group()) - len(match.group().lstrip(" \t\n“\"‘'«("))
    if match.group("aside"):
        opening = match.start("cue")  # (the cue opens after the aside and its comma)
    cue = Cue(opening, comma, "according to")
    return (content,), Attribution(mention, cue, "source first, report", 0.8)


# "As stated in the bulletin of the observatory, …", "As noted in its announcement, …", "As was
# informed, …": a passive speech verb with no subject, in a document of its source or not.
_AS_IN_DOCUMENT = regex.compile(
    r"[\s“\"‘'«(]*(?:(?:But|And)\s+)?As\s+(?:it\s+)?(?:(?P<aux>is|was|has\s+been|had\s+been)\s+)?"
    r"(?:also\s+)?(?P<verb>[a-z]+ed)(?:\s+in\s+(?:the|its|their|his|her|a|an)\s+(?P<document>[\p{Ll}-]+)"
    r"(?:\s+of\s+(?P<owner>[^,;:“”\"«»]{1,100}?))?)?\s*,")


def _as_in_document(text: str, sentence: Span) -> tuple[tuple[Span, ...], Attribution] | None:
    """"As stated in the bulletin of the observatory, …": the owner of the document speaks;
    with none named ("As stated in the announcement, …", "As was informed, …") the report
    has no mention and, as "It was noted that …" does, continues the statement before it
    (quotes.impersonal). "As reported, …" with neither a document nor an auxiliary is the
    outlet's own back-reference, and no report."""
    s0, s1 = sentence
    match = _AS_IN_DOCUMENT.match(text, s0, s1)
    if match is None:
        return None
    form = reporting_form(match.group("verb"))
    if form is None:
        return None
    document = match.group("document")
    if document is not None and document not in lexicon.words("documents"):
        return None  # ("As noted in the past, …": no document)
    if document is None and (match.group("aux") is None or match.group("verb") == "reported"):
        return None
    mention = None
    if match.group("owner"):
        start, end = match.span("owner")
        # ("of the institute": a noun the name readers take for no role is the source still)
        mention = mention_after(text, start, end) or Mention(start, end, "role", None, text[start:end])
    comma = match.end() - 1
    content = _after_comma(text, comma + 1, s1)
    if content is None:
        return None
    cue = Cue(match.start("verb"), comma, form.base)
    return (content,), Attribution(mention, cue, "source first, report", 0.8 if mention else 0.5)


# "the specialist,", "the senior veterinarian,": a description of one person, to its comma.
_DESCRIBED = regex.compile(r"the[ \u00a0]+(?:[a-z][\p{Ll}-]*[ \u00a0]+){0,2}"
                           r"(?P<head>[a-z][\p{Ll}-]*)[ \u00a0]*,")


def _described_person(text: str, start: int, end: int) -> tuple[Mention, int] | None:
    """"In the opinion of the specialist, …": a description whose noun the name readers do
    not take for a role but which describes one person (a listed person noun or one who
    practises a field) is the source, resolved as "the specialist said" is; a thing
    ("In the words of the anthem, …") is none."""
    match = _DESCRIBED.match(text, start, end)
    if match is None or not is_person_head(match.group("head")):
        return None
    comma = match.end() - 1
    stop = comma
    while text[stop - 1] in " \u00a0":
        stop -= 1
    return Mention(match.start(), stop, "role", None, text[match.start():stop]), comma


def _as_source(text: str, start: int, found: Mention | None, end: int) -> tuple[Mention, int] | None:
    """The source of "As X noted, …" (found: the mention right after "As") and the comma
    that ends its phrase, or None when "As" opens no report."""
    verb = None
    if found is None:
        found, verb = _described_before_verb(text, start, end)
    else:
        if text[found.start:found.end].casefold() in ("i", "we"):
            return None  # "As I mentioned earlier, …", "As we reported, …": the writer's aside
        verb = _AS_VERB.match(text, found.end, end)
        if verb is None and found.kind == "name" and found.role and text.startswith(",", found.end):
            # "As the head of the river port, Mr. Kofi Mensah Boateng, | told reporters, …": the
            # comma closes the holder's apposition to the office
            verb = _AS_VERB.match(text, found.end + 1, end)
        if verb is None and found.kind == "role":
            found, verb = _office_then_name(text, found, end)
    if not _reports(verb) and (apposed := apposed_holder(text, start, end)) is not None:
        found, verb = apposed  # "As the head of …, Dr. Ana Mure, noted, …"
    if found is None or verb is None or not _reports(verb):
        return None  # ("As prices rose, …", "As she walks in, …": no report)
    comma = verb.end() - 1
    if found.kind == "name" and _adverbial_after(text, comma + 1, end):
        return None  # ("…, noted, in Kampen, Zwolle and Deventer": no clause reported)
    return found, comma


# "the specialist | noted,", "the state secretary | emphasized,": a description up to its verb.
_DESCRIBED_WORDS = regex.compile(r"the(?:[ \u00a0]+[a-z][\p{Ll}-]*){1,3}")
_LOWER_WORD = regex.compile(r"[a-z][\p{Ll}-]*")


def _described_before_verb(text: str, start: int, end: int) -> tuple[Mention | None, regex.Match[str] | None]:
    """"As the specialist noted, …", "As the state secretary emphasized, …": a description
    the name readers do not take for a role, whose last noun describes one person, and a
    speech verb right after it; the description speaks, as "the specialist said" would. A
    thing ("As the river rose, …", "As the report noted, …") is none."""
    match = _DESCRIBED_WORDS.match(text, start, end)
    if match is None:
        return None, None
    words = list(_LOWER_WORD.finditer(text, match.start(), match.end()))
    for head in words[1:]:  # (after "the"; the verb is one of the words read)
        verb = _AS_VERB.match(text, head.end(), end)
        if verb is not None and _reports(verb):
            if not is_person_head(head.group()):
                break
            return Mention(match.start(), head.end(), "role", None, text[match.start():head.end()]), verb
    return None, None


def _reports(verb: regex.Match[str] | None) -> bool:
    """Is the word after "As X" a speech verb in the past ("noted", "has said")?"""
    form = lexicon.speech_verbs().get(verb.group("verb")) if verb else None
    return verb is not None and form is not None and not form.stance and verb.group("verb") != form.base


def _adverbial_after(text: str, start: int, end: int) -> bool:
    """Do the words after the cue's comma open with a preposition or an "-ly" adverb and
    hold no verb ("noted, in Kampen, Zwolle and Deventer"), where "noted, in the spring the
    dam will …" reports a clause?"""
    words = [t for t in tokens(text, start, min(end, start + 200)) if is_word(t)]
    if not words:
        return True
    first = words[0]
    return (first.key in PREPOSITIONS or (first.word.islower() and first.key.endswith("ly"))) and not any(
        t.word.islower() and (clause_word(t) or t.key.endswith("ed")) for t in words)


# The relative clause that may close a holder's apposition: ", who took part in …".
_RELATIVE = regex.compile(r",[ \t]+(?:who|which)[ \t]")
# How far after "As" the holder's closing comma is looked for.
_APPOSED_REACH = 260


def apposed_holder(text: str, start: int, end: int) -> tuple[Mention, regex.Match[str]] | None:
    """"As the head of the river port, Ana Mure, | noted, …", "As Dr. Ana Mure, head of the
    clinic, | informed, …": a subject that holds commas (an office and its holder in
    apposition, perhaps closed by a relative clause) whose closing comma a speech verb
    follows at once; the holder speaks and the office is its role. Every part but the
    name is a description with no verb, so an opening clause ("As the tide rose, …") is none."""
    for comma in commas(text, start, min(end, start + _APPOSED_REACH)):
        verb = _AS_VERB.match(text, comma + 1, end)
        if verb is None or not _reports(verb):
            continue
        relative = _RELATIVE.search(text, start, comma)
        holder = holder_in(text, start, relative.start() if relative else comma)
        return (holder, verb) if holder is not None else None
    return None


# "… of the festival Arman Sahakyan | noted,": the words up to a name that ends the office.
_OFFICE_RUN = regex.compile(r"(?:[ \u00a0]+[\p{L}’'-]+){1,8}?"
                            r"(?=[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?[a-z]+[ \u00a0]*,)")


def _office_then_name(text: str, office: Mention, end: int) -> tuple[Mention, regex.Match[str] | None]:
    """"As the director of the festival Arman Sahakyan noted, …": an office read only to
    its head noun ("the director") goes on to the name before the verb; the name speaks,
    the office is its role. With no name, the whole office speaks."""
    run = _OFFICE_RUN.match(text, office.end, end)
    if run is None:
        return office, None
    verb = _AS_VERB.match(text, run.end(), end)
    name = mention_before(text, office.start, run.end()) if verb else None
    if verb is not None and name is not None and name.kind == "role" and (
            name.start == office.start and name.end == run.end()):
        return name, verb  # ("As the minister of the interior noted, …")
    person = name.name[0] if name is not None and name.name else -1  # (where the name itself starts)
    if verb is None or name is None or name.kind != "name" or name.end != run.end() or person <= office.end:
        return office, None
    role = clean_role(text[office.start:person])
    return Mention(office.start, name.end, "name", name.name, role), verb


def _after_comma(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;:"):
        end -= 1
    if len(text[start:end].split()) < _MIN_CONTENT_WORDS:
        return None
    return start, end


_PRONOUN_AFTER = regex.compile(r"\s+(him|her|them|it)\b(?=\s*,)")


def pronoun_after(text: str, pos: int, end: int) -> Mention | None:
    """"according to her, …": an object pronoun as the source, resolved like "she"."""
    match = _PRONOUN_AFTER.match(text, pos, end)
    return Mention(match.start(1), match.end(1), "pronoun") if match else None
