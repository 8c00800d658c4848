"""The per-file work of a corpus run: read, lint (or take the cached result) and
turn the findings into a :class:`FileResult` — rendered output for ``check``, the
per-file summary for ``report``.

This runs in worker processes (or on dask workers): entry points are top-level
functions taking picklable arguments.
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticelint.batch.budget import OverBudget, within_budget
from noticelint.batch.job import FileResult, Job, Options
from noticelint.batch.render import render, rule_counts
from noticelint.diagnostics import SEVERITY_RANK, Diagnostic
from noticelint.settings import Settings

if TYPE_CHECKING:
    from noticelint.parse import Parsed

WORKER_DIED = "处理该文件的进程意外退出 (worker died)"
OVER_MEMORY = "处理该文件所需内存超过上限 (over the memory budget)"


def timed_out(settings: Settings) -> str:
    return f"处理超时：超过 {settings.timeout:g} 秒，已跳过 (timeout)"


def summarize(parsed: Parsed, diagnostics: list[Diagnostic], path: str) -> dict[str, Any]:
    """The report's row for one file (``FileSummary`` as JSON)."""
    from noticelint.report.model import FileSummary, file_score

    notice = parsed.notice
    sig = notice.signature
    organ = (sig.organ if sig and sig.organ else None) or (
        notice.title.organ if notice.title else None
    )
    date = sig.date if sig else None
    progress = notice.progress_sections()
    leaves = [p for s in progress for p in s.leaf_problems()]
    required = parsed.profile.contact.required
    contact = notice.contact
    have = {
        "phone": bool(contact and contact.phones),
        "address": bool(contact and contact.address),
        "postcode": bool(contact and contact.postcode),
        "email": bool(contact and contact.email),
    }
    counts = _counts(diagnostics)
    parts = {
        "title": notice.title is not None,
        "opening": notice.opening is not None,
        "progress": bool(progress),
        "status_lines": bool(leaves) and all(p.status_lines for p in leaves),
        "closing": notice.closing is not None,
        "disclosure": notice.disclosure is not None,
        "contact": contact is not None and all(have[f] for f in required),
        "signature_organ": bool(sig and sig.organ),
        "signature_date": bool(sig and sig.date),
    }
    score = file_score(parts, diagnostics, parsed.profile.score)
    summary = FileSummary(
        path=path,
        organ=organ,
        date=date.isoformat() if date else None,
        year=date.year if date else None,
        profile=notice.profile,
        title=notice.title.text if notice.title else None,
        areas=sum(len(s.areas) for s in progress),
        problems=len(leaves),
        parts=parts,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        score=score.total if score else None,
        score_parts=score,
        size=len(parsed.document.text),
    ).model_dump(mode="json")
    summary["diagnostics"] = [d.as_dict() for d in diagnostics]
    return summary


def _counts(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def failed(job: Job, message: str, options: Options) -> FileResult:
    """The result for a file that could not be read or processed: NL001."""
    from noticelint.lint import unreadable_diagnostics
    from noticelint.read import ReadError

    diagnostics = unreadable_diagnostics(job.path, ReadError(message), job.settings)
    summary = None
    if options.output is None:
        from noticelint.report.model import FileSummary

        counts = _counts(diagnostics)
        summary = FileSummary(
            path=job.path,
            readable=False,
            error=message,
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            score=None,
        ).model_dump(mode="json")
        summary["diagnostics"] = [d.as_dict() for d in diagnostics]
    return _result(job, diagnostics, options, None, summary, None, lambda: [])


def _result(
    job: Job,
    diagnostics: list[Diagnostic],
    options: Options,
    profile: str | None,
    summary: dict[str, Any] | None,
    text: str | None,
    source_lines: Any,
) -> FileResult:
    counts = _counts(diagnostics)
    threshold = SEVERITY_RANK[job.settings.fail_on]
    return FileResult(
        path=job.path,
        fail=any(SEVERITY_RANK[d.severity] >= threshold for d in diagnostics),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        fixable=sum(1 for d in diagnostics if d.fix is not None),
        profile=profile,
        output=render(diagnostics, job.path, options, source_lines),
        statistics=rule_counts(diagnostics) if options.statistics else [],
        summary=summary,
        text=text,
        diagnostics=[d.as_dict() for d in diagnostics] if options.keep_diagnostics else None,
    )


def process(job: Job, options: Options) -> FileResult:
    """Read, lint and summarise one file (NL001 when it cannot be read, takes longer
    than its time budget or more memory than the worker may use)."""
    try:
        return _process(job, options)
    except MemoryError:
        return failed(job, OVER_MEMORY, options)


def _process(job: Job, options: Options) -> FileResult:
    from noticelint.cache import ResultCache
    from noticelint.read import ReadError, load_bytes
    from noticelint.read.isolate import ReaderFailed, read_untrusted

    started = time.perf_counter()
    settings = job.settings
    path = Path(job.path)
    try:
        data = load_bytes(path, max_bytes=settings.max_bytes)
    except ReadError as exc:
        return failed(job, str(exc), options)
    except OSError as exc:
        return failed(job, f"无法读取文件：{exc.strerror or exc}", options)
    cache = ResultCache(Path(options.cache_dir)) if options.cache_dir else None
    key = None
    want_text = options.include_text and options.output is None
    if cache is not None:
        # The suffix picks the reader: the same bytes as .txt and as .docx differ.
        key = cache.key(data, fingerprint(settings), "report" + path.suffix.lower())
        hit = cache.get(key)
        if hit is not None and (hit.get("text") is not None or not want_text):
            return _from_cache(job, hit, data, options)
    try:
        document = read_untrusted(data, job.path, settings)
    except ReaderFailed as exc:  # a crash or a budget: may pass next time, not cached
        return failed(job, str(exc), options)
    except ReadError as exc:
        result = failed(job, str(exc), options)
        if cache is not None and key is not None and result.summary is not None:
            cache.put(key, {"summary": result.summary, "text": None})
        return result
    from noticelint.lint import check_document  # only on a cache miss: parser and rules

    try:
        parsed, diagnostics = within_budget(
            settings.timeout, lambda: check_document(document, settings)
        )
    except OverBudget:
        return failed(job, timed_out(settings), options)  # not cached: may fit next time
    summary = None
    if cache is not None or options.output is None:
        summary = summarize(parsed, diagnostics, job.path)
        summary["seconds"] = round(time.perf_counter() - started, 6)
        if cache is not None and key is not None:
            cache.put(key, {"summary": summary, "text": document.text if want_text else None})
    text = document.text
    return _result(
        job,
        diagnostics,
        options,
        parsed.notice.profile,
        summary if options.output is None else None,
        text if want_text else None,
        lambda: text.split("\n"),
    )


def _from_cache(job: Job, hit: dict[str, Any], data: bytes, options: Options) -> FileResult:
    """A cached result (maybe for the same bytes under another name)."""
    summary = dict(hit["summary"])
    summary["path"] = job.path
    rows = [{**d, "path": job.path} for d in summary.get("diagnostics", [])]
    summary["diagnostics"] = rows
    diagnostics = [Diagnostic.from_dict(d) for d in rows]

    def source_lines() -> list[str]:
        from noticelint.read import ReadError, read_bytes

        try:
            return read_bytes(data, job.path, max_bytes=job.settings.max_bytes).text.split("\n")
        except ReadError:
            return []

    return _result(
        job,
        diagnostics,
        options,
        summary.get("profile"),
        summary if options.output is None else None,
        hit.get("text") if options.include_text and options.output is None else None,
        source_lines,
    )


@lru_cache(maxsize=64)
def _fingerprint_json(settings_json: str) -> str:
    from noticelint.cache import settings_fingerprint
    from noticelint.profile import bundled_profile, resolve_profile

    settings = Settings.model_validate_json(settings_json)
    if settings.profile is None:  # chosen from the text, which the key already covers
        both = [bundled_profile("xuncha"), bundled_profile("xunshi")]
        return "".join(settings_fingerprint(settings, p) for p in both)
    return settings_fingerprint(settings, resolve_profile(settings, ""))


def fingerprint(settings: Settings) -> str:
    from noticelint.cache import RUN_LIMITS

    return _fingerprint_json(settings.model_dump_json(exclude=RUN_LIMITS))


def process_chunk(jobs: list[Job], options: Options) -> list[FileResult]:
    return [process(job, options) for job in jobs]


def process_stdin(data: bytes, name: str, settings: Settings, options: Options) -> FileResult:
    """Lint text read from standard input (in this process: no pool, no cache)."""
    from noticelint.lint import check_bytes

    diagnostics = check_bytes(data, name, settings)
    return _result(
        Job(name, settings),
        diagnostics,
        options,
        None,
        None,
        None,
        lambda: data.decode("utf-8", errors="replace").splitlines(),
    )


def fixed_result(
    name: str, diagnostics: list[Diagnostic], settings: Settings, options: Options, lines: Any
) -> FileResult:
    """The result of a file after ``--fix`` (what is left to report)."""
    return _result(Job(name, settings), diagnostics, options, None, None, None, lines)
