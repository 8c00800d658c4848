"""Running the per-file work over a corpus: in this process, in a pool of worker
processes (:mod:`noticelint.batch.pool`), or on a dask.distributed cluster.

Results come back in job order (``check`` writes them as they arrive); automatic
garbage collection is off during the run, with one collection per chunk.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from noticelint.batch.budget import collect_between_chunks
from noticelint.batch.job import Job, Options
from noticelint.batch.work import failed, process_chunk
from noticelint.settings import DEFAULT_MAX_MEMORY

if TYPE_CHECKING:
    from noticelint.batch.pool import Started

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class ChunkWork(Protocol[R]):
    """The per-chunk work: a top-level (picklable) function of a chunk of jobs and the
    options, one result per job. ``check``/``report`` use :func:`process_chunk`
    (:class:`FileResult`), ``ledger`` its own (dicts with a boolean ``"fail"``)."""

    def __call__(self, jobs: list[Job], options: Options) -> list[R]: ...


class Failure(Protocol[R_co]):
    """The result for a file whose worker died or overran (NL001 ``message``)."""

    def __call__(self, job: Job, message: str, options: Options) -> R_co: ...


#: Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 48
#: Files per chunk handed to a worker (and per garbage collection in this process).
CHUNK = 16


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    it = iter(jobs)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def _collect_per_chunk() -> Iterator[None]:
    """Automatic GC off (the engine's long-lived objects frozen out of it)."""
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


def run_jobs(
    jobs: Iterable[Job],
    options: Options,
    *,
    workers: int = 1,
    dask_scheduler: str | None = None,
    max_memory: int = DEFAULT_MAX_MEMORY,
    chunk_work: ChunkWork[R] = process_chunk,  # type: ignore[assignment]
    on_failure: Failure[R] = failed,  # type: ignore[assignment]
    started: Started | None = None,
) -> Iterator[R]:
    """Yield every job's result, in job order (on dask: as they complete).
    ``started``: workers started ahead (:func:`noticelint.batch.pool.prestart`)."""
    in_process = workers <= 1 or (isinstance(jobs, list) and len(jobs) < PARALLEL_MIN_FILES)
    if started is not None and (dask_scheduler or in_process):
        started.close()  # not needed after all
    if dask_scheduler:
        yield from _run_dask(jobs, partial(chunk_work, options=options), dask_scheduler)
        return
    if in_process:
        with _collect_per_chunk():
            for i, chunk in enumerate(_chunks(jobs, CHUNK)):
                if i:  # between chunks: a one-chunk run (one file) never waits for it
                    collect_between_chunks()
                yield from chunk_work(chunk, options)
        return
    from noticelint.batch.pool import WorkerPool  # multiprocessing: only for a pool

    pool: WorkerPool[R] = WorkerPool(
        workers,
        options,
        max_memory,
        chunk=CHUNK,
        work=chunk_work,
        on_failure=on_failure,
        started=started,
    )
    with _collect_per_chunk():
        for _, result in pool.results(jobs):
            yield result


def _run_dask(jobs: Iterable[Job], work: Any, address: str) -> Iterator[Any]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise RuntimeError(
            "--dask-scheduler 需要安装 noticelint[dask] (pip install 'noticelint[dask]')"
        ) from exc
    with Client(address) as client:  # type: ignore[no-untyped-call]
        pending = []
        window = 64  # chunks in flight: memory stays bounded on huge corpora
        chunks = _chunks(jobs, CHUNK)
        for chunk in islice(chunks, window):
            pending.append(client.submit(work, chunk, pure=False))
        ac = as_completed(pending)  # type: ignore[no-untyped-call]
        for future in ac:
            yield from future.result()
            nxt = next(chunks, None)
            if nxt is not None:
                ac.add(client.submit(work, nxt, pure=False))  # type: ignore[no-untyped-call]
