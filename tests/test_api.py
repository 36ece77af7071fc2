"""The Python API refuses what it cannot give exact records for (issue 16, item 17)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quotes import Article, extract

TEXT = "Intro. “We will win the vote,” Mira Holt said."


def test_bytes_are_refused_not_guessed_at() -> None:
    with pytest.raises(TypeError, match="decode bytes first"):
        extract(TEXT.encode())  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Article(id="a", text=TEXT.encode())  # type: ignore[arg-type]


def test_a_lone_surrogate_is_refused_so_every_record_serialises() -> None:
    with pytest.raises(ValidationError, match="lone surrogate \\\\ud800 at character 3"):
        extract("“We\ud800 will win,” Mira Holt said.")
    for quote in extract(TEXT):
        quote.model_dump_json()


@pytest.mark.parametrize("given, kept", [
    ("2021-06-06", "2021-06-06"),
    ("2021-06-06 07:29:00", "2021-06-06T07:29"),
    ("2021-06-06T07:29:30+02:00", "2021-06-06T07:29:30+02:00"),
])
def test_dates_are_normalised_as_the_cli_does(given: str, kept: str) -> None:
    assert {q.date for q in extract(TEXT, date=given)} == {kept}


def test_a_date_that_is_no_date_is_refused() -> None:
    with pytest.raises(ValidationError, match="'yesterday' is not an ISO 8601 date"):
        extract(TEXT, date="yesterday")


def test_body_start_beyond_the_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="beyond the text"):
        Article(id="a", text=TEXT, body_start=len(TEXT) + 1)
    assert extract(Article(id="a", text=TEXT, body_start=len(TEXT))) == []


def test_body_start_inside_a_quotation_gives_no_dangling_mark() -> None:
    inside = TEXT.index("We")  # just after the opening mark, which is left out of the body
    found = extract(Article(id="a", text=TEXT, body_start=inside))
    assert found and all("”" not in q.text for q in found)
    assert all(TEXT[q.start:q.end] == q.text and q.start >= inside for q in found)
