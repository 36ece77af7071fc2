"""Each record says whether its cue reports speech or a stance (from the verb lexicon)."""

from __future__ import annotations

import pytest

from quotes import SCHEMA_VERSION, Quote, extract


@pytest.mark.parametrize(("sentence", "act"), [
    ("Ana Mora said the plan failed.", "speech"),
    ("Ana Mora wrote that the plan failed.", "speech"),
    ("According to Ana Mora, the plan failed.", "speech"),
    ("Ana Mora believes the plan will work.", "stance"),
    ("Ana Mora hopes the plan will work.", "stance"),
    ("Ana Mora wants a recount of the votes.", "stance"),
    ("The auditors found that the plan failed.", "stance"),
])
def test_the_cue_says_speech_or_stance(sentence: str, act: str) -> None:
    (quote,) = extract(sentence)
    assert quote.act == act


def test_a_quote_without_a_cue_has_no_act() -> None:
    quotes = extract("“We are ready,” Ana Mora said.\n\n“The vote is next week and we will win it.”")
    assert [q.act for q in quotes] == ["speech", None]


def test_the_act_is_in_the_versioned_schema() -> None:
    schema = Quote.model_json_schema()
    assert "act" in schema["properties"]
    assert SCHEMA_VERSION == "1.2"
