"""The run loop: stream articles from inputs, extract, write, in input order.

With `jobs > 1` batches of articles go to a process pool; only a few batches
are in flight at once, so memory stays bounded whatever the input size, and
results are written in the order the articles were read.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import BinaryIO, TextIO

from quotes import pipeline, stops
from quotes.budget import DEFAULT_ARTICLE_TIMEOUT, OverBudget, time_budget
from quotes.io import html
from quotes.model import Article
from quotes.read import (
    Page,
    Problem,
    ReadConfig,
    ReadError,
    ReadWarning,
    Sourced,
    Work,
    read_work,
)
from quotes.write import Record, RecordWriter, json_line, output_file, quote_record

BATCH_ARTICLES = 64
BATCH_BYTES = 1 << 20
BATCHES_PER_JOB = 2

Outcome = list[Record] | Problem


@dataclass(frozen=True)
class RunConfig:
    """Everything a run needs to know, fixed before it starts."""

    read: ReadConfig = field(default_factory=ReadConfig)
    jobs: int = 1
    min_confidence: float = 0.0
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT  # seconds per article; 0: no limit
    batch_articles: int = BATCH_ARTICLES
    batch_bytes: int = BATCH_BYTES
    start_method: str = "spawn"  # fresh workers: no locks inherited from the parent's threads


@dataclass
class RunStats:
    """What the summary line reports."""

    articles: int = 0
    quotes: int = 0
    errors: int = 0
    warnings: int = 0

    def summary(self) -> str:
        """`quotes: N articles, M quotes, K errors`."""
        return f"quotes: {self.articles} articles, {self.quotes} quotes, {self.errors} errors"


def effective_jobs(jobs: int) -> int:
    """`0` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(paths: Iterable[str | os.PathLike[str]], writer: RecordWriter,
        config: RunConfig = RunConfig(), on_problem: Callable[[Problem], None] | None = None,
        on_progress: Callable[[RunStats], None] | None = None,
        stdin: BinaryIO | None = None,
        on_article: Callable[[Article], None] | None = None) -> RunStats:
    """Extract every input's quotes into `writer`; problems go to `on_problem`, never raise.

    `on_article` sees each article as it is read (`quotes index` keeps its url).
    """
    stats = RunStats()
    entries = read_work(paths, config.read, stdin)
    if on_article is not None:
        entries = _observed(entries, on_article)
    with collector_for_extraction(), closing(_outcomes(entries, config)) as outcomes:
        for outcome in outcomes:
            if isinstance(outcome, Problem):
                _count_problem(stats, outcome)
                if on_problem is not None:
                    on_problem(outcome)
            else:
                stats.articles += 1
                for record in outcome:
                    writer.write(record)
                stats.quotes += len(outcome)
            if on_progress is not None:
                on_progress(stats)
    return stats


# Young objects the cycle collector lets pile up before it runs (CPython's default: 700).
COLLECTOR_YOUNG = 10_000


@contextmanager
def collector_for_extraction() -> Iterator[None]:
    """Run the cycle collector rarely, and never over what was loaded before.

    Extraction makes millions of short-lived objects and no reference cycles (none
    on the eval articles), so every collection is wasted work: at CPython's defaults
    it took 7 % of extraction, full passes over the loaded modules most of it. The
    objects loaded so far are frozen out of its passes, and it runs once per ten
    thousand young objects instead of seven hundred; both are undone on leaving.
    """
    before = gc.get_threshold()
    _collect_rarely()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _collect_rarely() -> None:
    """Leave what is loaded out of the collector's passes, and run it once per
    COLLECTOR_YOUNG young objects."""
    gc.freeze()
    gc.set_threshold(COLLECTOR_YOUNG, *gc.get_threshold()[1:])


def _observed(entries: Iterator[Work], on_article: Callable[[Article], None]) -> Iterator[Work]:
    for entry in entries:
        if isinstance(entry, Sourced):
            on_article(entry.article)
        yield entry


def process_entry(entry: Work, min_confidence: float = 0.0,
                  article_timeout: float = DEFAULT_ARTICLE_TIMEOUT) -> Outcome:
    """One article's records, or the problem that replaces them (extraction bugs included)."""
    if isinstance(entry, Page):  # a web page's text is extracted here, in the worker
        entry = html.page_entry(entry)
    if not isinstance(entry, Sourced):
        return entry
    try:
        with time_budget(article_timeout):
            found = pipeline.extract(entry.article)
    except OverBudget:
        reason = (f"extraction of article {entry.article.id!r} took over {article_timeout:g} s "
                  "(see --article-timeout); no records written")
        return ReadError(entry.input, entry.line, reason)
    except Exception as exc:
        reason = f"extraction failed for article {entry.article.id!r}: {type(exc).__name__}: {exc}"
        return ReadError(entry.input, entry.line, reason)
    text = entry.article.text
    wrong = next((q for q in found if text[q.start:q.end] != q.text), None)
    if wrong is not None:  # the promise to users: every record points at the exact words
        reason = (f"extraction failed for article {entry.article.id!r}: quote span "
                  f"[{wrong.start}, {wrong.end}) does not match its text; no records written")
        return ReadError(entry.input, entry.line, reason)
    return [quote_record(q) for q in found if q.confidence >= min_confidence]


def process_batch(batch: list[Work], min_confidence: float,
                  article_timeout: float = DEFAULT_ARTICLE_TIMEOUT) -> list[Outcome]:
    """A worker's unit of work: several entries, so pickling costs little per article."""
    return [process_entry(entry, min_confidence, article_timeout) for entry in batch]


def batches(entries: Iterable[Work], max_articles: int, max_bytes: int) -> Iterator[list[Work]]:
    """Group entries into batches bounded by count and by total text length."""
    batch: list[Work] = []
    size = 0
    for entry in entries:
        batch.append(entry)
        size += _text_size(entry)
        if len(batch) >= max_articles or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _text_size(entry: Work) -> int:
    """About how much article text an entry holds (a page's is a fraction of its bytes)."""
    if isinstance(entry, Sourced):
        return len(entry.article.text)
    if isinstance(entry, Page):
        return len(entry.html) // html.PAGE_BYTES_PER_TEXT_BYTE
    return 0


def _count_problem(stats: RunStats, problem: Problem) -> None:
    """Warnings and errors are counted apart: only errors fail a run."""
    if isinstance(problem, ReadWarning):
        stats.warnings += 1
    else:
        stats.errors += 1


def _outcomes(entries: Iterator[Work], config: RunConfig) -> Generator[Outcome, None, None]:
    """Outcomes in input order, from this process or from a pool."""
    jobs = effective_jobs(config.jobs)
    groups = batches(entries, config.batch_articles, config.batch_bytes)
    head = list(islice(groups, 2)) if jobs > 1 else []
    if jobs == 1 or len(head) < 2:  # one batch or less: starting workers would cost more
        for entry in chain.from_iterable(head) if head else entries:
            yield process_entry(entry, config.min_confidence, config.article_timeout)
        return
    yield from _pooled_batches(chain(head, groups), config, jobs)


def _pooled(entries: Iterator[Work], config: RunConfig, jobs: int) \
        -> Generator[Outcome, None, None]:
    """Ordered results of entries from a process pool."""
    yield from _pooled_batches(batches(entries, config.batch_articles, config.batch_bytes),
                               config, jobs)


def _pooled_batches(groups: Iterator[list[Work]], config: RunConfig, jobs: int) \
        -> Generator[Outcome, None, None]:
    """Ordered results from a process pool with at most `BATCHES_PER_JOB * jobs` batches queued."""
    executor = ProcessPoolExecutor(jobs, mp_context=get_context(config.start_method),
                                   initializer=_start_worker)
    pending: deque[Future[list[Outcome]]] = deque()
    finished = False
    try:
        for batch in groups:
            with _stops_blocked():  # a submit may start a worker, which inherits the mask
                pending.append(executor.submit(process_batch, batch, config.min_confidence,
                                               config.article_timeout))
            while len(pending) >= BATCHES_PER_JOB * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    finally:
        _shutdown(executor, finished)


_STOPS = stops.STOPS


@contextmanager
def _stops_blocked() -> Iterator[None]:
    """Workers started meanwhile begin with Ctrl-C and SIGTERM blocked, so neither hits
    them mid-import, and neither interrupts the parent halfway through starting one (a
    worker started but not yet registered with the pool would be left running).

    Blocking (unlike ignoring) loses nothing in the parent: a pending signal is
    delivered as soon as the block ends.
    """
    held = stops.hold()
    try:
        yield
    finally:
        stops.release(held)


def _start_worker() -> None:
    """A worker extracts until it is ended: its collector is set for that from the start."""
    _ignore_sigint()
    _collect_rarely()


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them without tracebacks;
    SIGTERM (from the parent, or `kill` of the group) ends them at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also drops a Ctrl-C pending since start
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


def _shutdown(executor: ProcessPoolExecutor, finished: bool) -> None:
    """Wait for a finished pool; stop an interrupted one at once, and completely.

    Workers are ended and reaped, then the pool is shut down *waiting* for its
    manager thread: `shutdown(wait=False)` leaves that thread racing the
    interpreter's exit, which closes pipes under it (an `OSError: Bad file
    descriptor` after "interrupted", or a hang). A second Ctrl-C or SIGTERM
    meanwhile must not cut this short, so both are held off until it is done.
    """
    if finished:
        executor.shutdown(wait=True)
        return
    with _stops_deferred():
        workers = list((getattr(executor, "_processes", None) or {}).values())
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join(timeout=10)
        _end_results_pipe(executor)
        executor.shutdown(wait=True, cancel_futures=True)


def _end_results_pipe(executor: ProcessPoolExecutor) -> None:
    """Close this process's copy of the pipe workers send results on.

    A worker ended while sending a result (a batch's records are larger than a pipe
    holds) leaves the pool's thread waiting for the rest of that message, forever:
    this process holds a writing end too, so the pipe never ends, and the shutdown
    that waits for the thread hangs. Only workers write there; once they are gone the
    thread reads the end of the pipe instead, and ends as for any broken pool.
    """
    results = getattr(executor, "_result_queue", None)
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()


@contextmanager
def _stops_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM recorded, not raised, in the block; raised once it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum))
                for signum in _STOPS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if caught:
        handler = previous[signal.Signals(caught[0])]
        if callable(handler):
            handler(caught[0], None)


class ErrorLog:
    """`--errors FILE`: one JSON object (input, line, reason) per error."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, problem: Problem) -> None:
        """Log errors only; warnings stay on stderr."""
        if isinstance(problem, ReadError):
            record = {"input": problem.input, "line": problem.line, "reason": problem.reason}
            self._stream.write(json_line(record))


@contextmanager
def open_error_log(path: str | os.PathLike[str] | None) -> Iterator[ErrorLog | None]:
    """An ErrorLog written to `path` (atomically for a regular file), or None without one."""
    if path is None:
        yield None
        return
    with output_file(Path(path)) as stream:
        yield ErrorLog(stream)


class Reporter:
    """Messages and progress on stderr: errors always, the rest unless quiet."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False,
                 progress: bool | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._quiet = quiet
        want = wants_progress(self._stream, quiet) if progress is None else progress
        self._progress = _Progress(self._stream) if want else None

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def problem(self, problem: Problem) -> None:
        """`quotes: error: <input>[:<line>]: <reason>` (warnings alike, unless quiet)."""
        if isinstance(problem, ReadWarning) and self._quiet:
            return
        level = "warning" if isinstance(problem, ReadWarning) else "error"
        self._print(f"quotes: {level}: {problem.location()}: {problem.reason}")

    def progress(self, stats: RunStats) -> None:
        """Move the progress display along, if there is one."""
        if self._progress is not None:
            self._progress.update(stats)

    def summary(self, stats: RunStats) -> None:
        """The closing count line, unless quiet."""
        if not self._quiet:
            self._print(stats.summary())

    def _print(self, line: str) -> None:
        """One line on stderr, above the progress bar when one is shown."""
        if self._progress is not None:
            self._progress.print(line)
        else:
            self._stream.write(line + "\n")
            self._stream.flush()


def wants_progress(stream: TextIO, quiet: bool, data: TextIO | None = None) -> bool:
    """A progress bar only for a person watching a terminal that records are not printed on."""
    return not quiet and _is_terminal(stream) and not (data is not None and _is_terminal(data))


def _is_terminal(stream: TextIO) -> bool:
    """True for an interactive terminal; False for files, pipes and test doubles."""
    isatty = getattr(stream, "isatty", None)
    try:
        return callable(isatty) and bool(isatty())
    except ValueError:  # closed stream
        return False


class _Progress:
    """A rich spinner with running counts, drawn on stderr and removed at the end."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._console = Console(file=stream)
        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                             TimeElapsedColumn(), console=self._console, transient=True,
                             redirect_stdout=False, redirect_stderr=False)  # stdout is data
        self._task = self._bar.add_task("starting", total=None)

    def start(self) -> None:
        """Begin drawing."""
        self._bar.start()

    def stop(self) -> None:
        """Stop drawing and clear the bar."""
        self._bar.stop()

    def update(self, stats: RunStats) -> None:
        """Show the running counts."""
        counts = f"{stats.articles} articles, {stats.quotes} quotes, {stats.errors} errors"
        self._bar.update(self._task, description=counts)

    def print(self, line: str) -> None:
        """A message above the bar, taken literally (no rich markup)."""
        self._console.print(line, markup=False, highlight=False, soft_wrap=True)
