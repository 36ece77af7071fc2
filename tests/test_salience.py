"""Salience: a name in a sentence whose subject is a pronoun is not who the next pronoun means."""

from __future__ import annotations

import pytest

from quotes.salience import after_pronoun_subject


@pytest.mark.parametrize("opening", ["He", "She", "They", "“They"])
def test_a_sentence_opened_by_a_pronoun(opening: str) -> None:
    text = f"The vote was close. {opening} said the mill, run by Ana Ruiz, would close."
    assert after_pronoun_subject(text, text.index("Ana"))


@pytest.mark.parametrize("text", [
    "The vote was close. The mayor said the mill, run by Ana Ruiz, would close.",
    "He left early. The mayor said the mill, run by Ana Ruiz, would close.",  # (the sentence before)
    "The vote was close. Theo said the mill, run by Ana Ruiz, would close.",  # (no pronoun: a name)
    "the mill, run by Ana Ruiz",  # (no sentence end before it)
])
def test_a_sentence_not_opened_by_a_pronoun(text: str) -> None:
    assert not after_pronoun_subject(text, text.index("Ana"))
