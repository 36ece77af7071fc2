"""Organisation names read as one speaker (quotes.organisations), and the near-misses
that must stay what they are."""

from __future__ import annotations

import pytest

from quotes import extract
from quotes.after_cue import mention_after
from quotes.organisations import named_body
from quotes.speakers import mention_before


def _after(text: str) -> str:
    found = mention_after(text, 0, len(text))
    assert found is not None
    return text[found.start:found.end]


def _before(text: str) -> str:
    found = mention_before(text, 0, text.rindex(" said"))
    assert found is not None
    return text[found.start:found.end]


@pytest.mark.parametrize(("text", "mention"), [
    ("the Office of the Ombudsman, the", "the Office of the Ombudsman"),
    ("the Bureau of Mines and Geology.", "the Bureau of Mines and Geology"),
    ("the Board of Health on Monday.", "the Board of Health"),  # (a date ends the name)
    ("Fundación Vida y Agua, the", "Fundación Vida y Agua"),
])
def test_body_with_of_phrase_read_forwards(text: str, mention: str) -> None:
    assert _after(text) == mention


@pytest.mark.parametrize(("text", "mention"), [
    # two bodies, not one: "and" joins only inside an "of" phrase
    ("the Daily Courier and the Evening Ledger said", "the Daily Courier"),
    # a person's show: the word before "on" is no organisation word
    ("Marco on the Road said", "Marco"),
    # a person with the body in her role
    ("the Board of Health Deputy Director Lena Rask said", "the Board of Health Deputy Director Lena Rask"),
    # a possessive: the body is the person's role
    ("the Board of Health's director Lena Rask said", "the Board of Health's director Lena Rask"),
])
def test_near_misses_read_forwards(text: str, mention: str) -> None:
    assert _after(text.removesuffix(" said")) == mention


@pytest.mark.parametrize(("text", "mention"), [
    ("Observatório da Floresta said", "Observatório da Floresta"),
    ("Partido de los Trabajadores said", "Partido de los Trabajadores"),
    ("Joana da Costa said", "Joana da Costa"),  # (no organisation word: a person)
    ("Deputy Minister of Transport Lena Rask said", "Deputy Minister of Transport Lena Rask"),
])
def test_foreign_particles_read_backwards(text: str, mention: str) -> None:
    assert _before(text) == mention


@pytest.mark.parametrize(("text", "mention"), [
    ("The Ministry of Foreign Trade of Veldonia said", "Ministry of Foreign Trade of Veldonia"),
    ("the Bureau of Mines and Geology said", "Bureau of Mines and Geology"),
    # near-misses: two bodies, and a person after a body, are not one name
    ("the Port Authority and the Ministry of Transport said", "Ministry of Transport"),
    ("Greta Moll of the Academy of Arts and Professor Ivo Lind said", "Ivo Lind"),
])
def test_of_phrase_of_common_nouns_read_backwards(text: str, mention: str) -> None:
    found = mention_before(text, 0, text.rindex(" said"))
    assert found is not None and found.name is not None
    assert text[found.name[0]:found.name[1]] == mention


@pytest.mark.parametrize(("said", "name"), [
    ("the governing Civic Harbour party", "Civic Harbour party"),
    ("the French ministry", None),
    ("the head of the Velmoran ministry", None),
    ("the head of the Carrow Valley board", None),
])
def test_a_body_named_in_a_description_not_a_demonym_or_one_who_leads_it(said: str, name: str | None) -> None:
    assert named_body(said) == name


@pytest.mark.parametrize(("subject", "speaker"), [
    ("The race director, the federation's technical delegate Ines Wahlberg,", "Ines Wahlberg"),
    ("The head of the inquiry, the county's chief constable Mara Quill,", "Mara Quill"),
    ("The winner, the club's youngest champion,", "winner"),
])
def test_an_apposition_names_a_person_after_a_possessive_and_a_role(subject: str, speaker: str) -> None:
    (quote,) = extract(f"{subject} said the course had been safe.")
    assert quote.speaker == speaker
