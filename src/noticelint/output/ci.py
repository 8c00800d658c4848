"""CI formats: GitHub Actions workflow commands and JUnit XML."""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from noticelint.diagnostics import Diagnostic
from noticelint.output.escape import escape_controls, xml_safe

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    """A workflow-command value: control characters shown as escapes, then GitHub's
    own escaping of ``%`` (so nothing can end the command or start a new one)."""
    return escape_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: list[Diagnostic]) -> str:
    """``::error file=…,line=…,col=…::message`` lines (annotations on the diff)."""
    out = []
    for d in diagnostics:
        props = ",".join(
            [
                f"file={_gh_prop(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.end_line}",
                f"endColumn={d.end_column}",
                f"title={_gh_prop(f'{d.code} {d.name}')}",
            ]
        )
        out.append(f"::{_GITHUB_LEVEL[d.severity]} {props}::{_gh_data(f'{d.code} {d.message}')}\n")
    return "".join(out)


def render_junit(diagnostics: list[Diagnostic], files: list[str]) -> str:
    """One testsuite for the run, one testcase per file checked; each diagnostic
    of the file is a <failure>."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_file[d.path].append(d)
    names = [xml_safe(n) for n in dict.fromkeys([*files, *by_file])]
    by_file = {xml_safe(k): v for k, v in by_file.items()}
    failing = sum(1 for n in names if by_file.get(n))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="noticelint" tests="{len(names)}" failures="{failing}">',
        f'  <testsuite name="noticelint" tests="{len(names)}" failures="{failing}" errors="0">',
    ]
    for name in names:
        found = by_file.get(name, [])
        if not found:
            lines.append(f'    <testcase classname="noticelint" name={quoteattr(name)}/>')
            continue
        lines.append(f'    <testcase classname="noticelint" name={quoteattr(name)}>')
        for d in found:
            text = xml_safe(d.message)
            message = f"{d.line}:{d.column}: {d.code} {text}"
            body = f"{name}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.name}: {text}"
            lines.append(
                f"      <failure type={quoteattr(d.code)} message={quoteattr(message)}>"
                f"{escape(body)}</failure>"
            )
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>", ""]
    return "\n".join(lines)
