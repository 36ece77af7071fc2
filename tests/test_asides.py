"""Asides between a subject and its verb (quotes.asides): the subject, never a role."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize("aside", ["in turn", "for his part", "however", "meanwhile", "in response"])
def test_aside_is_no_role(aside: str) -> None:
    [quote] = quotes.extract(f"Tomas Lind, {aside}, said that the ferry would run again.")
    assert quote.speaker == "Tomas Lind"
    assert quote.speaker_role is None


def test_lookalike_aside_in_an_apposition_is_still_a_role() -> None:
    # "a turner" is an apposition, not the aside "in turn"
    [quote] = quotes.extract("Tomas Lind, a turner, said that the ferry would run again.")
    assert (quote.speaker, quote.speaker_role) == ("Tomas Lind", "turner")
