"""`quotes index` and `quotes find` on invented articles: one person and one quotation across them.

fixtures/dataset/articles.jsonl: Governor Rosa Quill's bridge pledge printed by five
outlets (capitals, an ellipsis and a changed word, a fragment, a cut by its cue) and
once misattributed to her namesake Senator Hugo Quill; a bare "Quill" nobody can tell
apart; "Pell" and the only Pell, Ivo Pell. more.jsonl: a later reprint.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from inprocess import cli

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "dataset"
ARTICLES, MORE = DATA / "articles.jsonl", DATA / "more.jsonl"


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "quotes.db"
    result = cli("index", ARTICLES, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def speaker_of(db: Path, article: str, start_of_text: str) -> tuple[str, str]:
    (found,) = rows(db, "SELECT s.id, s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                        "WHERE q.article_id = ? AND q.text LIKE ?", article, start_of_text + "%")
    return found


def test_one_person_across_name_variants(db: Path) -> None:
    rosa = speaker_of(db, "herald-1", "We will")
    assert speaker_of(db, "wire-2", "WE WILL") == rosa  # "Gov. Rosa J. Quill"
    assert speaker_of(db, "post-3", "We will") == rosa
    names = json.loads(rows(db, "SELECT names FROM speakers WHERE id = ?", rosa[0])[0][0])
    assert names == {"Rosa Quill": 2, "Rosa J. Quill": 1}


def test_namesakes_apart_and_an_ambiguous_surname_alone(db: Path) -> None:
    rosa, hugo = speaker_of(db, "herald-1", "We will"), speaker_of(db, "daily-4", "Taxes")
    bare = speaker_of(db, "times-5", "Every bridge")
    assert len({rosa, hugo, bare}) == 3
    assert bare[1] == "Quill"


def test_a_surname_joins_the_only_person_with_it(db: Path) -> None:
    assert speaker_of(db, "times-6", "The numbers") == speaker_of(db, "herald-7", "We are ahead")


def test_one_quotation_across_variants_and_the_misattribution_disputes_it(db: Path) -> None:
    ids = rows(db, "SELECT article_id, quotation_id FROM quotes WHERE text LIKE '%bridge%' "
                   "OR text LIKE '%BRIDGE%'")
    assert {a for a, _ in ids} == {"herald-1", "wire-2", "post-3", "daily-4", "times-5"}
    assert len({q for _, q in ids}) == 1
    (quotation,) = rows(db, "SELECT text, first_date, first_article_id, articles, speakers, disputed "
                            "FROM quotations WHERE id = ?", ids[0][1])
    assert quotation[0].startswith("We will rebuild every bridge") and quotation[0].endswith("pay for it")
    assert quotation[1:] == ("2024-03-01", "herald-1", 5, 3, 1)


def test_a_short_piece_is_its_own_quotation(db: Path) -> None:
    (piece,) = rows(db, "SELECT quotation_id FROM quotes WHERE text = 'will be rebuilt'")
    assert rows(db, "SELECT count(*) FROM quotes WHERE quotation_id = ?", piece[0]) == [(1,)]


def test_articles_keep_url_and_outlet(db: Path) -> None:
    assert rows(db, "SELECT title, date, url, outlet FROM articles WHERE id = 'herald-1'") == [
        (None, "2024-03-01", "https://www.eastland-herald.example/bridges", "Eastland Herald")]


def test_every_record_has_one_quotation_and_its_speaker(db: Path) -> None:
    assert rows(db, "SELECT count(*) FROM quotes WHERE quotation_id IS NULL "
                    "OR quotation_id NOT IN (SELECT id FROM quotations)") == [(0,)]
    assert rows(db, "SELECT count(*) FROM quotes WHERE speaker IS NOT NULL AND speaker_id NOT IN "
                    "(SELECT id FROM speakers)") == [(0,)]


def test_quotes_table_has_every_record_field(db: Path) -> None:
    from quotes.dataset.store import quote_columns
    columns = [r[1] for r in rows(db, "PRAGMA table_info(quotes)")]
    assert columns[:len(quote_columns())] == quote_columns()
    assert {"speaker_id", "quotation_id"} <= set(columns)


def snapshot(db: Path) -> dict[str, Any]:
    return {"quotes": rows(db, "SELECT id, speaker_id, quotation_id FROM quotes ORDER BY id"),
            "quotations": rows(db, "SELECT id, text, first_date, articles, speakers, disputed, quotes "
                                   "FROM quotations ORDER BY id"),
            "speakers": rows(db, "SELECT * FROM speakers ORDER BY id")}


def test_incremental_equals_all_at_once(tmp_path: Path) -> None:
    once, twice = tmp_path / "once.db", tmp_path / "twice.db"
    assert cli("index", ARTICLES, MORE, "-o", once).exit_code == 0
    assert cli("index", ARTICLES, "-o", twice).exit_code == 0
    result = cli("index", MORE, ARTICLES, "-o", twice)
    assert result.exit_code == 0
    assert "1 quotes added (9 already indexed)" in result.output
    assert snapshot(once) == snapshot(twice)
    (gazette,) = rows(once, "SELECT quotation_id FROM quotes WHERE article_id = 'gazette-8'")
    (herald,) = rows(once, "SELECT quotation_id FROM quotes WHERE article_id = 'herald-1'")
    assert gazette == herald


def test_record_files_index_like_their_articles(tmp_path: Path, db: Path) -> None:
    records = tmp_path / "records.jsonl"
    assert cli("extract", ARTICLES, "-o", records).exit_code == 0
    from_records = tmp_path / "records.db"
    assert cli("index", records, "-o", from_records).exit_code == 0
    assert snapshot(from_records) == snapshot(db)


@pytest.mark.parametrize("people", ["people.csv", "people.jsonl"])
def test_people_ids_reach_the_database_and_find(tmp_path: Path, people: str) -> None:
    path = tmp_path / "q.db"
    assert cli("index", ARTICLES, "-o", path, "--people", DATA / people).exit_code == 0
    assert rows(path, "SELECT person_id FROM speakers WHERE name = 'Rosa Quill'") == [("Q901",)]
    result = cli("find", path, "rebuild every bridge", "--json")
    speakers = json.loads(result.output.splitlines()[0])["speakers"]
    assert {s["name"]: s["person_id"] for s in speakers}["Rosa Quill"] == "Q901"
    by_id = cli("find", path, "--speaker", "Q901", "--json")
    assert len(by_id.output.splitlines()) == 1


def test_people_file_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("who,what\nx,y\n")
    result = cli("index", ARTICLES, "-o", tmp_path / "q.db", "--people", bad)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "people.csv" in result.output
    assert not (tmp_path / "q.db").exists()


def find_json(db: Path, *args: str) -> list[dict[str, Any]]:
    result = cli("find", db, *args, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_find_gives_every_occurrence_with_its_differences(db: Path) -> None:
    (first, *_) = find_json(db, "we will rebuild every bridge in this state before winter")
    assert list(first)[:7] == ["quotation_id", "text", "kind", "first_seen", "disputed", "speakers",
                               "occurrences"]
    assert first["disputed"] is True
    assert first["first_seen"]["article_id"] == "herald-1"
    assert {s["name"] for s in first["speakers"]} == {"Rosa Quill", "Hugo Quill", "Quill"}
    occurrences = first["occurrences"]
    assert [o["article_id"] for o in occurrences] == ["herald-1", "wire-2", "post-3", "daily-4", "times-5"]
    assert occurrences[0]["differences"] == []
    assert {"earliest": "winter", "here": "summer"} in occurrences[2]["differences"]
    assert occurrences[3]["speaker"] == "Hugo Quill"


@pytest.mark.parametrize("words", ["WE WILL REBUÍLD EVERY BRIDGE", "«we shall rebuild each bridge in this state»",
                                   "rebuild every bridge before the winter"])
def test_find_ignores_case_accents_marks_and_a_few_changed_words(db: Path, words: str) -> None:
    assert find_json(db, words)[0]["first_seen"]["article_id"] == "herald-1"


def test_find_ranks_the_closest_first(db: Path) -> None:
    found = find_json(db, "taxes will not rise")
    assert found[0]["text"] == "Taxes will not rise this year"


def test_find_by_speaker_alone_lists_their_quotations(db: Path) -> None:
    found = find_json(db, "--speaker", "Sen. Hugo Quill")
    assert {f["text"] for f in found} == {"Taxes will not rise this year",
                                          "We will rebuild every bridge in this state before the winter "
                                          "comes, and we will not ask the towns to pay for it"}


def test_find_dates_and_limit(db: Path) -> None:
    (found,) = find_json(db, "rebuild every bridge", "--since", "2024-03-03", "--until", "2024-03-04")
    assert [o["article_id"] for o in found["occurrences"]] == ["post-3", "daily-4"]
    assert find_json(db, "rebuild every bridge", "--since", "2025-01-01") == []
    assert len(find_json(db, "we", "--limit", "1")) == 1


def test_find_text_output_flags_a_disputed_quotation(db: Path) -> None:
    result = cli("find", db, "rebuild every bridge")
    assert "DISPUTED" in result.output and "winter → summer" in result.output


def test_find_needs_words_or_a_speaker(db: Path) -> None:
    assert cli("find", db).exit_code == 2
    assert cli("find", db, "x", "--since", "March").exit_code == 2


def test_a_file_neither_articles_nor_records_costs_nothing_else(tmp_path: Path) -> None:
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"name": "not an article"}\n')
    path = tmp_path / "q.db"
    result = cli("index", odd, ARTICLES, "-o", path)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("quotes: error")]
    assert len(errors) == 1 and "odd.jsonl" in errors[0] and "neither articles" in errors[0]
    assert rows(path, "SELECT count(*) FROM quotes") == [(9,)]


def test_a_database_of_another_version_is_left_alone(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "old.db"
    path.write_bytes(db.read_bytes())
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    before = path.read_bytes()
    result = cli("index", MORE, "-o", path)
    assert result.exit_code == 3
    assert result.output.count("\n") == 1 and "schema version 0" in result.output
    assert path.read_bytes() == before
    assert cli("find", path, "bridge").exit_code == 3


@pytest.mark.parametrize("content", [b"garbage, not a database" * 100, b""])
def test_a_corrupt_database_gets_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    # An empty file is an empty database: indexing into it is fine, finding in it is not.
    for args in (("index", MORE, "-o", path),) * bool(content) + (("find", path, "bridge"),):
        result = cli(*args)
        assert result.exit_code == 3 and result.output.count("\n") == 1, result.output
        assert "bad.db" in result.output
    if content:
        assert path.read_bytes() == content


def test_a_failed_run_loses_nothing_already_indexed(tmp_path: Path, db: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "q.db"
    path.write_bytes(db.read_bytes())
    before = snapshot(path)
    import quotes.dataset.index as index_module

    def broken(*args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(index_module, "_search", broken)
    result = cli("index", MORE, "-o", path)
    assert result.exit_code == 3 and "disk is full" in result.output
    assert snapshot(path) == before


def test_other_sqlite_databases_are_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (x)")
    before = path.read_bytes()
    assert cli("index", MORE, "-o", path).exit_code == 3
    assert path.read_bytes() == before


def test_find_looks_up_uncommon_words_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.dataset import find

    monkeypatch.setattr(find, "COMMON", 0.2)
    with sqlite3.connect(db) as con:
        leads = find._leads(con, find.search_terms("We will rebuild every bridge"))
    assert "we" not in leads and {"rebuild", "bridge"} <= set(leads)
