"""The per-file ledger work, run by the corpus runner (``report.runner.run_jobs``
with ``chunk_work=ledger_chunk``): same worker pool, results cache and dask path as
``report``. Top-level functions with picklable arguments only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticelint.report.summary import Job, Options, OverBudget, _fingerprint, within_budget

if TYPE_CHECKING:
    from noticelint.parse import Parsed

#: Codes that say a file is not a notice: it gets no rows and is listed apart.
NOT_A_NOTICE = frozenset({"NL001", "NL002"})


def _unreadable(job: Job, message: str) -> dict[str, Any]:
    """A file that could not be read (or took too long): no rows, NL001's severity."""
    from noticelint.lint import unreadable_diagnostics
    from noticelint.read import ReadError

    diags = unreadable_diagnostics(job.path, ReadError(message), job.settings)
    return _result(job.path, error=message, severities=[d.severity for d in diags])


def _result(path: str, *, error: str | None = None, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "path": path,
        "readable": error is None,
        "error": error,
        "notice": False,
        "organ": None,
        "rows": [],
        "severities": [],
    }
    return {**base, **fields}


def ledger_file(job: Job, options: Options) -> dict[str, Any]:
    """One file's ledger: ``{"path", "readable", "error", "notice", "organ", "rows",
    "severities"}`` (rows as dicts in document order; severities of its findings)."""
    from noticelint.cache import ResultCache
    from noticelint.read import ReadError, load_bytes
    from noticelint.read.isolate import ReaderFailed, read_untrusted

    settings = job.settings
    try:
        data = load_bytes(Path(job.path), max_bytes=settings.max_bytes)
    except ReadError as exc:
        return _unreadable(job, str(exc))
    except OSError as exc:
        return _unreadable(job, f"无法读取文件：{exc.strerror or exc}")
    cache = ResultCache(Path(options.cache_dir)) if options.cache_dir else None
    key = None
    if cache is not None:
        key = cache.key(data, _fingerprint(settings), "ledger" + Path(job.path).suffix.lower())
        hit = cache.get(key)
        if isinstance(hit, dict):
            moved = [{**row, "path": job.path} for row in hit["rows"]]
            return {**hit, "path": job.path, "rows": moved}
    try:  # the format readers run sandboxed, as for `report`
        document = read_untrusted(data, job.path, settings)
    except (ReaderFailed, ReadError) as exc:
        return _unreadable(job, str(exc))
    from noticelint.ledger.rows import ledger_rows
    from noticelint.lint import check_document

    try:
        parsed, diagnostics = within_budget(
            settings.timeout, lambda: check_document(document, settings)
        )
    except OverBudget:
        message = f"处理超时：超过 {settings.timeout:g} 秒，已跳过 (timeout)"
        return _unreadable(job, message)  # not cached: may fit next time
    rows = ledger_rows(parsed, diagnostics, job.path)
    head = rows[0] if rows else None
    result = _result(
        job.path,
        notice=not any(d.code in NOT_A_NOTICE for d in diagnostics),
        organ=head.organ if head else _organ(parsed),
        rows=[row.as_dict() for row in rows],
        severities=sorted({d.severity for d in diagnostics}),
    )
    if cache is not None and key is not None:
        cache.put(key, result)
    return result


def _organ(parsed: Parsed) -> str | None:
    sig, title = parsed.notice.signature, parsed.notice.title
    return (sig.organ if sig and sig.organ else None) or (title.organ if title else None)


def ledger_chunk(jobs: list[Job], options: Options) -> list[dict[str, Any]]:
    """The ledger of each file of a chunk, with ``"fail"`` as ``report`` decides it."""
    from noticelint.diagnostics import SEVERITY_RANK

    out = []
    for job in jobs:
        result = ledger_file(job, options)
        threshold = SEVERITY_RANK[job.settings.fail_on]
        result["fail"] = any(SEVERITY_RANK[s] >= threshold for s in result["severities"])
        out.append(result)
    return out
