"""The noun phrase that ends at a token: who a mention names.

`mention_ending` reads a pronoun ("he"), a name with an optional role before it
("NATO Secretary General Ivar Stokkeland"), a body ("the Bank of Canada") or a
role phrase ("a senior official", "the secretary general of the Atlantic
Alliance") backwards from its last token, with the phrases that belong to its
head ("the head | of the agency", "sources | familiar with the matter"). The
readers of `quotes.speakers`, `quotes.appositions` and `quotes.after_cue` build
on it. Names with their role words are read by `quotes.names`, words by
`quotes.tokens`.
"""

from __future__ import annotations

from functools import cache

from quotes import lexicon
from quotes.mention_words import clean_role
from quotes.names import MAX_ROLE_TOKENS, Mention, is_style_word, name_ending, office_mention, title_as_surname
from quotes.office_words import office_opening
from quotes.organisations import names_a_body, organisation_ending
from quotes.tokens import (
    FUNCTION_WORDS,
    SUFFIXES,
    Token,
    after_honorific,
    index_of_start,
    is_capitalised,
    is_modifier,
    is_name_word,
    is_participle_compound,
    is_plural_person_noun,
    is_possessive,
    is_post_nominal,
    is_pronoun,
    is_role_noun,
    is_role_word,
    is_title,
    is_word,
    list_closing,
)

# Not "no", "most", "all", "few": they also stand as an adverb or a pronoun ("no longer
# wants", "most passionate supporters", "All ran").
DETERMINERS = lexicon.tagged("determiners", "article", "possessive", "quantifier", "number") - {
    "no", "most", "all", "few"}


# Endings of adjectives, which cannot head a noun phrase that speaks.
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ent")


def generic_noun_phrase(text: str, toks: list[Token], i: int) -> Mention | None:
    """"The businessman said", "a number of attendees said": a determiner, a few
    describing words and a noun right before the cue."""
    if not is_modifier(toks[i]) or (toks[i].key.endswith(_ADJECTIVE_ENDINGS)
                                    and toks[i].key not in lexicon.words("adjective_ending_nouns")):
        return None  # ("in a subsequent | tweet": an adjective, and the cue a noun; "the hospital" a noun)
    if toks[i].key in lexicon.words("irregular_past") or toks[i].key.endswith("ed"):
        return None  # ("the group made | repeated claims": a verb ends no noun phrase)
    j = i - 1
    while j >= 0 and i - j <= 5:
        if toks[j].key in DETERMINERS or is_possessive(toks[j]):
            # (a possessive's own phrase belongs to it: "the nurses’ union", "the mayor's office")
            start = _possessor_start(toks, j) if is_possessive(toks[j]) else toks[j].start
            inner = Mention(start, toks[i].end, "role", None, text[start:toks[i].end])
            return _extend_with_of(text, toks, j, inner)  # "the organisers of the survey"

        if toks[j].key in ("and", "or") and j > 0 and j + 1 < i and toks[i].key.endswith("s") and (
                is_modifier(_opening_lowered(toks, j - 1))):
            j -= 1  # "Federal and provincial inspectors say" (a plural head: not "X's absurd and
            continue  # inaccurate | claim", where the phrase before the noun is no speaker)
        if not (is_modifier(toks[j]) or toks[j].key == "of" or is_name_word(toks[j])
                or is_title(toks[j])):
            break  # ("The New York businessman", "the GOP front-runner")
        j -= 1
    # A plural opening its clause needs no article: "Social conservatives say …",
    # "And Iowa biofuels advocates say …".
    opens = _opens_clause_after(toks, j)
    if opens and j + 1 < i and toks[i].key.endswith("s") and toks[j + 1].word[:1].isupper():
        return Mention(toks[j + 1].start, toks[i].end, "role", None, text[toks[j + 1].start:toks[i].end])
    return None



def mention_ending(text: str, toks: list[Token], i: int) -> Mention | None:
    """The mention whose last token is toks[i], or None."""
    tok = toks[i]
    if is_pronoun(tok):
        return Mention(tok.start, tok.end, "pronoun")
    if i > 0 and is_post_nominal(tok.word) and is_name_word(toks[i - 1]) and not is_possessive(toks[i - 1]):
        person = mention_ending(text, toks, i - 1)  # "Ana Reyes MSP said": the letters are no role
        if person is not None and person.kind == "name":
            return Mention(person.start, tok.end, "name", person.name, person.role)
    if tok.key in lexicon.words("places") and i >= 2 and toks[i - 1].key in ("of", "from"):
        person = person_before_of(text, toks, i - 1)  # "Sen. Mara Quist of Ohio said"
        if person is not None and toks[i - 2].key not in lexicon.words("org_words") and person.role:
            return person
    if (titled := _titled_person_of_place(text, toks, i)) is not None:
        return titled
    if (local := _person_from_the(text, toks, i)) is not None:
        return local
    org = organisation_ending(toks, i, text)
    if org is not None and org + 2 == i and toks[org + 1].key == "of" and is_title(toks[org]) and (
            toks[i].key in _GENERIC_OFFICES):
        # "the Head of State", "the Head of Government": an office written with capitals,
        # no body's name; it stands for its holder as "the head of state" does
        start = toks[org - 1].start if org > 0 and toks[org - 1].key == "the" else toks[org].start
        return Mention(start, tok.end, "role", None, text[start:tok.end])
    if org is not None and (person := _person_of_body(text, toks, org, i)) is not None:
        return person  # "Tom Brezina of Kestrel Securities said": he speaks, the body is his role
    if org is not None and (person := _member_of(text, toks, org, i)) is not None:
        return person  # "Petra Valk of the centre-right Civic Union said"
    if org is not None:
        mention = Mention(toks[org].start, tok.end, "name", (toks[org].start, tok.end))
        return _office_of(text, toks, org, i) or (
            _extend_with_of(text, toks, org - 1, mention) if org >= 1 else mention)
    if after_honorific(toks, i):
        named = Mention(toks[i - 1].start, tok.end, "name", (tok.start, tok.end), toks[i - 1].word)
        # ("A spokesman for | Ms Rolle said": the phrase belongs to its head, as with a full name)
        return _extend_with_of(text, toks, i - 2, named) if i >= 3 else named
    if is_name_word(tok) or title_as_surname(toks, i) or (
            tok.key in SUFFIXES and i > 0 and is_name_word(toks[i - 1])):
        name = name_ending(toks, i, text)
        first = next(k for k in range(i, -1, -1) if toks[k].start == name.start)
        if name.role is None and i - first >= 2 and (office := _office_of(text, toks, first, i)):
            return office  # "the chief executive of the carmaker Aston Martin Lagonda": nobody named
        if name.role is None and first >= 2 and (office := office_mention(text, toks, first, i)):
            return office  # "the Minister of Agriculture and | Food said": nobody named
        return _extend_with_of(text, toks, first - 1, name) if first >= 1 else name
    if is_role_word(tok):
        if is_capitalised(tok.word) and i >= 2 and (office := office_mention(text, toks, i, i)):
            return office  # "the Minister of Finance and | Economy said"
        role = role_ending(text, toks, i)
        if role is not None and (person := _member_of(text, toks, _index_at(toks, role.start), i)):
            return person  # "Petra Valk of the Green Future party said"
        if role is None and i >= 2 and toks[i - 1].key == "of":  # "the Department of Justice"
            extended = _extend_with_of(text, toks, i - 1, Mention(tok.start, tok.end, "role", None, tok.word))
            role = None if extended.start == tok.start else extended
        return role
    return None


# What a capitalised "<title> of" office ends with when it names no body ("Head of State").
_GENERIC_OFFICES = frozenset("state government".split())


def _titled_person_of_place(text: str, toks: list[Token], i: int) -> Mention | None:
    """"Paramount Chief Alimamy Turay of Upper Koya Chiefdom said", "Mr Odell Rudder of Team
    Palm Hollow said": a person named with a title or courtesy title, then "of" or "from"
    and a run of up to three name words no lexicon knows, is the speaker; the place or
    team is where the person is from. Only with the title before the name, which shows
    the name is a person's and not a body's ("the Bank of Upper Koya")."""
    of = next((k for k in range(i - 1, max(1, i - 4), -1) if toks[k].key in ("of", "from")), None)
    if of is None or of < 2 or not all(is_capitalised(t.word) and t.word.isalpha() for t in toks[of + 1:i + 1]):
        return None
    if toks[of - 1].key in lexicon.words("org_words") or not is_name_word(toks[of - 1]):
        return None  # ("Bank of …", "the Chief of Staff")
    if not any(map(is_title, toks[max(0, of - 8):of - 1])):
        return None  # (no title where one would stand before the name: the common case, made cheap)
    person = person_before_of(text, toks, of)
    if person is None or person.name is None or not person.role or person.start == person.name[0]:
        return None
    role_words = [t for t in toks if person.start <= t.start < person.name[0]]
    if not any(map(is_title, role_words)) or not all(is_capitalised(t.word) for t in role_words):
        return None  # (a title or courtesy title written before the name, nothing else)
    return person


# How many words a "from the …" phrase may run after a person's name.
_FROM_REACH = 8


def _person_from_the(text: str, toks: list[Token], i: int) -> Mention | None:
    """"Pensioner Olga Petrenko | from the Lisna district said", "Ivo Dragan, 17, | from the
    village of Brezno informed", "Growers | from the village of Brezno told": a person shown
    as one (a role before the name, or a known given name; an age may stand between) or a
    plural noun for people opening the clause, then "from the" and words up to toks[i],
    speaks; where they are from is no speaker (translated copy writes the place this way)."""
    k = next((k for k in range(i - 1, max(0, i - _FROM_REACH) - 1, -1) if toks[k].key == "from"), None)
    if k is None or k < 1 or toks[k + 1].key != "the" or not all(
            is_word(t) and t.word.replace("-", "").isalpha() for t in toks[k + 1:i + 1]):
        return None
    at = k - 3 if k >= 4 and toks[k - 1].word == toks[k - 3].word == "," and toks[k - 2].word.isdigit() else k
    people = _opening_lowered(toks, k - 1)
    if at == k and _plural_of_people(people) and starts_clause(toks, people.start):
        start = people.start  # ("Growers from the village of …": the people of a place)
        return Mention(start, toks[i].end, "role", None, text[start:toks[i].end])
    person = person_before_of(text, toks, at)
    if person is None or person.name is None:
        return None
    given = toks[_index_at(toks, person.name[0])].key in lexicon.words("given_names")
    if not (person.role or given):
        return None  # ("Tarn from the start said": no person shown)
    if text[max(0, person.start - 40):person.start].rstrip()[-1:] not in ("", ".", "!", "?", ":", ";", ","):
        return None  # ("activists clamoring to block Ana Ruiz from the nomination say": an object)
    return Mention(person.start, toks[i].end, "name", person.name, person.role)


def _member_of(text: str, toks: list[Token], first: int, i: int) -> Mention | None:
    """A person named before "of" and the body toks[first:i + 1] (with its article and
    lower-case words before it): "Petra Valk of the Green Future party", "Senate leader
    Ivo Marr of the centre-right Civic Union". The person speaks; the body is their role.
    Only a person the article shows as one: a role before the name or a known given name."""
    k = first
    while k > 0 and first - k < 3 and (toks[k - 1].key in DETERMINERS or (
            toks[k - 1].word.islower() and is_modifier(toks[k - 1]))):
        k -= 1  # ("of | the opposition | Green Future party")
    if k < 2 or toks[k - 1].key != "of" or toks[k].key not in DETERMINERS | {"the"}:
        return None
    person = person_before_of(text, toks, k - 1)
    if person is None or person.name is None:
        return None
    given = toks[_index_at(toks, person.name[0])].key in lexicon.words("given_names")
    if not (person.role or given) or toks[k - 2].key in lexicon.words("org_words"):
        return None  # ("Bank of the …", "Ana of the …": no person shown)
    body = text[toks[k].start:toks[i].end]
    return Mention(person.start, toks[i].end, "name", person.name, person.role or body)


def _index_at(toks: list[Token], start: int) -> int:
    return next(k for k, t in enumerate(toks) if t.start >= start)


def _person_of_body(text: str, toks: list[Token], org: int, i: int) -> Mention | None:
    """A capitalised run read as one body that opens with a person's name and "of":
    "Tom Brezina of Kestrel Securities", "Det Sgt Ravi Mistry of Northshire Police’s Crime
    Unit" (a known given name after any rank, a surname, no body word before "of"; "Bank of
    England" and "Sisters of Mercy" open with no given name)."""
    given = org
    while given < i and given - org < 3 and is_title(toks[given]) and is_capitalised(toks[given].word):
        given += 1  # "Det Sgt | Ravi Mistry of Northshire Police’s … Unit": a rank before the name
    of = next((k for k in range(given + 2, min(i, given + 4)) if toks[k].key == "of"), None)
    if of is None or toks[given].key not in lexicon.words("given_names"):
        return None
    if any(not is_name_word(t) or t.key in lexicon.words("org_words") for t in toks[given:of]):
        return None
    person = person_before_of(text, toks, of)
    if person is None:
        return None
    body = text[toks[of + 1].start:toks[i].end]
    return Mention(person.start, person.end, "name", person.name, person.role or body)


def person_before_of(text: str, toks: list[Token], of: int) -> Mention | None:
    """The person named right before toks[of] ("of", "from"): "Mara Quist | of Ohio"."""
    person = mention_ending(text, toks, of - 1) if of >= 1 else None
    return person if person is not None and person.kind == "name" and person.name is not None else None


def _office_of(text: str, toks: list[Token], first: int, i: int) -> Mention | None:
    """"the director of the bakery chain | Mr Crust Ltd": an office held in a body named
    after a lower-case noun, no person named after it, is a description as written."""
    if first < 1 or not toks[first - 1].word.islower() or toks[first - 1].key in ("of", "the"):
        return None  # ("the governor of the Bank of …": read as a body's "of" phrase)
    office = office_opening(toks, first, plain=False)
    if office is None:
        return None
    start = toks[office].start
    return Mention(start, toks[i].end, "role", None, text[start:toks[i].end])


def _opens_clause_after(toks: list[Token], j: int) -> bool:
    """Words after toks[j] open a clause: nothing, punctuation or a conjunction is at j."""
    return j < 0 or not is_word(toks[j]) or toks[j].key in ("and", "but", "so", "yet", "that", "what")
    # ("in what staff called ‘…’": "what" is the object of the clause that opens)


def role_ending(text: str, toks: list[Token], i: int) -> Mention | None:
    """A role phrase ending with the role noun toks[i] ("a senior official")."""
    j = i - 1
    while j >= 0 and i - j <= MAX_ROLE_TOKENS:
        tok = toks[j]
        if tok.key in DETERMINERS or is_possessive(tok):
            if j > 0 and toks[j - 1].key in ("the", "these", "those") and not is_possessive(tok):
                j -= 1  # "The two lawmakers", "the other officials"
                tok = toks[j]
            start = _possessor_start(toks, j) if is_possessive(tok) else tok.start
            mention = Mention(start, toks[i].end, "role", None,
                              text[toks[j + 1].start:toks[i].end] if j + 1 <= i else None)
            return _extend_with_of(text, toks, j, mention)
        if tok.key in ("and", "or") and j > 0 and j + 1 < i and (
                is_modifier(left := _opening_lowered(toks, j - 1)) or is_role_noun(left)):
            j -= 1  # "current and former officials", "the front-runner and former governor"
            continue
        if tok.key in ("and", "or") and j > 0 and j + 1 == i and _plural_role(toks[i]) and (
                _plural_role(toks[j - 1])):
            j -= 1  # "Several tax lawyers and economists say", "Her advisers and allies"
            continue
        if tok.key in ("of", "for") and 0 < j < i - 1 and is_capitalised(toks[j - 1].word) and (
                is_capitalised(toks[j + 1].word)):
            j -= 1  # "a Department of Ports spokesperson": a body's name as a modifier
            continue
        if (tok.key in ("and", "&") or tok.word == ",") and _listed_in_body(toks, j, i):
            j -= 1  # "a Department for Business and Trade spokesperson"
            continue
        if not is_word(tok) or is_pronoun(tok) or tok.key in FUNCTION_WORDS or (
                tok.word.islower() and tok.key in lexicon.speech_verbs()
                and not (j > 0 and is_capitalised(toks[j - 1].word))):  # ("Ohio state officials")
            break
        j -= 1
    # Bare plurals speak too ("sources said", "Republican lawmakers said"), and so
    # does a bare role opening the clause ("Police say …", "But Cologne police say …").
    opens = _opens_clause_after(toks, j)
    if toks[i].word.endswith("s") or (opens and all(  # ("Lagos state police": a verb as a noun)
            is_capitalised(t.word) or t.key in lexicon.speech_verbs() for t in toks[j + 1:i])):
        start = toks[j + 1].start if j + 1 <= i else toks[i].start
        return Mention(start, toks[i].end, "role", None, text[start:toks[i].end])
    return None


def _listed_in_body(toks: list[Token], j: int, i: int) -> bool:
    """toks[j] ("and", "&" or a comma) joins capitalised words inside the "of" or "for"
    phrase of a body's name before the role noun toks[i]: "a Department for Business |
    and Trade spokesperson", "a Ministry of Culture | , Youth and Sport official" (not
    "Labour and Green councillors": no body's head before them)."""
    if not 0 < j < i - 1 or not is_capitalised(toks[j - 1].word) or not is_capitalised(toks[j + 1].word):
        return False
    if toks[j].word == "," and list_closing(toks, j, _capitalised) is None:
        return False
    org = lexicon.words("org_words")
    k = j - 1
    while k > 0 and j - k <= 6 and (is_capitalised(toks[k].word) or toks[k].key in ("and", "&", ",")):
        k -= 1
    head = toks[k - 1] if k > 0 else None
    return head is not None and toks[k].key in ("of", "for") and head.key in org and is_capitalised(head.word)


def _capitalised(tok: Token) -> bool:
    return is_capitalised(tok.word)


def _personal(text: str, mention: Mention) -> bool:
    """A person's name: it opens with a known given name or has a title."""
    if mention.kind != "name" or mention.name is None:
        return False
    first = text[mention.name[0]:mention.name[1]].split()[0].casefold()
    return first in lexicon.words("given_names") or bool(mention.role)


def _opening_lowered(toks: list[Token], k: int) -> Token:
    """toks[k] as written, or in lower case where it opens a clause with only its capital
    ("Current | and former officials said": a modifier, as "current" is mid-sentence),
    unless it is a given name ("Ana and former officials")."""
    tok = toks[k]
    if tok.word[:1].isupper() and tok.word[1:].islower() and _opens_clause_after(toks, k - 1) and (
            tok.key not in lexicon.words("given_names")):
        return tok._replace(word=tok.word.lower())
    return tok


def _plural_role(tok: Token) -> bool:
    """A plural noun for people ("lawyers", "experts", "allies")."""
    return tok.word.islower() and tok.key.endswith("s") and is_role_noun(tok)


def _plural_of_people(tok: Token) -> bool:
    """A plural role noun, or the plural of a noun for one known person ("producers")."""
    return _plural_role(tok) or (tok.word.islower() and tok.key.endswith("s") and (
        tok.key[:-1] in lexicon.words("person_nouns")))


def _possessor_start(toks: list[Token], j: int) -> int:
    """Where the possessor toks[j] starts: "the prime minister’s | spokesman",
    "Ms. Brandauer’s | spokesman"."""
    k = j - 1
    while k >= 0 and j - k <= 3 and is_word(toks[k]) and (
            is_modifier(toks[k]) or is_capitalised(toks[k].word)) and toks[k].key not in DETERMINERS:
        k -= 1
    if k >= 0 and toks[k].key in ("the", "a", "an"):
        return toks[k].start
    if k >= 0 and is_possessive(toks[k]) and toks[j].word.endswith(("s’", "s'")) and not (
            is_capitalised(toks[j].word)):
        return _possessor_start(toks, k)  # ("the island’s | fishermen’s federation": a plural's owner)
    names = toks[k + 1:j]  # a name before the possessive belongs to it, describing words do not
    return names[0].start if names and all(is_capitalised(t.word) for t in names) else toks[j].start


def _extend_with_of(text: str, toks: list[Token], det: int, inner: Mention) -> Mention:
    """"the head | of the agency", "a spokesman | for Varga": the phrase belongs to its head;
    so does a place ("the UN mission | in Kalvania", "Traders | in the border town of
    Hadrin") and a describing phrase ("Two sources | familiar with the matter")."""
    if det >= 1 and (toks[det].key in DETERMINERS or is_possessive(toks[det])):
        det -= 1  # (an article, or a possessive: "the winner | at Sunday’s | Lisbon Marathon")
    if det >= 1 and toks[det].key in ("of", "for", "from"):
        outer = mention_ending(text, toks, det - 1) or (generic_noun_phrase(text, toks, det - 1) if (
            toks[det].key != "from" or names_a_body(text, inner)) else None)
        if toks[det].key == "from" and (outer is None or outer.kind != "role" or _personal(text, inner)):
            return inner  # ("a response from Tomas Hale Jr.": his words; but "the observer
            # mission from the Council of …", "a senator from Vermont" are the speakers)
        if outer is not None and inner.kind == "name" and inner.name and (
                toks[det - 1].key not in lexicon.words("speaks_for")) and _role_after_body(text, toks, inner):
            # "former Bank of | Velmora governor Petra Holm": the body is in her role (not "a
            # spokeswoman for | Transport Minister Ida Varga": she speaks for him)
            return Mention(outer.start, inner.end, "name", inner.name,
                           clean_role(text[outer.start:inner.name[0]]))
        if outer is not None and (outer.kind == "role" or names_a_body(text, outer)):
            return _extend_further(text, toks, Mention(outer.start, inner.end, "role", None,
                                                       text[outer.start:inner.end]))
        if toks[det].key == "of" and (toks[det - 1].key in lexicon.words("quantifiers")
                                      or toks[det - 1].word.isdigit()):
            start = toks[det - 1].start  # "one of the prosecutors", "most of the voters"
            group = Mention(start, inner.end, "role", None, text[start:inner.end])
            # ("An engineer at | one of the plants": the one who works there speaks)
            at_place = det >= 2 and toks[det - 2].key in PLACE_LINKS
            return _extend_further(text, toks, group) if at_place else group
        head = toks[det - 1]
        if (toks[det].key == "of" and is_word(head) and head.key.endswith("s")
                and not head.key.endswith("ss") and _opens_clause_after(toks, det - 2)):
            # "Proponents of the new bill say": a plural opening its clause heads the phrase.
            return Mention(head.start, inner.end, "role", None, text[head.start:inner.end])
    if det >= 1 and toks[det].key in _OCCASION_LINKS and inner.kind == "role" and (
            toks[-1].end == inner.end and is_occasion(toks[-1].key)):
        # "The ministry in a statement said", "Officials in the morning said", "The minister
        # at a news conference said": a medium, a time or an occasion, not the speaker
        outer = mention_ending(text, toks, det - 1)
        if outer is not None and outer.kind != "pronoun":
            return outer
    head_end = _described_from(toks, det, inner)
    if head_end is not None:
        outer = mention_ending(text, toks, head_end) or generic_noun_phrase(text, toks, head_end)
        if (outer is None or outer.kind != "role") and _opens_clause_after(toks, head_end - 1) and (
                _unnamed_people(toks, head_end)):
            # "Stallholders | at a night market say": a bare plural opening its clause
            outer = Mention(toks[head_end].start, toks[head_end].end, "role", None, toks[head_end].word)
        if outer is not None and outer.kind == "role":
            return _extend_further(text, toks, Mention(outer.start, inner.end, "role", None,
                                                       text[outer.start:inner.end]))
        if outer is not None and toks[det].key == "in" and inner.kind == "name" and headed_body(text, outer):
            # "The Canadian Embassy | in Lima said", "the Council for Fisheries | in
            # East Africa said": the body where it is, never the place alone
            return Mention(outer.start, inner.end, "name", (outer.start, inner.end))
        if outer is not None and outer.kind == "name" and toks[det].key == "in" and inner.kind == "name" and (
                toks[det - 1].end == outer.end):
            return outer  # "Trade Minister Ilse Varga | in Tallinn said": the place is where she spoke
    return inner


def headed_body(text: str, mention: Mention) -> bool:
    """A body's name with its head word first or last ("Council for Fisheries",
    "Canadian Embassy"), not a person's."""
    if mention.kind != "name" or mention.role:
        return False
    start, end = mention.name or (mention.start, mention.end)
    words = text[start:end].split()
    org = lexicon.words("org_words")
    return words[-1].casefold() in org or (len(words) > 2 and words[0].casefold() in org)


def _role_after_body(text: str, toks: list[Token], inner: Mention) -> bool:
    """A person's name whose role words open with the rest of a body's name and end with
    a role noun ("Canada governor | Gordon Pryde", "Fraser Valley political scientist |
    Moira Quail"), not a person who is the object of "of" ("the wife of | Senator Ana
    Lee", whose role opens with a title). A style of address ends the role as a title does
    ("the mosque of Dashoguz | Hajy | Myrat Orazov")."""
    if not inner.role or inner.name is None or inner.start >= inner.name[0]:
        return False
    opening = next((t for t in toks if t.start == inner.start), None)
    closing = next((t for t in reversed(toks) if t.end <= inner.name[0]), None)
    return opening is not None and closing is not None and is_name_word(opening) and (
        opening.key not in lexicon.words("honorifics")) and (
        is_role_word(closing) or is_style_word(closing.word))


def _extend_further(text: str, toks: list[Token], mention: Mention) -> Mention:
    """A phrase extended with its "of" phrase may belong to a head before it in turn
    ("Traders in | the border town of Hadrin")."""
    k = index_of_start(toks, mention.start)
    return _extend_with_of(text, toks, k - 1, mention) if k is not None and k >= 1 else mention


def _described_from(toks: list[Token], det: int, inner: Mention) -> int | None:
    """The index of the head noun's last token when toks[det] ends a phrase that
    describes it: a place after "in" ("mission | in | Kalvania"; the place a name, not
    "in | a statement"), or a phrase of `lexicons/postmodifiers.txt` ("sources |
    familiar with | the matter")."""
    if det < 1:
        return None
    if toks[det].key in PLACE_LINKS:
        last = next((t for t in reversed(toks) if t.end == inner.end), None)
        if last is not None and not is_occasion(last.key) and (
                (toks[det].key in ("in", "at") and is_capitalised(last.word))
                or _unnamed_people(toks, det - 1)):
            # "The head of security | at | Orland Airport": where the one described works;
            # "Residents | in the flooded streets", "fishermen | along the lagoon", "An
            # official | at the ministry": unnamed people and where they are
            return det - 1
    if toks[det].key not in _POSTMODIFIER_ENDS:
        return None  # (most phrases: no describing phrase to read)
    for phrase in postmodifiers():
        n = len(phrase)
        if det - n >= 0 and tuple(t.key for t in toks[det - n + 1:det + 1]) == phrase:
            return det - n
    return None


_TIMES = lexicon.tagged("time_words", "period") | {"past", "meantime"}  # ("in the past", "in the meantime")
# Prepositions after a noun for people that say where they are: "Traders | in the port",
# "fishermen | along the lagoon", "Vendors | near the station", "an engineer | at a plant".
# One list for both directions: read backwards here, forwards after "said a …" by
# after_cue and cues._PLACE_AFTER ("said a guard | outside the gate"). The forward
# readers once kept only in/at/along/near; the whole class gives the same records on
# every set and reads both directions alike. A time of day after one is no place read
# forwards ("said a guard | around midday", time_words); read backwards, "A guard around
# midday said" is still one noun phrase, since generic_noun_phrase takes "around" for a
# modifier (it is no function word); no set has the shape.
PLACE_LINKS = frozenset("in at along near outside inside across around".split())
_OCCASION_LINKS = frozenset("in on at during".split())
# Agent nouns in the plural, which name people: "Stallholders", "wholesalers", "lobbyists".
_AGENT_PLURALS = ("ers", "ors", "ists", "ians")
_INDEFINITE = frozenset("a an one another".split())


def is_occasion(key: str) -> bool:
    """A medium, a time or an occasion one speaks in or at ("a statement", "the morning",
    "a news conference"): not where the speaker belongs."""
    return key in lexicon.words("documents") or key in _TIMES or key in lexicon.words("occasions")


def _unnamed_people(toks: list[Token], h: int) -> bool:
    """toks[h] heads a noun phrase for people nobody has named: a plural of people
    ("residents", "fishermen", "stallholders") or a role noun after "a", "an" or "one"
    with at most three describing words ("a senior police officer"). Not group nouns
    (tokens.is_people_noun): with them records change on one set alone."""
    head = toks[h]
    if not is_word(head) or not head.word.isalpha() or head.key in lexicon.words("documents"):
        return False
    if is_plural_person_noun(head.key) or head.key.endswith(_AGENT_PLURALS) or (
            head.key.endswith("men") and head.word.islower()):  # ("boatmen", "linemen")
        return True
    if not (is_role_noun(head) or head.key in lexicon.words("trade_nouns")) or not head.word.islower():
        return False
    k = h - 1
    while k >= 0 and h - k <= 4 and (is_modifier(toks[k]) or is_participle_compound(toks[k].word)
                                     or is_capitalised(toks[k].word)) and toks[k].key not in _INDEFINITE:
        k -= 1
    return k >= 0 and toks[k].key in _INDEFINITE


@cache
def postmodifiers() -> tuple[tuple[str, ...], ...]:
    """The phrases of `lexicons/postmodifiers.txt`, each as its words."""
    return tuple(tuple(line.split()) for line in lexicon.lines("postmodifiers"))


_POSTMODIFIER_ENDS = frozenset(phrase[-1] for phrase in postmodifiers())


# Words after which a clause, and its subject, begins: "As Tabler, an expert, noted" (every
# kind of clause opener but a question's word, and the relative words).
CLAUSE_OPENERS = lexicon.tagged(
    "clause_openers", "joining", "coordinator", "subordinator", "prepositional") | lexicon.words("relatives")


def starts_clause(toks: list[Token], start: int, titled: bool = False) -> bool:
    """True when nothing but an introductory phrase and a comma come before start (and
    an article, before a name with its role: "the Chancellor Hanna Roth")."""
    before = [t for t in toks if t.end <= start]
    while before and is_participle_compound(before[-1].word):
        before.pop()  # "Toronto-listed | Andes Mining, which …, said": a description of the name
    if before and before[-1].key in ("the", "a", "an") and (titled or len(before) == 1):
        before.pop()  # ("The Chancellor …, who", "At the same time, the head of … Ana Lee, said")
    return not before or (
        before[-1].word in (",", ";", "—", "–", "-", "(", ":") or before[-1].key in CLAUSE_OPENERS)
