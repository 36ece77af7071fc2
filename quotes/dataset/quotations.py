"""One quotation, one id: which quoted words in different articles are the same quotation.

Records are compared through their *wording*: the quoted words casefolded,
without accents, quotation marks or punctuation, split at ellipses. Records of
the same wording are one *unit*; units are joined into quotations:

- direct and mixed quotes of at least `MIN_WORDS` words: two wordings are the
  same quotation when the shorter one's pieces (split at ellipses) appear in
  order in the longer one with at most one word changed (when it has
  `MIN_WORDS_CHANGED` words or more). When the shorter covers at least
  `SAME_SHARE` of the longer (trimmed ends, an ellipsis, a changed word), they
  are joined directly. A shorter *fragment* joins the quotation containing it
  only when all the wordings containing it are one quotation: a phrase found in
  two different quotations says nothing about which one it came from;
- shorter direct and mixed quotes ("deeply flawed") are too common to say which
  quotation they come from: they join only the same words by the same speaker;
- indirect quotes are the reporter's words, not the speaker's: they join only
  indirect quotes of the same wording and speaker (a wire story reprinted).

Quotations are the connected components of these joins, so they depend only on
the set of records, never on the order they came in. Every function here is
pure: `quotes index` and `quotes.spark` share them.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from quotes.dataset.identity import fold

MIN_WORDS = 4
MIN_WORDS_CHANGED = 5
SAME_SHARE = 0.75
SHINGLE = 2  # words per shingle: a pair that matches shares at least one
MAX_BLOCK = 200  # a shingle in more wordings than this is a common phrase, not a lead

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*(?:\.\s*){3}\]")
_APOSTROPHE = re.compile(r"(?<=\w)['’`´](?=\w)")
_WORD = re.compile(r"[^\W_]+")
SEP = " | "  # between the pieces of a wording cut by an ellipsis


def wording(text: str) -> str:
    """The words of a quotation as compared: folded, pieces cut at ellipses joined by `SEP`.

    >>> wording("“We’ll WIN… and fast,” ")
    'well win | and fast'
    """
    pieces = (" ".join(_WORD.findall(_APOSTROPHE.sub("", fold(p)))) for p in _ELLIPSIS.split(text))
    return SEP.join(p for p in pieces if p)


def unit_key(kind: str, words: str, speaker_id: str | None) -> str:
    """The unit of a record of this kind and `wording`: apart by kind and, when short, by speaker."""
    if kind == "indirect":
        return f"i:{speaker_id or ''}:{words}"
    if word_count(words) < MIN_WORDS:
        return f"s:{speaker_id or ''}:{words}"
    return "t:" + words


def word_count(words: str) -> int:
    """Words of a wording, ellipses aside."""
    return len(words.replace(SEP, " ").split())


def is_text_unit(key: str) -> bool:
    """Whether a unit may join others by its words (the `t:` units)."""
    return key.startswith("t:")


def quotation_id(first_unit: str) -> str:
    """A quotation's id: from the unit first seen, so new articles rarely change it."""
    return "q" + hashlib.sha1(first_unit.encode()).hexdigest()[:15]


class Join(NamedTuple):
    """How the shorter of two wordings relates to the longer."""

    same: bool  # near-complete: joined directly
    fragment: bool  # a part: joined only when unambiguous


def compare(short: str, long: str) -> Join | None:
    """Whether wording `short` (no more words than `long`) is in `long`, and how much of it.

    >>> compare("we will win", "we will win the vote") is None  # under MIN_WORDS
    True
    >>> compare("we shall win the vote", "we will win the vote today")
    Join(same=True, fragment=False)
    """
    flat = long.replace(SEP, " ")
    if SEP not in short and f" {short} " in f" {flat} ":  # the common case, at C speed
        count, total = len(short.split()), len(flat.split())
        same = count >= SAME_SHARE * total
        return Join(same, not same) if count >= MIN_WORDS else None
    pieces = [p.split() for p in short.split(SEP)]
    target = flat.split()
    count = sum(map(len, pieces))
    if count < MIN_WORDS or count > len(target):
        return None
    budget = 1 if count >= MIN_WORDS_CHANGED else 0
    at = 0
    for piece in pieces:
        found = _find(piece, target, at, budget)
        if found is None:
            return None
        at, used = found
        budget -= used
    same = count >= SAME_SHARE * len(target)
    return Join(same, not same)


def _find(piece: list[str], target: list[str], start: int, budget: int) -> tuple[int, int] | None:
    """End of the first run of `target` from `start` equal to `piece` with at most `budget`
    words changed, and how many were."""
    n = len(piece)
    first = piece[0] if budget == 0 or n < 2 else None
    for i in range(start, len(target) - n + 1):
        if first is not None and target[i] != first:
            continue
        changed = 0
        for a, b in zip(piece, target[i:i + n], strict=True):
            if a != b:
                changed += 1
                if changed > budget:
                    break
        else:
            return i + n, changed
    return None


def shingles(words: str) -> set[int]:
    """Hashes of the word pairs of a wording (across ellipses too: they are only leads)."""
    tokens = words.replace(SEP, " ").split()
    return {zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode()) & 0x7FFFFFFF
            for i in range(max(1, len(tokens) - SHINGLE + 1))}


def candidate_pairs(wordings: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Pairs (shorter, longer) of wordings that may match: every pair `compare` would join.

    Each wording looks up its rarest word pairs (more than a changed word and its
    ellipses can break) among every wording's word pairs; a word pair found in
    more than `MAX_BLOCK` wordings is a common phrase and leads nowhere.
    Memory: one 64-bit integer per word pair of each wording.
    """
    lengths = [word_count(w) for w in wordings]
    entries = array("q")
    for i, words in enumerate(wordings):
        entries.extend((h << 32) | i for h in shingles(words))
    ordered = array("q", sorted(entries))
    del entries
    for i, words in enumerate(wordings):
        if lengths[i] < MIN_WORDS:
            continue
        spans = sorted((hi - lo, h, lo) for h in shingles(words)
                       for lo, hi in [(bisect_left(ordered, h << 32), bisect_left(ordered, (h + 1) << 32))])
        me = (lengths[i], words)
        seen = {i}
        for size, _, lo in spans[:3 + words.count(SEP)]:
            if size > MAX_BLOCK:
                break
            for value in ordered[lo:lo + size]:
                j = value & 0xFFFFFFFF
                if j not in seen and (lengths[j], wordings[j]) > me:
                    seen.add(j)
                    yield i, j


def cluster(units: Sequence[str]) -> list[int]:
    """For each unit key, the index of the unit its quotation is named after (its component).

    Text units (`t:`) join as the module docstring says; every other unit is a
    quotation of its own (units are distinct: equal records already share one).
    The result depends only on the set of units: indices follow `units` order,
    but the groups do not.
    """
    order = sorted(range(len(units)), key=units.__getitem__)  # order-independent numbering
    text_index = [i for i in order if is_text_unit(units[i])]
    same, fragments = joins([units[i][2:] for i in text_index])
    roots = components(len(text_index), same, fragments)
    result = list(range(len(units)))
    for k, i in enumerate(text_index):
        result[i] = text_index[roots[k]]
    return result


def components(count: int, same: Iterable[tuple[int, int]],
               fragments: Mapping[int, Sequence[int]]) -> list[int]:
    """Quotations of `count` wordings from their joins: each wording's root.

    `same` pairs are joined; a fragment joins the wordings containing it only
    when all of them are already one quotation. `quotes.spark` calls this too.
    """
    parent = list(range(count))
    for a, b in same:
        _union(parent, a, b)
    direct = [_root(parent, i) for i in range(count)]
    for frag, containers in fragments.items():
        if len({direct[c] for c in containers}) == 1:
            _union(parent, frag, containers[0])
    return [_root(parent, i) for i in range(count)]


def joins(texts: Sequence[str]) -> tuple[list[tuple[int, int]], dict[int, list[int]]]:
    """Near-complete pairs, and for each fragment the wordings containing it."""
    same: list[tuple[int, int]] = []
    fragments: dict[int, list[int]] = {}
    for short, long in candidate_pairs(texts):
        join = compare(texts[short], texts[long])
        if join is None:
            continue
        if join.same:
            same.append((short, long))
        else:
            fragments.setdefault(short, []).append(long)
    return same, fragments


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def first_unit(members: Iterable[tuple[str | None, str, str]]) -> str:
    """The unit a quotation is named after: (date, article id, unit) smallest, dates first."""
    return min(members, key=lambda m: (m[0] is None, m[0] or "", m[1], m[2]))[2]

