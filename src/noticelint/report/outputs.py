"""Writing the report files: JSON (the whole :class:`CorpusReport`), CSV (one row
per file) — both streamed — and HTML (``report/html.py``), each atomically
(:func:`atomic_output`): a full disk, an error or SIGTERM half-way leaves the
previous report as it was and no temporary file behind."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from noticelint.output.escape import csv_cell
from noticelint.report.model import PART_NAMES


@contextmanager
def atomic_output(
    path: Path, newline: str | None = None, before_rename: Callable[[], None] | None = None
) -> Iterator[TextIO]:
    """A text file to write the report to: a temporary file in the same folder,
    renamed over ``path`` only when the ``with`` block completes (after ``fsync``);
    removed on any exception (SIGTERM becomes one, see :mod:`noticelint.atomic`).
    ``before_rename`` runs just before that rename (the page's sidecar folder is
    swapped into place there)."""
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
            if before_rename is not None:
                before_rename()
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def sidecar_folder(page: Path) -> Path:
    """The folder of a page's drill-downs: ``report.html`` → ``report.files``."""
    target = page.resolve() if page.is_symlink() else page
    return target.with_name(target.stem + ".files")


@contextmanager
def atomic_page(path: Path) -> Iterator[tuple[TextIO, Path]]:
    """The report page and a temporary folder for its sidecar (its drill-downs).

    The folder is written fully first; then, just before the page is renamed into
    place, the previous run's sidecar folder is moved aside, the new one renamed to
    :func:`sidecar_folder`, and the old one removed after the page's rename. Any
    exception (SIGTERM too) removes the new folder and leaves the previous page and
    its folder as they were."""
    from noticelint.atomic import _terminate_cleanly

    final = sidecar_folder(path)
    with _terminate_cleanly():
        fresh = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}."))
        old: list[Path] = []
        swapped: list[bool] = []

        def swap() -> None:
            os.chmod(fresh, 0o777 & ~_umask())
            if final.is_dir() and not final.is_symlink():
                aside = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}.old."))
                os.replace(final, aside / final.name)
                old.append(aside)
            elif final.exists() or final.is_symlink():
                final.unlink()
            os.replace(fresh, final)
            swapped.append(True)

        try:
            with atomic_output(path, before_rename=swap) as fh:
                yield fh, fresh
        except BaseException:
            shutil.rmtree(final if swapped else fresh, ignore_errors=True)
            for aside in old:  # the page's rename failed: put the old folder back
                os.replace(aside / final.name, final)
                shutil.rmtree(aside, ignore_errors=True)
            raise
        for aside in old:
            shutil.rmtree(aside, ignore_errors=True)


#: Up to this many files the page embeds every drill-down (one file to pass around);
#: above it they go to the sidecar folder, so the page stays small at any corpus size.
EMBED_LIMIT = 100
#: Files per sidecar shard: one drill-down loads one shard (about 0.5 MB).
SHARD_SIZE = 50


def write_html(path: Path, header: dict[str, Any], files: Iterable[dict[str, Any]]) -> None:
    """The report page at ``path``: drill-downs embedded for a corpus of at most
    :data:`EMBED_LIMIT` files, else in shards in :func:`sidecar_folder` — both atomic."""
    from noticelint.report.html import Sidecar, render_html

    folder = sidecar_folder(path)
    if int(header.get("files") or 0) <= EMBED_LIMIT:
        with atomic_output(path) as fh:
            render_html(header, files, fh)
        _remove_stale_sidecar(folder)
        return
    with atomic_page(path) as (fh, fresh):
        render_html(header, files, fh, Sidecar(fresh, quote(folder.name), SHARD_SIZE))


def _remove_stale_sidecar(folder: Path) -> None:
    """A previous, larger run's sidecar folder (only shards inside: never a folder of
    the user's that happens to have that name)."""
    if (
        folder.is_dir()
        and not folder.is_symlink()
        and all(f.is_file() and f.name.startswith("shard-") for f in folder.iterdir())
    ):
        shutil.rmtree(folder, ignore_errors=True)


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
