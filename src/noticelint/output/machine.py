"""Machine-readable formats: ``json`` (one array) and ``jsonl`` (one object a line)."""

from __future__ import annotations

import json
from typing import Any

from noticelint.diagnostics import Diagnostic


def as_dict(d: Diagnostic) -> dict[str, Any]:
    return d.model_dump(mode="json")


def render_json(diagnostics: list[Diagnostic]) -> str:
    """One JSON array, one diagnostic a line. (``indent=`` would switch the standard
    library to its pure-Python encoder, ten times slower on a file-wide fix.)"""
    if not diagnostics:
        return "[]"
    rows = ",\n".join("  " + json.dumps(as_dict(d), ensure_ascii=False) for d in diagnostics)
    return "[\n" + rows + "\n]"


def render_jsonl(diagnostics: list[Diagnostic]) -> str:
    return "".join(json.dumps(as_dict(d), ensure_ascii=False) + "\n" for d in diagnostics)


def render_concise(diagnostics: list[Diagnostic]) -> str:
    """One line a finding: ``path:line:col: CODE [级别] message`` (the severity in
    Chinese, as ``full`` shows it)."""
    from noticelint.output.escape import escape_controls
    from noticelint.output.labels import SEVERITY_LABEL

    return "".join(
        f"{escape_controls(d.path)}:{d.line}:{d.column}: {d.code} [{SEVERITY_LABEL[d.severity]}] "
        f"{escape_controls(d.message)}\n"
        for d in diagnostics
    )
