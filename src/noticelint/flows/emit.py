"""Writing ``check``'s output as the results arrive: each file's part was rendered by
the worker that linted it; here they are framed and concatenated, and counted for
the summary line and the exit code. Nothing per diagnostic is kept."""

from __future__ import annotations

import io
import sys
from collections import Counter
from typing import IO, TextIO

from noticelint.batch.job import FileResult, RuleCount

#: The formats whose files appear in path order (the others: in the order checked).
SORTED_BY_PATH = frozenset({"full", "concise", "json", "jsonl", "sarif", "github"})


class Emitter:
    """Writes one run's output to ``out``: ``add`` each file's result, then ``end``."""

    def __init__(self, fmt: str, statistics: bool, out: TextIO | None = None) -> None:
        self.fmt = fmt
        self.statistics = statistics
        self.out = out or sys.stdout
        self.files = 0
        self.failed = False
        self.severity: Counter[str] = Counter()
        self.fixable = 0
        self._parts = 0
        self._rules: dict[str, RuleCount] = {}
        # JUnit's counts come first: its testcases wait in a spill file, not in memory
        # (the other formats never write there: no file is made for them).
        self._junit = _spill_file() if fmt == "junit" else io.StringIO()
        self._failing = 0
        self._junit_tests = 0
        self._sarif: tuple[str, str] | None = None

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.failed = self.failed or result.fail
        self.severity["error"] += result.errors
        self.severity["warning"] += result.warnings
        self.severity["info"] += result.infos
        self.fixable += result.fixable
        if self.statistics:
            for row in result.statistics:
                entry = self._rules.setdefault(row.code, RuleCount(row.code, row.name, 0, 0))
                entry.count += row.count
                entry.fixable += row.fixable
            return
        if self.fmt == "junit":
            self._junit.write(result.output)
            self._junit_tests += max(1, result.findings)  # a clean file is one testcase
            self._failing += result.findings
            return
        if not result.output:
            return
        if self.fmt == "json":
            self.out.write(("[\n" if not self._parts else ",\n") + result.output)
        elif self.fmt == "sarif":
            if self._sarif is None:
                self._sarif = _sarif_envelope()
                self.out.write(self._sarif[0])
            else:
                self.out.write(",\n")
            self.out.write(result.output)
        else:
            self.out.write(result.output)
        self._parts += 1

    def end(self) -> None:
        try:
            self._end()
        finally:
            self._junit.close()

    def _end(self) -> None:
        out = self.out
        if self.statistics:
            _write_statistics(self.fmt, self._rules, out)
        elif self.fmt == "json":
            out.write("\n]\n" if self._parts else "[]\n")
        elif self.fmt == "sarif":
            if self._sarif is None:
                head, tail = _sarif_envelope()
                out.write(head.rstrip() + tail.lstrip() + "\n")
            else:
                out.write(self._sarif[1] + "\n")
        elif self.fmt == "junit":
            from noticelint.output.ci import JUNIT_TAIL, junit_head

            out.write(junit_head(self._junit_tests, self._failing))
            self._junit.seek(0)
            while block := self._junit.read(1 << 16):
                out.write(block)
            out.write(JUNIT_TAIL)
        elif self.fmt == "concise":
            from noticelint.output.summary_line import summary_text

            out.write(summary_text(self.severity, self.fixable, self.files) + "\n")
        elif self.fmt == "full":
            from noticelint.output.ansi import Palette
            from noticelint.output.full import summary_line
            from noticelint.output.terminal import detect

            palette = Palette(detect(out).color_system)
            out.write(summary_line(palette, self.severity, self.fixable, self.files))


def _spill_file() -> IO[str]:
    import tempfile

    return tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")


def _sarif_envelope() -> tuple[str, str]:
    from noticelint.output.sarif import sarif_envelope

    return sarif_envelope()


def _write_statistics(fmt: str, rules: dict[str, RuleCount], out: TextIO) -> None:
    rows = sorted(rules.values(), key=lambda r: (-r.count, r.code))
    if fmt in ("json", "jsonl"):
        import json

        data = [
            {"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable} for r in rows
        ]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for r in rows:
        mark = "*" if r.fixable else " "
        out.write(f"{r.count:>6}  {r.code} {mark} {r.name}\n")
    out.write(f"共 {sum(r.count for r in rows)} 个问题（* 表示可自动修复）。\n")
