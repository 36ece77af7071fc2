"""Robustness: property tests over arbitrary input and a corpus of nasty files (issue 5)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fakes import fake_extract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import extract
from quotes.model import Article
from quotes.read import ReadConfig, ReadError, ReadWarning, read_inputs
from quotes.write import CsvWriter, JsonlWriter, csv_columns, quote_record

REPO = Path(__file__).resolve().parents[1]
FUZZ = REPO / "fixtures" / "fuzz"
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "``", "''", "`"]
WORDS = ["NATO", "is", "ready", "Jens Stoltenberg", "he", "she", "said", "told reporters",
         "according to", "Mr.", "U.S.", "the Kremlin", "stressed that", ":", ",", ".", "—",
         "Wagner’s", "don’t", "’90s", " ", " ", "\n", "\n\n", "\r\n"]

# Articles built from words, names, cues and quote marks in random order and balance.
newsy_text = st.lists(st.sampled_from(MARKS + WORDS), max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=400), newsy_text)


def check_quotes(article: Article) -> list[Any]:
    """Extract, and check the invariants every record must keep."""
    found = extract(article)
    for quote in found:
        assert article.text[quote.start:quote.end] == quote.text
        assert quote.article_id == article.id
        for span in (quote.speaker_mention, quote.cue):
            if span is not None:
                assert article.text[span.start:span.end] == span.text
    ids = [q.id for q in found]
    assert len(ids) == len(set(ids)), "quote ids must be unique within an article"
    return found


@PROPERTY
@given(text=any_text)
def test_extract_never_raises_and_offsets_index_the_text(text: str) -> None:
    check_quotes(Article(id="prop", text=text))


@PROPERTY
@given(text=newsy_text, header=st.booleans())
def test_extract_is_stable_run_to_run(text: str, header: bool) -> None:
    article = Article(id="stable", text=(" date 2021-06-06 " if header else "") + text)
    first = [q.model_dump() for q in check_quotes(article)]
    assert first == [q.model_dump() for q in check_quotes(article)]


@PROPERTY
@given(text=newsy_text)
def test_extract_accepts_a_plain_string(text: str) -> None:
    for quote in extract(text, article_id="s", date="2021-06-06"):
        assert text[quote.start:quote.end] == quote.text and quote.article_id == "s"


@PROPERTY
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".jsonl"]),
       errors=st.sampled_from(["strict", "replace"]))
def test_reader_never_raises_on_any_bytes(tmp_path: Path, data: bytes, suffix: str,
                                          errors: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    found = list(read_inputs([path], ReadConfig(encoding_errors=errors)))  # type: ignore[arg-type]
    assert found, "every input gives an article or an error"
    assert all(isinstance(x, (Article, ReadError, ReadWarning)) for x in found)
    for article in (x for x in found if isinstance(x, Article)):
        assert 0 <= article.body_start <= len(article.text)
        json.dumps(article.text, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@PROPERTY
@given(text=st.text(min_size=1, max_size=300))
def test_text_file_is_read_exactly_as_decoded(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    found = list(read_inputs([path]))
    articles = [x for x in found if isinstance(x, Article)]
    content = text.removeprefix("\ufeff")
    if "\x00" in content or not content.strip():
        assert not articles and isinstance(found[-1], ReadError)
    else:
        assert [a.text for a in articles] == [content] or "date header" in found[-1].reason


@PROPERTY
@given(lines=st.lists(st.one_of(
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), st.text(max_size=60),
              st.text(max_size=8)),
    st.text(max_size=60)), max_size=8))
def test_every_jsonl_line_gives_an_article_or_an_error(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "l.jsonl"
    clean = (ln.replace("\n", " ").replace("\r", " ").replace("\x00", "").replace("\ufeff", "")
             for ln in lines)
    body = "\n".join(clean)
    path.write_text(body, encoding="utf-8")
    found = [x for x in read_inputs([path]) if not isinstance(x, ReadWarning)]
    non_blank = [ln for ln in body.split("\n") if ln.strip(" \t\r\n\x0b\x0c")]
    if non_blank:
        assert len(found) == len(non_blank)


@PROPERTY
@given(text=newsy_text)
def test_writers_round_trip_any_record(text: str) -> None:
    quotes = fake_extract(Article(id="w", text="“" + text + " words”"))
    as_jsonl, as_csv = io.StringIO(), io.StringIO()
    jsonl, table = JsonlWriter(as_jsonl), CsvWriter(as_csv)
    for quote in quotes:
        jsonl.write(quote_record(quote))
        table.write(quote_record(quote))
    assert [json.loads(x) for x in as_jsonl.getvalue().splitlines()] == \
        [quote_record(q) for q in quotes]
    rows = list(csv.reader(io.StringIO(as_csv.getvalue(), newline="")))
    assert rows[0] == csv_columns()
    assert [r[csv_columns().index("text")] for r in rows[1:]] == [q.text for q in quotes]


# --- the fuzz corpus ---------------------------------------------------------------------

# Files of fixtures/fuzz that must fail, and (part of) the reason each must give.
EXPECTED_ERRORS = {
    "bad_lines.jsonl:2": "malformed JSON",
    "bad_lines.jsonl:3": "no 'text' field",
    "bad_lines.jsonl:4": "'text' must be a string, got number",
    "bad_lines.jsonl:5": "expected a JSON object, got array",
    "bad_lines.jsonl:7": "expected a JSON object, got null",
    "bad_utf8.txt": "invalid UTF-8 at byte 27",
    "bom_only.txt": "empty file",
    "deep_json.jsonl:1": "nested too deeply",
    "empty.txt": "empty file",
    "header_only.txt": "no article text after the date header",
    "huge_int.jsonl:1": "malformed JSON",
    "jsonl_bad_utf8.jsonl:2": "invalid UTF-8 at byte 53",
    "jsonl_nul_line.jsonl:2": "NUL byte at byte 53",
    "lone_surrogates.jsonl:1": "lone surrogate \\ud800 in 'text' at character 5",
    "lone_surrogates.jsonl:3": "lone surrogate \\udc00 in 'id'",
    "nul_bytes.txt": "binary file (NUL byte at byte 10)",
    "nul_first_line.jsonl:1": "NUL byte at byte 30",
    "zeroed_block.jsonl:1": "NUL byte at byte 0",
    "utf16.txt": "UTF-16",
    "whitespace_only.txt": "empty file (only whitespace)",
}
# With --encoding-errors replace these go on with U+FFFD instead.
REPLACEABLE = {"bad_utf8.txt", "jsonl_bad_utf8.jsonl:2", "lone_surrogates.jsonl:1",
               "lone_surrogates.jsonl:3"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300, cwd=REPO, check=False)


def error_lines(stderr: str) -> dict[str, str]:
    """`quotes: error: fixtures/fuzz/X[:N]: reason` lines as {X[:N]: reason}."""
    prefix = f"quotes: error: {FUZZ.relative_to(REPO)}/"
    found = {}
    for line in stderr.splitlines():
        if line.startswith(prefix):
            where, reason = line[len(prefix):].split(": ", 1)
            found[where] = reason
    return found


@pytest.mark.parametrize("encoding_errors", ["strict", "replace"])
def test_fuzz_corpus_gives_records_or_clear_errors(encoding_errors: str) -> None:
    result = run_cli("extract", str(FUZZ.relative_to(REPO)), "--encoding-errors", encoding_errors)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.returncode == 1, result.stderr
    expected = {k: v for k, v in EXPECTED_ERRORS.items()
                if encoding_errors == "strict" or k not in REPLACEABLE}
    got = error_lines(result.stderr)
    assert set(got) == set(expected)
    for where, reason in expected.items():
        assert reason in got[where], (where, got[where])
    config = ReadConfig(encoding_errors=encoding_errors)  # type: ignore[arg-type]
    articles: list[Article] = []
    for path in sorted(FUZZ.iterdir()):
        own = [a for a in read_inputs([path], config) if isinstance(a, Article)]
        assert own or path.name in got, f"{path.name} gave neither an article nor an error"
        articles += own
    summary = result.stderr.strip().splitlines()[-1]
    assert summary == (f"quotes: {len(articles)} articles, {len(result.stdout.splitlines())} "
                       f"quotes, {len(expected)} errors")
    texts = {a.id: a.text for a in articles if sum(b.id == a.id for b in articles) == 1}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        if record["article_id"] in texts:
            text = texts[record["article_id"]]
            assert text[record["start"]:record["end"]] == record["text"]


def test_fuzz_corpus_covers_the_nasty_inputs() -> None:
    names = {p.name for p in FUZZ.iterdir()}
    assert {"nul_bytes.txt", "bad_utf8.txt", "only_quote_marks.txt", "many_open_marks.txt",
            "unclosed_quote.txt", "long_line_no_spaces.txt", "mixed_crlf.txt", "bom.txt",
            "nested_marks.txt", "rtl.txt", "emoji.txt", "lone_surrogates.jsonl"} <= names
    assert (FUZZ / "many_open_marks.txt").read_text(encoding="utf-8").count("“") == 5000
    assert len((FUZZ / "long_line_no_spaces.txt").read_bytes()) >= 200_000


def test_jsonl_output_escapes_unicode_line_separators() -> None:
    text = "“One\u2028two\u2029three\x85four” she said."
    stream = io.StringIO()
    writer = JsonlWriter(stream)
    for quote in fake_extract(Article(id="sep", text=text)):
        writer.write(quote_record(quote))
    (line,) = stream.getvalue().splitlines()
    assert "\\u2028" in line and "\\u2029" in line and "\\u0085" in line
    assert json.loads(line)["text"] == "One\u2028two\u2029three\x85four"
