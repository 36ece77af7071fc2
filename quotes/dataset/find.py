"""`quotes find`: the quotations of a database that match some words, with every occurrence.

Candidates come from the full-text index (any of the words, ranked by bm25),
then are ranked by how many of the words they hold and in what order, so a
few changed words still find the quotation. Case, accents and quotation marks
never matter: query and index both go through `quotations.wording`.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from quotes.dataset.identity import fold, person_key
from quotes.dataset.quotations import _APOSTROPHE, _WORD, SEP, wording

CANDIDATES = 200
COMMON = 0.02
LEADS = 3
RESCORED = 40  # candidates holding the most words, ranked again by word order
_PUNCTUATION = ".,;:!?…—–-\"'“”‘’«»()[]"
MIN_SHARE = 0.5  # of the query's words a quotation must hold (with two words or more)


@dataclass(frozen=True)
class Query:
    """What to look for; every part optional, but words or a speaker is needed."""

    words: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 10


def search_terms(text: str) -> list[str]:
    """The words of a text as the index holds them."""
    return wording(text).replace(SEP, " ").split()


def find(db: sqlite3.Connection, query: Query) -> list[dict[str, Any]]:
    """Matching quotations, best first, as JSON-ready objects (see docs/dataset.md)."""
    terms = search_terms(query.words or "")
    speakers = _speaker_ids(db, query.speaker) if query.speaker else None
    if speakers == []:
        return []
    where, params = _filters(speakers, query)
    if terms:
        match = " OR ".join(f'"{t}"' for t in _leads(db, terms))
        rows = db.execute(
            f"SELECT q.rowid, q.id, search.text, search.speakers FROM search "
            f"JOIN quotations q ON q.rowid = search.rowid WHERE search MATCH ? {where} "
            f"ORDER BY search.rank LIMIT {CANDIDATES}", [match, *params]).fetchall()
        held = [(_share(terms, text, names), n, qid, text) for n, (_, qid, text, names) in enumerate(rows)]
        best = sorted(held, key=lambda h: (-h[0], h[1]))[:RESCORED]
        scored = sorted(((0.5 * share + 0.5 * _in_order(terms, text), n, qid) for share, n, qid, text in best
                         if share >= (MIN_SHARE if len(terms) > 1 else 0.0)), key=lambda s: (-s[0], s[1]))
        wanted = [qid for _, _, qid in scored]
        scores = {qid: round(score, 3) for score, _, qid in scored}
    else:
        rows = db.execute(f"SELECT q.id FROM quotations q WHERE 1 {where} "
                          f"ORDER BY q.articles DESC, q.first_date, q.id LIMIT ?",
                          [*params, query.limit]).fetchall()
        wanted, scores = [r[0] for r in rows], {}
    return [_result(db, qid, scores.get(qid), query) for qid in wanted[:query.limit]]


def _leads(db: sqlite3.Connection, terms: list[str]) -> list[str]:
    """The query's words worth looking up: the uncommon ones (at least the three rarest).

    A word in more than `COMMON` of the quotations ("the", "we") would make the
    index rank most of the database; the ranking afterwards still counts it.
    """
    unique = list(dict.fromkeys(terms))
    try:
        total = db.execute("SELECT count(*) FROM quotations").fetchone()[0]
        found = dict(db.execute(f"SELECT term, doc FROM search_vocab WHERE term IN "
                                f"({', '.join('?' * len(unique))})", unique).fetchall())
    except sqlite3.OperationalError:  # no vocabulary table: every word
        return unique
    rarest = sorted(unique, key=lambda t: (found.get(t, 0), t))
    uncommon = [t for t in rarest if found.get(t, 0) <= COMMON * total]
    return uncommon if len(uncommon) >= LEADS else rarest[:LEADS]


def _speaker_ids(db: sqlite3.Connection, name: str) -> list[str]:
    """Speakers a name given on the command line means: any of their names, or a user's id."""
    found = {row[0] for row in db.execute(
        "SELECT speaker_id FROM speaker_names WHERE key = ? UNION "
        "SELECT id FROM speakers WHERE person_id = ? OR id = ?", (person_key(name), name, name))}
    return sorted(found)


def _filters(speakers: list[str] | None, query: Query) -> tuple[str, list[Any]]:
    """SQL conditions on quotations `q` for --speaker, --since and --until."""
    where, params = "", []
    if speakers is not None:
        where += (f" AND q.id IN (SELECT quotation_id FROM quotation_speakers "
                  f"WHERE speaker_id IN ({', '.join('?' * len(speakers))}))")
        params += speakers
    if query.since or query.until:
        where += " AND q.id IN (SELECT quotation_id FROM quotes WHERE 1" + \
                 (" AND date >= ?" if query.since else "") + (" AND date < ?" if query.until else "") + ")"
        params += [d for d in (query.since, _after(query.until) if query.until else None) if d]
    return where, params


def _after(day: str) -> str:
    """`--until 2024-05-01` includes that whole day: compare with what sorts after it."""
    return day + "\uffff"


def _share(terms: list[str], text: str, names: str) -> float:
    """Share of the query's words in the quotation or its speakers' names."""
    held = set(text.replace(SEP, " ").split()) | set(search_terms(names))
    return sum(t in held for t in terms) / len(terms)


def _in_order(terms: list[str], text: str) -> float:
    """Share of the query's words found in the quotation's order."""
    blocks = difflib.SequenceMatcher(None, terms, text.replace(SEP, " ").split(),
                                     autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(terms)


def _result(db: sqlite3.Connection, qid: str, score: float | None, query: Query) -> dict[str, Any]:
    """One quotation with its speakers and occurrences, in the documented key order."""
    q = db.execute("SELECT id, text, kind, first_date, first_article_id, first_quote_id, disputed "
                   "FROM quotations WHERE id = ?", (qid,)).fetchone()
    speakers = [{"speaker_id": sid, "name": name, "person_id": pid, "count": n}
                for sid, name, pid, n in db.execute(
                    "SELECT s.id, s.name, s.person_id, qs.quotes FROM quotation_speakers qs "
                    "JOIN speakers s ON s.id = qs.speaker_id WHERE qs.quotation_id = ? "
                    "ORDER BY qs.quotes DESC, s.name", (qid,))]
    earliest = _words(db.execute("SELECT text FROM quotes WHERE id = ?", (q[5],)).fetchone()[0])
    dates = (" AND date >= ?" if query.since else "") + (" AND date < ?" if query.until else "")
    occurrences = [
        {"record_id": rid, "article_id": aid, "article_title": title, "date": date, "speaker": speaker,
         "speaker_id": sid, "kind": kind, "text": text, "differences": differences(earliest, text)}
        for rid, aid, title, date, speaker, sid, kind, text in db.execute(
            "SELECT id, article_id, article_title, date, speaker, speaker_id, kind, text FROM quotes "
            f"WHERE quotation_id = ? {dates} ORDER BY coalesce(date, '\uffff'), article_id, start",
            [qid, *[d for d in (query.since, _after(query.until) if query.until else None) if d]])]
    return {"quotation_id": q[0], "text": q[1], "kind": q[2],
            "first_seen": {"date": q[3], "article_id": q[4], "record_id": q[5]},
            "disputed": bool(q[6]), "speakers": speakers, "occurrences": occurrences, "score": score}


def differences(earliest: str | list[tuple[str, str]], text: str) -> list[dict[str, str]]:
    """Word differences of `text` from the earliest wording: `{"earliest": …, "here": …}` each.

    Words are compared as `find` compares them (case, accents and punctuation aside) but
    shown as printed; punctuation alone ("…", "—") is no difference.

    >>> differences("We will win the vote, today", "we shall win the vote")
    [{'earliest': 'will', 'here': 'shall'}, {'earliest': 'today', 'here': ''}]
    """
    old = _words(earliest) if isinstance(earliest, str) else earliest
    new = _words(text)
    matcher = difflib.SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new], autojunk=False)
    return [{"earliest": " ".join(w for _, w in old[i1:i2]), "here": " ".join(w for _, w in new[j1:j2])}
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def _words(text: str) -> list[tuple[str, str]]:
    """(compared form, printed form) of each word, punctuation alone left out."""
    printed = text.split()
    folded = fold(text).split()  # one pass for the whole text; per word if folding moved a space
    if len(folded) != len(printed):
        folded = [fold(word) for word in printed]
    keys = ("".join(_WORD.findall(_APOSTROPHE.sub("", key))) for key in folded)
    return [(key, word.strip(_PUNCTUATION) or word) for key, word in zip(keys, printed, strict=True) if key]


def render(result: dict[str, Any]) -> str:
    """A quotation as text for a terminal: what a fact-checker reads first comes first."""
    first = result["first_seen"]
    names = ", ".join(f"{s['name']} ({s['count']})" for s in result["speakers"]) or "unknown"
    lines = [f"“{result['text']}”",
             f"  {result['quotation_id']} · {result['kind']} · first seen {first['date'] or 'undated'} "
             f"in {first['article_id']}",
             f"  said by: {names}" + ("   DISPUTED: sources disagree on who said it"
                                      if result["disputed"] else "")]
    for o in result["occurrences"]:
        change = "; ".join(f"{d['earliest'] or '∅'} → {d['here'] or '∅'}" for d in o["differences"])
        lines.append(f"  - {o['date'] or 'undated'}  {o['article_id']}  {o['speaker'] or 'unknown'}: "
                     f"“{o['text']}”" + (f"  [differs: {change}]" if change else ""))
    return "\n".join(lines)


def json_line(result: dict[str, Any]) -> str:
    """One result as a JSON line (keys in the documented order)."""
    return json.dumps(result, ensure_ascii=False)
