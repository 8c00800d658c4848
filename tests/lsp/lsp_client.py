"""A minimal LSP client for the tests: the real ``noticelint server`` process, plain
JSON-RPC with Content-Length framing over its stdin/stdout.

A reader thread collects every message from the server; requests from the server
(``client/registerCapability``) are answered with ``null`` as an editor would.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

WAIT = 60.0  # seconds before a test gives up waiting (a deadline, not a timing)


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


def frame(message: Any) -> bytes:
    body = json.dumps(message).encode("ascii")  # \uXXXX escapes: lone surrogates too
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LspClient:
    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "noticelint", "server", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ},
        )
        self._next_id = 0
        self.responses: dict[int, dict[str, Any]] = {}
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.server_requests: list[dict[str, Any]] = []
        self._published: list[tuple[str, int | None]] = []
        self._cond = threading.Condition()
        self._lock = threading.Lock()
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- wire ------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        with self._lock:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
                elif line in (b"\r\n", b"\n") and length is not None:
                    break
            message = json.loads(out.read(length))
            if "id" in message and "method" in message:  # a request from the server
                self.server_requests.append(message)
                self.write(frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
            elif "id" in message:
                with self._cond:
                    self.responses[message["id"]] = message
                    self._cond.notify_all()
            else:
                if message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    self._published.append((params["uri"], params.get("version")))
                self.notifications.put(message)

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr += line

    # -- messages ----------------------------------------------------------------

    def send_request(self, method: str, params: Any) -> int:
        self._next_id += 1
        self.write(
            frame({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        )
        return self._next_id

    def response(self, msg_id: int) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT
        with self._cond:
            while msg_id not in self.responses:
                left = deadline - time.monotonic()
                assert left > 0, f"no response to request {msg_id}; stderr: {self.stderr!r}"
                self._cond.wait(left)
            return self.responses.pop(msg_id)

    def request(self, method: str, params: Any) -> Any:
        reply = self.response(self.send_request(method, params))
        assert "error" not in reply, reply
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        self.write(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def notification(self, method: str, match: Any = None) -> dict[str, Any]:
        """The next notification of ``method`` (for which ``match(params)`` holds);
        others of other methods are dropped."""
        deadline = time.monotonic() + WAIT
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no {method} notification; stderr: {self.stderr!r}"
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("method") == method and (match is None or match(message["params"])):
                return dict(message["params"])

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (at ``version``, if given)."""
        params = self.notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
        )
        return list(params["diagnostics"])

    def published_versions(self, uri: str) -> list[int | None]:
        """The version of every diagnostics notification received for ``uri`` so far."""
        return [version for u, version in list(self._published) if u == uri]

    def collected(self, quiet: float) -> list[dict[str, Any]]:
        """Every notification that arrives until none has come for ``quiet`` seconds."""
        out = []
        while True:
            try:
                out.append(self.notifications.get(timeout=quiet))
            except queue.Empty:
                return out

    # -- conversation ------------------------------------------------------------

    def initialize(self, root: Path, capabilities: dict[str, Any] | None = None) -> Any:
        caps = (
            capabilities
            if capabilities is not None
            else {
                "workspace": {
                    "workspaceEdit": {"documentChanges": True},
                    "didChangeWatchedFiles": {"dynamicRegistration": True},
                },
                "textDocument": {
                    "codeAction": {"resolveSupport": {"properties": ["edit"]}},
                    "hover": {"contentFormat": ["markdown"]},
                },
            }
        )
        result = self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": uri_of(root), "capabilities": caps},
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "plaintext",
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def shutdown(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=WAIT)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
