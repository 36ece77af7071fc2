"""Long offices written whole before a name in the people model: "Deputy Minister of
Interior and | Disaster Management Ana Lee" (a name read after "and" is read again with
the office before it), "Ambassador | Extraordinary | and Plenipotentiary of …" (a word of
the office after a title is no person). The office itself is read by `quotes.names`.
"""

from __future__ import annotations

import regex

from quotes import lexicon
from quotes.names import Mention, name_ending
from quotes.tokens import Token, window_tokens

# Words after which a name may close a long office ("… of Interior and | Disaster Management Ana Lee").
OFFICE_JOINS = frozenset("and to &".split())


def through_office(text: str, toks: list[Token], last: int, mention: Mention,
                   lo: int) -> tuple[list[Token], int, Mention]:
    """The name ending at toks[last] read from `lo`, when an office with an "of" phrase
    is read before it ("Deputy Minister of Interior and | Disaster Management Ana Lee");
    else as read (two bodies: "Northmoor Rail and | Estuary Rail")."""
    wide = window_tokens(text, lo, toks[last].end)
    at = len(wide) - 1
    read = name_ending(wide, at, text)
    if read.role and " of " in read.role and read.name is not None and mention.name is not None and (
            read.name[0] > mention.name[0] or (read.name == mention.name and " of " not in f" {mention.role} ")
    ):
        # (the same name with the whole office: "… of Trade and | Industry Mrs. Ana Lee" gave "Industry")
        return wide, at, read
    return toks, last, mention


# "… and Plenipotentiary of": an office goes on after a word read as a name.
_OFFICE_GOES_ON = regex.compile(r"[ \u00a0]+(?:and|&)[ \u00a0]+(\p{Lu}\p{L}+)[ \u00a0]+of[ \u00a0]")


def inside_office(text: str, end: int) -> bool:
    """The capitalised word ending at `end` after a title is one word of an office that
    goes on with "and" ("Ambassador Extraordinary and Plenipotentiary of …"), not a name:
    the word after "and" is no title or given name ("… and Prime Minister of …")."""
    after = _OFFICE_GOES_ON.match(text, end)
    if after is None:
        return False
    word = after.group(1).casefold()
    return word not in lexicon.words("titles") and word not in lexicon.words("roles") and (
        word not in lexicon.words("given_names"))
