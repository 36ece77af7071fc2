"""Organisation names made of common nouns and places: "Network Rail", "Police
Scotland", "Transport for London", "Greater Manchester Fire and Rescue Service",
"Mr Plumb Ltd", and names in other languages joined by lower-case particles
("Observatorio do Clima", "Banco de la Nación"). Read as one name, never as a role
("Network") before a surname ("Rail"), nor cut at a joining word ("for London").
"""

from __future__ import annotations

from operator import attrgetter

import regex

from quotes import lexicon
from quotes.entities import body_nouns
from quotes.names import Mention, alone_words, heading_words, named_after_body, surname_key
from quotes.office_words import office_before, office_before_list, office_link
from quotes.tokens import (
    FUNCTION_WORDS,
    PARTICLES,
    Token,
    is_capitalised,
    is_name_word,
    is_possessive,
    is_role_word,
    is_title,
    list_closing,
    window_tokens,
)

# Words that join the capitalised parts of one name ("Department of Health and Social Care"),
# in English and in the languages whose names English copy keeps ("Observatorio do Clima").
_JOINERS = frozenset("of for and & on".split()) | frozenset(
    "de do da dos das del della di du des la le las los el y e für van von".split())
# At most this many joining words in a row ("Banco | de la | Nación", "Ministry | of the | Interior").
_MAX_JOINED = 2
# Capitalised words that end a name read forwards ("the Ministry of Health | on Friday").
_CALENDAR = lexicon.tagged("calendar")
_MAX_RUN = 10
_KEY = attrgetter("key")


def organisation_ending(toks: list[Token], i: int, text: str | None = None) -> int | None:
    """Index of the first token of an organisation name ending at toks[i], or None (the
    text, when given, tells whether its last words are a person's, named after an office)."""
    org = lexicon.words("org_words")
    closing = toks[i].key in lexicon.words("closing_org_words")  # ("… Irrigation | District")
    if not closing and org.isdisjoint(map(_KEY, toks[:i + 1])):
        return None  # (every body's name read here holds an organisation word: most runs have none)
    first = _capitalised_run(toks, i)
    if first is None or first == i:
        return None
    if office_before_list(toks, first):
        return None  # "the Minister of Culture, | Energy and Sport": the office's portfolio, no body
    first = _past_plural_opener(toks, first, i, text)
    run = toks[first:i + 1]
    if run[-1].key in org or closing:
        return first  # "Greater Manchester Police", "Mr Plumb Ltd", "Valley Health District"
    if _person_after_office(toks, first, i, text):
        return None  # "the Deputy Head of the Republic of Dalmir Sofia Lind": she speaks
    if run[0].key in org and run[1].key in _JOINERS:  # "Ministry of Health", "… of Foreign Affairs"
        if _person_after_title(run) or (is_title(run[-1]) and run[-2].key not in _JOINERS) or (
                run[-2].key in lexicon.words("given_names") and is_name_word(run[-1])):
            return None  # "Ministry of Health Deputy Minister (Ana Ruiz)", "… of Health Ana Ruiz"
        return first
    if is_title(run[-1]) or _personal_tail(run):  # ("the NATO Secretary General": a role)
        return None  # "Police Chief Ana Ruiz", "Secretary of State Ana Ruiz"
    if _titled_person(run) or _office_in_body(run):
        return None  # "Deputy Minister of Transport Lena Rask": a role, then her name
    if not heading_words().isdisjoint(t.key for t in run):
        return first  # "Network Rail", "Police Scotland", "Transport for London"
    return None


def _past_plural_opener(toks: list[Token], first: int, i: int, text: str | None) -> int:
    """"Shares of | Veld Harbour Energy fell", "Workers of | Orvo Bay Smelting walked out": a
    plural common noun capitalised only because it opens the sentence, then "of", is no
    word of the body's name, which starts after "of" and closes with its own head word."""
    if text is None or i - first < 3 or toks[first + 1].key != "of" or not toks[first + 2].word[:1].isupper():
        return first
    opener = toks[first].key
    if not opener.endswith("s") or opener.endswith("ss") or opener in lexicon.words("org_words") or (
            opener in lexicon.words("places")) or toks[i].key not in lexicon.words("org_words"):
        return first
    before = text[:toks[first].start].rstrip(" \u00a0\t")
    return first + 2 if not before or before[-1] in ".!?\n-–—" else first


def _person_after_office(toks: list[Token], first: int, i: int, text: str | None) -> bool:
    """An office read back whose body's name ends two name words before the run's end:
    a given name and a surname ("Deputy Head of the | Republic of Dalmir Sofia Lind").
    Translated news writes the whole office before the name, with no comma. After a
    body's own name ("Head of the | Dravsk Regional Administration Oleh Marchuk") only
    where the article shows the person: a known given name, the surname used alone."""
    org = lexicon.words("org_words")
    ends = [k for k in range(first, i) if toks[k].key == "of" or toks[k].key in org]
    if not ends or toks[i].key in lexicon.words("places") or toks[i].key in org:
        return False
    after_of = toks[ends[-1]].key == "of"
    body_end = ends[-1] + (1 if after_of else 0)  # (a place after "of")
    tail = toks[body_end + 1:i + 1]  # (a particle inside the name: "… Affairs | Joost van Heerlen")
    inner = range(1, len(tail) - 1)
    if len(tail) < 2 or any(t.key in org or not (is_name_word(t) or (k in inner and t.key in PARTICLES))
                            for k, t in enumerate(tail)):
        return False
    given = toks[i - 1] if toks[i - 1].key not in PARTICLES else toks[i - 2]
    if not after_of and given.key not in lexicon.words("given_names") and not (text is not None and (
            surname_key(toks[i]) in alone_words(text) or named_after_body(toks, i, text))):
        return False  # ("… Harbour Authority Pilot Station": nobody's name)
    # (the run may open inside the office, after its "and": "Minister of Energy and |
    # Natural Resources of Tavaran Mehmet Kaan Yildirak"; or with the office's own title,
    # not a body's head word: "Minister of Energy of the Republic of Tarvania | Oyunbileg
    # Dashdorj", but "the Office of Coastal Affairs | Okafor had proposed")
    return office_before(toks, first) or (first >= 2 and office_link(toks, first - 1)) or office_before_list(
        toks, first) or (
        is_title(toks[first]) and is_capitalised(toks[first].word) and toks[first].key not in org)


def _titled_person(run: list[Token]) -> bool:
    """The run ends with a given name and one or two more names after a title or a body's
    name: "Deputy Minister of Transport Lena Rask", "Harbour Board Elena Lind", "Minister
    of Energy of Tavaran Mehmet Kaan Yildirak"."""
    given = lexicon.words("given_names")
    return any(len(run) > n and run[-n].key in given and all(is_name_word(t) for t in run[1 - n:]) and (
        is_title(run[0]) or run[-n - 1].key in lexicon.words("org_words")) for n in (2, 3))


def _office_in_body(run: list[Token]) -> bool:
    """An office of a body or place, then a person's name: "Dunmore County Supervisor |
    Helen Fisk", "Harbour Board Chair | Ana Lee" (the office word capitalised, after the
    body's own word, and only name words after it; not "County Hall", "Police Federation")."""
    org = lexicon.words("org_words")
    office = max((k for k, t in enumerate(run) if is_role_word(t) and is_capitalised(t.word)), default=None)
    if office is None or office == len(run) - 1 or not any(t.key in org for t in run[:office]):
        return False
    return all(is_name_word(t) and t.key not in org for t in run[office + 1:])


def organisation_after(text: str, toks: list[Token]) -> Mention | None:
    """An organisation's name opening toks, read forwards to its last capitalised word:
    "the Ministry of Health", "the Ministry of Foreign Affairs of Ruritania",
    "Observatorio do Clima". Words that are not names elsewhere ("Health", "Affairs")
    count here, after an organisation word that heads the name (the word before the
    first joining word, or any word of a name without one: "Network Rail")."""
    first = 1 if toks and toks[0].key == "the" else 0
    last = k = first
    while k < len(toks) and k - first < _MAX_RUN and _forward_part(toks[k]):
        last = k
        k += 1
        joined = k
        while joined < len(toks) and joined - k < _MAX_JOINED and _joins(toks, first, joined):
            joined += 1
        if joined > k and joined < len(toks) and _forward_part(toks[joined]):
            k = joined
        elif k < len(toks) and toks[k].word == "," and _list_ahead(toks, first, k):
            k += 1  # "the Ministry of Agriculture | , | Livestock and Fisheries"
    run = toks[first:last + 1]
    joiner = next((k for k, t in enumerate(run) if t.key in _JOINERS), None)
    heads = run[:joiner][-1:] if joiner else run  # ("Billy on the Street" is a show, not a body)
    if len(run) < 2 or heading_words().isdisjoint(t.key for t in heads) or (
            _person_after_title(run) or (last + 1 < len(toks) and is_possessive(toks[last + 1]))):
        return None  # (a person with the body in the role: "Ministry of Health Minister Ana Ruiz")
    return Mention(toks[0].start, run[-1].end, "name", (run[0].start, run[-1].end))


def _list_ahead(toks: list[Token], first: int, comma: int) -> bool:
    """After a comma inside a body's "of" phrase, portfolios closed by "and" end its name:
    "Ministry of Culture, | Youth and Sport said" (not "the Ministry of Health, | Ana Ruiz
    said": no "and" before the name's end)."""
    if not any(t.key == "of" for t in toks[first:comma]):
        return False
    k = list_closing(toks, comma, _forward_part)
    return k is not None and k - comma > 1 and k + 1 < len(toks) and _forward_part(toks[k + 1]) and (
        k + 2 >= len(toks) or not _forward_part(toks[k + 2]) or toks[k + 2].key in lexicon.words("org_words"))


def _joins(toks: list[Token], first: int, k: int) -> bool:
    """toks[k] joins two parts of a name read forwards: "of the Interior" ("the" only after
    "of" or "for"), "of Health and Social Care" ("and" only inside an "of" phrase, not
    between two bodies: "the Times and the Courier")."""
    key = toks[k].key
    if key == "the":
        return toks[k - 1].key in ("of", "for")
    if key in ("and", "&"):
        return any(t.key == "of" for t in toks[first:k])
    return key in _JOINERS


def _forward_part(tok: Token) -> bool:
    return (is_capitalised(tok.word) and tok.word[:1].isalpha() and tok.key not in FUNCTION_WORDS
            and tok.key not in _CALENDAR and not is_possessive(tok) and tok.key not in lexicon.speech_verbs())


def _person_after_title(run: list[Token]) -> bool:
    """The run ends with a title and a bare name ("… Deputy Minister Ana Ruiz"), not with
    more of the body's name ("… of Foreign Affairs of Ruritania")."""
    honorifics = lexicon.words("honorifics")
    last_title = max((k for k, t in enumerate(run) if is_title(t) or t.key in honorifics), default=None)
    if last_title is None or (last_title > 0 and run[last_title - 1].key in _JOINERS - {"and", "&"}):
        return False  # ("Ministry of | Foreign Affairs": a title word right after "of" is the body's)
    tail = run[last_title + 1:]
    org = lexicon.words("org_words")
    return bool(tail) and all(is_name_word(t) and t.key not in org for t in tail)


def names_a_body(text: str, mention: Mention) -> bool:
    """"the University | of Michigan", "the Department | of Justice": a name headed by an
    organisation word takes the "of" phrase after it."""
    return mention.kind == "name" and text[mention.start:mention.end].rsplit(" ", 1)[-1].casefold() in (
        lexicon.words("org_words"))


def _capitalised_run(toks: list[Token], i: int) -> int | None:
    """Start of the capitalised words (joined by "of", "for", "and", "do", "de la") ending at toks[i]."""
    if not _part(toks[i]):
        return None
    first = j = i
    while j > 0 and i - j < _MAX_RUN:
        before = toks[j - 1]
        joined = j - 1
        while joined > 0 and j - joined <= _MAX_JOINED and toks[joined].key in _JOINERS:
            joined -= 1
        if _part(before):
            first = j = j - 1
        elif joined < j - 1 and _part(toks[joined]):
            j = joined + 1  # kept only with a capitalised word before it
        else:
            head = _head_before(toks, j)
            if head is None and (_listed_after_comma(toks, j, i) or (
                    j >= 2 and toks[j - 1].key in ("and", "&") and _part(toks[j - 2]))):
                # "Ministry of Agriculture, | Livestock and Fisheries", "Ministry of Labour
                # and | Social Policy of …": the body's head before the list
                head = _head_before(toks, j - 1, listed=True)
            if head is None and _listed_before_head(toks, j, i):
                head = j - 2  # "Foreign, | Commonwealth and Development Office"
            if head is None:
                break
            first = j = head  # "Ministry of | Foreign Affairs of | Ruritania"
    return first


def _listed_after_comma(toks: list[Token], j: int, i: int) -> bool:
    """toks[j:i + 1] ends a list of portfolios after a comma, closed by "and": "Agriculture,
    | Livestock and Fisheries" in a ministry's name (not two people: "Ana Ruiz, | Tom
    Lee and Eva Kos" have no body's "of" phrase before the comma, which the caller asks).
    (A comma inside toks[j:i + 1] is one of a list the run already crossed.)"""
    return j >= 2 and toks[j - 1].word == "," and _part(toks[j - 2]) and any(
        toks[m].key in ("and", "&") for m in range(j, i)) and all(
        _part(t) or t.key in ("and", "&") or t.word == "," for t in toks[j:i + 1])


def _listed_before_head(toks: list[Token], j: int, i: int) -> bool:
    """toks[j:i + 1] ends a list of capitalised words after a comma, closed by "and", then a
    body's head word: "Foreign, | Commonwealth and Development Office", "Fire, | Rescue and
    Ambulance Service" after "the" (not "Ana Ruiz, | Tom Lee and Eva Kos": no head word at
    the end; nor "Separately, | Ashby and Tern Hospitals Trust": no "the" before the list)."""
    return j >= 3 and toks[j - 3].key == "the" and toks[i].key in heading_words() and (
        _listed_after_comma(toks, j, i))


def _head_before(toks: list[Token], j: int, listed: bool = False) -> int | None:
    """The organisation word heading an "of" phrase that ends before toks[j]: "Ministry"
    in "Ministry of Foreign Affairs of | Ruritania", whose words ("Foreign", "Affairs")
    name nobody elsewhere; past the commas of a list of its portfolios when one ends at
    toks[j] (listed: "Ministry of Energy, Water, | Natural Resources and Mines")."""
    heads = heading_words()
    k = j - 1
    while k > 0 and j - k < _MAX_RUN and (
            (toks[k].key in _JOINERS and toks[k].key not in ("and", "&"))
            or (toks[k].key in ("and", "&") and toks[k + 1].key != "the" and _forward_part(toks[k - 1]))
            or (toks[k].key == "the" and toks[k - 1].key in ("of", "for")) or _forward_part(toks[k])
            or (listed and toks[k].word == "," and _forward_part(toks[k - 1]) and _forward_part(toks[k + 1]))):
        if toks[k].key in heads and k + 1 < j and (
                toks[k + 1].key in _JOINERS and toks[k + 1].key not in ("and", "&", "on")):
            return k
        k -= 1
    return None  # ("the Transport Department and | the Department of …": two bodies; but
    # "Ministry of Labour and Social Policy of | …" is one)


def _part(tok: Token) -> bool:
    """A word that can be part of an organisation's name: capitalised, not "The" or "On"."""
    return (is_capitalised(tok.word) and tok.word[:1].isalpha() and tok.key not in FUNCTION_WORDS
            and (is_name_word(tok) or tok.key in lexicon.words("org_words") or is_title(tok)
                 or tok.key in lexicon.words("roles")))


def _personal_tail(run: list[Token]) -> bool:
    """The run ends with a title or courtesy title and a person's name after it."""
    honorifics = lexicon.words("honorifics")
    last_title = max((k for k, t in enumerate(run) if is_title(t) or t.key in honorifics),
                     default=None)
    if last_title is None:
        return False
    tail = run[last_title + 1:]
    # ("Sen. Mara Quist of Ohio" too; but in "National Bank of Norvik" the title word
    # modifies the body's head word)
    return bool(tail) and is_name_word(tail[0]) and tail[0].key not in lexicon.words("org_words")


# "the governing | Civic Harbour party", "the Kremlin-backed | Tanvik news agency": up
# to three modifiers (lower-case words, compound adjectives), then a body's own name
# (capitalised words, joined by "of", "for" or "and") and up to three lower-case words
# that end with its head noun.
_NAMED_BODY = regex.compile(
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)[ \u00a0]+(?:(?:[\p{Ll}-]+|\p{Lu}[\p{L}.]*-\p{Ll}+)[ \u00a0]+){0,3}?"
    r"(?P<name>(?!\p{Lu}[\p{L}.]*-\p{Ll})\p{Lu}[\p{L}\p{M}.’'-]*"
    r"(?:[ \u00a0]+(?:(?:of|for|and)[ \u00a0]+)?\p{Lu}[\p{L}\p{M}.’'-]*)*"
    r"(?:[ \u00a0]+\p{Ll}+){1,3})")
# A demonym ("the Nigerian army", "the state-run Serelian news agency", "the French
# ministry": the irregular ones are `lexicons/demonyms.txt`) describes a body, it does not
# name it.
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")


def named_body(said: str) -> str | None:
    """The body a description names by its own name, without the words before it:
    "the governing Civic Harbour party" → "Civic Harbour party", "the opposition
    Green party", "the state-run Tanvik news agency"; None for a description with no
    name in it ("the ruling party"), a demonym ("the Nigerian army"), a compound
    adjective ("the London-listed company"), a possessive ("the Trust's board") or a head
    that is no body's ("the White House press secretary")."""
    match = _NAMED_BODY.fullmatch(said)
    if match is None or " of " in said[:match.start("name")]:
        return None  # ("the head of the French ministry": one who leads it)
    name = match.group("name")
    words = name.split()
    head = words[-1]
    if head not in lexicon.words("org_words") and head not in body_nouns():
        return None
    capitalised = [w for w in words if w[:1].isupper()]
    if any(w.endswith(("’s", "'s", "’", "'")) or regex.search(r"-\p{Ll}", w) for w in capitalised) or (
            len(capitalised) == 1 and (capitalised[0].casefold().endswith(_DEMONYM_ENDINGS) or (
            capitalised[0].casefold() in lexicon.words("demonyms")))):
        return None
    return name


# Words after which a capitalised run may open inside a body's name ("Steel and | Engineering
# Workers’ Union", "Department for | Culture"): the reader of names looks further back.
BODY_JOINS = frozenset("and & for".split())


def body_opened_before(text: str, toks: list[Token], last: int, org: int | None, word_before: str,
                       one_word: bool, lo: int, opens: int) -> tuple[list[Token], int, int | None]:
    """A run after a joining word may open inside a body's name: "The Steel and | Engineering
    Workers’ Union" (a body's name read from the run), "Department for Culture, Media and |
    Sport" (one word): read it again from lo (`body_read_back`); else as given."""
    if word_before in BODY_JOINS and ((org is None and one_word) or (
            org is not None and org > 0 and toks[org - 1].key in BODY_JOINS)):
        return body_read_back(text, toks, last, org, lo, opens)
    return toks, last, org


def body_read_back(
        text: str, toks: list[Token], last: int, org: int | None, lo: int, opens: int,
) -> tuple[list[Token], int, int | None]:
    """The run opening at opens and ending at toks[last] follows a joining word
    (toks[org:last + 1] a body's name, or no body's name at all: "for | Schools"); read the
    name ending there again in the tokens from lo. The wider reading when it finds a body's
    name that starts earlier ("The | Steel and Engineering Workers’ Union", "Agency for
    Schools, Youth and | Sport"); else the tokens and start as given, as for two bodies
    ("Northmoor Rail and | Estuary Rail", "the Ministry of Health and | Vessa Police": a head
    word on both sides) or a person after a body ("… University and | Margo Lind")."""
    wide = window_tokens(text, lo, toks[last].end)
    end = len(wide) - 1
    first = organisation_ending(wide, end, text)
    if first is None or wide[first].start >= opens:
        return toks, last, org
    join = max(k for k in range(first, end) if wide[k].start < opens)
    heads = heading_words()
    before, after = wide[first:join], wide[join + 1:end + 1]
    phrase = next((k for k in range(first, join + 1) if wide[k].key in ("of", "for")), None)
    if (any(t.key in heads for t in before) and (phrase is None or any(t.key in heads for t in after))) or (
            any(t.key in lexicon.words("given_names") for t in after)) or (
            phrase is not None and (phrase == first or wide[phrase - 1].key not in heads)) or (
            any(t.key in ("and", "&") for t in before)):
        # (two: "Northmoor Rail and | Estuary Rail", "Ana Lind of Tarn University and | Margo
        # Berg", "the Union of Growers and Millers and | Easter Aid")
        return toks, last, org
    return wide, end, first


# A list inside a body's name going on after a word: "Schools | , Youth and Sport", "Youth | and Sport".
_LIST_GOES_ON = regex.compile(r"(?:,[ \u00a0]+|[ \u00a0]+(?:and|&)[ \u00a0]+)(?P<words>\p{Lu}[\p{L}\p{M}’'-]*"
                              r"(?:(?:,?[ \u00a0]+(?:and|&)?[ \u00a0]*)\p{Lu}[\p{L}\p{M}’'-]*)*)")


def list_goes_on(text: str, end: int) -> bool:
    """After a body's name read back to text[end], more of a list of its words follows, with
    no head word of another body in it ("Health | and Social Care", "Schools | , Youth and
    Sport"; not "Health | and Vessa Police"): the name is read whole at the list's last word."""
    more = _LIST_GOES_ON.match(text, end)
    heads = heading_words()
    return more is not None and not any(
        w.casefold() in heads for w in regex.findall(r"[\p{L}\p{M}’'-]+", more.group("words")))


def ends_body_with_title(toks: list[Token], i: int, text: str) -> bool:
    """toks[i] is a word that is also a title ("Health", "Trade", "Energy") and ends a
    body's name: "the Ministry of | Health", "the Department of Trade and | Energy"."""
    return is_title(toks[i]) and organisation_ending(toks, i, text) is not None
