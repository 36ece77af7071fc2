"""`--people FILE`: the user's own ids for people (Wikidata ids, say), with their names.

CSV with a header `id,name,aliases` (aliases separated by `;` or `|`), or JSON
Lines of `{"id": …, "name": …, "aliases": […]}`. Every name and alias of a row
maps to its id; `identity.group_speakers` makes the names of one id one person.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

_ALIAS_SEPARATORS = re.compile(r"[;|]")


class PeopleError(Exception):
    """A people file that cannot be read: one line naming the file (and the line)."""


def read_people(path: Path) -> dict[str, str]:
    """Name (and alias) → id, from a CSV or JSON Lines file."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PeopleError(f"{path}: cannot read people file: {exc}") from None
    first = text.lstrip()[:1]
    rows = _jsonl_rows(text, path) if first == "{" else _csv_rows(text, path)
    names: dict[str, str] = {}
    for line, pid, name, aliases in rows:
        if not pid or not name:
            raise PeopleError(f"{path}:{line}: a person needs an 'id' and a 'name'")
        for alias in [name, *aliases]:
            if alias.strip():
                names[alias.strip()] = pid
    if not names:
        raise PeopleError(f"{path}: no people in file")
    return names


def _jsonl_rows(text: str, path: Path) -> list[tuple[int, str, str, list[str]]]:
    rows = []
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except ValueError:
            raise PeopleError(f"{path}:{line}: malformed JSON") from None
        if not isinstance(row, dict):
            raise PeopleError(f"{path}:{line}: expected a JSON object")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = _ALIAS_SEPARATORS.split(aliases)
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise PeopleError(f"{path}:{line}: 'aliases' must be a list of names")
        rows.append((line, str(row.get("id") or ""), str(row.get("name") or ""), aliases))
    return rows


def _csv_rows(text: str, path: Path) -> list[tuple[int, str, str, list[str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"id", "name"} <= {f.strip() for f in reader.fieldnames}:
        raise PeopleError(f"{path}: neither JSON Lines nor CSV with an 'id,name,aliases' header")
    rows = []
    for row in reader:
        row = {(k or "").strip(): (v or "") for k, v in row.items() if isinstance(v, str)}
        aliases = _ALIAS_SEPARATORS.split(row.get("aliases", ""))
        rows.append((reader.line_num, row["id"].strip(), row["name"].strip(), aliases))
    return rows
