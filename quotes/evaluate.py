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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import typer

from quotes import lexicon

# What is scored, how it is read and how it is shown live in quotes.evaluation;
# this module scores, and names them all as before.
from quotes.evaluation.items import (  # noqa: F401
    KINDS,
    EvalError,
    Examples,
    GoldArticle,
    Item,
    Predictions,
    make_item,
    trim_span,
)
from quotes.evaluation.load import load_gold, load_predictions, partly_reviewed  # noqa: F401
from quotes.evaluation.losses import strict_losses
from quotes.evaluation.report import (  # noqa: F401
    CONTEXT_CHARS,
    SPAN_CHARS,
    SPEAKER_SIDES,
    error_examples,
    format_errors,
    format_table,
)
from quotes.model import Article

IOU_THRESHOLD = 0.5
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
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$")


# --- spans -------------------------------------------------------------------------------


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
_ARTICLES = lexicon.tagged("determiners", "article")


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
    ("Fenn, a top Brandt surrogate," → "Fenn"; "Rep. John Mercer (R-Fla.)" → "Rep. John Mercer")."""
    forms = {name_tokens(gold)}
    head = _APPOSITION.split(gold, 1)[0]
    if head.strip() and _tokens(head):
        forms.add(name_tokens(head))
    return {form for form in forms if form}


def exact_name(name: str | None) -> str:
    """A name as the strict measure compares it: casefolded, apostrophes straightened,
    spaces collapsed, a leading article dropped ("the Treasury" and "Treasury" agree, as
    "A spokesman for X" and "spokesman for X" do: the gold sets differ on keeping it)."""
    words = (name or "").casefold().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] and words[0] in _ARTICLES and len(words) > 1 else words)


def _same_speaker(g: tuple[str, ...], p: tuple[str, ...]) -> bool:
    gs, ps = set(g), set(p)
    return g == p or g[-1] == p[-1] or gs <= ps or ps <= gs


# --- matching and scoring ----------------------------------------------------------------


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


def report(ev: Evaluation) -> dict[str, Any]:
    """All figures of a run as one JSON-ready object."""
    return {
        "articles": ev.articles,
        "failed_articles": ev.failed,
        "iou_threshold": IOU_THRESHOLD,
        "scores": {name: row.figures() for name, row in ev.rows.items()},
        "strict_losses": strict_losses(ev),
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
