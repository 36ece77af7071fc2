"""Sentence ends: the word before a period is read backwards, as it was read forwards."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotes.segment import _WORD_BEFORE_PERIOD, SENTENCE_BREAK, sentences

# The pattern as it was written before it searched backwards.
_FORWARDS = regex.compile(r"([\p{L}.]+)\.$")


@given(st.text(alphabet="ab.. ,Ué\u0301²1\n-", min_size=1, max_size=40), st.data())
def test_the_word_before_a_period_is_the_one_a_forward_search_finds(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text) - 1))
    hi = data.draw(st.integers(lo + 1, len(text)))
    forwards, backwards = _FORWARDS.search(text, lo, hi), _WORD_BEFORE_PERIOD.search(text, lo, hi)
    assert (forwards and (forwards.span(), forwards.group(1))) == (
        backwards and (backwards.span(), backwards.group(1)))


def test_initials_and_titles_end_no_sentence_but_a_final_abbreviation_may() -> None:
    text = "Gen. Ann B. Kell met U.S. envoys in the U.S. He left."
    assert [text[s:e] for s, e in sentences(text, (0, len(text)))] == [
        "Gen. Ann B. Kell met U.S. envoys in the U.S.", "He left."]


def test_a_loose_sentence_break_is_a_final_mark_before_space_or_a_line_break() -> None:
    """The break rules search for within a stretch: it takes the white space after it,
    needs no capital after it (unlike a split) and ends at no decimal point."""
    text = 'It rose 2.5 percent. then fell!” she wrote\nNext line? yes'
    assert [text[m.start():m.end()] for m in SENTENCE_BREAK.finditer(text)] == [". ", "!” ", "\n", "? "]
