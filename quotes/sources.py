"""Attribution phrases that open a sentence and name the source before what it said:
"In the opinion of the minister, …", "In his view, …", "As Petrova noted, …",
"In the words of the prosecutor Nadia Bern, …" (translated news and wire copy).
"""

from __future__ import annotations

import dataclasses

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.cues import Attribution, Cue
from quotes.mention_words import clean_role
from quotes.names import Mention
from quotes.office_subjects import office_to_comma
from quotes.speakers import mention_before

Span = tuple[int, int]

_OPENER = regex.compile(
    r"[\s“\"‘'«(]*(?:(?:But|And|Yet)\s+)?(?:"
    r"(?P<of>In\s+the\s+(?:opinion|view|words|assessment|estimation)\s+of)\s"
    r"|In\s+(?P<own>his|her|their|its)\s+(?:opinion|view|words|assessment|estimation)\s*,"
    r"|(?P<as>As)\s(?:(?:was|has\s+been|had\s+been)\s+)?(?:(?P<passive>[a-z]+ed)\s+by\s)?)")
# After "As X": a speech verb in the past (with "has"/"had"), then a comma.
# ("As Tamm explained to reporters,", "As she told the Ledger,": a listener may follow)
# ("As Zelenka explained earlier,", "As she has repeatedly said,": a time adverb may sit
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
    match = _OPENER.match(text, s0, s1)
    if match is None:
        return None
    if match.group("own"):
        start, end = match.span("own")
        mention = Mention(start, end, "pronoun")
        comma = match.end() - 1
    else:
        found = mention_after(text, match.end(), s1)
        if found is None:
            return None
        mention = found
        if match.group("passive"):
            form = lexicon.speech_verbs().get(match.group("passive"))
            closing = _AS_BY_END.match(text, found.end, s1)
            if form is None or form.stance or closing is None:
                return None  # ("As followed by …": no speech)
            comma = closing.end() - 1
        elif match.group("as"):
            if text[found.start:found.end].casefold() in ("i", "we"):
                return None  # "As I mentioned earlier, …", "As we reported, …": the writer's aside
            verb = _AS_VERB.match(text, found.end, s1)
            if verb is None and found.kind == "name" and found.role and text.startswith(",", found.end):
                # "As the head of the river port, Mr. Kofi Mensah Boateng, | told reporters, …": the
                # comma closes the holder's apposition to the office
                verb = _AS_VERB.match(text, found.end + 1, s1)
            if verb is None and found.kind == "role":
                found, verb = _office_then_name(text, found, s1)
                mention = found
            form = lexicon.speech_verbs().get(verb.group("verb")) if verb else None
            if verb is None or form is None or form.stance or verb.group("verb") == form.base:
                return None  # ("As prices rose, …", "As she walks in, …": no report)
            comma = verb.end() - 1
        else:
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
    cue = Cue(match.start() + len(match.group()) - len(match.group().lstrip(" \t\n“\"‘'«(")),
              comma, "according to")
    return (content,), Attribution(mention, cue, "source first, report", 0.8)


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
