"""The reading sandbox itself (see :mod:`noticelint.read.isolate` for when a file
goes there): one child process, ``python -m noticelint.read.sandbox MAX_MEMORY``,
that limits its own address space, reads length-prefixed pickled requests on stdin
and answers on its original stdout. Kept apart from the policy so that reading a
plain-text file never imports process and pipe machinery."""

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
from typing import Any

from noticelint.read.document import Document, ReadError
from noticelint.read.isolate import CRASHED, OVER_MEMORY, OVER_TIME, ReaderFailed

__all__ = ["Sandbox", "serve"]

_HEADER = struct.Struct("!Q")
_DIED = object()  # the sandbox closed its end: it died
_LATE = object()  # no answer within the time budget


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
                [sys.executable, "-m", "noticelint.read.sandbox", str(self.max_memory)],
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
