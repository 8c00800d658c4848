"""A pool of worker processes that cannot hang the run.

Each worker is forked from this process once it has loaded and warmed up the engine
(:mod:`noticelint.batch.preload`), so a worker starts in milliseconds and nothing is
imported twice; it runs under the per-file time budget and an address-space limit,
and talks to the parent over its own pipe: it receives chunks of files (two in
flight, so it never waits for the parent between chunks) and sends back one
:class:`FileResult` per file as soon as it is done. The parent therefore always
knows which file a worker is on. When a worker dies
(SIGKILL, the OOM killer, a native ``abort()``, a pipe cut in the middle of a
result) the parent sees its pipe close or its process sentinel fire, starts a
replacement, gives the rest of the chunk to the pool again and retries the file the
worker was on once, alone; if it dies again, that file — and only that file — gets
NL001 "worker died". A worker stuck in native code past its time budgets (where the
interval timer cannot interrupt it) is killed by the parent's watchdog.

Results come out in job order (a bounded reorder window: a chunk is handed out only
when it starts within :data:`WINDOW` files of the next result due), so ``check`` can
write its output as it goes.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from noticelint.batch.budget import collect_between_chunks, limit_memory
from noticelint.batch.job import Job, Options

R = TypeVar("R")

#: How far ahead of the next result due the pool may work (files).
WINDOW = 256
#: A file has its time budget twice (reading, then checking); a worker that is still
#: on it this long after both is killed: the interval timers interrupt Python code,
#: this catches native code that never returns to the interpreter.
GRACE_SECONDS = 2.0
#: Chunks a worker holds at once: the one it is on and the next, already in its pipe.
IN_FLIGHT = 2
#: The module that loads and warms up the engine before workers are forked.
PRELOAD = "noticelint.batch.preload"
#: Extra modules a worker imports as it starts (comma-separated), for tests that
#: inject faults into workers only.
PRELOAD_ENV = "NOTICELINT_WORKER_PRELOAD"


def _boot(conn: Connection) -> None:
    """A worker's first steps: load and warm up the engine (while the parent is still
    walking folders), the test-only fault modules (never in the parent), then
    :func:`_serve` (looked up now, so a fault module may replace it)."""
    import importlib

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    importlib.import_module(PRELOAD)
    for module in filter(None, os.environ.get(PRELOAD_ENV, "").split(",")):
        importlib.import_module(module)
    _serve(conn)


def _serve(conn: Connection) -> None:
    """A worker's life: the run's setup (options, memory budget, chunk function),
    then chunks in and one result per file out, until told to stop."""
    try:
        setup = conn.recv()
    except (EOFError, OSError):
        return
    if setup is None:
        return
    options, max_memory, work = setup
    limit_memory(max_memory)
    gc.freeze()  # the engine's objects are never scanned again
    gc.disable()  # one collection per chunk instead of pauses on every allocation burst
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        chunk_id, jobs = message
        for i, job in enumerate(jobs):
            (result,) = work([job], options)
            conn.send((chunk_id, i, result))
        collect_between_chunks()
        conn.send((chunk_id, -1, None))


@dataclass
class _Chunk:
    id: int
    start: int  # position of its first job in the run
    jobs: list[Job]
    retry: bool = False  # a single file retried after its worker died


@dataclass
class _Worker:
    process: Any
    conn: Connection
    #: Chunks handed to it and not yet finished; it is working on the first.
    chunks: deque[_Chunk] = field(default_factory=deque)
    answered: bool = False  # has it ever sent a message?
    done: int = 0  # files of its first chunk already answered
    since: float = field(default_factory=time.monotonic)  # when the current file started

    @property
    def busy(self) -> bool:
        return bool(self.chunks)


def _context() -> Any:
    """``fork`` (a worker starts in a millisecond, before this process has imported
    the engine); ``spawn`` where there is no ``fork``."""
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():  # pragma: no cover - not POSIX
        return mp.get_context("spawn")
    return mp.get_context("fork")


def _fork(ctx: Any) -> _Worker:
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_boot, args=(child,), daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


class Started:
    """Workers started ahead of the run (:func:`prestart`): each loads the engine
    while this process walks folders and works out settings. Handed to the pool,
    or closed when the run turns out too small for one."""

    def __init__(self, count: int) -> None:
        ctx = _context()
        self.workers = [_fork(ctx) for _ in range(count)]

    def take(self) -> list[_Worker]:
        workers, self.workers = self.workers, []
        return workers

    def close(self) -> None:
        """Stop them at once (they may still be loading the engine: nothing to lose)."""
        for worker in self.take():
            worker.process.terminate()
            worker.conn.close()


def prestart(workers: int) -> Started:
    """Start ``workers`` processes now; they load the engine in parallel with the
    rest of this process's start-up (discovery, configuration)."""
    return Started(workers)


def _ready(fds: list[int], timeout: float = 1.0) -> set[int]:
    """Which of ``fds`` (pipes, process sentinels) can be read or have closed, waiting
    at most ``timeout`` seconds: one poll(2) call (``multiprocessing.connection.wait``
    builds a selector for every call, several times per file of a run)."""
    if not hasattr(select, "poll"):  # pragma: no cover - not POSIX
        return {fd for fd in wait(fds, timeout=timeout) if isinstance(fd, int)}
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    return {fd for fd, _ in poller.poll(int(timeout * 1000))}


class PoolBroken(RuntimeError):
    """Workers die before sending anything, again and again: they cannot start."""


class WorkerPool(Generic[R]):
    """``results(jobs)`` yields ``(position, result)`` in job order; ``work`` is the
    per-chunk function (:func:`noticelint.batch.work.process_chunk` by default) and
    ``on_failure`` makes the result of a file whose worker died or overran."""

    def __init__(
        self,
        workers: int,
        options: Options,
        max_memory: int,
        *,
        work: Callable[[list[Job], Options], list[R]],
        on_failure: Callable[[Job, str, Options], R],
        chunk: int = 16,
        started: Started | None = None,
    ) -> None:
        self._work = work
        self._on_failure = on_failure
        self._started = started
        self._ctx = _context()
        self._size = workers
        self._chunk_size = chunk
        self._options = options
        self._max_memory = max_memory
        self._workers: list[_Worker] = []
        self._queue: deque[_Chunk] = deque()
        self._ids = 0
        # Deaths in a row of workers that never sent a message: a few are culprit
        # files handed out first; many mean the workers cannot start at all.
        self._silent_deaths = 0
        self._silent_limit = max(6, 3 * workers)

    def _start(self, worker: _Worker | None = None) -> _Worker:
        """A worker (a new one unless given) told the run's setup."""
        worker = worker or _fork(self._ctx)
        with suppress(OSError):  # it died already: seen through its sentinel
            worker.conn.send((self._options, self._max_memory, self._work))
        return worker

    def _chunk(self, start: int, jobs: list[Job], retry: bool = False) -> _Chunk:
        self._ids += 1
        return _Chunk(self._ids, start, jobs, retry)

    def results(self, jobs: Iterable[Job]) -> Iterator[tuple[int, R]]:
        source = iter(jobs)
        position = 0
        exhausted = False
        ready: dict[int, R] = {}
        next_due = 0
        booted = self._started.take() if self._started else []
        booted += [_fork(self._ctx) for _ in range(self._size - len(booted))]
        self._workers = [self._start(worker) for worker in booted]
        try:
            while True:
                for worker in self._workers:
                    while len(worker.chunks) < IN_FLIGHT:
                        if not self._queue and not exhausted:
                            batch = list(islice(source, self._chunk_size))
                            if batch:
                                self._queue.append(self._chunk(position, batch))
                                position += len(batch)
                            else:
                                exhausted = True
                        if not self._queue or self._queue[0].start >= next_due + WINDOW:
                            break
                        self._hand_out(worker, self._queue.popleft())
                busy = [w for w in self._workers if w.busy]
                if not busy:
                    if exhausted and not self._queue:
                        break
                    continue
                for pos, result in self._collect(busy):
                    ready[pos] = result
                while next_due in ready:
                    yield next_due, ready.pop(next_due)
                    next_due += 1
        finally:
            self._shutdown()

    def _hand_out(self, worker: _Worker, chunk: _Chunk) -> None:
        if not worker.chunks:
            worker.done, worker.since = 0, time.monotonic()
        worker.chunks.append(chunk)
        with suppress(OSError):  # it died while idle: _collect notices through its sentinel
            worker.conn.send((chunk.id, chunk.jobs))

    def _collect(self, busy: list[_Worker]) -> Iterator[tuple[int, R]]:
        """Wait (at most a second) for messages or deaths among busy workers."""
        ready = _ready([w.conn.fileno() for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            dead = False
            if worker.conn.fileno() in ready or worker.process.sentinel in ready:
                try:
                    while worker.conn.poll():
                        found = self._receive(worker)
                        if found is not None:
                            yield found
                        if not worker.busy:
                            break
                except (EOFError, OSError):
                    dead = True
                if worker.process.sentinel in ready and worker.busy:
                    dead = True
            if dead:
                yield from self._replace(worker, killed=False)
            elif worker.busy and self._overdue(worker):
                worker.process.kill()
                worker.process.join()
                yield from self._replace(worker, killed=True)

    def _receive(self, worker: _Worker) -> tuple[int, R] | None:
        chunk_id, index, result = worker.conn.recv()
        chunk = worker.chunks[0]
        assert chunk_id == chunk.id
        worker.since = time.monotonic()
        worker.answered = True
        self._silent_deaths = 0
        if index < 0:  # the chunk is finished: on to the next one, already in its pipe
            worker.chunks.popleft()
            worker.done = 0
            return None
        worker.done = index + 1
        return chunk.start + index, result

    def _overdue(self, worker: _Worker) -> bool:
        chunk = worker.chunks[0]
        if worker.done >= len(chunk.jobs):
            return False
        budget = chunk.jobs[worker.done].settings.timeout
        return budget > 0 and time.monotonic() - worker.since > 2 * budget + GRACE_SECONDS

    def _replace(self, worker: _Worker, *, killed: bool) -> Iterator[tuple[int, R]]:
        """A worker died on ``chunk.jobs[done]`` of its first chunk: a new worker, the
        rest of that chunk and its next chunk back in the queue (in order), the file
        retried alone once (or given NL001)."""
        from noticelint.batch.work import WORKER_DIED, timed_out

        chunk = worker.chunks.popleft()
        self._queue.extendleft(reversed(worker.chunks))
        worker.conn.close()
        worker.process.join(timeout=5)
        if not worker.answered and not killed:
            self._silent_deaths += 1
            if self._silent_deaths >= self._silent_limit:
                raise PoolBroken(
                    f"工作进程启动后立即退出（连续 {self._silent_deaths} 次）；"
                    "可用 --jobs 1 在本进程中检查 (workers die on start)"
                )
        self._workers[self._workers.index(worker)] = self._start()
        if worker.done >= len(chunk.jobs):  # died after its last result
            return
        culprit = chunk.jobs[worker.done]
        at = chunk.start + worker.done
        rest = chunk.jobs[worker.done + 1 :]
        if rest:
            self._queue.appendleft(self._chunk(at + 1, rest))
        if killed:
            yield at, self._on_failure(culprit, timed_out(culprit.settings), self._options)
        elif chunk.retry:
            yield at, self._on_failure(culprit, WORKER_DIED, self._options)
        else:
            self._queue.appendleft(self._chunk(at, [culprit], retry=True))

    def _shutdown(self) -> None:
        for worker in self._workers:
            with suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []
