"""Cue words: each faster reading (backwards from a cue, or after a search for plain words)
gives what the pattern it replaces defines."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.cue_words import ACCORDING, according_to, carrier_before, noun_before

PIECES = ["placards", "Sign", "that", "which", "xthat", "T-shirts", "é", "_", "9", "-", ",", " ", "  ", "\n",
          "\u00a0", "said", "a"]
# The definition: the word before the cue, past a relative "that"/"which", searched forwards.
_FORWARD = re.compile(r"([A-Za-z][\w-]*)\s+(?:(?:that|which)\s+)?$")


def _window(pieces: list[str], data: st.DataObject) -> tuple[str, int, int]:
    """A text of the pieces and a window lo <= pos in it, as the readings are asked."""
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    return text, lo, data.draw(st.integers(lo, len(text)))


def test_the_carrier_is_read_past_a_relative_word() -> None:
    text = "Protesters held banners which read"
    assert carrier_before(text, 0, text.index("read")) == ("banners", text.index("banners"))
    assert carrier_before("a sign saying", 0, 7) == ("sign", 2)
    assert carrier_before("a sign, saying", 0, 8) is None  # (a comma, then the cue)


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.data())
def test_the_carrier_read_backwards_is_the_forward_search(pieces: list[str], data: st.DataObject) -> None:
    text, lo, pos = _window(pieces, data)
    match = _FORWARD.search(text, lo, pos)
    assert carrier_before(text, lo, pos) == (None if match is None else (match.group(1), match.start(1)))


# The definition: what makes the word after it a noun, searched forwards.
_NOUN_FORWARD = re.compile(r"(?:(?P<determiner>\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Hh]is|[Ii]ts|[Tt]heir|"
                           r"[Oo]ur|[Mm]y|[Yy]our|[Ee]very|[Ee]ach)\s+)|(?P<adjective>\b(?:further|new|fresh|"
                           r"repeated|similar|recent|such|false|public|private)\s+)|(?P<possessive>\w['’]s\s+)"
                           r"|(?P<hyphen>\w-))$")
NOUN_PIECES = ["the", "The", "a", "An", "an", "his", "this", "Its", "x", "s", "'", "’", "-", " ", "\n", "further",
               "Further", "é", "_", "1", "new", "renew", "states"]


def test_what_makes_a_noun_is_read_before_the_word() -> None:
    text = "the senator’s claims and Hale-endorsed plans"
    assert noun_before(text, 0, text.index("claims")) == "possessive"
    assert noun_before(text, 0, text.index("endorsed")) == "hyphen"
    assert noun_before("He further stated", 0, 11) == "adjective"
    assert noun_before("they claim", 0, 5) is None
    assert noun_before("bathe claims", 2, 6) is None  # ("the" inside a word the window cuts)


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(NOUN_PIECES), max_size=12), st.data())
def test_a_noun_before_read_backwards_is_the_forward_search(pieces: list[str], data: st.DataObject) -> None:
    text, lo, pos = _window(pieces, data)
    match = _NOUN_FORWARD.search(text, lo, pos)
    assert noun_before(text, lo, pos) == (None if match is None else match.lastgroup)


@pytest.mark.parametrize(("text", "found"), [
    ("The plan failed, according to Tomas Brik.", "according to"),
    ("According to the ministry, it failed.", "According to"),
    ("It went accordingly to plan.", None),  # (no "according to" as words)
    ("It was according\u00a0to plan.", None),  # (the pattern wants a plain space)
    ("Itwasaccording to plan.", None),  # (inside a word)
])
def test_according_to_is_found_as_words(text: str, found: str | None) -> None:
    match = according_to(text, 0, len(text))
    assert (match.group() if match else None) == found


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["according", "According", " ", "to", "x", "ccording", "\u00a0", ","]),
                max_size=10), st.data())
def test_according_to_is_the_pattern_search(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    match, expected = according_to(text, lo, hi), ACCORDING.search(text, lo, hi)
    assert (match and match.span()) == (expected and expected.span())
