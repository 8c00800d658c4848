"""One file's part of the ``check`` output, rendered where the file was linted.

The parent process only concatenates these parts (in path order) and adds what
frames them: the brackets of the JSON array, the SARIF log, the JUnit suite, the
summary line of ``full`` and ``concise``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from noticelint.batch.job import Options, RuleCount
from noticelint.diagnostics import Diagnostic


def render(
    diagnostics: list[Diagnostic],
    name: str,
    options: Options,
    source_lines: Callable[[], list[str]],
) -> str:
    """``diagnostics`` (one file's, sorted) in the run's output format."""
    fmt = options.output
    if options.statistics or fmt is None:
        return ""
    if fmt == "junit":
        from noticelint.output.ci import junit_testcase

        return junit_testcase(name, diagnostics)
    if not diagnostics:
        return ""
    if fmt == "json":
        from noticelint.output.machine import json_rows

        return json_rows(diagnostics)
    if fmt == "jsonl":
        from noticelint.output.machine import render_jsonl

        return render_jsonl(diagnostics)
    if fmt == "concise":
        from noticelint.output.machine import render_concise

        return render_concise(diagnostics)
    if fmt == "github":
        from noticelint.output.ci import render_github

        return render_github(diagnostics)
    if fmt == "sarif":
        from noticelint.output.sarif import sarif_results

        return ",\n".join(sarif_results(diagnostics))
    return _render_full(diagnostics, name, options, source_lines())


def _render_full(
    diagnostics: list[Diagnostic], name: str, options: Options, lines: list[str]
) -> str:
    from noticelint.output.ansi import Palette
    from noticelint.output.full import render_findings

    return render_findings(diagnostics, {name: lines}, Palette(options.color_system), options.width)


def rule_counts(diagnostics: list[Diagnostic]) -> list[RuleCount]:
    counts = Counter(d.code for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fix is not None)
    names = {d.code: d.name for d in diagnostics}
    return [RuleCount(code, names[code], n, fixable[code]) for code, n in counts.items()]
