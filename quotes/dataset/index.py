"""`quotes index`: records (extracted here, or read from `quotes extract` output) into SQLite.

A run adds records in one transaction: it either commits everything it read
from good inputs, or (interrupted, disk full) leaves the database as it was.
Speakers and quotations are then recomputed over the whole database, so
indexing in several runs gives the same database as indexing everything at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from quotes.dataset import identity
from quotes.dataset import quotations as qt
from quotes.dataset.identity import person_key
from quotes.dataset.store import QUOTE_EXTRA, connect, create_schema, quote_columns, quote_row
from quotes.model import Article, Quote
from quotes.read import JSONL_SUFFIXES, STDIN, ReadError
from quotes.run import RunConfig, run
from quotes.write import Record, quote_record

BATCH = 5000
# Fields that tell a record of `quotes extract` from an article.
RECORD_FIELDS = frozenset({"article_id", "kind", "start", "end", "text"})
_SNIFF_BYTES = 1 << 20


@dataclass
class IndexStats:
    """What a run added, and what the database holds after it."""

    articles: int = 0  # articles read and extracted in this run
    added: int = 0
    duplicates: int = 0
    errors: int = 0
    quotes: int = 0
    speakers: int = 0
    quotations: int = 0

    def summary(self) -> str:
        return (f"quotes: {self.added} quotes added ({self.duplicates} already indexed), "
                f"{self.errors} errors; the database holds {self.quotes} quotes, "
                f"{self.speakers} speakers, {self.quotations} quotations")


Problem = ReadError


def input_kind(path: str) -> str | ReadError:
    """`records` for JSON Lines written by `quotes extract`, `articles` for anything the
    extractor reads, or the error of a JSON Lines file that is neither."""
    if path == STDIN or os.path.isdir(path) or not os.path.isfile(path):
        return "articles"  # the reader reports what is wrong with it
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return "articles"
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if Path(path).suffix.lower() not in JSONL_SUFFIXES and first != b"{":
        return "articles"
    line = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return "articles"  # a malformed line: the reader says which and where
    if isinstance(obj, dict) and obj.keys() >= RECORD_FIELDS:
        return "records"
    if isinstance(obj, dict) and "text" in obj:
        return "articles"
    return ReadError(path, 1, "neither articles (no 'text' field) nor quote records "
                              f"(fields {', '.join(sorted(RECORD_FIELDS))})")


def read_records(path: str) -> Iterator[Record | ReadError]:
    """Validated records of a `quotes extract` JSON Lines file; a bad line is an error of its own."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        yield ReadError(path, None, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = quote_record(Quote.model_validate_json(raw))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(map(str, first["loc"])) or "record"
                yield ReadError(path, lineno, f"not a quote record: {where}: {first['msg']}")
                continue
            yield record


class _Loader:
    """Inserts records in batches; a record whose id is already there is skipped."""

    def __init__(self, db: sqlite3.Connection, stats: IndexStats) -> None:
        self.db, self.stats = db, stats
        self.columns = quote_columns()
        names = ", ".join(f'"{c}"' for c in [*self.columns, "wording", "words"])
        marks = ", ".join("?" * (len(self.columns) + 2))
        self.sql = f"INSERT OR IGNORE INTO quotes ({names}) VALUES ({marks})"
        self.rows: list[list[Any]] = []
        self.articles: dict[str, tuple[Any, ...]] = {}

    def write(self, record: Record) -> None:
        words = qt.wording(record["text"])
        self.rows.append([*quote_row(record), words, qt.word_count(words)])
        url = record.get("article_url")  # records of schema 1.1 on
        self.articles.setdefault(record["article_id"], (record["article_id"], record.get("article_title"),
                                                        record.get("date"), url, _host(url)))
        if len(self.rows) >= BATCH:
            self.flush()

    def article(self, article: Article) -> None:
        """An article read for extraction: its url and outlet are known only here."""
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "url = coalesce(excluded.url, url), outlet = coalesce(excluded.outlet, outlet)",
            (article.id, article.title, article.date, article.url, outlet(article)))

    def flush(self) -> None:
        before = self.db.total_changes
        self.db.executemany(self.sql, self.rows)
        added = self.db.total_changes - before
        self.stats.added += added
        self.stats.duplicates += len(self.rows) - added
        self.db.executemany("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?)", self.articles.values())
        self.rows.clear()
        self.articles.clear()


def outlet(article: Article) -> str | None:
    """Who published an article: its `outlet` (or `publisher`, `source`) field, else its url's host."""
    for field in ("outlet", "publisher", "source"):
        value = article.extra.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return _host(article.url)


def _host(url: str | None) -> str | None:
    """`https://www.example.org/a` → `example.org`."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def index(paths: Iterable[str], db_path: Path, config: RunConfig | None = None,
          people: Mapping[str, str] | None = None,
          on_problem: Callable[[ReadError], None] | None = None) -> IndexStats:
    """Add the records of `paths` to the database at `db_path` (created if missing)."""
    stats = IndexStats()
    db = connect(db_path, create=True)
    try:
        db.execute("BEGIN IMMEDIATE")
        create_schema(db)
        if people:
            db.executemany("INSERT OR IGNORE INTO people (name, id) VALUES (?, ?)", people.items())
        loader = _Loader(db, stats)

        def problem(found: Any) -> None:
            if isinstance(found, ReadError):
                stats.errors += 1
            if on_problem is not None:
                on_problem(found)

        articles: list[str] = []
        for path in paths:
            kind = input_kind(path)
            if isinstance(kind, ReadError):
                problem(kind)
            elif kind == "records":
                for item in read_records(path):
                    problem(item) if isinstance(item, ReadError) else loader.write(item)
            else:
                articles.append(path)
        if articles:
            done = run(articles, loader, config or RunConfig(), problem, on_article=loader.article)
            stats.articles = done.articles
        loader.flush()
        rebuild(db, stats)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    return stats


def rebuild(db: sqlite3.Connection, stats: IndexStats) -> None:
    """Recompute speakers, quotations and the search index from every record in the database."""
    _speakers(db)
    _quotations(db)
    _search(db)
    stats.quotes = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    stats.speakers = db.execute("SELECT count(*) FROM speakers").fetchone()[0]
    stats.quotations = db.execute("SELECT count(*) FROM quotations").fetchone()[0]


def speaker_id(key: str) -> str:
    """A speaker's id, from its person key: stable while the person keeps that key."""
    return "s" + hashlib.sha1(key.encode()).hexdigest()[:15]


def _speakers(db: sqlite3.Connection) -> None:
    """One row per person; every record with a speaker gets its person's id."""
    rows = db.execute("SELECT speaker, coalesce(speaker_role, ''), count(*), min(date), max(date) "
                      "FROM quotes WHERE speaker IS NOT NULL GROUP BY 1, 2").fetchall()
    aliases = dict(db.execute("SELECT name, min(id) FROM people GROUP BY name").fetchall())
    people = identity.people({(name, role): n for name, role, n, _, _ in rows}, aliases)
    db.execute("CREATE TEMP TABLE IF NOT EXISTS speaker_map (name TEXT, role TEXT, id TEXT, "
               "PRIMARY KEY (name, role))")
    db.execute("DELETE FROM speaker_map")
    db.executemany("INSERT INTO speaker_map VALUES (?, ?, ?)",
                   [(name, role, speaker_id(p.key)) for (name, role), p in people.items()])
    db.execute("UPDATE quotes SET speaker_id = (SELECT id FROM speaker_map WHERE name = quotes.speaker "
               "AND role = coalesce(quotes.speaker_role, ''))")
    found: dict[str, dict[str, Any]] = {}
    for name, role, n, first, last in rows:
        person = people[(name, role)]
        row = found.setdefault(speaker_id(person.key), {
            "name": person.name, "person_id": person.key[3:] if person.key.startswith("id:") else None,
            "names": {}, "roles": set(), "first": first, "last": last, "quotes": 0})
        row["names"][name] = row["names"].get(name, 0) + n
        if role:
            row["roles"].add(role)
        row["quotes"] += n
        row["first"] = min(filter(None, (row["first"], first)), default=None)
        row["last"] = max(filter(None, (row["last"], last)), default=None)
    db.execute("DELETE FROM speaker_names")
    db.executemany("INSERT INTO speaker_names VALUES (?, ?)", sorted(
        {(person_key(name), speaker_id(p.key)) for (name, _), p in people.items()}
        | {(person_key(name), speaker_id(p.key)) for p in people.values() for name in [p.name]}))
    db.execute("DELETE FROM speakers")
    db.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (sid, r["name"], r["person_id"],
         json.dumps(dict(sorted(r["names"].items(), key=lambda kv: (-kv[1], kv[0]))), ensure_ascii=False),
         json.dumps(sorted(r["roles"]), ensure_ascii=False), r["first"], r["last"], r["quotes"])
        for sid, r in sorted(found.items())])


def _quotations(db: sqlite3.Connection) -> None:
    """Cluster the records' units into quotations, then one row per quotation."""
    db.create_function("unit_of", 3, qt.unit_key, deterministic=True)
    db.execute("UPDATE quotes SET unit = unit_of(kind, wording, speaker_id)")
    units = db.execute("SELECT unit, min(coalesce(date, '\uffff') || char(31) || article_id) "
                       "FROM quotes GROUP BY unit ORDER BY unit").fetchall()
    keys = [u for u, _ in units]
    roots = qt.cluster(keys)
    members: dict[int, list[tuple[str | None, str, str]]] = {}
    for i, (unit, first) in enumerate(units):
        date, article = first.split("\x1f", 1)
        members.setdefault(roots[i], []).append((None if date == "\uffff" else date, article, unit))
    db.execute("CREATE TEMP TABLE IF NOT EXISTS unit_map (unit TEXT PRIMARY KEY, id TEXT)")
    db.execute("DELETE FROM unit_map")
    db.executemany("INSERT INTO unit_map VALUES (?, ?)", (
        (unit, qid) for group in members.values()
        for qid in [qt.quotation_id(qt.first_unit(group))] for _, _, unit in group))
    db.execute("UPDATE quotes SET quotation_id = (SELECT id FROM unit_map WHERE unit = quotes.unit)")
    db.execute("DELETE FROM quotation_speakers")
    db.execute("INSERT INTO quotation_speakers SELECT quotation_id, speaker_id, count(*) FROM quotes "
               "WHERE speaker_id IS NOT NULL GROUP BY 1, 2")
    db.execute("DELETE FROM quotations")
    # The canonical text: the record with the most words, then the earliest (SQLite's min()
    # takes the other columns from the row it picks).
    db.execute("""
        INSERT INTO quotations (id, text, kind, first_date, first_article_id, first_quote_id,
                                articles, speakers, quotes, disputed)
        SELECT c.quotation_id, c.text, c.kind, f.date, f.article_id, f.id, c.articles, c.speakers,
               c.quotes, c.speakers > 1
        FROM (SELECT quotation_id, text, kind,
                     min(printf('%06d', 999999 - words) || char(31) || coalesce(date, '￿')
                         || char(31) || article_id || char(31) || id),
                     count(DISTINCT article_id) AS articles, count(DISTINCT speaker_id) AS speakers,
                     count(*) AS quotes
              FROM quotes GROUP BY quotation_id) AS c
        JOIN (SELECT quotation_id, date, article_id, id,
                     min(coalesce(date, '\uffff') || char(31) || article_id || char(31) || id)
              FROM quotes GROUP BY quotation_id) AS f USING (quotation_id)
        ORDER BY f.date, c.quotation_id""")


def _search(db: sqlite3.Connection) -> None:
    """The full-text index: each quotation's canonical text and its speakers' names."""
    db.execute("DELETE FROM search")
    db.create_function("wording", 1, qt.wording, deterministic=True)
    db.execute("""
        INSERT INTO search (rowid, text, speakers)
        SELECT q.rowid, wording(q.text), coalesce((SELECT group_concat(s.name, ' ; ') FROM quotation_speakers qs
                                          JOIN speakers s ON s.id = qs.speaker_id
                                          WHERE qs.quotation_id = q.id), '')
        FROM quotations q""")


__all__ = ["QUOTE_EXTRA", "IndexStats", "index", "input_kind", "read_records"]
