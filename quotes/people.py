"""The people of one article: whom it introduces, and how.

Every name the article gives outside title-case headlines becomes an entity,
merged by surname ("NATO Secretary General Ivar Stokkeland" … "Stokkeland"),
with the role given with it, a gender where a title or a given name shows it,
and where it is named. Names outside quotation marks that stand as subjects
are the candidates a pronoun may refer to. `quotes.resolve` asks this model
who a mention means; nothing here writes an explanation.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import regex

from quotes import acronyms, lexicon
from quotes.entities import (
    Antecedent,
    Entity,
    Turn,
    body_nouns,
    body_short_form,
    first_surname,
    is_body,
    looks_personal,
    lookup_key,
    names_body,
    not_personal,
    particle_surname,
    prominence,
    same_given,
    short_form,
)
from quotes.gender import gender_of, name_gender, opens_sentence, shown_gender
from quotes.introductions import introductions
from quotes.mention_words import bare_role, clean_name
from quotes.names import Mention, is_style_word, person_after_body_end
from quotes.salience import (
    after_pronoun_subject,
    topic_at,
)
from quotes.spans import inside
from quotes.tokens import SURNAME_JOINERS, is_initial

Span = tuple[int, int]
# How far before a pronoun's antecedent another person of the same (or unknown)
# gender makes the choice unsure.
_RIVAL_REACH = 150
# A relative clause that only a person takes, right after a name: "Ana Ruiz, who …".
_WHO_AFTER = regex.compile(r",[ \u00a0]+(?:who|whose)\b")
_WHICH_AFTER = regex.compile(r",[ \u00a0]+which\b")
# An age right after a name, which only a person has: "Ana Ruiz, 44,", "Ana Ruiz, a 28-year-old …".
_AGE_AFTER = regex.compile(r",[ \u00a0]+(?:an?[ \u00a0]+)?\d{1,3}(?:,|[ \u00a0]*-?[ \u00a0]*year-old\b)")
# How far back a pronoun with no subject to refer to looks for a person named as an object.
_OBJECT_REACH = 400
# Words that put a body after the head of a description ("A spokesman for the … Department").
_PREPOSITIONS = frozenset("for of at in from with".split())
# How far before "its" the country or body it means may be named.
_OWNER_REACH = 250


class People:
    """The people (and bodies) of one article, with where each is named."""

    def __init__(self, text: str, body: Span, quoted: list[Span], asides: list[Span] | None = None) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        self._by_first_surname: dict[str, list[Entity]] = {}  # "Sotolongo" of "Manuel Sotolongo Pérez"
        self._title_surnames: dict[str, Entity | None] = {}
        self._acronyms: dict[str, Entity | None] = {}
        self._body = body
        self.current: Turn | None = None  # the last statement with a known speaker
        self.quoting: Turn | None = None  # the last quotation with a known speaker
        self.turns: list[Turn] = []  # every statement with a known speaker, in text order
        self.cache: dict[object, object] = {}  # what `quotes.descriptions` read of the text
        self.which_bodies: set[str] = set()  # names a subject's "which" clause shows to be bodies'
        # (position, entity) of names outside quotation marks that could be a
        # pronoun's antecedent, in text order.
        self._outside: list[tuple[int, Entity]] = []
        starts = [s for s, _ in quoted]
        self._quoted, self._quoted_starts = quoted, starts
        for found in introductions(text, body, quoted, asides or []):
            entity = self.add(found.name, found.role)
            self._after_media_noun(entity, found.word_before)
            if (_WHO_AFTER.match(text, found.name[1]) or _AGE_AFTER.match(text, found.name[1])) and len(
                    entity.words) > 1 and not names_body(entity):
                entity.person = entity.evident = True  # ("Ikram Dossou, whose son …": a person)
            elif _WHICH_AFTER.match(text, found.name[1]) and found.subject is not None and len(
                    entity.words) > 1 and not entity.role:
                # ("Tarvo Delta Copper, which runs the mine, said", "Mona Sea Link, which …": a
                # subject a "which" clause describes is a body, whatever its first word)
                entity.body, entity.person, entity.evident, entity.gender = True, False, False, None
                self.which_bodies.add(entity.name)
            if found.subject is not None:
                self._outside.append((found.subject, entity))
        # In a sentence whose subject is a pronoun ("He said the mill, run by Ana Ruiz,
        # …"), a name is somebody else, not who the next pronoun means.
        self._outside = [(pos, e) for pos, e in self._outside if not after_pronoun_subject(text, pos)]
        self._positions = [pos for pos, _ in self._outside]
        self._learn_genders(body[0], lambda pos: inside(quoted, pos, starts))

    def _learn_genders(self, floor: int, quoted: Callable[[int], bool]) -> None:
        """Genders the article shows: a sentence that opens with a person and refers
        back to them with a pronoun before naming anyone else."""
        for k, (pos, entity) in enumerate(self._outside):
            if entity.gender or not entity.person or not (opens_sentence(self.text, pos, floor) or (
                    topic_at(self.text, pos))):  # ("For Ana Ruiz, …": she opens it as its topic)
                continue
            limit = self._positions[k + 1] if k + 1 < len(self._positions) else len(self.text)
            entity.gender = shown_gender(self.text, pos, limit, quoted)
            entity.evident = entity.evident or entity.gender is not None

    @staticmethod
    def _after_media_noun(entity: Entity, word_before: str) -> None:
        """"told state news agency Berita Sol", "the broadcaster RTV Zeta": a name right
        after a lower-case noun for a news outlet is the outlet's, never a person a pronoun
        or a description may mean (unless a known given name opens a person's name in it:
        "the weekly Kurier Oskar Brandl")."""
        if word_before not in lexicon.words("media_nouns"):
            return  # (the common case: read nothing more)
        given = lexicon.words("given_names")
        words = [w.casefold() for w in entity.words]
        if words[0] not in given and not (len(words) > 2 and given.intersection(words[1:-1])):
            entity.body, entity.person, entity.evident = True, False, False

    def add(self, name_span: Span, role: str | None) -> Entity:
        """Register a name (merging with an entity of the same surname) and return its entity."""
        name_span = person_after_body_end(self.text, name_span) or name_span  # ("… Company | Pham Thi Lan")
        words = clean_name(self.text[name_span[0]:name_span[1]])
        entity = self._match(words, name_span[0])
        if entity is None and self._spelled_before(words, name_span[0]):
            entity = self._match(words, name_span[0])
        changed = role is not None
        if entity is None:
            entity = Entity(" ".join(words), name_span[0])
            self.entities.append(entity)
            self._by_surname.setdefault(lookup_key(words), []).append(entity)
            changed = True
        elif len(words) > len(entity.words):
            entity.name = " ".join(words)
            entity.named_at = name_span[0]
            changed = True
        known = entity.words
        if changed:  # what a name alone tells of an entity is known already otherwise
            if len(known) > 1 and entity not in self._by_first.get(known[0], ()):
                self._by_first.setdefault(known[0], []).append(entity)
            if len(known) > 2 and entity not in self._by_first_surname.get(known[-2], ()):
                self._by_first_surname.setdefault(known[-2], []).append(entity)
            if len(known) > 3 and known[-2] in SURNAME_JOINERS and (
                    entity not in self._by_first_surname.get(known[-3], ())):
                # "Vidal" of "Oriol Vidal i Sabaté"
                self._by_first_surname.setdefault(known[-3], []).append(entity)
            if role and not entity.role:
                entity.role = bare_role(role)
            entity.gender = entity.gender or name_gender(known) or (gender_of(role) if role else None)
            entity.person = entity.person or looks_personal(entity, role)
            entity.evident = entity.evident or bool(entity.person and (entity.gender or role))
        elif len(words) == 1 and len(known) > 1 and entity.person:
            entity.evident = True  # "Fitch" after "Wade Fitch": nobody calls a place that
        bisect.insort(entity.positions, name_span[0])
        return entity

    def _match(self, words: list[str], pos: int, gender: str | None = None) -> Entity | None:
        """The entity these name words refer to: same full name, or same surname
        with no conflicting first name; the most recently named wins."""
        best = None
        best_rank = (-1, -1)
        for entity in self._by_surname.get(lookup_key(words), ()):
            if entity.words == words:
                return entity
            if len(words) > 1 and len(entity.words) > 1 and not same_given(
                    words[0], *entity.words[:-1]) and not particle_surname(words, entity.words):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            rank = prominence(entity, pos)
            if best is None or rank > best_rank:
                best, best_rank = entity, rank
        if best is None and len(words) == 1:
            for entity in self._by_first.get(words[0], ()):  # a first name alone: "Hillary"
                if entity.person or short_form(words[0], entity):  # a body's: "Marex" (Logistics)
                    return entity
            for entity in reversed(self._by_first_surname.get(words[0], ())):
                if entity.person and entity.evident and first_surname(words[0], entity):
                    return entity  # "Sotolongo acknowledged" after "Manuel Sotolongo Pérez"
        elif (best is None or len(best.words) == 1) and all(is_initial(w) for w in words[:-1]) and (
                initialled := self._initialled_first_surname(words, pos)) is not None:
            return initialled  # (not "Marín" the village, named alone)
        elif best is None:
            for entity in self._by_first.get(words[0], ()):  # "Kestrel Point" (Partners)
                if entity.named_at < pos and body_short_form(words, entity):
                    return entity
            return self._given_names(words, pos) or self._styled_surname(words, pos, gender)
        return best

    def _initialled_first_surname(self, words: list[str], pos: int) -> Entity | None:
        """"L. Marín" or "J. C. Marín" after "Lucía Marín Soto", "Juan Carlos Marín Soto":
        initials of the given names and the first of two surnames, as Spanish copy
        shortens a name; the person named in full with them before."""
        for entity in reversed(self._by_first_surname.get(words[-1], ())):
            given = entity.words[:-2]
            if entity.person and entity.named_at < pos and first_surname(words[-1], entity) and (
                    len(given) == len(words) - 1) and all(map(same_given, words, given)):
                return entity
        return None

    def _spelled_before(self, words: list[str], pos: int) -> bool:
        """"D. Lozan", "T. M. Rask" after "Dorin Lozan", "Tora Mette Rask" written
        whole inside an office's run that no name was read from: register the full name
        the initials stand for, the last one before, so the initials mean that person."""
        if len(words) < 2 or not all(is_initial(w) for w in words[:-1]):
            return False
        given = r"\s+".join(rf"{w[0]}[\p{{Ll}}\p{{M}}’'-]+" for w in words[:-1])
        pattern = regex.compile(rf"(?<![\p{{L}}.])({given})\s+{regex.escape(words[-1])}\b")
        found = next(reversed(list(pattern.finditer(self.text, self._body[0], pos))), None)
        if found is None or found.group(1).casefold() in lexicon.words("not_names"):
            return False
        self.add((found.start(), found.end()), None)
        return True

    def _given_names(self, words: list[str], pos: int) -> Entity | None:
        """"Ásdís Hrund" after "Ásdís Hrund Egilsdóttir": the given names alone, as
        Icelandic, Thai or Indonesian copy refers back, mean the one person named in full
        with them first (none where two people share them)."""
        found = [entity for entity in self._by_first.get(words[0], ())
                 if entity.person and entity.named_at < pos and len(entity.words) > len(words)
                 and entity.words[:len(words)] == words]
        return found[0] if len(found) == 1 else None

    def _styled_surname(self, words: list[str], pos: int, gender: str | None) -> Entity | None:
        """"Engr Nwankwo" after "Engr Chukwudi Obi Nwankwo", "Datuk Azlan" after "Datuk Seri
        Azlan Hashim": a style of address and one word mean the person named in full."""
        if len(words) != 2 or not is_style_word(words[0]):
            return None
        entity = self._match(words[1:], pos, gender)
        return entity if entity is not None and entity.person and len(entity.words) > 1 else None

    def named(self, mention: Mention, name: Span) -> tuple[Entity, list[str]]:
        """The entity a name mention means, and the name words as written here."""
        name = person_after_body_end(self.text, name) or name  # ("… Region | Aibek Toktorov")
        words = clean_name(self.text[name[0]:name[1]])
        gender = gender_of(mention.role) if mention.role else None
        entity = self._match(words, mention.start, gender)
        if len(words) == 1 and acronyms.is_acronym(words[0]):
            entity = self._spelled_out(words[0], mention.start) or entity
        if entity is None and len(words) == 1:
            entity = self.title_word_surname(words[0])
        if entity is None or len(words) > len(entity.words):
            entity = self.add(name, mention.role)  # (a fuller name than the one known)
        if mention.role and not entity.role:
            entity.role = bare_role(mention.role)
        entity.person = entity.person or bool(mention.role) or (len(words) > 1 and not names_body(entity))
        return entity, words

    def _spelled_out(self, acronym: str, pos: int) -> Entity | None:
        """"IRCC" after "Immigration, Refugees and Citizenship Canada": the body the
        article named in full before, whose initials the acronym spells."""
        if acronym not in self._acronyms:  # one search of the text per acronym
            span = acronyms.spelled_before(self.text, acronym, self._body[0], pos)
            self._acronyms[acronym] = self.add(span, None) if span else None
        return self._acronyms[acronym]

    def title_word_surname(self, surname: str) -> Entity | None:
        """"Mr. Bishop": a surname that is also a role word was not collected as a
        name; find it after a given name in the text ("Rowan Bishop")."""
        if surname.casefold() not in lexicon.words("titles") | lexicon.words("roles"):
            return None
        if surname in self._title_surnames:  # one search of the text per surname
            return self._title_surnames[surname]
        pattern = regex.compile(r"\b(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?)\s+" + regex.escape(surname) + r"\b")
        found = None
        for match in pattern.finditer(self.text):
            given = match.group(1)
            if given.casefold() not in lexicon.words("not_names") | lexicon.words("titles"):
                found = self.add((match.start(1), match.end()), None)
                break
        self._title_surnames[surname] = found
        return found

    def antecedent(self, gender: str | None, pos: int) -> Antecedent | None:
        """The person a pronoun of this gender at pos refers to: the last person named
        before it outside quotation marks as a subject, passing over those whose known
        gender differs ("it": the last body, neither a person nor a place). A name
        nothing shows to be a person's ("Nova Scotia") is taken only when no other is."""
        passed: list[str] = []
        weak: Antecedent | None = None
        i = bisect.bisect_left(self._positions, pos) - 1
        while i >= 0:
            at, entity = self._outside[i]
            i -= 1
            if gender == "n":
                if is_body(entity):
                    # (unsure when the name could as well be a person's: "Lakeside Power")
                    return Antecedent(entity, at, tuple(passed), None, entity.person)
                continue
            if entity.gender not in (None, gender):
                if entity.name not in passed:
                    passed.append(entity.name)
                continue
            if entity.unnamed and weak is not None:
                return weak  # (a name after a described source is nearer, if less sure)
            if entity.evident:
                return Antecedent(entity, at, tuple(passed), self._rival(i, at, entity, gender))
            if weak is None and entity.person:
                weak = Antecedent(entity, at, (), None, True)
        return weak or (self._object_before(gender, pos) if gender in ("m", "f") else None)

    def _object_before(self, gender: str, pos: int) -> Antecedent | None:
        """With no subject to refer to, the person last named as an object shortly before
        ("… where she met Tomas Brik, the director. He said"), whose gender agrees."""
        for at, entity in reversed(self.mentions()):
            if at >= pos or self.in_quotation(at):
                continue
            if pos - at > _OBJECT_REACH:
                break
            if entity.person and entity.evident and entity.gender in (None, gender):
                return Antecedent(entity, at, (), None, entity.gender is None)
        return None

    def _rival(self, i: int, at: int, chosen: Entity, gender: str | None) -> tuple[int, Entity] | None:
        """Another person the pronoun could mean, named shortly before the chosen one
        with no gender telling them apart: the choice is then unsure."""
        while i >= 0 and at - self._outside[i][0] <= _RIVAL_REACH:
            other_at, other = self._outside[i]
            i -= 1
            if other is not chosen and other.evident and not other.unnamed and (
                    other.gender in (None, gender)) and (other.gender is None or chosen.gender is None):
                return other_at, other
        return None

    def spoke(self, turn: Turn, quotation: bool) -> None:
        """A statement with a known speaker: its speaker is now the current one."""
        self.current = turn
        self.turns.append(turn)
        if quotation:
            self.quoting = turn

    def statement_before(self, pos: int) -> Turn | None:
        """The last statement with a known speaker that ends by pos."""
        return next((turn for turn in reversed(self.turns) if turn.end <= pos), None)

    def statement_just_before(self, pos: int) -> Turn | None:
        """The last statement before pos when it ends in pos's paragraph or the one before:
        the one a description or an age right after it may go on with."""
        turn = self.statement_before(pos)
        return turn if turn is not None and self.text.count("\n\n", turn.end, pos) <= 1 else None

    @property
    def body(self) -> Span:
        """Where the article's prose is (past its headline)."""
        return self._body

    def subject_before(self, pos: int) -> tuple[int, Entity] | None:
        """The last person named before pos outside quotation marks as a subject (a
        source described, never named, is none)."""
        i = bisect.bisect_left(self._positions, pos) - 1
        while i >= 0 and (not self._outside[i][1].person or self._outside[i][1].unnamed):
            i -= 1
        return self._outside[i] if i >= 0 else None

    def source_before(self, pos: int) -> tuple[int, Entity] | None:
        """The last person before pos outside quotation marks as a subject, named or a
        source described and never named."""
        i = bisect.bisect_left(self._positions, pos) - 1
        while i >= 0 and not self._outside[i][1].person:
            i -= 1
        return self._outside[i] if i >= 0 else None

    def owner_before(self, pos: int) -> Entity | None:
        """What "its" at pos refers to: the country or body last named as a subject shortly
        before, no person ("Osterreith denied it. Its foreign ministry said …")."""
        i = bisect.bisect_left(self._positions, pos) - 1
        while i >= 0 and pos - self._positions[i] <= _OWNER_REACH:
            entity = self._outside[i][1]
            if entity.unnamed or entity.gender or titled(entity.role) or (
                    entity.person and len(entity.words) > 1):
                return None  # (a person named since: "its" means no one sure; but a
            return entity  # country that spoke, "Osterreith denied …", is none)
        return None

    def described(self, name: str, pos: int, body: bool) -> bool:
        """A description at pos ("the utility said") stands for this entity as a subject:
        a pronoun after it may mean the entity, "it" when the description is a body's.
        Returns whether the article names such an entity; a body it does not name
        ("Serelia's defence ministry said …") is still the body "it" may mean next."""
        entity = self.by_name(name)
        if entity is None:
            words = name.casefold().split(" ")
            if body or (words[-1] in body_nouns() and not _PREPOSITIONS.intersection(words)):
                # (not "A spokesman for the Harwick Police Department": a person)
                self._subject_at(pos, Entity(name, pos, positions=[pos]))
            return False
        if body:  # ("BC Hydro" said like a person, but "the utility" is no person)
            entity.person = entity.evident = False
        self._subject_at(pos, entity)
        return True

    def entity(self, name: str) -> Entity | None:
        """The person or body of this name, or a described source that spoke as it."""
        found = self.by_name(name)
        return found or next((e for _, e in self._outside if e.unnamed and e.name == name), None)

    def by_name(self, name: str) -> Entity | None:
        """The person or body the article names so."""
        return next((e for e in self.entities if e.name == name), None)

    def in_quotation(self, pos: int) -> bool:
        return inside(self._quoted, pos, self._quoted_starts)

    def unnamed(self, description: str, pos: int, gender: str | None) -> None:
        """A source described, never named, spoke at pos ("One patient told the BBC"):
        the next "he" or "she" may mean it (`quotes.unnamed`)."""
        self._subject_at(pos, Entity(description, pos, None, gender, True, [pos], True, unnamed=True))

    def source_at(self, name: str, start: int, end: int) -> None:
        """The person named at text[start:end] is the source of a statement: the next pronoun
        may mean them whatever stands before the name ("According to the head of the Varna
        District Council Orhan Demir, … . “…,” he said": no object of "of")."""
        entity = self.by_name(name)  # (a described source is never named: none of them)
        if entity is None or not entity.person or self.in_quotation(start):
            return
        i = bisect.bisect_left(self._positions, start)
        if any(e is entity for _, e in self._outside[i:bisect.bisect_right(self._positions, end)]):
            return  # (already where a subject stands)
        self._subject_at(start, entity)

    def _subject_at(self, pos: int, entity: Entity) -> None:
        i = bisect.bisect_left(self._positions, pos)
        self._positions.insert(i, pos)
        self._outside.insert(i, (pos, entity))

    def mentions(self) -> list[tuple[int, Entity]]:
        """Every place the article names a person or body, in text order."""
        return sorted(((p, e) for e in self.entities for p in e.positions), key=lambda m: m[0])

    def introduced(self, start: int, end: int, besides: str | None) -> Entity | None:
        """A person other than `besides` named as a subject between start and end,
        outside quotation marks: someone the reader now expects to speak."""
        i = bisect.bisect_left(self._positions, start)
        while i < len(self._positions) and self._positions[i] < end:
            entity = self._outside[i][1]
            if entity.evident and entity.name != besides:
                return entity
            i += 1
        return None

    def is_person(self, mention: Mention) -> bool:
        """Does this name mention refer to a person of the article?"""
        if mention.kind != "name" or mention.name is None:
            return False
        words = clean_name(self.text[mention.name[0]:mention.name[1]])
        entity = self._match(words, mention.start)
        return entity is not None and entity.person

    def mark_speaker(self, name: str | None, gender: str | None = None) -> None:
        """A speaker is a person (or speaks like one): pronouns may now refer to it."""
        for entity in self._by_surname.get(lookup_key((name or " ").split(" ")), ()):
            if entity.name == name and not not_personal(entity):
                entity.person = entity.evident = True
                entity.gender = entity.gender or gender


def titled(role: str | None) -> bool:
    """A role with a title in it ("Mayor"), not "Kalvania's neighbour"."""
    titles = lexicon.words("titles")
    return any(w.rstrip(".,").casefold() in titles for w in (role or "").split())
