"""Organisation names made of common nouns and places: "Network Rail", "Police
Scotland", "Transport for London", "Greater Manchester Fire and Rescue Service",
"Mr Plumb Ltd". Read as one name, never as a role ("Network") before a surname
("Rail"), nor cut at a joining word ("for London").
"""

from __future__ import annotations

from quotes import lexicon
from quotes.tokens import FUNCTION_WORDS, Token, is_capitalised, is_name_word, is_title

# Words that join the capitalised parts of one name ("Department of Health and Social Care").
_JOINERS = frozenset("of for and & on".split())
_MAX_RUN = 10
# Organisation words that describe rather than head: "Republican Chuck Dalton" is a person.
_ADJECTIVES = frozenset(
    "republican republicans democratic democrat democrats national international european "
    "federal united economic security intelligence white".split())


def organisation_ending(toks: list[Token], i: int) -> int | None:
    """Index of the first token of an organisation name ending at toks[i], or None."""
    first = _capitalised_run(toks, i)
    if first is None or first == i:
        return None
    run = toks[first:i + 1]
    org = lexicon.words("org_words")
    if run[-1].key in org:
        return first  # "Greater Manchester Police", "Mr Plumb Ltd"
    if is_title(run[-1]) or _personal_tail(run):  # ("the NATO Secretary General": a role)
        return None  # "Police Chief Ana Ruiz", "Secretary of State Ana Ruiz"
    if any(t.key in org and t.key not in _ADJECTIVES for t in run):
        return first  # "Network Rail", "Police Scotland", "Transport for London"
    return None


def _capitalised_run(toks: list[Token], i: int) -> int | None:
    """Start of the capitalised words (joined by "of", "for", "and") ending at toks[i]."""
    if not _part(toks[i]):
        return None
    first = j = i
    while j > 0 and i - j < _MAX_RUN:
        before = toks[j - 1]
        if _part(before):
            first = j = j - 1
        elif before.key in _JOINERS and j >= 2 and _part(toks[j - 2]):
            j -= 1  # kept only with a capitalised word before it
        else:
            break
    return first


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
    return bool(tail) and is_name_word(tail[0])  # ("Sen. Mara Quist of Ohio" too)
