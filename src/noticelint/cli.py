"""The command line (contract: ``shared/spec/cli.md``).

Heavy modules (rich, the parser, format readers) are imported inside the commands
that need them, so ``noticelint check one.txt`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from noticelint import __version__
from noticelint.helpformat import NoticeCommand, NoticeGroup

if TYPE_CHECKING:
    from noticelint.baseline import Baseline
    from noticelint.batch.job import FileResult, Job
    from noticelint.batch.pool import Started
    from noticelint.diagnostics import Diagnostic
    from noticelint.flows.overrides import Overrides, SettingsFactory
    from noticelint.ledger.collect import LedgerCollector
    from noticelint.settings import Settings

app = typer.Typer(
    name="noticelint",
    help="巡察/巡视整改进展情况通报的合规检查工具（compliance linter for rectification-progress notices）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=NoticeGroup,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OutputFormat(StrEnum):
    full = "full"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class ParseFormat(StrEnum):
    tree = "tree"
    json = "json"


class RuleFormat(StrEnum):
    text = "text"
    json = "json"


# Options shared by `check` and `report`.
SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select", metavar="CODES", help="只检查这些规则或前缀，如 NL2,NL301（select）。"
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="CODES", help="不检查这些规则或前缀（ignore）。"),
]
ExtendSelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select", metavar="CODES", help="在已选规则之外再加这些规则（extend select）。"
    ),
]
ProfileOpt = Annotated[
    str | None,
    typer.Option(
        "--profile",
        metavar="PROFILE",
        help="规则配置：xuncha、xunshi、strict 或 .toml 文件路径（profile）。",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="配置文件，默认向上查找 noticelint.toml 或 pyproject.toml（config file）。",
    ),
]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="达到此严重级别即以退出码 1 结束，默认 warning（fail level）。"),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", metavar="N", help="工作进程数，默认为全部 CPU 核（worker processes）。"
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="不使用结果缓存（no cache）。")]
CacheDirOpt = Annotated[
    Path | None, typer.Option("--cache-dir", metavar="DIR", help="结果缓存目录（cache folder）。")
]
MaxFileSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-file-size",
        metavar="SIZE",
        help="单个文件大小上限，如 10MB，默认 10MB（file size limit）。",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline", metavar="FILE", help="只报告基线文件中没有记录的问题（new findings only）。"
    ),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        help="每个文件的处理时限，单位秒，默认 30，0 为不限（per-file time limit）。",
    ),
]
MaxMemoryOpt = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        metavar="SIZE",
        help="读取和检查单个文件可用的内存上限，如 2GB，默认 2GB（memory limit）。",
    ),
]
IsolatedOpt = Annotated[
    bool,
    typer.Option("--isolated", help="忽略所有配置文件（ignore all configuration files）。"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"noticelint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="显示版本（show version）。"
        ),
    ] = None,
) -> None:
    """巡察/巡视整改进展情况通报的合规检查工具。"""


def _fail(message: str) -> None:
    typer.echo(f"noticelint: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command(cls=NoticeCommand)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="路径",
            help="文件、文件夹或 -（标准输入）；不指定时检查当前文件夹（paths）。",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", help="输出格式（output format）。")
    ] = OutputFormat.full,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    fail_on: FailOnOpt = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="只输出每条规则的问题数（counts per rule）。")
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="就地应用安全修复（apply safe fixes in place）。")
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="与 --fix 或 --diff 同用：也应用不安全修复（with --fix or --diff）。",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="输出修复的统一差异，不修改文件（print a diff, write nothing）。"
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="FILE",
            help="读标准输入（-）时报告使用的文件名（name for stdin）。",
        ),
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    max_file_size: MaxFileSizeOpt = None,
    timeout: TimeoutOpt = None,
    max_memory: MaxMemoryOpt = None,
    isolated: IsolatedOpt = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="在标准错误上显示每个文件使用的规则配置和配置文件（verbose）。"
        ),
    ] = False,
    baseline: BaselineOpt = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="把当前全部问题记入基线文件，退出码 0（write a baseline）。",
        ),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", "-w", help="监视文件变化并重新检查，Ctrl-C 结束（re-check on change）。"
        ),
    ] = False,
) -> None:
    """检查通报：列出缺失或错误之处，指明位置（lint notices）。"""
    from noticelint.flows.check import CheckRequest, run_check

    overrides = _overrides(
        config, select, ignore, extend_select, profile, fail_on, max_file_size, timeout, max_memory
    )
    targets = paths or [Path(".")]  # no paths: the current folder, as ruff does
    if watch:  # re-check what changes until Ctrl-C (noticelint.watch)
        baselined = baseline is not None or write_baseline is not None
        incompatible = fix or diff or unsafe_fixes or statistics or baselined
        _watch(targets, output_format, incompatible, overrides, isolated)
    request = CheckRequest(
        targets=targets,
        output=output_format.value,
        statistics=statistics,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        stdin_filename=stdin_filename,
        jobs=jobs,
        cache_dir=cache_dir,
        no_cache=no_cache,
        verbose=verbose,
        baseline=baseline,
        write_baseline=write_baseline,
    )
    overrides = _isolated(overrides, isolated)
    raise typer.Exit(_usage_errors(lambda: run_check(request, overrides, _warn)))


def _warn(message: str) -> None:
    typer.echo(message, err=True)


def _usage_errors(run: Callable[[], int]) -> int:
    """Run a flow; a usage error is printed and exits with status 2."""
    from noticelint.flows.overrides import UsageError

    try:
        return run()
    except UsageError as exc:
        _fail(str(exc))
        return EXIT_USAGE


def _overrides(
    config: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    extend_select: list[str] | None,
    profile: str | None,
    fail_on: FailOn | None,
    max_file_size: str | None,
    timeout: float | None,
    max_memory: str | None,
) -> Overrides:
    from noticelint.flows.overrides import Overrides

    return Overrides(
        config=config,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        profile=profile,
        fail_on=fail_on.value if fail_on else None,
        max_file_size=max_file_size,
        timeout=timeout,
        max_memory=max_memory,
    )


def _isolated(overrides: Overrides, isolated: bool) -> Overrides:
    from dataclasses import replace

    return replace(overrides, isolated=isolated)


def _skipped(path: Path, reason: str) -> None:
    """A path the folder walk passed over (symlink loop, FIFO, unlistable folder)."""
    typer.echo(f"noticelint: {path}: 已跳过：{reason}", err=True)


@app.command(cls=NoticeCommand)
def report(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="路径", help="要统计的文件或文件夹（files or folders）。"),
    ],
    html: Annotated[
        Path | None, typer.Option("--html", metavar="FILE", help="写出 HTML 报告（HTML report）。")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="写出 JSON 报告（JSON report）。")
    ] = None,
    csv_out: Annotated[
        Path | None,
        typer.Option("--csv", metavar="FILE", help="写出 CSV 报告，每个文件一行（CSV report）。"),
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            metavar="ADDRESS",
            help="在此地址的 dask.distributed 集群上运行（dask cluster）。",
        ),
    ] = None,
    no_texts: Annotated[
        bool, typer.Option("--no-texts", help="HTML 报告中不包含通报全文，文件更小（omit texts）。")
    ] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    fail_on: FailOnOpt = None,
    max_file_size: MaxFileSizeOpt = None,
    timeout: TimeoutOpt = None,
    max_memory: MaxMemoryOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
) -> None:
    """生成语料合规报告，输出 HTML、JSON 或 CSV（compliance report across a corpus）。"""
    from noticelint.batch.job import Options
    from noticelint.batch.runner import default_jobs, run_jobs
    from noticelint.cache import default_cache_dir
    from noticelint.report.aggregate import Aggregator
    from noticelint.report.outputs import write_csv, write_json

    overrides = _overrides(
        config, select, ignore, extend_select, profile, fail_on, max_file_size, timeout, max_memory
    )
    workers = jobs or default_jobs()
    pool_size = 1 if dask_scheduler else workers  # dask brings its own workers
    factory, job_list, started = _corpus_jobs(paths, _isolated(overrides, isolated), pool_size)
    options = Options(
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()),
        include_text=html is not None and not no_texts,
    )
    failed = False
    known = _load_baseline(baseline)
    baselined = 0
    settings_of = {job.path: job.settings for job in job_list} if known is not None else {}
    results: Iterator[FileResult] = run_jobs(
        job_list,
        options,
        workers=workers,
        dask_scheduler=dask_scheduler,
        max_memory=factory.max_memory(),
        started=started,
    )
    with Aggregator() as agg, _progress(len(job_list)) as advance:
        try:
            for result in results:
                if known is not None:
                    baselined += _baseline_result(known, result, settings_of[result.path])
                agg.add(result)
                failed = failed or result.fail
                advance()
        except RuntimeError as exc:
            _fail(str(exc))
        header = agg.header()
        header["configs"] = sorted({c for job in job_list for c in job.settings.config_sources})
        header["isolated"] = isolated
        if known is not None:
            header["baselined"] = baselined
        if json_out is not None:
            with _open_out(json_out) as fh:
                write_json(header, agg.results(), fh)
        if csv_out is not None:
            with _open_out(csv_out, newline="") as fh:
                write_csv(agg.results(), fh)
        if html is not None:
            from noticelint.report.outputs import write_html

            try:
                write_html(
                    html,
                    header,
                    ({**r["summary"], "text": r.get("text")} for r in agg.results()),
                )
            except OSError as exc:
                _fail(f"{html}: 无法写入：{exc.strerror or exc}")
    written = ", ".join(str(p) for p in (html, json_out, csv_out) if p is not None)
    typer.echo(
        f"报告：{header['files']} 个文件（无法读取 {header['unreadable']} 个），"
        f"错误 {header['errors']}，警告 {header['warnings']}，提示 {header['infos']}，"
        f"合规得分 {'—' if header['score'] is None else header['score']}"
        + (f"；另有 {baselined} 个已记入基线" if known is not None else "")
        + (
            f"；已写入 {written}"
            if written
            else "；未写入报告文件（用 --html、--json 或 --csv 指定）"
        ),
        err=True,
    )
    if header["configs"]:
        typer.echo(f"使用的配置文件：{'、'.join(header['configs'])}", err=True)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command(cls=NoticeCommand)
def ledger(
    paths: Annotated[
        list[Path], typer.Argument(metavar="路径", help="通报文件或文件夹（files or folders）。")
    ],
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", metavar="FILE", help="写出 Excel 台账（.xlsx）。")
    ] = None,
    csv_out: Annotated[
        Path | None,
        typer.Option("--csv", metavar="FILE", help="写出 CSV 台账，UTF-8 带 BOM（CSV ledger）。"),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="写出 JSON 台账（JSON ledger）。")
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            metavar="ADDRESS",
            help="在此地址的 dask.distributed 集群上运行（dask cluster）。",
        ),
    ] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    fail_on: FailOnOpt = None,
    max_file_size: MaxFileSizeOpt = None,
    timeout: TimeoutOpt = None,
    max_memory: MaxMemoryOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """生成整改台账：每个问题一行，含措施、进展、时限与检查发现（rectification ledger）。"""
    from noticelint.batch.job import Options
    from noticelint.batch.runner import default_jobs, run_jobs
    from noticelint.cache import default_cache_dir
    from noticelint.ledger.collect import LedgerCollector
    from noticelint.ledger.worker import ledger_chunk, ledger_failed

    overrides = _overrides(
        config, select, ignore, extend_select, profile, fail_on, max_file_size, timeout, max_memory
    )
    workers = jobs or default_jobs()
    pool_size = 1 if dask_scheduler else workers  # dask brings its own workers
    factory, job_list, started = _corpus_jobs(paths, _isolated(overrides, isolated), pool_size)
    options = Options(
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()), include_text=False
    )
    failed = False
    with LedgerCollector() as ledger_rows, _progress(len(job_list)) as advance:
        try:
            for result in run_jobs(
                job_list,
                options,
                workers=workers,
                dask_scheduler=dask_scheduler,
                max_memory=factory.max_memory(),
                chunk_work=ledger_chunk,
                on_failure=ledger_failed,
                started=started,
            ):
                ledger_rows.add(result)
                failed = failed or bool(result["fail"])
                advance()
        except RuntimeError as exc:
            _fail(str(exc))
        _write_ledger(ledger_rows, xlsx, csv_out, json_out)
    written = ", ".join(str(p) for p in (xlsx, csv_out, json_out) if p is not None)
    typer.echo(
        f"台账：{ledger_rows.files} 个文件，{ledger_rows.files - len(ledger_rows.skipped)} 份通报，"
        f"{ledger_rows.rows} 个问题；未列入 {len(ledger_rows.skipped)} 个"
        + (f"；已写入 {written}" if written else "（未指定 --xlsx/--csv/--json，未写出文件）"),
        err=True,
    )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _corpus_jobs(
    paths: list[Path], overrides: Overrides, workers: int
) -> tuple[SettingsFactory, list[Job], Started | None]:
    """The files of a corpus run (``report``, ``ledger``), each with its settings; a
    path that does not exist is named, and no file at all is a usage error (exit 2).
    Jobs hold a path string and a shared Settings: memory per file stays small. With
    more than one worker and a folder to walk, the workers are started first: they
    load the engine while the folders are walked (as ``check`` does)."""
    from noticelint.batch.job import Job
    from noticelint.discover import discover
    from noticelint.flows.overrides import SettingsFactory, UsageError

    started = None
    if workers > 1 and any(p.is_dir() for p in paths):
        from noticelint.batch.pool import prestart

        started = prestart(workers)
    for p in paths:
        if not p.exists():
            typer.echo(f"noticelint: {p}: 文件不存在 (no such file or directory)", err=True)
    try:
        factory = SettingsFactory(overrides)
        existing = [p for p in paths if p.exists()]
        found = discover(existing, factory.base.suffixes, on_skip=_skipped)
        job_list = [Job(str(p), factory(p)) for p in found]
    except UsageError as exc:
        _fail(str(exc))
        raise
    if not job_list:
        _fail("没有找到可检查的文件 (no input files found)")
    return factory, job_list, started


def _write_ledger(
    collected: LedgerCollector, xlsx: Path | None, csv_out: Path | None, json_out: Path | None
) -> None:
    """Write the ledger files asked for (a folder that cannot be written: exit 2)."""
    from noticelint.ledger.writers import write_csv, write_json
    from noticelint.ledger.xlsx import write_xlsx

    summary = collected.summary()
    try:
        if xlsx is not None:
            write_xlsx(collected.iter_rows(), summary, collected.skipped, xlsx)
        if csv_out is not None:
            write_csv(collected.iter_rows(), csv_out)
        if json_out is not None:
            write_json(collected.iter_rows(), summary, collected.skipped, json_out)
    except OSError as exc:
        _fail(f"{exc.filename or ''}: 无法写入：{exc.strerror or exc}")


def _load_baseline(path: Path | None) -> Baseline | None:
    """The baseline for ``report --baseline`` (None without the option)."""
    if path is None:
        return None
    from noticelint.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        _fail(str(exc))
        raise


def _baseline_result(known: Baseline, result: FileResult, settings: Settings) -> int:
    """Keep only new findings in a report result; return how many were baselined.

    The counts and the exit status follow the new findings; the file's score still
    measures every finding (a baseline hides old findings, it does not fix them)."""
    from noticelint.diagnostics import SEVERITY_RANK, Diagnostic
    from noticelint.flows.check import source_lines

    summary = result.summary
    assert summary is not None, "a report run's results carry their summary"
    found = [Diagnostic.from_dict(d) for d in summary["diagnostics"]]
    if not found:
        summary["baselined"] = 0
        return 0
    lines = result.text.split("\n") if result.text is not None else None
    new, old = known.split(found, lambda p: lines or source_lines(Path(p), settings))
    summary["diagnostics"] = [d.as_dict() for d in new]
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        summary[key] = sum(d.severity == severity for d in new)
    summary["baselined"] = len(old)
    threshold = SEVERITY_RANK[settings.fail_on]
    result.fail = any(SEVERITY_RANK[d.severity] >= threshold for d in new)
    return len(old)


@contextmanager
def _open_out(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """Write an output file atomically (a friendly exit 2 when it cannot be written;
    the previous file, if any, stays as it was)."""
    from noticelint.report.outputs import atomic_output

    try:
        with atomic_output(path, newline) as fh:
            yield fh
    except OSError as exc:
        _fail(f"{path}: 无法写入：{exc.strerror or exc}")


class _progress:
    """A rich progress bar on a terminal (none when stderr is piped)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress: Any = None

    def __enter__(self) -> Callable[[], None]:
        if not sys.stderr.isatty():
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        progress = Progress(
            "检查中", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        progress.start()
        task = progress.add_task("check", total=self.total)
        self._progress = progress
        return lambda: progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


@app.command(cls=NoticeCommand)
def parse(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="要解析的通报文件（the notice to parse）。")
    ],
    format: Annotated[
        ParseFormat, typer.Option("--format", help="tree（结构树）或 json（output format）。")
    ] = ParseFormat.tree,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile", metavar="PROFILE", help="规则配置名称或 .toml 文件路径（profile）。"
        ),
    ] = None,
) -> None:
    """显示识别出的通报结构（show the recognised structure）。"""
    from noticelint.parse import parse_document
    from noticelint.profile import ProfileError, resolve_profile
    from noticelint.read import ReadError
    from noticelint.read.isolate import read_untrusted
    from noticelint.settings import Settings

    if not file.is_file():
        _fail(f"{file}: 文件不存在 (no such file)")
    try:
        document = read_untrusted(file, str(file), Settings())
    except ReadError as exc:
        typer.echo(f"{file}:1:1: NL001 无法读取：{exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from exc
    try:
        prof = resolve_profile(Settings(profile=profile), document.text)
    except ProfileError as exc:
        _fail(str(exc))
        return
    parsed = parse_document(document, prof)
    if format is ParseFormat.json:
        sys.stdout.write(parsed.notice.to_json() + "\n")
        return
    from rich.console import Console

    from noticelint.output.tree import render_tree

    Console(highlight=False).print(render_tree(parsed.notice))


@app.command(cls=NoticeCommand)
def rule(
    code: Annotated[
        str | None, typer.Argument(metavar="CODE", help="规则代码，如 NL201（rule code）。")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="显示全部规则的说明（all rules）。")] = False,
    list_: Annotated[
        bool, typer.Option("--list", help="每条规则一行的一览表（list rules）。")
    ] = False,
    output_format: Annotated[
        RuleFormat, typer.Option("--output-format", help="text 或 json（output format）。")
    ] = RuleFormat.text,
) -> None:
    """显示规则说明，如同 ruff rule（print a rule's documentation）。"""
    from noticelint.docs import rule_as_dict, rule_markdown
    from noticelint.rules import REGISTRY, iter_rules

    if list_:
        from noticelint.docs import rule_table

        sys.stdout.write(rule_table(list(iter_rules())))
        return
    if all_:
        selected = list(iter_rules())
    elif code:
        cls = REGISTRY.get(code.upper())
        if cls is None:
            _fail(f"未知规则 {code} (unknown rule; see `noticelint rule --all`)")
            return
        selected = [cls]
    else:
        _fail("请指定规则代码或 --all (name a rule code or use --all)")
        return
    if output_format is RuleFormat.json:
        import json

        data = [rule_as_dict(c) for c in selected]
        sys.stdout.write(json.dumps(data if all_ else data[0], ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write("\n\n".join(rule_markdown(c) for c in selected) + "\n")


@app.command(cls=NoticeCommand)
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host", metavar="HOST", help="监听地址，默认仅本机 127.0.0.1（listen address）。"
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="端口（port）。")] = 8765,
    open_browser: Annotated[
        bool, typer.Option("--open", help="启动后在浏览器中打开页面（open a browser）。")
    ] = False,
    config: ConfigOpt = None,
    profile: ProfileOpt = None,
) -> None:
    """本机网页工作台：粘贴或拖入通报，查看问题并修复（local web workbench）。"""
    from noticelint.flows.overrides import Overrides, SettingsFactory, UsageError
    from noticelint.serve.launch import LaunchError, run

    try:
        settings = SettingsFactory(Overrides(config=config, profile=profile))(
            Path.cwd() / "通报.txt"
        )
    except UsageError as exc:
        _fail(str(exc))
        raise
    try:
        run(settings, host=host, port=port, open_browser=open_browser)
    except LaunchError as exc:
        _fail(str(exc))


@app.command("config", cls=NoticeCommand)
def config_cmd(
    path: Annotated[
        Path, typer.Argument(metavar="路径", help="要查看其生效配置的文件或文件夹（path）。")
    ] = Path("."),
    config: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="指定配置文件（config file）。")
    ] = None,
) -> None:
    """显示某个路径的生效配置（print the effective settings for a path）。"""
    import json

    from noticelint.config import ConfigError, ConfigResolver, effective_settings
    from noticelint.profile import ProfileError, choose_profile, resolve_profile
    from noticelint.settings import Settings

    try:
        resolver = ConfigResolver(config)
        settings = effective_settings(Settings(), resolver.for_path(path), path)
        sample = ""
        if path.is_file():
            from noticelint.read import ReadError
            from noticelint.read.isolate import read_untrusted

            try:
                sample = read_untrusted(path, str(path), settings).text
            except ReadError:
                sample = ""
        prof = resolve_profile(settings, sample)
    except (ConfigError, ProfileError) as exc:
        _fail(str(exc))
        return
    severity = {**prof.severity, **settings.severity}
    data = {
        "path": str(path),
        "config-files": settings.config_sources,
        "profile": settings.profile
        or f"{prof.name} (自动选择 auto: {choose_profile(sample) if sample else 'xuncha'})",
        "profile-file": prof.source,
        "profile-description": prof.description,
        "select": settings.select,
        "ignore": settings.ignore,
        "extend-select": settings.extend_select,
        "severity": severity,
        "fail-on": settings.fail_on,
    }
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _watch(
    targets: list[Path],
    output_format: OutputFormat,
    incompatible: bool,
    overrides: Overrides,
    isolated: bool,
) -> None:
    """``check --watch``: findings of each changed file in ``output_format``."""
    from dataclasses import replace

    from noticelint.flows.check import emit_found
    from noticelint.flows.overrides import SettingsFactory, UsageError
    from noticelint.watch import watch_paths

    if incompatible or any(str(t) == "-" for t in targets):
        _fail(
            "--watch 只能与文件和文件夹一起使用，"
            "不能与 -、--fix、--diff、--statistics、--baseline 同用"
        )
    overrides = replace(overrides, isolated=isolated)

    def make_settings() -> SettingsFactory:
        try:
            return SettingsFactory(overrides)
        except UsageError as exc:
            _fail(str(exc))
            raise

    def emit(found: list[Diagnostic], names: list[str]) -> None:
        emit_found(output_format.value, found, names)

    raise typer.Exit(watch_paths([t for t in targets if t.exists()], make_settings, emit))


@app.command(cls=NoticeCommand)
def server(
    debounce_ms: Annotated[
        int,
        typer.Option(
            "--debounce-ms",
            min=0,
            metavar="MS",
            help="编辑停顿多少毫秒后重新检查（re-check after this many ms of quiet）。",
        ),
    ] = 150,
    # accepted and ignored: vscode-languageclient's stdio transport appends it
    stdio: Annotated[bool, typer.Option("--stdio", hidden=True)] = False,
) -> None:
    """语言服务器（LSP，stdio）：在编辑器中边写边看问题、一键修复（language server）。"""
    try:
        from noticelint.lsp.server import serve
    except ImportError as exc:  # pygls/lsprotocol missing from a partial install
        _fail(f"无法启动语言服务器：{exc} (pip install pygls lsprotocol)")
        return
    raise typer.Exit(serve(debounce_ms))


def main() -> None:
    from noticelint.entry import reconfigure_streams

    reconfigure_streams()
    app()
