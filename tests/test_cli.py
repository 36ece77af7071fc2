"""The `quotes` command line: every robustness case of issue 5, outputs, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from fakes import fake_extract
from inprocess import cli
from typer.testing import Result

import quotes.cli
import quotes.run
from quotes import pipeline
from quotes.cli import main, parse_size
from quotes.model import Quote
from quotes.read import ReadConfig, ReadError, ReadWarning, Sourced
from quotes.run import (
    BATCH_ARTICLES,
    Reporter,
    RunConfig,
    RunStats,
    _pooled,
    _shutdown,
    _stops_blocked,
    batches,
    effective_jobs,
    run,
    wants_progress,
)
from quotes.write import JsonlWriter, csv_columns, spreadsheet_cell

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_53e420b5fc12cae6.txt"
SEED_ID = SEED.stem


def records(text: str) -> list[dict[str, Any]]:
    """JSON Lines to dicts."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def by_article(found: list[dict[str, Any]], article_id: str) -> list[dict[str, Any]]:
    """The records of one article."""
    return [r for r in found if r["article_id"] == article_id]


def seed_alone() -> list[dict[str, Any]]:
    """The seed's records when it is the only input: what a mixed run must also contain."""
    result = cli("extract", SEED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip(), "the seed must give quotes"
    return records(result.stdout)


def good_dir(tmp_path: Path) -> Path:
    """A directory holding a copy of the seed, to which each test adds a bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def jsonl_line(article_id: str, text: str, **fields: Any) -> str:
    """One article as a JSON line."""
    return json.dumps({"id": article_id, "text": text, **fields}, ensure_ascii=False)


def assert_seed_kept(result: Result, article_id: str = SEED_ID,
                     expected: list[dict[str, Any]] | None = None) -> None:
    """The good input's records are all there, exactly as when it runs alone."""
    alone = seed_alone() if expected is None else expected
    want = [{**r, "article_id": article_id} for r in alone]
    got = by_article(records(result.stdout), article_id)
    assert got and without_ids(got) == without_ids(want)


def without_ids(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records without their ids (which hash the article id, renamed in some tests)."""
    return [{k: v for k, v in r.items() if k != "id"} for r in found]


def assert_clean(result: Result) -> None:
    """No traceback or Python noise reaches the user."""
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr


# --- issue 5, one test per case ----------------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"abc\x00\x01\x02", "binary file (NUL byte at byte 3)"),
    ("bad.txt", "“Fine,” he said. ".encode() + b"\xff oops", "invalid UTF-8 at byte 21"),
])
def test_bad_text_file_is_an_error_and_the_good_file_is_kept(tmp_path: Path, name: str,
                                                             data: bytes, reason: str) -> None:
    folder = good_dir(tmp_path)
    (folder / name).write_bytes(data)
    result = cli("extract", folder)
    assert result.exit_code == 1
    assert f"quotes: error: {folder / name}: {reason}" in result.stderr
    assert "quotes: 1 articles" in result.stderr and "1 errors" in result.stderr
    assert_seed_kept(result)
    assert_clean(result)


def test_bad_utf8_replaced_on_request_offsets_index_decoded_text(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xfd\xfe\xff " + "“After the bad bytes,” he said.".encode())
    result = cli("extract", path, "--encoding-errors", "replace")
    assert result.exit_code == 0
    assert f"quotes: warning: {path}: invalid UTF-8 replaced with U+FFFD (first at byte 0)" \
        in result.stderr
    (record,) = records(result.stdout)
    decoded = path.read_bytes().decode("utf-8", errors="replace")
    assert decoded[record["start"]:record["end"]] == record["text"] == "After the bad bytes,"


def test_bom_is_stripped_and_offsets_index_the_text_after_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    result = cli("extract", path)
    assert result.exit_code == 0
    assert_seed_kept(result, "bom")


def test_windows_line_endings_are_kept_and_offsets_index_them(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    result = cli("extract", path)
    assert result.exit_code == 0
    found = records(result.stdout)
    assert found and all(text[r["start"]:r["end"]] == r["text"] for r in found)
    assert any(r["start"] > text.index("\r\n") for r in found)


def test_broken_symlink_in_a_directory_is_an_error(tmp_path: Path) -> None:
    folder = good_dir(tmp_path)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = cli("extract", folder)
    assert result.exit_code == 1
    assert f"quotes: error: {folder / 'gone.txt'}: broken symbolic link" in result.stderr
    assert_seed_kept(result)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="running as root: chmod 000 does not block reads "
                           "(test_broken_symlink_in_a_directory_is_an_error covers the case)")
def test_unreadable_file_in_a_directory_is_an_error(tmp_path: Path) -> None:
    folder = good_dir(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        result = cli("extract", folder)
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert f"quotes: error: {locked}: cannot read: Permission denied" in result.stderr
    assert_seed_kept(result)


@pytest.mark.parametrize("bad_line, reason", [
    ('{"id": "x", "text": "unterminated', "malformed JSON"),
    ('{"id": "x", "title": "no text"}', "no 'text' field"),
    ('{"id": "x", "text": ["a", "list"]}', "'text' must be a string, got array"),
])
def test_bad_jsonl_line_is_an_error_naming_file_and_line(tmp_path: Path, bad_line: str,
                                                         reason: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join([jsonl_line("good1", seed), bad_line, jsonl_line("good2", seed)])
                    + "\n", encoding="utf-8")
    result = cli("extract", path)
    assert result.exit_code == 1
    assert f"quotes: error: {path}:2: {reason}" in result.stderr
    alone = tmp_path / "alone.jsonl"
    alone.write_text(jsonl_line("good1", seed) + "\n", encoding="utf-8")
    expected = records(cli("extract", alone).stdout)
    assert_seed_kept(result, "good1", expected)
    assert_seed_kept(result, "good2", expected)
    assert_clean(result)


def test_invalid_date_becomes_null_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text(jsonl_line("d", SEED.read_text(encoding="utf-8"), date="31/31/2021") + "\n",
                    encoding="utf-8")
    result = cli("extract", path)
    assert result.exit_code == 0
    assert f"quotes: warning: {path}:1: cannot parse date '31/31/2021'; date set to null" \
        in result.stderr
    found = records(result.stdout)
    assert found and all(r["date"] is None for r in found)


def test_article_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    folder = good_dir(tmp_path)
    (folder / "huge.txt").write_text("x" * 5000)
    result = cli("extract", folder, "--max-bytes", "4K")
    assert result.exit_code == 1
    assert f"quotes: error: {folder / 'huge.txt'}: article larger than the limit of 4096 bytes" \
        in result.stderr
    assert_seed_kept(result)


@pytest.mark.parametrize("text", [
    "“" * 5000, "”" * 3000 + "\"" * 3000, "“a” " * 3000, "«‹„‘“" * 2000,
    " date 2021-06-06 “This quote never closes, he said.\n\nNor does “this one.\n",
])
def test_many_or_unclosed_quote_marks_give_a_result_not_a_crash(tmp_path: Path,
                                                                text: str) -> None:
    folder = good_dir(tmp_path)
    (folder / "marks.txt").write_text(text, encoding="utf-8")
    result = cli("extract", folder)
    assert result.exit_code == 0, result.stderr
    assert "quotes: 2 articles" in result.stderr
    content = (folder / "marks.txt").read_text(encoding="utf-8")
    for r in by_article(records(result.stdout), "marks"):
        assert content[r["start"]:r["end"]] == r["text"]
    assert_seed_kept(result)


# --- errors file, summary, quiet, stdin ---------------------------------------------------

def test_errors_file_gets_one_json_line_per_error(tmp_path: Path) -> None:
    folder = good_dir(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "a.jsonl").write_text('{"text": "ok"}\n{oops\n')
    log = tmp_path / "errors.jsonl"
    result = cli("extract", folder, "--errors", log)
    assert result.exit_code == 1
    assert records(log.read_text(encoding="utf-8")) == [
        {"input": str(folder / "a.jsonl"), "line": 2,
         "reason": "malformed JSON: Expecting property name enclosed in double quotes at column 2"},
        {"input": str(folder / "empty.txt"), "line": None, "reason": "empty file"},
    ]


def test_summary_line_counts_articles_quotes_errors(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "“one quote here,” “two quotes here”"}\n{"text": 1}\n'
                    '{"text": "none"}\n')
    result = cli("extract", path)
    assert result.stderr.splitlines()[-1] == "quotes: 2 articles, 2 quotes, 1 errors"


def test_quiet_hides_warnings_and_summary_but_not_errors(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "x", "date": "never"}\n{"text": 1}\n')
    result = cli("extract", path, "--quiet")
    message = f"quotes: error: {path}:2: 'text' must be a string, got number"
    assert result.stderr.splitlines() == [message]


def test_no_path_reads_stdin_as_text_or_jsonl() -> None:
    seed = SEED.read_text(encoding="utf-8")
    as_text = cli("extract", input=seed)
    assert as_text.exit_code == 0 and by_article(records(as_text.stdout), "stdin")
    as_jsonl = cli("extract", "-", input=jsonl_line("j", seed) + "\n")
    assert as_jsonl.exit_code == 0 and by_article(records(as_jsonl.stdout), "j")


def test_no_path_with_a_terminal_on_stdin_is_a_usage_error(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setattr(quotes.cli, "_stdin_is_terminal", lambda: True)
    result = cli("extract")
    assert result.exit_code == 2 and "stdin is a terminal" in result.stderr


def test_min_confidence_drops_weaker_quotes(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    path = tmp_path / "a.txt"
    path.write_text("“short” and “a long enough quote”")
    assert len(records(cli("extract", path).stdout)) == 2
    kept = records(cli("extract", path, "--min-confidence", "0.5").stdout)
    assert [r["text"] for r in kept] == ["a long enough quote"]


def test_extraction_failure_on_one_article_is_an_error_not_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(article: Any, **kw: Any) -> list[Quote]:
        if "boom" in article.text:
            raise RuntimeError("rule exploded")
        return fake_extract(article)

    monkeypatch.setattr(pipeline, "extract", flaky)
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok", "text": "“fine quote here”"}\n{"id": "bad", "text": "boom"}\n')
    result = cli("extract", path)
    assert result.exit_code == 1
    assert (f"quotes: error: {path}:2: extraction failed for article 'bad': "
            "RuntimeError: rule exploded") in result.stderr
    assert [r["article_id"] for r in records(result.stdout)] == ["ok"]


def test_a_quote_pointing_at_the_wrong_words_is_never_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def shifted(article: Any, **kw: Any) -> list[Quote]:
        return [q.model_copy(update={"start": q.start + 1, "end": q.end + 1})
                for q in fake_extract(article)]

    monkeypatch.setattr(pipeline, "extract", shifted)
    path = tmp_path / "a.txt"
    path.write_text("“a quote with a shifted span” he said.")
    result = cli("extract", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert "quote span [2, 29) does not match its text" in result.stderr


# --- formats -----------------------------------------------------------------------------

def test_jsonl_records_keep_model_key_order_and_unicode() -> None:
    line = cli("extract", SEED).stdout.splitlines()[0]
    assert list(json.loads(line)) == list(Quote.model_fields)
    assert "’" in cli("extract", SEED).stdout and "\\u2019" not in line


def test_csv_has_a_header_and_flattened_spans() -> None:
    as_json = records(cli("extract", SEED).stdout)
    result = cli("extract", SEED, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == csv_columns()
    assert {"speaker_mention", "speaker_mention_start", "speaker_mention_end",
            "cue", "cue_start", "cue_end"} <= set(csv_columns())
    assert len(rows) == len(as_json)
    for row, record in zip(rows, as_json, strict=True):
        assert row["text"] == record["text"] and int(row["start"]) == record["start"]
        mention = record["speaker_mention"] or {"text": "", "start": "", "end": ""}
        assert (row["speaker_mention"], row["speaker_mention_start"]) == \
            (mention["text"], str(mention["start"]))
        assert row["speaker"] == (record["speaker"] or "")


def test_spreadsheet_csv_has_a_bom_and_no_formulas(tmp_path: Path) -> None:
    source = tmp_path / "formula.txt"
    source.write_text("“=HYPERLINK(1) is here,” Ann Lee said. “-2 degrees tonight,” Ann Lee "
                      "said. “@home for now,” Ann Lee said. “Fine words,” Ann Lee said.\n",
                      encoding="utf-8")
    exact = cli("extract", source, "-f", "csv")
    assert not exact.stdout.startswith("\ufeff") and "\n=HYPERLINK" not in exact.stdout
    texts = [row["text"] for row in csv.DictReader(io.StringIO(exact.stdout))]
    assert "=HYPERLINK(1) is here" in texts  # by default every cell is exact
    out = tmp_path / "q.csv"
    assert cli("extract", source, "-o", out, "--spreadsheet").exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,article_id,")
    safe = [row["text"] for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))]
    assert len(safe) == len(texts) and "'=HYPERLINK(1) is here" in safe
    for exact_text, safe_text in zip(texts, safe, strict=True):
        risky = exact_text[:1] in ("=", "+", "-", "@")
        assert safe_text == ("'" if risky else "") + exact_text
    refused = cli("extract", source, "--spreadsheet")
    assert refused.exit_code == 2 and "--spreadsheet" in refused.output


@pytest.mark.parametrize(("cell", "safe"), [("=1+1", "'=1+1"), ("+3", "'+3"), ("-2 degrees", "'-2 degrees"),
                                            ("@home", "'@home"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                            ("fine", "fine"), (" =x", " =x"), (12, 12), ("", "")])
def test_spreadsheet_cells_never_start_a_formula(cell: object, safe: object) -> None:
    assert spreadsheet_cell(cell) == safe


def test_output_suffix_csv_chooses_csv_unless_format_says_otherwise(tmp_path: Path) -> None:
    assert cli("extract", SEED, "-o", tmp_path / "q.csv").exit_code == 0
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").startswith("id,article_id,")
    assert cli("extract", SEED, "-o", tmp_path / "q2.csv", "-f", "jsonl").exit_code == 0
    assert (tmp_path / "q2.csv").read_text(encoding="utf-8").startswith("{")


def test_quote_ids_are_unique_across_a_run_and_stable_between_runs() -> None:
    first = records(cli("extract", REPO / "seeds").stdout)
    ids = [r["id"] for r in first]
    assert ids and len(ids) == len(set(ids))
    assert [r["id"] for r in records(cli("extract", REPO / "seeds").stdout)] == ids


def test_schema_prints_the_quote_json_schema() -> None:
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == Quote.model_json_schema()
    assert result.stdout.startswith("{\n  ")


# --- atomic output -----------------------------------------------------------------------

def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("OLD")
    out.chmod(0o640)
    result = cli("extract", SEED, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert records(out.read_text(encoding="utf-8")) == seed_alone()
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.parametrize("failure, code, message", [
    (KeyboardInterrupt(), 130, "quotes: interrupted"),
    (OSError(28, "No space left on device"), 3,
     "quotes: error: cannot write output: No space left on device"),
    (RuntimeError("bug"), 3, "quotes: internal error: RuntimeError: bug"),
])
def test_failure_mid_write_leaves_the_old_file_and_no_temp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        failure: BaseException, code: int, message: str) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("OLD")
    written: list[object] = []

    def failing_write(self: JsonlWriter, record: dict[str, Any]) -> None:
        if written:
            raise failure
        written.append(record)

    monkeypatch.setattr(JsonlWriter, "write", failing_write)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(SEED), "-o", str(out), "--errors", str(tmp_path / "err.jsonl")])
    assert exit_info.value.code == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert out.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


_STOP_AS_THE_TEMP_IS_MADE = """
import os, signal, sys, tempfile
from quotes.cli import Terminated
from quotes.write import output_file
made = tempfile.mkstemp
def made_then_stopped(*args, **kwargs):
    fd_and_name = made(*args, **kwargs)
    os.kill(os.getpid(), int(sys.argv[2]))
    return fd_and_name
def stop(signum, frame):
    raise KeyboardInterrupt if signum == signal.SIGINT else Terminated
signal.signal(signal.SIGINT, stop)
signal.signal(signal.SIGTERM, stop)
tempfile.mkstemp = made_then_stopped
try:
    with output_file(sys.argv[1]) as stream:
        stream.write("new")
except (KeyboardInterrupt, Terminated):
    print("stopped")
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_as_the_temporary_file_is_made_leaves_no_trace(tmp_path: Path, signum: int) -> None:
    """A Ctrl-C or SIGTERM the moment the temporary output exists, before its name is
    known to the code that removes it, must not leave it behind. (In a process of its own,
    as in the CLI when outputs open: one thread, which a held signal must wait for.)"""
    out = tmp_path / "out.jsonl"
    out.write_text("OLD")
    result = subprocess.run([sys.executable, "-c", _STOP_AS_THE_TEMP_IS_MADE, str(out),
                             str(int(signum))], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.stdout == "stopped\n", result.stderr
    assert out.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.parametrize("moment", ["output opened", "records written"])
@pytest.mark.parametrize("signum, whole_group, code, message", [
    (signal.SIGINT, True, 130, "quotes: interrupted"),  # Ctrl-C reaches the workers too
    (signal.SIGTERM, False, 143, "quotes: terminated"),  # kill PID
    (signal.SIGTERM, True, 143, "quotes: terminated"),  # timeout(1), a cancelled CI job
])
def test_stopping_a_real_run_keeps_the_old_file(tmp_path: Path, signum: int, whole_group: bool,
                                                code: int, message: str, moment: str) -> None:
    """Stopped at a moment told by what the run has done, never by the clock: "output
    opened" while the pool and its workers start, "records written" mid-run. The run
    reads a file and then stdin, which stays open until the run has ended, so it cannot
    finish on its own however fast the machine: only the signal can end it."""
    articles = tmp_path / "articles.jsonl"
    text = SEED.read_text(encoding="utf-8")
    articles.write_text("".join(jsonl_line(f"a{n}", text) + "\n"  # 10 batches: pool starts
                                for n in range(10 * BATCH_ARTICLES)), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "quotes.jsonl"
    out.write_text("OLD")
    err_path = tmp_path / "stderr.txt"
    with err_path.open("w") as err_file:
        proc = subprocess.Popen([sys.executable, "-m", "quotes.cli", "extract", str(articles),
                                 "-", "-o", str(out), "--jobs", "2"], stdin=subprocess.PIPE,
                                stderr=err_file, start_new_session=True,
                                preexec_fn=as_from_a_terminal)
    assert proc.stdin is not None
    try:
        wait_for_the_run(proc, out_dir, moment)
        if whole_group:
            os.killpg(proc.pid, signum)
        else:
            proc.send_signal(signum)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError(f"the run went on after {signal.Signals(signum).name}") from None
    finally:
        proc.stdin.close()
    err = err_path.read_text(encoding="utf-8")
    assert proc.returncode == code, err
    assert err.strip().splitlines()[-1] == message
    assert "Traceback" not in err
    assert out.read_text() == "OLD"
    assert [p.name for p in out_dir.iterdir()] == ["quotes.jsonl"]
    assert_group_gone(proc.pid)


def wait_for_the_run(proc: subprocess.Popen[bytes], out_dir: Path, moment: str) -> None:
    """Wait until the run has opened its temporary output ("output opened"), or has
    written records into it ("records written"). Only a run that dies first, or never
    gets there on the most loaded machine, fails here."""
    deadline = time.monotonic() + 300
    while proc.poll() is None:
        sizes = [p.stat().st_size for p in out_dir.iterdir() if p.name != "quotes.jsonl"]
        if sizes and (moment == "output opened" or sizes[0] > 0):
            return
        assert time.monotonic() < deadline, f"the run never reached {moment!r}"
        time.sleep(0.01)  # polling only: no outcome depends on this pause
    raise AssertionError(f"the run ended (exit {proc.returncode}) before {moment!r}")


def as_from_a_terminal() -> None:
    """Start the run with Ctrl-C and SIGTERM as a shell at a terminal gives them, not
    as this test process happens to hold them: an ignored or blocked SIGINT is
    inherited across exec, and the run would then rightly finish instead of stopping."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def assert_group_gone(pgid: int) -> None:
    """No worker outlives the run."""
    deadline = time.monotonic() + 60  # bounds a failure only: the group is usually gone at once
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("worker processes were left running")


# --- usage errors, pipes, internal errors --------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["extract", "--bogus"], "No such option"),
    (["extract", "missing.txt"], "no such file or directory: missing.txt"),
    (["extract", "--jobs", "-1", str(SEED)], "--jobs"),
    (["extract", "--format", "xml", str(SEED)], "--format"),
    (["extract", "--max-bytes", "lots", str(SEED)], "not a size"),
    (["extract", "--min-confidence", "2", str(SEED)], "--min-confidence"),
    (["extract", str(SEED), "-o", "no/such/dir/out.jsonl"], "does not exist"),
    (["extract", str(SEED), "-o", "."], "is a directory"),
    (["extract", str(SEED), "--errors", "no/dir/e.jsonl"], "does not exist"),
])
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split()).replace("│", "").replace("  ", " ") \
        or message in result.stderr
    assert result.stdout == ""


def test_missing_path_among_good_ones_runs_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = cli("extract", SEED, tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == 2 and not out.exists()


@pytest.mark.parametrize("size, expected", [("5000", 5000), ("4K", 4096), ("10M", 10 * 1024**2),
                                            ("1GB", 1024**3), ("2kib", 2048)])
def test_parse_size_accepts_suffixes(size: str, expected: int) -> None:
    assert parse_size(size) == expected


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    text = SEED.read_text(encoding="utf-8")
    big.write_text("".join(jsonl_line(f"a{n}", text) + "\n" for n in range(400)),
                   encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quotes.cli", "extract", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["article_id"] == "a0"
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert err == ""


def test_after_a_closed_pipe_the_final_flush_cannot_fail_again() -> None:
    script = ("import os, sys\n"
              "r, w = os.pipe(); os.dup2(w, 1); os.close(r)\n"  # stdout: a pipe nobody reads
              "from quotes.cli import broken_pipe\n"
              "try:\n    broken_pipe()\nexcept BaseException as exc:\n"
              "    assert getattr(exc, 'exit_code', None) == 141\n"
              "sys.stdout.write('x' * 100000); sys.stdout.flush()\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=False)
    assert (result.returncode, result.stderr) == (0, "")


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0", "LC_ALL": "C"}
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEED)],
                            capture_output=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "’".encode() in result.stdout
    assert records(result.stdout.decode("utf-8")) == seed_alone()


def test_unexpected_exception_is_one_line_exit_3(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def explode(*args: Any, **kwargs: Any) -> RunStats:
        raise ValueError("something broke")

    monkeypatch.setattr(quotes.cli, "run", explode)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(SEED)])
    assert exit_info.value.code == 3
    assert capsys.readouterr().err == "quotes: internal error: ValueError: something broke\n"


def test_keyboard_interrupt_outside_the_run_is_exit_130(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(quotes.cli, "app", interrupt)
    with pytest.raises(SystemExit) as exit_info:
        main(["schema"])
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "quotes: interrupted\n"


def test_console_script_help_shows_examples() -> None:
    result = cli("extract", "--help")
    assert result.exit_code == 0
    assert "quotes extract seeds/ > quotes.jsonl" in result.stdout


# --- order, determinism, bounded memory ------------------------------------------------------

def articles_jsonl(tmp_path: Path, n: int) -> Path:
    """n small articles with one or two quotes each."""
    path = tmp_path / "many.jsonl"
    path.write_text("".join(jsonl_line(f"a{i}", f"“Quote number {i} here,” he said."
                                       + (" “Another one there.”" if i % 3 == 0 else "")) + "\n"
                            for i in range(n)) + "{bad\n", encoding="utf-8")
    return path


class Collect:
    """A writer that keeps records in a list."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self.records.append(record)


def test_pool_keeps_input_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract", fake_extract)  # forked workers inherit it
    path = articles_jsonl(tmp_path, 200)
    outputs, problems = [], []
    for jobs in (1, 3):
        sink, seen = Collect(), []
        config = RunConfig(jobs=jobs, batch_articles=7, start_method="fork")
        stats = run([path], sink, config, on_problem=seen.append)
        outputs.append(sink.records)
        problems.append(seen)
        assert (stats.articles, stats.errors) == (200, 1)
    assert outputs[0] == outputs[1]
    assert [r["article_id"] for r in outputs[0]][:4] == ["a0", "a0", "a1", "a2"]
    assert problems[0] == problems[1] == [ReadError(str(path), 201, problems[0][0].reason)]


def test_jobs_2_output_equals_jobs_1_through_the_cli(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"  # enough articles for several batches, so the pool runs
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    many.write_text("".join(jsonl_line(f"s{i}", texts[i % len(texts)]) + "\n"
                            for i in range(150)), encoding="utf-8")

    def extract(jobs: str) -> subprocess.CompletedProcess[bytes]:
        """Both runs in fresh processes, so both use the extraction code as it is on disk."""
        return subprocess.run([sys.executable, "-m", "quotes.cli", "extract", "seeds", str(many),
                               "fixtures/fuzz", "--jobs", jobs], capture_output=True, cwd=REPO,
                              timeout=300, check=False)

    one, two = extract("1"), extract("2")
    assert one.stdout and one.stdout == two.stdout
    assert one.stderr == two.stderr and one.returncode == two.returncode == 1


def test_pool_does_not_read_ahead_of_what_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    pulled = 0

    def endless() -> Any:
        nonlocal pulled
        from quotes.model import Article
        while True:
            pulled += 1
            assert pulled < 1000, "the pool read far ahead of the writer"
            yield Sourced(Article(id=f"a{pulled}", text="“quoted words here”"), "endless")

    config = RunConfig(jobs=2, batch_articles=5, start_method="fork")
    outcomes = _pooled(endless(), config, jobs=2)
    try:
        first = [next(outcomes) for _ in range(12)]
    finally:
        outcomes.close()
    assert [o[0]["article_id"] for o in first] == [f"a{i}" for i in range(1, 13)]  # type: ignore
    assert pulled <= 12 + 2 * 2 * 5 + 5


def test_batches_are_bounded_by_count_and_by_text_size() -> None:
    from quotes.model import Article
    entries = [Sourced(Article(id=str(i), text="x" * 40), "in") for i in range(10)]
    sizes = [len(b) for b in batches(entries, max_articles=4, max_bytes=100)]
    assert sizes == [3, 3, 3, 1]
    assert [len(b) for b in batches(entries, max_articles=4, max_bytes=10_000)] == [4, 4, 2]


def test_small_inputs_skip_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started for one batch of articles")

    monkeypatch.setattr(quotes.run, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    sink = Collect()
    stats = run([articles_jsonl(tmp_path, 5)], sink, RunConfig(jobs=4))
    assert (stats.articles, stats.errors, len(sink.records)) == (5, 1, 7)


def test_jobs_0_means_every_usable_core() -> None:
    assert effective_jobs(0) >= 1 and effective_jobs(3) == 3


def blocked_signals_of_a_child() -> int:
    """The blocked-signal mask a freshly started process begins with (Linux)."""
    status = subprocess.run([sys.executable, "-c", "print(open('/proc/self/status').read())"],
                            capture_output=True, text=True, check=True).stdout
    (line,) = [ln for ln in status.splitlines() if ln.startswith("SigBlk:")]
    return int(line.split()[1], 16)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_workers_start_with_ctrl_c_blocked_and_the_parent_loses_nothing() -> None:
    stop_bits = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
    assert not blocked_signals_of_a_child() & stop_bits
    with _stops_blocked():
        assert blocked_signals_of_a_child() & stop_bits == stop_bits  # a worker started now
    assert not signal.pthread_sigmask(signal.SIG_BLOCK, set()) & {signal.SIGINT, signal.SIGTERM}


def test_stopping_a_pool_ends_when_a_worker_died_halfway_through_a_result() -> None:
    """A worker ended while sending a batch's records leaves half a message in the results
    pipe: stopping the pool must still end, not wait forever for the rest (issue 16 item 13)."""
    executor = ProcessPoolExecutor(1, mp_context=get_context("fork"))
    assert executor.submit(abs, -1).result() == 1  # the worker and the pool's thread run
    results_pipe = executor._result_queue._writer  # type: ignore[attr-defined]
    os.write(results_pipe.fileno(), struct.pack("!i", 1 << 20) + b"part of a result")
    stopping = threading.Thread(target=_shutdown, args=(executor, False), daemon=True)
    stopping.start()
    stopping.join(timeout=120)  # bounds a hang only: a working stop takes well under a second
    hung = stopping.is_alive()
    if hung:  # unstick the pool, so that this process can still exit
        results_pipe.close()
        stopping.join()
    assert not hung, "stopping the pool waited forever for the rest of a result"


# --- progress ------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_when_quiet() -> None:
    assert wants_progress(FakeTerminal(), quiet=False)
    assert not wants_progress(FakeTerminal(), quiet=True)
    assert not wants_progress(io.StringIO(), quiet=False)
    assert wants_progress(FakeTerminal(), quiet=False, data=io.StringIO())
    assert not wants_progress(FakeTerminal(), quiet=False, data=FakeTerminal())


def test_progress_bar_leaves_stdout_alone() -> None:
    before = sys.stdout
    with Reporter(FakeTerminal()):
        assert sys.stdout is before  # records written meanwhile must not go through rich


def test_progress_reporter_prints_messages_above_the_bar() -> None:
    stream = FakeTerminal()
    with Reporter(stream) as reporter:
        reporter.progress(RunStats(articles=3))
        reporter.problem(ReadError("x.txt", None, "empty file"))
        reporter.problem(ReadWarning("y.jsonl", 2, "cannot parse date"))
    out = stream.getvalue()
    assert "quotes: error: x.txt: empty file" in out
    assert "quotes: warning: y.jsonl:2: cannot parse date" in out


def test_run_reports_problems_in_order_with_read_config(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 50)
    seen: list[object] = []
    stats = run([path], Collect(), RunConfig(read=ReadConfig(max_bytes=10)), seen.append)
    assert stats.errors == 1 and "limit of 10 bytes" in seen[0].reason  # type: ignore


@pytest.mark.parametrize("command", ["extract", "eval", "review", "index", "find", "schema"])
def test_help_names_no_type_for_flags_and_named_arguments(command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    assert "<list[" not in result.stdout
