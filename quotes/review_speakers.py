"""Speakers of a review page grouped as people, by the dataset's identity rules
(`quotes.dataset.identity`): "Ivar Stokkeland", "Stokkeland" and "NATO Secretary
General Ivar Stokkeland" are one row of the speakers table and one filter.

Each quote gets the number of its (name, role) as the page streams, so a huge run
costs memory per speaker, not per quote; the people are worked out at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quotes.dataset.identity import Speaker, group_speakers


@dataclass
class _Row:
    """Everything the table shows about one person."""

    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    low: int = 0


class SpeakerGroups:
    """Numbers each quote's (speaker, role); `table()` gives one row per person at the end."""

    def __init__(self) -> None:
        self._number: dict[Speaker | None, int] = {}
        self._units: list[Speaker | None] = []
        self._rows: list[_Row] = []

    def add(self, speaker: str | None, role: str | None, kind: str, low: bool) -> int:
        """The number of this speaker and role (no speaker found is a number too)."""
        unit = None if speaker is None else (speaker, role or "")
        number = self._number.setdefault(unit, len(self._units))
        if number == len(self._units):
            self._units.append(unit)
            self._rows.append(_Row())
        row = self._rows[number]
        if speaker is not None:
            row.names[speaker] += 1
        if role:
            row.roles[role] += 1
        row.kinds[kind] += 1
        row.low += low
        return number

    def table(self) -> dict[str, Any]:
        """Rows most quoted first, and `row_of` mapping each number to its person's row."""
        counts = {u: sum(r.kinds.values()) for u, r in zip(self._units, self._rows, strict=True)
                  if u is not None}
        canonical = group_speakers(counts)
        people: dict[str | None, _Row] = {}
        for unit, row in zip(self._units, self._rows, strict=True):
            person = people.setdefault(None if unit is None else canonical[unit], _Row())
            person.names.update(row.names)
            person.roles.update(row.roles)
            person.kinds.update(row.kinds)
            person.low += row.low
        order = sorted(people, key=lambda p: (-sum(people[p].kinds.values()), p is None, p or ""))
        position = {person: i for i, person in enumerate(order)}
        return {
            "rows": [{"name": p, "names": sorted(people[p].names),
                      "role": people[p].roles.most_common(1)[0][0] if people[p].roles else None,
                      "count": sum(people[p].kinds.values()), "kinds": dict(people[p].kinds),
                      "low": people[p].low} for p in order],
            "row_of": [position[None if u is None else canonical[u]] for u in self._units],
        }
