"""Invisible characters count as nothing when matching; offsets stay in the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes import extract
from quotes.invisible import without_invisible

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
TEXT = ("Councillor Ana Mora said she would run again. "
        "“We are ready for the vote,” Mora told reporters on Monday.")


def _plain(text: str) -> str:
    return "".join(ch for ch in text if ch not in INVISIBLE)


def test_a_zero_width_space_after_a_name_does_not_hide_the_report() -> None:
    text = "Ana Mora\u200b said he would run again."
    (quote,) = extract(text)
    assert quote.speaker == "Ana Mora"
    assert text[quote.start:quote.end] == quote.text == "he would run again"


@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.sampled_from(INVISIBLE)), max_size=12))
def test_invisible_characters_anywhere_change_nothing_but_offsets(inserts: list[tuple[int, str]]) -> None:
    text = TEXT
    for pos, char in sorted(inserts, reverse=True):
        text = text[:pos] + char + text[pos:]
    plain = [(q.kind, _plain(q.text), q.speaker) for q in extract(TEXT)]
    quotes = extract(text)
    assert [(q.kind, _plain(q.text), q.speaker) for q in quotes] == plain
    for quote in quotes:
        assert text[quote.start:quote.end] == quote.text
        assert quote.text[:1] not in INVISIBLE and quote.text[-1:] not in INVISIBLE
        for span in (quote.speaker_mention, quote.cue):
            assert span is None or text[span.start:span.end] == span.text


def test_offsets_map_back_past_every_removed_character() -> None:
    text = "ab\u200bc\u200b\u200bde\u00ad"
    visible = without_invisible(text)
    assert visible is not None and visible.text == "abcde"
    assert [text[visible.start(i)] for i in range(5)] == list("abcde")
    assert text[visible.start(2):visible.end(4)] == "c\u200b\u200bd"
    assert without_invisible("nothing hidden") is None
