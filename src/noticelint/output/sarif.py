"""SARIF 2.1.0 (code-scanning annotations): every rule in tool.driver, every
diagnostic a result with its region and, where it has one, its fix."""

from __future__ import annotations

import json
from typing import Any

from noticelint import __version__
from noticelint.diagnostics import Diagnostic
from noticelint.docs import rule_markdown

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def sarif_envelope() -> tuple[str, str]:
    """The SARIF log around its results: the text before the first result and the
    text after the last (the log is ``head + ",\n".join(results) + tail``)."""
    from noticelint.rules import iter_rules

    driver_rules = []
    for cls in iter_rules():
        sections = cls.doc_sections()
        driver_rules.append(
            {
                "id": cls.code,
                "name": cls.name,
                "shortDescription": {"text": cls.summary()},
                "fullDescription": {"text": sections.get("检查什么 (What it does)", cls.summary())},
                "help": {"text": rule_markdown(cls), "markdown": rule_markdown(cls)},
                "defaultConfiguration": {"level": _LEVEL[cls.severity]},
                "properties": {"fix": cls.fix, "norm": cls.norm},
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "noticelint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_MARK],
            }
        ],
    }
    text = json.dumps(log, ensure_ascii=False, indent=2)
    head, tail = text.split(f"{_INDENT}{json.dumps(_MARK)}")
    return head, tail


_MARK = "\x00results\x00"
_INDENT = " " * 8  # the depth of an entry of runs[0].results


def _rule_index() -> dict[str, int]:
    from noticelint.rules import iter_rules

    return {cls.code: i for i, cls in enumerate(iter_rules())}


def sarif_results(diagnostics: list[Diagnostic]) -> list[str]:
    """Each diagnostic as one SARIF result, indented for its place in the log."""
    index = _rule_index()
    out = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.path},
                        "region": _region(d.line, d.column, d.end_line, d.end_column),
                    }
                }
            ],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": d.fix.message},
                    "properties": {"applicability": d.fix.applicability},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": d.path},
                            "replacements": [
                                {
                                    "deletedRegion": _region(
                                        e.line, e.column, e.end_line, e.end_column
                                    ),
                                    "insertedContent": {"text": e.content},
                                }
                                for e in d.fix.edits
                            ],
                        }
                    ],
                }
            ]
        text = json.dumps(result, ensure_ascii=False, indent=2)
        out.append(_INDENT + text.replace("\n", "\n" + _INDENT))
    return out
