"""Quotation marks: every mark of a paragraph is read as the definition says."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.marks import _MARK

# The definition: two-character marks first ('' is one mark, not two apostrophes; `` is one
# mark, a lone ` none), then every single-character mark.
_MARK_AS_DEFINED = re.compile(r"''|``|[“”„‟\"«»‘’‚‛'‹›]")


def test_paired_apostrophes_and_backticks_are_one_mark() -> None:
    text = "``Yes,'' she said of the ‘plan’ and it's `odd' '''"
    assert [m.group() for m in _MARK.finditer(text)] == ["``", "''", "‘", "’", "'", "'", "''", "'"]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(["'", "`", "``", "''", "“", "”", "«", "»", "’", "\"", "a", " "]), max_size=12),
       st.data())
def test_marks_are_read_as_defined(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert [(m.span(), m.group()) for m in _MARK.finditer(text, lo, hi)] == [
        (m.span(), m.group()) for m in _MARK_AS_DEFINED.finditer(text, lo, hi)]
