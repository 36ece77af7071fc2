"""The scorer on small hand-made cases, and the `quotes eval` command."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotes import evaluate as ev
from quotes.evaluate import GoldArticle, Item, eval_command, make_item, score
from quotes.evaluation import report as evreport
from quotes.evaluation.losses import strict_losses
from quotes.model import Quote, quote_id

TEXT = ('“We will win this state,” Sen. Ted Voss said on Monday. '
        'Mr. Okoye said that the economy was strong. '
        'He added that “nobody should panic” about it.')
DIRECT = "We will win this state"
INDIRECT = "the economy was strong"
MIXED = "“nobody should panic” about it"

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"

app = typer.Typer()
app.command()(eval_command)


def span_of(words: str, text: str = TEXT) -> tuple[int, int]:
    """Offsets of the first occurrence of words in text."""
    start = text.index(words)
    return start, start + len(words)


def item(words: str, kind: str, speaker: str | None, *, shift: int = 0, text: str = TEXT,
         article_id: str = "a1") -> Item:
    """A scorer item over `words`, optionally shifted right by `shift` characters."""
    start, end = span_of(words, text)
    return make_item(text, article_id, start + shift, end + shift, kind, speaker)


def gold_article(*quotes: Item, text: str = TEXT, article_id: str = "a1") -> GoldArticle:
    """A gold article holding the given items."""
    return GoldArticle(article_id, text, None, None, tuple(quotes))


GOLD = (item(DIRECT, "direct", "Ted Voss"), item(INDIRECT, "indirect", "Mr. Okoye"),
        item(MIXED, "mixed", "He"))


def figures(gold: tuple[Item, ...], pred: list[Item], row: str = "all") -> dict[str, Any]:
    """The figures of one row for one article."""
    return score([gold_article(*gold)], {"a1": pred}).rows[row].figures()


# --- scoring -----------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    result = score([gold_article(*GOLD)], {"a1": list(GOLD)})
    for name in ("direct", "mixed", "indirect", "direct+mixed", "all"):
        f = result.rows[name].figures()
        for measure in ("span", "exact", "attribution"):
            assert f[measure] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}, (name, measure)
    assert result.rows["all"].figures()["speaker_accuracy"] == 1.0


def test_shift_keeping_iou_at_least_half_matches_but_is_not_exact() -> None:
    gold = item(INDIRECT, "indirect", "Okoye")
    pred = item(INDIRECT, "indirect", "Okoye", shift=7)  # 15 of 22 chars overlap: IoU 15/29
    assert ev.iou(gold.span, pred.span) >= 0.5
    f = figures((gold,), [pred])
    assert f["span"]["f1"] == 1.0
    assert f["exact"]["f1"] == 0.0


def test_shift_below_iou_half_does_not_match() -> None:
    gold = item(INDIRECT, "indirect", "Okoye")
    pred = item(INDIRECT, "indirect", "Okoye", shift=8)  # 14 of 22 chars overlap: IoU 14/30
    assert ev.iou(gold.span, pred.span) < 0.5
    f = figures((gold,), [pred])
    assert f["span"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_wrong_speaker_counts_for_span_not_attribution() -> None:
    f = figures((item(DIRECT, "direct", "Ted Voss"),), [item(DIRECT, "direct", "Donald Stark")])
    assert f["span"]["f1"] == 1.0
    assert f["attribution"]["f1"] == 0.0
    assert f["speaker_accuracy"] == 0.0


@pytest.mark.parametrize("pronoun", ["he", "He", "they", "who", "no one", "his"])
def test_pronoun_predicted_speaker_is_never_correct(pronoun: str) -> None:
    assert not ev.speaker_correct("Ted Voss", pronoun)
    assert not ev.speaker_correct(pronoun, pronoun)
    f = figures((item(DIRECT, "direct", "Ted Voss"),), [item(DIRECT, "direct", pronoun)])
    assert f["attribution"]["f1"] == 0.0


@pytest.mark.parametrize(("gold", "pred", "correct"), [
    ("Mr. Okoye", "Kwame Okoye", True),
    ("Sen. Ted Voss", "Voss", True),
    ("Kwame Okoye", "President Okoye", True),
    ("Secretary of State John Lerma", "Lerma", True),
    ("Mrs. Hallett", "Helena Rodham Hallett", True),
    ("Stark’s", "Donald Stark", True),  # curly possessive dropped
    ("Leonard E. Barwin, director of the Tax Policy Center", "Leonard Barwin", True),
    ("DONALD STARK", "donald stark", True),
    ("Mr. Stark", "Stark, the Republican nominee", True),  # only a subset once "mr" is gone
    ("Chairman Prentis", "Royce Prentis of the RNC", True),  # a title from titles.txt
    ("Helena Hallett", "Donald Stark", False),
    ("Helena Hallett", "Bill Hallett", True),  # the surname rule alone (a known leniency)
    ("the president", "President Okoye", False),  # no coreference: a role is not a name
    ("President", "president", True),  # all title: the words themselves are compared
    ("Ted Voss", None, False),
    (None, "Ted Voss", False),
    # The gold head before an apposition or a party tag also counts.
    ("Fenn, a top Stark surrogate,", "Michael Fenn", True),
    ("Rep. John Mero (R-Fla.)", "John Mero", True),
    ("Google's chief executive, Lajos Berko,", "Lajos Berko", True),  # the full form still counts
    ("Morrow, a consultant", "Erin Brown", False),
])
def test_speaker_rule_after_stripping_honorifics(gold: str | None, pred: str | None,
                                                 correct: bool) -> None:
    assert ev.speaker_correct(gold, pred) is correct


@pytest.mark.parametrize(("gold", "pred", "kind", "strict"), [
    ("Network Rail", "Network Rail", "direct", True),
    ("Network Rail", "Rail", "direct", False),  # leniently the same speaker, not exactly
    ("Amy Cole", "Det Supt Amy Cole", "direct", False),  # a rank left in the name
    ("the Treasury", "Treasury", "direct", True),  # a leading "the" carries no identity
    ("spokesman for Alder Homes", "A spokesman for Alder Homes", "direct", True),  # nor "a"
    ("spokesman for Alder Homes", "spokeswoman for Alder Homes", "direct", False),
    ("Nigeria’s army", "nigeria's  army", "direct", True),  # case, apostrophe, spaces
    ("Amy Cole", "Amy Cole", "indirect", False),  # the right speaker, the wrong kind
    ("he", None, "direct", True),  # no usable gold speaker: judged on span and kind
])
def test_strict_needs_the_kind_and_the_exact_name(gold: str, pred: str | None, kind: str,
                                                  strict: bool) -> None:
    f = figures((item(DIRECT, "direct", gold),), [item(DIRECT, kind, pred)])
    assert f["strict_recall"] == (1.0 if strict else 0.0)
    assert f["counts"]["strict"] == int(strict)


def test_each_quote_not_strictly_right_is_counted_once_under_what_went_wrong() -> None:
    text = ("Det Supt Amy Cole said the road was shut. Network Rail said trains were late. "
            "Ana Roos and Ivo Marr said talks would resume. Tom Bell said prices rose. "
            "Ivo Marr said nothing else had changed. Lena Park said the vote was close.")

    def at(words: str, kind: str, speaker: str | None) -> Item:
        return item(words, kind, speaker, text=text)

    gold = (at("the road was shut", "indirect", "Amy Cole"),
            at("trains were late", "indirect", "Network Rail"),
            at("talks would resume", "indirect", "Ana Roos and Ivo Marr"),
            at("prices rose", "indirect", "Tom Bell"),
            at("nothing else had changed", "indirect", "Ivo Marr"),
            at("the vote was close", "indirect", "Lena Park"))
    pred = [at("the road was shut", "indirect", "Det Supt Amy Cole"),  # a rank kept in the name
            at("trains were late", "indirect", "Rail"),  # a body's last word
            at("talks would resume", "indirect", "Ana Roos"),  # one of the two
            at("prices rose", "mixed", "Tom Bell"),  # the kind
            at("nothing else had changed", "indirect", "Lena Park")]  # someone else
    result = score([gold_article(*gold, text=text)], {"a1": pred})
    assert strict_losses(result) == {"not_found": 1, "wrong_kind": 1, "wrong_speaker": 1,
                                     "name_extra_words": 1, "name_missing_words": 2, "name_other_words": 0}
    counts = result.rows["all"].figures()["counts"]
    assert sum(strict_losses(result).values()) == counts["gold"] - counts["strict"]


def test_matching_is_one_to_one() -> None:
    gold = item(INDIRECT, "indirect", "Okoye")
    preds = [item(INDIRECT, "indirect", "Okoye"), item(INDIRECT, "indirect", "Okoye", shift=2)]
    f = figures((gold,), preds)
    assert f["counts"]["matched"] == 1
    assert f["span"]["precision"] == 0.5
    assert f["span"]["recall"] == 1.0


def test_matching_takes_the_best_overlap_first() -> None:
    gold = item(INDIRECT, "indirect", "Okoye")
    preds = [item(INDIRECT, "indirect", "Okoye", shift=3), item(INDIRECT, "indirect", "Okoye")]
    f = figures((gold,), preds)
    assert f["exact"]["recall"] == 1.0  # the identical span won, though it came second


def test_matching_ties_go_to_the_earlier_gold_quote() -> None:
    twins = (item(DIRECT, "direct", "Ted Voss"), item(DIRECT, "direct", "Joe Boden"))
    f = figures(twins, [item(DIRECT, "direct", "Voss")])
    assert f["counts"]["matched"] == 1
    assert f["speaker_accuracy"] == 1.0


@pytest.mark.parametrize("speaker", [None, "he", "It"])
def test_gold_without_usable_speaker_counts_on_span_alone(speaker: str | None) -> None:
    f = figures((item(MIXED, "mixed", speaker),), [item(MIXED, "mixed", "Somebody Else")])
    assert f["attribution"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert f["speaker_accuracy"] is None  # not judged: no named gold speaker
    assert f["counts"]["speaker_judged"] == 0


def test_speaker_accuracy_only_counts_named_gold_speakers() -> None:
    preds = [item(DIRECT, "direct", "Voss"), item(INDIRECT, "indirect", "Joe Boden"),
             item(MIXED, "mixed", "Okoye")]
    f = figures(GOLD, preds)
    assert f["counts"]["speaker_judged"] == 2
    assert f["speaker_accuracy"] == 0.5
    assert f["attribution"]["recall"] == pytest.approx(2 / 3)


def test_by_kind_recall_uses_gold_kind_and_precision_predicted_kind() -> None:
    # The mixed gold quote is predicted as direct, the indirect one is missed.
    preds = [item(DIRECT, "direct", "Voss"), item(MIXED, "direct", "he")]
    rows = score([gold_article(*GOLD)], {"a1": preds}).rows
    direct, mixed = rows["direct"].figures(), rows["mixed"].figures()
    assert direct["span"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert mixed["span"]["recall"] == 1.0
    assert mixed["span"]["precision"] is None  # nothing was predicted as mixed
    assert rows["indirect"].figures()["span"]["recall"] == 0.0
    both = rows["direct+mixed"].figures()
    assert both["counts"] == {"gold": 2, "pred": 2, "matched": 2, "exact": 2, "attributed": 2,
                              "speaker_judged": 1, "strict": 0}
    assert rows["all"].figures()["span"]["recall"] == pytest.approx(2 / 3)


def test_no_predictions_leave_precision_undefined_and_f1_zero() -> None:
    f = figures(GOLD, [])
    assert f["span"] == {"precision": None, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize(("raw", "trimmed"), [
    ("“We will win,”", "We will win"),
    ("''We will win.''", "We will win"),
    ("``We will win''", "We will win"),
    ("‘We will win’;", "We will win"),
    ('  "We will win" \n', "We will win"),
    ("« Nous gagnerons »", "Nous gagnerons"),
    ("that it was — strong…", "that it was — strong"),
    ("“,.;:”", ""),
])
def test_trim_removes_whitespace_quote_marks_and_edge_punctuation(raw: str, trimmed: str) -> None:
    text = f"x {raw} y"
    start, end = ev.trim_span(text, 2, 2 + len(raw))
    assert text[start:end] == trimmed


def test_marks_and_punctuation_do_not_break_exact_match() -> None:
    gold = item(DIRECT, "direct", "Ted Voss")
    start, end = span_of(f"“{DIRECT},”")
    pred = make_item(TEXT, "a1", start, end, "direct", "Voss")
    assert figures((gold,), [pred])["exact"]["f1"] == 1.0


def test_error_listing_spreads_over_articles() -> None:
    items = [Item("a", 0, 1, "direct", None), Item("a", 2, 3, "direct", None),
             Item("b", 0, 1, "direct", None)]
    assert [i.article_id for i in evreport._spread(items, lambda i: i.article_id)] == ["a", "b", "a"]


# --- the command -------------------------------------------------------------------------


def gold_line(article_id: str = "a1", quotes: tuple[Item, ...] = GOLD, **extra: Any) -> str:
    """A gold JSON line in the eval README format."""
    records: list[dict[str, Any]] = [
        {"start": q.start, "end": q.end, "text": TEXT[q.start:q.end], "kind": q.kind,
         "speaker": q.speaker, "speaker_spans": [], "cue": None, "attribution": i}
        for i, q in enumerate(quotes)]
    return json.dumps({"id": article_id, "source": "test", "date": "2016-01-01", "title": "T",
                       "text": TEXT, "quotes": records, **extra})


def pred_line(q: Item, article_id: str = "a1") -> str:
    """A predicted Quote JSON line."""
    return json.dumps({"article_id": article_id, "start": q.start, "end": q.end,
                       "text": TEXT[q.start:q.end], "kind": q.kind, "speaker": q.speaker})


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A gold file and a prediction file with one hit, one misattribution, one spurious quote."""
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(gold_line() + "\n", encoding="utf-8")
    preds = [item(DIRECT, "direct", "Voss"), item(INDIRECT, "indirect", "Joe Boden"),
             item("on Monday", "indirect", None)]
    pred.write_text("\n".join(pred_line(q) for q in preds) + "\n", encoding="utf-8")
    return gold, pred


def run(*args: str | Path) -> Any:
    """Invoke the eval command through typer's test runner."""
    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_with_pred_prints_the_table(files: tuple[Path, Path]) -> None:
    result = run(files[0], "--pred", files[1])
    assert result.exit_code == 0, result.output
    rows = [line.split()[0] for line in result.stdout.splitlines()[2:7]]
    assert rows == ["direct", "mixed", "indirect", "direct+mixed", "all"]
    all_row = result.stdout.splitlines()[6].split()
    assert all_row[1:4] == ["0.67", "0.67", "0.67"]  # span P R F1
    assert "not measured" in result.stdout
    assert "not strict: not found 1," in result.stdout


def test_cli_json_parses_and_holds_all_figures(files: tuple[Path, Path]) -> None:
    result = run(files[0], "--pred", files[1], "--json", "--errors", "5")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["scores"]) == {"direct", "mixed", "indirect", "direct+mixed", "all"}
    assert data["scores"]["all"]["span"]["precision"] == pytest.approx(2 / 3)
    assert data["scores"]["all"]["speaker_accuracy"] == 0.5
    assert data["throughput"]["mb_per_s"] is None
    assert sum(data["strict_losses"].values()) == (
        data["scores"]["all"]["counts"]["gold"] - data["scores"]["all"]["counts"]["strict"])
    assert [len(data["errors"][k]) for k in ("missed", "spurious", "misattributed")] == [1, 1, 1]
    assert "inexact" in data["errors"]


def test_cli_errors_list_context_and_both_speakers(files: tuple[Path, Path]) -> None:
    result = run(files[0], "--pred", files[1], "--errors", "3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "missed (1 of 1)" in out and "spurious (1 of 1)" in out
    assert "misattributed (1 of 1)" in out
    assert "gold speaker: 'Mr. Okoye'  pred speaker: 'Joe Boden'" in out
    assert "indirect  pred speaker: None\n" in out  # spurious: no gold side to show
    assert "mixed  gold speaker: 'He'\n" in out  # missed: no prediction side
    assert "⟦the economy was strong⟧" in out
    assert "Voss said ⟦on Monday⟧ . Mr. Okoye" in out  # the span with its context


def test_cli_runs_extraction_and_measures_throughput(
        files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_extract(article: Any) -> list[Quote]:
        start, end = span_of(DIRECT, article.text)
        return [Quote(id=quote_id(article.id, start, end), article_id=article.id,
                      text=article.text[start:end], start=start, end=end, kind="direct",
                      speaker="Ted Voss", resolution="name", confidence=1.0, rule="test",
                      explanation="test")]
    monkeypatch.setattr("quotes.pipeline.extract", fake_extract)
    result = run(files[0], "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scores"]["direct"]["attribution"]["f1"] == 1.0
    assert data["throughput"]["megabytes"] == pytest.approx(len(TEXT.encode()) / 1e6)
    assert data["throughput"]["mb_per_s"] > 0


def test_cli_failing_article_is_reported_and_others_scored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line("bad") + "\n" + gold_line("good") + "\n", encoding="utf-8")

    def extract(article: Any) -> list[Quote]:
        if article.id == "bad":
            raise ValueError("boom")
        return []
    monkeypatch.setattr("quotes.pipeline.extract", extract)
    result = run(gold, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["failed_articles"] == ["bad"]
    assert "bad: extraction failed: ValueError: boom" in result.stderr


def test_cli_accepts_gold_exported_by_the_review_tool(tmp_path: Path) -> None:
    q = GOLD[0]
    reviewed = {"id": "a1", "source": "review", "date": None, "title": None, "text": TEXT,
                "quotes": [{"start": q.start, "end": q.end, "text": DIRECT, "speaker": "Ted Voss",
                            "speaker_spans": [], "kind": "direct", "cue": "said",
                            "attribution": 0}]}
    all_wrong = {**reviewed, "id": "a2", "quotes": []}
    gold = tmp_path / "reviewed.jsonl"
    gold.write_text(json.dumps(reviewed) + "\n\n" + json.dumps(all_wrong) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(pred_line(q) + "\n" + pred_line(q, article_id="a2") + "\n")
    result = run(gold, "--pred", pred, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 2
    assert data["scores"]["all"]["exact"]["recall"] == 1.0
    assert data["scores"]["all"]["span"]["precision"] == 0.5  # a2's quote was judged wrong


def test_cli_ignores_predictions_for_unknown_articles(files: tuple[Path, Path]) -> None:
    with files[1].open("a") as f:
        f.write(pred_line(GOLD[0], article_id="elsewhere") + "\n")
    result = run(files[0], "--pred", files[1], "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scores"]["all"]["counts"]["pred"] == 3
    assert "ignored 1 predictions" in result.stderr


def test_cli_missing_gold_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.jsonl")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(("content", "message"), [
    ("{not json\n", "not JSON"),
    ("[1, 2]\n", "expected a JSON object"),
    (json.dumps({"id": "a1", "text": TEXT}) + "\n", "'quotes' missing"),
    (gold_line(quotes=(Item("a1", 0, 10_000, "direct", None),)) + "\n", "outside the article"),
    (gold_line(quotes=(Item("a1", 0, 5, "quoted", None),)) + "\n", "kind must be one of"),
    (gold_line() + "\n" + gold_line() + "\n", "appears twice"),
    (gold_line().replace('"start": 1,', '"start": true,') + "\n", "'start' missing or not int"),
    (gold_line().replace('"speaker": "Mr. Okoye"', '"speaker": 7'), "speaker must be a string"),
    ("\n", "no gold articles"),
    ('{"id": "a1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "nested too deeply"),
    ('{"id": "a1", "x": ' + "7" * 4301 + "}\n", "not JSON (Exceeds the limit"),
    (gold_line().replace('"id": "a1"', '"id": "a\\ud800"') + "\n", "lone surrogate \\ud800"),
])
def test_cli_malformed_gold_exits_1_with_one_line(tmp_path: Path, content: str,
                                                  message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = run(gold, "--pred", gold)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_cli_gold_with_a_bom_is_read(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b"\xef\xbb\xbf" + (gold_line() + "\n").encode())
    assert run(gold).exit_code == 0


def test_cli_gold_that_is_a_directory_says_so(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_cli_gold_date_that_is_no_date_is_ignored(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = json.loads(gold_line())
    gold.write_text(json.dumps({**line, "date": "yesterday"}) + "\n", encoding="utf-8")
    assert run(gold).exit_code == 0


def test_cli_gold_that_is_not_utf8_exits_1(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"id": "\xff"}\n')
    result = run(gold)
    assert result.exit_code == 1
    assert "not UTF-8 text" in result.stderr


def test_cli_prediction_text_must_match_its_offsets(files: tuple[Path, Path]) -> None:
    bad = json.loads(pred_line(GOLD[0]))
    bad["start"] += 1
    bad["end"] += 1
    files[1].write_text(json.dumps(bad) + "\n")
    result = run(files[0], "--pred", files[1])
    assert result.exit_code == 1
    assert "pred.jsonl:1: text does not match" in result.stderr


@pytest.mark.skipif(not (EVAL_DIR / "polnear-dev.jsonl").is_file(),
                    reason="shared PolNeAR dev file not present")
def test_eval_runs_on_polnear_dev() -> None:
    result = run(EVAL_DIR / "polnear-dev.jsonl", "--json", "--errors", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 84
    for row in data["scores"].values():
        values = [row[m][k] for m in ("span", "exact", "attribution") for k in row[m]]
        for value in [*values, row["speaker_accuracy"]]:
            assert value is None or 0.0 <= value <= 1.0


# --- gold exported by `quotes review` ----------------------------------------------------


def review_files(tmp_path: Path, complete: bool) -> tuple[Path, Path]:
    """A review export of a1 (one quote confirmed, the rest unreviewed unless complete) and a2."""
    confirmed = (item(DIRECT, "direct", "Ted Voss"),)
    unjudged = [list(span_of(INDIRECT))] if not complete else []
    review = {"reviewer": "Ann Checker", "exported": "2026-01-01T10:00:00Z", "complete": complete,
              "reviewed": 1 if not complete else 2, "total": 2, "unreviewed": unjudged}
    other = item(DIRECT, "direct", "Ted Voss", article_id="a2")
    gold = tmp_path / "verdicts.jsonl"
    gold.write_text(gold_line("a1", confirmed, review=review) + "\n"
                    + gold_line("a2", (other,), review={**review, "complete": True}) + "\n",
                    encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    preds = [item(DIRECT, "direct", "Voss"), item(INDIRECT, "indirect", "Okoye")]
    pred.write_text("\n".join([pred_line(q) for q in preds] + [pred_line(preds[0], "a2")]) + "\n",
                    encoding="utf-8")
    return gold, pred


def test_partly_reviewed_articles_are_left_out_and_named(tmp_path: Path) -> None:
    gold, pred = review_files(tmp_path, complete=False)
    result = run(gold, "--pred", pred, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 1
    assert "left out 1 partly reviewed article" in result.stderr and "(a1)" in result.stderr
    assert "--include-partial" in result.stderr


def test_include_partial_scores_only_the_judged_quotes(tmp_path: Path) -> None:
    gold, pred = review_files(tmp_path, complete=False)
    data = json.loads(run(gold, "--pred", pred, "--json", "--include-partial").stdout)
    assert data["articles"] == 2
    # the unreviewed indirect quote is neither a hit nor a false positive
    assert data["scores"]["all"]["span"]["precision"] == 1.0
    complete, pred = review_files(tmp_path, complete=True)
    data = json.loads(run(complete, "--pred", pred, "--json").stdout)
    assert data["articles"] == 2 and data["scores"]["all"]["span"]["precision"] == pytest.approx(2 / 3)


def test_only_partly_reviewed_gold_is_an_error_that_says_why(tmp_path: Path) -> None:
    gold, _ = review_files(tmp_path, complete=False)
    gold.write_text(gold.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = run(gold)
    assert result.exit_code == 1 and "fully reviewed" in result.stderr


# --- speaker rule: resolved name or the words that attribute it ---------------------------

DESCRIBED = "Hydro Norte said the dam was safe. “We see no risk,” the utility said."


def test_a_gold_source_kept_as_written_matches_the_mention_under_the_either_rule() -> None:
    gold = item("We see no risk", "direct", "the utility", text=DESCRIBED)
    resolved = dataclasses.replace(item("We see no risk", "direct", "Hydro Norte", text=DESCRIBED),
                                   mention="the utility")
    judged = score([gold_article(gold, text=DESCRIBED)], {"a1": [resolved]})
    assert judged.rows["all"].figures()["speaker_accuracy"] == 1.0
    names_only = score([gold_article(gold, text=DESCRIBED)],
                       ev._names_only({"a1": [resolved]}))  # the rule "name"
    assert names_only.rows["all"].figures()["speaker_accuracy"] == 0.0
    # the strict measure wants the name itself, whatever the rule
    assert judged.rows["all"].figures()["strict_recall"] == 0.0


def test_cli_speaker_rule_name_judges_by_the_resolved_name_alone(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    start, end = span_of("We see no risk", DESCRIBED)
    quote = {"start": start, "end": end, "text": DESCRIBED[start:end], "kind": "direct"}
    gold.write_text(json.dumps({"id": "a1", "text": DESCRIBED, "quotes": [
        {**quote, "speaker": "the utility"}]}) + "\n", encoding="utf-8")
    at = DESCRIBED.index("the utility")
    pred.write_text(json.dumps({"article_id": "a1", **quote, "speaker": "Hydro Norte",
                                "speaker_mention": {"text": "the utility", "start": at, "end": at + 11}})
                    + "\n", encoding="utf-8")
    either = json.loads(run(gold, "--pred", pred, "--json").stdout)
    name = json.loads(run(gold, "--pred", pred, "--json", "--speaker-rule", "name").stdout)
    assert (either["speaker_rule"], name["speaker_rule"]) == ("either", "name")
    assert either["scores"]["all"]["speaker_accuracy"] == 1.0
    assert name["scores"]["all"]["speaker_accuracy"] == 0.0
