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
from typing import Any

from noticelint.batch.job import FileResult, Job, Options
from noticelint.batch.work import process_chunk
from noticelint.settings import DEFAULT_MAX_MEMORY

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
) -> Iterator[FileResult]:
    """Yield every job's result, in job order (on dask: as they complete)."""
    if dask_scheduler:
        yield from _run_dask(jobs, partial(process_chunk, options=options), dask_scheduler)
        return
    if workers <= 1 or (isinstance(jobs, list) and len(jobs) < PARALLEL_MIN_FILES):
        with _collect_per_chunk():
            for chunk in _chunks(jobs, CHUNK):
                yield from process_chunk(chunk, options)
                gc.collect()
        return
    from noticelint.batch.pool import WorkerPool  # multiprocessing: only for a pool

    pool = WorkerPool(workers, options, max_memory, chunk=CHUNK)
    with _collect_per_chunk():
        for _, result in pool.results(jobs):
            yield result


def _run_dask(jobs: Iterable[Job], work: Any, address: str) -> Iterator[FileResult]:
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
