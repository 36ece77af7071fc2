"""Nouns of saying: "Varga's claim that …" is found wherever "that" follows a space."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.nominal_reports import _THAT, nominal_reports

# The definition of the "that" the rule looks for: after any space, before one.
_THAT_AS_DEFINED = re.compile(r"(?<=\s)that\s")


def test_a_noun_of_saying_after_a_line_break_or_a_wide_space() -> None:
    for space in (" ", "\n", "\u00a0"):
        text = f"Officials rejected Mira Holt’s claim{space}that the bridge had been closed for repairs."
        (report,) = nominal_reports(text, (0, len(text)))
        start, end = report.pieces[0]
        assert text[start:end].startswith("that the bridge")
        assert report.attribution.cue is not None and report.attribution.cue.base == "claim"


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(["that", "thatthat", " ", "\n", "t", "hat", "x", "\u00a0"]), max_size=12), st.data())
def test_that_is_found_as_defined(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert [m.span() for m in _THAT.finditer(text, lo, hi)] == [
        m.span() for m in _THAT_AS_DEFINED.finditer(text, lo, hi)]
