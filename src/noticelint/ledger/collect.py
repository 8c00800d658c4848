"""Streaming the per-file ledgers: spilled to a temporary file as they arrive, read
back in path order; only the 汇总 tallies and a path/offset index stay in memory."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from noticelint.batch.spill import PathSpill

#: The 汇总 columns after organ/notices/problems: status classes (None: no status).
SHARES: dict[str | None, str] = {
    "done": "已完成",
    "long_term": "长期坚持",
    "partial": "阶段性完成",
    "in_progress": "正在推进",
    "unknown": "其他进展",
    None: "无整改进展",
}
UNKNOWN_ORGAN = "（未识别）"


@dataclass(slots=True)
class OrganTally:
    organ: str
    notices: int = 0
    problems: int = 0
    statuses: Counter[str | None] = field(default_factory=Counter)

    def share(self, status: str | None) -> float:
        return round(self.statuses[status] / self.problems, 4) if self.problems else 0.0

    def as_dict(self) -> dict[str, Any]:
        shares = {f"share_{key or 'no_status'}": self.share(key) for key in SHARES}
        return {"organ": self.organ, "notices": self.notices, "problems": self.problems, **shares}


class LedgerCollector:
    """Per-file ledger results in; rows in path order and per-organ tallies out."""

    def __init__(self) -> None:
        self._spill = PathSpill()
        self.organs: dict[str, OrganTally] = {}
        self.skipped: list[dict[str, Any]] = []  # files that are not notices / unreadable
        self.files = 0
        self.rows = 0

    def __enter__(self) -> LedgerCollector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._spill.close()

    def add(self, result: dict[str, Any]) -> None:
        self.files += 1
        if not result["readable"] or not result["notice"]:
            reason = result["error"] or "不是整改进展情况通报 (NL002)"
            self.skipped.append({"path": result["path"], "reason": reason})
            return
        rows = result["rows"]
        line = json.dumps(rows, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        self._spill.add(result["path"], line)
        self.rows += len(rows)
        organ = result["organ"] or UNKNOWN_ORGAN
        tally = self.organs.setdefault(organ, OrganTally(organ))
        tally.notices += 1
        tally.problems += len(rows)
        tally.statuses.update(row["status_class"] for row in rows)

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        """Every row: files in path order, rows in document order."""
        for record in self._spill.in_path_order():
            yield from json.loads(record.decode("utf-8", "surrogatepass"))

    def summary(self) -> list[OrganTally]:
        """Per organ (most problems first), then a 合计 row."""
        rows = sorted(self.organs.values(), key=lambda t: (-t.problems, t.organ))
        total = OrganTally("合计")
        for t in rows:
            total.notices += t.notices
            total.problems += t.problems
            total.statuses.update(t.statuses)
        return [*rows, total]
