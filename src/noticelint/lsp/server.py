"""The language server: pygls handlers around one :class:`~noticelint.lsp.engine.Engine`.

Checks run one at a time on a worker thread (the engine is loaded and warmed up
once, at ``initialize``), so the event loop keeps reading messages while a text is
checked. Every scheduled check takes a ticket (a per-document counter); its result
is published only if its ticket is still the newest and the document is still at
the version that was checked — a stale result is never published.

* open, save: checked at once (save also re-reads the configuration);
* change (full sync): checked after :data:`DEFAULT_DEBOUNCE_MS` of quiet, so a burst
  of keystrokes costs one check and the last version wins;
* a configuration file changed (``workspace/didChangeWatchedFiles``, registered at
  ``initialized`` when the client can): configuration reloaded, open documents
  re-checked.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from noticelint import __version__
from noticelint.lsp.convert import lsp_diagnostic, problem_diagnostic
from noticelint.lsp.engine import Checked, Engine
from noticelint.lsp.positions import LineMap

logger = logging.getLogger("noticelint.lsp")

DEFAULT_DEBOUNCE_MS = 150
CONFIG_GLOBS = ("**/noticelint.toml", "**/pyproject.toml")


@dataclass(slots=True)
class Tracked:
    """What the server knows about one open document."""

    ticket: int = 0
    task: asyncio.Task[None] | None = None
    published: Checked | None = None


def path_of(uri: str) -> Path:
    """The file behind ``uri``; an untitled buffer is treated as a file in the
    current folder (so the configuration found from there applies)."""
    if uri.startswith("file:"):
        fs = to_fs_path(uri)
        if fs:
            return Path(fs)
    name = uri.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "untitled"
    return Path.cwd() / name


class NoticeServer(LanguageServer):
    """noticelint's language server."""

    def __init__(self, debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> None:
        super().__init__(
            "noticelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.engine = Engine()
        self.debounce = max(debounce_ms, 0) / 1000
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="noticelint-lint")
        self.tracked: dict[str, Tracked] = {}

    # -- running the engine ------------------------------------------------------

    async def run(self, fn: Any, *args: Any) -> Any:
        """``fn(*args)`` on the lint thread (the engine is used from it only)."""
        return await asyncio.get_running_loop().run_in_executor(self.lint_pool, fn, *args)

    @property
    def encoding(self) -> str:
        """The position encoding agreed at ``initialize`` (UTF-16 unless the client
        prefers UTF-8 or UTF-32, as Neovim does)."""
        chosen = self.workspace.position_encoding
        return str(getattr(chosen, "value", chosen) or "utf-16")

    def is_open(self, uri: str) -> bool:
        return unquote(uri) in self.workspace.text_documents

    def current(self, uri: str) -> tuple[int | None, str]:
        doc = self.workspace.get_text_document(uri)
        return doc.version, doc.source

    # -- scheduling and publishing -----------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, superseding any earlier request."""
        tracked = self.tracked.setdefault(uri, Tracked())
        tracked.ticket += 1
        if tracked.task is not None:
            tracked.task.cancel()
        tracked.task = asyncio.ensure_future(self._check_later(uri, tracked.ticket, delay))

    def schedule_all(self) -> None:
        for uri in list(self.tracked):
            if self.is_open(uri):
                self.schedule(uri, 0)

    async def _check_later(self, uri: str, ticket: int, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if not self.is_open(uri):
            return
        version, text = self.current(uri)
        try:
            checked: Checked = await self.run(self.engine.check, path_of(uri), text, version)
        except Exception as exc:  # a bug in a rule must not stop the server
            self.report_server_error(exc, None)
            return
        tracked = self.tracked.get(uri)
        if tracked is None or tracked.ticket != ticket or not self.is_open(uri):
            return  # superseded: a newer check is on its way
        if self.current(uri)[0] != version:
            return  # the text changed meanwhile: never publish stale findings
        tracked.published = checked
        self.publish(uri, checked)

    def publish(self, uri: str, checked: Checked) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=self.lsp_diagnostics(checked), version=checked.version
            )
        )

    def lsp_diagnostics(self, checked: Checked) -> list[types.Diagnostic]:
        if checked.problem is not None:
            return [problem_diagnostic(checked.problem)]
        lines = LineMap(checked.text, self.encoding)
        in_text = checked.document is None or checked.document.medium == "text"
        return [lsp_diagnostic(d, lines, in_text=in_text) for d in checked.diagnostics]

    async def fresh(self, uri: str) -> Checked | None:
        """The findings for the document's current version (checked now if the
        published ones are older, e.g. during the debounce)."""
        if not self.is_open(uri):
            return None
        version, text = self.current(uri)
        tracked = self.tracked.get(uri)
        if tracked and tracked.published and tracked.published.version == version:
            return tracked.published
        checked: Checked = await self.run(self.engine.check, path_of(uri), text, version)
        return checked

    def forget(self, uri: str) -> None:
        tracked = self.tracked.pop(uri, None)
        if tracked is not None and tracked.task is not None:
            tracked.task.cancel()
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def reload_configuration(self) -> None:
        self.engine.reload()
        self.schedule_all()

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors are logged (stderr and the client's log), never popped up."""
        logger.error("%s", error)
        with suppress(Exception):  # the client may be gone
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=str(error))
            )

    # -- capabilities of the client ------------------------------------------------

    def client_takes_versioned_edits(self) -> bool:
        caps = self.client_capabilities.workspace
        edit = caps.workspace_edit if caps else None
        return bool(edit and edit.document_changes)

    def client_resolves_edits(self) -> bool:
        text = self.client_capabilities.text_document
        action = text.code_action if text else None
        support = action.resolve_support if action else None
        return bool(support and "edit" in support.properties)

    def client_watches_files(self) -> bool:
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        return bool(watched and watched.dynamic_registration)


def build_server(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> NoticeServer:
    """A server with every handler registered."""
    from noticelint.lsp.handlers import register

    server = NoticeServer(debounce_ms)
    register(server)
    return server


def serve(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> int:
    """Run the server on stdin/stdout until ``exit``; the process's exit code."""
    from noticelint.lsp.transport import StdoutWriter
    from noticelint.lsp.transport import serve as serve_stdio

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="noticelint: %(message)s")
    logging.getLogger("pygls").setLevel(logging.CRITICAL)  # failures are logged by us, once
    stdin, stdout = sys.stdin.fileno(), sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the protocol may reach stdout
    server = build_server(debounce_ms)
    writer = StdoutWriter(stdout)
    server.protocol.set_writer(writer)
    try:
        return asyncio.run(serve_stdio(server.protocol, partial(os.read, stdin), writer))
    except KeyboardInterrupt:
        return 0
    finally:
        server.lint_pool.shutdown(wait=False, cancel_futures=True)
