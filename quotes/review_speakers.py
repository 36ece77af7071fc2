"""Speakers of a review page grouped as people: "Jens Stoltenberg", "Stoltenberg" and
"Secretary General Jens Stoltenberg" are one row of the speakers table and one filter.

Groups are built while the page streams, one quote at a time, so a huge run costs
memory per speaker, not per quote. A bare surname joins the one full name in the
report that ends with it; when two people share that surname it stays apart.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quotes.evaluate import name_tokens


def _fallback_key(name: str) -> tuple[str, ...]:
    """Casefolded name tokens without titles or accents: "Dr. José Ruiz" → ("jose", "ruiz")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return name_tokens(plain)


@dataclass
class _Group:
    """Everything the table shows about one person, counted as quotes stream past."""

    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    low: int = 0


class SpeakerGroups:
    """Assigns each quote's speaker a group number; `table()` gives the merged rows at the end."""

    def __init__(self) -> None:
        self._key = _fallback_key
        self._index: dict[tuple[str, ...] | None, int] = {}
        self._groups: list[_Group] = []

    def add(self, speaker: str | None, role: str | None, kind: str, low: bool) -> int:
        """The group number of this speaker (None, no speaker found, is a group too)."""
        key = self._key(speaker) or (speaker.casefold(),) if speaker is not None else None
        number = self._index.setdefault(key, len(self._index))
        if number == len(self._groups):
            self._groups.append(_Group())
        group = self._groups[number]
        if speaker is not None:
            group.names[speaker] += 1
        if role:
            group.roles[role] += 1
        group.kinds[kind] += 1
        group.low += low
        return number

    def _merged(self) -> list[int]:
        """For each group, the group it joins: a lone surname joins its one full name."""
        target = list(range(len(self._groups)))
        by_last: dict[str, list[int]] = {}
        for key, number in self._index.items():
            if key is not None and len(key) > 1:
                by_last.setdefault(key[-1], []).append(number)
        for key, number in self._index.items():
            if key is not None and len(key) == 1 and len(by_last.get(key[0], [])) == 1:
                target[number] = by_last[key[0]][0]
        return target

    def table(self) -> dict[str, Any]:
        """Rows most quoted first, and `row_of` mapping each group number to its row."""
        target = self._merged()
        rows: dict[int, _Group] = {}
        for number, group in enumerate(self._groups):
            row = rows.setdefault(target[number], _Group())
            row.names.update(group.names)
            row.roles.update(group.roles)
            row.kinds.update(group.kinds)
            row.low += group.low
        unnamed = self._index.get(None)

        def name(row: _Group) -> str | None:  # the longest of the most used spellings
            if not row.names:
                return None
            top = max(row.names.values())
            return max((n for n, c in row.names.items() if c == top), key=lambda n: (len(n), n))

        order = sorted(rows, key=lambda n: (-sum(rows[n].kinds.values()), n == unnamed,
                                            name(rows[n]) or ""))
        position = {number: i for i, number in enumerate(order)}
        return {
            "rows": [{"name": name(rows[n]), "names": sorted(rows[n].names),
                      "role": rows[n].roles.most_common(1)[0][0] if rows[n].roles else None,
                      "count": sum(rows[n].kinds.values()), "kinds": dict(rows[n].kinds),
                      "low": rows[n].low} for n in order],
            "row_of": [position[target[n]] for n in range(len(self._groups))],
        }
