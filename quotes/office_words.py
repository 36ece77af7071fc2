"""Offices written whole before a name, read over its tokens: where an office's words
open and end ("Minister of Energy and Natural Resources of the Republic of | …",
"the head of the enterprise | Merav …"), as translated news writes them, no commas.
`quotes.names` reads the name after them.
"""

from __future__ import annotations

from itertools import takewhile

from quotes import lexicon
from quotes.tokens import Token, is_capitalised, is_modifier, is_name_word, is_role_word, list_closing

MAX_OFFICE_TOKENS = 18


def office_link(toks: list[Token], j: int) -> bool:
    """toks[j] ("and", "to") joins two parts of one office after an "of" phrase: "Minister
    of Interior | and | Disaster Management", "Ambassador … of Velmoria | to | the Republic
    of …", past a portfolio listed with commas ("Minister of Fisheries, Maritime Economy |
    and | Inland Waters") (not two people: "Senator Ana Lee | and | Minister …", no "of" between)."""
    if toks[j].key not in ("and", "&", "to") or j < 2 or not is_capitalised(toks[j - 1].word):
        return False
    given = lexicon.words("given_names")
    seen_of = False
    for k in range(j - 1, max(-1, j - MAX_OFFICE_TOKENS), -1):
        tok = toks[k]
        if tok.key in given or not (
                is_capitalised(tok.word) or tok.key in OFFICE_LINKS or portfolio_comma(toks, k)):
            return False  # ("Senator Ted Corwin of Texas | and …": a person, then another)
        seen_of = seen_of or tok.key == "of"
        if seen_of and is_role_word(tok) and is_capitalised(tok.word):
            # (the office opens here, unless a name follows its title: "Senator Ann Xu of …")
            words = list(takewhile(lambda t: t.key not in OFFICE_LINKS, toks[k + 1:j]))
            return len(words) < 2 or any(is_role_word(t) for t in words)
    return False


def office_opening(toks: list[Token], first: int, plain: bool) -> int | None:
    """Where an office opens, when a run of capitalised words at toks[first] follows
    "<role> of", perhaps through more capitalised words and "of", "the", "and" phrases
    ("Secretary General of the Northern Defence | Pact …", "Minister of Foreign Affairs
    of | Ruritania …"): translated news puts the whole office before the name, no commas.
    Unless plain, the office may also hold lower-case words and open with a lower-case
    role ("the head of the enterprise | Merav …", "the representative of the bank in the
    Republic of | Dalmir …")."""
    k = first - 1
    while k >= 1 and first - k <= 3 and is_capitalised(toks[k].word) and toks[k].key != "the":
        k -= 1
    while k >= 2 and toks[k].key in ("and", "&") and is_capitalised(toks[k - 1].word) and (
            first - k <= MAX_OFFICE_TOKENS):  # "… of Interior and | Disaster Management …"
        k -= 1
        while k >= 1 and ((is_capitalised(toks[k].word) and toks[k].key != "the") or listed_comma(toks, k)):
            k -= 1  # (a portfolio listed with commas: "of Construction, Transport and | …")
    while not plain and k >= 1 and first - k <= 5 and _office_noun(toks[k]):
        k -= 1  # "of the municipal enterprise | Merav …"
    if k >= 1 and toks[k].key == "the":
        k -= 1
    # (a capitalised office opens with "for" too, "Minister for Foreign Affairs | Tim …";
    # a lower-case one does not: "a reporter for | Northfield Radio" is a description)
    if k < 1 or not (toks[k].key in ("of", "to") or (toks[k].key == "for" if plain else toks[k].key == "in")):
        return None  # ("the representative in | Korvin Lars Lund")
    return office_start(toks, k, plain)


def office_before_list(toks: list[Token], first: int) -> bool:
    """toks[first] is an item of a portfolio listed after an office's "of" ("Minister of
    Environment | , | Energy and Climate of …"): the office opens before the list, whatever
    the item's words ("Energy" also names companies)."""
    if first < 2 or not portfolio_comma(toks, first - 1):
        return False
    of = _listed_before(toks, first - 1)
    return toks[of].key == "of" and office_start(toks, of) is not None


def office_before(toks: list[Token], first: int) -> bool:
    """"<role> of (the) | …": an office's words end right before toks[first] ("the head
    of the bank in the | …" too)."""
    k = first - 1
    if k >= 1 and toks[k].key == "the":
        k -= 1
    return k >= 1 and toks[k].key in ("of", "to") and office_start(toks, k, plain=False) is not None


# Words inside an office's name between its capitalised words ("Minister of the Interior").
OFFICE_LINKS = frozenset("of the and for to &".split())
OFFICE_OPENERS = lexicon.tagged("determiners", "article")


def _listed_before(toks: list[Token], k: int) -> int:
    """Back from toks[k] over the items of a portfolio listed with commas, to the word
    before the list ("Minister | of | Fisheries, Maritime Economy" from "Maritime"); k
    itself when no listed comma is crossed."""
    m, crossed = k, False
    while m >= 1:
        if portfolio_comma(toks, m):
            crossed = True
        elif not is_capitalised(toks[m].word) or toks[m].key == "the":
            break
        m -= 1
    return m if crossed else k


def office_start(toks: list[Token], of: int, plain: bool = True) -> int | None:
    """The role word that opens an office ending with toks[of] == "of": back over
    capitalised words and linking words, at most MAX_ROLE_TOKENS, to a title or role noun
    ("Minister of Energy and Natural Resources of"); unless plain, over lower-case nouns
    and "in" too, to a lower-case role after an article ("the representative of the bank
    in the Republic of"). A role word that is itself the object of an "of" ("of Energy")
    belongs to a longer office, which opens at the first role word."""
    k = of - 1
    while k >= 0 and of - k <= MAX_OFFICE_TOKENS:
        tok = toks[k]
        # (lower case after an article or a body's name: "the head", "Commission representative")
        if is_role_word(tok) and (is_capitalised(tok.word) or (not plain and k > 0 and (
                toks[k - 1].key in OFFICE_OPENERS or is_name_word(toks[k - 1])))):
            outer = k - 2 if k >= 2 and toks[k - 1].key == "the" else k - 1
            outer = _listed_before(toks, outer)
            if k >= 1 and toks[outer].key in ("of", "for") and (
                    longer := office_start(toks, outer, plain)) is not None:
                return longer  # "Minister of | Energy", "Minister of State for | Foreign Affairs"
            return k
        if tok.key not in OFFICE_LINKS and not (not plain and (tok.key == "in" or _office_noun(tok))) and (
                not is_capitalised(tok.word) or tok.key in lexicon.words("not_names")) and (
                not listed_comma(toks, k)):
            return None
        k -= 1
    return None


def listed_comma(toks: list[Token], k: int) -> bool:
    """toks[k] is a comma between capitalised words of a list that "and" closes before
    any other mark: "Minister of Agriculture | , | Livestock and Fisheries"."""
    return toks[k].word == "," and k >= 1 and is_capitalised(toks[k - 1].word) and (
        list_closing(toks, k, _listed_word) is not None)


def _listed_word(tok: Token) -> bool:
    return is_capitalised(tok.word) and tok.key != "the"


def portfolio_comma(toks: list[Token], k: int) -> bool:
    """toks[k] is a listed comma before an item of the list ("Minister of Fisheries | , |
    Maritime Economy and …"), not the comma before its "and" ("Roe v. Wade | , | and …")."""
    return k + 1 < len(toks) and is_capitalised(toks[k + 1].word) and listed_comma(toks, k)


def _office_noun(tok: Token) -> bool:
    """A lower-case word inside an office ("the municipal enterprise", "the bank"): a
    noun or adjective, not a verb form ("arrived", "speaking") that would end it; a
    speech verb's form news writes mostly as a noun stays a noun ("the state enterprise")."""
    if tok.word.islower() and tok.key in lexicon.words("mostly_nouns"):
        return True
    return is_modifier(tok) and not tok.key.endswith(("ed", "ing")) and (
        tok.key not in lexicon.words("irregular_past"))
