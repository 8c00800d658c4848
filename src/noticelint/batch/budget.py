"""Per-file budgets: time (an interval timer) and memory (an address-space limit, and
garbage collected between chunks of files)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OverBudget(Exception):
    """A file took longer than the per-file time budget."""


def within_budget(seconds: float, work: Callable[[], T]) -> T:
    """Run ``work``, raising :class:`OverBudget` after ``seconds`` (0: no budget).

    Uses a POSIX interval timer, so it applies in the main thread of a process (the
    CLI and its worker processes); elsewhere (dask threads) the work runs unbounded.
    Native code that never returns to the interpreter is not interrupted here: the
    pool's watchdog kills such a worker (:mod:`noticelint.batch.pool`).
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return work()

    def expire(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space (a worker's): an allocation beyond it fails
    with MemoryError (a file over budget) instead of waking the OOM killer."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    if soft == resource.RLIM_INFINITY or max_bytes < soft:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def collect_between_chunks() -> None:
    """One garbage collection, then everything still alive is frozen out of the next
    ones: the engine's modules, imported during the first file after the run froze
    what existed, would otherwise be scanned again at every chunk."""
    import gc

    gc.collect()
    gc.freeze()
