"""Streaming aggregation: per-file results in, corpus figures out.

Memory does not grow with the corpus beyond a few numbers per file: each file's
full result (its diagnostics and, optionally, its text) is spilled to a temporary
JSON-lines file as it arrives, and only running totals per rule, organ and year,
plus each file's path and spill offset, stay in memory. The outputs (JSON, CSV,
HTML) are then written by streaming the spill file in path order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import orjson

from noticelint import __version__
from noticelint.batch.job import FileResult
from noticelint.batch.spill import PathSpill
from noticelint.report.model import PART_NAMES, CorpusReport, GroupRow, RuleRow


class _Group:
    __slots__ = ("errors", "files", "infos", "score", "scored", "warnings")

    def __init__(self) -> None:
        self.files = 0
        self.errors = 0
        self.warnings = 0
        self.infos = 0
        self.score = 0.0
        self.scored = 0  # files with a score (notices)

    def row(self, key: str) -> GroupRow:
        return GroupRow(
            key=key,
            files=self.files,
            errors=self.errors,
            warnings=self.warnings,
            infos=self.infos,
            score=round(self.score / self.scored, 2) if self.scored else None,
        )


def _encode(entry: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(entry) + b"\n"
    except TypeError:  # surrogatepass: a file name with undecodable bytes round-trips
        return json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"


def _decode(line: bytes) -> dict[str, Any]:
    try:
        data: dict[str, Any] = orjson.loads(line)
    except orjson.JSONDecodeError:
        data = json.loads(line.decode("utf-8", "surrogatepass"))
    return data


class Aggregator:
    """Collects per-file results; use as a context manager (it owns a temp file)."""

    def __init__(self) -> None:
        self._spill = PathSpill()
        self.files = 0
        self.readable = 0
        self.severity: Counter[str] = Counter()
        self.score_sum = 0.0
        self.scored = 0
        self.unscored: list[str] = []  # files that are not notices: no score
        self.parts: Counter[str] = Counter()
        self.rule_files: Counter[str] = Counter()
        self.rule_diags: Counter[str] = Counter()
        self.organs: dict[str, _Group] = defaultdict(_Group)
        self.years: dict[str, _Group] = defaultdict(_Group)

    def __enter__(self) -> Aggregator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._spill.close()

    def add(self, result: FileResult) -> None:
        s = result.summary
        assert s is not None, "a report run's results carry their summary"
        line = _encode({"summary": s, "text": result.text})
        self._spill.add(s["path"], line)
        self.files += 1
        diags = s.get("diagnostics", [])
        for d in diags:
            self.severity[d["severity"]] += 1
            self.rule_diags[d["code"]] += 1
        for code in {d["code"] for d in diags}:
            self.rule_files[code] += 1
        score = s.get("score")
        if score is None:
            self.unscored.append(s["path"])
        else:
            self.score_sum += score
            self.scored += 1
        if s.get("readable", True):
            self.readable += 1
            for part, present in s.get("parts", {}).items():
                if present:
                    self.parts[part] += 1
        for groups, key in (
            (self.organs, s.get("organ") or "（未识别）"),
            (self.years, s.get("year")),
        ):
            g = groups[str(key) if key is not None else "（未识别）"]
            g.files += 1
            g.errors += s["errors"]
            g.warnings += s["warnings"]
            g.infos += s["infos"]
            if score is not None:
                g.score += score
                g.scored += 1

    def results(self) -> Iterator[dict[str, Any]]:
        """Every file's result, in path order, read back from the spill file."""
        for record in self._spill.in_path_order():
            yield _decode(record)

    def header(self) -> dict[str, Any]:
        """The corpus figures (a :class:`CorpusReport` without ``per_file``)."""
        from noticelint.rules import REGISTRY

        readable = self.readable or 1
        rules = []
        for code in sorted(REGISTRY):
            cls = REGISTRY[code]
            rules.append(
                RuleRow(
                    code=code,
                    name=cls.name,
                    severity=cls.severity,
                    summary=cls.summary(),
                    files=self.rule_files[code],
                    diagnostics=self.rule_diags[code],
                    pass_rate=round(1 - self.rule_files[code] / readable, 4)
                    if self.readable
                    else 0.0,
                )
            )
        top = sorted(
            (r for r in rules if r.diagnostics), key=lambda r: (-r.files, -r.diagnostics, r.code)
        )[:10]
        organs = sorted((g.row(k) for k, g in self.organs.items()), key=lambda r: (-r.files, r.key))
        years = sorted((g.row(k) for k, g in self.years.items()), key=lambda r: r.key)
        report = CorpusReport(
            version=__version__,
            generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            files=self.files,
            readable=self.readable,
            unreadable=self.files - self.readable,
            errors=self.severity["error"],
            warnings=self.severity["warning"],
            infos=self.severity["info"],
            score=round(self.score_sum / self.scored, 2) if self.scored else None,
            scored=self.scored,
            unscored=sorted(self.unscored),
            completeness={
                part: round(self.parts[part] / readable, 4) if self.readable else 0.0
                for part in PART_NAMES
            },
            rules=rules,
            organs=organs,
            years=years,
            top=top,
            per_file=[],
        )
        data = report.model_dump(mode="json")
        del data["per_file"]
        return data
