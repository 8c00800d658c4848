"""``check --fix`` / ``--unsafe-fixes`` / ``--diff``: fix file after file in this
process, then report what is left (``--diff``: print the diffs instead). With
standard input, the fixed text goes to stdout and the findings to stderr."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.batch.job import FileResult, Options
from noticelint.flows.check import (
    EXIT_FINDINGS,
    EXIT_OK,
    CheckRequest,
    Warn,
    discover_paths,
    emit,
    in_order,
    source_lines,
)
from noticelint.flows.emit import SORTED_BY_PATH
from noticelint.flows.overrides import SettingsFactory, UsageError

if TYPE_CHECKING:
    from noticelint.diagnostics import Diagnostic
    from noticelint.lint import FixOutcome
    from noticelint.settings import Settings


class _Fixer:
    def __init__(self, request: CheckRequest, options: Options, warn: Warn) -> None:
        self.request = request
        self.options = options
        self.warn = warn
        self.fixed_total = 0
        self.would_fix = False
        self.diffs: list[str] = []
        self.findings: list[Diagnostic] = []  # every file's (for a stdin fix)

    def outcome(self, outcome: FixOutcome, name: str) -> None:
        if outcome.note:
            self.warn(f"noticelint: {name}: {outcome.note}")
        if self.request.diff:
            if outcome.diff:
                self.diffs.append(outcome.diff)
                self.would_fix = True
        else:
            self.fixed_total += outcome.applied if outcome.written else 0

    def stdin(self, factory: SettingsFactory) -> FileResult:
        from noticelint.batch.work import fixed_result
        from noticelint.lint import check_bytes, fix_file
        from noticelint.read import ReadError
        from noticelint.read.isolate import read_untrusted

        request = self.request
        name = request.stdin_filename or "-"
        settings = factory(Path(name) if request.stdin_filename else Path.cwd() / "-")
        data = sys.stdin.buffer.read()

        def lines() -> list[str]:
            return data.decode("utf-8", errors="replace").splitlines()

        try:
            document = read_untrusted(data, name, settings)
        except ReadError:
            found = check_bytes(data, name, settings)
            self.findings.extend(found)
            return fixed_result(name, found, settings, self.options, lines)
        outcome = fix_file(document, settings, unsafe=request.unsafe_fixes, write=False)
        self.outcome(outcome, name)
        self.findings.extend(outcome.diagnostics)
        if not request.diff:  # --fix on stdin: the fixed text goes to stdout
            fixed = outcome.fixed  # unfixed: the input byte for byte
            sys.stdout.buffer.write(fixed.encode(fixed.original) if fixed else data)
        return fixed_result(name, outcome.diagnostics, settings, self.options, lines)

    def path(self, path: Path, settings: Settings) -> FileResult:
        from noticelint.batch.work import fixed_result
        from noticelint.lint import fix_path

        outcome = fix_path(
            path, settings, unsafe=self.request.unsafe_fixes, write=not self.request.diff
        )
        self.outcome(outcome, str(path))
        self.findings.extend(outcome.diagnostics)
        unreadable = all(d.code == "NL001" for d in outcome.diagnostics)

        def lines() -> list[str]:  # an unreadable file is not read a second time
            return [] if unreadable else source_lines(path, settings)

        return fixed_result(str(path), outcome.diagnostics, settings, self.options, lines)


def run_fix(request: CheckRequest, factory: SettingsFactory, options: Options, warn: Warn) -> int:
    fixer = _Fixer(request, options, warn)
    stdin: list[FileResult] = []
    files: list[FileResult] = []
    for target in request.targets:
        if str(target) == "-":
            stdin.append(fixer.stdin(factory))
        elif target.exists():
            for path in discover_paths([target], factory, warn):
                files.append(fixer.path(path, factory(path)))
                gc.enable()  # the engine is loaded (entry.py held collection off till now)
    if not stdin and not files:
        raise UsageError("没有找到可检查的文件 (no input files found)")
    if request.diff:
        sys.stdout.write("".join(fixer.diffs))
        return EXIT_FINDINGS if fixer.would_fix else EXIT_OK
    stdin_fix = bool(stdin)
    if stdin_fix:  # stdout carries the fixed text; diagnostics go to stderr
        from noticelint.diagnostics import Diagnostic
        from noticelint.output.machine import render_concise

        sys.stderr.write(render_concise(sorted(fixer.findings, key=Diagnostic.sort_key)))
        failed = any(r.fail for r in [*stdin, *files])
    else:
        if request.output in SORTED_BY_PATH:
            files.sort(key=lambda r: r.path)
        failed = emit(in_order(request.output, [], files), request) == EXIT_FINDINGS
    if request.fix and fixer.fixed_total and request.output in ("full", "concise"):
        warn(f"已修复 {fixer.fixed_total} 个问题 (fixed {fixer.fixed_total}).")
    if request.fix and request.output in ("full", "concise"):
        from noticelint.output.summary_line import unsafe_fix_hint

        if hint := unsafe_fix_hint(fixer.findings, unsafe=request.unsafe_fixes):
            warn(hint)
    return EXIT_FINDINGS if failed else EXIT_OK
