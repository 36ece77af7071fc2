"""A time budget per article, so one pathological article cannot stall a batch.

The budget is a SIGALRM timer: it interrupts Python code and the regular
expression engines (both check for signals while matching). It works in the
main thread of a process, which is where the CLI and every pool worker
extract; elsewhere (a thread of a host application) the budget is not
enforced, rather than failing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_ARTICLE_TIMEOUT = 60.0  # seconds: a 512 KiB article takes seconds, a news article ms


class OverBudget(BaseException):
    """Raised inside extraction when its time is up (a BaseException, so that no
    `except Exception` in a rule can swallow it)."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the block after `seconds` (0 or less: no limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
