"""Speaker mentions read forwards from a cue: "said | the NATO chief, Ivar Stokkeland",
"according to | Estrava's chamber of mines". The noun phrases themselves are read
backwards from their last word by `quotes.speakers`, as before a cue."""

from __future__ import annotations

import re
from functools import cache

import regex

from quotes import lexicon
from quotes.mention_words import NOT_ROLE_STARTS, clean_role
from quotes.names import MAX_NAME_TOKENS, MAX_ROLE_TOKENS, Mention, person_closing_office, title_as_surname
from quotes.noun_phrases import (
    DETERMINERS,
    PLACE_LINKS,
    generic_noun_phrase,
    headed_body,
    is_occasion,
    mention_ending,
    postmodifiers,
)
from quotes.office_words import MAX_OFFICE_TOKENS, OFFICE_LINKS, listed_comma
from quotes.organisations import organisation_after
from quotes.speakers import MENTION_WINDOW, mention_before
from quotes.tokens import (
    FUNCTION_WORDS,
    PARTICLES,
    SUFFIXES,
    Token,
    after_honorific,
    is_capitalised,
    is_modifier,
    is_name_word,
    is_possessive,
    is_pronoun,
    is_role_noun,
    is_role_word,
    is_word,
    remembered,
    tokens,
)

# Words that end a noun phrase read forwards ("said Smith | in a statement").
_FORWARD_STOPS = frozenset(
    "in at on to with from by during after before about as that who whose which when while "
    "because and but or if than on".split())

_PARTY_TAG_AFTER = re.compile(r"\s*\([^()]{1,20}\)")


def mention_after(text: str, pos: int, ceiling: int) -> Mention | None:
    """The mention that starts right after pos ("said | the NATO chief, Ivar Stokkeland")."""
    return remembered(_mention_after, text, pos, ceiling)


def _initial(toks: list[Token]) -> bool:
    """"according to | I. R. Yanbayev": "I." before a capitalised word is a given name's
    initial, not the pronoun (whose gender no name could agree with)."""
    return toks[0].word.endswith(".") and len(toks) > 1 and is_capitalised(toks[1].word)


def _mention_after(text: str, pos: int, ceiling: int) -> Mention | None:
    toks = tokens(text, pos, min(ceiling, pos + MENTION_WINDOW))[: MAX_OFFICE_TOKENS + MAX_NAME_TOKENS]
    if not toks:
        return None
    if is_pronoun(toks[0]) and not _initial(toks):
        return Mention(toks[0].start, toks[0].end, "pronoun")
    first = toks[0].start
    best = None
    for k, tok in enumerate(toks):
        if not is_word(tok) and not (tok.word == "." and k > 0 and not toks[k - 1].word.islower()) and (
                not listed_comma(toks, k)):
            break  # (a period after an abbreviation, not one that ends a sentence: "the ministry.";
            # a comma of a listed portfolio: "Minister of Culture, Sport and Youth")
        if k > 0 and ((tok.key in _FORWARD_STOPS and not _joins_office(toks, k)) or (
                tok.word.islower() and toks[k - 1].key != "of" and (
                    tok.key in lexicon.speech_verbs() or tok.key.endswith("ed")
                    or tok.key in lexicon.words("irregular_past")))):
            break  # "Senator Walt Brennan | attacked Mayor Ilse Carver" (not "secretary of | state")
        if is_name_word(tok) or is_role_noun(tok) or tok.key in SUFFIXES or after_honorific(toks, k) or (
                title_as_surname(toks, k)):
            found = mention_ending(text, toks, k)
            if found is None:
                continue
            opens = toks[0].key in DETERMINERS or is_possessive(toks[0])
            if found.kind == "role" and opens and found.start > first:
                found = Mention(first, found.end, "role", None, text[first:found.end])
            elif (found.kind == "name" and opens and len(toks) > 1
                  and found.start == toks[1].start):
                found = Mention(first, found.end, "name", found.name, found.role)
            elif found.kind == "name" and (_descriptors(toks, found.start) or (
                    opens and _descriptors(toks[1:], found.start))):
                # "retired schoolteacher Maud Ellery", "58-year-old Tariq Benali"
                found = Mention(first, found.end, "name", found.name,
                                text[first:found.start].strip() + (f" {found.role}" if found.role else ""))
            if found.start == first:
                best = found
            elif best is not None and found.kind == "name" and _after_possessive(toks, found.start, best.end):
                # "Harwick State University's Dana Holt": the possessive phrase is her role
                best = Mention(first, found.end, "name", found.name, text[first:best.end])
            elif best is not None and best.kind == "role" and found.kind == "name" and found.name and (
                    best.start < found.name[0] < best.end < found.end):
                # "head of the Kubachi Art Combine Ivan Petrovich | Sidorov": the office read
                # ran into a name that goes on; read it to the name's end, the holder is split
                # off below (person_closing_office)
                best = Mention(best.start, found.end, "role", None, text[best.start:found.end])
            elif best is not None and best.name and found.name and best.name[0] <= found.name[0] < best.name[1]:
                # (… Dianne | Bystrom; "… Lyonpo Tashi | Pelzom Wangdi": a style read as a name
                # word until two name words follow it)
                best = Mention(best.start, found.end, "name", found.name, best.role)
    if best is not None and best.kind == "role" and best.start == first and toks[0].key in DETERMINERS:
        best = _of_phrase_after(text, toks, best) or best  # (not "reminding voters | of his …")
    if best is not None and best.kind == "role" and best.start == first:
        best = _postmodifier_after(text, toks, best) or best
    if best is None and toks[0].key in DETERMINERS:
        best = _described_before_name(text, toks)
    if best is not None and best.kind == "name" and toks[0].key in DETERMINERS:
        best = _name_as_modifier(text, toks, best)
    if best is not None and best.kind == "name" and best.start == first:
        best = _possessed_after(text, toks, best) or best
    body = organisation_after(text, toks)  # ("the Ministry of Health": "Health" is no name)
    if body is not None and (best is None or body.end > best.end):
        best = body
    if best is None:
        return None
    best = _body_in_place(text, toks, best)
    if best.kind in ("name", "role"):
        best = person_closing_office(text, toks, best) or best  # "… of Coastal Municipalities | Kadri Saar"
    end = _past_party_tag(text, best.end, ceiling)
    if end != best.end:
        best = Mention(best.start, end, best.kind, best.name, best.role)
    return with_apposition_after(text, best, ceiling)


def _postmodifier_after(text: str, toks: list[Token], role: Mention) -> Mention | None:
    """"according to sources | familiar with the talks", "said a person | close to the
    mayor": a phrase of `lexicons/postmodifiers.txt` after the noun for people tells the
    source apart and belongs to it, as it does read backwards ("Sources familiar with the
    talks said"); its own noun phrase ends before a relative word, a preposition, a verb
    or punctuation ("… familiar with the talks | who were not …")."""
    found = next(((n, p) for n in range(1, len(toks)) if role.start <= toks[n - 1].start
                  and toks[n - 1].end <= role.end and toks[n - 1].word.islower()
                  for p in postmodifiers() if tuple(t.key for t in toks[n:n + len(p)]) == p), None)
    if found is None:
        return None  # (a name or a capitalised body is no unnamed source: "said Ana Ruiz, close to …")
    k, phrase = found
    end = None
    for n in range(k + len(phrase), min(len(toks), k + len(phrase) + 6)):
        tok = toks[n]
        if not is_word(tok) or tok.key in _FORWARD_STOPS or (tok.word.islower() and (
                tok.key in lexicon.speech_verbs() or tok.key.endswith("ed")
                or tok.key in lexicon.words("irregular_past")) and not (
                toks[n - 1].key in DETERMINERS or is_possessive(toks[n - 1]))):
            break  # (after "the" or a possessive a noun: "familiar with Ortiz’s | thinking")
        end = n
    if end is None or toks[end].key in DETERMINERS or is_possessive(toks[end]):
        return None  # ("close to the | …" cut short: no noun phrase to end on)
    return Mention(role.start, toks[end].end, "role", None, text[role.start:toks[end].end])


def _body_in_place(text: str, toks: list[Token], body: Mention) -> Mention:
    """"according to the Council for Fisheries | in East Africa": a body's name goes on
    to where it is, as read backwards before a cue ("The Canadian Embassy in Lima said")."""
    k = next((n for n, t in enumerate(toks) if t.start >= body.end), None)
    if k is None or toks[k].key != "in" or not headed_body(text, body):
        return body
    n = k + 1
    while n < len(toks) and n - k <= 3 and is_word(toks[n]) and is_capitalised(toks[n].word):
        n += 1
    if n == k + 1:
        return body
    start = body.name[0] if body.name else body.start
    return Mention(body.start, toks[n - 1].end, "name", (start, toks[n - 1].end))


def _of_phrase_after(text: str, toks: list[Token], role: Mention) -> Mention | None:
    """"said the leader | of the rural organisation": a role's "of" phrase of common
    nouns belongs to it, as it does read backwards ("the leader of the rural
    organisation said"); the phrase ends where a noun phrase can end."""
    k = next((n for n, t in enumerate(toks) if t.start >= role.end), None)
    if k is None or not (toks[k].key == "of" or (toks[k].key in PLACE_LINKS and _unnamed(toks, k))):
        return None
    longest = None
    for n in range(k + 1, min(len(toks), k + 7)):
        tok = toks[n]
        if not is_word(tok) or tok.key in _FORWARD_STOPS or tok.key in lexicon.speech_verbs():
            break
        found = generic_noun_phrase(text, toks, n) or (
            mention_ending(text, toks, n) if toks[k].key != "of" else None)
        if found is not None and found.start == role.start and not (
                toks[k].key != "of" and is_occasion(tok.key)):
            longest = found  # (not "said a guard | around midday": a time, no place)
    return longest



def _unnamed(toks: list[Token], k: int) -> bool:
    """The role read forwards before toks[k] opens with "a", "an" or "one": someone unnamed."""
    return toks[0].key in ("a", "an", "one") and k >= 2


def _joins_office(toks: list[Token], k: int) -> bool:
    """toks[k] ("and", "to") joins two capitalised parts of an office read from its opening
    role word: "the Minister of Environmental Protection | and | Agriculture of …", "the
    Ambassador … of Velmoria | to | the Republic of …". Translated news writes the whole
    office before the name; elsewhere "and" and "to" end a mention ("Ana Lee | and …")."""
    if toks[k].key not in ("and", "to", "&") or k + 1 >= len(toks) or not is_capitalised(toks[k - 1].word):
        return False
    after = k + 2 if toks[k + 1].key == "the" and k + 2 < len(toks) else k + 1
    if not (is_capitalised(toks[after].word) and is_word(toks[after])):
        return False
    opening = 1 if toks[0].key in DETERMINERS else 0
    return opening < k and is_role_word(toks[opening]) and is_capitalised(toks[opening].word) and all(
        is_capitalised(t.word) or t.key in OFFICE_LINKS or listed_comma(toks, n)
        for n, t in enumerate(toks[opening:k], opening))



def _past_party_tag(text: str, end: int, ceiling: int) -> int:
    """Where a name ending at `end` ends with its party or age tag: "Jo Reyes (D-Md.)", "(58)"."""
    tag = _PARTY_TAG_AFTER.match(text, end, ceiling)
    return tag.end() if tag else end


def _possessed_after(text: str, toks: list[Token], name: Mention) -> Mention | None:
    """"according to | Estrava's chamber of mines", "Kenya's central bank | held …": a
    possessive name opens a noun phrase, read backwards from its end as before a cue."""
    k = next((n for n, t in enumerate(toks) if t.end == name.end), None)
    if k is None or not is_possessive(toks[k]):
        return None
    end = k
    n = k + 1
    while n < len(toks) and n - k <= 4 and (_noun_word(toks[n]) or (n == k + 1 and _after_owner(toks[n]))):
        end = n
        n += 1
    if end > k and n + 1 < len(toks) and toks[n].key == "of" and is_word(toks[n + 1]) and (
            _noun_word(toks[n + 1]) or is_capitalised(toks[n + 1].word)):
        end = n + 1  # "… chamber | of mines", "… minister | of Finance"
    head = toks[end - 2] if toks[end - 1].key == "of" else toks[end]
    if end == k or head.key not in _speaking_nouns():
        return None  # ("Pryce's commitments to …": not who speaks)
    found = mention_before(text, toks[0].start, toks[end].end, skip_aux=False)
    return found if found is not None and found.start == name.start and found.end == toks[end].end else None


@cache
def _speaking_nouns() -> frozenset[str]:
    """Nouns of a speaker or of what speaks for one: roles, bodies, documents."""
    return (lexicon.words("roles") | lexicon.words("person_nouns") | lexicon.words("org_words")
            | lexicon.words("documents") | lexicon.every_word("body_kinds"))


def _after_owner(tok: Token) -> bool:
    """A word right after a possessive is no verb: "Moldova's | state railway operator"."""
    return tok.word.isalpha() and tok.word.islower() and tok.key not in FUNCTION_WORDS and (
        tok.key in lexicon.speech_verbs())


def _noun_word(tok: Token) -> bool:
    """A lower-case word that may be part of a noun phrase, not a verb after it ("held")."""
    return is_modifier(tok) and not tok.key.endswith("ed") and tok.key not in lexicon.words("irregular_past")


def _after_possessive(toks: list[Token], start: int, end: int) -> bool:
    """The token right before `start` is a possessive ending at `end` ("University's | Dianne")."""
    before = [t for t in toks if t.end <= start]
    return bool(before) and before[-1].end == end and is_possessive(before[-1])


def _descriptors(toks: list[Token], start: int) -> bool:
    """Only a few describing words (no verbs, no function words) come before start."""
    before = [t for t in toks if t.end <= start]
    # A verb form right before the name is an action ("grilled Wells Fargo CEO …"),
    # one before a noun describes ("retired schoolteacher Maud Ellery").
    if not 0 < len(before) <= 3:
        return False
    last = before[-1]
    return all(
        is_word(t) and t.key not in NOT_ROLE_STARTS and t.key not in lexicon.speech_verbs()
        and t.key not in lexicon.words("auxiliaries") for t in before) and not (
        last.word.islower() and last.key.endswith(("ed", "ing")))


def _name_as_modifier(text: str, toks: list[Token], name: Mention) -> Mention:
    """"one Brandt confidant": a name followed by a noun only qualifies it."""
    after = [t for t in toks if t.start >= name.end]
    nouns = 0  # "one Brandt confidant", "the Harwick county board"
    while nouns < min(3, len(after)) and is_modifier(after[nouns]) and not (
            after[nouns].key in _FORWARD_STOPS or after[nouns].key.endswith("ed")):
        nouns += 1
    if nouns and (len(after) == nouns or not is_word(after[nouns]) or after[nouns].key in _FORWARD_STOPS
                  or after[nouns].key in lexicon.speech_verbs() or after[nouns].key.endswith("ed")):
        last = after[nouns - 1]
        return Mention(name.start, last.end, "role", None, text[name.start:last.end])
    return name


def _described_before_name(text: str, toks: list[Token]) -> Mention | None:
    """"the harbour master, Leila Haddad": any short description heads a name apposition."""
    for k, tok in enumerate(toks[1:MAX_ROLE_TOKENS], start=1):
        if tok.word == ",":
            if k >= 2 and k + 1 < len(toks) and is_name_word(toks[k + 1]):
                return Mention(toks[0].start, toks[k - 1].end, "role", None,
                               text[toks[0].start:toks[k - 1].end])
            return None
        if not (is_word(tok) and (is_modifier(tok) or tok.key in ("of", "the"))):
            return None
    return None


_COMMA_NEXT = re.compile(r"\s*,")
# What and where a described person heads, before the name in apposition: "the
# group's coordinator | in Oskel, Pierre Lamarque", "the head | of the clinic in Tolvi,
# Ramon Esteve" (at most three short phrases; the name after the comma must follow).
_PLACE_BEFORE_NAME = regex.compile(
    r"(?:[ \t]+(?:of|in|at|for|from)[ \t]+(?:the[ \t]+)?[\p{L}’'-]+(?:[ \t]+(?!(?:of|in|at|for|from)\b)"
    r"[\p{L}’'-]+){0,3}){1,3}(?=[ \t]*,)")


def with_apposition_after(text: str, mention: Mention, ceiling: int) -> Mention:
    """Join an apposition that follows: "the host of the dinner, Verbeek," or "Hill, a doctor,"."""
    reach = min(ceiling, mention.end + 200)
    place = _PLACE_BEFORE_NAME.match(text, mention.end, reach) if mention.kind == "role" else None
    if place is not None:
        joined = with_apposition_after(text, Mention(mention.start, place.end(), "role", None,
                                                     text[mention.start:place.end()]), ceiling)
        return joined if joined.kind == "name" else mention  # (no name after it: the role alone)
    if not _COMMA_NEXT.match(text, mention.end, reach):
        return mention  # (most mentions: no apposition, no need to read on)
    rest = tokens(text, mention.end, reach)
    if len(rest) < 2 or rest[0].word != ",":
        return mention
    # (a rank or a religious title may open the name: "Colonel General Ivo Marr", "Mother Ana")
    first = next((k for k in range(1, min(len(rest), 4)) if rest[k].key not in lexicon.words("titles") and not (
        is_role_word(rest[k]) and rest[k].word[:1].isupper())), 1)
    if mention.kind == "role" and is_name_word(rest[first]):
        # (a rank may open the name: "the Chief of the General Staff, Colonel General Ivo Marr,")
        name = mention_before(text, rest[1].start, _name_run_end(rest, first), skip_aux=False)
        if name and name.kind == "name":
            end = _past_party_tag(text, name.end, reach)  # "his niece, Maria Ortez (D-Hampton),"
            if _ends_phrase(rest, end):
                return Mention(mention.start, end, "name", name.name,
                               clean_role(text[mention.start:mention.end]))
    if mention.kind == "name" and not mention.role and (
            rest[1].key in ("a", "an", "the") or rest[1].word.islower()):
        stop = next((t.start for t in rest[2:] if not is_word(t)), None)
        if stop is not None and text[stop] in ",.;" and stop - rest[1].start < 80:
            return Mention(mention.start, mention.end, "name", mention.name,
                           clean_role(text[rest[1].start:stop]))
    return mention


def _name_run_end(toks: list[Token], k: int) -> int:
    end = toks[k].end
    for n, tok in enumerate(toks[k:k + MAX_NAME_TOKENS], start=k):
        if not (is_name_word(tok) or tok.key in PARTICLES or tok.key in SUFFIXES
                or (tok.word == "." and end == tok.start and _abbreviated(toks[n - 1]))):
            break
        end = tok.end
    return end


def _abbreviated(tok: Token) -> bool:
    """A word a period after it abbreviates ("J.", "Jr."); after any other word the period
    ends the sentence: "said the group's director, Maria Escobedo. “…”"."""
    return len(tok.word) == 1 or tok.key in SUFFIXES


def _ends_phrase(toks: list[Token], end: int) -> bool:
    """True when the name ending at `end` is followed by punctuation or nothing."""
    after = [t for t in toks if t.start >= end]
    return not after or not is_word(after[0])
