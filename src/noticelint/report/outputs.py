"""Writing the report files: JSON (the whole :class:`CorpusReport`), CSV (one row
per file) — both streamed — and HTML (``report/html.py``)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from noticelint.report.model import PART_NAMES


def write_json(header: dict[str, Any], results: Iterable[dict[str, Any]], out: TextIO) -> None:
    body = json.dumps(header, ensure_ascii=False, indent=2)
    assert body.endswith("}")
    out.write(body[:-1].rstrip() + ',\n  "per_file": [')
    first = True
    for result in results:
        out.write("\n    " if first else ",\n    ")
        out.write(json.dumps(result["summary"], ensure_ascii=False))
        first = False
    out.write("\n  ]\n}\n")


CSV_COLUMNS = [
    "path", "readable", "organ", "date", "year", "profile", "areas", "problems",
    "errors", "warnings", "infos", "score", *PART_NAMES, "codes", "error",
]  # fmt: skip


def write_csv(results: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for result in results:
        s = result["summary"]
        codes = sorted({d["code"] for d in s.get("diagnostics", [])})
        parts = s.get("parts", {})
        writer.writerow(
            [
                s["path"],
                s.get("readable", True),
                s.get("organ") or "",
                s.get("date") or "",
                s.get("year") or "",
                s.get("profile") or "",
                s.get("areas", 0),
                s.get("problems", 0),
                s["errors"],
                s["warnings"],
                s["infos"],
                "" if s.get("score") is None else s["score"],
                *(int(bool(parts.get(p))) for p in PART_NAMES),
                " ".join(codes),
                s.get("error") or "",
            ]
        )
