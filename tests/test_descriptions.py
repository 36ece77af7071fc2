"""Descriptions that stand for a person or body the article named (quotes.descriptions)."""

from __future__ import annotations

import pytest

from quotes import extract, role_kin
from quotes.descriptions import parse


def _only(text: str, words: str):  # type: ignore[no-untyped-def]
    return next(q for q in extract(text) if q.text == words)


@pytest.mark.parametrize(("said", "head", "complement", "age"), [
    ("the rookie defenceman", "defenceman", None, None),
    ("the head of the National Bank", "head", "the National Bank", None),
    ("The 24-year-old left wing", "wing", None, "24"),
    ("the 19-year-old", "19-year-old", None, "19"),
])
def test_a_definite_description_is_read_for_its_head_noun(said: str, head: str, complement: str | None,
                                                           age: str | None) -> None:
    description = parse(said)
    assert description is not None
    assert (description.head, description.complement, description.age) == (head, complement, age)


@pytest.mark.parametrize("said", ["a senior official", "the officials", "the mayor and the minister",
                                  "Ann Roy", "the"])
def test_indefinite_plural_or_coordinated_phrases_are_no_description(said: str) -> None:
    assert parse(said) is None


def test_two_bodies_of_the_kind_leave_the_description_and_say_which_competed() -> None:
    quote = _only("The Water Agency said the dam was safe. The Parks Agency said the trails "
                  "would stay closed. “We will review it,” the agency said.", "We will review it")
    assert quote.speaker == "agency"
    assert "Water Agency" in quote.explanation and "Parks Agency" in quote.explanation


def test_a_weaker_rival_lowers_confidence_and_is_named() -> None:
    sure = _only("The Oilers lost again. Lina Varo scored twice.\n\n"
                 "“It was a good night,” the rookie winger said.", "It was a good night")
    unsure = _only("The Oilers lost again. Ada Moss scored once and Lina Varo scored twice.\n\n"
                   "“It was a good night,” the rookie winger said.", "It was a good night")
    assert sure.speaker == unsure.speaker == "Lina Varo"
    assert "unsure: Ada Moss" in unsure.explanation
    assert unsure.confidence < sure.confidence


def test_a_fallback_is_less_sure_than_a_description_the_article_gave() -> None:
    typed = _only("Rookie winger Lina Varo scored twice. “It was a good night,” the winger said.",
                  "It was a good night")
    fallback = _only("Lina Varo scored twice. “It was a good night,” the winger said.",
                     "It was a good night")
    assert typed.speaker == fallback.speaker == "Lina Varo"
    assert "last person named" in fallback.explanation and "last person" not in typed.explanation
    assert fallback.confidence < typed.confidence


def test_the_record_keeps_the_description_as_its_mention() -> None:
    quote = _only("Hydro Norte said crews were out. “Power is back in most towns,” the utility said.",
                  "Power is back in most towns")
    assert quote.speaker == "Hydro Norte"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the utility"


def test_the_last_document_named_wins_and_an_earlier_one_lowers_confidence() -> None:
    alone = _only("Later, the Roads Office released a report on bridges.\n\n"
                  "“Half of them need repairs,” the report said.", "Half of them need repairs")
    both = _only("A study by the Audit Office found waste in the ministry. Later, the Roads Office "
                 "released a report on bridges.\n\n“Half of them need repairs,” the report said.",
                 "Half of them need repairs")
    assert alone.speaker == both.speaker == "Roads Office"
    assert "unsure: Audit Office" in both.explanation
    assert both.confidence < alone.confidence


def test_a_phrase_ending_with_a_name_is_read_but_not_past_a_spokesman() -> None:
    owner = _only("The owner of the Hollin brewery, Tom Reval, opened a bar. “We sold out,” the brewer said.",
                  "We sold out")
    # (the apposition before the name is read as his role, "owner of the Hollin brewery")
    assert owner.speaker == "Tom Reval" and "owner of the Hollin brewery" in owner.explanation
    spokesman = _only("A spokesman for the Hollin brewery, Tom Reval, opened a bar. “We sold out,” the brewer "
                      "said.", "We sold out")
    assert "phrase the name ends" not in spokesman.explanation


@pytest.mark.parametrize(("words", "role", "fits"), [
    ("Qasreeni minister", "Minister of Foreign Affairs of the Kingdom of Qasreen", True),
    ("Ardalian diplomat", "Minister of Foreign Affairs of the Republic of Ardalia", True),
    ("diplomat", "Minister of Finance of Ardalia", False),
    ("visiting general", "Chief of Defence of the Armed Forces Lieutenant General", True),
    ("executive", "former Brightwire vice president of regional sales", False),
    ("former president", "President", False),
    ("Democratic nominee", "Republican nominee", False),
    ("sergeant", "Sgt", True),
    ("detective sergeant", "Det Sgt", True),
    ("inspector", "Sgt", False),
    ("senator", "Vermont Sen.", True),
    ("Spanish minister", "Minister of Transport of Spain", True),
    ("Spanish minister", "Minister of Transport of Portugal", False),
    ("Uzbek minister", "Minister of Transport of Uzbekistan", True),
    ("Kazakh minister", "Minister of Energy of Kazakhstan", True),
    ("official", "Vice Minister of Coastal Resources", True),
    ("official", "Election lawyer", False),
    ("provincial official", "Vice Chairman of the People's Committee of Tarn province", True),
    ("Velmoran leader", "President of Velmora", True),
    ("Union Leader", "president of the Teachers' Union", False),
    ("expert", "Former Director of the Grid Agency and energy expert", True),
    ("activist", "founder of the Clean Rivers movement", True),
])
def test_a_description_fits_a_role_by_paired_nouns_titles_and_demonyms(words: str, role: str,
                                                                        fits: bool) -> None:
    assert bool(role_kin.fit(words, role)) is fits


def test_a_bare_one_as_speaker_is_read_without_failing() -> None:
    """"One said …": a speaker of one word, "One", has no noun to be named by later."""
    quote = _only("Two traders were at the market on Monday. “It was a mess,” One said. "
                  "The trader, Ilse Varga, left at noon.", "It was a mess")
    assert quote.speaker != "Ilse Varga"


def test_one_set_apart_is_named_only_by_its_noun_in_apposition() -> None:
    text = ("Crews say the depot is failing, with one veteran driver calling it ‘a scrapyard’. "
            "The driver, Mr Omar Haddou, has worked there for 30 years.")
    quote = _only(text, "a scrapyard")
    assert quote.speaker == "Omar Haddou"
    assert _only(text.replace("The driver, Mr", "His colleague, Mr"), "a scrapyard").speaker == (
        "one veteran driver")


def test_an_office_after_the_name_is_given_capitalised_or_not_but_a_short_title_opens_the_next_name() -> None:
    """"NAME, Deputy Commander of …." and "NAME, president of …," give NAME the office; in
    "…, Dr. Mika Sorel" the period is the title's own and the name before the comma no rival."""
    closing = _only("KORVA (TNA) - The bridge will reopen in May. This was stated by Colonel Ilse Varga, "
                    "Deputy Commander of the River Guard.\n\n“The repairs are finished,” the Deputy "
                    "Commander said.", "The repairs are finished")
    lower = _only("Ivo Marr, president of the Harbour Union, met the buyers.\n\n“The price is fair,” "
                  "the president said.", "The price is fair")
    for quote, name, noun in ((closing, "Ilse Varga", "commander"), (lower, "Ivo Marr", "president")):
        assert quote.speaker == name
        assert f'gives {name} the office "{noun}" after the name' in quote.explanation
    titled = _only("Port talks ended on Monday. The minutes went to Tomas Brenner, Dr. Mika Sorel told "
                   "reporters.\n\n“We are ready for the season,” the doctor said.", "We are ready for the season")
    assert titled.speaker == "Mika Sorel" and "Tomas Brenner" not in titled.explanation
