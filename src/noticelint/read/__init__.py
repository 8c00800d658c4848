"""Stage 1, read: bytes on disk (or stdin) become a decoded :class:`Document`.

One module per input format, chosen by suffix and imported lazily, so checking a
``.txt`` never imports the code of other formats. A file that cannot be read
raises :class:`ReadError`; the caller turns it into an NL001 diagnostic.
"""

from __future__ import annotations

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


def load_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``; :class:`ReadError` when it cannot be read or
    holds more than ``max_bytes``.

    The size is checked before anything is read, and the read itself is bounded, so
    a file that grows meanwhile, a pipe (``<(…)``) or a device such as ``/dev/zero``
    costs at most ``max_bytes`` + 1 bytes of memory."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc} (cannot stat)") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("这是文件夹，不是文件 (is a directory)")
    if st.st_size > max_bytes:
        raise ReadError(
            f"文件过大：{st.st_size} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc} (cannot read)") from exc
    if len(data) > max_bytes:
        raise ReadError(f"文件过大：超过上限 {max_bytes} 字节 (file exceeds the size limit)")
    return data


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
