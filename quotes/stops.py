"""Ctrl-C and SIGTERM held off for a few steps that must not be cut in two.

Blocking (unlike ignoring) loses nothing: a stop that arrives meanwhile is
pending, and is raised as soon as it is released, by the thread's next line.
Blocking is per thread: a stop sent to the process goes to a thread that does
not block it, and Python then raises it in the main thread at once. So a hold
holds only while no other thread can take the signal, as in the CLI when it
opens its outputs (the pool's threads are started holding, and keep holding).
Where the platform cannot block, nothing is held.
"""

from __future__ import annotations

import signal

STOPS = {signal.SIGINT, signal.SIGTERM}


def hold() -> set[int]:
    """Block Ctrl-C and SIGTERM in this thread; returns the mask to `release` to."""
    if not hasattr(signal, "pthread_sigmask"):
        return set()
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, STOPS))


def release(previous: set[int]) -> None:
    """Back to the mask `hold` returned: a stop held meanwhile is raised now."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
