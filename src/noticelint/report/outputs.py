"""Writing the report files: JSON (the whole :class:`CorpusReport`), CSV (one row
per file) — both streamed — and HTML (``report/html.py``), each atomically
(:func:`atomic_output`): a full disk, an error or SIGTERM half-way leaves the
previous report as it was and no temporary file behind."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from noticelint.output.escape import csv_cell
from noticelint.report.model import PART_NAMES


@contextmanager
def atomic_output(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A text file to write the report to: a temporary file in the same folder,
    renamed over ``path`` only when the ``with`` block completes (after ``fsync``);
    removed on any exception (SIGTERM becomes one, see :mod:`noticelint.atomic`)."""
    from noticelint.atomic import _terminate_cleanly

    target = path.resolve() if path.is_symlink() else path
    with _terminate_cleanly():
        fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.")
        try:
            # backslashreplace: an undecodable byte in a file name shows as \udcff
            with os.fdopen(
                fd, "w", encoding="utf-8", errors="backslashreplace", newline=newline
            ) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


#: One row per file. Flags are 0/1 (``readable`` and the ``has_*`` parts); ``title``
#: is the notice's title as written (empty when it has none).
CSV_COLUMNS = [
    "path", "title", "readable", "organ", "date", "year", "profile", "areas", "problems",
    "errors", "warnings", "infos", "score", *(f"has_{p}" for p in PART_NAMES), "codes",
    "error",
]  # fmt: skip


def write_csv(results: Iterable[dict[str, Any]], out: TextIO) -> None:
    """The CSV report, UTF-8 with a BOM (so that Excel reads the Chinese correctly);
    every cell neutralised against formulas (:func:`csv_cell`)."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for result in results:
        s = result["summary"]
        codes = sorted({d["code"] for d in s.get("diagnostics", [])})
        parts = s.get("parts", {})
        writer.writerow(
            csv_cell(cell)
            for cell in [
                s["path"],
                s.get("title") or "",
                _flag(s.get("readable", True)),
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
                *(_flag(parts.get(p)) for p in PART_NAMES),
                " ".join(codes),
                s.get("error") or "",
            ]
        )


def _flag(value: object) -> int:
    """A yes/no cell: 1 or 0 (never True/False or empty)."""
    return int(bool(value))
