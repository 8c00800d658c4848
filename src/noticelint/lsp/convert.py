"""noticelint's findings and edits as LSP types.

Ranges are in the code units the client and server agreed on (UTF-16 unless the
client offered otherwise), computed from the editor's own text. A finding in a
format whose text is extracted (HTML opened as source) has no place in the editor's
text: it is shown at the start of the document with its line and column in the
extracted text.
"""

from __future__ import annotations

from lsprotocol import types

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.lsp.positions import LineMap
from noticelint.lsp.ruledocs import rule_href

SOURCE = "noticelint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def lsp_range(
    lines: LineMap, line: int, column: int, end_line: int, end_column: int
) -> types.Range:
    start = lines.to_lsp(line, column)
    end = lines.to_lsp(end_line, end_column)
    return types.Range(
        start=types.Position(line=start.line, character=start.character),
        end=types.Position(line=end.line, character=end.character),
    )


_NOWHERE = types.Range(
    start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
)


def lsp_diagnostic(d: Diagnostic, lines: LineMap, *, in_text: bool = True) -> types.Diagnostic:
    """One finding; ``in_text`` is False when positions refer to extracted text."""
    if in_text:
        where = lsp_range(lines, d.line, d.column, d.end_line, d.end_column)
        message = d.message
    else:
        where = _NOWHERE
        message = f"{d.message}（提取文本第{d.line}行第{d.column}列）"
    href = rule_href(d.code)
    return types.Diagnostic(
        range=where,
        message=message,
        severity=SEVERITY[d.severity],
        code=d.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
    )


def problem_diagnostic(problem: str) -> types.Diagnostic:
    """A configuration error: nothing could be checked."""
    return types.Diagnostic(
        range=_NOWHERE,
        message=f"配置错误，未检查 (configuration error): {problem}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def text_edit(edit: Edit, lines: LineMap, newline: str) -> types.TextEdit:
    """An edit of a fix; an inserted line break is the document's own."""
    content = edit.content.replace("\n", newline) if newline != "\n" else edit.content
    return types.TextEdit(
        range=lsp_range(lines, edit.line, edit.column, edit.end_line, edit.end_column),
        new_text=content,
    )
