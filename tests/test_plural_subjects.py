"""The plural subject a "they" with no group speaking before it means."""

from quotes.plural_subjects import plural_subject


def _subject(text: str) -> str | None:
    found = plural_subject(text, text.index("they"), 0)
    return found[1] if found else None


def test_subject_of_own_clause_before_its_verb():
    assert _subject("Most growers in the valley have warned they will stop") == "Most growers in the valley"


def test_clause_after_but():
    assert _subject("Sales fell, but dealers in Lund insisted they would recover") == "dealers in Lund"


def test_singular_head_is_no_group():
    assert _subject("The head of the dockworkers insisted they would strike") is None


def test_report_after_its_content_is_not_the_content_subject():
    assert _subject("Such measures, they believe, will fail") is None


def test_adverbial_opening_has_no_subject():
    assert _subject("In most cities, they said the rents had doubled") is None


def test_any_preposition_opens_an_adverbial_not_a_subject():
    # ("under", "through": prepositions outside the old list of eight)
    for text in ("Under the new quotas, trawlermen say they cannot sail",
                 "Through the dry months herders said they moved north"):
        assert not (_subject(text) or "").startswith(("Under", "Through"))
