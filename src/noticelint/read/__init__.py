"""Stage 1, read: bytes on disk (or stdin) become a decoded :class:`Document`.

One module per input format, chosen by suffix and imported lazily, so checking a
``.txt`` never imports the code of other formats. A file that cannot be read
raises :class:`ReadError`; the caller turns it into an NL001 diagnostic.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "TEXT_SUFFIXES",
    "Document",
    "ReadError",
    "load_bytes",
    "read_bytes",
    "read_path",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})


def read_bytes(data: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode ``data`` as the contents of a file called ``path``.

    The reader is chosen by suffix; each format is a module of this package with a
    ``read(data, path, *, max_bytes) -> Document`` function, imported only when a
    file of that format is read.
    """
    if len(data) > max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    suffix = Path(path).suffix.lower()
    module = FORMATS.get(suffix) or sniff(data)
    if module is None:
        from noticelint.read.text import decode_text

        return decode_text(data, path, max_bytes=max_bytes)
    from importlib import import_module

    reader = import_module(f"noticelint.read.{module}")
    document: Document = reader.read(data, path, max_bytes=max_bytes)
    return document


#: Bytes read per ``read`` call: a ``--max-file-size 100GB`` never preallocates.
_READ_CHUNK = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def is_descriptor_link(path: Path) -> bool:
    """``/dev/fd/N`` (a process substitution, ``<(cat draft.txt)``) or ``/dev/stdin``:
    a link to a file the process already holds open, not a way out of the tree."""
    return str(path).startswith(("/dev/fd/", "/proc/self/fd/", "/dev/stdin"))


def _too_big(size: int | None, max_bytes: int) -> ReadError:
    got = f"{size} 字节，" if size is not None else ""
    return ReadError(f"文件过大：{got}超过上限 {max_bytes} 字节 (file exceeds the size limit)")


def _open_error(path: Path, exc: OSError) -> ReadError:
    """The reason a file could not be opened; a symlink is never followed here."""
    if exc.errno == errno.ELOOP:
        try:
            path.stat()
        except OSError as target:
            return ReadError(f"无法读取文件：{target.strerror or target} (cannot open)")
        return ReadError(
            "是符号链接，读取时不跟随（只跟随文件夹内指向文件夹内的链接）(symlink not followed)"
        )
    return ReadError(f"无法读取文件：{exc.strerror or exc} (cannot read)")


def load_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``; :class:`ReadError` when it cannot be read or
    holds more than ``max_bytes``.

    The file is opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked with ``fstat`` on
    the open descriptor: a symlink (the walk resolves the links it follows), a FIFO
    swapped in after the walk, a socket or a device is refused without blocking. The
    size is checked before anything is read and the read is incremental and bounded,
    so a file that grows meanwhile or a huge ``--max-file-size`` costs at most what
    the file holds, up to ``max_bytes`` + 1 bytes. The one pipe read is a process
    substitution named on the command line (``<(cat draft.txt)``, ``/dev/fd/N``)."""
    flags = _OPEN_FLAGS & ~getattr(os, "O_NOFOLLOW", 0) if is_descriptor_link(path) else _OPEN_FLAGS
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _open_error(path, exc) from exc
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("这是文件夹，不是文件 (is a directory)")
        if stat.S_ISREG(st.st_mode):
            if st.st_size > max_bytes:
                raise _too_big(st.st_size, max_bytes)
        elif not (stat.S_ISFIFO(st.st_mode) and is_descriptor_link(path)):
            raise ReadError(
                "不是普通文件（管道、套接字或设备），不读取 (not a regular file: FIFO, socket or device)"
            )
        return _read_bounded(fd, max_bytes)
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc} (cannot read)") from exc
    finally:
        os.close(fd)


#: How long a pipe (``<(cat draft.txt)``, a FIFO) may keep the reader waiting in all.
PIPE_WAIT_SECONDS = 30.0


def _read_bounded(fd: int, max_bytes: int) -> bytes:
    """Read up to ``max_bytes`` + 1 bytes, chunk by chunk, never blocking for ever: a
    FIFO without a writer is at its end at once; a pipe whose writer stalls is given
    up after :data:`PIPE_WAIT_SECONDS`."""
    import select
    import time

    parts: list[bytes] = []
    total = 0
    deadline = time.monotonic() + PIPE_WAIT_SECONDS
    while total <= max_bytes:
        try:
            piece = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - total))
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReadError("无法读取文件：管道长时间没有数据 (pipe stalled)") from None
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            poller.poll(min(left, 1.0) * 1000)
            continue
        if not piece:
            break
        parts.append(piece)
        total += len(piece)
    if total > max_bytes:
        raise _too_big(None, max_bytes)
    return b"".join(parts)


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode the file at ``path``."""
    return read_bytes(load_bytes(path, max_bytes=max_bytes), str(path), max_bytes=max_bytes)


def sniff(data: bytes) -> str | None:
    """The reader module for content whose suffix says nothing (e.g. ``-`` or ``.txt``):
    a PDF, a Word document or an HTML page by its first bytes, else ``None`` (text)."""
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


#: Suffix → reader module (``noticelint.read.<module>``); anything else is plain text.
FORMATS: dict[str, str] = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
