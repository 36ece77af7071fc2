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
from hypothesis import given
from hypothesis import strategies as st

from quotes import appositions, extract, names, office_subjects, organisations, pipeline, role_kin


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


class _Counted:
    """A stand-in that counts the calls it passes on to the function it replaces."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real, self.calls = real, 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return self.real(*args)


def test_names_without_an_organisation_word_are_never_read_back_as_bodies(
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = _Counted(organisations._capitalised_run)
    monkeypatch.setattr(organisations, "_capitalised_run", run)
    extract("“We are ready,” Tomas Brik told Ilse Varga on Monday. Varga agreed.")
    assert run.calls == 0
    extract("“We are ready,” Tomas Brik of the Kessel Harbour Authority said.")
    assert run.calls > 0  # (a body's head word: the run is read back)


def test_a_name_with_no_comma_before_it_is_never_searched_for_an_apposition(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Pattern:
        searched = 0

        def search(self, *args: Any) -> Any:
            Pattern.searched += 1
            return real.search(*args)

    real = appositions._ROLE_BEFORE_NAME
    monkeypatch.setattr(appositions, "_ROLE_BEFORE_NAME", Pattern())
    extract("“We are ready,” said Ilse Varga, who runs the yard.")
    assert Pattern.searched == 0
    found = extract("The head of the yard, Ilse Varga, said “we are ready”.")
    assert Pattern.searched > 0 and found[0].speaker_role == "head of the yard"


def test_plain_name_words_are_never_read_as_styles_of_address(monkeypatch: pytest.MonkeyPatch) -> None:
    styles = _Counted(names._address_styles)
    monkeypatch.setattr(names, "_address_styles", styles)
    extract("“We are ready,” Tomas Brik told Ilse Varga on Monday.")
    assert styles.calls == 0
    extract("“We are ready,” said Hon. Ilse Varga on Monday.")
    assert styles.calls > 0


def test_a_stretch_with_no_role_word_is_never_read_for_an_office_and_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _Counted(office_subjects.mention_before)
    monkeypatch.setattr(office_subjects, "mention_before", before)
    text = "After the vote in Kessel, Tomas Brik, Ilse Varga and Oren Lusk announced a recount."
    assert office_subjects.office_subject_before(text, 0, text.index(" announced")) is None
    assert before.calls == 0
    text = "In Kessel on Friday, the Deputy Minister of Ports, Ilse Varga, announced a recount."
    found = office_subjects.office_subject_before(text, 0, text.index(" announced"))
    assert before.calls > 0 and found is not None and found.role == "the Deputy Minister of Ports"


def test_an_office_is_read_once_per_span_whichever_reader_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    # ("…,” Oren Lusk, a former adviser …, said": the speaker-verb reader and the trailing
    # reader both read back from the cue for an office and a name; the second reuses the first)
    spans: list[tuple[int, int]] = []
    real = office_subjects._office_subject

    def counted(text: str, lo: int, hi: int) -> Any:
        spans.append((lo, hi))
        return real(text, lo, hi)

    monkeypatch.setattr(office_subjects, "_office_subject", counted)
    found = extract("“The yard must stay open,” Oren Lusk, a former port adviser to two prime ministers, "
                    "said on Monday.")
    assert found[0].speaker == "Oren Lusk" and spans and len(spans) == len(set(spans))


@given(st.text(alphabet="a ,«»“”", max_size=40))
def test_commas_outside_marks_are_found_with_or_without_marks_to_pass_over(text: str) -> None:
    # (a stretch with no opening mark is searched for commas at once, not read character
    # by character: both ways find the same commas)
    assert office_subjects.commas(text, 0, len(text)) == office_subjects._commas_outside_marks(text, 0, len(text))


def test_a_description_is_fitted_to_a_role_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # (descriptions ask how each description fits every role of the article, again and
    # again for the same pairs: the answer is kept, and the same pair is never read twice)
    spelled = _Counted(role_kin.spelled_out)
    monkeypatch.setattr(role_kin, "spelled_out", spelled)
    role_kin.fit.cache_clear()
    text = ("Harbour Commissioner Ilse Varga toured the docks on Monday. "
            "“We are ready,” the commissioner said.")
    first = extract(text)
    assert spelled.calls > 0 and first[0].speaker == "Ilse Varga"
    spelled.calls = 0
    assert extract(text) == first and spelled.calls == 0
