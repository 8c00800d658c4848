"""Running the per-file work over a corpus: in this process, in a pool of worker
processes (chunks, results as they complete), or on a dask.distributed cluster."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any, Protocol

from noticelint.report.summary import Job, Options, process_chunk


#: The per-chunk work: a top-level (picklable) function of a chunk of jobs and the
#: options, returning one result dict per job, each with a boolean ``"fail"``.
#: ``report``/``check`` use :func:`process_chunk`, ``ledger`` its own.
class ChunkWork(Protocol):
    def __call__(self, jobs: list[Job], options: Options) -> list[dict[str, Any]]: ...


CHUNK = 16
#: Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 48


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    it = iter(jobs)
    while chunk := list(islice(it, size)):
        yield chunk


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def run_jobs(
    jobs: Iterable[Job],
    options: Options,
    *,
    workers: int = 1,
    dask_scheduler: str | None = None,
    chunk_work: ChunkWork = process_chunk,
) -> Iterator[dict[str, Any]]:
    """Yield every job's result as it completes (order not guaranteed)."""
    work = partial(chunk_work, options=options)
    if dask_scheduler:
        yield from _run_dask(jobs, work, dask_scheduler)
        return
    if workers <= 1 or (isinstance(jobs, list) and len(jobs) < PARALLEL_MIN_FILES):
        for chunk in _chunks(jobs, CHUNK):
            yield from work(chunk)
        return
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers) as pool:
        for results in pool.imap_unordered(work, _chunks(jobs, CHUNK)):
            yield from results


def _run_dask(jobs: Iterable[Job], work: Any, address: str) -> Iterator[dict[str, Any]]:
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
