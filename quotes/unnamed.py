"""A source described, never named: "One patient", "a local official", "A Ministry
of Defence spokesperson".

News English refers back to such a source as it does to a named one: "One patient
… told the BBC he had waited 19 weeks. ‘I kept ringing,’ he said." The "he" is the
patient, not a doctor named two paragraphs before. So a speaker described by a
singular noun for a person, whom no named entity matches, becomes a candidate for
the next "he" or "she" at the place it spoke. Its gender is the one its words show
("spokeswoman", "man") or, else, a subject pronoun in its own relative clause
("who asked not to be named because he was not authorised"); else it agrees with
either. Groups ("patient safety campaigners"), bodies ("the regulator") and
documents ("the statement") are no such source.
"""

from __future__ import annotations

from functools import cache

import regex

from quotes import lexicon
from quotes.gender import gender_of
from quotes.names import Mention
from quotes.noun_phrases import PLACE_LINKS
from quotes.people import People
from quotes.segment import SENTENCE_BREAK

# Words after which a description's main part ends: "a spokesman for the trust".
_COMPLEMENTS = frozenset("of for at in from with on who which".split())
# An indefinite article introduces someone new; "the head of the diplomacy" refers back.
_OPENERS = frozenset("a an one another".split())
# A subject pronoun in the source's own clause, before its cue.
_SUBJECT_PRONOUN = regex.compile(r"\b(?:(he)|(she))\b")


def head_noun(said: str) -> str | None:
    """The head of a description of one person ("One patient", "a local official in
    Dubrovo" → "official"), or None for a name, a group, a body or a document."""
    words = said.split()
    if len(words) < 2 or (words[0].casefold() not in _OPENERS and not _OF_SOMEONE_NEW.match(said)):
        return None
    if (one := _ONE_OF.fullmatch(said)) is not None:
        return _one_of(one.group(1).casefold())
    main = words[1:]
    for k, word in enumerate(main):
        if k and word.casefold() in _COMPLEMENTS:
            main = main[:k]
            break
    for k, word in enumerate(main[1:], 1):
        if word.endswith(("ed", "ing")) and _personal(main[k - 1].casefold()):
            main = main[:k]  # ("an officer | involved in the rescue", "a trader | speaking …")
            break
    head = main[-1].casefold().rstrip(".,")
    if not head.isalpha() or (head.endswith("s") and not head.endswith("ss")):
        return None  # ("officials", "two sources": a group)
    return head if _personal(head) else None


# "The daughter of one victim", "the owner of a bakery": "the" before one the article
# introduces by someone or something new.
_OF_SOMEONE_NEW = regex.compile(r"(?i:the)[ \u00a0]+\p{Ll}+[ \u00a0]+of[ \u00a0]+(?:an?|one|another)[ \u00a0]")
# "One of the analysts", "one of the victims": one person set apart from a group.
_ONE_OF = regex.compile(r"(?i:one)[ \u00a0]+of[ \u00a0]+(?:the|its|their)[ \u00a0]+(\p{Ll}+)")


def _one_of(plural: str) -> str | None:
    """The noun for one of a group of people ("analysts" → "analyst"), or None."""
    head = plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else ""
    return head if head.isalpha() and _personal(head) else None


# Endings of a noun for one who does something ("import|er", "min|er", "meteorolog|ist",
# "histor|ian", "invest|or"): a source described by one is a person, whatever the trade.
_AGENT_ENDINGS = ("er", "or", "ist", "ian")


def _personal(head: str) -> bool:
    """A noun for one person: listed, or shaped as one who does something and no kind of
    body ("a lender", "an operator"), document ("a letter") or outlet ("a broadcaster")."""
    if head in person_nouns():
        return True
    return len(head) >= 5 and head.isalpha() and head.endswith(_AGENT_ENDINGS) and head not in _not_agents()


@cache
def _not_agents() -> frozenset[str]:
    """Nouns shaped like a person's that name a body, a document, an outlet or a thing."""
    return (lexicon.every_word("body_kinds") | lexicon.words("documents") | lexicon.words("research_documents")
            | lexicon.words("media_nouns") | lexicon.words("not_agents"))


# roles.txt also heads groups, bodies and documents that speak ("a poll", "a video").
_NOT_PEOPLE = frozenset("campaign poll audience crowd staff leadership panel media ad video editorial".split())


@cache
def person_nouns() -> frozenset[str]:
    """Singular nouns for one person: not a document ("a statement"), a research
    finding ("a study") or a kind of body ("a regulator")."""
    people = (lexicon.words("roles") | lexicon.words("person_nouns") | lexicon.words("gendered_titles")
              | lexicon.words("unnamed_sources"))
    return (people - lexicon.words("documents") - lexicon.words("research_documents")
            - lexicon.words("body_kinds") - _NOT_PEOPLE)


_SP = r"[ \u00a0]+"
# ", who gave his name only as Ibrahim", ", who gave only her first name, Daria", ", who
# asked to be identified only as Tomas", " who gave only his first name, Reza" (no comma
# before "who"): a described source the next words name.
_GIVEN_NAME = regex.compile(
    r"(?:,(?:[ \u00a0]+who)?|[ \u00a0]+who)(?:"
    + _SP + r"(?:would" + _SP + r")?(?:only" + _SP + r")?(?:gave|give|gives|giving)"
    + _SP + r"(?:only" + _SP + r")?(?:his|her|their)" + _SP + r"(?:(?:first|full|last)" + _SP + r")?name"
    + r"(?:" + _SP + r"only)?(?:" + _SP + r"as" + _SP + r"|,[ \u00a0]+)"
    + r"|" + _SP + r"(?:(?:asked|wished|wanted)" + _SP + r"to" + _SP + r"be" + _SP + r")?identified"
    + _SP + r"(?:only" + _SP + r")?(?:by" + _SP + r"(?:his|her|their)" + _SP + r"(?:first" + _SP
    + r")?name" + _SP + r")?as" + _SP + r")"
    + r"(\p{Lu}[\p{L}\p{M}’'-]+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}’'-]+)?)(?![\p{L}\p{M}])")


def given_name(text: str, end: int) -> str | None:
    """The name the words right after a description give its source ("A survivor, who
    gave his name only as Ibrahim,"), or None."""
    match = _GIVEN_NAME.match(text, end, min(len(text), end + 120))
    return match.group(1) if match else None


def register(people: People, mention: Mention, cue_start: int, speaker: str) -> bool:
    """Make a described speaker, whom no named entity matches, a candidate antecedent
    at its mention. Returns whether it was one."""
    text = people.text
    said = text[mention.start:mention.end]
    if head_noun(said) is None:
        return False
    # (it stands after any name inside its own words: "A spokeswoman for Minister Ida Varga
    # said … ‘…,’ she said" is the spokeswoman)
    at = mention.start + said.rindex(said.split()[-1])
    people.unnamed(speaker, at, gender_of(said) or _own_clause_gender(text, mention.end, cue_start))
    return True


def _own_clause_gender(text: str, end: int, cue_start: int) -> str | None:
    """"An official, who asked not to be named because he …, said": the gender of a
    subject pronoun between the description and its cue."""
    match = _SUBJECT_PRONOUN.search(text, end, cue_start) if cue_start > end else None
    if match is None:
        return None
    return "m" if match.group(1) else "f"


# "the mayor", "The new minister": a definite description of one person.
_DEFINITE = regex.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?([a-z]+)\b(?![’']s)")


def described_since(people: People, at: int, pos: int) -> bool:
    """Is someone described by a definite noun ("the mayor brought it up again") after
    the sentence where the described source at `at` spoke, before pos? That person,
    known to the reader, is then nearer than the source."""
    text = people.text
    end = SENTENCE_BREAK.search(text, at, pos)
    if end is None:
        return False
    return any(match.group(1) in person_nouns() and not people.in_quotation(match.start())
               for match in _DEFINITE.finditer(text, end.end(), pos))


# "A Ministry of Defence spokesperson", "a local official in Dubrovo": an unnamed
# person introduced before a description of them, written as the article gives it.
_CAPITAL = r"\p{Lu}[\p{L}\p{M}’'.&-]*"
# A preposition right before an introduction's determiner: the noun is its object.
_OBJECT_OF = regex.compile(r"(?i)\b(?:without|of|for|into|about|than|like|with)[ \u00a0]+$")
_INTRODUCING = regex.compile(r"(?<![\p{L}\p{M}\d’'-])(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0]")
_INTRODUCTION = regex.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0]+"
    r"(?:(?:(?!(?:of|for|with|at|in|on|to|from|by|and|or|who|that|which|whose|the|this|these|those|"
    r"his|her|its|their|our|over|after|before|than|about|into|as|is|was|were|are|has|had|have|been)"
    r"[ \u00a0])"
    r"[\p{L}\p{M}\d][\p{L}\p{M}\d.’'&-]*|(?<=\p{Lu}[\p{L}\p{M}]*[ \u00a0])(?:of|for|and)(?=[ \u00a0]\p{Lu}))"
    r"[ \u00a0]+){0,6}?$")
_INTRODUCTION_PLACE = regex.compile(
    r"[ \u00a0]+(?:in|at|from|for|of)[ \u00a0]+(?:the[ \u00a0]+)?" + _CAPITAL
    + r"(?:[ \u00a0]+(?:of[ \u00a0]+)?" + _CAPITAL + r"){0,4}(?![\p{L}\p{M}])")
# How far back an unnamed person's introduction may be ("an official … the official").
_INTRODUCTION_REACH = 1500


def introduced(people: People, modifiers: list[str], nouns: list[tuple[int, int]],
               pos: int) -> tuple[int, str] | None:
    """Where and how the article introduced the one unnamed person a definite description
    refers back to ("A Ministry of Defence spokesperson said … the spokesperson said"),
    given where its noun is written before pos; None when no such person, or two ("an
    official … another official")."""
    text = people.text
    found: list[tuple[int, str]] = []
    for start, end in nouns:
        if people.in_quotation(start):
            continue  # ("“We cannot order a doctor to move,” she said": nobody introduced)
        lo = max(people.body[0], start - 80)
        opened = [d.start() for d in _INTRODUCING.finditer(text, lo, start)]
        at = next((d for d in reversed(opened) if _INTRODUCTION.fullmatch(text, d, start)), None)
        if at is None or pos - at > _INTRODUCTION_REACH or not _all_in(text[at:start], modifiers):
            continue  # (the nearest determiner: "a report found an official")
        if _OBJECT_OF.search(text, max(lo - 12, people.body[0]), at):
            continue  # ("practices may remain without a doctor": no source introduced)
        place = _INTRODUCTION_PLACE.match(text, end, min(len(text), end + 80))
        if place and not _place_ends(text, place.end()):
            place = None  # ("a source at the Harwick station": the name is a modifier)
        tail = place.end() if place else _described_tail(text, end)
        found.append((at, text[at:tail]))
    if len({written.casefold() for _, written in found}) != 1:
        return None
    return found[-1]


# A lower-case phrase after the noun that tells the source apart, as the speaker reads it
# ("a senior official | involved in the talks", "an engineer | at one of the plants").
_DESCRIBED_TAIL = regex.compile(
    r"[ \u00a0]+(?:(?:" + "|".join(" ".join(p.split()) for p in lexicon.lines("postmodifiers"))
    + r")|" + "|".join(sorted(PLACE_LINKS)) + r")((?:[ \u00a0]+[\p{L}\p{M}\d’'-]+){1,6}?)"
    r"(?=[ \u00a0]*[,.;:]|[ \u00a0]+(?:who|told|said|says)\b)")


def _described_tail(text: str, end: int) -> int:
    """Where an introduction ends with a describing phrase after its noun, or `end`."""
    match = _DESCRIBED_TAIL.match(text, end, min(len(text), end + 80))
    if match is None or match.group(1).split()[-1].casefold() in lexicon.words("occasions") | lexicon.words(
            "documents"):
        return end
    return match.end()


def _place_ends(text: str, end: int) -> bool:
    """A place phrase ends the introduction: punctuation or a verb follows it."""
    following = regex.match(r"[ \u00a0]+([\p{Ll}]+)", text[end:end + 30])
    return following is None or following.group(1) in lexicon.speech_verbs() or (
        following.group(1) in ("who", "which", "that", "has", "had", "was", "is"))


def _all_in(introduction: str, modifiers: list[str]) -> bool:
    """"the senior aide" for "a senior aide", not "the second official" for "an official"."""
    return {w.casefold() for w in modifiers} <= {w.casefold() for w in introduction.split()}
