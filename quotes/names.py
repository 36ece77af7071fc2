"""Names as a reporter writes them: a name with the role words before it
("Lithuanian President Rimas Vaitkus", "Secretary of State Ana Ruiz"), and
the `Mention` every speaker rule returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress

import regex

from quotes import lexicon
from quotes.mention_words import NICKNAME_CLOSING_MARKS, NICKNAME_OPENING_MARKS, clean_role
from quotes.office_words import OFFICE_OPENERS, office_link, office_opening, office_start
from quotes.tokens import (
    APOSTROPHE,
    FUNCTION_WORDS,
    PARTICLES,
    PATRONYMIC_LINKS,
    SURNAME_JOINERS,
    Token,
    is_capitalised,
    is_initial,
    is_modifier,
    is_name_word,
    is_possessive,
    is_post_nominal,
    is_role_noun,
    is_role_word,
    is_title,
    is_word,
    remembered,
    tokens,
)

Span = tuple[int, int]

# Object and possessive pronouns, as the subject pronoun whose gender they carry
# ("according to her", "in his view", "quoted him as saying").
PRONOUN_FORMS = {"his": "he", "him": "he", "her": "she", "hers": "she", "their": "they",
                 "them": "they", "its": "it"}
MAX_NAME_TOKENS = 5
MAX_ROLE_TOKENS = 9
# An office written whole before a name: "Ambassador Extraordinary and Plenipotentiary of
# the Republic of Velmoria to the Republic of | …" (translated news).


# A value, hashed by its fields and never assigned to. Not frozen: a frozen dataclass
# sets every field through object.__setattr__, and building the values made by the
# ten thousand an article set (mentions, cues, attributions, reports, resolutions,
# turns) that way cost 2 % of extraction (docs/performance.md).
@dataclass(unsafe_hash=True)
class Mention:
    """Who spoke, as the article words it here."""

    start: int
    end: int
    kind: str  # "name", "pronoun" or "role"
    name: Span | None = None  # the proper name inside the mention, if any
    role: str | None = None  # role words given with it ("Lithuanian President")

    def text(self, text: str) -> str:
        return text[self.start:self.end]


_DETECTIVE = frozenset(["det", "detective"])


def _is_particle(tok: Token) -> bool:
    """A name particle ("van", "bin"), or the lower-case "i" or "y" of a double surname."""
    return tok.key in PARTICLES or tok.word in SURNAME_JOINERS
# Titles that are also common surnames.
_SURNAME_TITLES = frozenset("king bishop prince major judge dean marshal sheriff".split())


def title_as_surname(toks: list[Token], i: int) -> bool:
    """"Arthur T. King", "Ana Bishop", "Ruth May": a title word after a given name or an
    initial, or a word that names nobody elsewhere after a known given name, is a surname."""
    if i == 0 or not is_capitalised(toks[i].word):
        return False
    before = toks[i - 1]
    if common_word_surname(toks, i):
        return True
    if not is_title(toks[i]):
        return False
    initial = is_initial(before.word)
    if toks[i].key in _SURNAME_TITLES and is_name_word(before):
        return True  # "Charlie King", "Ana Bishop" (but "Hamburg Mayor" stays a role)
    return initial or (is_capitalised(before.word) and before.key in lexicon.words("given_names"))


def common_word_surname(toks: list[Token], i: int) -> bool:
    """"Ruth May": a capitalised word that names nobody elsewhere ("May", "Will") right
    after a known given name is a surname."""
    return (i > 0 and toks[i].key in lexicon.words("not_names") and toks[i].word.isalpha() and (
        is_capitalised(toks[i].word) and is_capitalised(toks[i - 1].word)
        and toks[i - 1].key in lexicon.words("given_names"))) or _common_word_name_last(toks, i)


def _common_word_name_last(toks: list[Token], i: int) -> bool:
    """"said Rehema Said, a mother …", "Jorge Alberto Cauich May, informed": a common
    word that is also a name (lexicons/common_word_names.txt) after a name word, where
    the name ends with it (not "Trump Said The …" in a headline, nor "Lagos May 3")."""
    if i == 0 or toks[i].key not in lexicon.words("common_word_names") or not is_capitalised(toks[i].word):
        return False
    before, after = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    return is_name_word(before) and not is_possessive(before) and (
        after is None or not (is_word(after) and (is_capitalised(after.word) or after.word[0].isdigit())))


def name_ending(toks: list[Token], i: int, text: str | None = None) -> Mention:
    """A name ending at toks[i], with the role words right before it (the text they are
    read from tells, where a long office comes first, which words are used as a surname)."""
    last = i
    first = i
    j = i - 1
    skipped = 0  # (the tokens of a nickname, not counted as the name's)
    while j >= 0 and last - j - skipped < MAX_NAME_TOKENS:
        tok = toks[j]
        if text is not None and "\n" in text[tok.end:toks[j + 1].start]:
            break  # "… against Wales A. | (new paragraph) Tamaz Gelashvili": no name spans a line break
        if j + 1 == first and (nickname := nickname_opening(toks, j)) is not None:
            skipped += j - nickname + 1
            j = nickname - 1  # "Marlon | 'Speedy' | Gillett": the nickname is passed over
            continue
        if j < last and address_style(toks, j, last):
            break  # "… Authority | H.E. | Sok Vannarith": the name starts after its style
        if is_name_word(tok) and not tok.word.endswith(("’s", "'s", "s’", "s'")):
            first = j
        elif j + 1 == first and common_word_surname(toks, j):
            first = j  # "Fatma | Said | Juma": a common word after a known given name, a middle name
        elif j + 1 == first and j > 0 and toks[j].key in lexicon.words("common_word_names") and (
                is_capitalised(toks[j].word) and is_capitalised(toks[j - 1].word)
                and is_role_word(toks[j - 1])):
            first = j  # "Sheikh | Said | Toihir Ben Ali": after a title, a given name
        elif j + 1 == first and j > 0 and tok.word in lexicon.words("inner_styles") and (
                is_name_word(toks[j - 1])):
            skipped += 1  # "Kuanysh | kazhy | Serikbayev": a style inside the name, passed over
        elif _is_particle(tok) and all(_is_particle(toks[m]) for m in range(j + 1, first)):
            skipped += 1  # kept only if a name word comes before it ("Piet | van der | Berg")
        else:
            break
        j -= 1
    first = _patronymic_in_run(toks, first, last)
    standing = first
    first = standing_end(toks, first, last, text)  # ("Ferryman | Tobias Quenault": kept in the role)
    degree = _degree_end(toks, first, last)
    first = max(first, degree)  # ("Master of Science | Yamilka Bestard Hechavarría")
    if first == last and given_name_title(toks, first - 1):
        first -= 1  # "Dean Hollis, of Cumbria Police", "Emir Haskovic": a given name
    if first < last and toks[first].key == "con" and first > 0 and toks[first - 1].key in _DETECTIVE:
        first += 1  # "Det Con Priya Nandra": a detective constable ("Con Edison" stays a name)
    styled = min(first, standing)
    while styled > 0 and address_style(toks, styled - 1, last):
        styled -= 1  # "Hon. Ama Boateng", "His Excellency Tomas Ndlovu": kept in the role
    # Role words before the name: titles, and capitalised words leading to a title.
    role_first = styled
    j = styled - 1
    # ("… of Qasreen | Sheikh | Faisal …"; "… of Bhutan | Lyonpo | Tashi Wangdi": a style
    # of address ends an office as a title does)
    saw_title = styled < first or any(is_role_word(t) for t in toks[styled:first])
    reach = first  # (role words are counted back from here: past an office, from its start)
    person = None
    opening: int | None = None  # (where an office read before the name opens)
    plain = True  # (the office read is of capitalised words)
    # (a courtesy title or one that tells a gender, not a portfolio: "of the Northern Defence | Pact …")
    before = toks[first - 1] if first > 0 else None
    titled = styled < first or degree > 0 or (before is not None and is_capitalised(before.word) and (
        before.key in lexicon.words("honorifics") or before.key in lexicon.words("gendered_titles")))
    # (a person's title right before the run shows where the name starts after an office, which
    # is read whole as the role: "Governor of Tarsa Major General | Tamer Fawzi Abdel-Rahim";
    # not a body's word: "… Executive | Power Elnur Gasimov")
    title_before = before is not None and is_capitalised(before.word) and is_role_noun(before) and (
        before.key not in lexicon.words("org_words")) and _may_open_name(toks[first], text) and (
        toks[first].key not in lexicon.words("company_trades"))
    if titled:
        pass  # "… of Qasreen Sheikh | Faisal bin Rashid Al-Mansour": the title shows where the name starts
    elif last - first >= 2 and (opening := office_opening(toks, first, plain=True)) is not None:
        # "the Deputy Minister of Interior of Moravel Iva Stenko", "Secretary of State Ana
        # Ruiz": the place or body ends the role, the last words name the person
        person = first if title_before else _personal_start(toks, first, last, text=text)
    elif last - first >= 2 and (opening := office_opening(toks, first, plain=False)) is not None:
        # "the head of the enterprise Merav Trans Ana Bek": only where the article shows
        # where her name starts (a given name, the surname used alone elsewhere)
        confirm = alone_words(text) if text else frozenset()
        if named_after_body(toks, last, text) or after_body_head(toks, first):
            # "… Foreign Ministry | Dana Korelis", "… Water Board | Hollandse Delta Pieter Smit"
            confirm = confirm | {surname_key(toks[last])}
        person = first if title_before else _given_after_company(toks, opening, first, last)
        if person is None:
            person = _personal_start(toks, first, last, confirm=confirm, text=text)
        plain = person is None or person == first
    if person is not None and opening is not None:  # (a person is read only after an office)
        first = max(first, person)
        saw_title = True
        # (the office is read whole from where it opens, lists and all: "Minister of
        # Culture, Sport and Youth | Ana Petrova")
        role_first = reach = opening
        j = role_first - 1
    elif first < last and first >= 2 and toks[first - 1].key == "of" and is_role_word(toks[first - 2]) and (
            toks[first - 2].key not in lexicon.words("org_words")) and is_capitalised(toks[first - 2].word):
        # "Secretary of State Ruiz": "State" ends the role (not "Office of | San Teodoro", nor
        # "chief executive of | Varnel Energy SA": a lower-case role's "of" names a body)
        first += 1
        role_first = first
        j = first - 1
    while j >= 0 and reach - j <= MAX_ROLE_TOKENS:
        tok = toks[j]
        if is_role_word(tok) or (tok.key == "con" and j > 0 and toks[j - 1].key in _DETECTIVE):
            saw_title = True
            role_first = j
        elif j + 1 == styled and j > 1 and (tok.key in _COUNTS or tok.word.isdigit()) and (
                toks[j - 1].key == "of" and toks[j - 2].key in _PARENTS):
            saw_title = True  # "mother | of two | Ana Cole", "father of 3 Tom Reyes": a description
            role_first = j = j - 2
        elif tok.key == "of" and saw_title and j > 0 and is_role_word(toks[j - 1]):
            role_first = j  # "former secretary | of | state"
        elif tok.key == "for" and saw_title and j > 0 and is_title(toks[j - 1]) and (
                is_capitalised(toks[j - 1].word)):
            role_first = j  # "Secretary | for | Justice" (not "a spokesman for | Speaker …")
        elif (tok.key == "of" or (tok.key == "in" and not plain) or office_link(toks, j)) and saw_title and (
                office := office_start(toks, j, plain)) is not None:
            role_first = j = reach = office  # "Minister of Foreign Affairs of | Ruritania"
        elif tok.key == "the" and saw_title and j > 1 and toks[j - 1].key == "of" and (
                is_role_word(toks[j - 2])):
            role_first = j  # "Governor of | the | Southern Region"
        elif tok.key == "the" and saw_title and j > 1 and toks[j - 1].key == "of" and (
                office := office_start(toks, j - 1, plain)) is not None:
            # "Minister of the Environment of | the | Slovak Republic": the office opens
            # where "of" is read back to, past words that are no title ("Environment")
            role_first = j = reach = office
        elif saw_title and is_capitalised(tok.word) and tok.key not in lexicon.words("not_names") and (
                APOSTROPHE.split(tok.key, 1)[0] not in lexicon.words("not_names")):
            role_first = j  # ("That’s why Mayor …": not a role word)
        elif saw_title and is_modifier(tok) and not tok.key.endswith(("ed", "ing")):
            role_first = j  # "team owner", "defense lawyer" (not "attacked Mayor")
        else:
            break
        j -= 1
    if role_first > 0 and toks[role_first].key == "of" and is_role_word(toks[role_first - 1]):
        role_first -= 1  # (the reach ran out at "of": "the head | of the paediatric department of …")
    role = None
    if role_first < first:
        role = " ".join(t.word for t in toks[role_first:first]).replace(" .", ".").replace(" ,", ",")
    name = (toks[first].start, toks[last].end)
    return Mention(toks[role_first].start, toks[last].end, "name", name, clean_role(role))


# An academic degree written before the name in translated copy: "Doctor of Agricultural
# Sciences", "Candidate of Technical Sciences", "Master of Science" (Russian, Cuban, Central
# Asian usage); the name starts after "Science(s)".
_DEGREES = frozenset("doctor candidate master bachelor".split())
_SCIENCES = frozenset(("science", "sciences"))


def _degree_end(toks: list[Token], first: int, last: int) -> int:
    """Where the name starts after a degree that ends inside the run toks[first:last + 1]
    ("Doctor of | Agricultural Sciences Orestes Matos Durand"), at least two name words
    after it; 0 when the run holds no degree."""
    for k in range(first, last - 1):
        if toks[k].key not in _SCIENCES:
            continue
        j = k - 1
        while j > 0 and j >= k - 3 and toks[j].key != "of" and is_capitalised(toks[j].word):
            j -= 1
        if j > 0 and toks[j].key == "of" and toks[j - 1].key in _DEGREES:
            return k + 1
    return 0


# The endings of a doer's noun ("Parishioner", "Instructor", "Ferryman", "Machinist",
# "Guardian", "Conseiller"): a standing a name run may open with.
_DOER_ENDINGS = ("er", "or", "ist", "ian", "man", "eur")


def standing_end(toks: list[Token], first: int, last: int, text: str | None = None) -> int:
    """Where the name starts in a run of name words that opens with the person's standing:
    a doer's noun ("Ferryman | Thomas Quenault") or a word with a capital inside it (a
    local title) right before a known given name, no word up to it a known given name
    ("Tyler Anne Brooks", "Anna Morrow Smith"); or, in a run of two, such a word the
    article wrote before the full name ("Ferryman Quenault" after "Ferryman Thomas Quenault")."""
    given = lexicon.words("given_names")
    if last - first == 1:
        return last if text is not None and _standing_before_full_name(toks[first], toks[last], text) else first
    if first + 2 < last and _position_word(toks[first].word) and toks[first + 1].key in given and (
            toks[first + 2].word in NICKNAME_OPENING_MARKS):
        return first + 1  # "Full-back | Owen “Sparky” Hartley": a team position (not "Co-anchor Ana Lee")
    for k in range(first, last - 1):
        tok = toks[k]
        if k == first and _described_word(tok.word) and (toks[k + 1].key in given or (
                text is not None and _opens_sentence(text, tok.start))):
            return k + 1  # "Sixth-former | Kyle Peart", "Seventy-year-old | Ana Ruiz"
        if tok.key in given or not tok.word.isalpha() or not is_capitalised(tok.word) or _is_particle(tok):
            return first
        if toks[k + 1].key in given and (_standing_shape(tok.word) or (
                tok.key in lexicon.words("standing_nouns"))):
            return k + 1
        if k == first and text is not None and (_standing_shape(tok.word) or (
                tok.key in lexicon.words("standing_nouns"))) and _opens_sentence(text, tok.start):
            return k + 1  # "Herder | Batbayar Gansukh" opening a sentence: no given name known
        if k == first and text is not None and tok.key in lexicon.words("standing_nouns") and (
                text.endswith(", ", 0, tok.start)):
            return k + 1  # "the head of …, | Licentiate | Lia Ferro Ochoa, said": an apposition
    return first


def _described_word(word: str) -> bool:
    """A capitalised word hyphenated to lower-case words, a description of a person
    ("Sixth-former", "Ninth-grader", "Seventy-eight-year-old"); not a name's parts ("Abdel-Latif"),
    nor a prefix's office ("Co-anchor", "Ex-minister": a title US copy keeps with the name)."""
    head, _, tail = word.partition("-")
    return bool(tail) and len(head) > 2 and head[:1].isupper() and head.isalpha() and all(
        part.isalpha() and part.islower() for part in tail.split("-"))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 2):start]
    return start == 0 or before.endswith("\n") or before in (". ", "? ", "! ")


def _standing_shape(word: str) -> bool:
    """A doer's noun ("Parishioner") or a capital after four letters or more ("AngajukKâk";
    not "McLeod", "DeShawn", "MacKay")."""
    return (len(word) >= 5 and word.casefold().endswith(_DOER_ENDINGS)) or any(c.isupper() for c in word[4:])


def _standing_before_full_name(tok: Token, surname: Token, text: str) -> bool:
    """"Conseiller Maury" where the article wrote "Conseiller Odile Maury": the word is the
    standing read before a known given name and the surname, the surname alone names the person."""
    if not tok.word.isalpha() or not is_capitalised(tok.word) or not _standing_shape(tok.word) or (
            tok.key in lexicon.words("given_names")) or text.count(tok.word + " ") < 2:
        return False  # (nearly every two-word name)
    word = APOSTROPHE.split(surname.word, 1)[0]
    given = lexicon.words("given_names")
    return any(m.group(1).casefold() in given for m in re.finditer(
        rf"\b{re.escape(tok.word)} ([A-Z][\w'’-]+) (?:[A-Z][\w'’.-]* ){{0,2}}{re.escape(word)}\b", text))


def nickname_opening(toks: list[Token], j: int) -> int | None:
    """Where a nickname in marks opens, when toks[j] closes one right after a given name
    that opens the name: "Mr Elroy | ‘Roy’ | Mowatt", "Semisi | "Big Semi" |
    Kupu" (one or two capitalised words, no space inside the marks; not after two
    name words, "Corporal Brent “Moose” Larkin", where the name's start is unsure)."""
    if toks[j].word not in NICKNAME_CLOSING_MARKS:
        return None
    for opening in (j - 2, j - 3):
        if opening < 1 or toks[opening].word not in NICKNAME_OPENING_MARKS:
            continue
        words = toks[opening + 1:j]
        if all(is_capitalised(t.word) and t.word.isalpha() for t in words) and (
                toks[opening].end == words[0].start and words[-1].end == toks[j].start) and (
                is_name_word(toks[opening - 1]) and not toks[opening - 1].word.endswith(("’s", "'s"))) and (
                opening < 2 or not is_name_word(toks[opening - 2]) or is_possessive(toks[opening - 2]) or (
                    _standing_before(toks, opening - 2, words))):
            return opening  # ("San Pedro's | Marlon 'Speedy' Gillett": a possessive opens the phrase)
    return None


def _standing_before(toks: list[Token], k: int, nickname: list[Token]) -> bool:
    """toks[k] before a nickname's given name is no name word of the person: a doer's
    noun or a hyphenated position ("Lobsterman | Ana ‘Nana’ Reyes", "Full-back | Owen
    “Sparky” Hartley"), or the first of two given names after one, shown by a nickname
    of their initials ("Lobsterman Peter | John ‘PJ’ Doucette", "Drover Ewan | Rory ‘ER’
    Lachlan"; not "Marine John “Red” Vantreese", where "Marine" may be a given name or a rank)."""
    if _standing_word(toks[k].word):
        return True
    initials = "".join(t.word for t in nickname)
    both = initials.isupper() and initials == toks[k].word[:1] + toks[k + 1].word[:1]
    return both and (
        k == 0 or not is_name_word(toks[k - 1]) or _standing_word(toks[k - 1].word))


def _standing_word(word: str) -> bool:
    """A doer's noun ("Haulier", "Beekeeper") or a position hyphenated to a lower-case
    word ("Full-back", "Stand-off")."""
    return (len(word) >= 5 and word.casefold().endswith(_DOER_ENDINGS)) or _position_word(word)


def _position_word(word: str) -> bool:
    """A capitalised word hyphenated to a lower-case one: a position ("Full-back", "Stand-off")."""
    head, _, tail = word.partition("-")
    return head[:1].isupper() and head.isalpha() and tail[:1].islower() and tail.isalpha()


def office_mention(text: str, toks: list[Token], first: int, i: int) -> Mention | None:
    """The whole office when toks[first:i + 1] are its last words after "and" or "to"
    ("the Minister of Agriculture and | Food said"): a role, no person named."""
    opening = office_start(toks, first - 1) if office_link(toks, first - 1) else None
    if opening is None:
        return None
    while opening > 0 and is_role_word(toks[opening - 1]) and is_capitalised(toks[opening - 1].word):
        opening -= 1  # ("the | Deputy | Minister of Trade and Industry")
    opens = opening > 0 and toks[opening - 1].key in OFFICE_OPENERS
    start = toks[opening - 1 if opens else opening].start
    return Mention(start, toks[i].end, "role", None, text[start:toks[i].end])


def address_style(toks: list[Token], k: int, last: int) -> bool:
    """toks[k] opens a name run ending at toks[last] with a style of address, not a name
    word (lexicons/address_styles.txt): "Hon." (with its period, or after "Rt"), "Tan Sri",
    "Sheikha" or "Excellency" before two name words; or, opening a sentence, with a
    company's trade ("Utility Cascade Ridge Power", lexicons/trade_nouns.txt)."""
    tok = toks[k]
    if tok.key not in _style_words():
        return False  # (nearly every word: none of a style of address, no trade)
    styles, dotted, pairs = _address_styles()
    if tok.key in lexicon.words("trade_nouns"):
        # "Utility Cascade Ridge Power said": a company's trade, opening the sentence
        return last - k >= 2 and (k == 0 or not is_word(toks[k - 1]))
    if not is_capitalised(tok.word):
        return False
    before = toks[k - 1].key if k > 0 else ""
    if before in PATRONYMIC_LINKS:
        return False  # "Mohd Azhar bin | Haji | Abd Jalil": the father's style, inside the name
    if (before, tok.key) in pairs or (k + 1 < last and (tok.key, toks[k + 1].key) in pairs):
        return True  # "Tan Sri | Lim Wei": only the two together
    if tok.key in dotted:  # (or after another style: "Rt Hon"; or before a given name: "Hon Grace Mwale")
        return tok.word.endswith(".") or before in styles or before in dotted or before in _TITLES or (
            last - k >= 2 and toks[k + 1].key in lexicon.words("given_names"))
    # (after "His" or "Her" a style is one before a single name too: "His Excellency | Paisjusz")
    return tok.key in styles and (last - k >= 2 or toks[k + 1].key in styles or toks[k + 1].key in dotted
                                  or before in ("his", "her"))


# Titles written before a name ("Rev", "Father"): a style of address after one is the
# second of two ("the Rev. | Canon | Ana Marsh").
_TITLES = lexicon.words("titles")


@cache
def _address_styles() -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
    """The styles of address: words, words written with their period, two-word styles."""
    styles: set[str] = set()
    dotted: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for row in lexicon.lines("address_styles"):
        words = [word for word in row.casefold().split() if not word.startswith("+")]
        if len(words) == 2:
            pairs.add((words[0], words[1]))
        elif words[0].endswith("."):
            dotted.add(words[0][:-1])
        else:
            styles.add(words[0])
    return frozenset(styles), frozenset(dotted - styles), frozenset(pairs)


def is_style_word(word: str) -> bool:
    """A one-word style of address as written ("Engr", "Datuk", "Hon."), however it is
    read before a name: a later mention "Engr Nwankwo" may mean the person styled so."""
    key = word.rstrip(".").casefold()
    if key not in _style_words():
        return False  # (nearly every word)
    styles, dotted, _ = _address_styles()
    return key in styles or key in dotted


@cache
def _style_words() -> frozenset[str]:
    """Every word `address_style` may find true: the styles' words and the trades."""
    styles, dotted, pairs = _address_styles()
    return styles | dotted | {word for pair in pairs for word in pair} | lexicon.words("trade_nouns")


def given_name_title(toks: list[Token], k: int) -> bool:
    """toks[k] is a title that is also a given name ("Dean", "Emir") and stands where a
    given name would: opening its phrase, no article, possessive or other title before."""
    if k < 0 or not is_role_word(toks[k]) or toks[k].key not in lexicon.words("given_names"):
        return False
    if not is_capitalised(toks[k].word):
        return False
    before = toks[k - 1] if k > 0 else None  # (not "Law school | Dean Hollis", "Vice Dean")
    return before is None or not is_word(before) or (
        before.key in FUNCTION_WORDS and before.key not in ("the", "a", "an", "of")) or (
        before.key in lexicon.words("honorifics") or _RANK.fullmatch(before.word) is not None) or (
        _role_before_given_name(before))


def _role_before_given_name(before: Token) -> bool:
    """"farmer | Dean Kowalczyk", "Labour Director | Dean Fukunaga": a role already read
    leaves the title-like word to be a given name (but "Vice | Dean", "acting | Dean")."""
    return is_role_word(before) and before.key not in lexicon.words("other_holders")


# How many children a parent has, as written in a description before the name ("mother of
# two"): a number word (lexicons/quantifiers.txt, tag number) or digits; and the parent's noun.
_COUNTS = lexicon.tagged("quantifiers", "number")
_PARENTS = lexicon.words("parents")
# A courtesy title or rank written short ("Sgt Dean Hollis", "Mr Emir Ali"), not "Vice".
_RANK = re.compile(r"(?!Vice)[A-Z][a-z]{0,3}\.?|[A-Z]{2,3}")


def _personal_start(toks: list[Token], first: int, last: int,
                    confirm: frozenset[str] | None = None, text: str | None = None) -> int | None:
    """Where the person's name starts in a run that begins with a place or a body:
    at a known given name, else the last two words (three with an initial or particle).
    With `confirm` (the words the article uses alone), only where the surname is used
    alone, or the run is a place after "of" or "in" and two words ("of Dalmir | Sofia Lind"):
    else None, no person is read ("the head of the carmaker Aston Martin Lagonda")."""
    start = last - 1
    if toks[start].word in lexicon.words("inner_styles") and start > first:
        start -= 1  # "… of Kokand | Abdulaziz domla Khasanov": the style inside the name
    elif toks[last].word in _TURKIC_CLOSERS and start > first:
        start -= 1  # "… Ministry of Health | Gulnara Abdykerim kyzy": the father's name and "kyzy"
    elif start - 1 > first and (is_initial(toks[start].word) or toks[start].key in PARTICLES):
        start -= 1
    elif start - 1 == first and toks[start].key in PARTICLES:
        start -= 1  # "… of the coastal department | Nia ferch Owain": no name opens with its particle
    while start - 2 > first and toks[start - 1].key in PARTICLES and is_name_word(toks[start - 2]):
        start -= 2  # "of Qasreen | Faisal bin Rashid Al-Mansour": a particle joins two names
    start = _patronymic_from(toks, start, first, last)
    after_of = toks[first - 1].key in ("of", "in")
    if confirm is not None and (toks[last].key in lexicon.words("places") or (
            not (after_of and start == first + 1) and surname_key(toks[last]) not in confirm)):
        return None  # ("officials in New South Wales": a place, nobody's name)
    # "Department of Aquaculture | Vo Quoc Huy", "… Meteorological Service | Faadumo Hassan
    # Warsame": three words after a portfolio's noun, a body's head word or a place the run
    # does not open with (a known given name inside the three is no reason to cut them)
    if start == last - 1 and start - 1 > first and _closes_office_body(toks, start - 2) and (
            _may_open_name(toks[start - 1], text)) and not is_role_word(toks[start - 1]):
        return start - 1
    given = lexicon.words("given_names")
    # (after a lower-case noun the whole run may be the name: "the agency | Mary Ann Lee")
    for k in range(first + 1 if confirm is None or after_of else first, last):
        if toks[k].key in given:
            return k
    places = lexicon.words("places")
    place = max((k for k in range(first, last - 1) if toks[k].key in places), default=None)
    if confirm is None and place is not None and all(toks[k].key in places for k in range(first, place + 1)):
        return place + 1  # "… of the Republic of Mozambique | Amadeu Tembe Zandamela": the place ends it
    if _place_then_three(toks, first, start, last, text):
        return first + 1
    return start


def _place_then_three(toks: list[Token], first: int, start: int, last: int, text: str | None) -> bool:
    """"Mayor of | Ostrava | Lubomír Kren Havel", "… Council of | Tarvik | Ines Lorca Vidal":
    of four words right after "of", the first is the office's place (one word, as most
    towns are) and the three after it the person's: a given name and two surnames, as
    translated Spanish, Portuguese and Faroese copy writes them. Only where the article
    writes the place alone elsewhere ("in Ostrava"), not only before the same word ("Port
    | Ardel", "Verkhny | Lomov": a place of two words), and the second word can open a
    name (no field's, body's or building's word)."""
    if not (start == last - 1 and 0 < first == start - 2 and toks[first - 1].key == "of") or text is None:
        return False  # (nearly every run)
    place, given = toks[first], toks[first + 1]
    if not (_may_open_name(given, text) and not is_role_word(given)):
        return False
    alone = regex.compile(rf"(?<!\w){regex.escape(place.word)}(?!\w)(?!\s+{regex.escape(given.word)}(?!\w))")
    return alone.search(text) is not None


def _given_after_company(toks: list[Token], opening: int, first: int, last: int) -> int | None:
    """Where the person's name starts in a run after a capitalised office held in a body
    named by its kind ("President of the company | Norvik Rail | Tomasz Wilk", "Chairman of
    the Board of the firm | Baltgaz | Pavel Horak"): at a known given name among the last
    three words, right after a word of the body's name (no given name, initial or particle);
    translated copy writes the holder's name after the body's, no comma. Not after a
    lower-case office ("the head of the carmaker Velo Martin Lagonda"): the body alone."""
    if not is_capitalised(toks[opening].word) or toks[last].key in lexicon.words("places"):
        return None
    given = lexicon.words("given_names")
    for k in range(max(first + 1, last - 2), last):
        before = toks[k - 1]
        if toks[k].key in given and before.key not in given and not is_initial(before.word) and (
                before.key not in PARTICLES):
            return k
    return None


def _closes_office_body(toks: list[Token], k: int) -> bool:
    """toks[k] closes the body or portfolio of an office: a place's or portfolio's noun,
    an organisation's head word ("… Meteorological Service", "… Federal Republic") or a
    portfolio title after "of" ("Department of Health"), never a person's name."""
    tok = toks[k]
    return _ends_body(tok) or (is_capitalised(tok.word) and (surname_key(tok) in heading_words() or (
        k > 0 and toks[k - 1].key == "of" and is_title(tok))))


# A Russian, Ukrainian or Belarusian patronymic between a given name and a surname
# ("Vasilyevich", "Igorevna", "Nikitichna"): the word before it is the given name.
_PATRONYMIC_ENDINGS = ("vich", "ovna", "evna", "ichna", "auna")


def _patronymic_in_run(toks: list[Token], first: int, last: int) -> int:
    """Where a name run toks[first:last + 1] starts when it holds a patronymic: at the
    given name right before it, which leaves an office's last words out ("… of Sports of
    Russia | Zlata Igorevna Kudrova"); a run that opens with the patronymic stays whole."""
    k = _first_patronymic(toks, max(first, 1), last)
    return first if k is None else max(first, k - 1)


def _patronymic_from(toks: list[Token], start: int, floor: int, last: int) -> int:
    """Where a person's name read from toks[start] starts when a patronymic follows: at the
    given name right before it, before start if need be but not before floor (the run's
    first word): "… of Sports | Arseny | Vasilyevich Kostrov" is read whole."""
    k = _first_patronymic(toks, max(start, floor + 1), last)
    return start if k is None else k - 1


def _first_patronymic(toks: list[Token], start: int, last: int) -> int | None:
    """The first patronymic in toks[start:last] that follows a given name."""
    for k in range(start, last):
        if toks[k].word.endswith(_PATRONYMIC_ENDINGS) and is_capitalised(toks[k].word) and (
                is_name_word(toks[k - 1]) and not is_role_word(toks[k - 1])):
            return k
    return None


# The endings of the nouns a portfolio or a body is named for ("Irrigation", "Environment",
# "Communications", "Municipalities", "Agriculture"), never of a given name; and of other
# common nouns that name a field ("Technology", "Economics", "Housing", "Partnership").
_PORTFOLIO_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ities", "ture", "tures")
_FIELD_ENDINGS = (*_PORTFOLIO_ENDINGS, "logy", "ics", "ing", "ness", "ship", "ism", "ity", "ies", "airs")


def _ends_body(tok: Token) -> bool:
    """The word ends a place's or a portfolio's name, never a person's: "… of Mozambique",
    "… of Irrigation"."""
    key = surname_key(tok)
    return key in lexicon.words("places") or (
        key.endswith(_PORTFOLIO_ENDINGS) and key not in lexicon.words("given_names"))


def _may_open_name(tok: Token, text: str | None) -> bool:
    """The word can open a person's name after a body's: a name word that is no place,
    organisation word, building ("… City | Hall") or field's noun, and that the article
    never writes in lower case."""
    key = surname_key(tok)
    return is_name_word(tok) and not key.endswith(_FIELD_ENDINGS) and (
        key not in lexicon.words("places") and key not in lexicon.words("org_words")) and (
        key not in lexicon.words("buildings")) and (
        text is None or key not in lower_words(text))


def person_closing_office(text: str, toks: list[Token], found: Mention) -> Mention | None:
    """A person named by the last two words of an office read whole as a description or a
    body ("the spokeswoman for the District Court in Velmar | Radka Hollen", "Deputy Secretary
    in the Ministry of Agriculture | Trond Hegvik", "the chairwoman of the Union of Coastal
    Municipalities | Kadri Saarts"): translated news writes the holder's name right after the
    office, no comma. Only after a role word, where the two words can be nobody's body
    (no place, organisation or field's noun, never written in lower case) and the word
    before them ends a body's name (a place after "in" or "of", an organisation or
    portfolio word, a title, a word written in lower case) or the first is a given name."""
    last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].end == found.end), None)
    if last is None or last < 3 or found.start >= toks[last - 2].start:
        return None
    opens = _three_word_name(toks, last) if last >= 4 and found.start < toks[last - 3].start else None
    if opens is not None:
        middle = toks[last - 1]
        if not (_may_open_name(middle, text) or _is_patronymic(middle)):
            opens = None
    opens = last - 1 if opens is None else opens
    # ("… District | A. Tadyev": an initial opens the name; a run read after "of" is a body's)
    initial = is_initial(toks[last - 1].word) and (
        _OFFICE_BEFORE.search(text, max(0, found.start - 9), found.start) is None)
    while initial and opens > 1 and is_initial(toks[opens - 1].word):
        opens -= 1
    styled = opens == last - 1 and opens > 2 and is_name_word(toks[opens - 1]) and (
        _courtesy(toks[opens - 2])) and not _courtesy(toks[opens - 1])  # ("Rev. Canon | Ana Lee": two styles)
    if styled:
        opens -= 1  # "… in Velmar Dr. | Salwa Hamdi Abdel-Latif": a courtesy title opens the name
    styled = styled or (opens > 1 and _courtesy(toks[opens - 1]))  # ("… Agriculture Dr. | Ana Lee")
    given, surname, before = toks[opens], toks[last], toks[opens - 1]
    # (a patronymic between them shows the name whatever comes before it: "… of the
    # hospital | Dilfuza Rakhmatillaevna Mamatova", "… Executive Committee | Iryna Paulauna …")
    certain = styled or (opens == last - 2 and _is_patronymic(toks[last - 1])) or (
        initial and not _given_before_initial(before))
    if found.kind == "name" and (found.role or found.name is None or not any(
            t.key in lexicon.words("org_words") for t in toks[:last - 1] if t.start >= found.name[0])):
        return None  # (a name read with its role, or no body's name before the two words)
    if not ((initial or _may_open_name(given, text)) and _may_open_name(surname, text)) or (
            is_post_nominal(surname.word)):
        return None
    opening = next((k for k in range(opens - 1)
                    if toks[k].start >= found.start and is_role_word(toks[k])), None)
    if opening is None or (toks[opening].key.endswith("s") and not toks[opening].key.endswith("ss")):
        return None  # (no office, or a group's: "Analysts at Harbour Point Research")
    if not is_capitalised(before.word) and not certain:
        return None  # ("… of | Marine Hydrography": the body's own words)
    key = surname_key(before)
    # ("Lorry driver from | Tver | Ivan Orlov": where the holder is from ends the office too)
    after_of = toks[opens - 2].key in ("in", "of", "and", "from")
    if is_role_word(before) and not after_of and not certain:
        return None  # ("a spokeswoman for Fisheries Minister | Lina Haaland": her own title)
    ends_body = certain or _ends_body(before) or key in lexicon.words("org_words") or after_of or (
        key in lower_words(text))
    if not (ends_body or given.key in lexicon.words("given_names")):
        return None
    start = toks[opening - 1].start if opening > 0 and toks[opening - 1].key == "the" else toks[opening].start
    # (the words that open the phrase before the office's noun are the office's: "Lorry | driver")
    lead = next((k for k in range(opening) if toks[k].start >= found.start), opening)
    if lead < opening and all(t.word[:1].isupper() and t.word.replace("-", "").isalpha()
                              for t in toks[lead:opening]):
        start = toks[lead].start
    else:
        lead = opening
    return Mention(start, found.end, "name", (given.start, surname.end),
                   clean_role(text[toks[lead].start:before.end]))


def _courtesy(tok: Token) -> bool:
    """A courtesy title or style of address as written before a name ("Dr.", "Mrs", "Hajy")."""
    return is_capitalised(tok.word) and (
        tok.key in lexicon.words("honorifics") or tok.key in lexicon.words("gendered_titles")
        or is_style_word(tok.word))


def _three_word_name(toks: list[Token], last: int) -> int | None:
    """Where a three-word name ending at toks[last] opens: its middle word a patronymic
    ("Dilnoza | Akmalovna | Yuldasheva") or its first a known given name ("Gabriela Šimon Tóth")."""
    first, middle = toks[last - 2], toks[last - 1]
    if not (is_name_word(first) and is_capitalised(first.word)) or is_role_word(first):
        return None
    if _is_patronymic(middle) or first.key in lexicon.words("given_names"):
        return last - 2
    return None


_LAST_BUT_ONE_PATRONYMIC = re.compile(rf"(?:{'|'.join(_PATRONYMIC_ENDINGS)}) \S+$")


def patronymic_person(text: str, name: Span) -> Span | None:
    """The person's name at the end of a name span of four words or more whose last but
    one is a patronymic ("Customs Service | Aliaksandr Piatrovich Kavaliou"); None if not so."""
    if _LAST_BUT_ONE_PATRONYMIC.search(text, name[0], name[1]) is None:
        return None  # (nearly every name: read without tokens)
    toks = tokens(text, name[0], name[1])
    n = len(toks)
    if n < 4 or not _is_patronymic(toks[n - 2]) or not is_name_word(toks[n - 3]) or is_role_word(toks[n - 3]):
        return None
    return toks[n - 3].start, name[1]


def person_after_body_end(text: str, name: Span) -> Span | None:
    """The person's name at the end of a name span whose last two or three words follow
    a word that closes a body's name: a company's legal form or kind ("… Processing Co.,
    Ltd. | Wen Jiahao", "… Dairy Joint Stock Company | Pham Thi Lan"), its trade
    ("… Bridge Engineering | Kofi Mensah") or an organisation's or division's word ("… in
    Kessa Region | Aibek Toktorov", "… of the Tarvanian Republic | Rose Mbala Okemba").
    Those words can name no body (no organisation word, place, role or field's noun,
    none written in lower case in the article); None if not so."""
    if text.count(" ", name[0], name[1]) < 2:
        return None  # (nearly every name: two words or one)
    toks = tokens(text, name[0], name[1])
    n = len(toks)
    if n < 2:
        return None  # (a run of digits and spaces, no words: "1111A1  K1")
    for k in range(n - 3, max(n - 5, -1), -1):  # (the person's two or three words after toks[k])
        if _closes_body(toks[k], k > 0) and all(
                _may_open_name(t, text) and not is_role_word(t) for t in toks[k + 1:]) and not (
                k == n - 4 and _standing_shape(toks[k + 1].word)):  # ("County | Recorder Ana Hale")
            return toks[k + 1].start, name[1]
    return _initial_opens_person(text, toks) or _person_after_place(text, toks)


# A description's noun, then "of" or "from" and perhaps a kind of place, right before a
# name run: "Lorry driver from | Tver Ivan Orlov", "Grower from the village of | Brezno Ana Kolar".
_DESCRIBED_FROM = regex.compile(r"(\p{L}+) (?:(?:from|of) (?:the )?\p{Ll}+ )?(?:from|of) (?:the )?$")


def _person_after_place(text: str, toks: list[Token]) -> Span | None:
    """A place and then the person's name in a run read after a description of the
    person (a role noun or a doer's noun) and "from" or "of" ("Lorry driver from | Tver |
    Ivan Orlov", "Grower from the village of | Brezno | Ana Kolar"): translated copy
    writes the description, where the
    person is from, then the name, no comma. The person's name is the last two words
    (three with a patronymic or a known given name first), none a place's, a body's or
    one the article writes in lower case; the place's words hold no known given name.
    Not after a relative's noun ("the widow of …" names another person, whole)."""
    described = _DESCRIBED_FROM.search(text, max(0, toks[0].start - 40), toks[0].start)
    if described is None:
        return None
    if described.group(1).casefold() in lexicon.words("kin_nouns"):
        return None
    head = tokens(text, described.start(1), described.end(1))
    if not head or not (is_role_noun(head[0]) or _standing_word(head[0].word)):
        return None  # ("… the road from | Tver …": no person described)
    n = len(toks)
    if _closes_body(toks[n - 1], True) or is_post_nominal(toks[n - 1].word):
        return None  # ("chief executive of | Kallisto Energia SA": a body's name, whole)
    opens = _three_word_name(toks, n - 1) if n >= 4 else None
    # (four words or more: only after "the", which opens a place's name, or a body's word
    # before the last two: "from the | Kessa District Ana Bek", not "Master of | Science
    # Lia Bestard Rojas", a given name and two surnames)
    if opens is None and n >= 4 and not (described.group().endswith("the ") or _ends_body(toks[n - 3]) or (
            surname_key(toks[n - 3]) in lexicon.words("org_words"))):
        return None
    opens = n - 2 if opens is None else opens
    given = lexicon.words("given_names")
    if opens < 1 or any(surname_key(t) in given for t in toks[:opens]) or not all(
            _may_open_name(t, text) and not is_role_word(t) for t in toks[opens:]):
        return None
    return toks[opens].start, toks[n - 1].end


# An office's preposition right before a name span: "… post of | Ostrel B. Tumurbaatar",
# "… service of the | Kosh District A. Tadyev".
_OFFICE_BEFORE = re.compile(r"\b(?:of|for|in)(?: the)? $")


def _given_before_initial(tok: Token) -> bool:
    """A known given name before an initial makes it a middle initial ("Lyndon | B. Johnson"),
    not the first letter of a name after an office."""
    return is_capitalised(tok.word) and surname_key(tok) in lexicon.words("given_names")


def _initial_opens_person(text: str, toks: list[Token]) -> Span | None:
    """An initial and a surname closing a name span after an office's or a place's words
    ("… customs post of Ostrel | B. Tumurbaatar", "… for the Eastern Province | K. Rajapakse"):
    the initial opens the person's name. Not after a known given name ("Lyndon B. Johnson")."""
    n = len(toks)
    j = n - 2
    while j > 0 and is_initial(toks[j - 1].word):
        j -= 1
    if not is_initial(toks[n - 2].word) or j < 1 or is_role_word(toks[n - 1]) or not (
            _may_open_name(toks[n - 1], text)):
        return None
    before = toks[j - 1]
    if _given_before_initial(before):
        return None
    key = surname_key(before)
    opens_office = _OFFICE_BEFORE.search(text, max(0, toks[0].start - 9), toks[0].start) is not None
    if not (any(t.word.islower() for t in toks[:j]) or _ends_body(before) or key in lexicon.words("org_words")
            or is_role_word(before) or opens_office):
        return None
    return toks[j].start, toks[n - 1].end


def _closes_body(tok: Token, after_words: bool) -> bool:
    """The word closes a body's name: a legal form anywhere, an organisation's or trade's
    word only after the body's other words ("Studio | Boréal Interactif", "Channel | Sea
    Links" open a body's name)."""
    if is_possessive(tok):
        return False  # ("the Harbour Party's | Ana Lind": the possessive writes the body apart)
    key = surname_key(tok)
    return is_capitalised(tok.word) and (key in lexicon.words("company_suffixes") or (after_words and (
        key in lexicon.words("org_words") or key in lexicon.words("company_trades"))))


def _is_patronymic(tok: Token) -> bool:
    return is_capitalised(tok.word) and (tok.key.endswith(_PATRONYMIC_ENDINGS) or (
        _JOINED_TURKIC.fullmatch(tok.key) is not None))


# A Kazakh patronymic written joined, the father's name then "uly" (son) or "kyzy"
# (daughter): "Nurlan Serikuly Dauletov", "Aigerim Bolatkyzy"; the father's name of
# five letters or more ("July", "Ganguly" are no patronymics).
# Kyrgyz "uulu" (son of) and "kyzy" (daughter of) after the father's name close a name
# of three words.
_TURKIC_CLOSERS = frozenset(("uulu", "kyzy"))
_JOINED_TURKIC = re.compile(r"\w{5,}(?:uly|kyzy|qyzy)")


def named_after_body(toks: list[Token], last: int, text: str | None) -> bool:
    """"… Children's Hospital | Edgars Lauva", "… Foreign Ministry | Dana Korelis": two
    name words after a body's capitalised head word, neither written in lower case
    anywhere in the article: a person's name, not more of the body's ("… Harbour
    Authority Pilot Station", where the article writes "pilot" or "station")."""
    if text is None or last < 2:
        return False
    org = lexicon.words("org_words")
    head, words = toks[last - 2], toks[last - 1:last + 1]
    if head.key not in heading_words() or not is_capitalised(head.word) or any(
            t.key in org or t.key in lexicon.words("places") or not is_name_word(t) for t in words):
        return False
    lower = lower_words(text)
    return not any(surname_key(t) in lower for t in words)


def after_body_head(toks: list[Token], first: int) -> bool:
    """A run of three or more name words at toks[first] follows a body's capitalised head
    word or an office's ("… of the Water Board | Hollandse Delta Pieter Smit", "… District
    Executive | Power Rauf Mammadli"): the body's own name, then the person's. (Three
    words at least: "the chairman of the Water Board | Hollandse Delta" names no person;
    "the head of the carmaker | Aston Martin Lagonda" has no capitalised head.)"""
    if first < 1 or not is_capitalised(toks[first - 1].word):
        return False
    head = toks[first - 1]
    return head.key in heading_words() or is_role_word(head)


@cache
def heading_words() -> frozenset[str]:
    """Organisation words that head a body's name ("Ministry", "Union"), not the ones
    that describe it ("National | Statistics Institute", "Republican Chuck Dalton")."""
    return lexicon.words("org_words") - lexicon.tagged("org_words", "describing")


def lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case: common words, never a name. Read once
    per text."""
    return remembered(_lower_words, text)


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(t.key for t in tokens(text, 0, len(text)) if t.word.islower())


def surname_key(tok: Token) -> str:
    return APOSTROPHE.split(tok.key, 1)[0]


def alone_words(text: str) -> frozenset[str]:
    """The capitalised words the text uses on their own, no name word beside them
    ("… , Aliyev emphasized", "Mr Aliyev"): how a reporter refers back to a person named
    in full. Read once per text (keys, without a possessive ending)."""
    return remembered(_alone_words, text)


def _alone_words(text: str) -> frozenset[str]:
    toks = tokens(text, 0, len(text))
    named = list(map(is_name_word, toks))  # (asked once a token; only name words read on)
    return frozenset(
        surname_key(toks[k]) for k in compress(range(len(toks)), named)
        if not (k > 0 and named[k - 1] and toks[k - 1].end + 1 >= toks[k].start)
        and not (k + 1 < len(toks) and named[k + 1] and toks[k].end + 1 >= toks[k + 1].start))
