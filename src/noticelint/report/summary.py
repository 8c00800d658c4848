"""Per-file work for corpus runs: read, parse, lint and summarise one file.

This runs in worker processes (or on dask workers), so the entry points are plain
top-level functions taking picklable arguments.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from noticelint.diagnostics import Diagnostic
from noticelint.report.model import FileSummary, file_score
from noticelint.settings import Settings

if TYPE_CHECKING:
    from noticelint.parse import Parsed


def summarize(parsed: Parsed, diagnostics: list[Diagnostic], path: str) -> FileSummary:
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
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[d.severity] += 1
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
    return FileSummary(
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
        diagnostics=diagnostics,
        size=len(parsed.document.text),
    )


class OverBudget(Exception):
    """A file took longer than the per-file time budget."""


T = TypeVar("T")


def within_budget(seconds: float, work: Callable[[], T]) -> T:
    """Run ``work``, raising :class:`OverBudget` after ``seconds`` (0: no budget).

    Uses a POSIX interval timer, so it applies in the main thread of a process (the
    CLI and its worker processes); elsewhere (dask threads) the work runs unbounded.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return work()

    def expire(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Job:
    """One file to process (picklable)."""

    path: str
    settings: Settings


@dataclass(frozen=True)
class Options:
    cache_dir: str | None
    include_text: bool


def _unreadable(path: str, message: str, settings: Settings) -> dict[str, Any]:
    """The result for a file that could not be read (or took too long): NL001."""
    from noticelint.lint import unreadable_diagnostics
    from noticelint.read import ReadError

    diags = unreadable_diagnostics(path, ReadError(message), settings)
    summary = FileSummary(
        path=path,
        readable=False,
        error=message,
        errors=sum(d.severity == "error" for d in diags),
        warnings=sum(d.severity == "warning" for d in diags),
        infos=sum(d.severity == "info" for d in diags),
        score=None,
        diagnostics=diags,
    )
    return {"summary": summary.model_dump(mode="json"), "text": None}


def process(job: Job, options: Options) -> dict[str, Any]:
    """Summarise one file: ``{"summary": FileSummary dict, "text": str | None}``."""
    from noticelint.cache import ResultCache
    from noticelint.read import ReadError, load_bytes
    from noticelint.read.isolate import ReaderFailed, read_untrusted

    started = time.perf_counter()
    settings = job.settings
    path = Path(job.path)
    try:
        data = load_bytes(path, max_bytes=settings.max_bytes)
    except ReadError as exc:
        return _unreadable(job.path, str(exc), settings)
    except OSError as exc:
        return _unreadable(job.path, f"无法读取文件：{exc.strerror or exc}", settings)
    cache = ResultCache(Path(options.cache_dir)) if options.cache_dir else None
    key = None
    if cache is not None:
        # The suffix picks the reader: the same bytes as .txt and as .docx differ.
        key = cache.key(data, _fingerprint(settings), "report" + path.suffix.lower())
        hit = cache.get(key)
        if hit is not None and (hit.get("text") is not None or not options.include_text):
            return _relocated(hit, job.path)
    try:
        document = read_untrusted(data, job.path, settings)
    except ReaderFailed as exc:  # a crash or a budget: may pass next time, not cached
        return _unreadable(job.path, str(exc), settings)
    except ReadError as exc:
        result = _unreadable(job.path, str(exc), settings)
    else:
        from noticelint.lint import check_document  # only on a cache miss: parser and rules

        try:
            parsed, diagnostics = within_budget(
                settings.timeout, lambda: check_document(document, settings)
            )
        except OverBudget:
            message = f"处理超时：超过 {settings.timeout:g} 秒，已跳过 (timeout)"
            return _unreadable(job.path, message, settings)  # not cached: may fit next time
        summary = summarize(parsed, diagnostics, job.path)
        summary.seconds = round(time.perf_counter() - started, 6)
        result = {
            "summary": summary.model_dump(mode="json"),
            "text": document.text if options.include_text else None,
        }
    if cache is not None and key is not None:
        cache.put(key, result)
    return result


@lru_cache(maxsize=64)
def _fingerprint_json(settings_json: str) -> str:
    from noticelint.cache import settings_fingerprint
    from noticelint.profile import bundled_profile, resolve_profile

    settings = Settings.model_validate_json(settings_json)
    if settings.profile is None:  # chosen from the text, which the key already covers
        both = [bundled_profile("xuncha"), bundled_profile("xunshi")]
        return "".join(settings_fingerprint(settings, p) for p in both)
    return settings_fingerprint(settings, resolve_profile(settings, ""))


def _fingerprint(settings: Settings) -> str:
    return _fingerprint_json(
        settings.model_dump_json(exclude={"config_sources", "timeout", "max_memory"})
    )


def _relocated(hit: dict[str, Any], path: str) -> dict[str, Any]:
    """A cached result for the same bytes found under another name."""
    summary = dict(hit["summary"])
    summary["path"] = path
    summary["diagnostics"] = [{**d, "path": path} for d in summary.get("diagnostics", [])]
    return {"summary": summary, "text": hit.get("text")}


def process_chunk(jobs: list[Job], options: Options) -> list[dict[str, Any]]:
    from noticelint.diagnostics import SEVERITY_RANK

    out = []
    for job in jobs:
        result = process(job, options)
        threshold = SEVERITY_RANK[job.settings.fail_on]
        result["fail"] = any(
            SEVERITY_RANK[d["severity"]] >= threshold for d in result["summary"]["diagnostics"]
        )
        out.append(result)
    return out
