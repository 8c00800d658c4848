"""Stage 1, read: bytes on disk (or stdin) become a decoded :class:`Document`.

One module per input format, chosen by suffix and imported lazily, so checking a
``.txt`` never imports the code of other formats. A file that cannot be read
raises :class:`ReadError`; the caller turns it into an NL001 diagnostic.
"""

from __future__ import annotations

from pathlib import Path

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError

__all__ = ["DEFAULT_MAX_BYTES", "TEXT_SUFFIXES", "Document", "ReadError", "read_bytes", "read_path"]

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


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode the file at ``path``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc} (cannot stat)") from exc
    if size > max_bytes:
        raise ReadError(
            f"文件过大：{size} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc} (cannot read)") from exc
    return read_bytes(data, str(path), max_bytes=max_bytes)


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
