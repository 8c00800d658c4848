"""Request bodies for the API, read within the size cap and kept in memory only.

The cap is enforced while the body streams in (a declared ``Content-Length`` over
it is refused before anything is read), so a huge upload costs at most the cap.
Multipart bodies are parsed here, from memory, with python-multipart's streaming
parser: Starlette's form parser would spool large files to a temporary file, and
nothing uploaded may touch the disk.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from noticelint.serve.tasks import TEXT_NAME, Upload

#: Room for multipart boundaries, part headers and small fields beyond the file.
ENVELOPE = 64 * 1024


class BodyError(Exception):
    """A body the API refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Request:
    """What an API call asks for: the notice and the options sent with it."""

    upload: Upload
    unsafe: bool = False


async def read_capped(stream: AsyncIterator[bytes], declared: str | None, max_bytes: int) -> bytes:
    """The whole body, or :class:`BodyError` 413 as soon as it exceeds ``max_bytes``."""
    too_large = BodyError(413, f"请求过大：超过上限 {max_bytes} 字节 (body exceeds the size limit)")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(body: bytes) -> Request:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BodyError(400, f"请求不是有效的 JSON：{exc} (invalid JSON)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BodyError(400, '请求应为 {"text": "…", "filename": "…"} (expected a text field)')
    filename = data.get("filename")
    name = filename if isinstance(filename, str) and filename.strip() else TEXT_NAME
    upload = Upload(data=data["text"].encode("utf-8"), filename=name, pasted=True)
    return Request(upload=upload, unsafe=data.get("unsafe") is True)


@dataclass(slots=True)
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    data: bytearray = field(default_factory=bytearray)
    field_name: str = ""
    filename: str | None = None


def parse_multipart(body: bytes, content_type: str) -> Request:
    """A ``multipart/form-data`` body: a ``file`` part, optional ``unsafe`` and
    ``filename`` fields; parsed in memory."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise BodyError(400, "multipart 请求缺少 boundary (no boundary)")
    parts: list[_Part] = []
    header: list[bytes] = [b"", b""]

    def on_part_begin() -> None:
        parts.append(_Part())

    def on_part_data(data: bytes, start: int, end: int) -> None:
        parts[-1].data += data[start:end]

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header[0] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header[1] += data[start:end]

    def on_header_end() -> None:
        parts[-1].headers[header[0].lower()] = header[1]
        header[0], header[1] = b"", b""

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_part_data": on_part_data,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except Exception as exc:  # python-multipart raises its own errors for bad bodies
        raise BodyError(400, f"multipart 请求格式错误：{exc} (malformed multipart)") from exc
    return _request_of(parts)


def _request_of(parts: list[_Part]) -> Request:
    from python_multipart.multipart import parse_options_header

    fields: dict[str, _Part] = {}
    for part in parts:
        _, options = parse_options_header(part.headers.get(b"content-disposition", b""))
        part.field_name = options.get(b"name", b"").decode("utf-8", "replace")
        raw = options.get(b"filename")
        part.filename = None if raw is None else raw.decode("utf-8", "replace")
        fields.setdefault(part.field_name, part)
    file = fields.get("file")
    if file is None:
        raise BodyError(400, "multipart 请求缺少 file 部分 (no file part)")
    named = fields.get("filename")
    name = bytes(named.data).decode("utf-8", "replace") if named else (file.filename or "")
    unsafe = fields.get("unsafe")
    upload = Upload(data=bytes(file.data), filename=name.strip() or TEXT_NAME, pasted=False)
    flag = bytes(unsafe.data).strip().lower() if unsafe else b""
    return Request(upload=upload, unsafe=flag in (b"1", b"true", b"on", b"yes"))
