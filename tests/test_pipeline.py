"""Pipeline helpers that stand in for a pattern compiled per word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quotes.pipeline import _overlaps, _Spans, _word_in

_ALPHABET = "ab_é1-. ’\n"


@given(st.text(alphabet=_ALPHABET, max_size=4), st.text(alphabet=_ALPHABET, max_size=30))
def test_a_word_is_found_where_the_bounded_pattern_finds_it(word: str, text: str) -> None:
    assert _word_in(word, text) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


def test_a_surname_inside_a_longer_word_is_not_found() -> None:
    assert not _word_in("Lee", "Leeds said")
    assert _word_in("Lee", "as Lee’s aide")


_SPAN = st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(_SPAN, max_size=8), st.lists(_SPAN, max_size=8), st.lists(_SPAN, min_size=1, max_size=8))
def test_spans_overlap_where_any_span_given_or_added_overlaps(
        given_spans: list[tuple[int, int]], added: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    """Spans given may overlap (a report's pieces over a direct quote's); the neighbour
    test must still see every one of them."""
    spans = _Spans(given_spans)
    for span in added:
        spans.add(span)
    every = given_spans + added
    for span in asked:
        assert spans.overlaps(span) == any(_overlaps(span, other) for other in every)
