"""Quotation marks: pair openers with closers, paragraph by paragraph.

Double marks (“ ” " „ « » '' ``) are paired first; single marks (‘ ’ ' ‹ ›)
only outside double quotes, where they are quotes of their own rather than
quotes within a quote. Apostrophes (don’t, Wagner’s, ’90s) never pair.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from quotes import lexicon

Span = tuple[int, int]

# A mark, with '' read as one mark, not two apostrophes, and `` as one (a lone ` is none):
# the same marks as r"''|``|[“”„‟\"«»‘’‚‛'‹›]". It opens with a character class, so the
# standard library engine skips to the next mark at once; the alternation opened with
# two-character literals and was tried at every position of every paragraph.
_MARK = re.compile(r"[“”„‟\"«»‘’‚‛'‹›`](?:(?<=')'|(?<=`)`|(?<!`))")
_MARK_CHARS = frozenset("“”„‟\"«»‘’‚‛'‹›")  # what _MARK matches in a single character
_DOUBLE_OPEN = frozenset("“„‟«") | {"``"}
_DOUBLE_CLOSE = frozenset("”»")
_DOUBLE_EITHER = frozenset('"') | {"''"}
_SINGLE_OPEN = frozenset("‘‚‛‹")
_SINGLE_CLOSE = frozenset("’›")
_SINGLE_EITHER = frozenset("'")
# Closers that belong to a particular opener in other typographic traditions.
_PARTNER = {"„": "“", "»": "«", "‚": "‘", "›": "‹"}
_OPENING_PUNCT = frozenset("([{—–-/")
_CLOSING_PUNCT = frozenset(".,;:!?)]}—–-…/")
_ELISION = regex.compile(r"(?:\d0s|em|til|n|cause|tis)\b", regex.IGNORECASE)
_TRAILING = ",.;: \t\r\n\u00a0"


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: its marks, and its content with the news trimming applied."""

    open_start: int
    open_end: int
    close_start: int  # == close_end when the quote never closes
    close_end: int
    start: int  # content, without surrounding space and trailing , . ; :
    end: int
    double: bool = True

    @property
    def outer(self) -> Span:
        """From the opening mark to the closing mark, both included."""
        return (self.open_start, self.close_end)

    @property
    def closed(self) -> bool:
        return self.close_end > self.close_start


@dataclass
class _Mark:
    glyph: str
    start: int
    end: int
    can_open: bool
    can_close: bool


_SMALL_WORDS = lexicon.words("title_small_words")
_TITLE_MAX_WORDS = 6


def looks_like_title(text: str, quote: QuoteSpan) -> bool:
    """A short name in marks (“Belavia”, “The Long Winter”): every word capitalised
    and no punctuation that would end a spoken phrase."""
    inner = text[quote.start:quote.close_start].rstrip()
    return inner[-1:] not in ",.;:!?…" and title_cased(inner)


def title_cased(words_text: str) -> bool:
    """A few words, every one capitalised but the small ones ("Coal Is Not the Villain")."""
    words = words_text.split()
    if not words or len(words) > _TITLE_MAX_WORDS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL_WORDS
               for w in words) and words[0][:1].isupper()


# A quotation in single marks (British style): an opener before a word, then a closer
# after one; an apostrophe inside a word ("don’t", "Jones’s") neither opens nor closes.
_SINGLE_QUOTED = regex.compile(
    r"(?<![\p{L}\p{N}])[‘'](?=[\p{L}\p{N}])(?:[^'‘’\n]|[’'](?=\p{L})){1,300}?"
    r"(?<=[\p{L}\p{N}.,!?])[’'](?![\p{L}\p{N}])")


def holds_single_quotation(text: str, start: int, end: int) -> bool:
    """A quotation in single marks lies wholly inside text[start:end] ("called it ‘a kick
    in the teeth’"), where a test for double marks alone finds none."""
    return _SINGLE_QUOTED.search(text, start, end) is not None


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[QuoteSpan]:
    """All quotations of the article, double and single, in text order."""
    doubles = list(_pair_doubles(text, paragraphs))
    singles = list(_pair_singles(text, paragraphs, doubles))
    outer = list(_singles_around_doubles(text, paragraphs, doubles))
    if outer:  # (British style: ‘… “my angel”,’ she said: the double quote is the inner one)
        spans = [q.outer for q in outer]
        doubles = [q for q in doubles if not _within_any(q.outer, spans)]
        singles = [q for q in singles if not _overlaps_any(q.outer, spans)] + outer
    return sorted(doubles + singles, key=lambda q: q.open_start)


def _singles_around_doubles(text: str, paragraphs: Sequence[Span],
                            doubles: Sequence[QuoteSpan]) -> Iterator[QuoteSpan]:
    """Single-mark quotations holding a whole double quotation (‘She called me “my
    angel”,’ she said), paired in the paragraph as if the double marks were not there;
    one that crosses a double quotation, or lies inside one, is none."""
    starts = [q.open_start for q in doubles]
    for para in paragraphs:
        first = bisect.bisect_left(starts, para[0])
        inside = [q.outer for q in doubles[first:bisect.bisect_left(starts, para[1], first)]]
        if not inside:
            continue
        marks = [m for m in _marks(text, para) if not _is_double(m.glyph)]
        for quote in _pair_single_marks(text, marks)[0]:
            start, end = quote.outer
            if _within_any((start, end), inside) or not any(start < s and e < end for s, e in inside):
                continue
            if any(s < start < e or s < end < e for s, e in inside):
                continue  # (it crosses a double quotation)
            yield quote


def _within_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlaps_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def quoted_within(text: str, start: int, end: int) -> list[Span]:
    """The insides of the quotations in text[start:end] (between their marks), of every
    family: “…”, "…", ‘…’, '…', «…», in text order and disjoint."""
    return [(q.open_end, q.close_start) for q in find_quotes(text, [(start, end)])]


def _marks(text: str, span: Span) -> Iterator[_Mark]:
    """Every mark in the span, with whether its neighbours let it open or close."""
    start, end = span
    for match in _MARK.finditer(text, start, end):
        at, stop = match.span()
        before = text[at - 1] if at > start else " "
        after = text[stop] if stop < end else " "
        can_open = not after.isspace() and (
            before.isspace() or before in _OPENING_PUNCT or before in _MARK_CHARS)
        can_close = not before.isspace() and (
            after.isspace() or after in _CLOSING_PUNCT or after in _MARK_CHARS)
        yield _Mark(match.group(), at, stop, can_open, can_close)


def _pair_doubles(text: str, paragraphs: Sequence[Span]) -> Iterator[QuoteSpan]:
    """Pair double marks; a quote left open at a paragraph end continues when the
    next paragraph opens with a mark (the news convention), else ends there."""
    opener: _Mark | None = None
    for index, para in enumerate(paragraphs):
        marks = [m for m in _marks(text, para) if _is_double(m.glyph)]
        if opener is not None:
            if (marks and marks[0].start == para[0] and not _closes(marks[0], opener)
                    and _family(marks[0].glyph) == _family(opener.glyph)):
                marks = marks[1:]  # the reopening mark of a continued quote
            else:
                quote = _unclosed(text, opener, paragraphs[index - 1][1])
                if quote:
                    yield quote
                opener = None
        for mark in marks:
            if opener is None:
                if _opens(mark):
                    opener = mark
            elif _closes(mark, opener):
                quote = _quote(text, opener, mark.start, mark.end)
                if quote:
                    yield quote
                opener = None
            elif mark.can_open:
                opener = mark  # the earlier opener was stray
    if opener is not None and paragraphs:
        quote = _unclosed(text, opener, paragraphs[-1][1])
        if quote:
            yield quote


def _family(glyph: str) -> str:
    """Marks of one typographic family: a quote reopens with a mark of its own kind."""
    if glyph in ('"', "''"):
        return "straight"
    if glyph in "«»‹›":
        return "guillemet"
    if glyph == "``":
        return "backtick"
    return "curly"


def _is_double(glyph: str) -> bool:
    return glyph in _DOUBLE_OPEN or glyph in _DOUBLE_CLOSE or glyph in _DOUBLE_EITHER


def _opens(mark: _Mark) -> bool:
    """Can this mark open a quote, nothing being open?"""
    if mark.glyph in _DOUBLE_OPEN or mark.glyph in _SINGLE_OPEN:
        return not (mark.can_close and not mark.can_open)
    if mark.glyph in _DOUBLE_CLOSE or mark.glyph in _SINGLE_CLOSE:
        # ”…” (Swedish) and »…« (German) open with what elsewhere closes.
        return mark.can_open and not mark.can_close
    return mark.can_open


def _closes(mark: _Mark, opener: _Mark) -> bool:
    """Does this mark close the open quote?"""
    partner = _PARTNER.get(opener.glyph)
    if partner and mark.glyph == partner:
        return True
    if mark.glyph in _DOUBLE_CLOSE or mark.glyph in _SINGLE_CLOSE:
        return True
    if mark.glyph in _DOUBLE_EITHER or mark.glyph in _SINGLE_EITHER:
        return not (mark.can_open and not mark.can_close)
    # An opening glyph placed like a closer (“…,“ he said) is a typo for one.
    return mark.can_close and not mark.can_open


def _pair_singles(text: str, paragraphs: Sequence[Span],
                  doubles: Sequence[QuoteSpan]) -> Iterator[QuoteSpan]:
    """Single-mark quotes outside double quotes; the closer must end a word. As with
    double marks, a quote left open at a paragraph's end continues when the next
    paragraph opens with a mark of its family ('We tried … / 'But it was not …')."""
    holes = [q.outer for q in doubles]
    ends = [end for _, end in holes]
    carried: _Mark | None = None
    for para in paragraphs:
        # Only the double quotes reaching into this paragraph can cover part of it.
        first = bisect.bisect_right(ends, para[0])
        last = bisect.bisect_left(holes, (para[1], para[1]), first)
        gaps = list(_gaps(para, holes[first:last]))
        for n, gap in enumerate(gaps):
            marks = [m for m in _marks(text, gap) if not _is_double(m.glyph)]
            if carried is not None and n == 0 and _reopens(text, marks, carried, para[0]):
                marks = [carried, *marks[1:]]
            carried = None
            quotes, dangling = _pair_single_marks(text, marks)
            yield from quotes
            if dangling is not None and n == len(gaps) - 1 and gap[1] == para[1]:
                carried = dangling


def _reopens(text: str, marks: Sequence[_Mark], carried: _Mark, para_start: int) -> bool:
    """The paragraph opens with a single mark of the carried quote's family."""
    return bool(marks) and marks[0].start == para_start and marks[0].glyph not in _SINGLE_CLOSE \
        and _opens(marks[0]) and not _ELISION.match(text, marks[0].end) \
        and _family(marks[0].glyph) == _family(carried.glyph)


def _pair_single_marks(text: str, marks: list[_Mark]) -> tuple[list[QuoteSpan], _Mark | None]:
    """Each opener takes the first strong closer after it, else the first weak one
    (a closer after "s" may be a plural possessive: the voters’ choice). Also the
    opener left open at the end of the marks, if any."""
    quotes = []
    dangling = None
    i = 0
    while i < len(marks):
        mark = marks[i]
        if not (_opens(mark) and mark.glyph not in _SINGLE_CLOSE
                and not _ELISION.match(text, mark.end)):
            i += 1
            continue
        chosen, stop = _closer_after(text, marks, i)
        if chosen is None:
            if stop == len(marks):
                dangling = mark
            i = stop  # no opener before `stop` finds a closer either
            continue
        quote = _quote(text, mark, marks[chosen].start, marks[chosen].end, double=False)
        if quote:
            quotes.append(quote)
        i = chosen + 1
    return quotes, dangling


def _closer_after(text: str, marks: list[_Mark], i: int) -> tuple[int | None, int]:
    """Index of the first strong closer after marks[i], else of the first weak one,
    and where the search stopped: at the next opener-like mark, or the end.

    When none is found, no mark between i and the stop closes anything, so no opener
    there finds a closer either: the caller goes on from the stop, and pairing stays
    linear even in a long run of marks that can both open and close (‘‘‘…)."""
    weak = None
    for j in range(i + 1, len(marks)):
        mark = marks[j]
        if not mark.can_close or mark.can_open:
            if mark.can_open and not mark.can_close and _opens(mark) and not _ELISION.match(
                    text, mark.end):
                return weak, j  # another quote starts: this opener found no closer before it
            continue
        possessive = text[mark.start - 1] in "sS" and text[mark.end:mark.end + 2].strip(" ").isalpha()
        if not possessive:
            return j, j
        weak = j if weak is None else weak
    return weak, len(marks)


def _gaps(span: Span, holes: Sequence[Span]) -> Iterator[Span]:
    """The parts of span not covered by any hole."""
    pos = span[0]
    for start, end in holes:
        if end <= pos or start >= span[1]:
            continue
        if start > pos:
            yield (pos, start)
        pos = max(pos, end)
    if pos < span[1]:
        yield (pos, span[1])


def _quote(text: str, opener: _Mark, close_start: int, close_end: int,
           double: bool = True) -> QuoteSpan | None:
    """The quote between the marks, trimmed; None when nothing is inside."""
    start, end = opener.end, close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    if start >= end:
        return None
    return QuoteSpan(opener.start, opener.end, close_start, close_end, start, end, double)


def _unclosed(text: str, opener: _Mark, para_end: int) -> QuoteSpan | None:
    """A quote whose closing mark is missing ends with its paragraph."""
    return _quote(text, opener, para_end, para_end)
