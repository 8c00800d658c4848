"""What the workbench does with one upload: check it, or fix it (run in a worker).

Everything here takes and returns plain, picklable data (bytes, str, dicts of JSON
values) so that it can run in a worker process; nothing is written to disk.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticelint.diagnostics import Diagnostic
from noticelint.read import Document, ReadError
from noticelint.settings import Settings

TEXT_NAME = "通报.txt"


@dataclass(frozen=True, slots=True)
class Upload:
    """The notice sent by the page or a script: file bytes or pasted text."""

    data: bytes
    filename: str
    pasted: bool  # JSON {"text"}: always plain text, whatever the file name says


def read_upload(upload: Upload, settings: Settings) -> Document:
    """Decode an upload — the one place where the workbench reads untrusted bytes:
    native formats in the reading sandbox (``noticelint.read.isolate``), so a reader
    that aborts or overruns costs an NL001 answer, not the worker."""
    if upload.pasted:
        from noticelint.read.text import decode_text

        return decode_text(upload.data, upload.filename, max_bytes=settings.max_bytes)
    from noticelint.read.isolate import read_untrusted

    return read_untrusted(upload.data, upload.filename, settings)


def _span(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def highlight_ranges(d: Diagnostic) -> list[dict[str, int]]:
    """Where to mark ``d`` in the text: its own span, and each place its fix replaces
    outside that span (a file-level NL801/NL804 finding marks every half-width mark)."""
    own = (d.line, d.column, d.end_line, d.end_column)
    out = [_span(*own)]
    seen = {own}
    for edit in d.fix.edits if d.fix else []:
        where = (edit.line, edit.column, edit.end_line, edit.end_column)
        empty = where[:2] == where[2:]
        inside = own[:2] <= where[:2] and where[2:] <= own[2:]
        if empty or inside or where in seen:
            continue
        seen.add(where)
        out.append(_span(*where))
    return out


def _as_dicts(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    from noticelint.output.machine import as_dict

    return [as_dict(d) for d in diagnostics]


def unreadable(upload: Upload, error: ReadError, settings: Settings) -> dict[str, Any]:
    from noticelint.lint import unreadable_diagnostics

    diagnostics = unreadable_diagnostics(upload.filename, error, settings)
    return {
        "diagnostics": _as_dicts(diagnostics),
        "notice": None,
        "summary": {"path": upload.filename, "readable": False, "error": str(error)},
        "text": "",
        "medium": None,
        "ranges": [highlight_ranges(d) for d in diagnostics],
    }


def check(upload: Upload, settings: Settings) -> dict[str, Any]:
    """``POST /api/check``: the check JSON, the parse JSON and a summary."""
    from noticelint.lint import check_document
    from noticelint.model import notice_adapter  # Notice.to_json's serialiser, as a dict
    from noticelint.report.summary import summarize

    try:
        document = read_upload(upload, settings)
    except ReadError as exc:
        return unreadable(upload, exc, settings)
    parsed, diagnostics = check_document(document, settings)
    summary = summarize(parsed, diagnostics, upload.filename).model_dump(
        mode="json", exclude={"diagnostics", "seconds"}
    )
    return {
        "diagnostics": _as_dicts(diagnostics),
        "notice": notice_adapter().dump_python(parsed.notice, mode="json", by_alias=True),
        "summary": summary,
        "text": document.text,
        "medium": document.medium,
        "ranges": [highlight_ranges(d) for d in diagnostics],
    }


def fixed_name(filename: str, medium: str) -> str:
    """The download name of a fixed file: ``草稿.docx`` → ``草稿-已修复.docx``; the
    text extracted from a web page or a PDF is downloaded as ``.txt``."""
    path = Path(Path(filename).name or TEXT_NAME)
    keep = medium == "docx" or (medium == "text" and path.suffix.lower() in (".txt", ".md"))
    return f"{path.stem}-已修复{path.suffix if keep else '.txt'}"


def fix(upload: Upload, settings: Settings, *, unsafe: bool) -> dict[str, Any]:
    """``POST /api/fix``: the fixed text, its diff, what was and was not applied; for a
    Word file also the fixed .docx (base64), formatting kept."""
    from noticelint.lint import fix_file

    try:
        document = read_upload(upload, settings)
    except ReadError as exc:
        result = unreadable(upload, exc, settings)
        return {"text": "", "diff": "", "applied": 0, "not_applied": [], **result}
    if document.medium == "docx":
        return _fix_docx(upload, document, settings, unsafe=unsafe)
    outcome = fix_file(document, settings, unsafe=unsafe, write=False)
    remaining = outcome.diagnostics
    fixed = outcome.fixed or document
    not_applied = [
        {
            "code": d.code,
            "message": d.fix.message,
            "line": d.line,
            "column": d.column,
            "reason": "与其他修复重叠或未能收敛 (overlapping or not converged)",
        }
        for d in remaining
        if d.fix is not None and (unsafe or d.fix.applicability == "safe")
    ]
    return {
        "text": fixed.text,
        "diff": outcome.diff,
        "applied": outcome.applied,
        "not_applied": not_applied,
        "diagnostics": _as_dicts(remaining),
        "filename": fixed_name(upload.filename, document.medium),
        "medium": document.medium,
    }


def _fix_docx(
    upload: Upload, document: Document, settings: Settings, *, unsafe: bool
) -> dict[str, Any]:
    from noticelint.lint import check_document, text_diff, unreadable_diagnostics
    from noticelint.write.docx import fix_docx

    def lint(doc: Document) -> list[Diagnostic]:
        return check_document(doc, settings)[1]

    try:
        result = fix_docx(upload.data, upload.filename, lint, unsafe=unsafe)
    except ReadError as exc:
        return {
            "text": "",
            "diff": "",
            "applied": 0,
            "not_applied": [],
            "diagnostics": _as_dicts(unreadable_diagnostics(upload.filename, exc, settings)),
        }
    return {
        "text": result.document.text,
        "diff": text_diff(upload.filename, document.text, result.document.text)
        if result.changed
        else "",
        "applied": result.applied,
        "not_applied": [n.as_dict() for n in result.not_applied],
        "diagnostics": _as_dicts(result.diagnostics),
        "filename": fixed_name(upload.filename, "docx"),
        "medium": "docx",
        "file": base64.b64encode(result.data).decode("ascii"),
    }
