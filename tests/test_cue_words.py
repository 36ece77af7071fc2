"""Cue words: patterns read backwards from a cue give what their forward reading defines."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.cue_words import carrier_before

PIECES = ["placards", "Sign", "that", "which", "xthat", "T-shirts", "é", "_", "9", "-", ",", " ", "  ", "\n",
          "\u00a0", "said", "a"]
# The definition: the word before the cue, past a relative "that"/"which", searched forwards.
_FORWARD = re.compile(r"([A-Za-z][\w-]*)\s+(?:(?:that|which)\s+)?$")


def test_the_carrier_is_read_past_a_relative_word() -> None:
    text = "Protesters held banners which read"
    assert carrier_before(text, 0, text.index("read")) == ("banners", text.index("banners"))
    assert carrier_before("a sign saying", 0, 7) == ("sign", 2)
    assert carrier_before("a sign, saying", 0, 8) is None  # (a comma, then the cue)


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.data())
def test_the_carrier_read_backwards_is_the_forward_search(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    pos = data.draw(st.integers(lo, len(text)))
    match = _FORWARD.search(text, lo, pos)
    assert carrier_before(text, lo, pos) == (None if match is None else (match.group(1), match.start(1)))
