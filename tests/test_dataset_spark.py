"""`quotes.spark.link_records` on a local[2] session gives the ids `quotes index` gives."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from test_spark import needs_spark

from quotes.dataset.index import index
from quotes.read import read_inputs
from quotes.write import quote_record

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "dataset"
PEOPLE = {"Rosa Quill": "Q901", "R. Quill": "Q901", "Ivo Pell": "Q903"}


def fixture_records() -> list[dict[str, Any]]:
    """The fixture articles' records, and reprints of them with variations (invented words)."""
    from quotes.model import Article
    from quotes.pipeline import extract

    articles = [a for a in read_inputs([DATA / "articles.jsonl", DATA / "more.jsonl"]) if isinstance(a, Article)]
    records = [quote_record(q) for a in articles for q in extract(a)]
    rnd = random.Random(7)
    reprints = []
    for n in range(60):
        record = dict(rnd.choice(records))
        words = record["text"].split()
        if len(words) > 6 and n % 3 == 0:
            words[rnd.randrange(len(words))] = "truly"
        if len(words) > 8 and n % 4 == 1:
            words = words[1:-1]
        if len(words) > 8 and n % 5 == 2:
            words = [*words[:3], "…", *words[5:]]
        record.update(article_id=f"reprint-{n}", id=f"r{n}", text=" ".join(words),
                      end=record["start"] + len(" ".join(words)),
                      date=f"2024-05-{1 + n % 28:02d}")
        reprints.append(record)
    return records + reprints


def sqlite_ids(records: list[dict[str, Any]], folder: Path) -> dict[str, tuple[str | None, str]]:
    path = folder / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = folder / "q.db"
    index([str(path)], db, people=PEOPLE)
    with sqlite3.connect(db) as con:
        return {rid: (sid, qid) for rid, sid, qid in con.execute(
            "SELECT id, speaker_id, quotation_id FROM quotes")}


@needs_spark
def test_spark_gives_the_ids_quotes_index_gives(spark: Any, tmp_path: Path) -> None:
    from quotes.spark import _to_row, link_records, quote_schema

    records = fixture_records()
    schema = quote_schema()
    frame = spark.createDataFrame([_to_row(r, schema) for r in records], schema)
    linked = link_records(frame, PEOPLE).select("id", "speaker_id", "quotation_id").collect()
    on_spark = {row["id"]: (row["speaker_id"], row["quotation_id"]) for row in linked}
    expected = sqlite_ids(records, tmp_path)
    assert on_spark == expected
    assert len(set(q for _, q in expected.values())) < len(expected)  # some records did join
