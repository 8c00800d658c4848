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
    """One testsuite for the run and one testcase per diagnostic (CI viewers list
    every finding): classname = the file, name = code and place, the failure's
    message = the diagnostic's message. A file without findings is one passing
    testcase, so that every file checked shows up."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_file[d.path].append(d)
    cases: list[str] = []
    for path in dict.fromkeys([*files, *by_file]):
        classname = quoteattr(xml_safe(path))
        found = by_file.get(path, [])
        if not found:
            cases.append(f"    <testcase classname={classname} name={quoteattr('noticelint')}/>")
        cases += [_junit_failure(classname, d) for d in found]
    failures = len(diagnostics)
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="noticelint" tests="{len(cases)}" failures="{failures}">',
            f'  <testsuite name="noticelint" tests="{len(cases)}" failures="{failures}"'
            ' errors="0">',
            *cases,
            "  </testsuite>",
            "</testsuites>",
            "",
        ]
    )


def _junit_failure(classname: str, d: Diagnostic) -> str:
    path, text = xml_safe(d.path), xml_safe(d.message)
    name = f"{d.code} {path}:{d.line}:{d.column}"
    body = f"{path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.name}: {text}"
    return (
        f"    <testcase classname={classname} name={quoteattr(name)}>"
        f"<failure type={quoteattr(d.code)} message={quoteattr(text)}>{escape(body)}</failure>"
        "</testcase>"
    )
