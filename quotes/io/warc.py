"""WARC files (as crawlers and web archives write them): each HTML page becomes an article.

Records are streamed one at a time with warcio. A response (or resource)
record holding HTML becomes a `Page` with the target URI as article id and
URL, and the WARC date as the date when the page gives none. Everything else
(requests, metadata, revisits, non-HTML responses, error pages, damaged
records) is skipped and counted in one warning at the end. A file that breaks
mid-way keeps the pages before the break and names the byte where it broke; in a
`.warc.gz` written a member per record, reading goes on at the next member.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from quotes.io.compressed import Decompressed
from quotes.io.entries import Page, ReadConfig, ReadError, ReadWarning, Work
from quotes.io.extras import require
from quotes.io.html import WHAT as PAGES
from quotes.io.html import page_limit
from quotes.io.stream import ByteSource, read_at_most
from quotes.model import date_or_none

WHAT = "reading WARC files"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")


def read_warc(stream: ByteSource, name: str, config: ReadConfig,
              members: Decompressed | None = None) -> Iterator[Work]:
    """Pages of the HTML records of a WARC stream (plain; compressed ones are decompressed before).

    `members`, the decompressor of a `.warc.gz`, lets the reading go on after a broken
    gzip member at the next one: crawlers write one member per record, so only the
    broken record is lost.
    """
    archive = require("warcio.archiveiterator", WHAT)
    require("trafilatura", PAGES)
    skipped: Counter[str] = Counter()
    pages = 0
    while True:
        records = archive.ArchiveIterator(stream)
        try:
            for record in records:
                reason = _skip_reason(record)
                if reason is None:
                    page, reason = _page(record, name, config)
                    if page is not None:
                        pages += 1
                        yield page
                        continue
                skipped[reason] += 1
            break
        except Exception as exc:  # warcio, zlib and the decompressors each raise their own classes
            broken = resumed = None
            if members is not None:
                broken, resumed = members.member_offset, members.resync()
            if broken is None or resumed is None:
                where = f" at byte {broken} (compressed)" if broken is not None else _offset(records)
                yield ReadError(name, None, f"WARC data broken{where}: {_reason(exc)}; "
                                            f"the {pages} pages before it were read")
                break
            yield ReadError(name, None, f"WARC data broken in the gzip member at byte {broken}: "
                                        f"{_reason(exc)}; read on from the next member, at byte {resumed}")
    if skipped:
        counts = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items()))
        yield ReadWarning(name, None, f"{pages} HTML pages read; skipped {sum(skipped.values())} "
                                      f"other records: {counts}")


def _skip_reason(record: Any) -> str | None:
    """Why a record is no page (`revisit`, `request`, `non-HTML response`…), or None for a page."""
    kind = record.rec_type
    if kind not in _PAGE_RECORDS:
        return kind
    if kind == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return "non-200 response"
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return f"non-HTML {kind}"
    return None


def _page(record: Any, name: str, config: ReadConfig) -> tuple[Page | None, str]:
    """The page of an HTML record, or why it has none."""
    limit = page_limit(config)
    try:
        data = read_at_most(record.content_stream(), limit + 1)
    except Exception:  # a damaged record (bad chunking, bad encoding) costs only itself
        return None, "damaged record"
    if len(data) > limit:
        return None, f"page over {limit} bytes"
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    if uri is None:
        return None, "record without target URI"
    return Page(data, name, uri, url=uri, date=_warc_date(record), config=config), ""


def _warc_date(record: Any) -> str | None:
    """The record's WARC-Date (when it was crawled), as the tool writes dates."""
    return date_or_none((record.rec_headers.get_header("WARC-Date") or "").replace("Z", "+00:00"))


def _offset(records: Any) -> str:
    """` at byte N` where the broken record starts, when warcio knows it."""
    try:
        return f" at byte {records.get_record_offset()}"
    except Exception:
        return ""


def _reason(exc: Exception) -> str:
    """A library's message on one line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
