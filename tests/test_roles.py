"""Roles: an apposition after a speaker's name is a role only when it describes the person."""

from __future__ import annotations

from quotes import extract
from quotes.model import Article
from quotes.roles import role_words


def _records(text: str) -> list:
    return extract(Article(id="roles", text=text, body_start=0))


def test_like_phrase_is_not_a_role() -> None:
    """“…,” said Name, like many Democrats before him: "like …" is a comparison, not a role."""
    text = ("“The tax cut is a gift to the wealthy,” said Hollis Graves, "
            "like many Democrats before him. The bill passed the House last month.")
    records = _records(text)
    assert len(records) == 1, records
    quote = records[0]
    assert quote.text == "The tax cut is a gift to the wealthy"
    assert quote.speaker == "Hollis Graves"
    assert quote.speaker_role is None or not quote.speaker_role.casefold().startswith("like"), \
        quote.speaker_role


def test_of_course_is_not_a_role() -> None:
    """“…,” said Name, of course, …: "of course" is an aside, not a role."""
    text = ("“Nobody reads the fine print,” said Hollis Graves, of course, "
            "before voting for the bill anyway.")
    records = _records(text)
    assert records and records[0].speaker == "Hollis Graves", records
    role = records[0].speaker_role
    assert role is None or not role.casefold().startswith("of course"), role


def test_real_apposition_is_kept_as_role() -> None:
    """A role after the name is still read as one ("…, said Name, a senator from Ohio")."""
    text = "“The tax cut is a gift to the wealthy,” said Hollis Graves, a senator from Ohio."
    records = _records(text)
    assert records and records[0].speaker == "Hollis Graves", records
    assert records[0].speaker_role is not None and "senator" in records[0].speaker_role, \
        records[0].speaker_role


def test_role_may_start_with_an_article() -> None:
    """“…,” said Name, an ecologist at …: a role opening with "an" is kept as the role."""
    text = "“The river has never been cleaner,” said Marta Quill, an ecologist at Ashford University."
    records = _records(text)
    assert len(records) == 1, records
    assert records[0].speaker == "Marta Quill", records
    role = records[0].speaker_role
    assert role is not None and "ecologist" in role, role


def test_contraction_is_not_part_of_a_role() -> None:
    text = ("The budget left the library without funds. That’s why Mayor Celia Fonte vetoed it "
            "on Friday. “The library is not a luxury,” she said.")
    [quote] = extract(text)
    assert quote.speaker_role == "Mayor"


def test_role_speaker_keeps_no_full_stop() -> None:
    [quote] = extract("“We will keep the bridge closed,” said the mayor.")
    assert quote.speaker == "mayor"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the mayor"


def test_rank_without_periods_is_the_role() -> None:
    """British ranks have no periods: "Det Supt Amy Cole" is Amy Cole, in the role "Det Supt"."""
    records = _records("Det Supt Amy Cole said the fire was started deliberately.")
    assert [(q.speaker, q.speaker_role) for q in records] == [("Amy Cole", "Det Supt")]


def test_long_office_before_name_is_the_role() -> None:
    """Translated news: "the Minister of Agriculture of Veskaria Tamara Oleynik said" gives
    the person as speaker and the whole office, place included, as the role."""
    text = ("The grain harvest will be a fifth smaller this year, the Minister of Agriculture "
            "of Veskaria Tamara Oleynik said on Monday.")
    records = _records(text)
    assert [(r.speaker, r.speaker_role) for r in records] == [
        ("Tamara Oleynik", "Minister of Agriculture of Veskaria")], records


def test_content_after_a_source_is_not_its_role() -> None:
    """"According to Oleynik, grain exports will grow by a fifth.": the clause after the
    comma is what was said, never the speaker's role."""
    text = ("Tamara Oleynik led the delegation. According to Oleynik, grain exports will "
            "grow by a fifth this year.")
    records = _records(text)
    assert [(r.speaker, r.speaker_role) for r in records] == [("Tamara Oleynik", None)], records


def test_role_before_a_courtesy_titled_name() -> None:
    """An office in apposition before a name ("…, Hon. Ama Osei,", "…, Sir Ivo Marr,") is
    that person's role, opened by an article, a possessive or a capital, or after a
    lower-case word; a partitive ("one of his firms, Vale Foods,"), a clause ("a vote that
    the Premier, …") or an abbreviated title's period ("Mr. Lund's 2019 campaign, …") is not.
    The apposition starts where its courtesy title does."""
    assert _role("said the Minister of Water of the Republic of Orvo, ") == (
        "Minister of Water of the Republic of Orvo")
    assert _role("Exports rose. Meanwhile, Minister of Trade and Industry, ") == (
        "Minister of Trade and Industry")
    assert _role("Orvo’s ambassador to Lusk, ") == "ambassador to Lusk"
    assert _role("He lost a vote that the Premier, ") == "Premier"
    assert _role("In 2001 he sold one of his firms, ") is None
    assert _role("During Mr. Lund's 2019 campaign, ") is None


def test_role_before_a_name_with_listed_portfolio_or_acronym() -> None:
    """The office in apposition may list its portfolio with commas that "and" closes, or
    hold a body's acronym in brackets; it opens at its article, not at words before it. A
    comma that joins two phrases ("In Orvo, …", "…, Chairman of …") ends the office."""
    assert _role("announced in Lusk on Monday the Minister of Mines, Energy and Water Supply, ") == (
        "Minister of Mines, Energy and Water Supply")
    assert _role("This was stated by the Minister of Culture, Youth and Sport of the Republic of Orvo, ") == (
        "Minister of Culture, Youth and Sport of the Republic of Orvo")
    assert _role("exports fell, the head of the Orvo Tea Board (OTB), ") == "head of the Orvo Tea Board (OTB)"
    assert _role("In Orvo, Minister of Trade, ") == "Minister of Trade"
    assert _role("said the Vice-President of Orvo, Chairman of the Flood Commission, ") == (
        "Chairman of the Flood Commission")
    assert _role("He thanked Ana Lee, Tom Ruiz and Ivo Marr, ") is None


def _role(before: str) -> str | None:
    """The role `role_before_name` reads in `before`, followed by a courtesy-titled name."""
    from quotes.appositions import role_before_name

    return role_before_name(before + "Hon. Ama Osei", len(before), 0)


def test_a_role_reads_a_bodys_acronym_in_brackets_as_a_word() -> None:
    assert "norfish" in role_words("president of the Northern Fisheries Cooperative (NORFISH),")
