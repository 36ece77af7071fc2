"""Tokens: the words and marks rules read, with their offsets and lexicon keys."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.tokens import Token, is_people_noun, tokenise, window_tokens

PIECES = ["Holt", "said", "Mr.", "U.S.", "Jr.", "St.", "Holt.", ".", ",", "“", "”", "'", " ", " ", "\n", "don’t",
          "AT&T", "e\u0301", "_", "-", "a.", "Kody-Lee", "Ross", "teachers’", "’", "s'", "union"]


def _window_as_defined(text: str, start: int, end: int) -> list[Token]:
    """What window_tokens promises: the shared tokens of a window that cuts none,
    else the window tokenised alone."""
    toks = tokenise(text)
    inside = [t for t in toks if start <= t.start and t.end <= end]
    if any(t.start < start < t.end or t.start < end < t.end for t in toks):
        return tokenise(text, start, end)
    return inside


def test_a_period_has_one_key_alone_or_split_off_a_word() -> None:
    keys = [t.key for t in tokenise("It is over . Holt left.")]
    assert keys == ["it", "is", "over", ".", "holt", "left", "."]


def test_words_keeping_their_period_are_keyed_without_it() -> None:
    toks = tokenise("Sen. Holt of the U.S. Senate")
    assert [(t.word, t.key) for t in toks][:2] == [("Sen.", "sen"), ("Holt", "holt")]
    assert ("U.S.", "u.s") in [(t.word, t.key) for t in toks]


def test_a_plural_possessive_cut_by_a_window_reads_as_the_window_reads_it() -> None:
    text = "the teachers’ union said"
    assert window_tokens(text, 7, 20) == tokenise(text, 7, 20)
    assert [t.word for t in window_tokens(text, 7, 20)] == ["chers’", "union"]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.data())
def test_a_window_of_the_shared_tokens_reads_as_defined(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    toks = window_tokens(text, start, end)
    assert toks == _window_as_defined(text, start, end)
    assert all(text[t.start:t.end] == t.word for t in toks)


def test_a_window_cut_at_its_head_reads_a_possessive_at_its_end_as_the_window_does() -> None:
    text = "Tomas and the teachers’ union"
    end = text.index("’") + 1
    assert window_tokens(text, 2, end) == tokenise(text, 2, end)
    assert [t.word for t in window_tokens(text, 2, end)][-2:] == ["teachers", "’"]
    assert [t.word for t in window_tokens(text, 2, len(text))][-2:] == ["teachers’", "union"]


def test_a_people_noun_is_a_plural_of_a_role_or_a_group_noun() -> None:
    people = ["analysts", "unions", "fishermen", "chairmen", "volcanologists", "staff", "police"]
    assert all(is_people_noun(key) for key in people)
    # a single person, a thing in the plural, or a plural whose singular is no role
    assert not any(is_people_noun(key) for key in ["analyst", "fisherman", "prices", "plans", "amen", "omens"])
