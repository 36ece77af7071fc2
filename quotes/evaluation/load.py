"""Reading `quotes eval`'s inputs: gold articles (the eval README format, or the review
tool's) and predicted Quote records, each line checked against its article's text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from quotes.evaluation.items import KINDS, EvalError, GoldArticle, Item, Predictions, make_item, trim_span
from quotes.model import date_or_none


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
    return GoldArticle(article_id, text, date_or_none(date),
                       title if isinstance(title, str) else None, items, unreviewed)


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
