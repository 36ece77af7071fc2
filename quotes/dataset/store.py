"""The dataset's SQLite database: its schema, versioned, and opening it safely.

The `quotes` table has one column per field of the `Quote` record, in model
order, each Span flattened into three columns as in CSV (`cue`, `cue_start`,
`cue_end`): a field added to the record becomes a column added to the table
the next time a database is indexed into. docs/dataset.md describes every table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from quotes.model import Quote
from quotes.write import csv_columns, span_fields

# The database layout's own version (not the record's `schema_version`): a
# database of another version is refused rather than half-updated.
DB_SCHEMA_VERSION = "1"
APPLICATION = "quotes"

# Columns the index adds to every record.
QUOTE_EXTRA = ("speaker_id", "quotation_id", "wording", "words", "unit")
_SPANS = frozenset(span_fields())

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, outlet TEXT);
CREATE TABLE IF NOT EXISTS people (
    id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (name, id));
CREATE TABLE IF NOT EXISTS speakers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, person_id TEXT, names TEXT NOT NULL,
    roles TEXT NOT NULL, first_date TEXT, last_date TEXT, quotes INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS speaker_names (key TEXT NOT NULL, speaker_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quotations (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    first_date TEXT, first_article_id TEXT, first_quote_id TEXT, articles INTEGER NOT NULL,
    speakers INTEGER NOT NULL, quotes INTEGER NOT NULL, disputed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS quotation_speakers (
    quotation_id TEXT NOT NULL, speaker_id TEXT NOT NULL, quotes INTEGER NOT NULL,
    PRIMARY KEY (quotation_id, speaker_id));
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    text, speakers, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search, 'row');
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS quotes_quotation ON quotes (quotation_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);
CREATE INDEX IF NOT EXISTS quotes_unit ON quotes (unit);
CREATE INDEX IF NOT EXISTS speaker_names_key ON speaker_names (key);
CREATE INDEX IF NOT EXISTS quotation_speakers_speaker ON quotation_speakers (speaker_id);
"""


class StoreError(Exception):
    """A database that cannot be used: the message is one line naming it."""


def quote_columns() -> list[str]:
    """The `quotes` table's record columns: the Quote model's fields, as in CSV."""
    return csv_columns()


def quote_row(record: dict[str, Any]) -> list[Any]:
    """A record's values in `quote_columns()` order; a Span gives three, null stays null."""
    row: list[Any] = []
    for name in Quote.model_fields:
        value = record.get(name)
        if name in _SPANS:
            row += [value["text"], value["start"], value["end"]] if value else [None, None, None]
        else:
            row.append(value)
    return row


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open the database at `path`, checked: a quotes database of this version, or a new one."""
    if not path.exists() and not create:
        raise StoreError(f"{path}: no such database (build one with `quotes index`)")
    if path.exists() and path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database")
    try:
        db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a quotes database ({exc})") from None
    if not tables and not create:
        db.close()
        raise StoreError(f"{path}: an empty database (build one with `quotes index`)")
    if tables and "meta" not in tables:
        db.close()
        raise StoreError(f"{path}: an SQLite database, but not one written by `quotes index`")
    if tables:
        _check_version(db, path)
    return db


def _check_version(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a database of another layout: updating it in place could lose what it holds."""
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"{path}: not a quotes database ({exc})") from None
    if meta.get("application") != APPLICATION or meta.get("schema_version") != DB_SCHEMA_VERSION:
        db.close()
        found = meta.get("schema_version", "none")
        raise StoreError(f"{path}: database schema version {found}, this quotes reads version "
                         f"{DB_SCHEMA_VERSION}; index into a new file")


def create_schema(db: sqlite3.Connection) -> None:
    """Create what is missing (inside the caller's transaction); add columns for new record fields."""
    _run_script(db, _TABLES)
    wanted = quote_columns() + list(QUOTE_EXTRA)
    existing = [row[1] for row in db.execute("PRAGMA table_info(quotes)")]
    if not existing:
        columns = ", ".join(f'"{c}"' + (" TEXT PRIMARY KEY" if c == "id" else "") for c in wanted)
        db.execute(f"CREATE TABLE quotes ({columns})")
    for column in wanted:
        if column not in existing and existing:
            db.execute(f'ALTER TABLE quotes ADD COLUMN "{column}"')
    _run_script(db, _INDEXES)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('application', ?), ('schema_version', ?)",
               (APPLICATION, DB_SCHEMA_VERSION))


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """executescript commits first; statements one by one stay in the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
