"""Speaker mentions: the noun phrase that names who spoke, read back from a cue.

A mention ("… Ivar Stokkeland | said") is read by `quotes.noun_phrases`; this
module adds what surrounds it: a party tag, a name in quotation marks, a person
before the body or place they belong to ("Ann Kobe of Eastvale"), the unnamed
people of a body ("Analysts at Kestrel Securities") and quantified groups
("three-quarters of the tenants"). Forwards ("said Stokkeland") is
`quotes.after_cue`; appositions ("Hugh Hill, a doctor, said") are
`quotes.appositions`.
"""

from __future__ import annotations

import re

from quotes import lexicon
from quotes.mention_words import clean_role
from quotes.names import Mention, name_ending, person_closing_office
from quotes.noun_phrases import generic_noun_phrase, mention_ending, role_ending, starts_clause
from quotes.tokens import (
    FUNCTION_WORDS,
    Token,
    index_of_start,
    is_adverbial,
    is_capitalised,
    is_modifier,
    is_name_word,
    is_participle_compound,
    is_people_noun,
    is_possessive,
    is_role_noun,
    is_role_word,
    is_title,
    is_word,
    remembered,
    tokens,
)

# A mention read forwards or backwards is a dozen words at most.
MENTION_WINDOW = 120


# -- reading backwards from a cue ---------------------------------------------


def mention_before(text: str, floor: int, pos: int, *, skip_aux: bool = True) -> Mention | None:
    """The mention that ends right before pos ("… Ivar Stokkeland | said")."""
    return remembered(_mention_before, text, floor, pos, skip_aux)


def _mention_before(text: str, floor: int, pos: int, skip_aux: bool) -> Mention | None:
    titled = _quoted_name_before(text, floor, pos)
    if titled is not None:
        return titled
    tag = _PARTY_TAG_BEFORE.search(text, max(floor, pos - 30), pos)
    if tag is None and skip_aux and text.find(")", max(floor, pos - 70), pos) >= 0 and (
            bare := _before_auxiliaries(text, floor, pos)) < pos:
        tag = _PARTY_TAG_BEFORE.search(text, max(floor, bare - 30), bare)  # "… (CRS) has | said"
    if tag:
        pos = tag.start()  # "Rep. Dale Corwin (R-Ohio) said"
    toks = tokens(text, max(floor, pos - MENTION_WINDOW), pos)
    i = len(toks) - 1
    if skip_aux:
        while i >= 0 and is_adverbial(toks[i]):
            i -= 1
    if i < 0:
        return None
    found = mention_ending(text, toks, i) or generic_noun_phrase(text, toks, i)
    if found is not None and found.kind in ("name", "role"):
        found = person_closing_office(text, toks, found) or found  # "… of Agriculture | Trond Hegvik"
    if found is not None and found.kind == "name":
        found = _member_of_body(text, toks, found) or _unnamed_in_place(text, toks, found) or found
    elif found is not None and found.kind == "role" and text.startswith("the ", found.start):
        member = _member_of_body(text, toks, found)  # "Sgt Ann Kobe of the county's traffic unit | said"
        if member is not None and starts_clause(toks, member.start, titled=True):
            found = member  # (not "activists clamouring to block Ann Kobe of the party | said")
    if found is not None and found.kind == "role" and text.startswith(("the ", "a ", "an "), found.start):
        found = _unnamed_at_described_place(text, toks, found) or found  # "An analyst with | the unit"
    if found is not None and found.kind != "pronoun":
        found = _people_at_body(text, toks, found) or _modified_group(text, toks, found) or found
    if found is None or found.kind == "role":
        group = _quantified_group(text, toks, i)  # "Six in 10 voters", not "10 voters"
        if group is not None and (found is None or group.start < found.start):
            return group
    return found


_MEMBERSHIP = frozenset("of with from at".split())


def _member_of_body(text: str, toks: list[Token], body: Mention) -> Mention | None:
    """"Ray Guest with the Health Authority | says", "Ann Kobe of Eastvale | said", "Sgt
    Ann Kobe of the county's traffic unit | said": the person named before the body or
    place they belong to speaks, the body is their role."""
    k = index_of_start(toks, body.start)
    if k is None:
        return None
    j = k - 1
    if j >= 0 and toks[j].key == "the":
        j -= 1
    if j < 1 or toks[j].key not in _MEMBERSHIP or not is_name_word(toks[j - 1]):
        return None
    person = name_ending(toks, j - 1, text)
    words = text[person.name[0]:person.name[1]].split() if person.name else []
    if len(words) < 2 or any(w.casefold() in lexicon.words("org_words") for w in words):
        return None  # ("Bank of Canada", "the Department of Justice": one body)
    return Mention(person.start, body.end, "name", person.name,
                   clean_role(f"{person.role} {text[body.start:body.end]}" if person.role
                              else text[body.start:body.end]))


_AT_BODY = frozenset("at with from".split())


def _people_at_body(text: str, toks: list[Token], body: Mention) -> Mention | None:
    """"Analysts at Kestrel Securities | said", "Parents at a Hartwell primary school
    | said": the people of a body or place, unnamed, speak, described as written (the
    body is where they are, not who speaks)."""
    k = index_of_start(toks, body.start)
    if k is None:
        return None
    opens = k
    while k > 0 and opens - k < _BODY_WORDS_BEFORE and _before_body(toks[k - 1]):
        k -= 1  # "Analysts at | Seoul-based | Hanbit Securities", "at | consultancy | Andes Risk",
        # "Doctors at | the capital’s main | children’s hospital"
    if k < 2 or toks[k - 1].key not in _AT_BODY:
        return None
    head = toks[k - 2]
    if not is_people_noun(head.key) or is_title(head):
        return None  # ("the chief executive at Ashby Homes" is `_member_of_body`'s; "Sessions at …")
    group = role_ending(text, toks, k - 2)
    if group is None or group.end != head.end or not starts_clause(toks, group.start):
        return None
    return Mention(group.start, body.end, "role", None, text[group.start:body.end])


# Words between "at" and a body that describe it: "at | the capital’s main | children’s
# hospital", "at | consultancy | Andes Risk", "at | Seoul-based | Hanbit Securities".
_BODY_WORDS_BEFORE = 4
_BODY_DETERMINERS = frozenset("the a an its their".split())


def _before_body(tok: Token) -> bool:
    return is_participle_compound(tok.word) or tok.key in _BODY_DETERMINERS or (
        tok.word.islower() and tok.word.isalpha() and tok.key not in FUNCTION_WORDS
        and tok.key not in _AT_BODY and not tok.key.endswith(("ed", "ing"))
        and tok.key not in lexicon.speech_verbs()) or (is_possessive(tok) and not is_name_word(tok))


# Prepositions after a group's plural noun that open what tells the group apart:
# "Relatives | of | workers stranded in Qadira", "Fishermen | on | Cocoplum Cay".
_GROUP_LINKS = frozenset("of on in from at near".split())
# Words that end a group's modifiers: a clause of its own, a list, another report (and
# a finite auxiliary: "Tenants in the ward | are so tired most people say").
_GROUP_STOPS = frozenset("who whom whose which that and or but as while said says told".split())
_MAX_MODIFIED_GROUP = 18


def _modified_group(text: str, toks: list[Token], found: Mention) -> Mention | None:
    """"Relatives of 43 domestic workers stranded in Qadira | say", "Hundreds of students
    left stranded by the collapse of a Sydney college | say": a plural group opening its
    clause with the words that tell it apart speaks, not the place or body its last
    words name ("Qadira", "Sydney college")."""
    k = index_of_start(toks, found.start)
    if k is None or (k >= 1 and toks[k - 1].word in ",;:"):
        return None  # ("Workers at the depot walked out, | the union said": a comma ends the group)
    for s in range(k - 2, max(-1, k - _MAX_MODIFIED_GROUP), -1):
        tok = toks[s]
        if not is_word(tok) or tok.key in _GROUP_STOPS or tok.key in lexicon.words("finite_auxiliaries"):
            return None
        if toks[s + 1].key in _GROUP_LINKS and (
                is_people_noun(tok.key) or (tok.key in _GROUP_COUNTS and toks[s + 1].key == "of")):
            first = _group_opening(toks, s)
            if first is not None:
                return Mention(toks[first].start, found.end, "role", None, text[toks[first].start:found.end])
    return None


def _group_opening(toks: list[Token], s: int) -> int | None:
    """Where a group whose noun is toks[s] opens its clause: at the noun ("Relatives of
    …") or at a capitalised modifier before it ("Upland farmers in west Tarnby", "Sheep
    farmers in …"); None when the group does not open its clause."""
    for first in range(s, max(-1, s - 3), -1):
        tok = toks[first]
        if first < s and not (tok.word.isalpha() and (is_modifier(tok) or is_capitalised(tok.word)) and (
                tok.key not in FUNCTION_WORDS and tok.key not in _NO_GROUP_MODIFIERS
                and not tok.key.endswith(("ing", "ed")))):
            return None  # ("Addressing attendees of …", "With members of …": no group's modifier)
        if is_capitalised(tok.word) and starts_clause(toks, tok.start):
            return first
    return None


# Capitalised words before a group's noun that open an adverbial, not the group.
_NO_GROUP_MODIFIERS = frozenset(
    "because although though while when whenever if unless since after before as once until "
    "in at on of for with without from to by during about into over under through among".split())
_GROUP_COUNTS = lexicon.tagged("quantifiers", "group")  # ("Hundreds of …", "Scores of …")


def _unnamed_in_place(text: str, toks: list[Token], place: Mention) -> Mention | None:
    """"A local official in Vellmar | said", "A doctor at the Tolvi clinic in Brask |
    said", "A deckhand on the Kestrel Star | said": an unnamed person and where they are,
    not the place, speaks (a person's name before it is `_member_of_body`'s)."""
    j = index_of_start(toks, place.start)
    if j is None:
        return None
    j -= 1
    while j > 0 and is_capitalised(toks[j].word) and toks[j - 1].key in _PLACE_LINKS:
        j -= 1  # "in | In Salah": the place's own first word is a preposition's
    for _ in range(_PLACE_HOPS):
        if j >= 0 and toks[j].key == "the":
            j -= 1
        if j < 1 or toks[j].key not in _PLACE_LINKS:
            return None
        j -= 1
        if is_role_word(toks[j]) or _one_of_a_trade(toks[j]):
            role = role_ending(text, toks, j)  # (a trade: "a dentist", "a packer")
            if role is None or text[role.start:role.end].split(" ")[0].casefold() not in ("a", "an", "one"):
                return None
            return Mention(role.start, place.end, "role", None, text[role.start:place.end])
        words = 0
        while j >= 0 and words < _PLACE_WORDS and _place_word(toks[j]):
            j -= 1  # "at | the Tolvi clinic | in Brask": a place of its own, itself somewhere
            words += 1
        if not words:
            return None
    return None


def _unnamed_at_described_place(text: str, toks: list[Token], place: Mention) -> Mention | None:
    """"An investigator with the fraud unit | said", "A dentist at a Tolvi clinic | said":
    an unnamed person and the body or place described that they work at. A place in
    lower-case words after "in" or "on" is where they happen to be ("a staffer in the
    room | wondered"): the person alone speaks."""
    k = index_of_start(toks, place.start)
    if k is None or k < 1 or (toks[k - 1].key in ("in", "on") and not any(
            is_capitalised(tok.word) for tok in toks[k + 1:] if tok.start < place.end)):
        return None
    return _unnamed_in_place(text, toks, place)


# Prepositions between an unnamed person and where they are, and how many places deep
# ("a doctor at a clinic in a town in Brask") and how many words a place may take.
_PLACE_LINKS = frozenset("in at from on with".split())
_PLACE_HOPS = 3
_PLACE_WORDS = 4


def _one_of_a_trade(tok: Token) -> bool:
    """A noun for one who does something ("dentist", "packer", "investigator")."""
    from quotes.unnamed import head_noun  # late: unnamed reads people, which reads this module
    return head_noun(f"a {tok.key}") is not None


def _place_word(tok: Token) -> bool:
    """A word of a place between prepositions ("Tolvi", "district", "clinic"): a name's
    word or a lower-case noun, no verb, function word or clause of its own."""
    if not is_word(tok) or tok.key in FUNCTION_WORDS or tok.key in lexicon.speech_verbs():
        return False
    return is_capitalised(tok.word) or (tok.word.isalpha() and not tok.key.endswith(("ed", "ing")))


# What may sit inside a quantified group: "three-quarters | of the | voters", "4 | in | 10".
_GROUP_INNER = frozenset("of the in who those her his their its our my your each every".split())
# Participles that end a group: "those surveyed", "most of those polled".
_GROUP_PARTICIPLES = frozenset("surveyed polled questioned interviewed asked".split())
_MAX_GROUP_TOKENS = 8
# Words before a quantified group that are still part of it ("nearly half", "only a third").
_GROUP_PREFIXES = lexicon.words("approximators") | {"only", "just", "a", "the"}


def _quantified_group(text: str, toks: list[Token], i: int) -> Mention | None:
    """"Only 24 percent said", "three-quarters of the tenants said", "those surveyed
    say", "one of the former lawyers for Vantreese said": a group opened by a
    quantifier or a number, at the start of its clause."""
    if toks[i].word == "%" and i > 0 and toks[i - 1].word.isdigit():
        i -= 1  # "42% say": the number is the group
    last = toks[i]
    if not is_word(last):
        return None
    group_end = (last.key.endswith("s") or last.key in _GROUP_PARTICIPLES or last.word.isdigit()
                 or last.key in lexicon.words("quantifiers"))
    start = None
    j = i
    while j >= 0 and i - j < _MAX_GROUP_TOKENS:
        tok = toks[j]
        if tok.word.isdigit() and j >= 2 and toks[j - 1].word == "," and toks[j - 1].end == tok.start:
            j -= 2  # "3,000": one number in three tokens
            continue
        if tok.key in lexicon.words("quantifiers") or tok.word.isdigit() or (
                tok.key.split("-", 1)[0] in lexicon.words("quantifiers")):  # "Sixty-six", "three-fourths"
            start = j
        elif not (j == i or is_modifier(tok) or tok.key in _GROUP_INNER or is_role_noun(tok)
                  or (is_word(tok) and is_capitalised(tok.word)) or tok.key in _GROUP_PARTICIPLES):
            break
        j -= 1
    if start is None or not (group_end or (start + 1 < i and toks[start + 1].key == "of")):
        return None  # (a group ends with a plural, unless "of" follows its quantifier)
    if start > 0 and toks[start - 1].key in _GROUP_PREFIXES:
        start -= 1  # "Only 24 percent", "A majority of voters"
    elif start > 1 and toks[start - 1].key == "than" and toks[start - 2].key in ("more", "fewer", "less"):
        start -= 2  # "More than six in 10"
    elif start > 1 and toks[start - 1].key == "least" and toks[start - 2].key == "at":
        start -= 2  # "At least half of voters"
    end = toks[i + 1].end if i + 1 < len(toks) and toks[i + 1].word == "%" else last.end
    if start > 0 and is_word(toks[start - 1]) and toks[start - 1].key not in ("and", "but", "that"):
        return None  # ("won 24 percent said": the group must open its clause)
    return Mention(toks[start].start, end, "role", None, text[toks[start].start:end])


_QUOTED_NAME_BEFORE = re.compile(r"[“\"«]([A-Z][^“”\"«»,.;:!?]{0,60})[”\"»]\s*$")


# A short parenthesis after a name: a party and state tag "(R-Ohio)", an age "(58)".
_PARTY_TAG_BEFORE = re.compile(r"\s*\([^()]{1,20}\)\s*$")


def _before_auxiliaries(text: str, floor: int, pos: int) -> int:
    """Where the auxiliaries and adverbs right before pos begin ("… (Tex.) | has
    repeatedly | said"); pos when none come there."""
    toks = tokens(text, max(floor, pos - 40), pos)
    k = len(toks)
    while k > 0 and is_adverbial(toks[k - 1]):
        k -= 1
    return toks[k].start if k < len(toks) else pos


def _quoted_name_before(text: str, floor: int, pos: int) -> Mention | None:
    """The newspaper “Morning Ledger” | reported: a capitalised name in marks."""
    match = _QUOTED_NAME_BEFORE.search(text, max(floor, pos - 70), pos)
    if match is None:
        return None
    return Mention(match.start(1), match.end(1), "name", (match.start(1), match.end(1)))


