"""The capitalised runs of an article's body that may be names: "Charles de Gaulle",
"Faisal al-Nuaimi", "Marex Logistics", cut where a sentence ends inside one."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quotes.tokens import JOINED_PARTICLE, keeps_period

Span = tuple[int, int]
# A nickname in quotation marks between two words of a name ("Marlon 'Speedy' Gillett",
# "Elroy ‘Roy’ Mowatt"): one or two capitalised words, a name word after it.
NICKNAME = (r"[ \u00a0]+[‘'\"“]\p{Lu}[\p{L}\p{M}\-]{1,20}(?:[ \u00a0]\p{Lu}[\p{L}\p{M}\-]{1,20})?"
            r"[’'\"”](?=[ \u00a0]+\p{Lu})")
# A run of capitalised words, possibly joined by name particles ("Charles de Gaulle",
# "Piet van der Berg").
# Words and runs are bounded ({0,40}, {0,8}): a 16 MB "word" must not exhaust memory.
_CAPITALISED_RUN = regex.compile(
    r"\p{Lu}(?:[\p{L}\p{M}\p{N}’'\-]|\.(?=\p{L})){0,40}+\.?"
    rf"(?:{NICKNAME})?"  # "Marlon 'Speedy' | Gillett": a nickname in marks inside the name
    r"(?:[ \u00a0]+(?:(?:de|da|di|van|von|der|den|ter|zu|bin|binti|bint|ibn|al|el|la|le|del|della|du|dos|das"
    r"|ap|ab|ferch|verch|i|y)"
    r"[ \u00a0]+){0,2}"
    rf"(?:{JOINED_PARTICLE.pattern})?"  # "Faisal al-Nuaimi"
    r"\p{Lu}(?:[\p{L}\p{M}\p{N}’'\-]|\.(?=\p{L})){0,40}+\.?"
    rf"(?:{NICKNAME})?){{0,8}}+")
# The same run opened by a lower-case particle joined to its first word ("al-Shabaab
# said", "Later, al-Hashimi added"), tried only where a run starts after "-" or "’".
_JOINED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}’'\-])" + JOINED_PARTICLE.pattern + _CAPITALISED_RUN.pattern)
# A word of a capitalised run that ends with a period and the space after it.
_PERIOD_END = regex.compile(r"(\S+)\.[ \u00a0]+")


def sentence_runs(text: str, body: Span) -> Iterator[regex.Match[str]]:
    """The capitalised runs of the body, cut where a sentence ends inside one: "led by
    Marex Logistics. Marex said" gives "Marex Logistics." and "Marex" (but "Gen. Ana
    Ruiz", "J. Ruiz" and "U.S. Army" are one run each)."""
    for run in _CAPITALISED_RUN.finditer(text, *body):
        start = run.start()
        if start > body[0] and text[start - 1] in _JOINERS:
            run = _joined_run(text, run, body[0])
            start = run.start()
        words = run.group()
        if ". " not in words and ".\u00a0" not in words:
            yield run
            continue
        for end in _PERIOD_END.finditer(text, start, run.end()):
            word = end.group(1)
            if len(word) > 1 and not keeps_period(word + "."):
                yield from _match_run(text, start, end.start() + len(word) + 1)
                start = end.end()
        yield from _match_run(text, start, run.end())


_JOINERS = frozenset("-’'")


def _joined_run(text: str, run: regex.Match[str], floor: int) -> regex.Match[str]:
    """The run with the particle joined to its first word, if one is ("al-Shabaab")."""
    for back in range(2, 6):
        if run.start() - back >= floor and (
                joined := _JOINED_RUN.match(text, run.start() - back, run.end())) is not None:
            return joined
    return run


def _match_run(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    run = _CAPITALISED_RUN.match(text, start, end)
    if run is not None:
        yield run
