"""Web pages: the main text, title, date, author and canonical URL, taken by trafilatura.

Reading only collects a page's bytes (a `Page`); turning it into an article
costs about as much as finding its quotes, so it happens where the article is
processed: in a worker with `--jobs`. The text is the page's paragraphs, one
per line with a blank line between them, so quotes running over paragraphs
and follow-on quotes read as they do in a text file; menus, related links,
cookie notices and comments stay out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quotes.io.entries import Page, ReadConfig, ReadError, ReadWarning, Sourced, Work
from quotes.io.extras import require
from quotes.io.stream import ByteSource, read_at_most
from quotes.model import Article, date_or_none

# A page is mostly markup and scripts: its bytes may be this many times an article's limit.
PAGE_BYTES_PER_TEXT_BYTE = 16
WHAT = "reading web pages"


def page_limit(config: ReadConfig) -> int:
    """The largest page accepted, in bytes."""
    return config.max_bytes * PAGE_BYTES_PER_TEXT_BYTE


def read_page(stream: ByteSource, name: str, article_id: str, config: ReadConfig) -> Iterator[Work]:
    """The one page of an HTML input, its text left to `page_entry`."""
    require("trafilatura", WHAT)  # before reading: one clear error per input without the extra
    try:
        data = read_at_most(stream, page_limit(config) + 1)
    except OSError as exc:
        yield ReadError(name, None, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > page_limit(config):
        yield ReadError(name, None, too_large(config))
        return
    yield Page(data, name, article_id, config=config)


def too_large(config: ReadConfig) -> str:
    """The size-limit reason for pages, naming the option that changes it."""
    return (f"page larger than the limit of {page_limit(config)} bytes "
            f"({PAGE_BYTES_PER_TEXT_BYTE} x --max-bytes)")


def page_entry(page: Page) -> Sourced | ReadError | ReadWarning:
    """The article of a page, or why it has none (no main text is a warning: it is skipped)."""
    trafilatura = require("trafilatura", WHAT)
    try:
        found = _extract(trafilatura, page)
    except Exception as exc:  # a library bug on one odd page must not cost the run
        return ReadError(page.input, page.line, f"cannot extract {_what(page)}: "
                                                 f"{type(exc).__name__}: {exc}")
    if found is None:
        return ReadWarning(page.input, page.line, f"no article text found in {_what(page)}; skipped")
    if len(found.text.encode("utf-8")) > page.config.max_bytes:
        return ReadError(page.input, page.line,
                         f"article text of {_what(page)} larger than the limit of "
                         f"{page.config.max_bytes} bytes (see --max-bytes)")
    return Sourced(found, page.input, page.line)


def _extract(trafilatura: Any, page: Page) -> Article | None:
    """Main text and metadata of a page, or None when it has no main text.

    The metadata come from the page's meta tags and JSON-LD (title, canonical URL,
    author) and htmldate (date), read by trafilatura's own functions on one parsed
    tree. Its all-in-one `with_metadata=True` also hunts the body for an author
    and a licence, which took 60 % of its time and gave nothing a record holds.
    """
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
    from trafilatura.utils import load_html

    tree = load_html(page.html)
    if tree is None:
        return None
    meta = extract_meta_json(tree, examine_meta(tree))
    title = meta.title or extract_title(tree)
    url = meta.url or extract_url(tree, page.url) or page.url
    date = find_date(tree, extensive_search=True, original_date=True, url=url)
    found = trafilatura.bare_extraction(tree, url=url, with_metadata=False, fast=True,
                                        include_comments=False, include_tables=False)
    text = page_text(found.text or "", title) if found is not None else ""
    if not text:
        return None
    author = meta.author if meta.author and " " in meta.author else None  # as trafilatura does
    return Article(id=page.article_id, text=text, title=title or None,
                   date=date_or_none(date) or page.date, url=url,
                   extra={"author": author} if author else {})


def page_text(extracted: str, title: str | None) -> str:
    """Paragraphs one per line with blank lines between; a first line repeating the title dropped."""
    lines = [line.strip() for line in extracted.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _what(page: Page) -> str:
    """`the page` of an HTML file, `the page <url>` of a WARC record."""
    return f"the page {page.url}" if page.url else "the page"
