"""The seed behaviours of issue 2, one named test each.

The complete annotation of both seeds lives in `fixtures/seeds/` and is
checked by `test_fixtures.py`; these tests name the behaviours the issue
singles out, so a regression says which one broke.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quotes import extract
from quotes.model import Article, Quote
from quotes.read import Sourced, read_text_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BELARUS = "000_53e420b5fc12cae6"   # Stoltenberg on Belarus, Putin at SPIEF
WAGNER = "004_a4485e44fb246978"    # Stoltenberg, Rutte and Nauseda on Wagner


@cache
def seed(article_id: str) -> tuple[Article, tuple[Quote, ...]]:
    """The seed article as read, and its records."""
    entries = [e for e in read_text_file(SEEDS / f"{article_id}.txt") if isinstance(e, Sourced)]
    assert len(entries) == 1
    article = entries[0].article
    return article, tuple(extract(article))


def span(article_id: str, words: str) -> tuple[int, int]:
    """Offsets of `words`, which must occur exactly once in the seed."""
    text = seed(article_id)[0].text
    assert text.count(words) == 1, f"{words!r} occurs {text.count(words)} times"
    start = text.index(words)
    return start, start + len(words)


def record(article_id: str, words: str) -> Quote:
    """The one record whose span is exactly `words`; fails listing the records if none."""
    start, end = span(article_id, words)
    found = [q for q in seed(article_id)[1] if (q.start, q.end) == (start, end)]
    assert found, f"no record spans {words[:60]!r}…; records: " + "; ".join(
        f"[{q.start}:{q.end}] {q.kind} {q.speaker!r} {q.text[:40]!r}" for q in seed(article_id)[1])
    assert len(found) == 1
    return found[0]


# --- 000_53e420b5fc12cae6 -----------------------------------------------------

def test_four_sentence_quote_with_space_before_closing_mark_is_stoltenberg_direct() -> None:
    q = record(BELARUS, "NATO is a defensive alliance. I don’t want to speculate too much. But we are "
               "vigilant and very closely follow what is happening in Belarus. Of course, we are ready, "
               "if necessary, to defend and defend each ally from any threat emanating from Minsk and Moscow")
    assert (q.kind, q.speaker) == ("direct", "Jens Stoltenberg")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Stoltenberg"


def test_seriously_concerned_after_he_stressed_is_mixed_by_stoltenberg() -> None:
    q = record(BELARUS, "that NATO member states are “seriously concerned” about closer cooperation "
               "between Russia and Belarus in recent months")
    assert (q.kind, q.speaker, q.resolution) == ("mixed", "Jens Stoltenberg", "pronoun")


def test_according_to_the_nato_secretary_general_is_stoltenberg() -> None:
    q = record(BELARUS, "the alliance adheres to the principle of “containment and dialogue” with regard to Russia")
    assert (q.kind, q.speaker, q.resolution) == ("mixed", "Jens Stoltenberg", "role")


def test_putin_said_that_is_indirect_by_putin() -> None:
    q = record(BELARUS, "that NATO is in danger if its leaders make such statements that Russian special services "
               "were involved in the incident with the Ryanair plane landing in Minsk")
    assert (q.kind, q.speaker) == ("indirect", "Vladimir Putin")


def test_he_stressed_after_putin_is_indirect_by_putin() -> None:
    q = record(BELARUS, "that the Russian special services were not involved in this incident")
    assert (q.kind, q.speaker, q.resolution) == ("indirect", "Vladimir Putin", "pronoun")


def test_belavia_is_not_a_quote() -> None:
    start, end = span(BELARUS, "Belavia")
    assert not [q for q in seed(BELARUS)[1] if q.kind == "direct" and q.start <= start and end <= q.end]


# --- 004_a4485e44fb246978 -----------------------------------------------------

def test_this_was_stated_by_the_secretary_general_is_stoltenberg() -> None:
    q = record(WAGNER, "NATO is ready to defend itself against any threat coming from “Moscow or Minsk”")
    assert (q.kind, q.speaker) == ("mixed", "Jens Stoltenberg")


def test_moscow_or_minsk_fragment_is_not_a_quote_of_its_own() -> None:
    assert not [q for q in seed(WAGNER)[1] if q.text == "Moscow or Minsk"]


def test_who_dined_with_rutte_said_that_is_stoltenberg_not_rutte() -> None:
    q = record(WAGNER, "that NATO at the next summit scheduled for mid-July in Vilnius will agree to strengthen "
               "defenses to protect all its members, in particular those bordering Belarus")
    assert (q.kind, q.speaker) == ("indirect", "Jens Stoltenberg")


def test_quote_without_cue_continues_stoltenberg() -> None:
    q = record(WAGNER, "What is absolutely clear is that we have sent a clear message to Moscow and Minsk that "
               "NATO is there to protect every ally and every inch of NATO territory. So there is no room for "
               "misunderstandings in Moscow or Minsk about our ability to defend allies against any potential "
               "threat, and that is regardless of what you think about the movement of the Wagner forces")
    assert (q.kind, q.speaker, q.resolution) == ("direct", "Jens Stoltenberg", "continuation")


def test_he_at_news_conference_is_nauseda() -> None:
    q = record(WAGNER, "If Wagner deploys his serial killers in Belarus, all neighboring countries face an "
               "even greater danger of instability")
    assert (q.kind, q.speaker, q.resolution) == ("direct", "Gitanas Nauseda", "pronoun")


def test_colon_quote_after_host_of_dinner_is_rutte_not_putin() -> None:
    q = record(WAGNER, "I refute what Putin suggested yesterday that we in the West want Russia to descend into "
               "internal chaos. On the contrary, instability in Russia creates instability in Europe")
    assert (q.kind, q.speaker) == ("direct", "Mark Rutte")


def test_belarus_announced_that_is_indirect_by_belarus_across_wagners_apostrophe() -> None:
    q = record(WAGNER, "that it will welcome Wagner’s boss, Yevgeny Prigozhin")
    assert (q.kind, q.speaker) == ("indirect", "Belarus")


# --- both ---------------------------------------------------------------------

@pytest.mark.parametrize(("article_id", "surnames"), [
    (BELARUS, {"Stoltenberg", "Putin"}),
    (WAGNER, {"Stoltenberg", "Rutte", "Nauseda"}),  # Putin is never given a first name here
])
def test_every_speaker_is_a_full_name(article_id: str, surnames: set[str]) -> None:
    assert not [q.speaker for q in seed(article_id)[1] if q.speaker in surnames]


def test_seed_dates_and_titles_are_read() -> None:
    belarus, wagner = seed(BELARUS)[0], seed(WAGNER)[0]
    assert belarus.date is not None and belarus.date.startswith("2021-06-06")
    assert belarus.title is None  # the header line runs straight into body text
    assert wagner.date is not None and wagner.date.startswith("2023-06-28")
    assert wagner.title == "Stoltenberg, NATO ready to defend itself against Moscow or Minsk"


def test_title_is_not_quoted() -> None:
    article, records = seed(WAGNER)
    assert all(q.start >= article.body_start for q in records)
