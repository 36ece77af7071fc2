"""Spans: the neighbour test sees every span given or added."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.spans import Spans, overlaps

_SPAN = st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(_SPAN, max_size=8), st.lists(_SPAN, max_size=8), st.lists(_SPAN, min_size=1, max_size=8))
def test_spans_overlap_where_any_span_given_or_added_overlaps(
        given_spans: list[tuple[int, int]], added: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    """Spans given may overlap (a report's pieces over a direct quote's); the neighbour
    test must still see every one of them."""
    spans = Spans(given_spans)
    for span in added:
        spans.add(span)
    every = given_spans + added
    for span in asked:
        assert spans.overlaps(span) == any(overlaps(span, other) for other in every)
