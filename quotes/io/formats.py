"""Which reader an input needs, known from its first bytes (and, for pages, its suffix)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from quotes.io import html, parquet, warc
from quotes.io.compressed import Damaged, compression, decompressed
from quotes.io.entries import JSONL_SUFFIXES, TEXT_SUFFIXES, ReadConfig, ReadError, Work, os_reason
from quotes.io.extras import MissingExtra
from quotes.io.jsonl import read_jsonl_stream
from quotes.io.stream import ByteSource, Replay, read_at_most
from quotes.io.text import BOM, text_article

SNIFF_BYTES = 8192
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
HTML_SUFFIXES = (".html", ".htm")
ARCHIVE_SUFFIXES = (*HTML_SUFFIXES, ".warc", ".parquet")
_HTML_STARTS = (b"<!doctype html", b"<html")
_HTML_TAGS = (b"<html", b"<head", b"<body")


def kind_of(head: bytes, name: str = "") -> str | None:
    """`gzip`…`zstd`, `warc`, `parquet` or `html` for an archive format; None for text or JSON Lines."""
    packed = compression(head)
    if packed:
        return packed
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    if name.lower().endswith(HTML_SUFFIXES) or _looks_like_html(head):
        return "html"
    return None


def _looks_like_html(head: bytes) -> bool:
    """A page starts with a doctype or <html>, or with a tag and has <html>, <head> or <body> early."""
    start = head.removeprefix(BOM).lstrip()[:2048].lower()
    if start.startswith(_HTML_STARTS):
        return True
    return start.startswith(b"<") and any(tag in start for tag in _HTML_TAGS)


def read_stream(raw: BinaryIO, head: bytes, kind: str, name: str, article_id: str,
                json_name: str, config: ReadConfig) -> Iterator[Work]:
    """The entries of an input whose first bytes, `head`, said `kind`; `raw` reads on after them.

    `name` names the input in messages, `article_id` a one-article input (a text or
    a page), `json_name` prefixes the ids of JSON lines or Parquet rows without one.
    """
    if kind == "parquet" and raw.seekable():  # a file: pyarrow reads its index at the end
        raw.seek(0)
        source: Any = raw
    else:
        source = Replay(head, raw)
    yield from _read(source, kind, name, _plain_id(article_id), json_name, config)


def _read(stream: Any, kind: str, name: str, article_id: str, json_name: str,
          config: ReadConfig) -> Iterator[Work]:
    """Hand a stream (at its first byte) to the reader of its kind."""
    try:
        if kind == "warc":
            yield from warc.read_warc(stream, name, config)
        elif kind == "html":
            yield from html.read_page(stream, name, article_id, config)
        elif kind == "parquet":
            yield from _parquet(stream, name, json_name, config)
        else:
            yield from _read_decompressed(stream, kind, name, article_id, json_name, config)
    except MissingExtra as exc:
        yield ReadError(name, None, str(exc))


def _read_decompressed(stream: ByteSource, kind: str, name: str, article_id: str, json_name: str,
                       config: ReadConfig) -> Iterator[Work]:
    """What a compressed stream holds: JSON Lines, text, a page or a WARC file, streamed."""
    inner = decompressed(stream, kind)
    head = inner.head(SNIFF_BYTES)
    content = Replay(head, inner)
    found = kind_of(head, article_stem(json_name))
    if found == "warc":
        yield from warc.read_warc(content, name, config, members=inner)
    elif found == "html":
        yield from _read(content, found, name, article_id, json_name, config)
    elif found is not None:
        yield ReadError(name, None, f"{found} data inside {kind}; decompress it first")
    elif head.removeprefix(BOM).lstrip().startswith(b"{"):
        yield from read_jsonl_stream(content, name, json_name, config)
    else:
        try:
            data = read_at_most(content, config.max_bytes + 1)
            if len(data) <= config.max_bytes:
                content.read(1)  # the end of the stream, or the break that cut the text short
        except Damaged as exc:
            yield ReadError(name, None, f"cannot read: {exc}")
            return
        yield from text_article(data, name, article_id, config)


def _parquet(stream: Any, name: str, json_name: str, config: ReadConfig) -> Iterator[Work]:
    """A Parquet file; a pipe is copied to a temporary file first (the index is at the end)."""
    if isinstance(stream, Replay):
        with tempfile.TemporaryFile() as spool:
            try:
                shutil.copyfileobj(stream, spool)  # type: ignore[misc]
                spool.seek(0)
            except OSError as exc:  # a full disk: this input fails, the run goes on
                yield ReadError(name, None, f"cannot copy piped Parquet data to a temporary file "
                                            f"({os_reason(exc)}); give the file's path instead")
                return
            yield from parquet.read_parquet(spool, name, json_name, config)
    else:
        yield from parquet.read_parquet(stream, name, json_name, config)


def article_stem(file_name: str) -> str:
    """The file name without its compression suffix: `a.jsonl.gz` → `a.jsonl`."""
    lower = file_name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return file_name[: -len(suffix)]
    return file_name


def _plain_id(article_id: str) -> str:
    """A compressed file's article id without the inner suffix: `a.txt` (of `a.txt.gz`) → `a`."""
    lower = article_id.lower()
    for suffix in TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES:
        if lower.endswith(suffix):
            return article_id[: -len(suffix)]
    return article_id
