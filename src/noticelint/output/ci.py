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


def junit_testcase(name: str, found: list[Diagnostic]) -> str:
    """One file's testcases (lines ending with a newline): one per diagnostic, so CI
    viewers list every finding (classname = the file, name = code and place, the
    failure's message = the diagnostic's message); a file without findings is one
    passing testcase, so that every file checked shows up. Characters XML forbids
    are dropped."""
    classname = quoteattr(xml_safe(name))
    if not found:
        return f"    <testcase classname={classname} name={quoteattr('noticelint')}/>\n"
    return "".join(_junit_failure(classname, d) + "\n" for d in found)


def _junit_failure(classname: str, d: Diagnostic) -> str:
    path, text = xml_safe(d.path), xml_safe(d.message)
    name = f"{d.code} {path}:{d.line}:{d.column}"
    body = f"{path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.name}: {text}"
    return (
        f"    <testcase classname={classname} name={quoteattr(name)}>"
        f"<failure type={quoteattr(d.code)} message={quoteattr(text)}>{escape(body)}</failure>"
        "</testcase>"
    )


def junit_head(tests: int, failures: int) -> str:
    """``tests``: testcases (one per finding, one per clean file); ``failures``: findings."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="noticelint" tests="{tests}" failures="{failures}">\n'
        f'  <testsuite name="noticelint" tests="{tests}" failures="{failures}" errors="0">\n'
    )


JUNIT_TAIL = "  </testsuite>\n</testsuites>\n"


def render_junit(diagnostics: list[Diagnostic], files: list[str]) -> str:
    """One testsuite for the run; see :func:`junit_testcase`."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_file[d.path].append(d)
    names = list(dict.fromkeys([*files, *by_file]))
    tests = sum(max(1, len(by_file.get(n, []))) for n in names)
    cases = "".join(junit_testcase(name, by_file.get(name, [])) for name in names)
    return junit_head(tests, len(diagnostics)) + cases + JUNIT_TAIL
