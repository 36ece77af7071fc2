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

from quotes.io.extras import require
from quotes.io.stream import ByteSource
from quotes.model import Article
from quotes.read import Page, ReadConfig, ReadError, ReadWarning, Sourced, Work, parse_date

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
        data = stream.read(page_limit(config) + 1)
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
        found = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True,
                                            include_comments=False, include_tables=False)
    except Exception as exc:  # a library bug on one odd page must not cost the run
        return ReadError(page.input, page.line, f"cannot extract {_what(page)}: "
                                                 f"{type(exc).__name__}: {exc}")
    text = page_text(found.text or "", found.title) if found is not None else ""
    if not text:
        return ReadWarning(page.input, page.line, f"no article text found in {_what(page)}; skipped")
    if len(text.encode("utf-8")) > page.config.max_bytes:
        return ReadError(page.input, page.line,
                         f"article text of {_what(page)} larger than the limit of "
                         f"{page.config.max_bytes} bytes (see --max-bytes)")
    article = Article(id=page.article_id, text=text, title=found.title or None,
                      date=_date(found.date) or page.date, url=found.url or page.url,
                      extra=_extra(found))
    return Sourced(article, page.input, page.line)


def page_text(extracted: str, title: str | None) -> str:
    """Paragraphs one per line with blank lines between; a first line repeating the title dropped."""
    lines = [line.strip() for line in extracted.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _date(value: str | None) -> str | None:
    """trafilatura's date as the tool writes dates, or None."""
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def _extra(found: Any) -> dict[str, str]:
    """Metadata kept beside the article (Article.extra): author and site, when the page gives them."""
    fields = {"author": found.author, "sitename": found.sitename}
    return {key: value for key, value in fields.items() if value}


def _what(page: Page) -> str:
    """`the page` of an HTML file, `the page <url>` of a WARC record."""
    return f"the page {page.url}" if page.url else "the page"
