"""Paragraphs and sentences as offset spans into the article text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import regex

from quotes import lexicon

Span = tuple[int, int]

_BLANK_LINE = regex.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = regex.compile(r"\n\s*")
# A loose sentence end, for rules that look for one within a stretch of text: a final
# mark (and a closing quote) before white space, or a line break, with the white space
# after it. Unlike _SENTENCE_END it splits nothing, so it asks for no capital after.
SENTENCE_BREAK = regex.compile(r"(?:[.!?][\"”’']?\s|\n)\s*")
# A sentence may end after . ! ? or … with closing marks and brackets, when
# followed by space and something that can start a sentence. A match starts only
# where a run of end marks starts, and takes the run whole (possessive): a long
# run not followed by a sentence start is then tried once, not once per mark.
_SENTENCE_END = regex.compile(
    r"""(?<![.!?…])[.!?…]++["”’'»)\]]*+(?=\s+["“‘'«„‚‹`(\[]*[\p{Lu}\p{N}])"""
)
# (searched backwards from the period, (?r): forwards, every start in the window was tried)
_WORD_BEFORE_PERIOD = regex.compile(r"(?r)([\p{L}.]+)\.$")
# Abbreviations that may close a sentence ("… plants in the U.S. He says …"), and
# words that then open the next one; a title ("Gen.") never closes one.
_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u a.m p.m d.c etc inc corp ltd co jr sr".split())
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+\p{Lu}")
# (or a quotation that opens like a sentence: "… car in the U.S. “Forget Ford,” he said")
_NEXT_OPENER = regex.compile(
    r"\s+(?:(?:He|She|They|It|We|I|The|This|That|These|Those|But|And|As|While)\b|[“\"‘«„]\p{Lu})")


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Paragraphs of text[start:]: every line, unless the text is hard-wrapped
    (lines cut mid-sentence at a fixed width), where blank lines separate them."""
    body = text[start:]
    splitter = _BLANK_LINE if _BLANK_LINE.search(body) and _hard_wrapped(body) else _LINE_BREAK
    spans: list[Span] = []
    pos = start
    for match in splitter.finditer(text, start):
        spans.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    spans.extend(_trimmed(text, pos, len(text)))
    return spans


_LINE = regex.compile(r"[^\n]+")
_LINE_END = ".!?:\"”’'»)…"
_WRAP_WIDTH = 100  # hard-wrapped text keeps its lines at most this long


def _hard_wrapped(body: str) -> bool:
    """Most lines stop mid-sentence: the text was wrapped at a fixed width."""
    lines = [m.group().strip() for m in _LINE.finditer(body, 0, 200_000)]
    lines = [line for line in lines if line]
    if len(lines) < 4:
        return False
    cut = sum(1 for line in lines if line[-1] not in _LINE_END)
    lengths = sorted(len(line) for line in lines)
    narrow = sum(1 for n in lengths if n <= _WRAP_WIDTH)
    return (cut / len(lines) > 0.5 and narrow / len(lines) >= 0.8
            and lengths[len(lengths) // 2] >= 30)


def sentences(text: str, span: Span, protected: Sequence[Span] = ()) -> list[Span]:
    """Sentences of one paragraph; never split inside a protected span (a quote)."""
    start, end = span
    starts = [s for s, _ in protected]
    cuts = [
        m.end() for m in _SENTENCE_END.finditer(text, start, end)
        if not _is_abbreviation(text, start, m.start(), m.group())
        and not _inside(protected, starts, m.end())
    ]
    spans: list[Span] = []
    pos = start
    for cut in [*cuts, end]:
        spans.extend(_trimmed(text, pos, cut))
        pos = cut
    return spans


def _inside(spans: Sequence[Span], starts: list[int], pos: int) -> bool:
    """True when pos falls strictly inside one of the sorted, disjoint spans."""
    i = bisect.bisect_left(starts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _is_abbreviation(text: str, floor: int, at: int, punct: str) -> bool:
    """True when the period at `at` closes an abbreviation or an initial ("Gen.", "J.")."""
    if not punct.startswith(".") or len(punct.rstrip("\"”’'»)]")) > 1:
        return False
    match = _WORD_BEFORE_PERIOD.search(text, max(floor, at - 20), at + 1)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Harold W. Amsel"
    if _INITIALS.fullmatch(word) and word.casefold() not in _FINAL_ABBREVIATIONS:
        return True  # initials: "Justice P.V. Raghunathan", "J.R.R. Tolkien" (not "the U.S. He …")
    if word.casefold() in _FINAL_ABBREVIATIONS and _NEXT_OPENER.match(text, at + 1):
        return False
    return word.casefold() in lexicon.words("abbreviations")


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS = lexicon.words("title_small_words")


_MAX_HEADLINE = 200  # characters: a longer line is a paragraph, read no further
_PROSE = re.compile(r"\b[a-z]{4,} [a-z]{3,} [a-z]{3,}\b")  # three words in lower case: no headline


def title_case(text: str, start: int, end: int) -> bool:
    """A headline in title case ("Varga Says He Will Win"): a short line whose words,
    but the small ones, are all capitalised."""
    if end - start > _MAX_HEADLINE or _PROSE.search(text, start, end):
        return False
    words = [w for w in _WORD.findall(text, start, end) if w.casefold() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    """[start, end) without surrounding whitespace or a wire dateline, or nothing when blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and text[start].isupper():
        dateline = _dateline(text, start, end)
        if dateline and dateline.end() < end:
            start = dateline.end()
    return [(start, end)] if start < end else []


def _opens_article(text: str, start: int) -> bool:
    """Does the article open at start, with nothing before it but a byline ("By Ana Holm")?"""
    before = text[:start].strip()
    return not before or _BYLINE.fullmatch(before) is not None


def dateline_end(text: str, start: int) -> int | None:
    """Where a wire dateline that starts at `start` ends ("LAGOS, May 2 (Reuters) - |"), if any."""
    dateline = _dateline(text, start, min(len(text), start + 120))
    return dateline.end() if dateline else None


# A wire dateline opening a paragraph: a place in capitals, then a date or an agency
# (or both), then a dash, or a full stop after the agency: "LAGOS, May 2 (Reuters) - ",
# "WASHINGTON (AP) — ", "ST. PAUL, Minn., Jan 4 (AFP) -", "AL-KHALEEJ, 29 November 2026
# (ZNA) -- ", "LIRSK, 14 October. /SERINFORM/. ". It names where the story was filed:
# no speaker, no content. Translated and AFP copy writes the place as a name ("Preah
# Lumphat, 20 Nov. (SNA) – ", "Port Aldo (Cressia) (AFP) - "): read only where the
# article opens (after a byline at most), as "Jo Hale (SNP) - who …" later is a name.
_MONTH = r"\p{Lu}\p{Ll}{2,8}\.?"
_AGENCY = r"(?:\s*\(\p{Lu}[\p{L}.&]{1,20}(?:\s\p{Lu}[\p{L}.&]{1,20})?\)|\s*/\p{Lu}[\p{L}.&]{1,20}/)"
_FILED = (
    # a state or country: ", Minn.", ", Sri Lanka", ", New South Wales", " (Cressia)"
    r"(?:,\s*\p{Lu}\p{Ll}{1,12}\.?(?:\s\p{Lu}\p{Ll}{1,12}){0,2}|\s\(\p{Lu}\p{Ll}{1,20}\))?"
    r"(?:,\s*(?:" + _MONTH + r"\s+\d{1,2}(?:/\d{4}|,\s*\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?)\b\.?"
    r"(?:" + _AGENCY + r")?|" + _AGENCY + r")"  # ", 4 May (KNA)", ", Nov 28, 2026", " (AP)"
    r"(?:\s*(?:--?|[–—])\s+|(?<=[/).])\.?\s+)")
_DATELINE = regex.compile(r"\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,40}+" + _FILED)
_NAMED_PLACE = r"\p{Lu}[\p{L}\p{M}'’\-]{1,20}+"  # "Vientara", "Al-Hamra", "Sant’Elmo"
_NAMED_DATELINE = regex.compile(_NAMED_PLACE + r"(?:\s" + _NAMED_PLACE + r"){0,2}" + _FILED)
_BYLINE = regex.compile(r"By\s[^\n]{1,80}")


def _dateline(text: str, start: int, end: int) -> regex.Match[str] | None:
    """The wire dateline opening text[start:end], if any."""
    match = _DATELINE.match(text, start, end)
    if match is None and start < 100 and _opens_article(text, start):
        match = _NAMED_DATELINE.match(text, start, end)
    return match


_NEWLINE = regex.compile(r"\n")


class TitleCaseLines:
    """Which lines of the text are headlines in title case, each line tested once."""

    def __init__(self, text: str, body: Span) -> None:
        self.text = text
        self.starts = [body[0]] + [m.end() for m in _NEWLINE.finditer(text, *body)]
        self.ends = [*self.starts[1:], body[1]]
        self.known: dict[int, bool] = {}

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i not in self.known:
            self.known[i] = title_case(self.text, self.starts[i], self.ends[i])
        return self.known[i]
