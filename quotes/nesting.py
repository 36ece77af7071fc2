"""Reports nested inside another report's content.

"The offer was too low and the board considered it a waste, Holm said." holds two
speech verbs, but only Holm reports: the board's view is part of what she said.
Annotators mark one attribution per stretch of text (PolNeAR is univocal), so the
report whose content holds another report's cue and speaker is the one kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol, TypeVar

from quotes.cues import Attribution

Span = tuple[int, int]


class _Report(Protocol):
    @property
    def pieces(self) -> tuple[Span, ...]: ...

    @property
    def attribution(self) -> Attribution: ...


R = TypeVar("R", bound=_Report)


def outermost(found: Sequence[R]) -> list[R]:
    """The reports whose cue and speaker lie inside no other report's content, after its
    first word (a report opening the content is its own: "Odell had promised to “…,”
    Marsh said")."""
    if len(found) < 2:
        return list(found)
    pieces = sorted((s, e, owner) for owner, report in enumerate(found) for s, e in report.pieces)
    starts = [s for s, _, _ in pieces]
    # Up to each piece, the two furthest ends of pieces of different reports: a report
    # is tested against others' pieces only, in logarithmic time.
    reach: list[tuple[tuple[int, int], tuple[int, int]]] = []
    best = second = (-1, -1)
    for _, e, owner in pieces:
        if owner == best[1]:
            best = max(best, (e, owner))
        elif (e, owner) > best:
            best, second = (e, owner), best
        elif (e, owner) > second:
            second = (e, owner)
        reach.append((best, second))
    return [report for owner, report in enumerate(found)
            if not _inside(report, owner, starts, reach)]


def _inside(report: _Report, owner: int, starts: list[int],
            reach: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Another report's piece starts before this one's cue (and speaker) and runs to the
    end of its content: the whole report lies within that piece."""
    cue, mention = report.attribution.cue, report.attribution.mention
    if cue is None:
        return False
    start = min(cue.start, mention.start) if mention is not None else cue.start
    before = bisect.bisect_left(starts, start)  # pieces starting strictly before it
    if before == 0:
        return False
    best, second = reach[before - 1]
    end = best[0] if best[1] != owner else second[0]
    return end > start and end >= report.pieces[-1][1]  # (the piece holds the cue)
