"""Tokens: the words and marks rules read, with their offsets and lexicon keys,
and the tests rules ask of one word (a name word, a title, a pronoun, a modifier).

An article is tokenised once, lazily, in chunks; every rule reads windows of
those shared tokens.
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import compress, repeat, takewhile
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from quotes import lexicon

# Words (with inner apostrophes, hyphens and dots: "don’t", "U.S.") and single
# punctuation marks. The standard library engine is faster for this simple pattern.
# Combining marks (U+0301 …) belong to the word they follow: "José" typed with a
# decomposed accent is one word, not "Jose" and a stray mark.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = rf"[^\W_]++(?:[{_MARKS}]++[^\W_]*+)*+"  # (letters run at full speed between marks)
# A plural possessive keeps its apostrophe ("the teachers’ union", "Nurses' Federation"):
# after an "s" and before a word, it is no closing quotation mark.
_TOKEN = re.compile(rf"{_WORD}(?:[’'\-.&]{_WORD})*(?:(?<=[sS])[’'](?=[ \t]+[^\W\d_]))?\.?|[^\w\s]|_")
# The particles that open a patronymic inside a Malay or Arabic name ("bin", "binti"):
# a style of address after one is the father's, inside the name (names.address_style).
PATRONYMIC_LINKS = frozenset(("bin", "binti", "bint", "ibn"))
# Welsh "ap"/"ab" ("son of") and "ferch"/"verch" ("daughter of") join a name as "van" does
# ("Rhodri ap Gwilym", "Mr ap Gwilym").
PARTICLES = PATRONYMIC_LINKS | frozenset(
    "de da di du del della der den ter zu van von al el le la dos das st ap ab ferch verch".split())
# The Catalan and Spanish "and" joining a double surname ("Núria Camps i Grau", "José
# Ortega y Gasset"), read as a particle only in lower case (never the pronoun "I").
SURNAME_JOINERS = frozenset(("i", "y"))
# A lower-case particle joined to the surname by a hyphen or an apostrophe ("al-Nuaimi",
# "el-Sayed", "ad-Darwish", "d’Alema", "dell'Orto"): the whole word is a name word.
JOINED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ud|ul|d|dall|dell|l)[-’'](?=[^\W\d_])")
# (keys: no final period; Kyrgyz "uulu" "son of", "kyzy" "daughter of" close a name in
# lower case after the father's name: "Nurlan Bekmurza uulu", "Gulmira Ermek kyzy")
SUFFIXES = frozenset("jr sr ii iii iv uulu kyzy".split())
FUNCTION_WORDS = frozenset(
    "the a an and or but of in at on to for with from by as that this these those who which "
    "when while if than then so not no is are was were be been being has have had do does did "
    "said says say told he she they it we i you his her their its our my your "
    "upon into onto over under about after before during against among between through "
    "without within toward towards across behind beyond near since until via "
    "why how what where whom whose".split())


class Token(NamedTuple):
    """One word or punctuation mark of the text."""

    word: str
    start: int
    end: int
    key: str  # casefolded, without a final period: what lexicons are matched on


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens lying within text[start:end], with their offsets.

    Rules ask for many small overlapping windows of one article, so the text is
    tokenised once per chunk, lazily: chunks far from any cue are never read (a short
    text is one chunk, read whole).
    """
    chunks = _cache.get(text) or _chunks(text)  # (asked ten thousand times an article)
    if chunks.size > len(text):  # a short text: one chunk
        return _within(chunks._whole or chunks.whole(), start, end)
    first = chunks.index_of(start)
    if max(start, end - 1) < chunks.bound(first + 1):
        return _within(chunks.tokens(first), start, end)  # (nearly always: one chunk)
    found: list[Token] = []
    for index in range(first, chunks.index_of(max(start, end - 1)) + 1):
        found.extend(_within(chunks.tokens(index), start, end))
    return found


def _within(chunk: tuple[list[Token], list[int]], start: int, end: int) -> list[Token]:
    """The tokens of one chunk lying within text[start:end]."""
    toks, starts = chunk
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    while hi > lo and toks[hi - 1].end > end:
        hi -= 1
    return toks[lo:hi]


def window_tokens(text: str, start: int, end: int) -> list[Token]:
    """The shared tokens of text[start:end] when the window cuts none; else the tokens
    tokenise(text, start, end) gives. Only the cut ends are read afresh: from inside a
    token the pattern stops where the token stops, and from a token's start on the
    window reads as the text does, up to its last token (whose ending may look past the
    window: "the teachers’ | union"). A text too long to be kept tokenised whole is
    tokenised afresh."""
    if len(text) > _SHORT_TEXT:
        return tokenise(text, start, end)
    toks, starts = _chunks(text).whole()
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    head = lo > 0 and toks[lo - 1].end > start
    if not head and not (hi > lo and toks[hi - 1].end > end):
        return toks[lo:hi]  # (nearly always: no token cut)
    if head and (hi <= lo or toks[lo - 1].end >= end):
        return tokenise(text, start, end)  # (the window lies inside one token)
    found: list[Token] = []
    if head:
        resume = toks[lo - 1].end
        if toks[lo].start == resume and toks[lo].word == ".":
            lo, resume = lo + 1, resume + 1  # (a final period split off the cut word is read with it)
        found = _made(list(takewhile(lambda m: m.start() < resume, _TOKEN.finditer(text, start, end))))
    if hi > lo:
        last = toks[hi - 1]
        if last.end <= end and not last.word.endswith(("’", "'")):
            # (the last token reads as the text does: only a possessive's mark looks past it)
            found += toks[lo:hi]
        else:
            found += toks[lo:hi - 1]
            found += tokenise(text, last.start, end)
    return found


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], computed afresh (for short one-off spans)."""
    return _made(list(_TOKEN.finditer(text, start, len(text) if end is None else end)))


def _made(matches: list[re.Match[str]]) -> list[Token]:
    """The tokens of these matches of the token pattern."""
    # Built by map() over all matches, with no Python code run per token: only the
    # few words ending with a period are looked at one by one.
    words = list(map(_group, matches))
    toks = list(map(tuple.__new__, repeat(Token), zip(
        words, map(_start, matches), map(_end, matches), map(str.casefold, words), strict=True)))
    periods = list(compress(range(len(words)), map(str.endswith, words, repeat("."))))
    return _split_periods(toks, periods) if periods else toks


_group = re.Match.group
_start = re.Match.start
_end = re.Match.end


def _split_periods(toks: list[Token], periods: list[int]) -> list[Token]:
    """The tokens with a sentence's final period split off its word ("Stokkeland" "."),
    and the keys of words keeping theirs ("Sen.", "U.S.") without it."""
    out: list[Token] = []
    done = 0
    for i in periods:
        out.extend(toks[done:i])
        done = i + 1
        word, start, end, _ = toks[i]
        # (tuple.__new__ skips the Python-level constructor of the named tuple)
        if len(word) > 2 and not keeps_period(word):
            bare = word[:-1]
            out.append(tuple.__new__(Token, (bare, start, end - 1, bare.casefold())))
            out.append(tuple.__new__(Token, (".", end - 1, end, ".")))
        else:
            # (a lone period keeps "." as its key, as one split off a word has)
            out.append(tuple.__new__(Token, (word, start, end, word.rstrip(".").casefold() or ".")))
    out.extend(toks[done:])
    return out


_CHUNK = 256
_SPACE = re.compile(r"\s")
# Chunks kept tokenised per text, the least recently used dropped first: rules read
# the text mostly left to right, so a few recent chunks serve nearly every window,
# and a huge article does not keep tokens for all its text.
_KEPT_CHUNKS = 64
# A text whose chunks would all stay kept is read as one chunk: fewer, cheaper look-ups.
_SHORT_TEXT = _KEPT_CHUNKS * _CHUNK


class _Chunks:
    """One text cut at whitespace near every multiple of its chunk size (so no token is
    cut), each chunk tokenised on first use and kept while recently used."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = _CHUNK if len(text) > _SHORT_TEXT else len(text) + 1
        self._bounds: dict[int, int] = {0: 0}
        self._tokens: OrderedDict[int, tuple[list[Token], list[int]]] = OrderedDict()
        self.memo: dict[tuple[object, ...], Any] = {}
        self._whole: tuple[list[Token], list[int]] | None = None

    def whole(self) -> tuple[list[Token], list[int]]:
        """The tokens of a short text, one chunk (kept apart: read at every look-up)."""
        if self._whole is None:
            self._whole = self.tokens(0)
        return self._whole

    def bound(self, index: int) -> int:
        """Start of chunk `index`: the first whitespace at or after index * size."""
        if index not in self._bounds:
            at = _SPACE.search(self.text, min(len(self.text), index * self.size))
            self._bounds[index] = at.start() if at else len(self.text)
        return self._bounds[index]

    def index_of(self, pos: int) -> int:
        index = pos // self.size
        while index > 0 and self.bound(index) > pos:
            index -= 1
        return index

    def tokens(self, index: int) -> tuple[list[Token], list[int]]:
        found = self._tokens.get(index)
        if found is not None:
            self._tokens.move_to_end(index)
            return found
        toks = tokenise(self.text, self.bound(index), self.bound(index + 1))
        found = self._tokens[index] = (toks, list(map(itemgetter(1), toks)))
        if len(self._tokens) > _KEPT_CHUNKS:
            self._tokens.popitem(last=False)
        return found


_cache: dict[str, _Chunks] = {}


def _chunks(text: str) -> _Chunks:
    """The chunked tokens of a text, kept for the last few texts."""
    cached = _cache.get(text)
    if cached is None:
        if len(_cache) >= 4:
            _cache.clear()
        cached = _cache[text] = _Chunks(text)
    return cached


@lru_cache(maxsize=4096)  # asked of every word that ends with a period
def keeps_period(word: str) -> bool:
    """"Sen.", "U.S." and "Jr." keep their period; "Stokkeland." ends a sentence."""
    bare = word[:-1].casefold()
    return bare in lexicon.words("abbreviations") or "." in bare


def index_of_start(toks: list[Token], start: int) -> int | None:
    """The index of the token that starts at start (a mention's first word), searched from
    the end: a mention read back from a cue starts near it."""
    return next((n for n in range(len(toks) - 1, -1, -1) if toks[n].start == start), None)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def list_closing(toks: list[Token], comma: int, part: Callable[[Token], bool]) -> int | None:
    """The "and" (or "&") that closes a list of capitalised words after the comma at
    toks[comma], within five tokens and with only `part` words before it: "Ministry of
    Culture | , | Youth and Sport", "Agriculture | , | Livestock & Fisheries"; None when
    another word or mark comes first ("Ana Ruiz, | the minister, and …")."""
    for k in range(comma + 1, min(len(toks), comma + 6)):
        if toks[k].key in ("and", "&"):
            return k
        if not part(toks[k]):
            return None
    return None


def is_title(tok: Token) -> bool:
    return tok.key in lexicon.words("titles")


APOSTROPHE = re.compile(r"[’']")


def after_honorific(toks: list[Token], i: int) -> bool:
    """"Mr. King", "Dr. Major": after a courtesy title, a capitalised word is a name."""
    return (i > 0 and is_capitalised(toks[i].word) and toks[i].word.isalpha()
            and toks[i - 1].key in lexicon.words("honorifics"))


def is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def is_name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a personal or organisation name."""
    # Asked of the same words again and again: the answers are kept by word (a token's
    # key follows from its word), in a plain dict, cheaper to ask than a cache wrapper.
    found = _NAME_WORDS.get(tok.word)
    if found is None:
        if len(_NAME_WORDS) >= _KEPT_NAME_WORDS:
            _NAME_WORDS.clear()
        found = _NAME_WORDS[tok.word] = _is_name_word(tok.word, tok.key)
    return found


_NAME_WORDS: dict[str, bool] = {}
_KEPT_NAME_WORDS = 8192


def _is_name_word(word: str, key: str) -> bool:
    if is_initial(word):
        return True  # an initial: "Nora T. Vance"
    if (joined := JOINED_PARTICLE.match(word)) is not None:
        return is_capitalised(word[joined.end():])  # "Faisal | al-Nuaimi", "Massimo | d’Alema"
    stem = APOSTROPHE.split(key, 1)[0]
    if stem != key and (stem in lexicon.words("not_names") or stem in lexicon.pronoun_genders()):
        return False  # "It’s", "That's": a contraction, not a name
    if key.endswith(("ing", "ed")) and key in lexicon.speech_verbs():
        return False  # "Speaking to reporters, …", "Asked about it, …" (but "The Post")
    if "-of-" in key and is_descriptor(word):
        return False  # "Father-of-three Imran Bashir": a description before the name
    if is_participle_compound(word):
        return False  # "Ostrava-based | Vítkov Steel", "Kremlin-backed": a description, not the name
    return (is_capitalised(word) and key not in lexicon.words("not_names")
            and key not in lexicon.words("titles") and key not in lexicon.words("roles")
            and not ("-" in key and is_ranked_compound(key))
            and key not in lexicon.pronoun_genders() and not is_occupation(key))


# A place or body joined to a participle ("Ostrava-based", "Toronto-listed", "Texas-born",
# "Saudi-led"): it describes the name after it; a hyphenated name has no lower-case
# participle last ("Jean-Pierre", "Coca-Cola", "Al-Amin").
_PARTICIPLE_COMPOUND = re.compile(r"[^\W\d_][\w’'.-]*-(?:[a-z]+ed|born|run|made|built|grown|bound)")


def is_participle_compound(word: str) -> bool:
    return "-" in word and _PARTICIPLE_COMPOUND.fullmatch(word) is not None


def is_role_noun(tok: Token) -> bool:
    return tok.key in lexicon.words("roles") or ("-" in tok.key and (is_descriptor(tok.word) or (
        is_ranked_compound(tok.key)))) or is_occupation(tok.key)


# The words that open a hyphenated rank without being a title alone ("Lance-Corporal",
# "Under-Secretary", "Sub-Lieutenant").
_RANK_PREFIXES = frozenset("lance under sub staff flight wing squadron rear field".split())


def is_ranked_compound(key: str) -> bool:
    """A hyphenated rank or office whose last part is a title and whose others are titles
    or a rank's prefix: "Lieutenant-Colonel", "Major-General", "Lance-Corporal",
    "Vice-Admiral"; never a name ("Lopez-Garcia", "Major-Ball": a surname last)."""
    parts = key.split("-")
    titles = lexicon.words("titles")
    return len(parts) > 1 and parts[-1] in titles and all(
        p in titles or p in _RANK_PREFIXES for p in parts[:-1])


def is_people_noun(key: str) -> bool:
    """A plural noun for people ("analysts", "unions", "fishermen", "glaciologists") or a
    group noun that takes a plural verb ("staff", "police")."""
    return key in lexicon.words("group_nouns") or is_plural_person_noun(key)


def is_plural_person_noun(key: str) -> bool:
    """The plural of a role noun ("analysts", "fishermen", "glaciologists")."""
    roles = lexicon.words("roles")
    return (key.endswith("s") and (key in roles or key[:-1] in roles or is_occupation(key))) or (
        key.endswith("men") and (key in roles or key[:-3] + "man" in roles))


# The endings of a science's practitioners, one or many ("Glaciologist Ana Berg", "the
# demographers"): a role noun however rare the science, never a name. (Not "-ician":
# "Galician" is a demonym.)
_OCCUPATION_ENDINGS = ("ologist", "ologists", "ographer", "ographers")


def is_occupation(key: str) -> bool:
    return key.endswith(_OCCUPATION_ENDINGS) and key.isalpha()


# "Father-of-three", "mother-of-two", "Man-of-the-match": a compound that describes a
# person; before a name it is a role, never a name word.
_DESCRIPTOR = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-of-[^\W_][\w-]*")


def is_descriptor(word: str) -> bool:
    return "-of-" in word and _DESCRIPTOR.fullmatch(word) is not None and (
        word[word.index("-of-") + 4:].islower())


@cache
def post_nominals() -> frozenset[str]:
    """Letters after a name ("MP", "KC", "OBE"; `lexicons/post_nominals.txt`), as written."""
    return frozenset(row.split()[0] for row in lexicon.lines("post_nominals"))


def is_post_nominal(word: str) -> bool:
    """"Ana Reyes MP", "Tom Kerr KC": letters for an office or honour, not a name word."""
    return word in post_nominals()


def is_pronoun(tok: Token) -> bool:
    return tok.key in lexicon.pronoun_genders()


def is_word(tok: Token) -> bool:
    return tok.word[:1].isalnum()


def is_adverbial(tok: Token) -> bool:
    """Auxiliaries and adverbs between a subject and its verb ("has also", "subsequently")."""
    return tok.word.islower() and (  # ("the senator himself said")
        tok.key in lexicon.words("auxiliaries") or tok.key in _REFLEXIVES or (
            tok.key.endswith("ly") and len(tok.key) > 4 and tok.key not in lexicon.words("ly_nouns")))


_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves".split())


def is_modifier(tok: Token) -> bool:
    """A lowercase word that can qualify a role ("transport" commissioner, "34-year-old")."""
    return (tok.word.replace("-", "").isalnum() and tok.word.islower()
            and tok.key not in FUNCTION_WORDS
            and tok.key not in lexicon.speech_verbs() and tok.key not in lexicon.words("auxiliaries"))


def is_possessive(tok: Token) -> bool:
    """"Marsh's campaign manager": a possessive opens a noun phrase like "the"."""
    return tok.word.endswith(("’s", "'s", "s’", "s'")) and len(tok.word) > 2


_T = TypeVar("_T")


def remembered(read: Callable[..., _T], text: str, *args: object) -> _T:
    """read(text, *args), computed once per text (a mention read at a position): rules
    ask for the same one again and again. One entry per call at most, so the answers
    kept grow with the text, no more."""
    known = (_cache.get(text) or _chunks(text)).memo
    key = (read, *args)
    if key not in known:
        known[key] = read(text, *args)
    return known[key]


def is_role_word(tok: Token) -> bool:
    """A title ("Minister") or a role noun ("spokeswoman")."""
    return is_title(tok) or is_role_noun(tok)
