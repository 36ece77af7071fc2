"""A source described first and named after it (cataphora), as ledes do.

A lede gives a statement to a description ("a senior vet described the losses as
…", "its Swedish owner said", "Varnland's central bank said") and the same or the
next sentences name who that is: "Dr Ana Roos, the group's vet, said …", "Kestrel
AB told the stock exchange …", "The National Bank of Varnland said …". Read only
when nothing before the description fits it. The one meant is either

- the one person (or body) newly named within the next few sentences whose role
  fits the description's noun ("the museum's director" for "its director"), or
  whose relative clause says it does what the noun does ("Ana Roos, who runs a
  cafe," for "one cafe owner"), or
  whose name shows the described kind ("… Bank of Varnland" for "central bank"),
  when exactly one does; or
- failing that, the first one newly named in the next sentence, if it speaks there
  ("Kestrel AB told …", "said Ana Roos") and has no role of its own that differs
  ("a spokesman said … Minister Ivo Lenz said" is someone else); a spokesperson,
  only by a name the article does not describe as someone else's ("said Lotte
  Brink", not "Prof Dana Whitby, who …, said").

Two that fit, or another new person named first, leave the description as written.
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from quotes import lexicon, role_kin
from quotes.body_descriptions import is_kind, name_shows_kind, of_the_state
from quotes.cue_words import PREPOSITIONS
from quotes.described import Candidate
from quotes.description_fallbacks import person_heads
from quotes.gender import gender_of
from quotes.leaders import LEADERS
from quotes.occurrences import article_mentions, name_end
from quotes.people import Entity, People, not_personal
from quotes.roles import before_of, role_head
from quotes.segment import SENTENCE_BREAK
from quotes.unnamed import person_nouns

# Sentences after the description's own in which a fitting role may name it.
_ROLE_SENTENCES = 3
# Words that open a description of one source: articles and possessives ("its owner").
_OPENERS = lexicon.tagged("determiners", "article", "possessive")
# Words after the head noun that end it, a preposition or a relative word: "a spokeswoman
# for the mayor", "a vet who …".
_ENDS = PREPOSITIONS | lexicon.words("relatives")
# After a name, before its speech verb: an acronym, an apposition or a relative
# clause between commas, the comma closing an apposition the name is in ("The
# operator, Kestrel AB, said"), an auxiliary ("Kestrel AB (KAB), which …, has said").
# (a number's comma is no clause's: "which speaks for 12,000 growers,")
_TO_VERB = regex.compile(r"(?:[ \u00a0]*\([^()\n]{1,20}\))?"
                         r"(?:,(?:[^,.!?\n“”‘’\"]|(?<=\d)[,.](?=\d)){1,150},|,(?=[ \u00a0]))?"
                         r"[ \u00a0]+(?:has[ \u00a0]+|have[ \u00a0]+|had[ \u00a0]+)?(\p{Ll}+)")
_APPOSITION_AFTER = regex.compile(r",[ \u00a0]+((?:the|an?|its|their|his|her|[\p{L}\p{M}’'-]+[’']s)[ \u00a0]+"
                              r"[^,.;:!?\n“”\"]{1,60}),")
_APPOSITION_BEFORE = regex.compile(r"(?i:the|its|their|his|her)[ \u00a0]+([^,.;:!?\n“”\"]{1,60}),"
                                   r"[ \u00a0]+(?:\p{Lu}\p{L}*\.?[ \u00a0]+){0,2}$")
# After a name, words that describe its bearer: an apposition, an age, a relative clause.
_DESCRIBED_AFTER = regex.compile(r"[ \u00a0]*[,(]")
_AGE_BEFORE = regex.compile(r"\d{1,3}-year-old[ \u00a0]+$")
_OPENS = regex.compile(r"(?:\p{Lu}\p{L}*\.?[ \u00a0]+){0,2}")
_NOUN_AFTER = regex.compile(r"[ \u00a0]+(\p{Ll}+)")
_VERB_BEFORE = regex.compile(r"(?:^|[ \u00a0])(\p{Ll}+)[ \u00a0]+(?:\p{Lu}\p{L}*\.?[ \u00a0]+){0,3}$")
# After a name, a relative clause saying what its bearer does, right after it or after a
# short apposition: "Ana Roos, who runs a cafe," "Ivo Marr, a vet who heads the unit,".
_WHO_DOES = regex.compile(r",[ \u00a0]+(?:(?:an?|the)[ \u00a0]+[^,.;:!?\n“”\"]{1,40}?[ \u00a0]+)?who[ \u00a0]+"
                          r"(?:has[ \u00a0]+|had[ \u00a0]+)?(\p{Ll}[\p{Ll}-]*)")


def named_later(people: People, said: str, start: int, end: int) -> Candidate | None:
    """The person or body a description at start..end stands for, named after it."""
    head, kind = _head(said)
    set_apart = head is None and len(said.split()) > 1 and said.split()[0].casefold() == "one"
    if set_apart:
        # ("one 82-year-old pensioner calling her flat ‘…’. The pensioner, Mrs Chan Siu-lan, …":
        # one set apart from a group is named only by the noun itself in apposition)
        head, kind = _head("a " + said.split(None, 1)[1])
        if head is None:
            main = [w for w in said.split()[1:] if w[:1].islower()]
            noun = main[-1].casefold().rstrip(".,") if main else ""
            head, kind = (noun, "person") if noun in person_nouns() else (None, "")
    if head is None:
        return None
    text = people.text
    own_end = _sentence_end(text, end)
    limits = [own_end]
    for _ in range(_ROLE_SENTENCES):
        limits.append(_sentence_end(text, limits[-1]))
    gender = gender_of(said)
    named = article_mentions(people)
    fitting: list[tuple[int, Entity, str]] = []
    first: tuple[int, Entity] | None = None
    for at in named.at[bisect.bisect_left(named.at, end):]:
        if at >= limits[-1]:
            break
        entity = named.starts[at]
        if min(entity.positions) < start or any(e is entity for _, e, _ in fitting):
            continue  # (one named before would have been found before: not new here)
        if not _kind_agrees(entity, kind) or (gender and entity.gender and entity.gender != gender):
            continue
        if first is None and at >= own_end:
            first = (at, entity)
        if (why := _fits(text, at, entity, head, kind, said)) is not None:
            fitting.append((at, entity, why))
    if set_apart:
        named_so = [f for f in fitting if ((ap := _APPOSITION_BEFORE.search(text, max(0, f[0] - 80), f[0]))
                    and _fits_role(ap.group(1), head, said)) or _does(text, f[0], head)]
        if len(fitting) != 1 or len(named_so) != 1:
            return None
    if len(fitting) == 1:
        at, entity, why = fitting[0]
        return Candidate(entity.name, entity.role, 1, at, f"the article names {entity.name} after it, "
                         f"{why} (offset {at})")
    if fitting or first is None or first[0] >= limits[1]:
        return None  # (two that fit, or nobody new in the next sentence)
    at, entity = first
    if any(role and role_head(role) not in lexicon.words("honorifics") and not _fits_role(role, head, said)
           for role in (entity.role, _apposition(text, at))):
        return None  # ("a spokesman said … Minister Ivo Lenz said": someone else)
    if head in lexicon.words("speaks_for") and (entity.role or _DESCRIBED_AFTER.match(text, name_end(text, at))
                                                or _AGE_BEFORE.search(text, max(0, at - 20), at)):
        return None  # ("a Harwell Water spokesman said … Prof Dana Whitby, who …, said": one the
        # article describes as someone else, by a title, an age or a clause; not "said Lotte Brink")
    if kind == "body" and said.split()[0].casefold() in _OWNERS and head in _bodies_of_many() and (
            of_the_state(entity)):
        return None  # ("…, their union said. ¶ The Ministry of Transport said": another body)
    lede = kind == "body" and _in_lede(text, start)
    definite = said.split()[0].casefold() == "the" and not (kind == "person" and " of " in said) and not (
        lede and _possessive(said))
    if definite and lede and head in _bodies_of_many() and len(entity.words) > 1 and not (
            of_the_state(entity)) and _speaks(text, at, limits[1], entity.name):
        # ("…, the company said Tuesday. ¶ In a statement, Kalvik Roboworks said": no one
        # company is known to the reader, so the lede's is the one named speaking next)
        return Candidate(entity.name, entity.role, 1, at,
                         f"the next sentence names {entity.name} first, speaking (offset {at})")
    if definite or (kind == "person" and head in lexicon.words("unnamed_sources")):
        # ("the agency said" refers back, "The winner of the race said" does not; "a passenger
        # said … Ana Roos said": another, often)
        return None
    if _speaks(text, at, limits[1], entity.name):
        return Candidate(entity.name, entity.role, 1, at,
                         f"the next sentence names {entity.name} first, speaking (offset {at})")
    if said.split()[0].casefold() == "the" and kind != "body" and _OPENS.fullmatch(text, own_end, at):
        # ("The winner of the women's race said … . Amina Njeri, who set a course record,
        # travelled …": one the description makes unique, whom the next sentence is about)
        return Candidate(entity.name, entity.role, 1, at,
                         f"the next sentence opens with {entity.name} (offset {at})")
    return None


def _possessive(said: str) -> bool:
    """"the mine's operator": the possessive anchors the description in its own sentence,
    so it refers back to no source; a body so described is new (a person, "the firm's
    founder", may be named much later)."""
    words = said.split()
    return len(words) > 2 and words[1].endswith(("'s", "’s", "s'", "s’"))


def _in_lede(text: str, start: int) -> bool:
    """In the article's first paragraph, after any byline or heading line ("By Ana
    Roos"): a short line with no sentence end is no paragraph of the story."""
    return all(len(line.split()) <= _HEADING_WORDS and not line.rstrip().endswith((".", "!", "?"))
               for line in text[:start].split("\n")[:-1])


# Nouns in -ing that head a description, no participle ("the building", "the hearing").
_ING_NOUNS = lexicon.words("ing_nouns")
# The most words of a byline or heading line above a lede.
_HEADING_WORDS = 8
# Possessive pronouns a lede gives a body by ("their union said").
_OWNERS = frozenset({"their", "its"})


@cache
def _bodies_of_many() -> frozenset[str]:
    """Kinds of body there are many of (a company, a union): `lexicons/bodies_of_many.txt`
    and the trade nouns (`lexicons/trade_nouns.txt`)."""
    return lexicon.words("bodies_of_many") | lexicon.words("trade_nouns")


def _head(said: str) -> tuple[str | None, str]:
    """The description's noun and whether it is a person's, a body's or either's."""
    words = said.split()
    if len(words) < 2:
        return None, ""
    opener = words[0].casefold()
    if opener not in _OPENERS and not opener.endswith(("'s", "’s")):
        return None, ""  # ("one angler", "another official", "some residents": set apart)
    main: list[str] = []
    for word in words[1:]:
        if word.casefold() in _ENDS or word.endswith(",") or (
                main and word.islower() and word.endswith("ing") and word not in _ING_NOUNS):
            break  # ("A union | representing croupiers at …": a participle ends the noun)
        main.append(word)
    if len(main) < len(words) - 1 and words[-1][:1].islower() and words[-2][:1].isupper() and not words[
            -2].endswith(("'s", "’s")):
        main = words[1:]  # ("a Department for Housing spokeswoman": a name before the noun)
    if not main:
        return None, ""
    head = main[-1].casefold().rstrip(".,")
    if head in _either():
        return head, "either"
    if is_kind(head):
        return head, "body"
    if head in person_heads():
        return head, "person"
    return None, ""


def _kind_agrees(entity: Entity, kind: str) -> bool:
    if kind == "person":
        return not not_personal(entity) and (entity.person or entity.evident or entity.role is not None)
    if kind == "body":  # (a two-word name is taken for a person's until shown: "Minera Andina")
        return not entity.gender and (not entity.person or not (entity.evident or entity.role))
    return True


def _fits(text: str, at: int, entity: Entity, head: str, kind: str, said: str) -> str | None:
    """The role or kind by which the one named at `at` fits the description's noun."""
    if kind == "body":
        modifier = _NOUN_AFTER.match(text, name_end(text, at))
        if modifier is not None and modifier.group(1) in person_heads():
            return None  # ("a Ministry of Health official said": the official speaks, not the ministry)
        if name_shows_kind(entity, head):
            return "a name of that kind"
        return "a name holding its words" if _words_in_name(entity, head, said) else None
    if (does := _does(text, at, head)) is not None:
        return does
    if kind != "person":
        return None
    for role in (entity.role, _apposition(text, at)):
        if role and _fits_role(role, head, said):
            return f'"{role}"'
    return None


def _does(text: str, at: int, head: str) -> str | None:
    """"one cafe owner … Ana Roos, who runs a cafe,", "the firm's founder … Ivo Marr, who
    founded the firm,": a relative clause after the name whose verb is what the
    description's noun does (`lexicons/doer_verbs.txt`) says who the description is."""
    found = _WHO_DOES.match(text, name_end(text, at))
    if found is None or head not in _doers().get(found.group(1), ()):
        return None
    return f'"who {found.group(1)} …"'


@cache
def _doers() -> dict[str, frozenset[str]]:
    return {row.split()[0]: frozenset(row.split()[1:]) for row in lexicon.lines("doer_verbs")}


def _words_in_name(entity: Entity, head: str, said: str) -> bool:
    """"the offshore regulator" for the "Atlantic Offshore Safety Board", "the country's
    disease control agency" for the "National Disease Control Centre": a body described by
    what it does, each word before its noun written in the name (one at least)."""
    main = before_of(said.split())
    words = [w.casefold() for w in main[1:] if not w.endswith(("’s", "'s"))]
    if not words or words[-1] != head:
        return False
    modifiers = words[:-1]
    named = {w.casefold().strip(".,") for w in entity.words}
    return bool(modifiers) and all(w.isalpha() and w.islower() and w in named for w in modifiers)


def _fits_role(role: str, head: str, said: str) -> bool:
    """The role has the description's noun, with no modifier the description lacks, nor,
    when the description names a body, another body: "the harbour director" is not "the
    archive director", nor "Alba Bank's president" "the president of Corvo Trust"; "the
    museum's director" may be "its director", "the group's vet" "a senior vet"."""
    if role_kin.fit(head, role) < role_kin.FITS and not (
            head in LEADERS and " of " in said and role_head(role) in LEADERS):
        return False  # ("The head of the Ostmark Sailing Federation" may be its "Federation president")
    main = before_of(role.split())
    modifiers = {w.casefold() for w in main[:-1] if w.isalpha() and w.islower()} - _OPENERS
    if not modifiers <= {w.casefold() for w in said.split()}:
        return False
    written = role.split()
    named = _capitalised(written[:len(main) - 1] + written[len(main):])
    said_named = _capitalised(said.split()[1:])
    return not said_named or named <= said_named


def _capitalised(words: list[str]) -> set[str]:
    return {w.removesuffix("’s").removesuffix("'s").strip(".,").casefold() for w in words
            if w[:1].isupper()} - _TITLES


_TITLES = lexicon.words("honorifics") | {"the"}


def _apposition(text: str, at: int) -> str | None:
    """The role written beside the name: "Ana Roos, the museum's director," or "Its
    director, Ana Roos"."""
    after = _APPOSITION_AFTER.match(text, name_end(text, at))
    if after is not None:
        return after.group(1)
    before = _APPOSITION_BEFORE.search(text, max(0, at - 80), at)
    return before.group(1) if before is not None else None


def _speaks(text: str, at: int, limit: int, name: str = "") -> bool:
    """"Kestrel AB, which …, told …", "said Ana Roos": the name is a speech verb's subject."""
    end = max(name_end(text, at), at + len(name) if name and text.startswith(name, at) else at)
    if text[end - 1:end] == ".":
        limit = max(limit, _sentence_end(text, end))  # ("Harlow Quarry Co. said": no sentence ends there)
    after = _TO_VERB.match(text, end, limit)  # (the name's own end: "Cwmni Theatr y Glannau, which …")
    if after is not None and after.group(1) in lexicon.speech_verbs():
        return True
    before = _VERB_BEFORE.search(text, max(0, at - 60), at)
    return before is not None and before.group(1) in ("said", "says")


def _sentence_end(text: str, pos: int) -> int:
    found = SENTENCE_BREAK.search(text, pos)
    return found.end() if found else len(text)


@cache
def _either() -> frozenset[str]:
    """Nouns for one that may be a person or a body ("its owner", "the buyer")."""
    return lexicon.words("either_nouns")
