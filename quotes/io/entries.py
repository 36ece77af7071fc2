"""What reading gives: articles with the input they came from, web pages still to
be read, and problems naming their input; and how inputs are read (`ReadConfig`).

Every reader (`quotes.read` for files, directories and stdin, `quotes.io` for
archive formats) yields these entries, so nothing after reading knows where an
article came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quotes.model import Article

STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# 512 KiB: five times the longest news articles, and a bound on memory per article
# (an article made of nothing but quotations costs about 120 bytes per byte).
DEFAULT_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class ReadConfig:
    """How inputs are read; one immutable object instead of loose flags."""

    encoding_errors: Literal["strict", "replace"] = "strict"
    max_bytes: int = DEFAULT_MAX_BYTES
    # Parquet column names that differ from the Article field names: (field, column) pairs.
    columns: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input (or one JSON line of it), and where."""

    input: str
    line: int | None
    reason: str

    def location(self) -> str:
        """`input` or `input:line`, the way compilers name a place."""
        return self.input if self.line is None else f"{self.input}:{self.line}"


@dataclass(frozen=True)
class ReadError(Problem):
    """An input (or one JSON line of it) that gave no article."""


@dataclass(frozen=True)
class ReadWarning(Problem):
    """Something repaired or dropped while an article was still read."""


@dataclass(frozen=True)
class Sourced:
    """An article with the input (and JSON line) it came from, so later errors can name it."""

    article: Article
    input: str
    line: int | None = None


@dataclass(frozen=True)
class Page:
    """A web page read but not yet made an article (see `quotes.io.html.page_entry`)."""

    html: bytes
    input: str
    article_id: str
    url: str | None = None
    date: str | None = None
    line: int | None = None
    config: ReadConfig = ReadConfig()


Item = Article | ReadError | ReadWarning
Entry = Sourced | ReadError | ReadWarning
Work = Entry | Page  # what the run loop takes: pages are made articles in its workers


class Bad(Exception):
    """An input problem, turned into a ReadError where it is caught."""


def too_large(config: ReadConfig) -> str:
    """The size-limit reason, naming the option that changes it."""
    return f"article larger than the limit of {config.max_bytes} bytes (see --max-bytes)"


def os_reason(exc: OSError) -> str:
    """`Permission denied` rather than `[Errno 13] Permission denied: '…'`."""
    return exc.strerror or str(exc)
