"""quotes.spark on a local Spark session: the same records as the pipeline and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotes.model import Article, Quote, Span
from quotes.pipeline import extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _skip_reason() -> str | None:
    """Why Spark cannot run here, or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install -e '.[spark]')"
    home = os.environ.get("JAVA_HOME", "")
    if shutil.which("java") is None and not (home and (Path(home) / "bin" / "java").exists()):
        return "no Java runtime: java is not on PATH and JAVA_HOME is unset"
    return None


needs_spark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def seed_articles() -> list[Article]:
    """The seed articles, read by the CLI's reader."""
    from quotes.read import read_inputs

    return [item for item in read_inputs([SEEDS]) if isinstance(item, Article)]


def _article_frame(spark: Any, articles: list[Article], **names: str) -> Any:
    """A DataFrame of articles, columns renamed as in `names` (field -> column)."""
    fields = ["id", "text", "date", "title", "url", "body_start"]
    rows = [tuple(getattr(a, f) for f in fields) for a in articles]
    schema = ("id string, text string, date string, title string, url string, "
              "body_start long")
    frame = spark.createDataFrame(rows, schema)
    for field, column in names.items():
        frame = frame.withColumnRenamed(field, column)
    return frame


def _sorted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in a stable order: article, then span."""
    return sorted(records, key=lambda r: (r["article_id"], r["start"], r["end"], r["id"]))


def _spark_records(frame: Any) -> list[dict[str, Any]]:
    """Collected rows as plain dicts (nested structs too)."""
    return _sorted([row.asDict(recursive=True) for row in frame.collect()])


def _pipeline_records(articles: list[Article]) -> list[dict[str, Any]]:
    """What quotes.pipeline.extract gives for the same articles, as dicts."""
    records = _sorted([q.model_dump(mode="json") for a in articles for q in extract(a)])
    assert all(isinstance(r["confidence"], float) for r in records)
    return records


@needs_spark
def test_schema_follows_quote_model() -> None:
    """Every Quote field is a column; Optional fields and only they are nullable."""
    from pyspark.sql import types as T

    from quotes.spark import quote_schema

    schema = quote_schema()
    assert schema.fieldNames() == list(Quote.model_fields)
    by_name = {f.name: f for f in schema.fields}
    assert by_name["start"].dataType == T.LongType() and not by_name["start"].nullable
    assert by_name["confidence"].dataType == T.DoubleType()
    assert by_name["speaker"].nullable and not by_name["text"].nullable
    span = by_name["cue"].dataType
    assert isinstance(span, T.StructType) and span.fieldNames() == list(Span.model_fields)
    assert by_name["cue"].nullable and by_name["speaker_mention"].nullable


@needs_spark
def test_records_round_trip_through_schema(spark: Any) -> None:
    """A Quote with nested spans and nulls comes back from Spark unchanged."""
    from quotes.spark import _to_row, quote_schema

    text = "“We are ready,” Jane Doe said."
    quote = Quote(id="x", article_id="a", text="We are ready,", start=1, end=14,
                  kind="direct", speaker="Jane Doe", resolution="name",
                  speaker_mention=Span(text="Jane Doe", start=16, end=24),
                  cue=Span(text="said", start=25, end=29), confidence=0.9,
                  rule="quote-comma-name-said", explanation="adjacent name")
    assert text[quote.start:quote.end] == quote.text
    schema = quote_schema()
    frame = spark.createDataFrame([_to_row(quote.model_dump(mode="json"), schema)], schema)
    assert [r.asDict(recursive=True) for r in frame.collect()] == [quote.model_dump(mode="json")]


@needs_spark
def test_spark_equals_pipeline_on_seeds(spark: Any) -> None:
    """Spark records over the seeds equal quotes.pipeline.extract's, field by field."""
    from quotes.spark import extract_quotes

    articles = seed_articles()
    assert len(articles) == len(list(SEEDS.glob("*.txt"))), "seed articles missing"
    records = _spark_records(extract_quotes(_article_frame(spark, articles).repartition(2)))
    expected = _pipeline_records(articles)
    assert records == expected
    assert expected, "the pipeline found no quote in the seeds: nothing was compared"


@needs_spark
def test_spark_equals_cli_on_seeds(spark: Any) -> None:
    """Spark records over the seeds equal the output of `quotes extract seeds`."""
    from quotes.spark import extract_quotes

    run = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEEDS), "--quiet"],
                         check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    expected = _sorted([json.loads(line) for line in run.stdout.splitlines() if line.strip()])
    records = _spark_records(extract_quotes(_article_frame(spark, seed_articles())))
    assert records == expected


@needs_spark
def test_configurable_columns_and_missing_optional_ones(spark: Any) -> None:
    """Renamed id/text columns work; absent date and title read as null."""
    from quotes.spark import extract_quotes

    text = "“We are ready to act,” Jane Doe said on Monday."
    frame = spark.createDataFrame([("doc-1", text)], "doc string, body string")
    records = _spark_records(extract_quotes(frame, id_col="doc", text_col="body"))
    expected = _pipeline_records([Article(id="doc-1", text=text)])
    assert records == expected
    assert all(r["date"] is None and r["article_title"] is None for r in records)


@needs_spark
def test_missing_text_column_is_a_clear_error(spark: Any) -> None:
    """A DataFrame without the text column fails early, naming the column."""
    from quotes.spark import extract_quotes

    frame = spark.createDataFrame([("doc-1",)], "id string")
    with pytest.raises(ValueError, match="'text'"):
        extract_quotes(frame)


@needs_spark
def test_a_bad_article_fails_the_job_or_is_skipped(spark: Any) -> None:
    """on_error='skip' keeps the good articles' records; the default fails loudly."""
    from quotes.spark import extract_quotes

    text = "“We are ready to act,” Jane Doe said on Monday."
    frame = spark.createDataFrame([("good", text, 0), ("bad", text, -1)],
                                  "id string, text string, body_start long")
    records = _spark_records(extract_quotes(frame, on_error="skip"))
    assert records == _pipeline_records([Article(id="good", text=text)])
    with pytest.raises(Exception, match="extraction failed for article 'bad'"):
        extract_quotes(frame).collect()


def test_import_never_needs_pyspark() -> None:
    """`import quotes` and `import quotes.spark` work where pyspark is not installed."""
    code = ("import sys; sys.modules['pyspark'] = None; import quotes, quotes.spark; "
            "assert quotes.spark.extract_quotes")
    run = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr


# --- issue 16: Spark reads articles as the CLI does ------------------------------------------

@needs_spark
def test_dates_are_normalised_like_the_cli_and_bad_ones_become_null(spark: Any) -> None:
    from quotes.spark import extract_quotes

    text = "“We are ready to act,” Jane Doe said on Monday."
    stamped = spark.sql(f"SELECT 'ts' AS id, '{text}' AS text, "
                        "TIMESTAMP '2021-06-06 07:29:00' AS date")
    worded = spark.createDataFrame([("bad", text, "yesterday"), ("none", text, None)],
                                   "id string, text string, date string")
    dates = {r["article_id"]: r["date"]
             for frame in (stamped, worded) for r in _spark_records(extract_quotes(frame))}
    assert dates == {"ts": "2021-06-06T07:29", "bad": None, "none": None}


@needs_spark
def test_a_text_column_of_structs_is_refused(spark: Any) -> None:
    from quotes.spark import extract_quotes

    frame = spark.sql("SELECT 'a' AS id, named_struct('body', 'x said “yes”') AS text")
    with pytest.raises(ValueError, match=r"'text' .* has type struct"):
        extract_quotes(frame)
    frame = spark.sql("SELECT 'a' AS id, array('“Yes,” Ann Lee said.') AS text")
    with pytest.raises(ValueError, match="has type array"):
        extract_quotes(frame)


@needs_spark
def test_a_null_id_is_skipped_when_asked(spark: Any) -> None:
    from quotes.spark import extract_quotes

    text = "“We are ready to act,” Jane Doe said on Monday."
    frame = spark.createDataFrame([("good", text), (None, text)], "id string, text string")
    records = _spark_records(extract_quotes(frame, on_error="skip"))
    assert records == _pipeline_records([Article(id="good", text=text)])
    with pytest.raises(Exception, match="null id"):
        extract_quotes(frame).collect()
