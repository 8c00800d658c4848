"""The LSP methods the server answers, registered on a :class:`NoticeServer`."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from noticelint.lsp import actions
from noticelint.lsp.ignore import IgnoreError, add_ignore
from noticelint.lsp.positions import LineMap
from noticelint.lsp.ruledocs import hover_markdown
from noticelint.lsp.server import CONFIG_GLOBS, NoticeServer, path_of


def register(server: NoticeServer) -> None:
    _register_sync(server)
    _register_actions(server)
    _register_hover(server)


def _register_sync(server: NoticeServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: NoticeServer, params: types.InitializeParams) -> None:
        ls.lint_pool.submit(ls.engine.warm_up)  # parser built, patterns compiled, once

    @server.feature(types.INITIALIZED)
    def initialized(ls: NoticeServer, params: types.InitializedParams) -> None:
        if not ls.client_watches_files():
            return
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = types.Registration(
            id="noticelint-config-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NoticeServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NoticeServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: NoticeServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.reload_configuration()  # the configuration may have changed with it

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NoticeServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: NoticeServer, params: types.DidChangeWatchedFilesParams) -> None:
        names = {change.uri.rsplit("/", 1)[-1] for change in params.changes}
        if names & {"noticelint.toml", "pyproject.toml"} or not params.changes:
            ls.reload_configuration()

    @server.command(actions.IGNORE_COMMAND)
    async def ignore_rule(ls: NoticeServer, *args: Any) -> str | None:
        if len(args) != 2 or not all(isinstance(a, str) for a in args):
            raise ValueError(f"{actions.IGNORE_COMMAND} 需要参数 [uri, code]")
        uri, code = args
        if not uri.startswith("file:"):
            message = "未保存的文档没有所在文件夹，无法写入配置 (save the document first)"
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )
            return None
        try:
            written = await ls.run(add_ignore, path_of(uri), code)
        except IgnoreError as exc:
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=str(exc))
            )
            return None
        ls.reload_configuration()
        message = f"已在 {written} 中为此文件忽略 {code}"
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Info, message=message)
        )
        return str(written)


def _register_actions(server: NoticeServer) -> None:
    options = types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND],
        resolve_provider=True,
    )

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    async def code_action(
        ls: NoticeServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = await ls.fresh(uri)
        if checked is None or checked.document is None:
            return None
        only = [str(k) for k in params.context.only] if params.context.only else None
        lines = LineMap(checked.text, ls.encoding)
        start = lines.from_lsp(params.range.start.line, params.range.start.character)
        end = lines.from_lsp(params.range.end.line, params.range.end.character)
        here = actions.findings_in(checked.diagnostics, start, end)
        out: list[types.CodeAction] = []
        if (
            actions.wanted(types.CodeActionKind.QuickFix, only)
            and checked.document.medium == "text"
        ):
            newline = checked.document.newline
            versioned = ls.client_takes_versioned_edits()
            out += actions.quick_fixes(uri, checked.version, here, lines, newline, versioned)
        if actions.wanted(types.CodeActionKind.QuickFix, only):
            out += actions.ignore_actions(uri, here, lines)
        safe = any(d.fix and d.fix.applicability == "safe" for d in checked.diagnostics)
        if safe and actions.wanted(actions.FIX_ALL_KIND, only):
            fix_all = actions.fix_all_action(uri, checked.version)
            if not ls.client_resolves_edits():
                fix_all = await resolve(ls, fix_all)
            out.append(fix_all)
        return out

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(ls: NoticeServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        if action.kind != actions.FIX_ALL_KIND or not isinstance(uri, str) or not ls.is_open(uri):
            return action
        version, text = ls.current(uri)
        fixed = await ls.run(ls.engine.fix_all, path_of(uri), text)
        if fixed is None:
            return action
        edit = actions.fix_all_edit(text, fixed, ls.encoding)
        action.edit = actions.workspace_edit(
            uri, version, [edit], ls.client_takes_versioned_edits()
        )
        return action


def _register_hover(server: NoticeServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NoticeServer, params: types.HoverParams) -> types.Hover | None:
        checked = await ls.fresh(params.text_document.uri)
        if checked is None or checked.document is None or checked.document.medium != "text":
            return None
        lines = LineMap(checked.text, ls.encoding)
        at = lines.from_lsp(params.position.line, params.position.character)
        here = [
            d
            for d in checked.diagnostics
            if (d.line, d.column) <= at < (d.end_line, d.end_column)
            or (d.line, d.column) == at == (d.end_line, d.end_column)
        ]
        if not here:
            return None
        first = here[0]
        start = lines.to_lsp(first.line, first.column)
        end = lines.to_lsp(first.end_line, first.end_column)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=hover_markdown(here)
            ),
            range=types.Range(
                start=types.Position(line=start.line, character=start.character),
                end=types.Position(line=end.line, character=end.character),
            ),
        )
