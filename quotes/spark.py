"""Run the extractor on Spark: a DataFrame of articles in, a DataFrame of quote records out.

Install the extra (``pip install 'quotes[spark]'``) on the driver and on every
executor, then::

    from pyspark.sql import SparkSession
    from quotes.spark import extract_quotes

    spark = SparkSession.builder.appName("quotes").getOrCreate()
    articles = spark.read.json("s3://bucket/articles/*.jsonl")   # id, text, date, title
    extract_quotes(articles).write.parquet("s3://bucket/quotes/")

On a cluster the executors need the ``quotes`` package too. Either install it
there (``pip install quotes`` in the cluster's Python environment or image), or
ship it with the job as a zip (a wheel is a zip, but Spark only puts ``.zip``,
``.egg`` and ``.py`` files on the executors' ``sys.path``)::

    pip wheel --no-deps -w dist . && cp dist/quotes-*.whl dist/quotes.zip
    spark-submit --master yarn --py-files dist/quotes.zip job.py

The package's own dependencies (pydantic, regex) must be installed on the
executors, for example in the image or with ``spark.archives`` and a packed
virtualenv; its lexicons are read with ``importlib.resources``, so they load
from inside the zip.

Each partition runs the very same ``quotes.pipeline.extract`` as the CLI, so
the records are equal to ``quotes extract``'s. The work goes through
``DataFrame.rdd.mapPartitions``: no pandas or Arrow needed, but it needs a
classic Spark session (not Spark Connect). Nothing here imports pyspark until
it is called, so ``import quotes`` never needs it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from quotes.model import Quote

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, Row
    from pyspark.sql.types import DataType, StructType

# Article fields read from the input DataFrame, in this order.
_ARTICLE_FIELDS = ("id", "text", "date", "title", "url", "body_start")
_OPTIONAL = {"date", "title", "url", "body_start"}


def extract_quotes(df: DataFrame, *, id_col: str = "id", text_col: str = "text",
                   date_col: str = "date", title_col: str = "title", url_col: str = "url",
                   body_start_col: str = "body_start",
                   on_error: Literal["fail", "skip"] = "fail") -> DataFrame:
    """Quote records of every article (row) of `df`, with `quote_schema()` as schema.

    `id_col` and `text_col` must exist. The others are optional: a missing
    column reads as null (``body_start``: 0). A row whose text is null or empty
    gives no records. Dates of date or timestamp type are cast to strings, then
    normalised like the CLI's (``2021-06-06T07:29``); a date that does not parse
    becomes null with a warning on the executor's stderr. A column of a type that
    cannot hold its field (a struct or array as text, say) is a ValueError here.
    An article the extractor fails on, or with a null id, fails the job
    (``on_error="fail"``), or gives no records and a line on the executor's
    stderr (``"skip"``).
    """
    if on_error not in ("fail", "skip"):
        raise ValueError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    columns = dict(zip(_ARTICLE_FIELDS, (id_col, text_col, date_col, title_col, url_col,
                                         body_start_col), strict=True))
    articles = df.select(*_article_columns(df, columns))
    schema = quote_schema()
    rows = articles.rdd.mapPartitions(partial(_extract_partition, schema=schema,
                                              skip_errors=on_error == "skip"))
    return articles.sparkSession.createDataFrame(rows, schema)


def quote_schema() -> StructType:
    """The Spark schema of a Quote record, derived from the pydantic model."""
    return model_schema(Quote)


def model_schema(model: type[BaseModel]) -> StructType:
    """A pydantic model's JSON schema (as dumped) as a Spark StructType; Optional is nullable."""
    schema = model.model_json_schema(mode="serialization")
    return _struct(schema, schema.get("$defs", {}))


def _struct(schema: dict[str, Any], defs: dict[str, Any]) -> StructType:
    """A StructType for a JSON-schema object: one field per property, in model order."""
    from pyspark.sql.types import StructField, StructType

    fields = []
    for name, prop in schema["properties"].items():
        dtype, nullable = _field_type(prop, defs)
        fields.append(StructField(name, dtype, nullable))
    return StructType(fields)


def _field_type(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[DataType, bool]:
    """The Spark type of one property and whether it may be null (``X | None``)."""
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) != 1:
            raise TypeError(f"no Spark type for a union of {len(options)} types: {prop}")
        dtype, _ = _field_type(options[0], defs)
        return dtype, len(options) < len(prop["anyOf"])
    return _data_type(prop, defs), False


def _data_type(prop: dict[str, Any], defs: dict[str, Any]) -> DataType:
    """The Spark type of a non-null JSON-schema type: scalars, nested models, lists, maps."""
    from pyspark.sql import types as T

    if "$ref" in prop:
        return _struct(defs[prop["$ref"].rsplit("/", 1)[-1]], defs)
    scalars = {"string": T.StringType, "integer": T.LongType, "number": T.DoubleType,
               "boolean": T.BooleanType}
    kind = prop.get("type")
    if kind in scalars:
        return scalars[kind]()
    if kind == "array":
        return T.ArrayType(_field_type(prop.get("items", {}), defs)[0])
    if kind == "object" and "properties" in prop:
        return _struct(prop, defs)
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return T.MapType(T.StringType(), _field_type(prop["additionalProperties"], defs)[0])
    raise TypeError(f"no Spark type for JSON schema {prop}")


def _article_columns(df: DataFrame, names: dict[str, str]) -> list[Any]:
    """Columns named after Article fields; missing optional ones become typed nulls."""
    from pyspark.sql import functions as F

    present = set(df.columns)
    for field in ("id", "text"):
        if names[field] not in present:
            raise ValueError(f"column {names[field]!r} ({field}) not in DataFrame: {df.columns}")
    columns = []
    for field, name in names.items():
        kind = "long" if field == "body_start" else "string"
        if name in present:
            _check_type(df, field, name)
            columns.append(F.col(name).cast(kind).alias(field))
        elif field in _OPTIONAL:
            columns.append(F.lit(None).cast(kind).alias(field))
    return columns


# Spark type names (`DataType.typeName()`) a column of each field may have: what
# casts to it meaningfully. A struct or array cast to a string would be extracted
# as its printed form, so it is refused instead, as the CLI refuses a non-string text.
_TEXTUAL = {"string", "varchar", "char"}
_INTEGRAL = {"byte", "short", "integer", "long"}
_ACCEPTED = {"id": _TEXTUAL | _INTEGRAL, "text": _TEXTUAL, "title": _TEXTUAL, "url": _TEXTUAL,
             "date": _TEXTUAL | {"date", "timestamp", "timestamp_ntz"}, "body_start": _INTEGRAL}


def _check_type(df: DataFrame, field: str, name: str) -> None:
    """A column whose type cannot hold its field is an error before any work starts."""
    found = df.schema[name].dataType.typeName()
    if found != "void" and found not in _ACCEPTED[field]:
        raise ValueError(f"column {name!r} ({field}) has type {found}; expected one of "
                         f"{', '.join(sorted(_ACCEPTED[field]))}")


def _extract_partition(rows: Iterable[Row], schema: StructType,
                       skip_errors: bool) -> Iterator[tuple[Any, ...]]:
    """Run the pipeline on each article of one partition (on the executor)."""
    for row in rows:
        if row["id"] is None:
            if not skip_errors:
                raise ValueError("an article has a null id")
            print("quotes.spark: skipped an article with a null id", file=sys.stderr)
            continue
        if not row["text"]:
            continue
        try:
            records = _records(row)
        except Exception as exc:
            if not skip_errors:
                raise RuntimeError(f"extraction failed for article {row['id']!r}") from exc
            print(f"quotes.spark: skipped article {row['id']!r}: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            continue
        yield from (_to_row(record, schema) for record in records)


def _records(row: Row) -> list[dict[str, Any]]:
    """The CLI's records (same pipeline, same serialisation) for one article row."""
    from quotes.model import Article
    from quotes.pipeline import extract
    from quotes.write import quote_record

    fields = {k: v for k, v in row.asDict().items() if v is not None}
    if "date" in fields:
        fields["date"] = _date(fields["date"], fields["id"])
        if fields["date"] is None:
            del fields["date"]
    return [quote_record(q) for q in extract(Article(**fields))]


def _date(value: str, article_id: str) -> str | None:
    """The CLI's date: ISO 8601 normalised (a timestamp cast to a string included), or
    null with a warning on the executor's stderr."""
    from quotes.model import parse_date

    try:
        return parse_date(value)
    except ValueError:
        print(f"quotes.spark: warning: article {article_id!r}: cannot parse date "
              f"{value[:40]!r}; date set to null", file=sys.stderr)
        return None


def _to_row(value: Any, dtype: DataType) -> Any:
    """A model dump as nested tuples in schema order (what createDataFrame expects)."""
    from pyspark.sql.types import ArrayType, StructType

    if value is None:
        return None
    if isinstance(dtype, StructType):
        return tuple(_to_row(value.get(f.name), f.dataType) for f in dtype.fields)
    if isinstance(dtype, ArrayType):
        return [_to_row(v, dtype.elementType) for v in value]
    return value


def link_records(records: DataFrame, people: dict[str, str] | None = None) -> DataFrame:
    """`records` (a DataFrame of quote records) with `speaker_id` and `quotation_id`: one id per
    person and per quotation across articles, the same ids as `quotes index` (docs/dataset.md).
    `people` maps names to your own person ids, like `quotes index --people`."""
    from quotes.dataset.spark import link_records as link

    return link(records, people)
