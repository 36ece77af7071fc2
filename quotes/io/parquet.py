"""Parquet: articles in, quote records out, by pyarrow, a row group at a time.

Input columns are named as for Spark (`id`, `text`, `date`, `title`, `url`,
`body_start`; `--column FIELD=NAME` renames them) and each row is checked like
a JSON Lines article. Output has the schema of `quote_schema()`, derived from
the Quote model exactly as the Spark schema of `quotes.spark` is.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from quotes.io.entries import Bad, Entry, ReadConfig, ReadError, ReadWarning, Sourced
from quotes.io.extras import require
from quotes.io.jsonl import article_from_record
from quotes.model import Quote
from quotes.write import Record, output_file

WHAT = "reading Parquet files"
FIELDS = ("id", "text", "date", "title", "url", "body_start")
ROWS_PER_GROUP = 10_000
_READ_BATCH = 1024


def read_parquet(source: Path | IO[bytes], name: str, json_name: str,
                 config: ReadConfig) -> Iterator[Entry]:
    """Articles of a Parquet file, read in batches of rows; the line number of a problem is the row."""
    pq = require("pyarrow.parquet", WHAT)
    try:
        table = pq.ParquetFile(source)
    except Exception as exc:  # pyarrow's errors for a damaged file have several classes
        yield ReadError(name, None, f"cannot read Parquet: {_one_line(exc)}")
        return
    columns = dict(config.columns) if config.columns else {}
    names = {field: columns.get(field, field) for field in FIELDS}
    present = set(table.schema_arrow.names)
    if names["text"] not in present:
        yield ReadError(name, None, f"no column {names['text']!r} for the article text; columns: "
                                    f"{', '.join(sorted(present))} (see --column text=NAME)")
        return
    wanted = [column for column in names.values() if column in present]
    row = 0
    try:
        for batch in table.iter_batches(batch_size=_READ_BATCH, columns=wanted):
            for values in batch.to_pylist():
                row += 1
                record = {field: _plain(values[column]) for field, column in names.items()
                          if column in present}
                yield from _row_entries(record, name, f"{json_name}:{row}", row, config)
    except Exception as exc:  # a damaged row group ends the file, the rows before it are kept
        yield ReadError(name, row + 1, f"cannot read Parquet: {_one_line(exc)}")


def _row_entries(record: dict[str, Any], name: str, fallback_id: str, row: int,
                 config: ReadConfig) -> Iterator[Entry]:
    """The article of one row, with its warnings, or the error that stops it (as for a JSON line)."""
    warnings: list[str] = []
    body_start = record.pop("body_start", None)
    try:
        if record.get("text") is None:
            raise Bad("no article text (null)")
        article = article_from_record(record, fallback_id, config, warnings)
        if body_start:
            if not isinstance(body_start, int) or not 0 <= body_start <= len(article.text):
                raise Bad(f"'body_start' {body_start!r} is not an offset into the text")
            article = article.model_copy(update={"body_start": body_start})
    except Bad as exc:
        yield from (ReadWarning(name, row, warning) for warning in warnings)
        yield ReadError(name, row, str(exc))
        return
    yield from (ReadWarning(name, row, warning) for warning in warnings)
    yield Sourced(article, name, row)


def _plain(value: Any) -> Any:
    """Dates and timestamps as ISO strings, as in JSON Lines; other values as they are."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def quote_schema() -> Any:
    """The Arrow schema of a Quote record, derived from the pydantic model (as Spark's is)."""
    pa = require("pyarrow", WHAT)
    return pa.schema(_fields(Quote, pa))


def _fields(model: type[BaseModel], pa: Any) -> list[Any]:
    schema = model.model_json_schema(mode="serialization")
    return _struct_fields(schema, schema.get("$defs", {}), pa)


def _struct_fields(schema: dict[str, Any], defs: dict[str, Any], pa: Any) -> list[Any]:
    """One Arrow field per property, in model order; `X | None` is nullable, nothing else."""
    fields = []
    for name, prop in schema["properties"].items():
        nullable = False
        if "anyOf" in prop:
            options = [p for p in prop["anyOf"] if p.get("type") != "null"]
            if len(options) != 1:
                raise TypeError(f"no Arrow type for a union of {len(options)} types: {prop}")
            nullable, prop = len(options) < len(prop["anyOf"]), options[0]
        fields.append(pa.field(name, _data_type(prop, defs, pa), nullable=nullable))
    return fields


def _data_type(prop: dict[str, Any], defs: dict[str, Any], pa: Any) -> Any:
    """The Arrow type of a non-null JSON-schema type: scalars and nested models."""
    if "$ref" in prop:
        return pa.struct(_struct_fields(defs[prop["$ref"].rsplit("/", 1)[-1]], defs, pa))
    scalars = {"string": pa.string, "integer": pa.int64, "number": pa.float64, "boolean": pa.bool_}
    if prop.get("type") in scalars:
        return scalars[prop["type"]]()
    raise TypeError(f"no Arrow type for JSON schema {prop}")


class ParquetWriter:
    """Quote records into a Parquet file, one row group per `ROWS_PER_GROUP` records."""

    def __init__(self, sink: str | IO[bytes]) -> None:
        pq = require("pyarrow.parquet", WHAT)
        self._pa = require("pyarrow", WHAT)
        self._schema = quote_schema()
        self._writer = pq.ParquetWriter(sink, self._schema)
        self._rows: list[Record] = []

    def write(self, record: Record) -> None:
        """Add one record; a full row group is written out."""
        self._rows.append(record)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def close(self) -> None:
        """Write the last rows and the file footer."""
        self._flush()
        self._writer.close()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []


@contextmanager
def open_parquet_output(path: str | os.PathLike[str] | None) -> Iterator[ParquetWriter]:
    """A Parquet writer to stdout (None or `-`) or to FILE as `-o` writes every format:
    a regular file replaced only when all went well, a device or FIFO written through."""
    if path is None or str(path) == "-":
        writer = ParquetWriter(sys.stdout.buffer)  # type: ignore[arg-type]
        yield writer
        writer.close()
        sys.stdout.buffer.flush()
        return
    with output_file(Path(path)) as stream:
        writer = ParquetWriter(stream.buffer)  # type: ignore[attr-defined]  # bytes under the text
        yield writer
        writer.close()


def _one_line(exc: Exception) -> str:
    """A library's message on one line."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__
