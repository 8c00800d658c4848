"""Reading untrusted files in a sandbox process, under a time and a memory budget.

A ``.docx``, ``.html`` or ``.pdf`` is decoded by native code (lxml, lexbor,
PDFium) that may take unbounded time, allocate gigabytes or ``abort()`` the
process. :func:`read_untrusted` therefore hands such a file to a *sandbox*: a
child process (``python -m noticelint.read.sandbox``) that limits its own address
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

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.read.document import Document, ReadError

if TYPE_CHECKING:
    from noticelint.read.sandbox import Sandbox
    from noticelint.settings import Settings

__all__ = ["ReaderFailed", "read_untrusted"]

#: Formats decoded by native code: these go to the sandbox.
SANDBOXED_MEDIA = frozenset({"docx", "html", "pdf"})

CRASHED = "读取器崩溃（{detail}），已跳过 (reader crashed)"
OVER_MEMORY = "读取时超过内存上限 {limit}，已跳过 (over the memory budget)"
OVER_TIME = "读取超时：超过 {seconds:g} 秒，已跳过 (over the time budget)"


class ReaderFailed(ReadError):
    """The reader crashed or went over the time or memory budget: another run (a
    larger budget, a quieter machine) may read the file, so this is never cached."""


@lru_cache(maxsize=4)
def _sandbox(max_memory: int) -> Sandbox:
    """The process's sandbox for one memory limit (started on first use)."""
    import atexit

    from noticelint.read.sandbox import Sandbox

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
    from noticelint.batch.budget import OverBudget, within_budget

    try:
        return within_budget(
            settings.timeout, lambda: read_bytes(data, name, max_bytes=settings.max_bytes)
        )
    except OverBudget:
        raise ReaderFailed(OVER_TIME.format(seconds=settings.timeout)) from None
