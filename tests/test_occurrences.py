"""Where an article writes a word: the lower-cased search finds what the word's pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.occurrences import _word, occurrences
from quotes.people import People

# Letters of both cases, marks, digits, hyphens, spaces, and the characters whose case
# does not map one to one onto ASCII ("ſ", the Kelvin sign, the dotted and dotless i).
_PLAIN = "aAkKsSiI-1 .’\u0301\u00e9\u00c9"
_TEXT = st.text(alphabet=_PLAIN, max_size=40) | st.text(alphabet=_PLAIN + "\u0130\u0131\u017f\u212a", max_size=40)
_WORDS = st.sampled_from(["a", "ki", "sis", "a-1", "k s", "as", "aa", "é", "1"])


@settings(max_examples=500, deadline=None)
@given(text=_TEXT, word=_WORDS, cut=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_the_prose_is_searched_as_the_word_pattern_would(text: str, word: str, cut: tuple[int, int]) -> None:
    lo, hi = sorted(min(c, len(text)) for c in cut)
    people = People(text, (lo, hi), [])
    assert occurrences(people, word, hi + 1) == [m.span() for m in _word(word).finditer(text, lo, hi)]


def test_a_word_is_found_whole_in_either_case_and_before_pos_only() -> None:
    text = "The Minister met the minister-elect; a prime MINISTER, ministers, minister."
    people = People(text, (0, len(text)), [])
    assert occurrences(people, "minister", len(text)) == [(4, 12), (45, 53), (66, 74)]
    assert occurrences(people, "minister", 45) == [(4, 12)]
