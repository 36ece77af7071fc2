"""Overlap tests against many spans (quotations, reports taken) in logarithmic time."""

from __future__ import annotations

import bisect

Span = tuple[int, int]


def inside(spans: list[Span], pos: int, starts: list[int] | None = None) -> bool:
    """Is pos inside one of the sorted, disjoint spans? A hot loop passes their starts,
    computed once: a search of integers is about twice as fast as one of pairs."""
    if starts is None:
        i = bisect.bisect_right(spans, (pos, _AFTER_ANY_END)) - 1
    else:
        i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_AFTER_ANY_END = float("inf")


class Spans:
    """Spans kept sorted and disjoint, for overlap tests in logarithmic time: a span
    added over others is merged with them, so a test need only ask its neighbours."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans: list[Span] = []
        for span in sorted(spans):
            self.add(span)

    def add(self, span: Span) -> None:
        start, end = span
        lo = hi = bisect.bisect_left(self._spans, span)
        if lo and overlaps(self._spans[lo - 1], span):
            lo -= 1  # (disjoint and sorted: only the one before may reach into it)
            start, end = min(start, self._spans[lo][0]), max(end, self._spans[lo][1])
        while hi < len(self._spans) and overlaps(self._spans[hi], (start, end)):
            end = max(end, self._spans[hi][1])
            hi += 1
        self._spans[lo:hi] = [(start, end)]

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_left(self._spans, span)
        return any(0 <= j < len(self._spans) and overlaps(span, self._spans[j])
                   for j in (i - 1, i))


def overlaps(a: Span, b: Span) -> bool:
    """Each of the two spans starts before the other ends."""
    return a[0] < b[1] and b[0] < a[1]
