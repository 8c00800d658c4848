"""JSON-RPC over stdio with Content-Length framing, robust to a misbehaving client.

pygls's own loop trusts every header; this one never lets bad input stop the
server:

* a header block without a usable ``Content-Length`` (missing, not a number) is
  dropped, and the reader finds the next ``Content-Length:`` even when it follows
  garbage on the same line (it resynchronises);
* a body larger than :data:`MAX_BODY` is read and dropped, never held;
* a body that is not JSON, or not a message, is logged and dropped; a request whose
  parameters do not fit its method is answered with an InvalidParams error;
* an unknown method is answered with MethodNotFound (pygls), a notification for one
  is ignored.

Stdin is read by a daemon thread (so a blocked read never holds the process at
exit) that hands complete bodies to the event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from pygls.protocol import JsonRPCProtocol

logger = logging.getLogger("noticelint.lsp")

MAX_BODY = 64 * 1024 * 1024
_MAX_LINE = 64 * 1024
_LENGTH = re.compile(rb"Content-Length:[ \t]*(\d+)[ \t]*\r?\n?$", re.I)


class FrameReader:
    """Reads Content-Length framed bodies from ``read(n)`` (``os.read`` on stdin's
    descriptor in the server: no buffered-reader lock for a daemon thread to hold
    at interpreter exit)."""

    def __init__(self, read: Callable[[int], bytes], max_body: int = MAX_BODY) -> None:
        self._read = read
        self._max_body = max_body
        self._buffer = bytearray()

    def _fill(self) -> bool:
        chunk = self._read(1 << 16)
        self._buffer += chunk
        return bool(chunk)

    def _line(self) -> bytes:
        while True:
            end = self._buffer.find(b"\n")
            if end != -1 or len(self._buffer) >= _MAX_LINE:
                cut = end + 1 if end != -1 else len(self._buffer)
                line = bytes(self._buffer[:cut])
                del self._buffer[:cut]
                return line
            if not self._fill():
                line = bytes(self._buffer)
                self._buffer.clear()
                return line

    def _take(self, n: int) -> bytes | None:
        while len(self._buffer) < n:
            if not self._fill():
                return None
        body = bytes(self._buffer[:n])
        del self._buffer[:n]
        return body

    def read(self) -> bytes | None:
        """The next body; None at end of input."""
        length: int | None = None
        while True:
            line = self._line()
            if not line:
                return None
            match = _LENGTH.search(line)
            if match:
                length = int(match.group(1))
                continue
            if line.strip() or length is None:
                continue  # another header (Content-Type) or garbage between messages
            if length > self._max_body:
                logger.warning("丢弃过大的消息：%d 字节 (message too large)", length)
                if not self._skip(length):
                    return None
                length = None
                continue
            return self._take(length)

    def _skip(self, length: int) -> bool:
        while length > 0:
            if not self._buffer and not self._fill():
                return False
            step = min(length, len(self._buffer))
            del self._buffer[:step]
            length -= step
        return True


class StdoutWriter:
    """pygls's writer interface over a binary stream; closing only flushes (the
    process exits right after ``exit``, and stdout must stay valid until then)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def write(self, data: bytes) -> None:
        with self._lock:
            self._stream.write(data)
            self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


def _error_frame(msg_id: Any, code: int, message: str) -> bytes:
    body = json.dumps(
        {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}}
    ).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def dispatch(protocol: JsonRPCProtocol, writer: StdoutWriter, body: bytes) -> None:
    """Hand one body to pygls; bad input is logged (and answered, for a request)."""
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except Exception as exc:
        logger.warning("无法解析的消息，已忽略 (malformed message): %s", exc)
        _answer_malformed(writer, body, exc)
        return
    if not hasattr(message, "jsonrpc"):
        logger.warning("不是 JSON-RPC 消息，已忽略 (not a JSON-RPC message)")
        return
    try:
        protocol.handle_message(message)
    except Exception:
        logger.exception("处理消息失败 (failed to handle a message)")


def _answer_malformed(writer: StdoutWriter, body: bytes, exc: Exception) -> None:
    try:
        raw = json.loads(body)
    except Exception:
        return  # not JSON: no id to answer
    if isinstance(raw, dict) and "id" in raw and "method" in raw:
        writer.write(_error_frame(raw["id"], -32602, f"Invalid params: {exc}"))


async def serve(
    protocol: JsonRPCProtocol, read: Callable[[int], bytes], writer: StdoutWriter
) -> int:
    """Read and dispatch messages until ``exit`` or the end of input; the exit code
    (0 after ``shutdown``, 1 otherwise, as LSP says)."""
    loop = asyncio.get_running_loop()
    bodies: asyncio.Queue[bytes | None] = asyncio.Queue()
    reader = FrameReader(read)

    def pump() -> None:
        while True:
            try:
                body = reader.read()
            except (OSError, ValueError):
                body = None
            loop.call_soon_threadsafe(bodies.put_nowait, body)
            if body is None:
                return

    threading.Thread(target=pump, name="noticelint-lsp-stdin", daemon=True).start()
    while True:
        body = await bodies.get()
        if body is None:
            break
        try:
            dispatch(protocol, writer, body)
        except SystemExit as stop:  # the `exit` notification
            return stop.code if isinstance(stop.code, int) else 0
    return 0 if getattr(protocol, "_shutdown", False) else 1
