"""Pipeline helpers that stand in for a pattern compiled per word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quotes.pipeline import _word_in

_ALPHABET = "ab_é1-. ’\n"


@given(st.text(alphabet=_ALPHABET, max_size=4), st.text(alphabet=_ALPHABET, max_size=30))
def test_a_word_is_found_where_the_bounded_pattern_finds_it(word: str, text: str) -> None:
    assert _word_in(word, text) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


def test_a_surname_inside_a_longer_word_is_not_found() -> None:
    assert not _word_in("Lee", "Leeds said")
    assert _word_in("Lee", "as Lee’s aide")

