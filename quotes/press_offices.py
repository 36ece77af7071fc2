"""Offices that speak for a body: "This was reported by the press service of the
Ministry of Energy", "the press office of Harwick Council said", "the ministry's press
service said" → "press service of the Ministry of Energy", "press office of Harwick
Council", the press service of the ministry named in full. The speaker is the office
with its body's full name, as every style-set writer since the third annotates it and
as a spokesperson is named ("ministry spokesperson"); the explanation says which body
it speaks for (docs/styles.md, "a press service is the speaker, named with its body").
A later bare "the press service said" is the same office. The office phrases are data
(lexicons/press_offices.txt).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.names import Mention
from quotes.people import People
from quotes.resolve import Resolved, resolve

# How far back a bare "the press service" looks for the office named in full.
_REACH = 3000
_NAME_REACH = 200


@cache
def _office() -> regex.Pattern[str]:
    words = lexicon.phrase_alternation("press_offices")
    return regex.compile(rf"(?i:(?:the|its|their)\s+)?(?i:{words})\b(?P<of>\s+of\s+)?")


@cache
def _owned_office() -> regex.Pattern[str]:
    words = lexicon.phrase_alternation("press_offices")
    return regex.compile(rf"(?P<owner>(?i:the)\s+\p{{Ll}}+)[’']s\s+(?P<office>(?i:{words}))")


def speaks_for(people: People, mention: Mention | None) -> tuple[Mention, Resolved] | None:
    """A press office mention named with the body it speaks for: a mention spanning the
    office's words and the body's name, and the body resolved as any mention of it would
    be, its speaker the office with the body's full name."""
    if mention is None or mention.kind != "role":
        return None
    text = people.text
    office = _office().match(text, mention.start, mention.end)
    owned = None if office else _owned_office().fullmatch(text, mention.start, mention.end)
    where = ""
    if owned is not None:  # "the ministry's press service": the ministry named before
        said = owned.group("office")
        body: Mention | None = Mention(owned.start(), owned.end("owner"), "role", None, owned.group("owner"))
    elif office is None:
        return None
    elif office.group("of"):
        said = text[office.start():office.start("of")]
        body = mention_after(text, office.end(), min(len(text), office.end() + _NAME_REACH))
    elif office.end() == mention.end:  # a bare "the press service": the one named before
        said = text[office.start():office.end()]
        body, at = _named_before(text, mention.start, _words(said))
        where = f", the {_words(said)} named in full at offset {at}"
    else:
        return None
    if body is None or body.kind == "pronoun":
        return None
    found = resolve(people, body, body.start)
    if found.speaker is None:
        return None
    # The mention spans the office and the body's whole name (read cut short before:
    # "the press service of the Ministry | of Energy").
    spoken = replace(body, start=mention.start, end=max(body.end, mention.end)) if (
        office is not None and office.group("of")) else mention
    owner = found.speaker
    entity = people.entity(owner)
    if entity is not None and entity.person:  # "the press service of the President": his office, as written
        owner = " ".join(text[body.start:body.end].split())
    words = _words(said)
    office_name = f"{words} of {_article(text, owner)}{owner}"
    why = (f'"{text[mention.start:mention.end]}" is the {words} of {found.speaker}{where}, '
           f"named with its body; {found.explanation}")
    return spoken, replace(found, speaker=office_name, explanation=why)


# "Ministry of …": a body's name built from its kind and what it is of.
_MINISTRY_OF = regex.compile(r"\p{Lu}\p{Ll}+ of ")


def _article(text: str, name: str) -> str:
    """ "the " when the article writes the body's name after "the" ("the Ministry of
    Energy", but "TavGaz"), so the office reads as the article would write it."""
    if name[:1].islower() or name.casefold().startswith("the "):
        return ""
    if name not in text and _MINISTRY_OF.match(name):
        return "the "  # (a name the article never writes, a minister's "Ministry of Roads": English's)
    return "the " if regex.search(rf"(?i:\bthe)\s+{regex.escape(name)}", text) else ""


def _named_before(text: str, pos: int, office: str) -> tuple[Mention | None, int]:
    """The body after the last "<office> of" before pos with the same office words ("the
    press office said" is not the information department's), and where it is named."""
    last = None
    for match in _office().finditer(text, max(0, pos - _REACH), pos):
        if match.group("of") and _words(text[match.start():match.start("of")]) == office:
            last = match
    if last is None:
        return None, -1
    return mention_after(text, last.end(), min(len(text), last.end() + _NAME_REACH)), last.start()


def _words(phrase: str) -> str:
    """The office's words without a leading determiner, in lower case, spaces made single."""
    words = phrase.casefold().split()
    return " ".join(words[1:] if words[0] in ("the", "its", "their") else words)
