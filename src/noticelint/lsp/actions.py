"""Code actions: a quick fix per fixable finding, fix-all, and "ignore this rule here".

* Quick fixes come in order: safe ones first (preferred), then unsafe ones, whose
  title says 不安全 — they may change wording and want a human look.
* ``source.fixAll.noticelint`` applies what ``check --fix`` applies (the same fixer:
  safe fixes, repeated until stable) as one edit of the changed stretch of text.
* "在此文件中忽略规则 NLxxx" runs the server command :data:`IGNORE_COMMAND`, which
  writes ``per-file-ignores`` into the configuration (see :mod:`noticelint.lsp.ignore`).

Edits carry the document's version, so a client applies them only to the text they
were computed for.
"""

from __future__ import annotations

from lsprotocol import types

from noticelint.diagnostics import Diagnostic
from noticelint.lsp.convert import lsp_diagnostic, text_edit
from noticelint.lsp.positions import LineMap, offset_position

FIX_ALL_KIND = "source.fixAll.noticelint"
IGNORE_COMMAND = "noticelint.ignoreRuleInFile"
FIX_ALL_TITLE = "noticelint：修复全部可安全修复的问题 (fix all safe)"


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether a client that asked for ``only`` kinds wants an action of ``kind``."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """Edits of one document: versioned ``documentChanges`` when the client takes them."""
    if versioned:
        doc = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=doc, edits=list(edits))]
        )
    return types.WorkspaceEdit(changes={uri: list(edits)})


def _overlaps(d: Diagnostic, start: tuple[int, int], end: tuple[int, int]) -> bool:
    first, last = (d.line, d.column), (d.end_line, d.end_column)
    return first <= end and start <= last


def findings_in(
    diagnostics: list[Diagnostic], start: tuple[int, int], end: tuple[int, int]
) -> list[Diagnostic]:
    """The findings touching the 1-based (line, column) range [start, end]."""
    return [d for d in diagnostics if _overlaps(d, start, end)]


def quick_fixes(
    uri: str,
    version: int | None,
    findings: list[Diagnostic],
    lines: LineMap,
    newline: str,
    versioned: bool,
) -> list[types.CodeAction]:
    safe: list[types.CodeAction] = []
    unsafe: list[types.CodeAction] = []
    for d in findings:
        fix = d.fix
        if fix is None or not fix.edits:
            continue
        is_safe = fix.applicability == "safe"
        label = d.code if is_safe else f"{d.code}（不安全 unsafe）"
        edits = [text_edit(e, lines, newline) for e in fix.edits]
        action = types.CodeAction(
            title=f"修复 {label}：{fix.message}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp_diagnostic(d, lines)],
            is_preferred=is_safe,
            edit=workspace_edit(uri, version, edits, versioned),
        )
        (safe if is_safe else unsafe).append(action)
    return safe + unsafe


def ignore_actions(uri: str, findings: list[Diagnostic], lines: LineMap) -> list[types.CodeAction]:
    """One "ignore in this file" action per rule among the findings."""
    out: list[types.CodeAction] = []
    for code in sorted({d.code for d in findings}):
        title = f"在此文件中忽略规则 {code}"
        related = [lsp_diagnostic(d, lines) for d in findings if d.code == code]
        out.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=related,
                command=types.Command(title=title, command=IGNORE_COMMAND, arguments=[uri, code]),
            )
        )
    return out


def fix_all_action(uri: str, version: int | None) -> types.CodeAction:
    """The fix-all action without its edit (filled in by :func:`fix_all_edit`)."""
    return types.CodeAction(
        title=FIX_ALL_TITLE,
        kind=FIX_ALL_KIND,
        data={"uri": uri, "version": version},
    )


def fix_all_edit(before: str, after: str, encoding: str) -> types.TextEdit:
    """One edit turning ``before`` into ``after``: the stretch between their common
    beginning and end (never splitting a CRLF), so the cursor and folds elsewhere stay."""
    limit = min(len(before), len(after))
    head = 0
    while head < limit and before[head] == after[head]:
        head += 1
    if head and before[head - 1] == "\r":
        head -= 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    cut = len(before) - tail
    if tail and before[cut] == "\n" and cut > head and before[cut - 1] == "\r":
        tail -= 1
    start = offset_position(before, head, encoding)
    end = offset_position(before, len(before) - tail, encoding)
    return types.TextEdit(
        range=types.Range(
            start=types.Position(line=start.line, character=start.character),
            end=types.Position(line=end.line, character=end.character),
        ),
        new_text=after[head : len(after) - tail],
    )
