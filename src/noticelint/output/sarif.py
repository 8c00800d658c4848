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


def render_sarif(diagnostics: list[Diagnostic]) -> str:
    from noticelint.rules import iter_rules

    rules = list(iter_rules())
    index = {cls.code: i for i, cls in enumerate(rules)}
    driver_rules = []
    for cls in rules:
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
    results: list[dict[str, Any]] = []
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
        results.append(result)
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
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
