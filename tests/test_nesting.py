"""quotes.nesting: the outermost reports, in logarithmic time per report, agree with
the plain definition (another report's piece holds the cue, the speaker and the content)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from quotes.cues import Attribution, Cue
from quotes.names import Mention
from quotes.nesting import outermost


@dataclass(frozen=True)
class _Report:
    pieces: tuple[tuple[int, int], ...]
    attribution: Attribution


def _report(cue: int, mention: int | None, pieces: list[tuple[int, int]]) -> _Report:
    speaker = Mention(mention, mention + 3, "name", (mention, mention + 3)) if mention is not None else None
    return _Report(tuple(sorted(pieces)), Attribution(speaker, Cue(cue, cue + 4, "say"), "test", 0.5))


def _plain(found: list[_Report]) -> list[_Report]:
    def inside(inner: _Report, outer: _Report) -> bool:
        cue, mention = inner.attribution.cue, inner.attribution.mention
        assert cue is not None
        start = min(cue.start, mention.start) if mention is not None else cue.start
        return any(s < start < e and inner.pieces[-1][1] <= e for s, e in outer.pieces)
    return [r for r in found if not any(o is not r and inside(r, o) for o in found)]


_SPAN = st.tuples(st.integers(0, 60), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))
_REPORT = st.builds(_report, st.integers(0, 100), st.one_of(st.none(), st.integers(0, 100)),
                    st.lists(_SPAN, min_size=1, max_size=2))


@given(st.lists(_REPORT, max_size=6))
def test_outermost_agrees_with_the_plain_definition(found: list[_Report]) -> None:
    assert outermost(found) == _plain(found)


def test_report_inside_a_trailing_lead_is_dropped() -> None:
    """"The offer came late and the board considered it a waste, Holm said.\""""
    board = _report(cue=36, mention=26, pieces=[(47, 65)])
    holm = _report(cue=76, mention=67, pieces=[(0, 65)])
    assert outermost([board, holm]) == [holm]


def test_report_opening_the_content_is_kept() -> None:
    """"Odell had promised to “…,” Marsh said": the first report starts the lead."""
    odell = _report(cue=21, mention=0, pieces=[(30, 60)])
    marsh = _report(cue=70, mention=62, pieces=[(0, 60)])
    assert outermost([odell, marsh]) == [odell, marsh]
