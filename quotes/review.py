"""The fact-checker's review report: one self-contained HTML page per run.

`render_review` turns articles and their quotes into a page that shows every
quote highlighted in its article, why its speaker was chosen, and lets a
reviewer mark quotes correct or wrong and export them as gold JSON Lines
(the format of the evaluation set). `review_command` is the `quotes review`
command. Everything the page needs is inline: it loads nothing from anywhere.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any

import typer

from quotes import pipeline
from quotes.model import Article, Quote
from quotes.read import STDIN, Problem, ReadError, ReadWarning, Sourced, read_entries
from quotes.run import Reporter
from quotes.write import atomic_file

DEFAULT_MIN_CONFIDENCE = 0.6
ArticleQuotes = tuple[Article, Sequence[Quote]]

_SLOT = re.compile(r"\{\{(\w+)\}\}")
_KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class _Mark:
    """One span to mark in the article text: a quote, its speaker mention or its cue."""

    start: int
    end: int
    role: str  # "quote", "mention" or "cue"
    key: str  # the DOM key of the quote it belongs to
    kind: str
    low: bool


@dataclass(frozen=True)
class _Speaker:
    """One row of the speakers table: a speaker and every quote given to them."""

    key: str
    name: str | None
    role: str | None
    count: int
    kinds: Counter[str]
    low: int


def quote_key(article_index: int, quote: Quote) -> str:
    """DOM key of a quote: unique in the page even when an article id repeats."""
    return f"{article_index}-{quote.id}"


def _esc(value: object) -> str:
    """HTML-escape any value for text or a double-quoted attribute."""
    return html.escape(str(value), quote=True)


def _marks(article_index: int, text_len: int, quotes: Sequence[Quote],
           min_confidence: float) -> list[_Mark]:
    """Every quote, mention and cue span of one article, clamped to its text."""
    marks: list[_Mark] = []
    for quote in quotes:
        key, low = quote_key(article_index, quote), quote.confidence < min_confidence
        spans = [("quote", quote.start, quote.end)]
        spans += [(role, span.start, span.end) for role, span in
                  (("mention", quote.speaker_mention), ("cue", quote.cue)) if span is not None]
        for role, start, end in spans:
            start, end = max(0, min(start, text_len)), max(0, min(end, text_len))
            if start < end:
                marks.append(_Mark(start, end, role, key, quote.kind, low))
    return marks


def _segment_html(piece: str, active: Sequence[_Mark], anchors: set[str]) -> str:
    """One run of text covered by the same marks, as a single classed <span>."""
    if not active:
        return _esc(piece)
    classes = ["hl"]
    for mark in active:
        classes.append(f"k-{mark.kind}" if mark.role == "quote" else mark.role)
        if mark.role == "quote" and mark.low:
            classes.append("low")
    keys = sorted({mark.key for mark in active})
    starts = sorted(m.key for m in active if m.role == "quote" and m.key not in anchors)
    anchors.update(starts)
    # The first piece of each quote carries its anchor, so cards can link to the text.
    anchor = f' id="t-{_esc(starts[0])}"' if starts else ""
    title = ", ".join(sorted({m.kind for m in active if m.role == "quote"} |
                             {m.role for m in active if m.role != "quote"}))
    return (f'<span{anchor} class="{" ".join(dict.fromkeys(classes))}" '
            f'data-q="{_esc(" ".join(keys))}" title="{_esc(title)}">{_esc(piece)}</span>')


def highlight(text: str, marks: Sequence[_Mark]) -> str:
    """Escaped article text with marks, split at every span boundary so overlaps nest safely."""
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    opening: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        opening.setdefault(mark.start, []).append(index)
    active: set[int] = set()  # the sweep only revisits marks still open, not every mark
    anchors: set[str] = set()
    pieces = []
    for start, end in pairwise(bounds):
        active = {i for i in active if marks[i].end > start} | set(opening.get(start, ()))
        pieces.append(_segment_html(text[start:end], [marks[i] for i in sorted(active)], anchors))
    return "".join(pieces)


def _speakers(items: Sequence[ArticleQuotes], min_confidence: float) -> dict[str | None, _Speaker]:
    """Speakers across the run, most quoted first, with stable keys for filters and links."""
    groups: dict[str | None, list[Quote]] = {}
    for _, quotes in items:
        for quote in quotes:
            groups.setdefault(quote.speaker, []).append(quote)
    order = sorted(groups, key=lambda name: (-len(groups[name]), name is None, name or ""))
    table = {}
    for index, name in enumerate(order):
        quotes = groups[name]
        roles = Counter(q.speaker_role for q in quotes if q.speaker_role)
        table[name] = _Speaker(
            key=f"s{index}", name=name, role=roles.most_common(1)[0][0] if roles else None,
            count=len(quotes), kinds=Counter(q.kind for q in quotes),
            low=sum(q.confidence < min_confidence for q in quotes))
    return table


def _speaker_label(name: str | None) -> str:
    """How a speaker is shown: their name, or a plain note when none was found."""
    return name if name is not None else "(no speaker found)"


def _speakers_table(speakers: Iterable[_Speaker]) -> str:
    """The table of speakers with quote counts, each linking to a filter on their quotes."""
    rows = []
    for s in speakers:
        kinds = " · ".join(f"{s.kinds[k]} {k}" for k in _KINDS if s.kinds[k])
        check = f'<span class="badge check">{s.low} to check</span>' if s.low else ""
        rows.append(
            f'<tr data-speaker="{s.key}"><th scope="row"><a href="#speaker={s.key}" '
            f'data-speaker="{s.key}">{_esc(_speaker_label(s.name))}</a></th>'
            f'<td>{_esc(s.role or "")}</td><td class="num">{s.count}</td>'
            f'<td>{_esc(kinds)} {check}</td></tr>')
    return "\n".join(rows)


def _why(quote: Quote) -> str:
    """Why the speaker was chosen: the mention, the entity it resolved to, and the rule."""
    badge = f'<span class="res res-{_esc(quote.resolution)}">{_esc(quote.resolution)}</span> '
    rule = f' <span class="rule">rule <code>{_esc(quote.rule)}</code></span>'
    if "→" in quote.explanation:  # the pipeline already spelled out the chain
        return f'{badge}<span class="explain">{_esc(quote.explanation)}</span>{rule}'
    if quote.speaker is None:
        chain = "no speaker found"
    elif quote.speaker_mention is not None:
        chain = f"“{_esc(quote.speaker_mention.text)}” → <b>{_esc(quote.speaker)}</b>"
    else:
        chain = f"→ <b>{_esc(quote.speaker)}</b>"
    return f'{badge}{chain}<span class="explain">: {_esc(quote.explanation)}</span>{rule}'


def _card(key: str, quote: Quote, speaker: _Speaker, text: str, min_confidence: float) -> str:
    """One quote in the side list: what was said, by whom, why, and the verdict controls."""
    low = quote.confidence < min_confidence
    fits = text[quote.start:quote.end] == quote.text
    role = f'<span class="role">{_esc(quote.speaker_role)}</span>' if quote.speaker_role else ""
    cue = (f'<dt>Cue</dt><dd><span class="cue-sample">{_esc(quote.cue.text)}</span> '
           f'<span class="offsets">{quote.cue.start}–{quote.cue.end}</span></dd>'
           if quote.cue else "")
    return f"""<li class="card k-{quote.kind}{' low' if low else ''}" id="q-{_esc(key)}" \
data-key="{_esc(key)}" data-speaker="{speaker.key}" data-kind="{quote.kind}" \
data-low="{int(low)}" data-start="{quote.start}" data-end="{quote.end}">
<div class="card-head"><span class="badge kind k-{quote.kind}">{quote.kind}</span>\
{'<span class="badge check" title="confidence below the threshold">check</span>' if low else ''}\
{'' if fits else '<span class="badge check">offsets do not match the text</span>'}\
<span class="conf" title="confidence">{quote.confidence:.2f}</span>\
<a class="loc" href="#t-{_esc(key)}" title="show in the article">chars {quote.start}–{quote.end}</a>\
<span class="state" aria-live="polite"></span></div>
<blockquote class="qtext">{_esc(quote.text)}</blockquote>
<dl>
<dt>Speaker</dt><dd><span class="speaker">{_esc(_speaker_label(quote.speaker))}</span>{role}</dd>
<dt>Why</dt><dd class="why">{_why(quote)}</dd>
{cue}</dl>
<div class="verdict" role="group" aria-label="Verdict">\
<button type="button" class="v-ok" aria-pressed="false">correct</button>\
<button type="button" class="v-bad" aria-pressed="false">wrong</button>\
<label>Speaker <input type="text" class="v-speaker" value="{_esc(quote.speaker or '')}" \
placeholder="fix the speaker" spellcheck="false"></label></div>
</li>"""


def _article_section(index: int, article: Article, quotes: Sequence[Quote],
                     speakers: dict[str | None, _Speaker], min_confidence: float) -> str:
    """One article: its highlighted text beside the list of its quotes."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    marks = _marks(index, len(article.text), ordered, min_confidence)
    cards = "\n".join(_card(quote_key(index, q), q, speakers[q.speaker], article.text,
                            min_confidence) for q in ordered)
    meta = " · ".join(_esc(part) for part in (article.id, article.date) if part)
    heading = _esc(article.title or article.id)
    empty = "" if ordered else '<p class="none">No quotes found in this article.</p>'
    return f"""<article class="article" id="a-{index}" data-article="{index}">
<header class="article-head"><h2>{heading}</h2>
<p class="meta">{meta} · {len(ordered)} quote{'' if len(ordered) == 1 else 's'} \
<span class="progress" data-total="{len(ordered)}"></span></p></header>
<div class="cols">
<div class="text-wrap"><div class="text">{highlight(article.text, marks)}</div></div>
<div class="side">{empty}<ol class="quotes">
{cards}
</ol></div>
</div>
</article>"""


def _quote_data(key: str, quote: Quote) -> dict[str, Any]:
    """What the page's script needs of a quote to export it as gold."""
    mention = quote.speaker_mention
    return {
        "key": key, "id": quote.id, "start": quote.start, "end": quote.end, "text": quote.text,
        "kind": quote.kind, "speaker": quote.speaker,
        "mention": [mention.start, mention.end] if mention else None,
        "cue": quote.cue.text if quote.cue else None,
        "cue_span": [quote.cue.start, quote.cue.end] if quote.cue else None,
    }


def _page_data(items: Sequence[ArticleQuotes]) -> dict[str, Any]:
    """The articles and quotes as data, so the export can rebuild gold records."""
    articles = [{"id": a.id, "title": a.title, "date": a.date, "text": a.text,
                 "quotes": [_quote_data(quote_key(i, q), q)
                            for q in sorted(qs, key=lambda q: (q.start, q.end))]}
                for i, (a, qs) in enumerate(items)]
    body = json.dumps(articles, ensure_ascii=False, sort_keys=True)
    # The run id keys the reviewer's saved verdicts to exactly this content.
    return {"run": hashlib.sha1(body.encode()).hexdigest()[:16], "articles": articles}


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no `</script>`, `<!--` or `]]>` can appear."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _asset(name: str) -> str:
    """A packaged template file's text."""
    return resources.files("quotes").joinpath("templates", name).read_text(encoding="utf-8")


def _options(speakers: Iterable[_Speaker]) -> str:
    """The speaker filter's <option>s."""
    return "\n".join(f'<option value="{s.key}">{_esc(_speaker_label(s.name))} ({s.count})</option>'
                     for s in speakers)


def render_review(articles_with_quotes: Iterable[ArticleQuotes], *,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  title: str = "Quote review") -> str:
    """The whole review page for these articles and their quotes, as one HTML string."""
    items = [(article, list(quotes)) for article, quotes in articles_with_quotes]
    speakers = _speakers(items, min_confidence)
    all_quotes = [q for _, qs in items for q in qs]
    low = sum(q.confidence < min_confidence for q in all_quotes)
    slots = {
        "title": _esc(title),
        "css": _asset("review.css"),
        "js": _asset("review.js"),
        "data": script_json(_page_data(items)),
        "summary": _esc(f"{len(items)} article{'' if len(items) == 1 else 's'} · "
                        f"{len(all_quotes)} quote{'' if len(all_quotes) == 1 else 's'} · "
                        f"{low} to check (confidence below {min_confidence:g})"),
        "min_confidence": _esc(f"{min_confidence:g}"),
        "speaker_options": _options(speakers.values()),
        "speakers": _speakers_table(speakers.values()),
        "articles": "\n".join(_article_section(i, a, qs, speakers, min_confidence)
                              for i, (a, qs) in enumerate(items)),
    }
    # One pass over the template only: text inside a slot is never read as a slot.
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("review.html"))


def collect(paths: Iterable[str | os.PathLike[str]],
            report: Callable[[Problem], None]) -> list[ArticleQuotes]:
    """Read and extract every input; problems go to `report`, never stopping the run."""
    items: list[ArticleQuotes] = []
    for entry in read_entries(paths):
        if not isinstance(entry, Sourced):
            report(entry)
            continue
        try:
            items.append((entry.article, pipeline.extract(entry.article)))
        except Exception as exc:
            report(ReadError(entry.input, entry.line, f"extraction failed for article "
                                                      f"{entry.article.id!r}: {type(exc).__name__}: {exc}"))
    return items


def review_command(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Article files or directories; `-` or none reads stdin.",
        show_default=False)] = None,
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FILE", help="Where to write the HTML page.")
    ] = Path("review.html"),
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, metavar="X",
        help="Flag quotes whose confidence is below X with 'check'.")] = DEFAULT_MIN_CONFIDENCE,
) -> None:
    """Write a self-contained HTML page to review quotes and export verdicts as gold.

    Example: quotes review seeds/ -o review.html
    """
    inputs = paths or [STDIN]
    # Like `quotes extract`: a mistyped path is a usage error (exit 2), found before any work.
    missing = [p for p in inputs if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise typer.BadParameter(f"no such file or directory: {', '.join(missing)}",
                                 param_hint="PATH")
    if not (output.parent if str(output.parent) else Path(".")).is_dir() or output.is_dir():
        raise typer.BadParameter(f"cannot write {str(output)!r}: not a file in an existing "
                                 "directory", param_hint="--output")
    errors: list[Problem] = []
    with Reporter(progress=False) as reporter:
        def report(problem: Problem) -> None:
            """Show the problem now and count it for the exit code."""
            reporter.problem(problem)
            if not isinstance(problem, ReadWarning):
                errors.append(problem)

        items = collect(inputs, report)
        page = render_review(items, min_confidence=min_confidence)
        try:
            with atomic_file(output) as stream:
                stream.write(page)
        except OSError as exc:  # disk full, permission lost: the old file is left as it was
            typer.echo(f"quotes: error: cannot write output {output}: {exc.strerror or exc}",
                       err=True)
            raise typer.Exit(3) from None
    count = sum(len(quotes) for _, quotes in items)
    typer.echo(f"quotes: wrote {output}: {len(items)} articles, {count} quotes", err=True)
    if errors:  # the report holds the good articles; the exit code says some were lost
        raise typer.Exit(1)
