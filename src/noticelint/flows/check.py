"""``check``: the three flows — files (through the batch runner, output streamed),
standard input, and fixing (``--fix``, ``--diff``, ``--unsafe-fixes``)."""

from __future__ import annotations

import heapq
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from noticelint.batch.job import FileResult, Job, Options
from noticelint.flows.emit import SORTED_BY_PATH, Emitter
from noticelint.flows.overrides import Overrides, SettingsFactory, UsageError

if TYPE_CHECKING:
    from noticelint.diagnostics import Diagnostic
    from noticelint.settings import Settings

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What ``check`` was asked to do, apart from the settings overrides."""

    targets: list[Path]
    output: str = "full"
    statistics: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    stdin_filename: str | None = None
    jobs: int | None = None
    cache_dir: Path | None = None
    no_cache: bool = False
    verbose: bool = False
    #: Report only findings not in this baseline file (``--baseline``).
    baseline: Path | None = None
    #: Record every current finding in this baseline file (``--write-baseline``).
    write_baseline: Path | None = None

    @property
    def baselined(self) -> bool:
        return self.baseline is not None or self.write_baseline is not None

    @property
    def fixing(self) -> bool:
        """Whether fixes are applied (``--fix``) or shown (``--diff``). As in ruff,
        ``--unsafe-fixes`` alone changes nothing: it widens what those two apply."""
        return self.fix or self.diff


def run_check(request: CheckRequest, overrides: Overrides, warn: Warn) -> int:
    """Run ``check``; return the exit status (raise :class:`UsageError` for bad use)."""
    from noticelint.batch.runner import default_jobs, run_jobs

    factory = SettingsFactory(overrides)
    missing = [p for p in request.targets if str(p) != "-" and not p.exists()]
    for p in missing:
        warn(f"noticelint: {p}: 文件不存在 (no such file or directory)")
    if missing and len(missing) == len(request.targets):
        return EXIT_USAGE
    options = _options(request)
    if request.fixing:
        from noticelint.flows.fix import run_fix

        return run_fix(request, factory, options, warn)
    workers = request.jobs or default_jobs()
    started = None
    if workers > 1 and any(t.is_dir() for t in request.targets):
        from noticelint.batch.pool import prestart

        started = prestart(workers)  # they load the engine while the folders are walked
    stdin_lines: dict[str, list[str]] = {}
    stdin = [
        _stdin_result(request, factory, options, stdin_lines)
        for t in request.targets
        if str(t) == "-"
    ]
    jobs = [Job(str(p), factory(p)) for p in discover_paths(request.targets, factory, warn)]
    if not stdin and not jobs:
        raise UsageError("没有找到可检查的文件 (no input files found)")
    if request.output in SORTED_BY_PATH:
        jobs.sort(key=lambda job: job.path)
        stdin.sort(key=lambda r: r.path)
    results: Iterator[FileResult] = run_jobs(
        jobs, options, workers=workers, max_memory=factory.max_memory(), started=started
    )
    if request.verbose:
        results = _verbose(results, {job.path: job for job in jobs}, warn)
    try:
        ordered = in_order(request.output, stdin, results)
        if request.baselined:
            from noticelint.flows.baseline import run_baselined

            return run_baselined(request, ordered, factory, stdin_lines, warn)
        return emit(ordered, request)
    except RuntimeError as exc:  # the pool cannot start workers
        raise UsageError(str(exc)) from exc


def emit(results: Iterable[FileResult], request: CheckRequest) -> int:
    emitter = Emitter(request.output, request.statistics)
    try:
        for result in results:
            emitter.add(result)
    finally:
        emitter.end()
    return EXIT_FINDINGS if emitter.failed else EXIT_OK


def in_order(fmt: str, first: list[FileResult], rest: Iterable[FileResult]) -> Iterator[FileResult]:
    """Both in path order (they are sorted) or, for JUnit, ``first`` then ``rest``."""
    if fmt in SORTED_BY_PATH:
        return heapq.merge(first, rest, key=lambda r: r.path)
    return _chain(first, rest)


def _chain(first: list[FileResult], rest: Iterable[FileResult]) -> Iterator[FileResult]:
    yield from first
    yield from rest


def _options(request: CheckRequest) -> Options:
    from noticelint.cache import default_cache_dir

    color_system, width, terminal = None, 80, False
    if request.output == "full" and not request.statistics:
        from noticelint.output.terminal import detect

        found = detect(sys.stdout)
        color_system, width, terminal = found.color_system, found.width, found.is_terminal
    return Options(
        cache_dir=None if request.no_cache else str(request.cache_dir or default_cache_dir()),
        output=request.output,
        statistics=request.statistics,
        keep_diagnostics=request.baselined,
        color_system=color_system,
        width=width,
        terminal=terminal,
    )


def _stdin_result(
    request: CheckRequest,
    factory: SettingsFactory,
    options: Options,
    lines: dict[str, list[str]],
) -> FileResult:
    from noticelint.batch.work import process_stdin

    name = request.stdin_filename or "-"
    settings = factory(Path(name) if request.stdin_filename else Path.cwd() / "-")
    data = sys.stdin.buffer.read()
    lines[name] = data.decode("utf-8", errors="replace").split("\n")
    return process_stdin(data, name, settings, options)


def discover_paths(targets: list[Path], factory: SettingsFactory, warn: Warn) -> Iterator[Path]:
    from noticelint.discover import discover

    def skipped(path: Path, reason: str) -> None:
        warn(f"noticelint: {path}: 已跳过：{reason}")

    existing = [t for t in targets if str(t) != "-" and t.exists()]
    return discover(existing, factory.base.suffixes, on_skip=skipped)


def _verbose(
    results: Iterable[FileResult], jobs: dict[str, Job], warn: Warn
) -> Iterator[FileResult]:
    """Say which profile and configuration files each file got (to stderr)."""
    for result in results:
        settings = jobs[result.path].settings
        how = "指定" if settings.profile else "按通报内容自动选择"
        configs = ", ".join(settings.config_sources) or "无"
        warn(f"{result.path}: 规则配置 {result.profile or '-'}（{how}）；配置文件：{configs}")
        yield result


def emit_found(fmt: str, found: list[Diagnostic], names: list[str]) -> int:
    """Write diagnostics found in this process (``check --watch``, ``--baseline``)
    in ``fmt``; the exit status by the default ``fail-on``."""
    from noticelint.batch.work import fixed_result
    from noticelint.settings import Settings

    settings = Settings()
    options = Options(cache_dir=None, output=fmt)
    by_path: dict[str, list[Diagnostic]] = {}
    for d in found:
        by_path.setdefault(d.path, []).append(d)
    order = list(dict.fromkeys([*names, *by_path]))
    if fmt in SORTED_BY_PATH:
        order.sort()
    results = [
        fixed_result(
            name,
            sorted(by_path.get(name, []), key=lambda d: d.sort_key()),
            settings,
            options,
            partial(source_lines, Path(name), settings),
        )
        for name in order
    ]
    return emit(results, CheckRequest(targets=[], output=fmt))


def source_lines(path: Path, settings: Settings) -> list[str]:
    """The lines shown under the diagnostics (read again, in the reading sandbox)."""
    from noticelint.read import ReadError
    from noticelint.read.isolate import read_untrusted

    try:
        return read_untrusted(path, str(path), settings).text.split("\n")
    except ReadError:
        return []
