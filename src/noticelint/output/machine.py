"""Machine-readable formats: ``json`` (one array) and ``jsonl`` (one object a line).

Each diagnostic is one line of JSON in the standard library's default layout
(``", "`` and ``": "`` separators, non-ASCII kept): the bytes are those of
``json.dumps(as_dict(d), ensure_ascii=False)``, written by hand around orjson's
string encoder (identical escaping, several times faster on a file-wide fix of
hundreds of edits). A string orjson refuses (a lone surrogate from an undecodable
file name) goes through the standard library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import orjson

from noticelint.diagnostics import CompactEdits, Diagnostic, Edit


def json_string(text: str) -> str:
    """``text`` as a JSON string literal, non-ASCII kept."""
    try:
        return orjson.dumps(text).decode()
    except TypeError:  # lone surrogates
        return json.dumps(text, ensure_ascii=False)


def as_dict(d: Diagnostic) -> dict[str, Any]:
    """The public JSON object of a diagnostic."""
    return d.as_dict()


class _Strings(dict[str, str]):
    """JSON string literals, each encoded once: a file's diagnostics repeat their
    path, codes, names, severities and fix messages."""

    def __missing__(self, text: str) -> str:
        literal = self[text] = json_string(text)
        return literal


def _edits_json(edits: Iterable[Edit], strings: _Strings) -> str:
    if isinstance(edits, CompactEdits):
        return _compact_edits_json(edits, strings)
    return ", ".join(
        [
            f'{{"line": {e.line}, "column": {e.column}, "end_line": {e.end_line}, '
            f'"end_column": {e.end_column}, "content": {strings[e.content]}}}'
            for e in edits
        ]
    )


def _compact_edits_json(edits: CompactEdits, strings: _Strings) -> str:
    """A file-wide fix's edits straight from its marks (no Edit objects built); the
    text that names a line is written once for all the edits on it."""
    tails = {ch: f', "content": {strings[content]}}}' for ch, content in edits.table.items()}
    parts: list[str] = []
    append = parts.append
    current = 0
    head = middle = ""
    for line, column, ch in edits.rows():
        if line != current:
            current = line
            head = f'{{"line": {line}, "column": '
            middle = f', "end_line": {line}, "end_column": '
        append(f"{head}{column}{middle}{column + 1}{tails[ch]}")
    return ", ".join(parts)


def diagnostic_json(d: Diagnostic, strings: _Strings | None = None) -> str:
    """One diagnostic as one line of JSON (no trailing newline)."""
    s = _Strings() if strings is None else strings
    fix = d.fix
    if fix is None:
        fix_text = "null"
    else:
        fix_text = (
            f'{{"applicability": {s[fix.applicability]}, '
            f'"message": {s[fix.message]}, "edits": [{_edits_json(fix.edits, s)}]}}'
        )
    return (
        f'{{"path": {s[d.path]}, "code": {s[d.code]}, "name": {s[d.name]}, '
        f'"severity": {s[d.severity]}, "message": {json_string(d.message)}, '
        f'"line": {d.line}, "column": {d.column}, "end_line": {d.end_line}, '
        f'"end_column": {d.end_column}, "fix": {fix_text}}}'
    )


def json_rows(diagnostics: Iterable[Diagnostic]) -> str:
    """The rows of a JSON array (indented, comma-separated, no brackets)."""
    strings = _Strings()
    return ",\n".join(["  " + diagnostic_json(d, strings) for d in diagnostics])


def render_json(diagnostics: list[Diagnostic]) -> str:
    """One JSON array, one diagnostic a line."""
    if not diagnostics:
        return "[]"
    return "[\n" + json_rows(diagnostics) + "\n]"


def render_jsonl(diagnostics: Iterable[Diagnostic]) -> str:
    strings = _Strings()
    return "".join([diagnostic_json(d, strings) + "\n" for d in diagnostics])


def render_concise(diagnostics: Iterable[Diagnostic]) -> str:
    """One line a finding: ``path:line:col: CODE [级别] message`` (the severity in
    Chinese, as ``full`` shows it)."""
    from noticelint.output.escape import escape_controls
    from noticelint.output.labels import SEVERITY_LABEL

    return "".join(
        f"{escape_controls(d.path)}:{d.line}:{d.column}: {d.code} [{SEVERITY_LABEL[d.severity]}] "
        f"{escape_controls(d.message)}\n"
        for d in diagnostics
    )
