"""Spans: the neighbour test sees every span given or added."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.spans import Spans, inside, overlaps

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


@given(st.lists(st.integers(0, 12), max_size=12), st.integers(-2, 60))
def test_inside_reads_the_same_with_or_without_the_starts(cuts: list[int], pos: int) -> None:
    """Sorted, disjoint spans (empty ones too): pos is inside one exactly when a span holds
    it, whether the search runs over the spans or over their starts."""
    edges = [sum(cuts[:k + 1]) for k in range(len(cuts))]
    spans = list(zip(edges[::2], edges[1::2], strict=False))
    holds = any(s <= pos < e for s, e in spans)
    assert inside(spans, pos) == holds
    assert inside(spans, pos, [s for s, _ in spans]) == holds
