"""Scoring extracted quotes against annotated gold articles, and the `quotes eval` command.

The definitions follow the evaluation README of the shared PolNeAR data and are
written out in docs/evaluation.md: trimmed spans matched one-to-one by
intersection over union, exact spans, attribution (span + correct speaker) and
speaker accuracy, overall and by quote kind, plus extraction throughput.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Any

import typer

from quotes import lexicon
from quotes.model import Article, parse_date

IOU_THRESHOLD = 0.5
KINDS = ("direct", "mixed", "indirect")
# Report rows: name -> the kinds it covers (gold kind for recall, predicted kind for precision).
ROWS: dict[str, frozenset[str]] = {
    "direct": frozenset({"direct"}),
    "mixed": frozenset({"mixed"}),
    "indirect": frozenset({"indirect"}),
    "direct+mixed": frozenset({"direct", "mixed"}),
    "all": frozenset(KINDS),
}
# The extractor's lexicons of words that precede a name, stripped from speaker names.
TITLE_LEXICONS = ("honorifics", "titles")
# Pronouns are a closed class; kept here, not in the extractor's lexicon, so the
# metric does not drift when the extractor's rules change.
PRONOUNS = frozenset({
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
    "you", "your", "yours", "yourself", "yourselves",
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
    "who", "whom", "whose", "which", "what", "that", "this", "these", "those",
    "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
    "nobody", "none", "no-one", "no one",
    "some", "many", "most", "few", "several", "all", "both", "each", "either", "neither",
    "another", "other", "others",
})
CONTEXT_CHARS = 40
SPAN_CHARS = 70

_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$")


class EvalError(Exception):
    """An input that cannot be scored; `code` is the process exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


# --- spans -------------------------------------------------------------------------------


def _is_edge_char(char: str) -> bool:
    """Whitespace, any punctuation (quote marks, dashes, brackets) or a backtick."""
    return char.isspace() or char == "`" or unicodedata.category(char).startswith("P")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] less edge whitespace, quote marks ('' and `` too), punctuation."""
    while start < end and _is_edge_char(text[start]):
        start += 1
    while end > start and _is_edge_char(text[end - 1]):
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character intervals; 0 when both are empty."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


# --- speakers ----------------------------------------------------------------------------


@cache
def _tokens(name: str) -> tuple[str, ...]:
    """Casefolded word tokens of a name, curly apostrophes straightened, possessive 's dropped."""
    words = (_POSSESSIVE.sub("", w) for w in _TOKEN.findall(name.casefold().replace("’", "'")))
    return tuple(w for w in words if w)


@cache
def titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Honorifics and titles as token tuples by first token, longest first (loaded once)."""
    entries = {_tokens(line) for name in TITLE_LEXICONS for line in lexicon.lines(name)}
    index: dict[str, list[tuple[str, ...]]] = {}
    for entry in sorted((e for e in entries if e), key=len, reverse=True):
        index.setdefault(entry[0], []).append(entry)
    return {first: tuple(group) for first, group in index.items()}


def _strip_titles(tokens: Sequence[str]) -> list[str]:
    """Tokens with every title phrase removed, longest phrase first at each position."""
    kept, i = [], 0
    while i < len(tokens):
        candidates = titles().get(tokens[i], ())
        title = next((t for t in candidates if tuple(tokens[i:i + len(t)]) == t), None)
        if title:
            i += len(title)
        else:
            kept.append(tokens[i])
            i += 1
    return kept


_APPOSITION = re.compile(r"[,(]")
# Articles carry no identity: "the candidate" and "candidate" name the same speaker.
_ARTICLES = frozenset(["the", "a", "an"])


@cache
def name_tokens(name: str) -> tuple[str, ...]:
    """Comparable tokens of a name; one that is all title ("the President") keeps its words."""
    tokens = tuple(t for t in _tokens(name) if t not in _ARTICLES) or _tokens(name)
    return tuple(_strip_titles(tokens) or tokens)


def is_pronoun(name: str) -> bool:
    """True for a speaker that is only a pronoun ("he", "They", "who", "no one")."""
    return " ".join(_tokens(name)) in PRONOUNS


def usable_speaker(name: str | None) -> bool:
    """A gold speaker that can judge attribution: present, with words, and not a pronoun."""
    return bool(name and _tokens(name)) and not is_pronoun(name or "")


def speaker_correct(gold: str | None, pred: str | None) -> bool:
    """Same tokens, same last token, or one token set inside the other; pronouns never count."""
    if not usable_speaker(gold) or not usable_speaker(pred):
        return False
    p = name_tokens(pred or "")
    return any(_same_speaker(g, p) for g in _gold_forms(gold or ""))


def _gold_forms(gold: str) -> set[tuple[str, ...]]:
    """The gold speaker as written, and its head before an apposition or a party tag
    ("Flynn, a top Trump surrogate," → "Flynn"; "Rep. John Mica (R-Fla.)" → "Rep. John Mica")."""
    forms = {name_tokens(gold)}
    head = _APPOSITION.split(gold, 1)[0]
    if head.strip() and _tokens(head):
        forms.add(name_tokens(head))
    return {form for form in forms if form}


def exact_name(name: str | None) -> str:
    """A name as the strict measure compares it: casefolded, apostrophes straightened,
    spaces collapsed, a leading "the" dropped ("the Treasury" and "Treasury" agree)."""
    words = (name or "").casefold().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _same_speaker(g: tuple[str, ...], p: tuple[str, ...]) -> bool:
    gs, ps = set(g), set(p)
    return g == p or g[-1] == p[-1] or gs <= ps or ps <= gs


# --- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One gold or predicted quote as the scorer sees it: trimmed offsets, kind, speaker."""

    article_id: str
    start: int
    end: int
    kind: str
    speaker: str | None
    # The words that attribute a predicted quote (its speaker_mention): "the agency"
    # for the speaker "Water Agency". None: judged by the resolved name alone.
    mention: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """The trimmed (start, end)."""
        return self.start, self.end


Predictions = dict[str, list[Item]]  # article id -> its predicted quotes
Examples = dict[str, list[dict[str, Any]]]  # error class -> the quotes listed


@dataclass(frozen=True)
class GoldArticle:
    """A gold article: its text and its annotated quotes (trimmed)."""

    id: str
    text: str
    date: str | None
    title: str | None
    quotes: tuple[Item, ...]
    # Spans of a partly reviewed article that no reviewer judged: predictions there are not scored.
    unreviewed: frozenset[tuple[int, int]] = frozenset()


@dataclass(frozen=True)
class Pair:
    """A predicted quote matched to a gold quote."""

    gold: Item
    pred: Item
    overlap: float

    @property
    def exact(self) -> bool:
        """The trimmed spans are identical."""
        return self.gold.span == self.pred.span

    @property
    def judged(self) -> bool:
        """The gold speaker is named, so this pair can judge the predicted speaker."""
        return usable_speaker(self.gold.speaker)

    @property
    def speaker_ok(self) -> bool:
        """The predicted speaker is correct for the gold speaker: its resolved name, or
        the words that attribute it (a gold source kept as written, "the agency")."""
        return speaker_correct(self.gold.speaker, self.pred.speaker) or (
            self.pred.mention is not None and speaker_correct(self.gold.speaker, self.pred.mention))

    @property
    def attributed(self) -> bool:
        """Counts for attribution: correct speaker, or a gold quote with no usable speaker."""
        return not self.judged or self.speaker_ok

    @property
    def strict(self) -> bool:
        """Same kind and, for a named gold speaker, exactly its name: no rank left in it,
        no "Rail" for "Network Rail", no lenient surname or subset match."""
        return self.gold.kind == self.pred.kind and (
            not self.judged or exact_name(self.gold.speaker) == exact_name(self.pred.speaker))


def make_item(text: str, article_id: str, start: int, end: int, kind: str,
              speaker: str | None, mention: str | None = None) -> Item:
    """An Item with its span trimmed against the article text."""
    s, e = trim_span(text, start, end)
    return Item(article_id, s, e, kind, speaker, mention)


# --- matching and scoring ----------------------------------------------------------------


def match(gold: Sequence[Item], pred: Sequence[Item]) -> list[Pair]:
    """One-to-one matches of one article with IoU >= 0.5, best overlap first (ties: text order)."""
    candidates = sorted(
        ((iou(g.span, p.span), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for overlap, gi, pi in candidates:
        if overlap < IOU_THRESHOLD:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append(Pair(gold[gi], pred[pi], overlap))
    return pairs


def _ratio(num: int, den: int) -> float | None:
    """num / den, or None when there is nothing to divide by."""
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; an undefined side counts as 0, both undefined gives None."""
    if p is None and r is None:
        return None
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Row:
    """Counts for one report row; precision counts by predicted kind, recall by gold kind."""

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    exact_gold: int = 0
    exact_pred: int = 0
    attributed_gold: int = 0
    attributed_pred: int = 0
    speaker_judged: int = 0
    speaker_correct: int = 0
    strict_gold: int = 0

    def prf(self, tp_pred: int, tp_gold: int) -> dict[str, float | None]:
        """Precision, recall and F1 for one kind of true positive."""
        p, r = _ratio(tp_pred, self.pred), _ratio(tp_gold, self.gold)
        return {"precision": p, "recall": r, "f1": _f1(p, r)}

    def figures(self) -> dict[str, Any]:
        """All measures and counts of this row, as plain data."""
        return {
            "span": self.prf(self.matched_pred, self.matched_gold),
            "exact": self.prf(self.exact_pred, self.exact_gold),
            "attribution": self.prf(self.attributed_pred, self.attributed_gold),
            "speaker_accuracy": _ratio(self.speaker_correct, self.speaker_judged),
            "strict_recall": _ratio(self.strict_gold, self.gold),
            "counts": {"gold": self.gold, "pred": self.pred, "matched": self.matched_gold,
                       "exact": self.exact_gold, "attributed": self.attributed_gold,
                       "speaker_judged": self.speaker_judged, "strict": self.strict_gold},
        }


def _count_row(kinds: frozenset[str], gold: Sequence[Item], pred: Sequence[Item],
               pairs: Sequence[Pair]) -> Row:
    """Fill one row: predicted-side counts filter on pred kind, gold-side on gold kind."""
    by_gold = [p for p in pairs if p.gold.kind in kinds]
    by_pred = [p for p in pairs if p.pred.kind in kinds]
    judged = [p for p in by_gold if p.judged]
    return Row(
        gold=sum(g.kind in kinds for g in gold), pred=sum(p.kind in kinds for p in pred),
        matched_gold=len(by_gold), matched_pred=len(by_pred),
        exact_gold=sum(p.exact for p in by_gold), exact_pred=sum(p.exact for p in by_pred),
        attributed_gold=sum(p.attributed for p in by_gold),
        attributed_pred=sum(p.attributed for p in by_pred),
        speaker_judged=len(judged), speaker_correct=sum(p.speaker_ok for p in judged),
        strict_gold=sum(p.strict for p in by_gold),
    )


@dataclass
class Evaluation:
    """Everything one eval run found: rows, matches and what was left unmatched."""

    rows: dict[str, Row]
    pairs: list[Pair]
    missed: list[Item]
    spurious: list[Item]
    articles: int
    megabytes: float | None = None
    seconds: float | None = None
    failed: list[str] = field(default_factory=list)

    @property
    def misattributed(self) -> list[Pair]:
        """Matches whose named gold speaker the prediction got wrong."""
        return [p for p in self.pairs if not p.attributed]

    @property
    def inexact(self) -> list[Pair]:
        """Matches that count for attribution but not for the strict measure."""
        return [p for p in self.pairs if p.attributed and not p.strict]

    @property
    def throughput(self) -> float | None:
        """MB of article text extracted per second, when extraction was timed."""
        if self.megabytes is None or not self.seconds:
            return None
        return self.megabytes / self.seconds


def score(articles: Sequence[GoldArticle], predictions: Predictions) -> Evaluation:
    """Match every article's predictions to its gold quotes and count all rows."""
    gold_all: list[Item] = []
    pred_all: list[Item] = []
    pairs: list[Pair] = []
    missed: list[Item] = []
    spurious: list[Item] = []
    for article in articles:
        gold, pred = list(article.quotes), predictions.get(article.id, [])
        found = match(gold, pred)
        matched_g = {id(p.gold) for p in found}
        matched_p = {id(p.pred) for p in found}
        missed += [g for g in gold if id(g) not in matched_g]
        spurious += [p for p in pred if id(p) not in matched_p]
        gold_all += gold
        pred_all += pred
        pairs += found
    rows = {name: _count_row(kinds, gold_all, pred_all, pairs) for name, kinds in ROWS.items()}
    return Evaluation(rows, pairs, missed, spurious, len(articles))


# --- reading -----------------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; a missing or bad file raises EvalError."""
    if path.is_dir():
        raise EvalError(f"{path}: is a directory, not a JSON Lines file", code=2)
    if not path.is_file():
        raise EvalError(f"{path}: no such file", code=2)
    try:
        with path.open(encoding="utf-8-sig") as lines:  # a BOM is dropped, as extract does
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise EvalError(f"{path}:{number}: not JSON ({err.msg})") from None
                except RecursionError:
                    raise EvalError(f"{path}:{number}: not JSON (nested too deeply)") from None
                except ValueError as err:  # e.g. an integer of over 4300 digits
                    raise EvalError(f"{path}:{number}: not JSON ({err})") from None
                bad = _unwritable(obj)
                if bad is not None:
                    raise EvalError(f"{path}:{number}: {bad}")
                if not isinstance(obj, dict):
                    raise EvalError(f"{path}:{number}: expected a JSON object")
                yield number, obj
    except UnicodeDecodeError:
        raise EvalError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise EvalError(f"{path}: cannot read ({err.strerror})", code=2) from None


def _unwritable(obj: Any) -> str | None:
    """Why a decoded line's strings cannot be UTF-8 (a lone surrogate escape), or None."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            found = _unwritable(key) or _unwritable(value)
            if found:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = _unwritable(value)
            if found:
                return found
    elif isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError as err:
            return f"invalid Unicode: lone surrogate \\u{ord(obj[err.start]):04x}"
    return None


def _field(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """obj[key] checked to be of the given type (bool is not an int here)."""
    value = obj.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise EvalError(f"{where}: field {key!r} missing or not {getattr(kind, '__name__', kind)}")
    return value


def _quote_item(obj: dict[str, Any], text: str, article_id: str, where: str) -> Item:
    """Validate one gold or predicted quote against its article text and trim it."""
    start, end = _field(obj, "start", int, where), _field(obj, "end", int, where)
    if not 0 <= start <= end <= len(text):
        raise EvalError(f"{where}: span [{start}, {end}) outside the article text")
    if "text" in obj and obj["text"] != text[start:end]:
        raise EvalError(f"{where}: text does not match article text at [{start}, {end})")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise EvalError(f"{where}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    speaker = obj.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise EvalError(f"{where}: speaker must be a string or null")
    mention = obj.get("speaker_mention")  # (a predicted record's; gold has none)
    words = mention.get("text") if isinstance(mention, dict) else None
    return make_item(text, article_id, start, end, kind, speaker, words if isinstance(words, str) else None)


def _gold_article(obj: dict[str, Any], where: str) -> GoldArticle:
    """One gold line: an article with its "quotes" list."""
    article_id, text = _field(obj, "id", str, where), _field(obj, "text", str, where)
    quotes = _field(obj, "quotes", list, where)
    items = tuple(_quote_item(q if isinstance(q, dict) else {}, text, article_id,
                              f"{where}: quote {i}") for i, q in enumerate(quotes))
    date, title = obj.get("date"), obj.get("title")
    review = obj.get("review")
    spans = review.get("unreviewed") if isinstance(review, dict) else None
    unreviewed = frozenset(trim_span(text, s, e) for s, e in _pairs(spans, len(text)))
    return GoldArticle(article_id, text, _iso_date(date),
                       title if isinstance(title, str) else None, items, unreviewed)


def _iso_date(value: Any) -> str | None:
    """A gold date as the extractor takes it; anything else is no date."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def _pairs(value: Any, limit: int) -> list[tuple[int, int]]:
    """The [start, end] pairs of a list that lie inside the text; anything else is ignored."""
    if not isinstance(value, list):
        return []
    return [(v[0], v[1]) for v in value if isinstance(v, list) and len(v) == 2
            and all(type(x) is int for x in v) and 0 <= v[0] <= v[1] <= limit]


def partly_reviewed(obj: dict[str, Any]) -> bool:
    """A line `quotes review` exported before every quote of its article had a verdict."""
    review = obj.get("review")
    return isinstance(review, dict) and review.get("complete") is False


def load_gold(path: Path, include_partial: bool = False) -> list[GoldArticle]:
    """Gold articles from JSON Lines (the eval README format, or the review tool's).

    Partly reviewed articles from `quotes review` are left out, and named on stderr,
    unless `include_partial`: then only the quotes a reviewer judged are scored."""
    articles, partial = [], []
    for n, obj in _read_jsonl(path):
        if partly_reviewed(obj) and not include_partial:
            partial.append(str(obj.get("id")))
            continue
        articles.append(_gold_article(obj, f"{path}:{n}"))
    if partial:
        shown = ", ".join(partial[:5]) + (", …" if len(partial) > 5 else "")
        print(f"quotes eval: left out {len(partial)} partly reviewed article"
              f"{'' if len(partial) == 1 else 's'} of {path} ({shown}); "
              "--include-partial scores their reviewed quotes", file=sys.stderr)
    if not articles:
        raise EvalError(f"{path}: no gold articles"
                        + (" that are fully reviewed (see --include-partial)" if partial else ""))
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise EvalError(f"{path}: article id {article.id!r} appears twice")
        seen.add(article.id)
    return articles


def load_predictions(path: Path, articles: Sequence[GoldArticle]) -> tuple[Predictions, int]:
    """Predicted Quote lines grouped by article, and how many named no gold article."""
    texts = {a.id: a.text for a in articles}
    predictions: Predictions = {a.id: [] for a in articles}
    unknown = 0
    for number, obj in _read_jsonl(path):
        where = f"{path}:{number}"
        article_id = _field(obj, "article_id", str, where)
        if article_id not in texts:
            unknown += 1
            continue
        predictions[article_id].append(_quote_item(obj, texts[article_id], article_id, where))
    return predictions, unknown


# --- extraction --------------------------------------------------------------------------


def to_article(gold: GoldArticle) -> Article:
    """The pipeline's input for a gold article."""
    return Article(id=gold.id, text=gold.text, date=gold.date, title=gold.title)


def run_extraction(articles: Sequence[GoldArticle]) -> tuple[Predictions, float, list[str]]:
    """Extract every article, timing only the extract call; a failing article is named, skipped."""
    from quotes.pipeline import extract  # late: the pipeline is heavier than scoring needs

    predictions: Predictions = {}
    seconds, failed = 0.0, []
    for gold in articles:
        article = to_article(gold)
        began = time.perf_counter()
        try:
            quotes = extract(article)
        except Exception as err:
            failed.append(gold.id)
            print(f"quotes eval: {gold.id}: extraction failed: {type(err).__name__}: {err}",
                  file=sys.stderr)
            quotes = []
        seconds += time.perf_counter() - began
        predictions[gold.id] = [make_item(gold.text, gold.id, q.start, q.end, q.kind, q.speaker,
                                          q.speaker_mention.text if q.speaker_mention else None)
                                for q in quotes]
    return predictions, seconds, failed


def megabytes(articles: Iterable[GoldArticle]) -> float:
    """Size of the article texts in MB (10**6 bytes of UTF-8)."""
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


# --- reporting ---------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    """A figure with two decimals, or a dash when undefined."""
    return "-" if value is None else f"{value:.2f}"


def format_table(ev: Evaluation) -> str:
    """The human-readable table of all rows, with throughput below."""
    head = (f"{'kind':<13}{'span P':>7}{'R':>6}{'F1':>6}{'exact F1':>10}{'attr P':>8}{'R':>6}"
            f"{'F1':>6}{'spk acc':>9}{'strict':>8}{'gold':>7}{'pred':>7}{'match':>7}")
    lines = [head, "-" * len(head)]
    for name, row in ev.rows.items():
        f = row.figures()
        span, attr = f["span"], f["attribution"]
        lines.append(
            f"{name:<13}{_fmt(span['precision']):>7}{_fmt(span['recall']):>6}{_fmt(span['f1']):>6}"
            f"{_fmt(f['exact']['f1']):>10}{_fmt(attr['precision']):>8}{_fmt(attr['recall']):>6}"
            f"{_fmt(attr['f1']):>6}{_fmt(f['speaker_accuracy']):>9}{_fmt(f['strict_recall']):>8}"
            f"{row.gold:>7}{row.pred:>7}{row.matched_gold:>7}")
    lines.append("")
    lines.append(f"articles: {ev.articles}" + (f", extraction failed on {len(ev.failed)}"
                                              if ev.failed else ""))
    speed = ev.throughput
    lines.append("throughput: " + ("not measured (scored given predictions)" if speed is None
                                   else f"{speed:.3f} MB/s ({ev.megabytes:.3f} MB in "
                                        f"{ev.seconds:.2f} s)"))
    return "\n".join(lines)


def _shorten(text: str, limit: int = SPAN_CHARS) -> str:
    """One line of at most `limit` characters, the middle elided."""
    text = _flat(text)
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def _flat(text: str) -> str:
    """Whitespace runs (newlines too) as single spaces, so a listing stays one line per quote."""
    return " ".join(text.split())


def _in_context(text: str, item: Item) -> str:
    """The (shortened) span in ⟦ ⟧ with ~40 characters of article text either side."""
    before = _flat(text[max(0, item.start - CONTEXT_CHARS):item.start])
    after = _flat(text[item.end:item.end + CONTEXT_CHARS])
    return f"…{before} ⟦{_shorten(text[item.start:item.end])}⟧ {after}…"


def _spread(items: Sequence[Any], article_of: Callable[[Any], str]) -> list[Any]:
    """Items reordered round-robin across articles, so a short listing shows many articles."""
    queues: dict[str, list[Any]] = {}
    for item in items:
        queues.setdefault(article_of(item), []).append(item)
    out: list[Any] = []
    rank = 0
    while len(out) < len(items):
        out += [q[rank] for q in queues.values() if rank < len(q)]
        rank += 1
    return out


def error_examples(ev: Evaluation, articles: Sequence[GoldArticle], n: int) -> Examples:
    """Up to n missed, spurious and misattributed quotes, as plain data with context."""
    texts = {a.id: a.text for a in articles}

    def entry(item: Item, gold: str | None, pred: str | None) -> dict[str, Any]:
        return {"article_id": item.article_id, "start": item.start, "end": item.end,
                "kind": item.kind, "text": _shorten(texts[item.article_id][item.start:item.end]),
                "context": _in_context(texts[item.article_id], item),
                "gold_speaker": gold, "pred_speaker": pred}

    by_article = attrgetter("article_id")
    return {
        "missed": [entry(g, g.speaker, None) for g in _spread(ev.missed, by_article)[:n]],
        "spurious": [entry(p, None, p.speaker) for p in _spread(ev.spurious, by_article)[:n]],
        "misattributed": [entry(p.gold, p.gold.speaker, p.pred.speaker)
                          for p in _spread(ev.misattributed, attrgetter("gold.article_id"))[:n]],
        "inexact": [entry(p.gold, p.gold.speaker, f"{p.pred.speaker} ({p.pred.kind})")
                    for p in _spread(ev.inexact, attrgetter("gold.article_id"))[:n]],
    }


# Which speakers an error class can show: a missed quote has no prediction, a spurious no gold.
SPEAKER_SIDES = {"missed": ("gold",), "spurious": ("pred",), "misattributed": ("gold", "pred"),
                 "inexact": ("gold", "pred")}


def format_errors(examples: Examples, totals: dict[str, int]) -> str:
    """The error listing: per class, a header line then two lines per quote."""
    lines = []
    for name, entries in examples.items():
        lines.append(f"\n{name} ({len(entries)} of {totals[name]})")
        for e in entries:
            speakers = "  ".join(f"{side} speaker: {e[side + '_speaker']!r}"
                                 for side in SPEAKER_SIDES[name])
            lines.append(f"  {e['article_id']} [{e['start']}:{e['end']}] {e['kind']}  {speakers}")
            lines.append(f"    {e['context']}")
    return "\n".join(lines)


def report(ev: Evaluation) -> dict[str, Any]:
    """All figures of a run as one JSON-ready object."""
    return {
        "articles": ev.articles,
        "failed_articles": ev.failed,
        "iou_threshold": IOU_THRESHOLD,
        "scores": {name: row.figures() for name, row in ev.rows.items()},
        "throughput": {"megabytes": ev.megabytes, "seconds": ev.seconds,
                       "mb_per_s": ev.throughput},
    }


# --- command -----------------------------------------------------------------------------


def _judged_only(articles: Sequence[GoldArticle], predictions: Predictions) -> Predictions:
    """Predictions without those on spans no reviewer judged (partly reviewed articles)."""
    spans = {a.id: a.unreviewed for a in articles if a.unreviewed}
    return {aid: [p for p in preds if p.span not in spans.get(aid, ())]
            for aid, preds in predictions.items()}


def _names_only(predictions: Predictions) -> Predictions:
    """Predictions judged by their resolved speaker name alone (the rule "name")."""
    return {aid: [dataclasses.replace(p, mention=None) for p in preds] for aid, preds in predictions.items()}


class SpeakerRule(str, enum.Enum):
    """How a predicted speaker is judged: by its resolved name or the words that
    attribute it ("either"), or by its resolved name alone ("name")."""

    either = "either"
    name = "name"


def evaluate(gold_path: Path, pred_path: Path | None = None,
             include_partial: bool = False, speaker_rule: str = "either",
             ) -> tuple[Evaluation, list[GoldArticle]]:
    """Score given predictions, or extraction on the gold articles, against the gold file."""
    articles = load_gold(gold_path, include_partial)
    judge = _names_only if speaker_rule == "name" else (lambda p: p)
    if pred_path is not None:
        predictions, unknown = load_predictions(pred_path, articles)
        if unknown:
            print(f"quotes eval: ignored {unknown} predictions for articles not in {gold_path}",
                  file=sys.stderr)
        return score(articles, judge(_judged_only(articles, predictions))), articles
    predictions, seconds, failed = run_extraction(articles)
    ev = score(articles, judge(_judged_only(articles, predictions)))
    ev.megabytes, ev.seconds, ev.failed = megabytes(articles), seconds, failed
    return ev, articles


def eval_command(
    gold: Annotated[Path, typer.Argument(
        metavar="GOLD.jsonl", help="Gold JSON Lines: one article per line with 'quotes'.")],
    pred: Annotated[Path | None, typer.Option(
        "--pred", metavar="PRED.jsonl",
        help="Score these predicted Quote JSON Lines instead of running extraction.")] = None,
    errors: Annotated[int, typer.Option(
        "--errors", min=0, help="List N missed, N spurious and N misattributed quotes.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    include_partial: Annotated[bool, typer.Option(
        "--include-partial",
        help="Also score articles a review exported partly reviewed (their judged quotes).")
    ] = False,
    speaker_rule: Annotated[SpeakerRule, typer.Option(
        "--speaker-rule",
        help="'either': a speaker is right when its resolved name or the words that attribute "
             "it (speaker_mention) match the gold speaker; 'name': its resolved name only.")
    ] = SpeakerRule.either,
) -> None:
    """Measure quote extraction against annotated articles.

    Examples:

        quotes eval ../shared/eval/polnear-dev.jsonl

        quotes eval gold.jsonl --pred predictions.jsonl --errors 10
    """
    try:
        ev, articles = evaluate(gold, pred, include_partial, speaker_rule.value)
    except EvalError as err:
        print(f"quotes eval: error: {err}", file=sys.stderr)
        raise typer.Exit(err.code) from None
    totals = {"missed": len(ev.missed), "spurious": len(ev.spurious),
              "misattributed": len(ev.misattributed), "inexact": len(ev.inexact)}
    examples = error_examples(ev, articles, errors) if errors else None
    if as_json:
        out = report(ev)
        out["speaker_rule"] = speaker_rule.value
        if examples is not None:
            out["errors"] = examples
        print(json.dumps(out, ensure_ascii=False))
        return
    print(format_table(ev))
    if examples is not None:
        print(format_errors(examples, totals))
