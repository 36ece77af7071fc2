"""quotes.read: inputs to Article records, streaming, with errors as values."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from quotes.model import Article, date_or_none
from quotes.read import (
    ReadConfig,
    ReadError,
    ReadWarning,
    parse_date,
    parse_text_article,
    read_inputs,
    read_jsonl_stream,
    read_stdin,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def items(*paths: str | Path, **config: object) -> list[object]:
    """Everything read from some paths, as a list."""
    return list(read_inputs([str(p) for p in paths], ReadConfig(**config)))  # type: ignore[arg-type]


def articles(found: list[object]) -> list[Article]:
    """Only the articles."""
    return [x for x in found if isinstance(x, Article)]


def errors(found: list[object]) -> list[ReadError]:
    """Only the errors."""
    return [x for x in found if isinstance(x, ReadError)]


def warnings(found: list[object]) -> list[ReadWarning]:
    """Only the warnings."""
    return [x for x in found if isinstance(x, ReadWarning)]


def write(path: Path, data: str | bytes) -> Path:
    """Write bytes exactly (str as UTF-8, no newline translation)."""
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- seed-style text ---------------------------------------------------------------------

def test_seed_with_body_on_the_header_line() -> None:
    path = SEEDS / "000_53e420b5fc12cae6.txt"
    (article,) = articles(items(path))
    assert article.id == "000_53e420b5fc12cae6"
    assert article.text == path.read_text(encoding="utf-8")
    assert article.date == "2021-06-06"
    assert article.title is None
    assert article.text[article.body_start:].startswith("NATO Secretary General Jens Stoltenberg")


def test_seed_with_time_and_title_paragraph() -> None:
    (article,) = articles(items(SEEDS / "004_a4485e44fb246978.txt"))
    assert article.date == "2023-06-28T07:29"
    assert article.title == "Stoltenberg, NATO ready to defend itself against Moscow or Minsk"
    assert article.text[article.body_start:].startswith("NATO is ready to defend itself")


@pytest.mark.parametrize("text, date, title, body", [
    ("date 2021-06-06 Body here.", "2021-06-06", None, "Body here."),
    (" date 2021-6-6 23:05\n\nShort title\n\nBody.", "2021-06-06T23:05", "Short title", "Body."),
    (" date 2021-06-06\n\nNot a title.\n\nBody.", "2021-06-06", None, "Not a title."),
    (" date 2021-06-06\n\nOnly one paragraph", "2021-06-06", None, "Only one paragraph"),
    (" date 2021-06-06\n\nNo body after me\n\n", "2021-06-06", None, "No body after me"),
    (" date 2021-06-06\n\n" + "T" * 200 + "\n\nBody.", "2021-06-06", None, "T" * 200),
    (" date 2021-06-06 Same line\n\nLooks like a title\n\nBody.", "2021-06-06", None, "Same line"),
    (" date 2021-06-06\r\n\r\nCRLF title\r\n\r\nBody.\r\n", "2021-06-06", "CRLF title", "Body.\r\n"),
    (" date 2021-06-06\n\nTwo-line\nparagraph\n\nBody.", "2021-06-06", None, "Two-line\nparagraph"),
])
def test_seed_header_and_title_rules(text: str, date: str, title: str | None, body: str) -> None:
    article, notes = parse_text_article(text, "a")
    assert (article.date, article.title, notes) == (date, title, [])
    assert article.text == text
    assert article.text[article.body_start:].startswith(body)


def test_plain_text_has_no_date_title_or_offset() -> None:
    article, notes = parse_text_article("Updated 2021-06-06\n\nTitle-like\n\nBody.", "p")
    assert (article.date, article.title, article.body_start, notes) == (None, None, 0, [])


def test_invalid_header_date_is_null_with_a_warning(tmp_path: Path) -> None:
    found = items(write(tmp_path / "d.txt", " date 2021-02-30 9:61 Text here."))
    (article,) = articles(found)
    assert article.date is None
    assert article.text[article.body_start:] == "Text here."
    (warning,) = warnings(found)
    assert "2021-02-30" in warning.reason and warning.input.endswith("d.txt")


def test_bom_is_stripped_and_crlf_kept(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf date 2021-06-06\r\n\r\nHello\r\nworld\r\n"
    (article,) = articles(items(write(tmp_path / "b.txt", raw)))
    assert article.text == raw[3:].decode("utf-8")
    assert "\r\n" in article.text and not article.text.startswith("\ufeff")
    assert article.date == "2021-06-06"


# --- errors of text inputs ---------------------------------------------------------------

@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"\xef\xbb\xbf", "empty file"),
    (b" \n\t\r\n", "empty file (only whitespace)"),
    (b" date 2021-06-06\n\n", "no article text after the date header"),
    (b"abc\x00def", "binary file (NUL byte at byte 3)"),
    ("“x”".encode("utf-16"), "UTF-16"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"ok \xe2\x80 bad", "invalid UTF-8 at byte 3"),
    (b"\xef\xbb\xbfok \xff", "invalid UTF-8 at byte 6"),
])
def test_text_input_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    (error,) = errors(items(path))
    assert reason in error.reason
    assert error.input == str(path) and error.line is None


def test_encoding_errors_replace_goes_on_with_a_warning(tmp_path: Path) -> None:
    found = items(write(tmp_path / "r.txt", b"ab\xffc"), encoding_errors="replace")
    (article,) = articles(found)
    assert article.text == "ab\ufffdc"
    assert "byte 2" in warnings(found)[0].reason


def test_text_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 101)
    (error,) = errors(items(path, max_bytes=100))
    assert "larger than the limit of 100 bytes" in error.reason
    assert articles(items(path, max_bytes=101))


def test_missing_path_and_broken_symlink_are_errors(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = items(tmp_path / "nope.txt", tmp_path / "dangling.txt")
    assert [e.reason for e in errors(found)] == ["no such file or directory",
                                                 "broken symbolic link"]


# --- directories -------------------------------------------------------------------------

def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B")
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.txt", "AZ")
    write(tmp_path / "a" / "m.jsonl", '{"id": "am", "text": "AM"}\n')
    write(tmp_path / "c.md", "ignored: not an article suffix")
    write(tmp_path / ".hidden.txt", "ignored: hidden")
    assert [a.id for a in articles(items(tmp_path))] == ["am", "a/z", "b"]


def test_directory_without_article_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", "not an article")
    (error,) = errors(items(tmp_path))
    assert error.input == str(tmp_path) and "no article files" in error.reason


def test_symlinked_directories_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.id for a in articles(items(tmp_path))] == ["a"]


def test_broken_symlink_in_a_directory_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Good")
    (tmp_path / "bad.txt").symlink_to(tmp_path / "missing")
    found = items(tmp_path)
    assert [a.id for a in articles(found)] == ["good"]
    assert errors(found)[0].input == str(tmp_path / "bad.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads files whatever their mode; the broken-symlink test covers it")
def test_unreadable_file_in_a_directory_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Good")
    locked = write(tmp_path / "locked.txt", "secret")
    locked.chmod(0)
    try:
        found = items(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [a.id for a in articles(found)] == ["good"]
    assert "Permission denied" in errors(found)[0].reason


# --- JSON Lines --------------------------------------------------------------------------

def test_jsonl_fields_extra_and_fallback_id(tmp_path: Path) -> None:
    path = write(tmp_path / "arts.jsonl", "\n".join([
        json.dumps({"id": "a1", "text": "T1", "date": "2021-06-06", "title": "Ti",
                    "url": "https://x", "source": "wire", "n": 3}),
        "",
        json.dumps({"text": "T2", "date": "2021-06-06 07:29:00"}),
        json.dumps({"id": 17, "text": "T3", "date": "2021-06-06T07:29:30+02:00"}),
    ]) + "\n")
    first, second, third = articles(items(path))
    assert (first.id, first.title, first.url, first.date) == ("a1", "Ti", "https://x", "2021-06-06")
    assert first.extra == {"source": "wire", "n": 3}
    assert (second.id, second.date) == ("arts.jsonl:3", "2021-06-06T07:29")
    assert (third.id, third.date) == ("17", "2021-06-06T07:29:30+02:00")


@pytest.mark.parametrize("line, reason", [
    ('{"id": "x", "text": ', "malformed JSON"),
    ('{"id": "x"}', "no 'text' field"),
    ('{"id": "x", "text": 5}', "'text' must be a string, got number"),
    ('{"id": "x", "text": null}', "'text' must be a string, got null"),
    ('{"id": ["x"], "text": "t"}', "'id' must be a string or an integer"),
    ('["x"]', "expected a JSON object, got array"),
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ('{"id": "x", "text": "a\\ud800b"}', "lone surrogate \\ud800 in 'text' at character 1"),
])
def test_jsonl_line_errors_name_the_line_and_keep_the_rest(tmp_path: Path, line: str,
                                                          reason: str) -> None:
    path = write(tmp_path / "e.jsonl", f'{{"id": "good1", "text": "G"}}\n{line}\n'
                                       f'{{"id": "good2", "text": "G"}}\n')
    found = items(path)
    assert [a.id for a in articles(found)] == ["good1", "good2"]
    (error,) = errors(found)
    assert (error.input, error.line) == (str(path), 2)
    assert reason in error.reason


def test_jsonl_invalid_utf8_names_line_and_file_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "u.jsonl", b'{"text": "a"}\n{"text": "b\xff"}\n')
    (error,) = errors(items(path))
    assert (error.line, error.reason.split(" (")[0]) == (2, "invalid UTF-8 at byte 25")
    replaced = items(path, encoding_errors="replace")
    assert [a.text for a in articles(replaced)] == ["a", "b\ufffd"]


def test_jsonl_bad_optional_fields_become_null_with_warnings(tmp_path: Path) -> None:
    path = write(tmp_path / "w.jsonl", '{"text": "t", "date": "yesterday", "title": 5}\n'
                                       '{"text": "t", "date": 20210606}\n')
    found = items(path)
    assert [(a.date, a.title) for a in articles(found)] == [(None, None), (None, None)]
    assert [(w.line, w.reason.split(" ")[0]) for w in warnings(found)] == [
        (1, "cannot"), (1, "'title'"), (2, "'date'")]
    assert not errors(found)


def test_lone_surrogates_replaced_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", '{"id": "s", "text": "a\\udc00b"}\n')
    (article,) = articles(items(path, encoding_errors="replace"))
    assert article.text == "a\ufffdb"


def test_jsonl_oversize_line_is_skipped_and_later_lines_read(tmp_path: Path) -> None:
    path = write(tmp_path / "o.jsonl", '{"id": "big", "text": "' + "x" * 5000 + '"}\n'
                                       '{"id": "small", "text": "ok"}\n')
    found = items(path, max_bytes=1000)
    assert [a.id for a in articles(found)] == ["small"]
    (error,) = errors(found)  # the rest of the long line is skipped, not read as lines
    assert error.line == 1 and "larger than the limit" in error.reason


def test_other_suffixes_are_sniffed_like_stdin(tmp_path: Path) -> None:
    write(tmp_path / "a.json", '{"id": "j1", "text": "T"}\n{"id": "j2", "text": "T"}\n')
    write(tmp_path / "b.ndjson", '{"id": "n1", "text": "T"}\n')
    write(tmp_path / "c.md", "{not json, but a .md article}")
    write(tmp_path / "d.text", "Plain words.")
    found = items(*(tmp_path / n for n in ("a.json", "b.ndjson", "d.text")))
    assert [a.id for a in articles(found)] == ["j1", "j2", "n1", "d"]
    assert errors(items(tmp_path / "c.md"))  # a `{` that is not JSON: an error, not silence


def test_json_array_file_gets_a_conversion_hint(tmp_path: Path) -> None:
    (error,) = errors(items(write(tmp_path / "all.json", '[{"text": "a"}]')))
    assert "jq -c" in error.reason


def test_jsonl_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", b'\xef\xbb\xbf{"id": "c", "text": "x\\r\\ny"}\r\n')
    (article,) = articles(items(path))
    assert article.text == "x\r\ny"


@pytest.mark.parametrize("data, reason", [(b"", "empty file"), (b"\n \n", "no articles"),
                                          (b"\x00\x01garbage", "binary file")])
def test_jsonl_without_articles_is_an_error(tmp_path: Path, data: bytes, reason: str) -> None:
    (error,) = errors(items(write(tmp_path / "n.jsonl", data)))
    assert reason in error.reason


# --- streaming ---------------------------------------------------------------------------

def test_first_article_comes_before_later_lines_are_read(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", '{"id": "first", "text": "x"}\n' + "{bad\n" * 1000)
    stream = read_inputs([str(path)])
    assert next(stream).id == "first"  # type: ignore[union-attr]
    assert isinstance(next(stream), ReadError)


class EndlessLines(io.RawIOBase):
    """An endless JSON Lines stream that fails if anyone reads more than `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.served, self.limit, self.n = 0, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        self.n += 1
        line = json.dumps({"id": f"a{self.n}", "text": "t" * 100}).encode() + b"\n"
        self.served += len(line)
        assert self.served < self.limit, "the reader consumed far more than it yielded"
        buffer[:len(line)] = line
        return len(line)


def test_jsonl_stream_reads_line_by_line_from_an_endless_source() -> None:
    source = io.BufferedReader(EndlessLines(limit=200_000), buffer_size=256)
    stream = read_jsonl_stream(source, "endless", "endless")
    got = [next(stream).article.id for _ in range(3)]  # type: ignore[union-attr]
    assert got == ["a1", "a2", "a3"]


# --- stdin -------------------------------------------------------------------------------

def test_stdin_text_is_one_article_called_stdin() -> None:
    stream = io.BufferedReader(io.BytesIO(b" date 2021-06-06 Said so.\n"))
    (entry,) = read_stdin(stream)
    assert (entry.article.id, entry.article.date, entry.input) == ("stdin", "2021-06-06", "<stdin>")


def test_stdin_jsonl_is_detected_after_blank_lines() -> None:
    stream = io.BufferedReader(io.BytesIO(b'\xef\xbb\xbf\n\n  {"text": "a"}\n{oops\n'))
    found = list(read_stdin(stream))
    assert found[0].article.id == "stdin:3"  # type: ignore[union-attr]
    assert (found[1].input, found[1].line) == ("<stdin>", 4)  # type: ignore[union-attr]


def test_stdin_dash_in_read_inputs_uses_the_given_stream() -> None:
    stream = io.BufferedReader(io.BytesIO(b"plain words"))
    (article,) = read_inputs(["-"], stdin=stream)
    assert article.text == "plain words"  # type: ignore[union-attr]


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2021-06-06", "2021-06-06"), ("2021-06-06T07:29", "2021-06-06T07:29"),
    ("2021-06-06 07:29:00", "2021-06-06T07:29"), ("2021-06-06T07:29:05Z", "2021-06-06T07:29:05+00:00"),
])
def test_parse_date_normalises_iso_dates(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2021-13-01", "06/06/2021", ""])
def test_parse_date_rejects_non_dates(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize("value", ["yesterday", "2021-13-01", "", None, 20210606, ["2021-06-06"]])
def test_an_optional_date_that_is_no_date_is_none(value: object) -> None:
    assert date_or_none(value) is None


def test_an_optional_date_is_normalised() -> None:
    assert date_or_none(" 2021-06-06 07:29:00") == "2021-06-06T07:29"
