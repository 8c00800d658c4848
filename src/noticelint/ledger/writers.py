"""Writing the ledger: xlsx (sheets 台账 and 汇总), CSV (UTF-8 with a BOM) and JSON.

Every file is written to a temporary file next to the target and moved over it
when complete, so a failed run never leaves half a ledger. Text cells that a
spreadsheet would take for a formula (= + - @ at the start) are neutralised in the
CSV with a leading apostrophe; the xlsx stores every text as a string cell, which
a spreadsheet never evaluates.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from noticelint.ledger.collect import OrganTally
from noticelint.ledger.rows import COLUMNS, FLAGS

#: Column headers of the 台账 sheet (the CSV and JSON use the machine names).
HEADERS: dict[str, str] = {
    "path": "文件",
    "line": "行",
    "organ": "机关",
    "signature_date": "成文日期",
    "inspection_body": "巡察组",
    "inspection_start": "巡察开始",
    "inspection_end": "巡察结束",
    "feedback_date": "反馈日期",
    "section": "部分",
    "area_number": "方面序号",
    "area": "方面",
    "problem_number": "问题序号",
    "parent_problem": "上级问题",
    "problem": "问题",
    "measures": "措施数",
    "measures_text": "整改措施",
    "status_class": "进展类别",
    "status_text": "整改进展",
    "deadlines": "完成时限",
    "disclosure_start": "公开开始",
    "disclosure_end": "公开结束",
    "codes": "检查发现",
    "flags": "提示",
}
WIDTHS: dict[str, int] = {
    "path": 26, "line": 6, "organ": 22, "inspection_body": 16, "section": 24,
    "area_number": 6, "area": 30, "problem_number": 6, "parent_problem": 28,
    "problem": 40, "measures": 7, "measures_text": 60, "status_class": 11,
    "status_text": 30, "deadlines": 12, "codes": 14, "flags": 20,
}  # fmt: skip
DATE_COLUMNS = frozenset(
    {"signature_date", "inspection_start", "inspection_end", "feedback_date",
     "disclosure_start", "disclosure_end"}
)  # fmt: skip
WRAPPED = frozenset(
    {"section", "area", "parent_problem", "problem", "measures_text", "status_text", "flags"}
)
#: Fill colours of the 进展类别 cells, by status class (None: no status).
STATUS_COLOURS: dict[str | None, str] = {
    "done": "#C6EFCE",
    "long_term": "#DDEBF7",
    "partial": "#FFEB9C",
    "in_progress": "#FCE4D6",
    "unknown": "#EDEDED",
    None: "#FFC7CE",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A text a spreadsheet would not run as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def cell_text(column: str, value: Any) -> str:
    """A row value as one text cell (lists joined, flags in Chinese)."""
    if value is None:
        return ""
    if column == "flags":
        return "；".join(FLAGS.get(f, f) for f in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path next to ``target``, moved over it when the block succeeds."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(target: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    with atomic_path(target) as tmp, tmp.open("w", encoding=encoding, newline="") as fh:
        yield fh


def write_csv(rows: Iterable[dict[str, Any]], target: Path) -> None:
    """UTF-8 with a BOM (Excel then reads the Chinese correctly), one row per problem."""
    with atomic_text(target, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([neutralise(cell_text(c, row.get(c))) for c in COLUMNS])


def write_json(
    rows: Iterable[dict[str, Any]],
    summary: list[OrganTally],
    skipped: list[dict[str, Any]],
    target: Path,
) -> None:
    """``{"columns", "rows": [...], "summary": [...], "skipped": [...]}``, rows streamed."""
    with atomic_text(target) as fh:
        fh.write('{\n  "columns": ' + json.dumps(COLUMNS, ensure_ascii=False) + ',\n  "rows": [')
        for i, row in enumerate(rows):
            fh.write(("\n    " if i == 0 else ",\n    ") + json.dumps(row, ensure_ascii=False))
        tallies = json.dumps([t.as_dict() for t in summary], ensure_ascii=False)
        fh.write(f'\n  ],\n  "summary": {tallies},\n')
        fh.write(f'  "skipped": {json.dumps(skipped, ensure_ascii=False)}\n}}\n')


def iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
