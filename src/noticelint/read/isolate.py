"""Reading untrusted files in a sandbox process, under a time and a memory budget.

A ``.docx``, ``.html`` or ``.pdf`` is decoded by native code (lxml, lexbor,
PDFium) that may take unbounded time, allocate gigabytes or ``abort()`` the
process. :func:`read_untrusted` therefore hands such a file to a *sandbox*: a
child process (``python -m noticelint.read.isolate``) that limits its own address
space (``RLIMIT_AS`` = ``Settings.max_memory``), reads requests from a pipe,
decodes them with :func:`noticelint.read.read_bytes` and sends the
:class:`Document` (or the :class:`ReadError` message) back. The parent waits at
most ``Settings.timeout`` seconds for the answer. A sandbox that dies (a native
abort, the OOM killer) or is over its time is killed and replaced by a new one on
the next read; the file gets :class:`ReadError` with the reason:

* ``读取器崩溃 (reader crashed)`` — the child died of a signal or exited;
* ``超过内存上限 (over the memory budget)`` — it ran out of address space;
* ``读取超时 (over the time budget)`` — no answer within the time budget.

Plain text (pure Python, bounded by ``max_bytes``) is decoded in-process under
the same time budget. One sandbox is kept per process (and per memory limit) and
reused for every file; a forked child never touches its parent's sandbox.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticelint.read.document import Document, ReadError

if TYPE_CHECKING:
    from noticelint.settings import Settings

__all__ = ["ReaderFailed", "Sandbox", "read_untrusted"]

#: Formats decoded by native code: these go to the sandbox.
SANDBOXED_MEDIA = frozenset({"docx", "html", "pdf"})
_HEADER = struct.Struct("!Q")
_DIED = object()  # the sandbox closed its end: it died
_LATE = object()  # no answer within the time budget

CRASHED = "读取器崩溃（{detail}），已跳过 (reader crashed)"
OVER_MEMORY = "读取时超过内存上限 {limit}，已跳过 (over the memory budget)"
OVER_TIME = "读取超时：超过 {seconds:g} 秒，已跳过 (over the time budget)"


class ReaderFailed(ReadError):
    """The reader crashed or went over the time or memory budget: another run (a
    larger budget, a quieter machine) may read the file, so this is never cached."""


def _mb(limit: int) -> str:
    return f"{limit / 1024**2:.0f} MB"


class Sandbox:
    """One reusable child process that decodes files under an address-space limit."""

    def __init__(self, max_memory: int) -> None:
        self.max_memory = max_memory
        self._child: subprocess.Popen[bytes] | None = None
        self._owner = os.getpid()
        self._lock = threading.Lock()

    def read(self, data: bytes, name: str, *, max_bytes: int, timeout: float) -> Document:
        """Decode ``data`` (a file called ``name``) in the child; see the module doc."""
        with self._lock:
            child = self._running()
            request = pickle.dumps((data, name, max_bytes), protocol=pickle.HIGHEST_PROTOCOL)
            try:
                assert child.stdin is not None
                child.stdin.write(_HEADER.pack(len(request)) + request)
                child.stdin.flush()
                reply = self._receive(child, timeout)
            except BrokenPipeError:
                reply = _DIED
            except BaseException:
                # Interrupted mid-exchange (Ctrl-C, the caller's own time budget): the
                # child's answer would reach the next request. Start afresh.
                self._stop(child)
                raise
            if not isinstance(reply, bytes):
                raise ReaderFailed(self._death(child, timeout, reply is _DIED))
            kind, value = pickle.loads(reply)
            if kind == "ok":
                assert isinstance(value, Document)
                return value
            if kind == "memory":
                self._stop(child)  # the heap may be fragmented: start afresh next time
                raise ReaderFailed(OVER_MEMORY.format(limit=_mb(self.max_memory)))
            raise ReadError(str(value))

    def close(self) -> None:
        with self._lock:
            if self._child is not None and self._owner == os.getpid():
                self._stop(self._child)

    def _running(self) -> subprocess.Popen[bytes]:
        if self._owner != os.getpid():  # forked: the child belongs to the parent
            self._owner, self._child = os.getpid(), None
        if self._child is None or self._child.poll() is not None:
            self._child = subprocess.Popen(
                [sys.executable, "-m", "noticelint.read.isolate", str(self.max_memory)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                close_fds=True,
            )
        return self._child

    def _receive(self, child: subprocess.Popen[bytes], timeout: float) -> bytes | object:
        """The child's answer, or :data:`_DIED` / :data:`_LATE`."""
        assert child.stdout is not None
        fd = child.stdout.fileno()
        deadline = time.monotonic() + timeout if timeout > 0 else None
        poller = select.poll()  # not select(): a descriptor may be above FD_SETSIZE
        poller.register(fd, select.POLLIN | select.POLLHUP)
        buffer = bytearray()
        need = _HEADER.size
        header_done = False
        while len(buffer) < need:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return _LATE
                if not poller.poll(max(1, int(left * 1000))):
                    return _LATE
            piece = os.read(fd, min(1 << 20, need - len(buffer)))
            if not piece:
                return _DIED
            buffer += piece
            if not header_done and len(buffer) == _HEADER.size:
                header_done = True
                need = _HEADER.size + _HEADER.unpack(bytes(buffer))[0]
        return bytes(buffer[_HEADER.size :])

    def _death(self, child: subprocess.Popen[bytes], timeout: float, died: bool) -> str:
        """Why no answer came; the child is stopped either way."""
        if died:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=10)
        self._stop(child)
        if not died:
            return OVER_TIME.format(seconds=timeout)
        code = child.returncode
        if code == -signal.SIGKILL:  # the kernel's OOM killer
            return OVER_MEMORY.format(limit=_mb(self.max_memory))
        if code == -signal.SIGABRT:  # native code aborts when an allocation fails
            detail = f"信号 SIGABRT，可能超过内存上限 {_mb(self.max_memory)}"
        elif code < 0:
            detail = f"信号 {signal.Signals(-code).name}"
        else:
            detail = f"退出码 {code}"
        return CRASHED.format(detail=detail)

    def _stop(self, child: subprocess.Popen[bytes]) -> None:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self._child is child:
            self._child = None


@lru_cache(maxsize=4)
def _sandbox(max_memory: int) -> Sandbox:
    """The process's sandbox for one memory limit (started on first use)."""
    import atexit

    sandbox = Sandbox(max_memory)
    atexit.register(sandbox.close)
    return sandbox


def _medium(data: bytes, name: str) -> str:
    from noticelint.read import FORMATS, sniff

    return FORMATS.get(Path(name).suffix.lower()) or sniff(data) or "text"


def read_untrusted(source: Path | bytes, name: str, settings: Settings) -> Document:
    """Read a file of unknown origin under the settings' time and memory budget.

    ``source`` is a path (opened safely, see :func:`noticelint.read.load_bytes`) or
    the bytes themselves (stdin, an upload); ``name`` picks the reader by suffix.
    Raises :class:`ReadError` for any file that cannot be read, including one whose
    reader crashed or went over a budget."""
    from noticelint.read import load_bytes, read_bytes

    data = load_bytes(source, max_bytes=settings.max_bytes) if isinstance(source, Path) else source
    if len(data) > settings.max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {settings.max_bytes} 字节 "
            "(file exceeds the size limit)"
        )
    if _medium(data, name) in SANDBOXED_MEDIA:
        try:
            sandbox = _sandbox(settings.max_memory)
            return sandbox.read(data, name, max_bytes=settings.max_bytes, timeout=settings.timeout)
        except OSError as exc:  # no sandbox could be started (no processes left)
            raise ReaderFailed(f"无法启动读取进程：{exc.strerror or exc} (no sandbox)") from exc
    from noticelint.report.summary import OverBudget, within_budget

    try:
        return within_budget(
            settings.timeout, lambda: read_bytes(data, name, max_bytes=settings.max_bytes)
        )
    except OverBudget:
        raise ReaderFailed(OVER_TIME.format(seconds=settings.timeout)) from None


# --- the child -------------------------------------------------------------------------


def _limit_memory(max_memory: int) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = max_memory if hard == resource.RLIM_INFINITY else min(max_memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _read_exactly(fd: int, size: int) -> bytes | None:
    buffer = bytearray()
    while len(buffer) < size:
        piece = os.read(fd, min(1 << 20, size - len(buffer)))
        if not piece:
            return None
        buffer += piece
    return bytes(buffer)


def _answer(request: bytes) -> tuple[str, Any]:
    from noticelint.read import read_bytes

    data, name, max_bytes = pickle.loads(request)
    try:
        return "ok", read_bytes(data, name, max_bytes=max_bytes)
    except ReadError as exc:
        return "error", str(exc)
    except MemoryError:
        return "memory", None
    except Exception as exc:  # a reader bug must not take the sandbox down
        return "error", f"读取失败（{type(exc).__name__}）(reader error)"


def serve(max_memory: int) -> None:
    """The child's loop: requests on stdin, answers on the original stdout (the
    process's own stdout goes to stderr, so a library's print cannot corrupt them)."""
    answers = os.dup(1)
    os.dup2(2, 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(max_memory)
    while True:
        header = _read_exactly(0, _HEADER.size)
        if header is None:
            return
        request = _read_exactly(0, _HEADER.unpack(header)[0])
        if request is None:
            return
        try:
            reply = pickle.dumps(_answer(request), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            reply = pickle.dumps(("memory", None))
        os.write(answers, _HEADER.pack(len(reply)))
        view = memoryview(reply)
        while view:
            written = os.write(answers, view)
            view = view[written:]


if __name__ == "__main__":
    serve(int(sys.argv[1]))
