"""Worker processes for the workbench: every check or fix runs in one, under the
per-file time budget.

A hostile upload (a parser trap, a reader that spins) must not hang the server or
take it down: the request waits at most ``budget`` seconds for its worker, and a
worker that overruns or dies is killed and replaced; the request gets an NL001
answer. Workers are started with ``spawn`` (the server has threads; ``fork`` would
copy their locks) and warmed up (parser built) before they take work.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from noticelint.serve import tasks
from noticelint.settings import Settings

Task = tuple[str, tasks.Upload, bool]  # (kind "check" | "fix", upload, unsafe)

#: Address space a worker may use. Reading a 10 MB upload (a .docx inflates to at most
#: 50 MB of XML) and checking it needs far less; past this, allocation fails with
#: MemoryError, which the request gets as an NL001 answer instead of a swapping server.
MEMORY_LIMIT = 2 * 1024**3


class OverBudget(Exception):
    """The task took longer than the budget (or its worker died)."""


def _limit_memory(limit: int) -> None:
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, settings: Settings, memory: int) -> None:
    """The worker's loop: receive a task, send back its result (or its error)."""
    _limit_memory(memory)
    warm = tasks.Upload(data="一、概况\n".encode(), filename=tasks.TEXT_NAME, pasted=True)
    tasks.check(warm, settings)
    conn.send(("ready", None))
    while True:
        try:
            kind, upload, unsafe = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "check":
                result: Any = tasks.check(upload, settings)
            else:
                result = tasks.fix(upload, settings, unsafe=unsafe)
            conn.send(("ok", result))
        except Exception as exc:  # reported as NL001 by the caller, the worker goes on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, settings: Settings, memory: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve,
            args=(child, settings, memory),
            daemon=True,
            name="noticelint-serve-worker",
        )
        self.process.start()
        child.close()
        self.ready = False

    def run(self, task: Task, budget: float) -> Any:
        if not self.ready:
            self._await_ready()
        self.conn.send(task)
        if not self.conn.poll(budget if budget > 0 else None):
            raise OverBudget
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise OverBudget from exc
        if status == "error":
            raise RuntimeError(value)
        return value

    def _await_ready(self) -> None:
        try:
            self.conn.recv()  # start-up is not charged to the request's budget
        except (EOFError, OSError) as exc:
            raise OverBudget from exc
        self.ready = True

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """A few worker processes; :meth:`run` blocks (call it from a thread)."""

    def __init__(self, settings: Settings, size: int = 2, memory: int = MEMORY_LIMIT) -> None:
        self.settings = settings
        self.memory = memory
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.lock = threading.Lock()
        self.workers: list[_Worker] = []
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.settings, self.memory)
        with self.lock:
            self.workers.append(worker)
        self.idle.put(worker)

    def run(self, task: Task) -> Any:
        """The task's result; :class:`OverBudget` when it overran (its worker replaced)."""
        worker = self.idle.get()
        try:
            result = worker.run(task, self.settings.timeout)
        except OverBudget:
            self._replace(worker)
            raise
        except BaseException:
            self.idle.put(worker)
            raise
        self.idle.put(worker)
        return result

    def _replace(self, worker: _Worker) -> None:
        with self.lock:
            if worker in self.workers:
                self.workers.remove(worker)
        worker.stop()
        self._add()

    def close(self) -> None:
        with self.lock:
            workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop()


def run_or_unreadable(
    pool: WorkerPool, task: Task, unreadable: Callable[[str], dict[str, Any]]
) -> dict[str, Any]:
    """The task's result, or the NL001 answer ``unreadable(message)`` when it overran
    the budget or failed."""
    try:
        result: dict[str, Any] = pool.run(task)
    except OverBudget:
        budget = pool.settings.timeout
        return unreadable(f"处理超时：超过 {budget:g} 秒，已停止 (timeout)")
    except RuntimeError as exc:
        return unreadable(f"处理失败：{exc} (internal error)")
    return result
