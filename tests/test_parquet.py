"""Parquet: articles in and quote records out, by row groups, with the Spark schema."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from archives import SEEDS, cli, extract, records, seed_jsonl

import quotes.io.formats
import quotes.io.parquet
from quotes.io.parquet import quote_schema


def articles_parquet(jsonl: Path, path: Path, rename: dict[str, str] | None = None,
                     rows_per_group: int = 1) -> Path:
    """The articles of a JSON Lines file as Parquet, one row group per `rows_per_group` rows."""
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    table = pa.Table.from_pylist([{(rename or {}).get(k, k): v for k, v in row.items()}
                                  for row in rows])
    pq.write_table(table, path, row_group_size=rows_per_group)
    return path


def test_parquet_articles_give_the_records_of_the_same_json_lines(tmp_path: Path) -> None:
    jsonl = seed_jsonl(tmp_path)
    parquet = articles_parquet(jsonl, tmp_path / "seeds.parquet")
    assert pq.ParquetFile(parquet).num_row_groups == len(SEEDS)
    assert extract(parquet) == extract(jsonl)


def test_column_names_are_configurable(tmp_path: Path) -> None:
    jsonl = seed_jsonl(tmp_path)
    parquet = articles_parquet(jsonl, tmp_path / "seeds.parquet", {"id": "doc", "text": "body"})
    result = cli("extract", parquet)
    assert result.exit_code == 1 and "no column 'text'" in result.stderr
    assert extract(parquet, "--column", "id=doc", "--column", "text=body") == extract(jsonl)


def test_records_written_as_parquet_are_the_json_lines_records(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes.io.parquet, "ROWS_PER_GROUP", 5)
    out = tmp_path / "quotes.parquet"
    result = cli("extract", *SEEDS, "-o", out)
    assert result.exit_code == 0, result.stderr
    written = pq.ParquetFile(out)
    assert written.num_row_groups > 1  # written as it goes, not held whole
    assert written.schema_arrow == quote_schema()
    assert written.read().to_pylist() == extract(*SEEDS)


def test_parquet_output_replaces_a_symlinks_target_not_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.parquet"
    target.write_bytes(b"old")
    link = tmp_path / "quotes.parquet"
    link.symlink_to(target)
    assert cli("extract", SEEDS[0], "-o", link).exit_code == 0
    assert link.is_symlink()
    assert pq.read_table(target).to_pylist() == extract(SEEDS[0])


def test_the_parquet_schema_is_the_spark_schema() -> None:
    from pyspark.sql import types as T

    from quotes.spark import quote_schema as spark_schema

    names = {T.StringType: pa.string(), T.LongType: pa.int64(), T.DoubleType: pa.float64(),
             T.BooleanType: pa.bool_()}

    def arrow(field: T.StructField) -> pa.Field:
        kind = field.dataType
        if isinstance(kind, T.StructType):
            return pa.field(field.name, pa.struct([arrow(f) for f in kind.fields]), field.nullable)
        return pa.field(field.name, names[type(kind)], field.nullable)

    assert pa.schema([arrow(f) for f in spark_schema().fields]) == quote_schema()


def test_a_damaged_parquet_file_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    jsonl = seed_jsonl(tmp_path)
    parquet = articles_parquet(jsonl, tmp_path / "seeds.parquet")
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(parquet.read_bytes()[:-100])
    result = cli("extract", broken, SEEDS[0])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quotes: error: {broken}: cannot read Parquet: ")
    assert {r["article_id"] for r in records(result.stdout)} == {SEEDS[0].stem}


def test_parquet_from_stdin(tmp_path: Path) -> None:
    jsonl = seed_jsonl(tmp_path)
    parquet = articles_parquet(jsonl, tmp_path / "seeds.parquet")
    assert extract("-", input=parquet.read_bytes()) == extract(jsonl)


def test_parquet_records_to_stdout() -> None:
    result = cli("extract", SEEDS[0], "--format", "parquet")
    assert result.exit_code == 0, result.stderr
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).to_pylist() == extract(SEEDS[0])


def test_without_pyarrow_parquet_output_is_a_usage_error_naming_the_extra(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = cli("extract", SEEDS[0], "-o", tmp_path / "quotes.parquet")
    assert result.exit_code == 2 and not (tmp_path / "quotes.parquet").exists()
    assert "writing Parquet needs the 'archives' extra" in result.stderr


class Pipe(io.RawIOBase):
    """A pipe's bytes: readable once, not seekable (so Parquet must be copied to read its index)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def test_piped_parquet_on_a_full_disk_is_a_one_line_error(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.read import read_stream

    parquet = articles_parquet(seed_jsonl(tmp_path), tmp_path / "seeds.parquet").read_bytes()
    piped = list(read_stream(io.BufferedReader(Pipe(parquet)), "<stdin>", "stdin"))
    assert [item.article.id for item in piped] == [path.stem for path in SEEDS]  # type: ignore[union-attr]

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(quotes.io.formats.shutil, "copyfileobj", full_disk)
    (error,) = read_stream(io.BufferedReader(Pipe(parquet)), "<stdin>", "stdin")
    assert error.reason == ("cannot copy piped Parquet data to a temporary file (No space left "  # type: ignore[union-attr]
                            "on device); give the file's path instead")
