"""The fact-checker's review report: one self-contained HTML page per run.

The page embeds one copy of the run as data (each article's text once, quotes as
offsets into it) and its script draws the articles and quote cards from that data
as the reviewer scrolls. `write_page` streams the page one article at a time, so
a run costs memory per article, not per run, and a page stops growing at a size
limit with a clear message. `render_review` returns a whole page as a string;
`review_command` is `quotes review`. Everything the page needs is inline, and its
Content-Security-Policy allows only its own script and styles (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import typer

from quotes import pipeline
from quotes.model import Article, Quote
from quotes.read import Problem, ReadConfig, ReadError, ReadWarning, Sourced, read_entries
from quotes.review_speakers import SpeakerGroups
from quotes.run import Reporter
from quotes.write import atomic_file

DEFAULT_MIN_CONFIDENCE = 0.6
# A browser tab stays responsive up to about this much page; 1,000 news articles take ~10 MB.
DEFAULT_MAX_PAGE_MB = 64
ArticleQuotes = tuple[Article, Sequence[Quote]]


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no `</script>`, `<!--` or `]]>` can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@cache
def _asset(name: str) -> str:
    """A packaged template file's text."""
    return resources.files("quotes").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


SCRIPTS = ("review_draw.js", "review_io.js", "review.js")  # in this order: the last uses the others


def content_policy() -> str:
    """Nothing may load; only the page's own scripts and styles run; no base, no form posts."""
    scripts = " ".join(_csp_hash(_asset(name)) for name in SCRIPTS)
    return (f"default-src 'none'; script-src {scripts}; "
            f"style-src {_csp_hash(_asset('review.css'))}; base-uri 'none'; form-action 'none'")


def _span(span: Any) -> list[int] | None:
    """A Span as [start, end], the form the page's data uses."""
    return None if span is None else [span.start, span.end]


def article_data(article: Article, quotes: Sequence[Quote], speakers: SpeakerGroups,
                 min_confidence: float) -> dict[str, Any]:
    """One article as page data: its text once, its quotes as offsets into it (code points)."""
    rows = []
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        row = {"id": quote.id, "start": quote.start, "end": quote.end, "kind": quote.kind,
               "speaker": quote.speaker, "role": quote.speaker_role,
               "mention": _span(quote.speaker_mention), "resolution": quote.resolution,
               "cue": _span(quote.cue), "confidence": round(quote.confidence, 3),
               "rule": quote.rule, "explanation": quote.explanation,
               "group": speakers.add(quote.speaker, quote.speaker_role, quote.kind,
                                     quote.confidence < min_confidence)}
        if article.text[quote.start:quote.end] != quote.text:  # shown as a warning on the card
            row["text"] = quote.text
        rows.append(row)
    # Saved verdicts are keyed by article id and text, so any later report of it finds them.
    key = hashlib.sha1(f"{article.id}\x1f{article.text}".encode()).hexdigest()[:16]
    return {"id": article.id, "title": article.title, "date": article.date, "url": article.url,
            "body": min(article.body_start, len(article.text)), "key": key,
            "text": article.text, "quotes": rows}


@dataclass
class PageStats:
    """What went into a written page, and whether the size limit left articles out."""

    articles: int = 0
    quotes: int = 0
    bytes: int = 0
    left_out: bool = False


def _head(title: str) -> str:
    """Everything before the data: the document head and the page's fixed frame."""
    frame = _asset("review.html").replace("{{title}}", html.escape(title, quote=True))
    return frame.replace("{{csp}}", html.escape(content_policy(), quote=True)).replace(
        "{{css}}", _asset("review.css"))


def write_page(stream: TextIO, items: Iterable[ArticleQuotes], *,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE, title: str = "Quote review",
               max_bytes: int | None = None) -> PageStats:
    """Stream the page for these articles; stop taking articles before it passes `max_bytes`."""
    stats, speakers = PageStats(), SpeakerGroups()

    def put(text: str) -> None:
        stream.write(text)
        stats.bytes += len(text.encode())

    put(_head(title))
    put('<script type="application/json" id="review-data">[')
    tail_room = 64 * 1024  # the speakers table and the script still have to fit
    for article, quotes in items:
        chunk = ("," if stats.articles else "") + "\n" + script_json(
            article_data(article, quotes, speakers, min_confidence))
        if max_bytes is not None and stats.bytes + len(chunk.encode()) + tail_room > max_bytes:
            stats.left_out = True
            break
        put(chunk)
        stats.articles += 1
        stats.quotes += len(quotes)
    put("]</script>\n")
    meta = {"title": title, "minConfidence": min_confidence, "speakers": speakers.table(),
            "leftOut": stats.left_out}
    put(f'<script type="application/json" id="review-meta">{script_json(meta)}</script>\n')
    put("".join(f"<script>{_asset(name)}</script>\n" for name in SCRIPTS) + "</body>\n</html>\n")
    return stats


def render_review(articles_with_quotes: Iterable[ArticleQuotes], *,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  title: str = "Quote review") -> str:
    """The whole review page for these articles and their quotes, as one HTML string."""
    out = StringIO()
    write_page(out, articles_with_quotes, min_confidence=min_confidence, title=title)
    return out.getvalue()


def extracted(paths: Iterable[str | os.PathLike[str]], report: Callable[[Problem], None],
              config: ReadConfig | None = None) -> Iterator[ArticleQuotes]:
    """Each input article with its quotes, read and extracted only when asked for."""
    for entry in read_entries(paths, config or ReadConfig()):
        if not isinstance(entry, Sourced):
            report(entry)
            continue
        try:
            yield entry.article, pipeline.extract(entry.article)
        except Exception as exc:
            report(ReadError(entry.input, entry.line, f"extraction failed for article "
                                                      f"{entry.article.id!r}: {type(exc).__name__}: {exc}"))


def collect(paths: Iterable[str | os.PathLike[str]],
            report: Callable[[Problem], None]) -> list[ArticleQuotes]:
    """Read and extract every input into a list (small runs; `extracted` streams)."""
    return list(extracted(paths, report))


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
    max_page_mb: Annotated[int, typer.Option(
        "--max-page-mb", min=1, max=1024, metavar="MB",
        help="Stop adding articles before the page passes MB megabytes.")] = DEFAULT_MAX_PAGE_MB,
    encoding_errors: Annotated[Literal["strict", "replace"], typer.Option(
        "--encoding-errors", metavar="strict|replace",
        help="Bad UTF-8 or lone surrogates: 'strict' skips the article, 'replace' uses U+FFFD.")
    ] = "strict",
) -> None:
    """Write a self-contained HTML page to review quotes and export verdicts as gold.

    Example: quotes review seeds/ -o review.html
    """
    from quotes.cli import check_outputs, check_paths  # late: the CLI module imports this one

    # Like `quotes extract`: a mistyped path, a terminal on stdin or a page that would
    # replace an input is a usage error (exit 2), found before any work.
    inputs = check_paths(paths or [])
    check_outputs(inputs, output, None)
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

        config = ReadConfig(encoding_errors=encoding_errors)
        try:
            with atomic_file(output) as stream:
                stats = write_page(stream, extracted(inputs, report, config),
                                   min_confidence=min_confidence, max_bytes=max_page_mb * 10**6)
        except OSError as exc:  # disk full, permission lost: the old file is left as it was
            typer.echo(f"quotes: error: cannot write output {output}: {exc.strerror or exc}",
                       err=True)
            raise typer.Exit(3) from None
    if stats.left_out:
        typer.echo(f"quotes: error: {output}: the page reached its {max_page_mb} MB limit after "
                   f"{stats.articles} articles; the rest of the input was not read (review it "
                   "in parts, or raise --max-page-mb)", err=True)
    typer.echo(f"quotes: wrote {output}: {stats.articles} articles, {stats.quotes} quotes",
               err=True)
    if errors or stats.left_out:  # the page holds the good articles; the exit code says some were lost
        raise typer.Exit(1)
