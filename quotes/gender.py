"""A person's gender, as a title, a role word, a given name or the article shows it.

Only what a pronoun needs to agree with: "she said" after "Lena Fischer met
Tom Reyes" is Fischer's. A title or role word ("Ms.", "spokeswoman",
"her son") and a usual given name are read from lexicons; the article shows
the rest when a sentence opens with the person and refers back to them
("Dia was on a trip when he …").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from quotes import lexicon
from quotes.segment import SENTENCE_BREAK

# Personal pronouns; only a subject one ("he", "she") shows the gender: "her" and
# "him" as often mean someone else ("her son", "remembers him saying he …").
_PERSONAL = regex.compile(r"\b(?:(he)|(she)|his|him|himself|her|hers|herself)\b", regex.IGNORECASE)
# The next sentence opening with a subject pronoun ("… maternity leave. She enjoyed …").
_OPENS_WITH = regex.compile(r"\s*[\"“‘']?(?:(?:But|And|So|Yet|Then|Now)\s+)?(?:(He)|(She))\b")
_NAME_RUN = regex.compile(r"\p{Lu}[\w’'.-]*(?:[ \t]+\p{Lu}[\w’'.-]*)*")
_CAPITAL = regex.compile(r"\b\p{Lu}")
# A possessive word ending a role's owner: "Lam's", "Ruiz’s", "Mavis'".
_POSSESSIVE = regex.compile(r"\p{L}(?:['’]s|s['’])[,.]?$")
# What may close the sentence before one that opens with a name.
_CLOSERS = ".!?\"”’'"


def gender_of(role: str) -> str | None:
    """The gender a role or title shows ("spokeswoman", "Mr."), if any. A title in a
    possessive is the owner's ("Mrs Lam's neighbour, Mr", "Ms. Ruiz's spokesman"): only
    the words after the last possessive are read."""
    genders = _gendered_titles()
    words = role.split()
    owners = [k for k, word in enumerate(words) if _POSSESSIVE.search(word)]
    for word in words[owners[-1] + 1:] if owners else words:
        found = genders.get(word.rstrip(".,").casefold())
        if found:
            return found
    return None


def given_gender(words: list[str]) -> str | None:
    """The gender a person's given name usually carries ("Lena Fischer" → f)."""
    if len(words) < 2:
        return None
    return _given_names().get(words[0])


# A patronymic's ending and the gender it carries: a son's "Ivanovich", "Sergeyevich",
# "Ilyich", "Bolatuly"; a daughter's "Ivanovna", "Ilyinichna", "Paulauna", "Bolatkyzy".
_PATRONYMIC_GENDERS = (("ich", "m"), ("uly", "m"), ("ovna", "f"), ("evna", "f"), ("ichna", "f"), ("auna", "f"),
                       ("kyzy", "f"), ("qyzy", "f"))


def name_gender(words: list[str]) -> str | None:
    """The gender the name shows: its given name's, else a patronymic's between the given
    name and the surname ("Khadizhat Omarovna Abdulaeva" → f, however rare the given name),
    else the surname's East Slavic or Turkic ending ("Gulzhan Temirkhanova" → f, "Marat
    Zhumabekov" → m); initials alone ("K. Abdulaeva") tell none."""
    found = given_gender(words)
    if found is not None or len(words) < 2 or not words[0].rstrip(".")[1:]:
        return found
    middle = words[1].casefold() if len(words) == 3 and len(words[1]) >= 6 and words[1][:1].isupper() else ""
    patronymic = next((gender for ending, gender in _PATRONYMIC_GENDERS if middle.endswith(ending)), None)
    return patronymic or _surname_gender(words[-1])


# A surname's ending and the gender it carries, with the fewest letters such a surname has:
# "Petrova", "Aliyeva" a woman's; "Petrov", "Aliyev" a man's.
_SURNAME_GENDERS = ((("ova", "eva"), "f", 6), (("ov", "ev"), "m", 5))


def _surname_gender(surname: str) -> str | None:
    key = surname.casefold()
    if not key.isalpha():
        return None
    return next((gender for endings, gender, least in _SURNAME_GENDERS
                 if key.endswith(endings) and len(key) >= least), None)


def opens_sentence(text: str, pos: int, floor: int = 0) -> bool:
    """Nothing but a sentence end or a line break comes right before pos."""
    if pos <= floor or text[pos - 1] == "\n":
        return True
    return text[pos - 1] == " " and pos - 2 >= floor and text[pos - 2] in _CLOSERS


def shown_gender(text: str, start: int, limit: int, quoted: Callable[[int], bool]) -> str | None:
    """The gender of the first personal pronoun after start in its sentence, before
    limit (where another person is named) and outside quotation marks, when it is a
    subject: "Dia was at a trade fair when he ended up …" shows Dia is a man; with
    none there, a subject pronoun opening the next sentence ("Lewis said … She …")."""
    end = SENTENCE_BREAK.search(text, start, limit)
    stop = end.start() if end else limit
    for match in _PERSONAL.finditer(text, start, stop):
        if quoted(match.start()):
            continue  # (a pronoun inside a quotation is the speaker's, not the narrator's)
        return "m" if match.group(1) else "f" if match.group(2) else None
    # Else the next sentence, when it opens with "He" or "She" before anyone else is named.
    following = _OPENS_WITH.match(text, end.end() - 1, limit) if end else None
    if following is None or quoted(following.start(1) if following.group(1) else following.start(2)):
        return None
    name = _NAME_RUN.match(text, start)
    if _CAPITAL.search(text, name.end() if name else start, end.start() if end else start):
        return None  # ("Lee backed Brandt’s campaign. He thanked her": anyone named may be meant)
    return "m" if following.group(1) else "f"


@cache
def _gendered_titles() -> dict[str, str]:
    return dict(row.split() for row in lexicon.lines("gendered_titles"))


@cache
def _given_names() -> dict[str, str]:
    return {row.split()[0]: row.split()[1] for row in lexicon.lines("given_names")}
