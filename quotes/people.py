"""The people of one article: whom it introduces, and how.

Every name the article gives outside title-case headlines becomes an entity,
merged by surname ("NATO Secretary General Jens Stoltenberg" … "Stoltenberg"),
with the role given with it, a gender where a title or a given name shows it,
and where it is named. Names outside quotation marks that stand as subjects
are the candidates a pronoun may refer to. `quotes.resolve` asks this model
who a mention means; nothing here writes an explanation.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cache

import regex

from quotes import acronyms, lexicon
from quotes.appositions import STYLE_POSSESSIVE_WORDS, STYLE_POSSESSIVES, role_before_name
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
    short_form,
)
from quotes.gender import gender_of, given_gender, opens_sentence, shown_gender
from quotes.mention_words import bare_role, clean_name
from quotes.name_runs import sentence_runs
from quotes.names import Mention, common_word_surname, name_ending
from quotes.offices import OFFICE_JOINS, inside_office, through_office
from quotes.organisations import (
    BODY_JOINS,
    body_opened_before,
    body_read_back,
    ends_body_with_title,
    list_goes_on,
    organisation_ending,
)
from quotes.salience import (
    NOT_BEFORE_SUBJECT,
    POSSESSIVE,
    after_object_verb,
    after_pronoun_subject,
    body_subject,
    salient,
)
from quotes.segment import TitleCaseLines, dateline_end
from quotes.tokens import FUNCTION_WORDS, is_name_word, keeps_period, window_tokens

Span = tuple[int, int]
# How far before a pronoun's antecedent another person of the same (or unknown)
# gender makes the choice unsure.
_RIVAL_REACH = 150
# How far back a pronoun with no subject to refer to looks for a person named as an object.
_OBJECT_REACH = 400
# How far before a name its role words may start ("NATO Secretary General", "Deputy
# Minister of Energy and Natural Resources of the Republic of | …").
_ROLE_WINDOW = 120
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
        # (position, entity) of names outside quotation marks that could be a
        # pronoun's antecedent, in text order.
        self._outside: list[tuple[int, Entity]] = []
        starts = [s for s, _ in quoted]
        self._quoted, self._quoted_starts = quoted, starts
        titles = lexicon.words("titles")
        skip = _names_nobody()
        org_words = lexicon.words("org_words")
        headlines = TitleCaseLines(text, body)
        asides = asides or []
        aside_starts = [s for s, _ in asides]
        dateline = body[0]  # (where the last wire dateline ended: its words name nobody)
        for run in sentence_runs(text, body):
            start = run.start()
            if start < dateline:
                continue
            if (start == 0 or text[start - 1] == "\n") and (end := dateline_end(text, start)) is not None:
                dateline = end  # "ARDESSA, May 2 (Reuters) -": not a body "it" may mean
                continue
            words = run.group()
            if words.rstrip(".").casefold() in skip and not (
                    words.casefold() in titles and text.endswith((" of ", " for ", " and "), 0, start)):
                continue  # "The", "But", "President" alone name nobody ("Ministry of | Health" ends a body)
            if asides and _inside(asides, aside_starts, start):
                continue  # a photo credit, a caption or a link line: not the story's people
            if headlines.holds(start):
                continue  # "Mayor Sees Budget Gap": in title case, capitals do not mark names
            if words.rsplit(" ", 1)[-1].casefold() in org_words and (
                    _OF_NAME.match(text, run.end()) or (" " not in words and opens_sentence(
                        text, start, body[0]) and _LOWER_AFTER.match(text, run.end()))):
                # "(The) City | of Surrey": the head of a body read with its name from "Surrey";
                # "City financial records": a common noun that opens a sentence
                continue
            # The word before tells whether the name is a modifier ("the Wagner boss")
            # and whether role words precede it ("Secretary General Jens …").
            reach = max(body[0], start - 40)
            end_before = reach + len(text[reach:start].rstrip())
            space = text.rfind(" ", max(body[0], end_before - 30), end_before)
            lo = space + 1 if space >= 0 else start  # (no word before it: none read)
            word_before = text[lo:end_before].rstrip(".").casefold()
            if word_before in titles or word_before in ("of", "the", "for") or (words.count(" ") >= 2 and (
                    word_before.isalpha() and word_before.islower() and word_before not in FUNCTION_WORDS)):
                # ("Minister of Trade of | …", "Director of the enterprise | Merav Trans Ana Bek")
                lo = max(body[0], start - _ROLE_WINDOW)
            elif " " not in words and word_before not in BODY_JOINS:  # the common case, made cheap
                # (a word before that ends with a mark is kept apart: "persisted. Kody")
                joined = end_before > lo and text[end_before - 1].isalpha()
                self._add_single(run, word_before if joined else "", quoted, starts)
                continue
            toks = window_tokens(text, lo, run.end())  # (shared with the rules)
            last = len(toks) - 1
            ends_body = ends_body_with_title(toks, last, text)  # ("Ministry of | Health")
            while last >= 0 and not ends_body and not is_name_word(toks[last]) and not (
                    common_word_surname(toks, last)) and not (
                    toks[last].key in lexicon.words("org_words") and last > 0 and is_name_word(toks[last - 1])):
                last -= 1  # (a body's last word may be a role word: "Audit Office", "Ministry of Health")
            if last < 0 or toks[last].start < start:
                continue
            org = organisation_ending(toks, last, text)  # "Network Rail": no role "Network"
            wide, one = max(body[0], start - _ROLE_WINDOW), " " not in words  # ("Steel and | Engineering …")
            toks, last, org = body_opened_before(text, toks, last, org, word_before, one, wide, start)
            if org is not None and toks[org].start < start and list_goes_on(text, run.end()):
                continue  # "Agency for Schools | , Youth and Sport": read whole at its end
            mention = name_ending(toks, last, text) if org is None else Mention(
                toks[org].start, toks[last].end, "name", (toks[org].start, toks[last].end))
            if org is not None and word_before in OFFICE_JOINS and toks[org].start >= start:
                # "Director General of the Coffee Quality and | Marketing Authority Ana Bek":
                # a body's name read from the run may end an office, a person after it
                toks, last, mention = through_office(text, toks, last, mention, wide)
                org = org if mention.role is None else None
            if org is None and word_before in OFFICE_JOINS:
                # "… of Interior and | Disaster Management Ana Lee": read again with the office
                toks, last, mention = through_office(text, toks, last, mention, wide)
                if mention.role is None and word_before in BODY_JOINS:  # "… of Health and | Social Care"
                    toks, last, org = body_read_back(text, toks, last, None, wide, start)
                    mention = mention if org is None else Mention(
                        toks[org].start, toks[last].end, "name", (toks[org].start, toks[last].end))
            one_word = mention.name is not None and " " not in text[mention.name[0]:mention.name[1]]
            if org is None and mention.role and one_word and inside_office(text, run.end()):
                continue  # "Ambassador | Extraordinary | and Plenipotentiary of …": an office's word
            name = mention.name or (mention.start, mention.end)
            role = mention.role
            courtesy = role is not None and _courtesy_only(role)
            if (role is None or courtesy) and org is None and _CLOSES_APPOSITION.match(text, name[1]):
                # "The mayor of Lesna, Ana Kral, …", "the Deputy Minister of Tourism, Hon. Ali
                # Juma, stated" (the courtesy title is no role): the apposition before it
                at = mention.start if courtesy else name[0]
                if courtesy and (style := _STYLE_POSSESSIVE.search(text, max(0, at - 5), at)):
                    at = style.start()  # ("…, His | Excellency Tomas Mwale,")
                role = role_before_name(text, at, body[0]) or role
            entity = self.add(name, role)
            self._after_media_noun(entity, word_before)
            first = next(k for k in range(last, -1, -1) if toks[k].start == name[0])
            if mention.role and " of " in mention.role:
                # A long role is read with its name: "met with | Minister of Crown Relations
                # Ana Reed" is an object; "announced by (the) Minister of Health …" the agent.
                k = next(k for k in range(first, -1, -1) if toks[k].start <= mention.start)
                k -= 1 if k > 0 and toks[k - 1].key in ("the", "a", "an") else 0
                first = k if k > 0 and toks[k - 1].key != "by" else first
            if not _inside(quoted, starts, mention.start) and (salient(text, toks, first, last) or (
                    org is not None and body_subject(text, toks, first, last))):
                self._outside.append((mention.start, entity))
        # In a sentence whose subject is a pronoun ("He said the mill, run by Ana Ruiz,
        # …"), a name is somebody else, not who the next pronoun means.
        self._outside = [(pos, e) for pos, e in self._outside if not after_pronoun_subject(text, pos)]
        self._positions = [pos for pos, _ in self._outside]
        self._learn_genders(body[0], lambda pos: _inside(quoted, starts, pos))

    def _learn_genders(self, floor: int, quoted: Callable[[int], bool]) -> None:
        """Genders the article shows: a sentence that opens with a person and refers
        back to them with a pronoun before naming anyone else."""
        for k, (pos, entity) in enumerate(self._outside):
            if entity.gender or not entity.person or not opens_sentence(self.text, pos, floor):
                continue
            limit = self._positions[k + 1] if k + 1 < len(self._positions) else len(self.text)
            entity.gender = shown_gender(self.text, pos, limit, quoted)
            entity.evident = entity.evident or entity.gender is not None

    def _add_single(self, run: regex.Match[str], word_before: str, quoted: list[Span],
                    starts: list[int]) -> None:
        """A one-word name with no title before it ("Stoltenberg", "Wagner’s")."""
        word = run.group()
        end = run.end()
        if word.endswith(".") and not keeps_period(word):
            end -= 1
        entity = self.add((run.start(), end), None)
        self._after_media_noun(entity, word_before)
        possessive = word.endswith(POSSESSIVE[:2])
        if not possessive and word_before not in NOT_BEFORE_SUBJECT and not (
                word_before.isalpha() and after_object_verb(word_before)) and not _inside(
                quoted, starts, run.start()):
            self._outside.append((run.start(), entity))

    @staticmethod
    def _after_media_noun(entity: Entity, word_before: str) -> None:
        """"told state news agency Berita Sol", "the broadcaster RTV Zeta": a name right
        after a lower-case noun for a news outlet is the outlet's, never a person a pronoun
        or a description may mean (unless a known given name opens a person's name in it:
        "the weekly Glas Pavel Zelenka")."""
        if word_before not in lexicon.words("media_nouns"):
            return  # (the common case: read nothing more)
        given = lexicon.words("given_names")
        words = [w.casefold() for w in entity.words]
        if words[0] not in given and not (len(words) > 2 and given.intersection(words[1:-1])):
            entity.body, entity.person, entity.evident = True, False, False

    def add(self, name_span: Span, role: str | None) -> Entity:
        """Register a name (merging with an entity of the same surname) and return its entity."""
        words = clean_name(self.text[name_span[0]:name_span[1]])
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
            if role and not entity.role:
                entity.role = bare_role(role)
            entity.gender = entity.gender or given_gender(known) or (gender_of(role) if role else None)
            entity.person = entity.person or looks_personal(entity, role)
            entity.evident = entity.evident or bool(entity.person and (entity.gender or role))
        elif len(words) == 1 and len(known) > 1 and entity.person:
            entity.evident = True  # "Fitch" after "Lorne Fitch": nobody calls a place that
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
            if len(words) > 1 and len(entity.words) > 1 and entity.words[0] != words[0] and not (
                    particle_surname(words, entity.words)):
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
        elif best is None:
            for entity in self._by_first.get(words[0], ()):  # "Kestrel Point" (Partners)
                if entity.named_at < pos and body_short_form(words, entity):
                    return entity
        return best

    def named(self, mention: Mention, name: Span) -> tuple[Entity, list[str]]:
        """The entity a name mention means, and the name words as written here."""
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

    def owner_before(self, pos: int) -> Entity | None:
        """What "its" at pos refers to: the country or body last named as a subject shortly
        before, no person ("Osterreith denied it. Its foreign ministry said …")."""
        i = bisect.bisect_left(self._positions, pos) - 1
        while i >= 0 and pos - self._positions[i] <= _OWNER_REACH:
            entity = self._outside[i][1]
            if entity.unnamed or entity.gender or _titled(entity.role) or (
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
        return _inside(self._quoted, self._quoted_starts, pos)

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


# An "of" phrase naming a place or body after a capitalised word ("City | of Surrey").
_OF_NAME = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}")
_LOWER_AFTER = regex.compile(r"[ \u00a0]+\p{Ll}")


# The possessive of a style of address, before it: "His | Excellency", "Her | Excellency".
_STYLE_POSSESSIVE = regex.compile(rf"\b(?:{STYLE_POSSESSIVE_WORDS})[ \u00a0]+$")

# What closes an apposition after a name: its comma, or the sentence's end.
_CLOSES_APPOSITION = regex.compile(r",|\.(?:\s|$)")


@cache
def _names_nobody() -> frozenset[str]:
    """Words that alone name nobody: common words, titles and roles ("The", "President")."""
    return lexicon.words("not_names") | lexicon.words("titles") | lexicon.words("roles")


def _courtesy_only(role: str) -> bool:
    """"Hon.", "Mr", "H.E. Dr.", "His Excellency": courtesy titles and styles of address,
    no office."""
    words = _courtesies()
    said = role.split()
    if len(said) > 1 and said[0].casefold() in STYLE_POSSESSIVES:
        said = said[1:]  # ("His Excellency", "Her Excellency": the style with its possessive)
    return all({w.casefold(), w.casefold().rstrip("."), w.casefold().rstrip(".") + "."} & words
               for w in said)


@cache
def _courtesies() -> frozenset[str]:
    """The words of courtesy titles and styles of address, read once."""
    return lexicon.words("honorifics") | lexicon.words("address_styles")


def _titled(role: str | None) -> bool:
    """A role with a title in it ("Mayor"), not "Kalvania's neighbour"."""
    titles = lexicon.words("titles")
    return any(w.rstrip(".,").casefold() in titles for w in (role or "").split())


def _inside(spans: list[Span], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]

