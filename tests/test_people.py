"""The people model: who the article introduces, their gender, who a pronoun means."""

from __future__ import annotations

from quotes import extract
from quotes.layout import Layout
from quotes.model import Article
from quotes.names import Mention
from quotes.people import People


def _people(text: str) -> People:
    layout = Layout(Article(id="a", text=text))
    return People(text, (0, len(text)), [q.outer for q in layout.quotes], layout.asides())


def _entity(people: People, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in people.entities if e.name == name)


def test_a_surname_alone_shows_a_person_a_place_never_gets_one() -> None:
    people = _people("Oren Tally opened the plant in Lake Ormond today. Tally said it would stay.")
    assert _entity(people, "Oren Tally").evident
    assert not _entity(people, "Lake Ormond").evident


def test_the_article_shows_a_gender_only_through_a_subject_pronoun() -> None:
    people = _people("Oren Tally left early, and he did not return. "
                     "Corin Sato remembers him saying he would.")
    assert _entity(people, "Oren Tally").gender == "m"
    assert _entity(people, "Corin Sato").gender is None  # ("him … he": someone else)


def test_an_unsure_pronoun_says_what_competed_and_loses_confidence() -> None:
    sure, = extract("Nurse Ana Brook spoke on Monday.\n\n“The lists are shorter,” she said.")
    unsure, = extract("Nurse Ana Brook spoke after Doctor Lee Dorn left.\n\n"
                      "“The lists are shorter,” she said.")
    assert "unsure" not in sure.explanation
    assert "unsure: Ana Brook" in unsure.explanation
    assert unsure.confidence < sure.confidence


def test_a_name_nothing_shows_to_be_a_person_is_taken_only_when_no_other_is() -> None:
    quote, = extract("Lee Dorn walked in.\n\n“The lists are shorter,” she said.")
    assert quote.speaker == "Lee Dorn"
    assert "nothing else in the article shows it is a person" in quote.explanation


def test_someone_introduced_after_a_statement_interrupts_the_speaker() -> None:
    people = _people("“Done,” said Ruth Ames. Nurse Olek Brandt watched. Lake Ormond froze.")
    start = people.text.index("Nurse") - 1
    assert people.introduced(start, len(people.text), "Ruth Ames").name == "Olek Brandt"
    assert people.introduced(0, start, "Ruth Ames") is None
    # A name nothing shows to be a person's interrupts nobody.
    assert people.introduced(people.text.index("Lake") - 1, len(people.text), "Ruth Ames") is None


def test_a_sentence_end_cuts_a_run_of_capitalised_words() -> None:
    people = _people("The deal went to Tarrow Shipping. Tarrow said so. Gen. Ana Ruiz of the U.S. Army agreed.")
    names = {e.name for e in people.entities}
    assert {"Tarrow Shipping", "Ana Ruiz", "U.S. Army"} <= names
    assert _entity(people, "Tarrow Shipping").positions == [17, 34]  # "Tarrow": its short form
    assert not _entity(people, "Tarrow Shipping").person


def test_a_body_head_word_alone_is_no_name() -> None:
    people = _people("The City of Arlow met. The line ends at Marsh City. City staff cleared the roads.")
    assert _entity(people, "Marsh City").positions == [40]  # (not "City | of Arlow", "City staff")
    assert "City" not in {e.name for e in people.entities}


def test_a_body_speaking_under_its_name_is_no_person_but_a_given_name_opens_one() -> None:
    people = _people("Ashby Homes said so. Anna Hartley Brown, a spokeswoman, agreed.")
    for name in ("Ashby Homes", "Anna Hartley Brown"):
        entity = _entity(people, name)
        people.named(Mention(entity.named_at, entity.named_at + len(name), "name",
                             (entity.named_at, entity.named_at + len(name))), (entity.named_at, entity.named_at + len(name)))
    assert not _entity(people, "Ashby Homes").person
    assert _entity(people, "Anna Hartley Brown").person
