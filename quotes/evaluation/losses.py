"""Where the strict measure loses its gold quotes: each gold quote that is not
strictly right is counted once, under the first thing that went wrong.

The classes tell a rule writer where to look without reading any article:
a quote not found, found with the wrong kind, given the wrong speaker, or given
the right speaker under a name that is not exactly the gold one (words the
name should not hold, such as a title or role; words it lacks, such as a
body's full name or one of two speakers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotes.evaluate import Evaluation, Pair

# In the order a quote is checked; the last three split "the right speaker, not its exact name".
CLASSES = ("not_found", "wrong_kind", "wrong_speaker",
           "name_extra_words", "name_missing_words", "name_other_words")


def strict_losses(ev: Evaluation) -> dict[str, int]:
    """How many gold quotes each class cost the strict measure."""
    counts = dict.fromkeys(CLASSES, 0)
    counts["not_found"] = len(ev.missed)
    for pair in ev.pairs:
        if not pair.strict:
            counts[_class(pair)] += 1
    return counts


def _class(pair: Pair) -> str:
    from quotes.evaluate import exact_name  # (the scorer imports this module)

    if pair.gold.kind != pair.pred.kind:
        return "wrong_kind"
    if not pair.attributed:
        return "wrong_speaker"
    gold = set(exact_name(pair.gold.speaker).split())
    said = set(exact_name(pair.pred.speaker).split())
    if said > gold:
        return "name_extra_words"  # ("Det Supt Amy Cole" for "Amy Cole")
    if said < gold:
        return "name_missing_words"  # ("Rail" for "Network Rail", "Ana Roos" for "Ana Roos and Ivo Marr")
    return "name_other_words"
