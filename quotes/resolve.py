"""Resolve a speaker mention to a person of the article, and say why.

A mention resolves by its name, by surname, by a role the article gave a
person ("the NATO Secretary General"), or, for a pronoun, to the most recent
person named before it outside quotation marks. Who the article's people are
is `quotes.people`; this module asks it and words the explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from quotes import descriptions, lexicon, role_words, unnamed
from quotes.after_cue import mention_after
from quotes.agreement import agreeing_rival
from quotes.appositions import STYLE_GRADE_WORDS, STYLE_POSSESSIVE_WORDS
from quotes.body_descriptions import is_kind
from quotes.entities import Entity, names_body
from quotes.gender import given_gender
from quotes.joint import described_pair, two_named
from quotes.mention_words import bare_role
from quotes.named_later import named_later
from quotes.names import PRONOUN_FORMS, Mention
from quotes.organisations import named_body
from quotes.people import Antecedent, People, Turn, titled
from quotes.plural_subjects import plural_subject
from quotes.roles import strip_determiner, with_role
from quotes.segment import SENTENCE_BREAK

Span = tuple[int, int]
# How much of its confidence a resolution keeps when another person competed.
_UNSURE = 0.8
# A possessive pronoun and the personal pronoun whose gender it has.
_POSSESSIVES = {"his": "he", "her": "she", "its": "it"}


# (a value, never assigned to: not frozen, as quotes.names.Mention says why)
@dataclass(unsafe_hash=True)
class Resolved:
    """A resolved speaker and the path that led to it."""

    speaker: str | None
    role: str | None
    resolution: str  # name, surname, role, pronoun, none
    explanation: str
    weight: float = 1.0  # below 1 when another person could as well be meant


def resolve(people: People, mention: Mention | None, pos: int) -> Resolved:
    """Resolve a speaker mention found at pos."""
    if mention is None:
        return Resolved(None, None, "none", "no speaker found near the quote")
    said = people.text[mention.start:mention.end]
    if mention.kind == "pronoun":
        return _pronoun(people, said, mention.start)
    if mention.kind == "name" and (styled := _STYLE_ALONE.fullmatch(said)):
        return _styled(people, styled, mention, said)
    if mention.kind == "name" and mention.name and (standing := _standing_follow_on(people, said, mention)):
        return standing
    if mention.kind == "name" and mention.name:
        return _name(people, mention, mention.name, said)
    return _together(people, mention, said) or _role(people, mention, said)


# A style of address standing for its holder: "His Excellency said", "Her Highness"
# (lexicons/address_styles.txt, the styles marked "+alone").
_STANDING_STYLES = "|".join(sorted(s.capitalize() for s in lexicon.tagged("address_styles", "+alone")))
# A style's grade ("Most Venerable", "Right Reverend"; the short "Rt" is read by appositions
# only), or "the" before it: "the Most Venerable", "the Venerable", no gender told.
_STYLE_GRADES = rf"(?:[Tt]he[ \u00a0]+)?(?:{STYLE_GRADE_WORDS})|[Tt]he"
_STYLE_ALONE = regex.compile(
    rf"(?:(?P<own>{STYLE_POSSESSIVE_WORDS})|{_STYLE_GRADES})[ \u00a0]+(?P<style>{_STANDING_STYLES})")
# How far after a style the name it is given may end ("His Excellency the Minister of … Sheikh …").
_STYLE_REACH = 160


@cache
def _style_written(style: str) -> regex.Pattern[str]:
    """Where the article gives someone the style: "His Excellency", "H.E." (its short form)."""
    short = r"|\bH\.E\." if style == "Excellency" else ""
    return regex.compile(rf"\b(?:{STYLE_POSSESSIVE_WORDS}|{STYLE_GRADE_WORDS})[ \u00a0]+{style}\b{short}")


def _styled(people: People, styled: regex.Match[str], mention: Mention, said: str) -> Resolved:
    """"His Excellency said": the person the article last named with that style before pos
    ("His Excellency the Minister of Energy Sheikh Ali Al-Thani", "H.E. Sok Vannarith"),
    whose gender does not differ; else the style as written."""
    pos = mention.start
    style = styled.group("style")
    own = (styled.group("own") or "").casefold()
    gender = "m" if own == "his" else "f" if own == "her" else None
    starts = [m.start() for m in _style_written(style).finditer(people.text, people.body[0], pos)]
    mentions = people.mentions()
    for start in reversed(starts):
        for at, entity in mentions:
            if start < at <= start + _STYLE_REACH and at < pos and entity.person and (
                    entity.gender in (None, gender) or gender is None):
                return Resolved(entity.name, entity.role, "role",
                                f'"{said}" → {entity.name}: the article names {entity.name} with '
                                f"that style at offset {start}")
    if not own and (kin := _role(people, mention, said)).speaker not in (None, strip_determiner(said)):
        return kin  # ("the Venerable" after "the abbot …, Phra X": a role noun of the clergy family)
    return Resolved(said, None, "role", f'"{said}": the article names nobody with that style before it')


# "the Recorder": "the" and one capitalised word, read as a name.
_THE_WORD = regex.compile(r"(?i:the)[ \u00a0]+\p{Lu}\p{Ll}+")


def _standing_follow_on(people: People, said: str, mention: Mention) -> Resolved | None:
    """"the Recorder said" after "Recorder Helen Dacre": "the" and a capitalised word the
    article never gives as a person's name is the standing or office it wrote with one
    person's name, before or after it, and means that person."""
    if not _THE_WORD.fullmatch(said):
        return None
    word = said.split()[-1]
    known = people.by_name(word)
    if known is not None and known.person and any(not _after_the(people.text, at) for at in known.positions):
        return None  # ("Gray said" after "the Gray …": a name the article uses alone too)
    meant = descriptions.meaning(people, said, mention.start)
    entity = people.by_name(meant.name) if meant is not None and meant.name else None
    if meant is None or meant.name is None or entity is None or not entity.person or len(entity.words) < 2 or (
            not _written_with(people.text, word, entity)):
        return None  # ("According to the Post": no one was given the word; no fallback to the last named)
    return Resolved(meant.name, meant.role, "role", f'"{said}" → {meant.name}: {meant.why}', meant.weight)


def _written_with(text: str, word: str, entity: Entity) -> bool:
    """The article writes the word right before the person's name ("Recorder Helen Dacre") or
    right after it, past a comma and up to two capitalised words ("Ana Veldt, Deputy Director")."""
    before = any(text.endswith(f"{word} ", 0, at) for at in entity.positions)
    after = (rf"\b{regex.escape(entity.surname)},[ \u00a0]+(?:\p{{Lu}}\p{{L}}*[ \u00a0]+){{0,2}}"
             rf"{regex.escape(word)}\b")
    return before or regex.search(after, text) is not None


def _after_the(text: str, at: int) -> bool:
    return text[max(0, at - 4):at].casefold() == "the "


def _together(people: People, mention: Mention, said: str) -> Resolved | None:
    """"Mr. Aldous and Ms. Penrose said": two names speaking together, each resolved."""
    cut = said.find(" and ")
    if cut < 0:
        return None
    speaks = _SPEAKS_FOR_OPENING.match(said)
    if speaks is not None and speaks.group(1).casefold() in lexicon.words("speaks_for"):
        return None  # ("A spokesman for the Foreign, Commonwealth and Development Office": one body)
    parts = ((mention.start, mention.start + cut), (mention.start + cut + 5, mention.end))
    names = [mention_after(people.text, start, end) for start, end in parts]
    if any(m is None or m.kind != "name" or not m.name or (m.start, m.end) != part
           for m, part in zip(names, parts, strict=True)):
        return None  # ("current and former officials": a role)
    if (one := _one_office(people, names[0], names[1])) is not None:
        return _name(people, one, one.name or (one.start, one.end), said)
    resolved = [_name(people, m, m.name, people.text[m.start:m.end]) for m in names if m and m.name]
    speaker = " and ".join(r.speaker or "" for r in resolved)
    return Resolved(speaker, None, "name", f'"{said}" names {speaker}, who speak together')


# "A spokesman for | …", "a representative of | …": one who speaks for what follows.
_SPEAKS_FOR_OPENING = regex.compile(
    r"(?i:(?:an?|the)[ \u00a0]+)?(?:\p{Ll}+[ \u00a0]+)?(\p{L}+)[ \u00a0]+(?:for|of)[ \u00a0]")


def _one_office(people: People, first: Mention | None, second: Mention | None) -> Mention | None:
    """"Rivers and | Lakes Protection Minister Anil Weerakoon", "Marrow Island Hotel and |
    Guesthouse Association president Nadia Fortune-Blake": the words after "and" go on with
    the capitalised name before it (no title opens them), so the two sides are one office
    or body's name and one person holds it; not two speakers ("Ana Ruiz and | Deputy Mayor
    Tom Lee": a person, then a title; "Ana Ruiz and | Harbour Board chair Tom Lee": a
    given name opens the first; "Okafor and | Harbour Board chair Tom Lee" after "Ada
    Okafor": a person named before)."""
    text = people.text
    if first is None or second is None or first.role or not second.role or second.name is None:
        return None
    opening = second.role.split()[0]
    words = text[first.start:first.end].split()
    given = lexicon.words("given_names")
    if len(words) > 2 or not opening[:1].isupper() or opening.casefold() in _role_openers() or any(
            w.casefold() in given for w in words) or any(
            e.person and len(e.words) > 1 and e.words[-1] == words[-1] and e.named_at < first.start
            for e in people.entities):
        return None
    return Mention(first.start, second.end, "name", second.name, text[first.start:second.name[0]].strip())


@cache
def _role_openers() -> frozenset[str]:
    """Words that open a role of their own: titles, role nouns, courtesy titles."""
    return lexicon.words("titles") | lexicon.words("roles") | lexicon.words("honorifics")


def _name(people: People, mention: Mention, name: Span, said: str) -> Resolved:
    entity, words = people.named(mention, name)
    if len(words) == 1 and names_body(entity):
        entity = _person_of_surname(people, entity, mention.start) or entity
    role = bare_role(mention.role) or entity.role
    if entity.words == words:
        return Resolved(entity.name, role, "name", f'"{said}" names {entity.name}')
    return Resolved(entity.name, role, "surname",
                    f'"{said}" → {entity.name}: the full name the article gives '
                    f'at offset {entity.named_at}')


def _person_of_surname(people: People, body: Entity, pos: int) -> Entity | None:
    """"says Delacourt" where the article named "Studio Delacourt" and "Mary Ann
    Delacourt": a surname alone is the person's (a body is called by its name), when
    one person of that surname was named in full before it."""
    persons = [e for e in people.entities if e is not body and len(e.words) > 1 and e.surname == body.surname
               and e.person and not names_body(e) and e.named_at < pos]
    return persons[0] if len(persons) == 1 else None


def _role(people: People, mention: Mention, said: str) -> Resolved:
    # "Major said" after "Edith Major": a title word as a surname (a plural is a group: "Republicans")
    if " " not in said and said[:1].isupper() and not said.endswith("s") and (
            entity := people.title_word_surname(said)) and _given_name(entity.words[0]):
        return Resolved(entity.name, entity.role, "surname",
                        f'"{said}" → {entity.name}: the full name the article gives '
                        f'at offset {entity.named_at}')
    authored = _author(people, mention, said)
    if authored is not None:
        return authored
    if (given := unnamed.given_name(people.text, mention.end)) is not None:
        if (entity := people.entity(given)) is not None:
            entity.person = entity.evident = True  # (one who gives a name is a person)
        return Resolved(given, strip_determiner(said), "role",
                        f'"{said}": the words after it name the source, {given}')
    pair = described_pair(people.text, said, mention.start)
    if pair is not None:
        return Resolved(pair, None, "role", f'"{said}" → {pair}: the two the article last named together',
                        _UNSURE)
    noun = two_named(said)
    if noun is not None and (two := descriptions.fitting_pair(people, noun, mention.start)) is not None:
        return Resolved(two.name, None, "role", f'"{said}" → {two.name}: {two.why}', two.weight)
    owned = _owned_body(people, said, mention.start)
    if owned is not None:  # "Its foreign ministry" after "Osterreith …"
        return owned
    own = named_body(said)
    if own is not None:  # "the governing Civic Harbour party": a body by its own name
        return Resolved(own, None, "role", f'"{said}" names its body, {own}')
    spokesperson = _spokesperson_of_described_body(people, said, mention.start)
    if spokesperson is not None:  # "A spokeswoman for the trust" → "… for the Orvale Heritage Trust"
        return spokesperson
    # ("according to company data": a body's noun alone, modifying another, means the one named)
    modifies = _MODIFIES.match(people.text, mention.end)
    definite = f"the {said}" if said.isalpha() and said.islower() and is_kind(said) and modifies and (
        modifies.group(1).casefold() in lexicon.words("source_figures")) else said
    meant = descriptions.meaning(people, definite, mention.start - len(definite) + len(said))
    if meant is not None and meant.name is not None:
        return Resolved(meant.name, meant.role, "role", f'"{said}" → {meant.name}: {meant.why}', meant.weight)
    if meant is None and descriptions.parse(said) is None:
        # (not a definite description: "a senior official", "Secretary General")
        best = with_role(people, mention.role or said, mention.start)
        if best is not None:
            return Resolved(best.name, best.role, "role",
                            f'"{said}" → {best.name}: the article gives {best.name} the role '
                            f'"{best.role}"')
    if meant is None and (later := named_later(people, said, mention.start, mention.end)) is not None:
        return Resolved(later.name, later.role, "role", f'"{said}" → {later.name}: nothing before it fits; '
                        f"{later.why}", _UNSURE)
    if meant is None and (holder := _holder_closing(people, said, mention)) is not None:
        entity, role = holder
        return Resolved(entity.name, role, "name", f'"{said}" closes with the name of {entity.name}, '
                        f"the article's person, after the office")
    if meant is None and (holds := role_words.holder_after(people, mention.start, mention.end)) is not None:
        return Resolved(holds.name, strip_determiner(said), "name", f'"{said}": the office goes on to the '
                        f"name of {holds.name}, who holds it")
    why = meant.why if meant is not None else "a description no named entity matches"
    return Resolved(strip_determiner(said), None, "role", f'"{said}": {why}')


# The words that may follow the holder's name inside a description read whole ("… Dr.
# Selma Haddad | in turn"): a sentence adverbial, no noun of a description ("one Tarn
# Valley official").
_AFTER_HOLDER = regex.compile(r"(?:[ \u00a0]+(?:in[ \u00a0]+turn|also|too|then|meanwhile))?")
# A preposition right before a name (past any title) makes it somebody the office serves
# or speaks for ("a spokesman for Minister Ana Lee"), not its holder.
_SERVING = frozenset("for of to with by from at on about in inside near and or".split())


def _holder_closing(people: People, said: str, mention: Mention) -> tuple[Entity, str] | None:
    """"Director of the hospital Dr. Selma Haddad in turn", "the chairman of the carriers'
    association “Caspian Way” Dana Sadykova": a description read whole that closes with the
    full name of a person the article names; the person holds the office before it. Not a
    name after a preposition ("a spokesman for Minister Ana Lee" speaks for him), nor one
    the article names nowhere else ("the director of the theatre Teatro Nuevo Alcalá": the
    body's name)."""
    best: tuple[int, Entity] | None = None
    for entity in people.entities:
        if not entity.person or len(entity.words) < 2 or all(
                mention.start <= at < mention.end for at in entity.positions) or entity.name not in said:
            continue  # (the membership test first: a pattern per entity costs a compile each)
        for found in regex.finditer(rf"(?<!\w){regex.escape(entity.name)}(?!\w)", said):
            if _AFTER_HOLDER.fullmatch(said, found.end()) and (best is None or found.start() < best[0]):
                best = (found.start(), entity)
    if best is None or best[0] == 0:
        return None
    at, entity = best
    before = said[:at].split()
    head = next((w for w in before if w.casefold() not in ("the", "a", "an") and not (
        w.endswith(("’s", "'s")))), "")
    if (head.endswith("s") and not head.endswith("ss")) or any(
            w.casefold() in lexicon.words("speaks_for") for w in before):
        return None  # ("Analysts at consultancy Andes Risk", "A spokesman for … Ana Lee": not its holder)
    while before and before[-1].rstrip(".").casefold() in lexicon.words("titles"):
        before.pop()  # ("… Doctor of Medical Sciences Professor | Ana Lee", "… hospital Dr. | Ana Lee")
    if not before or before[-1].casefold() in _SERVING or before[-1].casefold() in ("the", "a", "an"):
        return None
    return entity, strip_determiner(said[:at].strip())


# "A spokeswoman for | the trust", "a representative of | the union": one who speaks for a body
# the article describes (the speaking nouns: lexicons/speaks_for.txt).
_SPEAKS_FOR_DESCRIBED = regex.compile(
    r"(?i:(?:an?|the)[ \u00a0]+)?(?P<noun>\p{L}+)[ \u00a0]+(?:for|of)[ \u00a0]+"
    r"(?P<body>(?i:the)[ \u00a0]+(?:\p{Ll}[\p{Ll}-]*[ \u00a0]+){0,2}(?P<head>\p{Ll}+))")


def _spokesperson_of_described_body(people: People, said: str, pos: int) -> Resolved | None:
    """"A spokeswoman for the trust": the body the description means, resolved as any mention
    of it, named in full in the speaker ("A spokeswoman for the Orvale Heritage Trust"), as a
    press service is named with its body; else None (the description stays as written)."""
    found = _SPEAKS_FOR_DESCRIBED.fullmatch(said)
    if found is None or found.group("noun").casefold() not in lexicon.words("speaks_for") or not is_kind(
            found.group("head")):
        return None
    body = found.group("body")
    meant = descriptions.meaning(people, body, pos + found.start("body"))
    if meant is None or meant.name is None:
        return None
    article = "the " if regex.search(rf"(?i:\bthe)\s+{regex.escape(meant.name)}", people.text) else ""
    speaker = f"{said[:found.start('body')]}{article}{meant.name}"
    return Resolved(speaker, None, "role", f'"{said}" speaks for {meant.name}: "{body}" → {meant.name}: '
                    f"{meant.why}", meant.weight)


_MODIFIES = regex.compile(r"[ \u00a0]+(\p{Ll}+)")


def _owned_body(people: People, said: str, pos: int) -> Resolved | None:
    """"Its foreign ministry" → "Osterreith's foreign ministry": a body of the country or
    body "its" refers to, named as the fullest form a reader would give."""
    words = said.split()
    if len(words) < 2 or words[0] not in ("its", "Its") or not is_kind(words[-1].casefold()):
        return None
    owner = people.owner_before(pos)
    if owner is None:
        return None
    speaker = f"{owner.name}'s {' '.join(words[1:])}"
    return Resolved(speaker, None, "role", f'"{said}" → {speaker}: "its" means {owner.name}, '
                    f"named before it")


def _group(people: People, said: str, pos: int) -> Resolved:
    """"Authorities said … . They said …": a plural pronoun means the group that spoke
    last, shortly before it; else it is left unresolved."""
    for turn in reversed(people.turns):
        if turn.end > pos:
            continue
        mention = turn.mention
        if pos - turn.end > _GROUP_REACH or mention is None or mention.kind != "role":
            break
        words = _before_preposition(people.text[mention.start:mention.end].split())
        if words and (words[-1].casefold().endswith("s") or words[-1].casefold() in _COLLECTIVE):
            return Resolved(turn.speaker, turn.role, "pronoun", f'"{said}" → {turn.speaker}: the group that '
                            f'spoke last, at offset {turn.start}', _UNSURE)
        break
    found = plural_subject(people.text, pos, people.body[0])
    if found is not None and not people.in_quotation(found[0]):
        at, group = found
        return Resolved(group, None, "pronoun", f'"{said}" → {group}: the plural subject of its clause '
                        f'or of the sentence before (offset {at}), no group speaking just before', _UNSURE)
    return Resolved(None, None, "none", f'"{said}": plural pronoun with no group speaking just before')


_GROUP_REACH = 400  # characters from the group's statement to the pronoun
# Where a group's describing phrase opens: "Analysts | at Halden Research", "Residents | of Ulm".
_GROUP_PREPOSITIONS = frozenset("at of from in for with on".split())


def _before_preposition(words: list[str]) -> list[str]:
    """A group's words up to the phrase that places it (its head noun is last)."""
    for k, word in enumerate(words[1:], 1):
        if word.casefold() in _GROUP_PREPOSITIONS:
            return words[:k]
    return words
_COLLECTIVE = lexicon.words("group_nouns")


def _given_name(word: str) -> bool:
    return word.casefold() in lexicon.words("given_names")


def _author(people: People, mention: Mention, said: str) -> Resolved | None:
    """"her statement said", "his post read": the author the possessive means."""
    words = said.split()
    if len(words) < 2 or words[0].casefold() not in _POSSESSIVES or (
            words[-1].casefold() not in lexicon.words("documents")):
        return None
    found = _pronoun(people, words[0], mention.start, gender_of=_POSSESSIVES[words[0].casefold()])
    if found.speaker is None:
        return None
    return Resolved(found.speaker, found.role, "pronoun",
                    f'"{said}": written by {found.explanation}', found.weight)




def _named_after(people: People, said: str, pos: int, gender: str) -> Resolved:
    """"In her view, the wing will open in May, Health Minister Vera Lund said": a source
    pronoun with nobody named before it means the person its sentence names after it."""
    end = SENTENCE_BREAK.search(people.text, pos)
    entity = people.introduced(pos, end.start() if end else len(people.text), None)
    if entity is None or not entity.person or entity.gender not in (None, gender):
        return Resolved(None, None, "none", f'"{said}": no person named before it')
    return Resolved(entity.name, entity.role, "pronoun",
                    f'"{said}" → {entity.name}: nobody is named before it; the person its sentence '
                    f"names after it", _UNSURE)


def _speaker_over_content(people: People, found: Antecedent, gender: str, pos: int) -> Antecedent:
    """"Ana Ruiz said Tom Reyes had resigned. She added …": a person named inside a
    statement is less present than the one who made it, who is meant when the gender
    agrees, or when nothing shows the gender of a speaker plainly named a person ("Judge
    Hanne Kotze said the State had shown that Olav Berg … ‘…,’ she said"); so is a
    person named in the speaker's apposition ("Hanna Mäki, an analyst at the Institute
    of Foreign Affairs, said …") and one named in an earlier statement of the same
    speaker when only descriptions ("the coach stressed …") spoke since."""
    turn = _statement_holding(people, found.at, pos)
    if turn is None or turn.mention is None:
        return found
    if turn.mention.start <= found.at < turn.mention.end or turn.speaker == found.entity.name:
        return found  # (the antecedent is the speaker's own mention)
    speaker = people.entity(turn.speaker)
    if speaker is None or not speaker.person or speaker.gender not in (None, gender):
        return found  # ("the Liberal Party said")
    if speaker.gender is None and not _plainly_person(speaker):
        return found  # (a gender unknown must not hide a body: "the Deputy Bailiff said")
    return Antecedent(speaker, turn.mention.start, (), None, False, found.entity.name)


def _plainly_person(entity: Entity) -> bool:
    """A named person whose gender nothing shows, known a person all the same: a name of
    two words or more that a title, a role or a given name marks as a person's ("Judge
    Hanne Kotze", "Insp Murdo Mackenzie")."""
    return entity.evident and not entity.unnamed and len(entity.words) >= 2


def _speaker_just_before(people: People, found: Antecedent, gender: str, pos: int) -> Antecedent:
    """"In a statement, the Undersecretary … Dr. Mariam Al-Shamsi said that … . According
    to her, …": the one who spoke just before, in the pronoun's paragraph, whose gender is
    known to agree, over a person named earlier whose gender nothing shows (however her
    own name was read, she spoke as the subject of her sentence)."""
    turn = people.statement_before(pos)
    if turn is None or turn.mention is None or turn.mention.kind != "name" or turn.mention.start <= found.at:
        return found
    if found.entity.gender is not None or "\n" in people.text[turn.start:pos]:
        return found
    speaker = people.entity(turn.speaker)
    if speaker is None or not speaker.person or speaker.gender != gender:
        return found
    return Antecedent(speaker, turn.mention.start, (), None, False)


def _statement_holding(people: People, at: int, pos: int) -> Turn | None:
    """The last statement before pos whose words, or the apposition between its speaker
    and its words, hold the name at `at`."""
    for turn in reversed(people.turns):
        if turn.end <= at:
            return None  # (statements are in text order: none before this one holds it)
        start = min(turn.start, turn.mention.start) if turn.mention else turn.start
        if turn.end <= pos and start <= at:
            return turn
    return None


def _body_that_spoke(people: People, said: str, since: int, pos: int) -> Resolved | None:
    """"Velmoria’s Defence Ministry said … . It said …": "it" after a statement, in the
    same paragraph, whose speaker is a body the article wrote with its owner, not as a
    name of its own (so no name marks it as one "it" may mean), and that spoke after
    every body named before it."""
    turn = people.statement_before(pos)
    mention = turn.mention if turn is not None else None
    if turn is None or mention is None or mention.start <= since or "\n" in people.text[turn.end:pos]:
        return None
    if mention.kind == "pronoun" or people.is_person(mention) or (
            (entity := people.entity(turn.speaker)) is not None and (entity.person or entity.gender)):
        return None
    words = turn.speaker.split()
    if len(words) < 2 or not is_kind(words[-1].casefold()):
        return None  # (a possessive and a body noun: "Velmoria’s Defence Ministry", "Kessaria’s military")
    return Resolved(turn.speaker, turn.role, "pronoun",
                    f'"{said}" → {turn.speaker}: the body that spoke just before it (offset {turn.start})',
                    _UNSURE)


def _named_speaker_before(people: People, said: str, since: int, pos: int) -> Resolved | None:
    """"In a statement, Tarn Valley Produce said … . It added …": "it" right after a
    statement whose speaker was named, in the pronoun's paragraph or the one before, means
    that speaker when nothing shows it a person (a given name, a gender or a title): a
    name that speaks as "it" is a body's, whatever it looked like until then."""
    turn = people.statement_before(pos)
    mention = turn.mention if turn is not None else None
    if turn is None or mention is None or mention.kind != "name" or mention.start <= since:
        return None
    if len(_LINE_BREAKS.findall(people.text, turn.end, pos)) > 1:
        return None  # (a paragraph between them)
    entity = people.entity(turn.speaker)
    if entity is None or entity.gender or given_gender(entity.words) or titled(turn.role) or (
            _surname_alone(people.text, entity)):
        return None
    return Resolved(turn.speaker, turn.role, "pronoun",
                    f'"{said}" → {turn.speaker}: the body named speaking just before it (offset {turn.start})',
                    _UNSURE)


# Runs of line breaks: each starts a paragraph.
_LINE_BREAKS = regex.compile(r"\n\s*")


def _surname_alone(text: str, entity: Entity) -> bool:
    """"Vellacott" after "Ruth Vellacott": a name's last word written alone is a person's surname."""
    last = entity.words[-1]
    return len(entity.words) > 1 and any(
        text.startswith(last, at) and not text.startswith(entity.name, at) for at in entity.positions)


# A sentence whose subject is a definite description of one person: "The chief is unconvinced."
_DESCRIBED_SUBJECT = re.compile(r"(?:^|[.!?][\"”’']?\s+)(The\s+(?:[a-z-]+\s+){0,2}?([a-z]+))\s+(?=[a-z])")

# "The rector of the church, | Father Tigran Sahak, informed …": the description's phrase,
# then a capitalised apposition, the name of the one it describes.
_NAMED_IN_APPOSITION = regex.compile(r"(?:[ \u00a0]+(?:of|for|at|in)[ \u00a0]+[^,.;:\n]*)?,[ \u00a0]+\p{Lu}")


def _described_subject(people: People, said: str, since: int, pos: int, gender: str) -> Resolved | None:
    """"Mr Tolliver said … . The chief is unconvinced. ‘…,’ she said": a sentence between
    the person named last and the pronoun whose subject is a definite description of one
    person makes that person the one the pronoun goes on with, when the description
    stands for someone the article named whose gender agrees."""
    last = None
    for match in _DESCRIBED_SUBJECT.finditer(people.text, since, pos):
        if (match.group(2) in unnamed.person_nouns() or match.group(2) in lexicon.words("titles")) and (
                not people.in_quotation(match.start(1))) and (
                not _NAMED_IN_APPOSITION.match(people.text, match.end(1))):  # (it names someone new)
            last = match
    if last is None:
        return None
    meant = descriptions.meaning(people, last.group(1), last.start(1))
    entity = people.entity(meant.name) if meant is not None and meant.name is not None else None
    if entity is None or meant is None or not entity.person or entity.gender not in (None, gender):
        return None
    return Resolved(entity.name, entity.role, "pronoun",
                    f'"{said}" → {entity.name}: the subject of the sentence before, "{last.group(1)}" '
                    f"(offset {last.start(1)}), stands for {entity.name}: {meant.why}", _UNSURE)


def _pronoun(people: People, said: str, pos: int, *, gender_of: str | None = None) -> Resolved:
    """Resolve the pronoun `said` (or a possessive with the gender of `gender_of`)."""
    word = (gender_of or said).casefold()  # ("according to her", "in his view": "she", "he")
    gender = lexicon.pronoun_genders().get(PRONOUN_FORMS.get(word, word))
    if gender == "p":
        return _group(people, said, pos)
    found = people.antecedent(gender, pos)
    if gender == "n" and (body := _body_that_spoke(people, said, found.at if found else -1, pos) or (
            _named_speaker_before(people, said, found.at if found else -1, pos))) is not None:
        return body
    if found is not None and found.entity.unnamed and unnamed.described_since(people, found.at, pos):
        found = people.antecedent(gender, found.at)  # ("the mayor" since: someone known is nearer)
    if found is not None and gender in ("m", "f"):
        found = _speaker_over_content(people, found, gender, pos)
        if (described := _described_subject(people, said, found.at, pos, gender)) is not None:
            return described
        found = _speaker_just_before(people, found, gender, pos)
    kind = "body" if gender == "n" else "person"
    if found is None and gender in ("m", "f") and said.casefold() in PRONOUN_FORMS:
        return _named_after(people, said, pos, gender)
    if found is None:
        return Resolved(None, None, "none", f'"{said}": no {kind} named before it')
    chosen = found.entity
    if said.casefold() in PRONOUN_FORMS:  # ("according to her", "in his view": not "he said")
        found = agreeing_rival(people, found, gender, pos)
    entity = found.entity
    why = f'"{said}" → {entity.name}: the last {kind} named before it'
    if entity.unnamed:
        why = f'"{said}" → {entity.name}: the last person before it, a source described, not named'
    if entity is not chosen:
        why = f'"{said}" → {entity.name}: named before it, the only one whose gender is known to agree'
    elif entity.gender and entity.gender == gender and found.passed:
        why += " whose gender agrees"
    if found.over is not None:
        why = (f'"{said}" → {entity.name}: who made the statement before it, not {found.over}, '
               f"named inside it")
    why += f" (offset {found.at})"
    if found.passed:
        why += f"; passed over {', '.join(found.passed)} (gender differs or unknown)"
    weight = 1.0 if entity is chosen else _UNSURE
    if found.unsure:
        why += f"; unsure: nothing else in the article shows it is a {kind}"
        weight = _UNSURE
    if found.rival is not None:
        at, rival = found.rival
        why += f"; unsure: {rival.name} (offset {at}) could be meant too"
        weight = _UNSURE
    return Resolved(entity.name, entity.role, "pronoun", why, weight)
