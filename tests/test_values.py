"""The small values rules build by the thousand (mentions, cues, attributions, reports,
resolutions, turns) are plain dataclasses for speed, not frozen ones: they must still
compare and hash by their fields, as the rules keep them in sets and caches."""

from dataclasses import replace

import pytest

from quotes.cue_words import Cue
from quotes.cues import Attribution
from quotes.entities import Turn
from quotes.names import Mention
from quotes.report_content import Report
from quotes.resolve import Resolved


def _values() -> list[tuple[object, object]]:
    """Pairs of equal values built apart, one of each class."""
    def mention() -> Mention:
        return Mention(4, 15, "name", (4, 15), "Mayor")

    def cue() -> Cue:
        return Cue(16, 20, "say", bare=True)

    def attribution() -> Attribution:
        return Attribution(mention(), cue(), "speaker cue that, report", 0.85)

    def report() -> Report:
        return Report(((21, 40),), attribution())

    def resolved() -> Resolved:
        return Resolved("Orla Venn", "Mayor", "name", "named here")

    def turn() -> Turn:
        return Turn("Orla Venn", "Mayor", 16, 40, 2, mention())

    return [(make(), make()) for make in (mention, cue, attribution, report, resolved, turn)]


@pytest.mark.parametrize(("one", "same"), _values(), ids=lambda v: type(v).__name__)
def test_values_compare_and_hash_by_their_fields(one: object, same: object) -> None:
    assert one is not same and one == same and hash(one) == hash(same)
    assert len({one, same}) == 1


def test_replace_gives_a_new_value_and_leaves_the_old_one() -> None:
    mention = Mention(4, 15, "name", (4, 15))
    wider = replace(mention, end=20)
    assert (mention.end, wider.end) == (15, 20) and mention != wider and hash(mention) != hash(wider)
