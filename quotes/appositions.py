"""Appositions before a cue: "Hugh Hill, a doctor, said", "X, who …, said",
"Her counterpart, Ana Holm, said" (the subject, with the apposition as its role)."""

from __future__ import annotations

import re

import regex

from quotes import lexicon
from quotes.cue_words import PREPOSITIONS
from quotes.mention_words import clean_role
from quotes.names import MAX_ROLE_TOKENS, Mention, given_name_title, person_closing_office
from quotes.noun_phrases import DETERMINERS, mention_ending, person_before_of, starts_clause
from quotes.office_words import portfolio_comma
from quotes.organisations import names_a_body
from quotes.speakers import mention_before
from quotes.tokens import (
    APOSTROPHE,
    FUNCTION_WORDS,
    Token,
    is_name_word,
    is_possessive,
    is_role_noun,
    is_role_word,
    is_title,
    tokens,
)

# How far a mention may reach from its cue: bounds the work per cue.
_WINDOW = 240
# What opens an apposition after a name: a relative word, an article or "one". Not a
# possessive: capitalised, it opens a title of address ("the President, His Excellency
# Ana Vel, …"), which is no description of the speaker.
_APPOSITION_OPENERS = lexicon.words("relatives") | lexicon.tagged("determiners", "article") | {"one"}
# A party and state tag after a name: "Hadley, R-Ky., said".
_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")


# A name's possessive opening a noun phrase as a determiner does: "Drysdale’s solicitor, Iain Mathers, said".
_POSSESSIVE_NAME = re.compile(r"[A-Z][\w-]*['’]s")


# Words that set one source apart from a group: "One of the victims", "Another traveller".
_SET_APART = frozenset({"one", "another"})
# Words after which a capitalised word is where the source is from, not a name.
_WHERE = frozenset("from in at near of".split())
# Nouns that tell no more of a source than the group it was set apart from: sex, age, family.
_PLAIN_NOUNS = lexicon.words("kin_nouns") | lexicon.words("plain_person_nouns")


def _described_in_apposition(toks: list[Token], first: int) -> Mention | None:
    """"One of the victims, | a widow from Tarn |, said", "Another traveller, | a midwife |
    who preferred not to be identified, said": one set apart from a group and described again in an
    apposition with "a" is the source that apposition describes, up to a relative word;
    none when the apposition names anyone ("…, who gave his name as Ivo,") or tells only
    sex, age or family ("One caller, a 71-year-old man from Tarn, said")."""
    end = first
    for tok in toks[first:]:
        if tok.key in lexicon.words("relatives"):
            break
        end += 1
    for m in range(first, len(toks)):
        if toks[m].word[:1].isupper() and toks[m - 1].key not in _WHERE:
            return None
    noun = next((m for m in range(first + 1, end) if toks[m].key in PREPOSITIONS), end) - 1
    if noun <= first or toks[noun].key in _PLAIN_NOUNS:
        return None  # (", a 71-year-old man from Tarn,", ", a father of three,": no more than the group)
    return Mention(toks[first].start, toks[end - 1].end, "role", None, None)


def subject_with_apposition(text: str, floor: int, comma: int) -> Mention | None:
    """The subject of "X, who …, said" or "X, a doctor, said": comma is the one before
    the cue. Takes the leftmost mention that a comma and an apposition follow."""
    toks = tokens(text, max(floor, comma - _WINDOW), comma)
    intro = 0  # where the subject opens after an introductory phrase of place or time
    for k, tok in enumerate(toks):
        if tok.word != "," or k == 0 or k + 1 >= len(toks) or portfolio_comma(toks, k):
            continue  # ("The Minister of Fisheries | , | Maritime Economy and …": the office goes on)
        last = k - 1
        if toks[last].word == ")":  # "Rep. Jo Reyes (D-Md.), chair of …, said"
            last = next((m - 1 for m in range(last - 1, max(-1, last - 8), -1) if toks[m].word == "("), last)
        head = mention_ending(text, toks, last) if last >= 0 else None
        head = _person_from_place(text, toks, head) or head  # "Alicia Moreno of Granby, who …, said"
        if head is not None and head.kind in ("name", "role"):
            # "Farmer from the village of Brezno | Ana Kolar, who …, said": the office's holder
            head = person_closing_office(text, toks[:k], head) or head
        if head is not None and head.kind == "name" and head.role is None and _office_read_as_name(toks, head):
            head = Mention(head.start, head.end, "role", None, None)
        opener = toks[k + 1]
        lead = intro or (1 if len(toks) > 1 and toks[0].key in _LEADING_CONJUNCTIONS else 0)
        if head is None and (toks[lead].key in DETERMINERS or _possessive_name_at(toks, lead, k)) and (
                k - lead <= MAX_ROLE_TOKENS and k > lead):
            # "The host of the dinner, Verbeek, said": any noun phrase heads a name
            # (after a conjunction too: "But the head of the clinic, Kalu, says").
            head = Mention(toks[lead].start, toks[k - 1].end, "role", None, None)
        if head is not None and head.kind == "name" and not head.role and (
                titled := _role_before_head(text, toks, head)) is not None:
            head = titled  # "Swiss mediator Andreas Kuenzli, a former ambassador, said"
        if head is not None and head.kind == "name" and not head.role and (
                not starts_clause(toks, head.start)) and not toks[k + 1].word[:1].isupper() and (
                office := _office_before_name(text, toks, head)) is not None:
            # "Keeper of the Vard lighthouse Tomas Eik, 61, said" (not "A soldier of the 12th
            # Rifles, Sergeant Ivo Marr, said": a name in apposition is the speaker)
            head = office
        if head is None or not starts_clause(toks, head.start, head.kind == "name" and bool(head.role)):
            continue
        if _opens_with_preposition(text, head):
            intro = k + 1  # ("Outside court, | the Rev Ana Lee, minister of …, said": where, not who)
            continue
        appos_text = text[opener.start:comma].strip()
        if head.kind == "name" and head.role and " of " in head.role and (
                opener.key in COURTESIES or (opener.key == "the" and _graded_style(toks, k + 2))) and (
                named := _named_in_apposition(text, toks, k, comma)) is not None:
            # "The chairman of the … Private Security | Firms, Mr Tomas Brink, said": a courtesy
            # title opens the person's name; the words read as a name before it end the office
            return Mention(head.start, named.end, "name", named.name, clean_role(text[head.start:head.end]))
        if head.kind == "name" and opener.key in COURTESIES and _office_alone(text, head) and (
                named := _named_in_apposition(text, toks, k, comma)) is not None:
            # "The Seneschal, Mr Anthony Hamon, …, said", "the Deputy Bailiff, Sir Ana Lee,
            # said": an office written with capitals before a titled name in apposition
            return Mention(head.start, named.end, "name", named.name, clean_role(text[head.start:head.end]))
        if head.kind == "role" and (named := _named_in_apposition(text, toks, k, comma)) is not None:
            return Mention(head.start, named.end, "name", named.name, clean_role(text[head.start:head.end]))
        if head.kind == "role" and opener.key in ("a", "an") and (
                text[head.start:head.end].split()[0].casefold() in _SET_APART) and (
                described := _described_in_apposition(toks, k + 1)) is not None:
            return described  # ("Another traveller, | a midwife | who …, said": the one it describes)
        appos_toks = toks[k + 1:]
        opener_stem = APOSTROPHE.split(opener.key, 1)[0]  # "who’s"
        if head.kind in ("name", "pronoun", "role") and (
                opener_stem in _APPOSITION_OPENERS or opener.word.islower() or is_title(opener)
                or opener.word[:1].isdigit() or _PARTY_TAG.match(opener.word)
                or (head.kind == "name" and any(t.word.islower() and (is_role_noun(t) or is_title(t))
                                                for t in appos_toks))):  # ", Color of Change's director,"
            role = None
            if opener_stem not in ("who", "whose", "which"):
                role = clean_role(appos_text)
            return Mention(head.start, head.end, head.kind, head.name, head.role or role)
    return None


def _office_alone(text: str, head: Mention) -> bool:
    """"The Seneschal", "the Deputy Bailiff": capitalised words that hold no given name,
    after "the" (an office, not a person's name)."""
    given = lexicon.words("given_names")
    return text[max(0, head.start - 4):head.start].casefold() == "the " and not any(
        w.casefold() in given for w in text[head.start:head.end].split())


def _opens_with_preposition(text: str, head: Mention) -> bool:
    """"Outside court", "In court", "At the inquest": an introductory phrase of place or
    time before the subject, no role or name of it."""
    first = text[head.start:head.end].split(maxsplit=1)[0].casefold()
    return first in PREPOSITIONS or first in lexicon.words("place_prepositions")


def _possessive_name_at(toks: list[Token], lead: int, k: int) -> bool:
    """A name's possessive opens the phrase, the name one word or more: "Albion’s national
    selector", "Elmhurst Lodge’s owners" (a determiner, as "its" would be)."""
    for m in range(lead, min(k, lead + 4)):
        if _POSSESSIVE_NAME.fullmatch(toks[m].word):
            return True
        if not is_name_word(toks[m]):
            return False
    return False


def _role_before_head(text: str, toks: list[Token], head: Mention) -> Mention | None:
    """The name with the lowercase role words that open its clause before it: "Swiss
    mediator | Andreas Kuenzli", "office cleaner | Grace Mensah" (the role ends in a
    lowercase noun); None when anything else comes before the name."""
    at = next((m for m, t in enumerate(toks) if t.start == head.start), None)
    if at is None or at == 0:
        return None
    m = at
    while m > 0 and at - m < 4 and (_describing_noun(toks[m - 1]) or (
            toks[m - 1].word[:1].isupper() and toks[m - 1].word.isalpha())):
        m -= 1  # ("Voters who back | Ana Holm": "who" is no role word)
    if m == at or not _describing_noun(toks[at - 1]) or not starts_clause(toks, toks[m].start):
        return None
    return Mention(toks[m].start, head.end, "name", head.name, clean_role(text[toks[m].start:toks[at - 1].end]))


def _office_before_name(text: str, toks: list[Token], head: Mention) -> Mention | None:
    """The name of two words or more with the office or description that opens its clause
    before it, no comma between: "Keeper of the Vard lighthouse | Tomas Eik, 61, said",
    "Parishioner | Olga Petrovna Lund, who …, told", "Director of LLC «Nordvent» | Ilya
    Maren, commenting on …, stated" (translated news puts a long description before the name). The description
    opens with a capital or an article and a noun, is one word or holds an "of", "from",
    "for", "at" or "in" phrase, and holds no verb, pronoun or clause word; an adverbial
    opening the clause ("Yesterday", "In Vard") is no description."""
    at = next((m for m, t in enumerate(toks) if t.start == head.start), None)
    if at is None or at == 0 or head.name is None or (
            len(text[head.name[0]:head.name[1]].split()) < 2 or names_a_body(text, head)):
        return None
    before = toks[at - 1]
    if before.key in PREPOSITIONS or before.key in DETERMINERS or is_possessive(before) or (
            before.key in lexicon.words("place_prepositions")):
        return None  # ("A welder on the | Polar Wren, who …": a place or a body the description holds)
    m = at
    while m > 0 and at - m < _OFFICE_TOKENS and _in_office(toks[m - 1]):
        m -= 1
    if m == at or not starts_clause(toks, toks[m].start) or (
            at - m > 1 and not any(t.key in _OFFICE_LINKS for t in toks[m + 1:at])):
        return None  # (a few words with no "of" or "from" in them, "Democratic front-runner",
        # are the name readers' to take: one word, or an office with the body or place it serves)
    first = toks[m]
    if first.key in ("the", "a", "an") and m + 1 < at:
        first = toks[m + 1]
        if not (is_role_word(first) or _describing_noun(first)):
            return None
    elif not first.word[:1].isupper() or first.key in _NOT_OFFICE_OPENERS:
        return None
    return Mention(toks[m].start, head.end, "name", head.name, clean_role(text[toks[m].start:toks[at - 1].end]))


# How many tokens an office before a name may run ("Chairwoman of the board of the
# tenants' cooperative No. 4"); what may open it only as an adverbial or a pronoun does.
_OFFICE_TOKENS = 16
_OFFICE_LINKS = frozenset("of from for at in".split())
_NOT_OFFICE_OPENERS = (PREPOSITIONS | lexicon.words("adverbial_openers") | lexicon.words("time_words")
                       | lexicon.words("pronouns") | lexicon.words("clause_openers") | FUNCTION_WORDS) - {
    "the", "a", "an"}


def _in_office(tok: Token) -> bool:
    """A word of an office or description before a name: no comma, verb or clause word."""
    if tok.word in ("(", ")", "«", "»", "“", "”", "\"", "-", "№"):
        return True
    if not tok.word[:1].isalnum():
        return False
    key = tok.key
    return tok.word[:1].isupper() or tok.word[:1].isdigit() or (
        key not in lexicon.speech_verbs() and key not in lexicon.words("auxiliaries")
        and key not in lexicon.words("relatives") and key not in lexicon.words("pronouns")
        and key not in lexicon.words("irregular_past") and not key.endswith("ed") and key != "that")


def _describing_noun(tok: Token) -> bool:
    """A lowercase word that can end a role before a name ("mediator", "cleaner", "fund"):
    no function word, verb form or adverb."""
    key = tok.key
    return is_role_noun(tok) or (tok.word.isalpha() and tok.word.islower() and key not in PREPOSITIONS
                                 and key not in DETERMINERS and not key.endswith(("ly", "ed", "ing"))
                                 and key not in lexicon.speech_verbs() and key not in _FUNCTION_WORDS)


# No role word: the function words, and conjunctions and focusing adverbs that list leaves out.
_FUNCTION_WORDS = FUNCTION_WORDS | frozenset("nor yet also even only just".split())


def _office_read_as_name(toks: list[Token], head: Mention) -> bool:
    """"(Marel’s) Minister for Ports and Shipping": a capitalised office read whole as
    one name, a title and its "of" or "for" phrase, which names no one itself."""
    k = next((m for m, t in enumerate(toks) if t.start >= head.start), len(toks))
    if k < len(toks) and _POSSESSIVE_NAME.fullmatch(toks[k].word):
        k += 1  # (whose office it is)
    if k + 2 < len(toks) and is_role_word(toks[k]) and toks[k].word[:1].isupper() and is_title(toks[k + 1]):
        k += 1  # ("Executive | Director of …": a title of two words)
    return k + 1 < len(toks) and toks[k].end < head.end and is_title(toks[k]) and (
        toks[k].word[:1].isupper() and toks[k + 1].key in ("of", "for"))


def _named_in_apposition(text: str, toks: list[Token], k: int, comma: int) -> Mention | None:
    """The name after a description and the comma toks[k], up to the next comma: "Her
    counterpart, Ana Holm, said", "the spokesman of …, Colonel Ivo Sand, speaking …,
    stressed", "The regulator, the Care Commission, said" (the name wins)."""
    opener = toks[k + 1]
    start = k + 2 if opener.key == "the" and k + 2 < len(toks) and is_name_word(toks[k + 2]) else k + 1
    qualified = _after_qualifiers(toks, start, comma)  # ", art historian | Mirela Dobos,"
    start, qualified = qualified, qualified > start
    described = _described_name(toks, k) if start == k + 1 and opener.key == "the" else None
    start = described or start  # ("The returning officer, the council's chief executive | Moira Tilling,")
    first = toks[start]
    styled = first.key in STYLE_POSSESSIVES and start + 1 < len(toks) and (
        toks[start + 1].key in lexicon.words("address_styles"))  # ", His Excellency Tomas Mwale,"
    # ", the Most Venerable Phra Sen Dee,", ", the Rev Ana Lee,"
    graded = opener.key == "the" and (_graded_style(toks, k + 2) or _reverend(toks, k + 2))
    if graded:
        start, first = k + 2, toks[k + 2]
    styled = styled or graded
    if not (is_name_word(first) or first.key in lexicon.words("honorifics") or is_title(first)
            or given_name_title(toks, start) or styled):
        return None
    end = next((t.start for t in toks[start + 1:] if t.word == ","), comma)
    if qualified and (placed := _PLACED.search(text, first.start, end)) is not None and placed.end() == end:
        end = placed.start()  # (the name closes the description; where the person is from follows)
    name = mention_before(text, first.start, end, skip_aux=False)
    opens = toks[start + 1].start if styled else first.start  # (the style's possessive is no name)
    if name is None or name.kind != "name" or name.start not in (first.start, opens) or (
            start > k + 1 and not described and not graded and not qualified and not names_a_body(text, name)):
        return None  # ("The firm, the oldest in town,": no name; "the Ana Holm": no body)
    if qualified and (name.end != end or " " not in text[name.start:name.end] or names_a_body(text, name)):
        return None  # (a person's full name closes the apposition: not ", head of the | Kessa Region,")
    return name


# Where the person works or comes from, after the name that closes an apposition: ", associate
# professor Ana Lind | from the Faculty of Energy of the University of Oradea,".
_PLACED = regex.compile(r"[ \u00a0]+(?:from|of|at)[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[^,;:()\n]*")


# How many lower-case words may describe a person before the name closing an apposition
# ("candidate of agricultural sciences", "associate professor").
_MAX_QUALIFIERS = 6
# Words of a description that link its nouns ("candidate of sciences", "poet and translator").
_QUALIFIER_LINKS = frozenset(("of", "and"))
# Words that open or join a group, not one person's description (", many of them
# conservative | Catholics,", ", like | Ana Holm,"); a number may count in one ("mother of
# four children | Ana Cole").
_NOT_QUALIFIERS = (lexicon.words("determiners") | lexicon.words("quantifiers") | frozenset(
    "them us him like unlike such".split())) - lexicon.tagged("quantifiers", "number") - lexicon.tagged(
    "determiners", "number")


def _after_qualifiers(toks: list[Token], start: int, comma: int) -> int:
    """Where a name starts after lower-case words that describe a person, with the
    name closing the apposition: ", retired paramedic | Ana Holm,", ", candidate of
    biological sciences | Timur Baisalov,". Else start. Not a participle, an adverb or a
    preposition among the words (", speaking in Tarnby,"), nor a name after "of" or
    "and" (", native of Velmora,": a place)."""
    k = start
    while k < len(toks) and k - start < _MAX_QUALIFIERS and (toks[k].word.islower() or (
            named := _name_inside_qualifiers(toks, start, k, comma))):
        if not toks[k].word.islower():
            k += named  # (", grower of | Hani | nationality Li Hao,": a people's or place's name in them)
            continue
        word = toks[k].key
        if _AGE.fullmatch(word):
            k += 1  # (", 84-year-old | Alikhan Ramazanov,": an age describes the person too)
            continue
        if not word.replace("-", "").isalpha() or word.endswith(("ing", "ly")) or (
                (word in FUNCTION_WORDS or word in PREPOSITIONS) and word not in _QUALIFIER_LINKS) or (
                word in _NOT_QUALIFIERS):
            return start
        k += 1
    if k == start or k >= len(toks) or toks[k].start >= comma or toks[start].key in _QUALIFIER_LINKS or (
            toks[k - 1].key in _QUALIFIER_LINKS):
        return start
    return k


# An age written as one word before a name: "84-year-old", "19-year-old".
_AGE = re.compile(r"\d{1,3}-years?-old")


def _name_inside_qualifiers(toks: list[Token], start: int, k: int, comma: int) -> int:
    """How many capitalised words at toks[k] (one or two) stand inside a person's
    description, lower-case words on both sides: ", former | Commonwealth | silver medallist
    Kieran Lumsden,", ", grower of | Hani | nationality Li Hao,". 0 when the name starts there."""
    if k == start:
        return 0
    for n in (1, 2):
        if k + n < len(toks) and toks[k + n].start < comma and all(
                toks[j].word[:1].isupper() and toks[j].word.isalpha() for j in range(k, k + n)) and (
                toks[k + n].word.islower() and toks[k + n].word.isalpha()) and (
                toks[k + n].key not in _QUALIFIER_LINKS) and toks[k + n].key not in FUNCTION_WORDS and (
                toks[k + n].key not in PREPOSITIONS):
            return n
    return 0


# The grading words of a church's or temple's style ("the Most Venerable", "the Right
# Reverend", "the Very Rev"); before a style, "Right" may be written short ("the Rt Rev").
STYLE_GRADES = frozenset(("most", "right", "very"))
# The same as a pattern's alternation, capitalised ("Most|Right|Very").
STYLE_GRADE_WORDS = "|".join(sorted(w.capitalize() for w in STYLE_GRADES))
_STYLE_GRADES = STYLE_GRADES | {"rt"}


# A cleric's style, which English writes after "the": "the Rev Ana Lee", "the Revd …".
_REVEREND = frozenset(("rev", "revd", "reverend"))


def _reverend(toks: list[Token], m: int) -> bool:
    """toks[m] is a cleric's style before a name, after "the" ("the | Rev Ana Lee"): it
    opens the name as a graded style does."""
    return m + 1 < len(toks) and toks[m].key.rstrip(".") in _REVEREND and is_name_word(toks[m + 1])


def _graded_style(toks: list[Token], m: int) -> bool:
    """toks[m] opens a graded style of address after "the": "Most Venerable", "Right
    Reverend", "Very Rev" (a grade, then a style or a courtesy title)."""
    return m + 1 < len(toks) and toks[m].key in _STYLE_GRADES and toks[m].word[:1].isupper() and (
        toks[m + 1].key in COURTESIES or toks[m + 1].key in ("reverend", "revd"))


def _described_name(toks: list[Token], k: int) -> int | None:
    """Where a name starts after "the", a possessive and lowercase role words in an
    apposition ("…, the council's chief executive | Moira Tilling, said"); None unless
    a role noun ends those words."""
    m = k + 2
    if m >= len(toks) or not toks[m].word.endswith(("’s", "'s")):
        return None
    m += 1
    while m < len(toks) and m - k <= 6 and toks[m].word.isalpha() and toks[m].word.islower():
        m += 1
    if m == k + 3 or m >= len(toks) or not is_name_word(toks[m]) or not (
            is_role_noun(toks[m - 1]) or is_title(toks[m - 1])):
        return None
    return m


# The words of courtesy titles and styles of address ("Mr.", "Hon.", "H.E.", "Excellency").
COURTESIES = lexicon.words("honorifics") | lexicon.words("address_styles")
# The possessives a style of address takes: ", His | Excellency Tomas Mwale,", "Her | Excellency".
STYLE_POSSESSIVES = frozenset(("his", "her"))
# The same as a pattern's alternation, lower case or capitalised ("[Hh]er|[Hh]is").
STYLE_POSSESSIVE_WORDS = lexicon.either_case(STYLE_POSSESSIVES)

# A conjunction that may open the sentence before its subject ("But the host of the dinner, …").
_LEADING_CONJUNCTIONS = lexicon.tagged("clause_openers", "joining", "coordinator")


def _person_from_place(text: str, toks: list[Token], head: Mention | None) -> Mention | None:
    """A person's name before "of <place>", where the place ends the subject: "Rep.
    Alicia Moreno of Granby, who sponsored the bill, said" (the place is no speaker)."""
    if head is None or head.kind != "name":
        return None
    at = next((m for m, t in enumerate(toks) if t.start == head.start), 0)
    if at < 2 or toks[at - 1].key not in ("of", "from"):
        return None
    person = person_before_of(text, toks, at - 1)
    return None if person is None or person.start == head.start else person




# "The chairman of the Vale Vintners Society, | Tomas Kell, …", "Marel's Minister for
# Ports, | Sione Taufa, …", "Meanwhile, Minister of Trade, | Hon. Ali Juma, …": a role
# phrase opening its clause, with an article or possessive or a capital, then the comma
# before the name. Translated news writes the office whole there, with a portfolio listed
# with commas ("Minister of Energy, Water and Irrigation") and a body's acronym in
# brackets ("director of the Coffee Institute (ICAFE)"): a comma inside the phrase must
# open a capitalised word (`_listed_commas` keeps only those a list's "and" closes).
# A title's abbreviation (or Saint's) ends no sentence ("Gen. Ana Roos", "St. Kitts"); "the"
# or a possessive, either case, opens a role phrase ("Its director, …").
_ABBREVIATED = "|".join(w.capitalize() for w in sorted(lexicon.words("abbreviations") & lexicon.words("titles")
                                                        | {"st"}))
_OPENERS = lexicon.either_case(lexicon.tagged("determiners", "possessive"))
_ROLE_BEFORE_NAME = regex.compile(
    rf"(?:(?<!\b(?:{_ABBREVIATED}))[.;:!?][\"”’']?\s+|,\s+|\n|^|(?<=\p{{Ll}})(?<!\bof)\s+)"
    rf"(?:(?:[Tt]he|{_OPENERS}|\p{{Lu}}[\p{{L}}\p{{M}}-]+[’']s)\s+|(?=\p{{Lu}}))"
    r"((?:[^,;:.!?\n\"“”«»()]|,[ \u00a0](?=\p{Lu})|\(\p{Lu}[\p{Lu}\p{N}&-]{1,9}\)){2,140}?),[ \u00a0]+$")
# A comma inside an office that a list's "and" closes: ", Culture and Sports", ", Water
# Resources and Irrigation" (capitalised words, then "and" before any other word or mark).
_LISTED = regex.compile(r",[ \u00a0]+(?:\p{Lu}[\p{L}\p{M}’'-]*,?[ \u00a0]+)*?(?:and|&)[ \u00a0]+\p{Lu}")


# Words that open a clause, which a role phrase never holds: relative words and subordinators.
_CLAUSE_WORDS = lexicon.words("relatives") | lexicon.tagged("clause_openers", "subordinator") | {"than"}


def _listed_commas(text: str, start: int, end: int) -> bool:
    """Every comma in text[start:end] lists a portfolio that "and" closes ("Minister of
    Tourism, Culture and Sports"), none joins two phrases ("the Deputy Prime Minister,
    Chairman of …", "In Orvo, Minister …")."""
    at = text.find(",", start, end)
    while at >= 0:
        if _LISTED.match(text, at, end) is None:
            return False
        at = text.find(",", at + 1, end)
    return True


def role_before_name(text: str, start: int, floor: int) -> str | None:
    """The role an apposition gives the name at start: "The chairman of the Vale
    Vintners Society, Tomas Kell, met …" → "chairman of the Vale Vintners Society", when
    the phrase's head ("chairman", "mayor") is a title or a role noun."""
    lo = max(floor, start - 160)
    if not text[lo:start].rstrip(" \u00a0\n").endswith(","):
        return None  # (no comma before the name: no apposition to search for)
    while (match := _ROLE_BEFORE_NAME.search(text, lo, start)) is not None and (
            _CLAUSE_WORDS.intersection(w.casefold() for w in match.group(1).split())
            or not _listed_commas(text, match.start(1), match.end(1))):
        lo = match.start(1) + 1  # ("lost the seat in a by-election that | the Prime Minister, …")
    if match is None:
        return None
    phrase = match.group(1)
    main = phrase.split()
    for joiner in ("of", "for", "to"):  # ("Minister | for Ports and Shipping", "ambassador | to …")
        main = main[:main.index(joiner, 1)] if joiner in main[1:] else main
    head = main[-1].casefold() if main else ""
    if head not in lexicon.words("titles") and head not in lexicon.words("roles"):
        return None  # ("The town, Lesna,", "the wife of the mayor, Ana Lee,")
    after_word = text[match.start()].isspace() and text[match.start() - 1].islower()
    if head in lexicon.words("org_words") and after_word:
        return None  # ("The Permanent Secretary at | the ministry, Awang Haji …": where the office is)
    article = max((k for k, w in enumerate(main[:-1]) if w.casefold() in ("the", "a", "an")), default=None)
    if article is not None:  # ("announced in Lusk | the Minister of Trade, …": the role opens there)
        phrase = phrase.split(None, article + 1)[-1]
    return clean_role(phrase)
