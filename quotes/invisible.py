"""Invisible characters count as nothing when matching.

Web texts carry zero-width spaces and joiners (U+200B–U+200D), word joiners
(U+2060), byte-order marks (U+FEFF) and soft hyphens (U+00AD): "Mora\u200b said"
must read as "Mora said". Rules run on the text without them; every offset
they find is mapped back, so records still point into the text as read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Visible:
    """A text without its invisible characters, and the way back to the original."""

    text: str
    # For each removed character, where it would stand in the visible text: the
    # number of removed characters at or before a visible offset, by bisection.
    _at: tuple[int, ...]

    def start(self, pos: int) -> int:
        """The original offset of the visible character at pos (a start offset)."""
        return pos + bisect.bisect_right(self._at, pos)

    def end(self, pos: int) -> int:
        """The original offset just after the visible character before pos (an end
        offset): an invisible character after a span is left out of it."""
        return self.start(pos - 1) + 1 if pos > 0 else self.start(0)

    def visible(self, pos: int) -> int:
        """The visible offset of the original offset pos (the next visible character)."""
        removed = 0
        for at in self._at:
            if at + removed >= pos:
                break
            removed += 1
        return pos - removed


def without_invisible(text: str) -> Visible | None:
    """The text without invisible characters, or None when it has none (the usual case)."""
    if _INVISIBLE.search(text) is None:
        return None
    removed = [m.start() for m in _INVISIBLE.finditer(text)]
    return Visible(_INVISIBLE.sub("", text), tuple(pos - k for k, pos in enumerate(removed)))
