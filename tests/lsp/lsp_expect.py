"""What the tests expect of the server, computed independently of its code: the
output of ``noticelint check`` (a subprocess) converted to LSP by hand, and LSP
edits applied to a text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

SEVERITY = {"error": 1, "warning": 2, "info": 3}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def position(lines: list[str], line: int, column: int) -> dict[str, int]:
    if line > len(lines):
        return {"line": len(lines) - 1, "character": utf16(lines[-1])}
    return {"line": line - 1, "character": utf16(lines[line - 1][: column - 1])}


def run_check(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--no-cache", *args, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def check_json(path: Path) -> list[dict[str, Any]]:
    result = run_check(path, "--output-format", "json")
    assert result.returncode in (0, 1), result.stderr
    return list(json.loads(result.stdout))


def as_lsp(findings: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``check --output-format json`` findings as LSP diagnostics of ``text``."""
    lines = lines_of(text)
    return [
        {
            "range": {
                "start": position(lines, d["line"], d["column"]),
                "end": position(lines, d["end_line"], d["end_column"]),
            },
            "message": d["message"],
            "severity": SEVERITY[d["severity"]],
            "code": d["code"],
            "source": "noticelint",
        }
        for d in findings
    ]


def without_links(diagnostics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in d.items() if k != "codeDescription"} for d in diagnostics]


def expected_for(text: str, where: Path) -> list[dict[str, Any]]:
    """What the server must publish for ``text`` saved as ``where``: ``check`` on a
    file with that text in the same folder (the same configuration applies)."""
    probe = where.with_name(f"probe-{where.name}")
    probe.write_bytes(text.encode("utf-8"))
    try:
        return as_lsp(check_json(probe), text)
    finally:
        probe.unlink()


def check_fix(path: Path) -> str:
    """The text of ``path`` after ``check --fix`` (on a copy)."""
    copy = path.with_name(f"fixed-{path.name}")
    shutil.copyfile(path, copy)
    try:
        result = run_check(copy, "--fix", "--output-format", "concise")
        assert result.returncode in (0, 1), result.stderr
        return copy.read_bytes().decode("utf-8")
    finally:
        copy.unlink()


def offset(text: str, pos: dict[str, int]) -> int:
    """The character offset of an LSP (UTF-16) position in ``text``."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[pos["line"]]
    units = 0
    index = start
    while units < pos["character"]:
        units += utf16(text[index])
        index += 1
    return index


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    spans = sorted(
        ((offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e["newText"]))
        for e in edits
    )
    out, pos = [], 0
    for start, end, new in spans:
        assert start >= pos, "overlapping edits"
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def edits_of(action: dict[str, Any], uri: str) -> list[dict[str, Any]]:
    edit = action["edit"]
    if "documentChanges" in edit:
        [change] = edit["documentChanges"]
        assert change["textDocument"]["uri"] == uri
        return list(change["edits"])
    return list(edit["changes"][uri])
