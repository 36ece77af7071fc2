"""How much work extraction does: linear in the input, none wasted.

Counted, not timed: the number of lines of Python extraction runs is
deterministic, so doubling an input must about double it. A rule that rescans
what it has scanned before (a quadratic pairing of quotation marks, say) shows
up here as a count that quadruples. Backtracking inside a regular expression is
not counted: the benchmark's timings cover it.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from quotes import extract, pipeline


def _mark_run(n: int) -> str:
    """Opening single marks, then doubled apostrophes: nothing closes the openers."""
    return "He said " + "‘" * n + "''" * n + " she said. "


def _mixed_runs(n: int) -> str:
    marks = ['"', "“", "”", "‘", "’", "''", "``", "«", "»", "„", "‹", "›", "'"]
    return "".join(m * n for m in marks) + " he said. "


def _unbalanced(n: int) -> str:
    return "He said “we will not ’90s don’t ” and ‘ then « she warned „ " * (n // 20)


def _paragraph(n: int) -> str:
    return ("“We are ready,” Council Chair Mira Holt said. She added that the board is "
            "“deeply concerned” about Dunmore. “It is fine,” she told reporters. ") * (n // 40)


def _no_spaces(n: int) -> str:
    return "“" + "Holtsaidthattheboardwasready" * (n // 10)


def _random(n: int) -> str:
    rng = random.Random(3)
    words = ["said", "she", "Holt", "“", "”", '"', "'", "’", ",", ".", "\n", "\n\n", "Ms.", "that"]
    return " ".join(rng.choice(words) for _ in range(n))


def _end_runs(n: int) -> str:
    """Runs of sentence ends with no sentence start after them (issue 16)."""
    return "Wow" + "!" * n + " he said so. " + "." * n + " …" * (n // 2) + " she said."


def _run_on_clauses(n: int) -> str:
    """One sentence of many cues, each opening a new clause after a comma (issue 16)."""
    return "Jane Doe, who said, " * (n // 4)


INPUTS: dict[str, Callable[[int], str]] = {
    "a run of openers no mark closes": _mark_run,
    "runs of every quotation mark": _mixed_runs,
    "unbalanced marks": _unbalanced,
    "one long paragraph": _paragraph,
    "no spaces": _no_spaces,
    "random words and marks": _random,
    "runs of sentence ends": _end_runs,
    "one run-on sentence of cues": _run_on_clauses,
}


def _steps(text: str) -> int:
    """How many lines of Python extracting `text` runs."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        extract(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("kind", INPUTS)
def test_doubling_the_input_about_doubles_the_work(kind: str) -> None:
    make = INPUTS[kind]
    small, large = _steps(make(1000)), _steps(make(2000))
    assert large <= 2.3 * small, f"{kind}: {small} steps, then {large} for twice the input"


def test_an_article_that_quotes_nobody_never_reads_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> None:
        raise AssertionError("names were read")

    monkeypatch.setattr(pipeline, "People", refuse)
    assert extract("Council Chair Mira Holt opened the new library in Dunmore on Monday.") == []
    with pytest.raises(AssertionError, match="names were read"):
        extract("“We are ready,” Council Chair Mira Holt said.")
