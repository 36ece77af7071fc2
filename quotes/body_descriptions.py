"""Descriptions of bodies: "the utility", "the army", "the agency".

A body description means the body whose name shows its kind ("Water Agency" …
"the agency"; "Hydro Norte" … "the utility", by `lexicons/body_kinds.txt`), a
body the article described rather than named that spoke ("Nigeria's army" …
"the army"), or, failing these, the last body that spoke, unless its name shows
another kind ("City Council" is no company). `quotes.descriptions` weighs these
against everything else the article says.
"""

from __future__ import annotations

from functools import cache

from quotes import lexicon
from quotes.gender import given_gender
from quotes.people import Entity, People, Turn
from quotes.roles import title_head

# The nouns for any body that trades, which a name closed by its trade shows.
TRADING = lexicon.tagged("trading_kinds", "trade")
# The nouns that mean the one body that spoke: any body that trades, or runs a service.
SERVING = lexicon.tagged("trading_kinds", "trade", "service")
# Kinds of body that may trade: their words do not keep a name from being a company's.
TRADING_KINDS = lexicon.tagged("trading_kinds")


def is_kind(head: str) -> bool:
    """Is this noun a kind of body ("utility", "army"), not a person's?"""
    return head in kinds()


def name_shows_kind(entity: Entity, head: str) -> bool:
    """"Water Agency" is an agency, "Hydro Norte" a utility; a person's name shows nothing."""
    if head not in kinds() or len(entity.words) < 2 or entity.gender or (
            entity.role and title_head(entity.role)):
        return False  # (a kind word alone, "Power" opening a sentence, names nobody)
    words = {w.casefold().rstrip(".,") for w in entity.name.split()}
    if " and " in entity.name:  # "Northmoor Rail and Estuary Rail": two bodies, neither "the operator"
        first, _, second = entity.name.casefold().partition(" and ")
        if set(first.split()) & set(second.split()) & kinds()[head]:
            return False
    return bool(words & kinds()[head]) or (head in TRADING and named_for_trade(entity.name))


def named_for_trade(name: str) -> bool:
    """"Veld Harbour Energy", "Orvo Bay Smelting Limited": a name of two or more words
    closed by the trade it is in (`lexicons/company_trades.txt`), after any legal form,
    with no "of" or "for" and no word of a body of another kind ("Ministry of Energy",
    "Energy Regulatory Commission", "Tarvo Port Authority Shipping" are none)."""
    words = [w.casefold().rstrip(".,") for w in name.split()]
    trades = lexicon.words("company_trades")
    while len(words) > 2 and words[-1] in kinds()["company"] and words[-1] not in trades:
        words.pop()  # ("… Smelting | Limited")
    if len(words) < 2 or words[-1] not in trades or {"of", "for"} & set(words):
        return False
    return not _public_words().intersection(words[:-1])


def described_body(speaker: str, head: str) -> bool:
    """A body the article described rather than named, that spoke, whose head is the
    noun ("Nigeria's army" … "the army"; not "a judge")."""
    words = speaker.split()
    if "of" in words[2:]:  # ("central bank of Dravonia", "Estrava's chamber of mines")
        words = words[:words.index("of", 2)]
    return head in kinds() and len(words) > 1 and not words[-1][:1].isupper() and (
        words[0].casefold() not in ("a", "an", "one", "some")) and (
        words[-1].casefold() == head or words[-1].casefold() in kinds().get(head, ()))


def last_body_that_spoke(people: People, head: str, pos: int, reach: int) -> Turn | None:
    """The last body that spoke within reach before pos whose name shows no other kind."""
    for turn in reversed(people.turns):
        if turn.start < pos - reach:
            break
        entity = people.by_name(turn.speaker)
        if entity is not None and _could_be_body(entity) and not shows_other_kind(entity.name, head):
            return turn
    return None


def _could_be_body(entity: Entity) -> bool:
    """A name of several words or an acronym that nothing shows to be a person's:
    no gender, no role, no given name."""
    return (len(entity.words) > 1 or entity.name.isupper()) and not entity.gender and (
        not entity.role and given_gender(entity.words) is None)


def of_the_state(entity: Entity) -> bool:
    """"The Ministry of Transport", "Arts Council of the Valleys": a name that shows a body
    of the state, no company (`lexicons/state_words.txt`)."""
    return bool({w.casefold() for w in entity.words} & lexicon.words("state_words"))


def shows_other_kind(name: str, head: str, *, trading: bool = False) -> bool:
    """The body's name shows it is of another kind ("City Council" is no company). With
    trading, the kinds that may trade are one kind ("… Cable Corporation" … "the operator")."""
    if head in TRADING and named_for_trade(name):
        return False  # ("Veld Harbour Energy" is a utility and a company both)
    words = {w.casefold().rstrip(".,") for w in name.split()}
    # (a company may be any body that trades: "Tarn Valley Water", "Lune Ferries" are
    # companies; with trading, so is one that runs a service: "… Cable Corporation" … "the operator")
    trades = head in TRADING or (trading and head in TRADING_KINDS)
    others = (markers for noun, markers in kinds().items()
              if noun != head and not (trades and noun in TRADING_KINDS))
    return any(words & markers for markers in others) and not words & kinds()[head]


@cache
def _public_words() -> frozenset[str]:
    """The words that show a body of a kind that does not trade (a ministry, a commission)."""
    return frozenset().union(*(markers for noun, markers in kinds().items() if noun not in TRADING_KINDS))


@cache
def kinds() -> dict[str, frozenset[str]]:
    """Each body noun and the name words that show it (the noun itself among them)."""
    rows = [*lexicon.lines("body_kinds"), *lexicon.lines("named_body_kinds")]
    return {row.split()[0]: frozenset(row.split()) for row in rows}


@cache
def shown_only() -> frozenset[str]:
    """Body nouns that mean a body only where the article shows one of the kind, never the
    last body that spoke ("the guild", "the gendarmerie"; `lexicons/named_body_kinds.txt`)."""
    return frozenset(row.split()[0] for row in lexicon.lines("named_body_kinds"))
