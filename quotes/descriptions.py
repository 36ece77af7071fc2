"""Descriptions that stand for a person or body the article named.

A reporter names someone once, then varies the words: "Hydro Norte said … the
utility said", "defenceman Cal Joss … said the rookie defenceman", "Joss, 19,
… the 19-year-old said", "a report by the Audit Office … the report said".
A definite description ("the" and a singular noun) means the one person or
body the article gave that noun to:

- the role written with the name ("Mayor Ann Roy" … "the mayor"), or the same
  body's leader under another title ("Chairman of the National Bank Ivo Lenz"
  … "the head of the National Bank");
- the noun next to the name: an apposition ("Rally Norte, the group that …",
  "Joss, 19,"), a word before it ("defenceman Cal Joss"), a copula ("Joss is
  a defenceman");
- the body's own name ("Water Agency" … "the agency"), a word of it that shows
  its kind ("Hydro Norte" … "the utility"), or a body that spoke under a
  description ("Nigeria's army" … "the army"): `quotes.body_descriptions`;
- for a document, its author ("a report by …", "the Audit Office report",
  "Lee wrote in a report" … "the report"): `quotes.document_authors`.

Failing these, a person description ("the rookie defenceman") means the person
the article named last as a subject, and a body description the last body
that spoke, both with lower confidence; not when the article introduced an
unnamed one ("a defenceman"; "A Ministry of Defence spokesperson … the
spokesperson" is that unnamed source, read by `quotes.unnamed`). Two candidates
with equal evidence leave the description as written and the explanation names
both.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import cache

import regex

from quotes import document_authors, lexicon, role_kin, role_words, unnamed
from quotes.body_descriptions import (
    SERVING,
    described_body,
    is_kind,
    name_shows_kind,
    of_the_state,
    shows_other_kind,
)
from quotes.described import MODIFIERS, Candidate, Description, Meaning, parse
from quotes.description_fallbacks import FALLBACK_REACH, fallback, named_next, spoke_just_before
from quotes.entities import names_body
from quotes.gender import given_gender
from quotes.leaders import DEPUTY, leads
from quotes.occurrences import article_mentions, named_in_phrase, occurrences
from quotes.people import Entity, People, not_personal
from quotes.roles import role_head, strip_determiner
from quotes.segment import SENTENCE_BREAK

Span = tuple[int, int]
# How much of its confidence a weaker or contested resolution keeps.
_UNSURE = 0.8
# "A spokesman for the winery, Tom Reval": one who speaks or works for the noun, not it.
_SPEAKS_FOR_BEFORE = regex.compile(
    r"(?i)(?<![\p{L}])(?:spokes\p{L}*|representative|adviser|advisor|lawyer|attorney|employee|worker|"
    r"customer|client|critic|rival)[ \u00a0]+(?:of|for|at|to)[ \u00a0]+(?:[\p{L}\p{M}’'-]+[ \u00a0]+){0,3}$")
# What may follow the noun of an apposition: its end, or a relative clause.
_APPOSITION_CLOSES = regex.compile(r"[,;:.)]|[ \u00a0]+(?:that|which|who|whose|based|with)\b")
_DETERMINER = (r"(?:the|a|an|its|their|his|her|"
               r"\p{Lu}[\p{L}\p{M}.&-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}.&-]*){0,3}[’']s)[ \u00a0]+")
_APPOSITION_AFTER = regex.compile(r",[ \u00a0]+" + _DETERMINER + MODIFIERS + r"$")
# "Dr. Ana Veldt, Deputy Director of the Orlan Marine Institute, …", "Dan Gross, president of
# …,": an office written after the name with no article, capitalised or not (translated, wire
# and US copy); its words are an office's, and its noun closes it or opens its body or a clause.
_OFFICE_AFTER_NAME = regex.compile(r",[ \u00a0]+" + MODIFIERS + r"$")
_OFFICE_GOES_ON = regex.compile(r"[,;:.)]|[ \u00a0]+(?:of|for|at|in|who|whose)\b")
_OFFICE_ENDS = regex.compile(r"[,;:]|\.(?:\s|$)")
# "his counterpart Mira Doganis", "her counterpart, Ivo Marr": a name after the noun.
_APPOSITION_SPACE = regex.compile(r",?[ \u00a0]+")
# How far before "counterpart" the one whose counterpart it is may be named.
_COUNTERPART_REACH = 300
_APPOSITION_BEFORE = regex.compile(r",[ \u00a0]+")
# "Head | of the inspectorate Ilhom Saidov": an office's body after it, the name right after.
_OF_OPENS = regex.compile(r"[ \u00a0]+(?:of|for)[ \u00a0]")
_COPULA = regex.compile(r"[ \u00a0]+(?:is|was|has been|had been|became|remains)[ \u00a0]+(?:a|an|the)[ \u00a0]+"
                        + MODIFIERS + r"$")
# "According to the (head) coach, …", "In the opinion of the specialist, …": a description
# that names a source, whose comma ends the phrase (what follows was said, not apposed).
_SOURCE_PHRASE_BEFORE = regex.compile(r"(?i)(?:according[ \u00a0]+to|in[ \u00a0]+the[ \u00a0]+"
                                      r"(?:opinion|view|words)[ \u00a0]+of)[ \u00a0]+the[ \u00a0]+"
                                      r"(?:[\p{Ll}-]+[ \u00a0]+){0,2}$")
# "The | winner …": a sentence (or a dateline's sentence) opening with "The" and a few words.
_OPENS_WITH_THE = regex.compile(r"(?:^|[.!?][ \u00a0]+|\n)The(?:[ \u00a0]+[\p{L}-]+){0,3}[ \u00a0]+$")
# "… of the league this year was the 19-year-old Ana Lind |.": a copula, then words up to the
# sentence's end, where a name closes it.
_IS_NAMED_AFTER = regex.compile(r"[^.;:!?\n“”\"«»]{0,120}?[ \u00a0](?:was|is|became)[ \u00a0]"
                                r"[^.;:!?\n“”\"«»]{1,160}?(?=\.(?:\s|$))")
_AGE_APPOSITION = regex.compile(r"(?:,[ \u00a0]*|[ \u00a0]*\()(\d{1,3})(?:,|\))")


def names_a_body(said: str) -> bool:
    """Is this a description of a body ("the utility", "the army"), not of a person?"""
    description = parse(said)
    return description is not None and is_kind(description.head)


def meaning(people: People, said: str, pos: int) -> Meaning | None:
    """The person or body the description at pos stands for, or None when nothing
    in the article fits it."""
    head = said.rsplit(maxsplit=1)[-1].casefold()
    if head in lexicon.words("documents") and (by := document_authors.written_after(
            people, head, pos, pos + len(said))):
        return Meaning(by.name, by.role, by.why)  # ("a statement | issued by the ministry")
    description = parse(said)
    if description is None:
        return None
    document = description.head in lexicon.words("documents")
    if document and (author := document_authors.named_in(people, said, pos)) is not None:
        return Meaning(author.name, author.role, f'the {description.head} names its author, {author.name}')
    if document and (written := document_authors.described(
            people, said, description.head, description.complement, pos,
            lambda author: _author_meant(people, author, pos))) is not None:
        return Meaning(written.name, written.role, written.why, written.weight)
    found = _strongest(_evidence(people, description, pos))
    introduced = _unnamed(people, description, pos)
    if introduced is not None and role_kin.generic(description.head):
        return introduced[1]  # ("a senior official … the official": never an office holder named)
    if introduced is not None and (not found or all(
            c.tier < role_kin.EXACT and c.at < introduced[0] for c in found.values())):
        # ("Foreign Minister Ana Roos … A senior diplomat, speaking on condition of
        # anonymity, … the diplomat said": the one introduced with the noun itself, since)
        return introduced[1]
    if not found:
        for candidate in (role_words.named_with_office(people, description, pos) or fallback(
                people, description, pos) or named_next(people, description, pos) or (
                spoke_just_before(people, description, pos)) or role_words.body_in_office(
                people, description, pos)):
            found.setdefault(candidate.name, candidate)
    if not found:
        return None
    ranked = _fullest(people, sorted(found.values(), key=lambda c: (c.tier, c.at), reverse=True))
    best = ranked[0]
    ties = [c for c in ranked if c.tier == best.tier]
    if len(ties) > 1 and not document and not is_kind(description.head) and (
            spoke := _spoke_last(people, ties, pos)) is not None:
        # ("Minister Ana Roos met Minister Ivo Marr. “…,” the head of the Velmoran ministry
        # said. According to the minister, …": the minister who spoke just before)
        best, ranked = spoke, [spoke, *(c for c in ranked if c.name != spoke.name)]
    elif len(ties) > 1 and role_kin.generic(description.head):
        # ("the official": whoever holds an office, only when one person does)
        names = " or ".join(f"{c.name} (offset {c.at})" for c in ties[:3])
        return Meaning(None, None, f"could mean {names}, each named with an office: left as written")
    elif len(ties) > 1 and not document and not _most_named(people, ties, description.head, pos) and (
            not _moved_on(people, ties, pos)) and not _owner_named_in_its_subject(people, ties, pos):
        # ("the report" is the last one the article named)
        names = " or ".join(f"{c.name} (offset {c.at})" for c in ties[:3])
        return Meaning(None, None, f"could mean {names}: left as written")
    if not document and not is_kind(description.head) and (
            since := _kin_rival_since(people, best, description, pos)) is not None:
        return Meaning(since.name, since.role, f"{since.name} is the last person named as a subject before it, "
                       f"since {best.name} (offset {best.at}), whose role fits only as a kin word",
                       _UNSURE)
    if best.tier > 1 and not document and not is_kind(description.head) and (
            since := _subject_since(people, best, pos)) is not None:
        return Meaning(None, None, f"could mean {best.name} (offset {best.at}) or {since.name}, named "
                       f"since in its paragraph with no role: left as written")
    why = best.why
    weight = _UNSURE if best.tier == 1 else 1.0
    if len(ranked) > 1:
        other = ranked[1]
        why += f"; unsure: {other.name} (offset {other.at}) could be meant too"
        weight *= _UNSURE  # (a fallback with a rival is less sure still)
    return Meaning(best.name, best.role, why, weight)


def _spoke_last(people: People, ties: list[Candidate], pos: int) -> Candidate | None:
    """Of persons the description fits equally, the one who made the statement just
    before it, in its paragraph or the one before, after every other was last named."""
    turn = people.statement_just_before(pos)
    if turn is None or turn.mention is None:
        return None
    spoke = next((c for c in ties if c.name == turn.speaker), None)
    entity = people.by_name(turn.speaker)
    if spoke is None or entity is None or not entity.person:
        return None
    if any(p < pos and p >= turn.mention.start for c in ties if c is not spoke
           for p in _positions(people, c.name, c.at)):
        return None  # (another named since it spoke)
    return Candidate(spoke.name, spoke.role, spoke.tier, turn.mention.start,
                     f"{spoke.why}; of those it fits, {spoke.name} spoke just before it "
                     f"(offset {turn.mention.start})")


def _subject_since(people: People, best: Candidate, pos: int) -> Entity | None:
    """"Sen. Ana Ruiz … Tom Reyes stopped by his office. “…,” the senator said": another
    person named as a subject after the one the article gave the noun, in the description's
    paragraph, whose role the article does not say, may as well be meant."""
    found = people.subject_before(pos)
    if found is None or found[0] <= best.at or "\n" in people.text[found[0]:pos]:
        return None
    entity, meant = found[1], people.by_name(best.name)
    if meant is None or not meant.person or entity.role is not None or not entity.evident or (
            names_body(entity) or entity.surname.casefold() == meant.surname.casefold()):
        return None
    return entity


def _kin_rival_since(people: People, best: Candidate, description: Description, pos: int) -> Entity | None:
    """"Prof. Ana Duval … Deputy director Ivo Marr considers that … “…,” the specialist
    said": a noun the best's role holds only as a kin word ("specialist" for a professor)
    is as likely the person named as a subject since, in an earlier paragraph, with a role
    of no kin to it; that one, the latest, is meant."""
    if best.role is None or not role_kin.kin_only(description.words, best.role):
        return None
    found = people.subject_before(pos)
    if found is None or found[0] <= best.at or "\n" not in people.text[best.at:found[0]]:
        return None  # (one named in the best's own paragraph is no rival: a subject in its report)
    turn = people.statement_before(pos)
    if turn is not None and turn.speaker == best.name and turn.start <= found[0] < turn.end:
        return None  # ("According to the coach, captain Ivo Marr will miss …": whom the best spoke of)
    entity, meant = found[1], people.by_name(best.name)
    if meant is None or not meant.person or not entity.evident or names_body(entity) or (
            entity.surname.casefold() == meant.surname.casefold()) or (
            entity.role is not None and role_kin.fit(description.head, entity.role)):
        return None
    return entity


def _strongest(candidates: Iterable[Candidate]) -> dict[str, Candidate]:
    """Each name's strongest candidate: the highest tier, then the latest."""
    found: dict[str, Candidate] = {}
    for candidate in candidates:
        known = found.get(candidate.name)
        if known is None or (candidate.tier, candidate.at) > (known.tier, known.at):
            found[candidate.name] = candidate
    return found


def fitting_pair(people: People, noun: str, pos: int) -> Meaning | None:
    """"the two ministers", "the companies": the two the article gave the noun before pos
    (its role, a word beside the name, a counterpart's office), when exactly two fit it
    as well as the best; named in the order the article first names them."""
    description = parse(f"the {noun}")
    if description is None:
        return None
    found = _strongest([*_evidence(people, description, pos),
                        *_counterparts(people, description, pos, pair=True)])
    fitting = [c for c in _fullest(people, list(found.values())) if c.tier >= role_kin.FITS]
    if len(fitting) != 2:
        return None  # (one is no pair; of three, which two spoke the article must say)
    first, second = sorted(fitting, key=lambda c: min(_positions(people, c.name, c.at)))
    return Meaning(f"{first.name} and {second.name}", None,
                   f'the two the article calls "{noun}": {first.why}; {second.why}', _UNSURE)


def _author_meant(people: People, author: str, pos: int) -> document_authors.Author | None:
    """A document's author written as a description ("the ministry" of "the ministry's statement")."""
    meant = meaning(people, author, pos)
    if meant is None or meant.name is None:
        return None
    return document_authors.Author(meant.name, meant.role, pos, meant.why, meant.weight)


def _most_named(people: People, ties: list[Candidate], head: str, pos: int) -> bool:
    """Of bodies whose names all hold the description's noun, the last one named is also
    named more often before pos than each other one: the one the article is about ("the
    city" after the City of Arlow, named four times, and Marsh City, once)."""
    if not all(head in c.name.casefold().split() for c in ties):
        return False
    counts = [sum(p < pos for p in _positions(people, c.name, c.at)) for c in ties]
    return all(counts[0] > count for count in counts[1:])


def _owner_named_in_its_subject(people: People, ties: list[Candidate], pos: int) -> bool:
    """"Aceros del Norte, owned by holding company Ferrocal Group, announced it would …
    The company said": the body that spoke last, the others named only inside its subject
    (between its name and its words), as its owner or parent; "the company" is the one
    that spoke."""
    best, others = ties[0], ties[1:]
    named = [p for p in _positions(people, best.name, best.at) if p < best.at]
    if not named or not any(t.speaker == best.name and t.start == best.at for t in people.turns):
        return False
    return all(all(named[-1] < p < best.at for p in _positions(people, o.name, o.at) if p < pos)
               for o in others)


def _moved_on(people: People, ties: list[Candidate], pos: int) -> bool:
    """The last person named was introduced after the article last named each other one,
    just before pos ("Lt Gen Ivo Marr … Maj Gen Tom Reval, who arrived … the visiting
    general said"): the article has moved on to it."""
    best, others = ties[0], ties[1:]
    if not all((e := people.by_name(c.name)) is not None and e.person for c in ties):
        return False  # (bodies: "the appeals court" after the Supreme Court is no such court)
    first = min(_positions(people, best.name, best.at))
    text = people.text
    return pos - best.at <= FALLBACK_REACH and all(  # (not two named in one sentence)
        SENTENCE_BREAK.search(text, max(p for p in _positions(people, o.name, o.at) if p < pos), first)
        for o in others)


def _fullest(people: People, ranked: list[Candidate]) -> list[Candidate]:
    """One name read twice ("Ministry of Agriculture" inside "Ministry of Agriculture of
    Veskaria", "Ormsby Hospitals Trust" inside "Fenbridge and Ormsby Hospitals Trust")
    is one candidate: the fuller name."""
    return [c for c in ranked if not any(
        o.tier == c.tier and o.at <= c.at < o.at + len(o.name) and len(o.name) > len(c.name)
        and f" {c.name} " in f" {o.name} " for o in ranked) and not any(
        # ("Affairs" read inside "the Minister of Foreign Affairs of Ostrel Ivo Marr": a
        # word of another candidate's office, written just before that candidate's name)
        o.role and f" {c.name} " in f" {o.role} " and any(
            at - len(o.role) - 10 <= c.at < at for at in _positions(people, o.name, o.at))
        for o in ranked)]


def _positions(people: People, name: str, at: int) -> list[int]:
    entity = people.by_name(name)
    return entity.positions if entity is not None else [at]


def _evidence(people: People, description: Description, pos: int) -> list[Candidate]:
    """Every person or body the article gave this description's noun before pos."""
    found: list[Candidate] = []
    mentions = article_mentions(people).before(pos)
    for at, entity in reversed(mentions):
        if any(c.name == entity.name for c in found):
            continue  # (its last mention before pos is the one that counts)
        if not_personal(entity) and not is_kind(description.head):
            continue  # "the deputy minister" is no place
        if is_kind(description.head) and _only_in_marks(people, entity):
            continue  # (a petition's title in marks, ‘Dry Homes for Orchard Row’, names no body)
        if entity.role and (fits := role_kin.fit(description.words, entity.role)):
            # (the role itself beats one that holds more: "the president", not the vice president)
            found.append(Candidate(entity.name, entity.role, fits, at,
                                    f'the article gives {entity.name} the role "{entity.role}"'))
        elif entity.role and description.complement and leads(
                description.head, description.complement, entity.role, deputy=_deputy(description)):
            found.append(Candidate(entity.name, entity.role, 2, at,
                                    f'the article gives {entity.name} the role "{entity.role}", '
                                    f'of the same body'))
        elif name_shows_kind(entity, description.head):
            found.append(Candidate(entity.name, entity.role, 3, at,
                                    f'its name shows {entity.name} is of the kind "{description.head}"'))
    spoken: list[Candidate] = []
    for turn in people.turns:
        said = turn.mention.role if turn.mention is not None and turn.mention.kind == "name" else None
        if turn.start < pos and said and not any(c.name == turn.speaker for c in found) and role_kin.fit(
                description.words, strip_determiner(said)) >= role_kin.FITS:
            # ("The spokesman of the Air Force, Colonel Ivo Marr, said": the role he spoke in,
            # though the article gave him his rank first)
            role = strip_determiner(said)
            found.append(Candidate(turn.speaker, role, 2, turn.start,
                                    f'{turn.speaker} spoke as "{role}" at offset {turn.start}'))
        elif turn.start < pos and said and not any(c.name == turn.speaker for c in found) and (
                description.complement and leads(description.head, description.complement,
                                                 strip_determiner(said), deputy=_deputy(description))):
            # ("This was stated by the Minister of Water and Forests of Gabon Ana Ndong. According
            # to the head of the ministry, …": the office she spoke in leads the body)
            role = strip_determiner(said)
            found.append(Candidate(turn.speaker, role, 2, turn.start, f'{turn.speaker} spoke as "{role}" '
                                   f"at offset {turn.start}, of the same body"))
        if turn.start < pos and turn.role is None and described_body(turn.speaker, description.head):
            found.append(Candidate(turn.speaker, None, 3, turn.start,
                                    f'"{turn.speaker}" spoke at offset {turn.start}'))
        elif turn.start < pos and description.head in SERVING and (
                spoke := people.by_name(turn.speaker)) and (spoke.name in people.which_bodies or (
                    _speaks_of_itself(people.text, turn.start, spoke))) and (
                    not shows_other_kind(spoke.name, description.head, trading=True)):
            # ("Mona Sea Link, which runs the ferry, said … the company said", "… the operator
            # said", "… the airline said": a body by its "which", of no other kind by its words,
            # speaking)
            spoken.append(Candidate(turn.speaker, None, 3, turn.start,
                                    f'{turn.speaker}, a body, spoke at offset {turn.start}'))
    found.extend(_typed(people, description, mentions, pos))
    found.extend(_counterparts(people, description, pos))
    if _last_to_speak(people, spoken, found, pos):
        found.append(spoken[-1])
    return found


def _last_to_speak(people: People, spoken: list[Candidate], found: list[Candidate], pos: int) -> bool:
    """The one body shown to be a body that spoke as "the company" may mean, when no other
    body (but one of the state) spoke after it and nothing else that fits was named after
    it ("Anglo-Swiss miner Arkwell Resources" named later is what "the company" means)."""
    if len({c.name for c in spoken}) != 1:
        return False  # (two such bodies leave it as written)
    body = spoken[-1]
    return not any(body.at < t.start < pos and t.speaker != body.name and (e := people.by_name(t.speaker))
                   and (e.body or names_body(e) or not e.person) and not of_the_state(e)
                   for t in people.turns) and not any(c.at > body.at for c in found)


_ITSELF = regex.compile(r"(?:that[ \u00a0]+)?its?[ \u00a0]")


def _speaks_of_itself(text: str, start: int, entity: Entity) -> bool:
    """"Aceros del Norte, owned by …, announced it would idle a furnace": a name of
    several words nothing shows to be a person's, whose report opens with "it" or "its"."""
    return len(entity.words) > 1 and not (entity.role or entity.gender) and given_gender(
        entity.words) is None and bool(_ITSELF.match(text, start))


def _only_in_marks(people: People, entity: Entity) -> bool:
    """The article writes the name only inside quotation marks: a title (‘Warm Homes Now’)."""
    return all(people.in_quotation(at) for at in entity.positions)


def _deputy(description: Description) -> bool:
    """"the deputy head of the ministry": a second in the office, not its head."""
    return any(w.casefold() in DEPUTY for w in description.words.split(" of ")[0].split()[:-1])


def _counterparts(people: People, description: Description, pos: int, *, pair: bool = False) -> list[Candidate]:
    """"Veselov, Minister of Foreign Affairs of Serelia, met his Caldorian counterpart
    Mira Doganis … the Caldorian minister said": a counterpart holds the office of the one
    whose counterpart they are, and the description says where ("Caldorian")."""
    said = [w for w in description.words.split()[:-1] if w[:1].isupper()]
    if (not said and not pair) or description.complement or description.head not in lexicon.words("titles"):
        return []  # ("the minister" alone could as well be the one who met the counterpart)
    text = people.text
    starts = article_mentions(people).starts
    found = []
    for start, end in occurrences(people, "counterpart", pos):
        space = _APPOSITION_SPACE.match(text, end, min(len(text), end + 4))
        entity = starts.get(space.end()) if space else None
        if entity is None or not _modifiers_agree(text[max(people.body[0], start - 40):start], description):
            continue
        owner = people.subject_before(start)
        if owner is None or start - owner[0] > _COUNTERPART_REACH or not owner[1].role or (
                role_head(owner[1].role) != description.head):
            continue
        found.append(Candidate(entity.name, entity.role, 2, start,
                                f"the article names {entity.name} the counterpart of {owner[1].name}, "
                                f'"{owner[1].role}"'))
    return found


def _typed(people: People, description: Description, mentions: list[tuple[int, Entity]],
           pos: int) -> list[Candidate]:
    """Persons and bodies the text gives the noun next to their name: "defenceman Cal
    Joss", "Rally Norte, the group that …", "Joss is a defenceman", "Joss, 19,"; for
    a document, the author: "a report by the Audit Office"."""
    text = people.text
    named = article_mentions(people)
    starts, ends = named.starts, named.ends
    document = description.head in lexicon.words("documents")
    found: list[Candidate] = []

    tier = 3  # (a word the lexicon pairs with the noun, "utility" for "the company": 2)

    def at_start(i: int, why: str, at: int | None = None) -> None:
        entity = starts.get(i)
        if entity is not None:
            found.append(Candidate(entity.name, entity.role, tier, i if at is None else at,
                                    why.format(entity.name)))

    def at_end(i: int, why: str, at: int | None = None) -> None:
        named = ends.get(i)
        if named is not None:
            found.append(Candidate(named[1].name, named[1].role, tier, named[0] if at is None else at,
                                    why.format(named[1].name)))

    floor = people.body[0]
    person = not is_kind(description.head) and not description.capitalised and (
        description.head in _person_heads())

    # ("the Deputy Commander": an office, capitalised or not, in an apposition after the name)
    personal = not is_kind(description.head) and description.head in _person_heads()

    def kind_fits(entity: Entity) -> bool:  # (a person for "the soldier", "the winemaker")
        return entity.person and not not_personal(entity)

    research = lexicon.words("research_documents")
    # ("The Kestrel Bay Leader": a capitalised head after capitalised words is a
    # name, which no noun the lexicon pairs with the head stands for)
    named_so = description.capitalised and any(w[:1].isupper() for w in description.words.split()[:-1])
    words = research if document and description.head in research else (
        frozenset({description.head}) if named_so else role_kin.nouns(description.head))
    for start, end, noun in sorted((*span, w) for w in words for span in occurrences(people, w, pos)):
        tier = 3 if noun == description.head or document else 2
        after = text[end:end + 8]
        if document:
            found.extend(Candidate(a.name, a.role, 3, a.at, a.why)
                         for a in document_authors.near(people, description.head, start, end))
            continue
        if after.startswith(("’s", "'s")) or _modifies_next(text, end):
            continue  # "the agency's director", "chief executive": the noun modifies another
        if _SOURCE_PHRASE_BEFORE.search(text, max(floor, start - 40), start):
            continue  # "According to the head coach, | captain Ivo Marr will …": a source, no apposition
        # (a title written short keeps its period: "Dr. Ana Veldt")
        space = regex.match(r"\.?[ \u00a0]+" if noun in lexicon.words("abbreviations") else r"[ \u00a0]+",
                            text[end:end + 4])
        if space and not _other_title_before(text, start, description) and _modifiers_agree(
                text[max(floor, start - 60):start], description):
            at_start(end + space.end(), f'the article calls {{}} "{noun}" before the name')
        if person and not _SPEAKS_FOR_BEFORE.search(text, max(floor, start - 50), start) and (
                phrase := named_in_phrase(people, end, kind_fits)) is not None and _modifiers_agree(
                text[max(floor, start - 60):phrase[0]], description):
            at_start(phrase[0], f'the article calls {{}} "{noun}" in the phrase the name ends')
        elif personal and ((person and description.complement) or _title_alone(text, start, description)) and (
                _OF_OPENS.match(text, end)) and (
                phrase := named_in_phrase(people, end, _full_person, bare=True)) is not None and (
                _body_written(text[end:phrase[0]], description.complement) if description.complement else (
                    not _THE_BEFORE.search(text, end, phrase[0]))) and (
                _modifiers_agree(text[max(floor, start - 60):start], description)):
            # ("Vice Chairman of the People's Committee Le Minh Khoa asked … the Vice Chairman
            # warned": a capitalised title alone is the office the name closes)
            at_start(phrase[0], f'the article writes "{noun} of …" right before {{}}')
        before = text[max(floor, start - 80):start]
        # (past a short title's own period: "…, Dr. Ana Veldt" is no office after the name)
        past = end + 1 if text.startswith(".", end) and noun in lexicon.words("abbreviations") else end
        closes = _APPOSITION_CLOSES.match(text, end, min(len(text), end + 8)) is not None
        if closes and (m := _APPOSITION_AFTER.search(before)) is not None and _modifiers_agree(
                m.group(), description):
            at_end(start - len(before) + m.start(),
                   f'the article calls {{}} "{noun}" beside the name')
        elif personal and _OFFICE_GOES_ON.match(text, past, min(len(text), past + 8)) and (
                m := _OFFICE_AFTER_NAME.search(before)) is not None and _office_words(m.group()) and (
                _modifiers_agree(m.group(), description)) and not _other_title_before(
                text, start, description) and (holder := ends.get(at := start - len(before) + m.start())) and (
                kind_fits(holder[1])) and _office_closes(people, noun, past):
            at_end(at, f'the article gives {{}} the office "{noun}" after the name')
        if closes and (m := _COPULA.search(before)) is not None:
            at_end(start - len(before) + m.start(), f'the article says {{}} is a "{noun}"')
        if person and _OPENS_WITH_THE.search(before) and (m := _IS_NAMED_AFTER.match(text, end)) is not None:
            # ("The winner of the cup this year was the 19-year-old Ana Lind.": the name the
            # sentence closes with, after the noun its subject opens with and a copula)
            i = bisect.bisect_left(named.at, m.end())
            last = named.at[i - 1] if i else -1
            if end < last and text.endswith(starts[last].words[-1], 0, m.end()):
                at_start(last, f'the article says the "{noun}" was {{}}')
        if (m := _APPOSITION_BEFORE.match(text, end, min(len(text), end + 4))) is not None and (
                _modifiers_agree(text[max(floor, start - 60):start], description)):
            at_start(m.end(), f'the article calls {{}} "{noun}" beside the name')
    if description.age:
        for end, (at, entity) in ends.items():
            m = _AGE_APPOSITION.match(text, end, min(len(text), end + 8)) if at < pos else None
            if m and m.group(1) == description.age and at < pos:
                found.append(Candidate(entity.name, entity.role, 3, at,
                                        f"the article gives {entity.name}'s age as {description.age}"))
        for _, end in occurrences(people, f"{description.age}-year-old", pos):
            mod = regex.match(r"(?:[ \u00a0]+[\p{Ll}-]+){0,3}[ \u00a0]+", text[end:end + 60])
            if mod:
                at_start(end + mod.end(), f"the article calls {{}} a {description.age}-year-old")
    return found


# "Commander of the | Northern District": a name right after "the" is the office's body.
_THE_BEFORE = regex.compile(r"\b[Tt]he[ \u00a0]+$")


def _title_alone(text: str, start: int, description: Description) -> bool:
    """"the Vice Chairman", "The Secretary General": a capitalised title with no body after
    it, written as the office it shortens ("Vice Chairman of the … Committee Le Minh Khoa");
    not where another title opens that office ("the Chairman" is no "Vice Chairman")."""
    return description.capitalised and not description.complement and not _other_title_before(
        text, start, description)


def _office_words(written: str) -> bool:
    """The words between the comma and the noun are an office's: capitalised ("Deputy") or
    a title's or a role's ("deputy", "acting", "senior"); not a verb or an article ("…,
    said Deputy Mayor …", "…, announced this Thursday the Vice Minister …")."""
    return all(w[:1].isupper() or w.casefold() in _office_modifiers() for w in written[1:].split())


@cache
def _office_modifiers() -> frozenset[str]:
    return (lexicon.words("titles") | lexicon.words("roles") | lexicon.words("other_holders")
            | lexicon.words("person_nouns"))


def _office_closes(people: People, noun: str, end: int) -> bool:
    """The office after the comma is an apposition: it ends with a comma or a semicolon, or
    with the sentence when no one named in it holds the noun ("Back in Lessa, chairman of the
    harbour board Ola Heim inspected …" is Ola Heim's office, not Lessa's)."""
    stop = _OFFICE_ENDS.search(people.text, end, min(len(people.text), end + 200))
    if stop is None or stop.group() in (",", ";"):
        return stop is not None
    if stop.group() == ":":
        return False
    named = article_mentions(people)
    i = bisect.bisect_right(named.at, end)
    while i < len(named.at) and named.at[i] < stop.start():
        role = named.all[i][1].role
        if role and noun in role.casefold().split():
            return False
        i += 1
    return True


_NEXT_WORD = regex.compile(r"[ \u00a0]+([\p{Ll}-]+)")


def _full_person(entity: Entity) -> bool:
    """A person named in full (two words or more), no place or body."""
    return entity.person and not not_personal(entity) and len(entity.words) > 1 and not names_body(entity)


def _body_written(stretch: str, complement: str) -> bool:
    """The description's body noun ("the head of | the department") is written in the office
    before the name ("… of the Tarsk regional department of ecology …")."""
    noun = complement.split()[-1].casefold()
    return noun in (w.casefold().strip(".,") for w in stretch.split())


def _modifies_next(text: str, end: int) -> bool:
    """The noun ending at `end` is followed by a lowercase person noun it modifies ("chief
    | executive", "police | officer"): the article gives the name that other noun."""
    match = _NEXT_WORD.match(text, end, min(len(text), end + 30))
    return match is not None and match.group(1) in _person_heads()


@cache
def _person_heads() -> frozenset[str]:
    """Nouns for one person: "the soldier", "the winemaker"."""
    return (lexicon.words("person_nouns") | lexicon.words("titles") | lexicon.words("unnamed_people")
            | role_kin.heads())


def _modifiers_agree(before: str, description: Description) -> bool:
    """"the Democratic nominee" is not "Republican nominee Ana Ruiz": the description's
    capitalised modifiers must be written with the noun where the article gives it."""
    said = {w.casefold().strip(".,") for w in description.words.split()[:-1] if w[:1].isupper()}
    written = {w.casefold().strip(".,") for w in before.split()}
    return all(any(role_kin.same_word(w, other) for other in written) for w in said)


def _other_title_before(text: str, start: int, description: Description) -> bool:
    """"Vice President Ana Ruiz" is no "president": a title word before the noun that
    the description lacks."""
    before = text[max(0, start - 20):start].split()
    word = before[-1].casefold().rstrip(".,") if before else ""
    return word in lexicon.words("titles") and word not in description.words.casefold().split()


def _unnamed(people: People, description: Description, pos: int) -> tuple[int, Meaning] | None:
    """"A Ministry of Defence spokesperson said … the spokesperson said": the one unnamed
    person the article introduced with the noun, as the article wrote it."""
    people_nouns = lexicon.words("unnamed_people") | lexicon.words("person_nouns") | lexicon.words("titles")
    if description.complement or description.capitalised or description.head not in people_nouns:
        return None
    modifiers = description.words.split()[:-1]
    found = unnamed.introduced(people, modifiers, occurrences(people, description.head, pos), pos)
    if found is None:
        return None
    at, written = found
    return at, Meaning(written, None, f'the article introduced "{written}" at offset {at}, unnamed', _UNSURE)


