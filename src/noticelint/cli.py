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

if TYPE_CHECKING:
    from noticelint.baseline import Baseline
    from noticelint.diagnostics import Diagnostic
    from noticelint.ledger.collect import LedgerCollector
    from noticelint.settings import Settings

app = typer.Typer(
    name="noticelint",
    help="巡察/巡视整改进展情况通报的合规检查工具 (compliance linter for rectification-progress notices).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
    list[str] | None, typer.Option("--select", help="只检查这些规则或前缀 (e.g. NL2,NL301).")
]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="不检查这些规则或前缀.")]
ExtendSelectOpt = Annotated[
    list[str] | None, typer.Option("--extend-select", help="在选择之外再加这些规则.")
]
ProfileOpt = Annotated[
    str | None,
    typer.Option("--profile", help="规则配置：xuncha、xunshi、strict 或 .toml 文件路径."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="配置文件（默认向上查找 noticelint.toml / pyproject.toml）."),
]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="达到此严重级别即以退出码 1 结束（默认 warning）."),
]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", help="工作进程数（默认：全部 CPU 核）.")
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="不使用结果缓存.")]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", help="结果缓存目录.")]
MaxFileSizeOpt = Annotated[
    str | None,
    typer.Option("--max-file-size", help="单个文件大小上限，如 10MB（默认 10MB）."),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", help="只报告基线文件中没有记录的问题 (new findings only)."),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option("--timeout", help="每个文件的处理时限（秒，默认 30；0 为不限）."),
]
MaxMemoryOpt = Annotated[
    str | None,
    typer.Option("--max-memory", help="读取单个文件可用的内存上限，如 2GB（默认 2GB）."),
]
IsolatedOpt = Annotated[
    bool,
    typer.Option("--isolated", help="忽略所有配置文件 (ignore all configuration files)."),
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
            "--version", callback=_version, is_eager=True, help="显示版本 (show version)."
        ),
    ] = None,
) -> None:
    """巡察/巡视整改进展情况通报的合规检查工具。"""


def _fail(message: str) -> None:
    typer.echo(f"noticelint: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="文件、文件夹或 -（标准输入）；不指定时检查当前文件夹."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", help="输出格式 (output format).")
    ] = OutputFormat.full,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    fail_on: FailOnOpt = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="只输出每条规则的问题数 (counts per rule).")
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="就地应用安全修复 (apply safe fixes in place).")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="也应用不安全修复 (also apply unsafe fixes).")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="输出修复的统一差异，不修改文件 (print a diff, write nothing)."
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="标准输入 (-) 报告时使用的文件名.")
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
        typer.Option("--verbose", "-v", help="显示每个文件使用的规则配置和配置文件 (to stderr)."),
    ] = False,
    baseline: BaselineOpt = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="把当前全部问题记入基线文件，退出码 0."),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", "-w", help="监视文件变化并重新检查，Ctrl-C 结束 (re-check on change)."
        ),
    ] = False,
) -> None:
    """检查通报 (lint notices): 列出缺失或错误之处，指明位置。"""

    from noticelint.cache import default_cache_dir
    from noticelint.diagnostics import SEVERITY_RANK, Diagnostic
    from noticelint.discover import discover
    from noticelint.read import ReadError
    from noticelint.read.isolate import read_untrusted
    from noticelint.report.runner import default_jobs, run_jobs
    from noticelint.report.summary import Job, Options

    targets = paths or [Path(".")]  # no paths: the current folder, as ruff does
    settings_for = _SettingsFactory(
        config,
        select,
        ignore,
        extend_select,
        profile,
        fail_on,
        (max_file_size, timeout, max_memory),
        isolated=isolated,
    )
    base = settings_for.base

    diagnostics: list[Diagnostic] = []
    pending: list[Job] = []
    sources: dict[str, list[str]] = {}
    files = 0
    names: list[str] = []
    failed = False
    missing = [p for p in targets if str(p) != "-" and not p.exists()]
    for p in missing:
        typer.echo(f"noticelint: {p}: 文件不存在 (no such file or directory)", err=True)
    if missing and len(missing) == len(targets):
        raise typer.Exit(EXIT_USAGE)
    if watch:  # re-check what changes until Ctrl-C (noticelint.watch)
        from functools import partial

        cli_options = (config, select, ignore, extend_select, profile, fail_on)
        limits = (max_file_size, timeout, max_memory)
        remake = partial(_SettingsFactory, *cli_options, limits, isolated=isolated)
        baselined = baseline is not None or write_baseline is not None
        _watch(
            targets, output_format, fix or diff or unsafe_fixes or statistics or baselined, remake
        )
    want_source = output_format is OutputFormat.full and not statistics

    thresholds: dict[str, int] = {}  # per path, for the exit code after a baseline
    stdin_lines: dict[str, list[str]] = {}

    def collect(found: list[Diagnostic], settings: Settings) -> None:
        nonlocal failed
        diagnostics.extend(found)
        threshold = SEVERITY_RANK[settings.fail_on]
        thresholds.update((d.path, threshold) for d in found)
        failed = failed or any(SEVERITY_RANK[d.severity] >= threshold for d in found)

    fixing = fix or diff or unsafe_fixes
    fixed_total = 0
    would_fix = False
    diffs: list[str] = []

    def report_fix(outcome: Any, name: str) -> None:
        nonlocal fixed_total, would_fix
        if outcome.note:
            typer.echo(f"noticelint: {name}: {outcome.note}", err=True)
        if diff:
            if outcome.diff:
                diffs.append(outcome.diff)
                would_fix = True
        else:
            fixed_total += outcome.applied if outcome.written else 0

    for target in targets:
        if str(target) == "-":
            name = stdin_filename or "-"
            settings = settings_for(Path(name) if stdin_filename else Path.cwd() / "-")
            data = sys.stdin.buffer.read()
            stdin_lines[name] = data.decode("utf-8", errors="replace").split("\n")
            files += 1
            names.append(name)
            from noticelint.lint import check_bytes, fix_file

            if fixing:
                try:
                    document = read_untrusted(data, name, settings)
                except ReadError:
                    collect(check_bytes(data, name, settings), settings)
                    continue
                outcome = fix_file(document, settings, unsafe=unsafe_fixes, write=False)
                report_fix(outcome, name)
                collect(outcome.diagnostics, settings)
                if not diff:  # --fix on stdin: the fixed text goes to stdout
                    fixed = outcome.fixed  # unfixed: the input byte for byte
                    sys.stdout.buffer.write(fixed.encode(fixed.original) if fixed else data)
                continue
            collect(check_bytes(data, name, settings), settings)
            if want_source:
                sources[name] = data.decode("utf-8", errors="replace").splitlines()
            continue
        if not target.exists():
            continue
        found_paths = list(discover([target], base.suffixes, on_skip=_skipped))
        if not fixing:
            pending.extend(Job(str(p), settings_for(p)) for p in found_paths)
            continue
        from noticelint.lint import fix_path

        for path in found_paths:
            files += 1
            names.append(str(path))
            settings = settings_for(path)
            outcome = fix_path(path, settings, unsafe=unsafe_fixes, write=not diff)
            report_fix(outcome, str(path))
            collect(outcome.diagnostics, settings)
            unreadable = all(d.code == "NL001" for d in outcome.diagnostics)
            if want_source and outcome.diagnostics and not unreadable:  # no second read
                sources[str(path)] = _source_lines(path, settings)
    if pending:
        # Checking (no fixes): a pool of workers for many files, the results cache always.
        options = Options(
            cache_dir=None if no_cache else str(cache_dir or default_cache_dir()),
            include_text=False,
        )
        workers = jobs or default_jobs()  # run_jobs stays in-process for a few files
        by_path = {job.path: job.settings for job in pending}
        for result in run_jobs(pending, options, workers=workers):
            summary = result["summary"]
            if verbose:
                job_settings = by_path[summary["path"]]
                how = "指定" if job_settings.profile else "按通报内容自动选择"
                configs = ", ".join(job_settings.config_sources) or "无"
                typer.echo(
                    f"{summary['path']}: 规则配置 {summary.get('profile') or '-'}（{how}）；"
                    f"配置文件：{configs}",
                    err=True,
                )
            found = [Diagnostic.model_validate(d) for d in summary["diagnostics"]]
            collect(found, by_path[summary["path"]])
            if want_source and found and summary.get("readable", True):
                sources[summary["path"]] = _source_lines(
                    Path(summary["path"]), by_path[summary["path"]]
                )
        files += len(pending)
        names.extend(job.path for job in pending)
    if files == 0:
        _fail("没有找到可检查的文件 (no input files found)")
    diagnostics.sort(key=Diagnostic.sort_key)
    if baseline is not None or write_baseline is not None:
        texts = _baseline_texts(stdin_lines, base)
        if write_baseline is not None:
            _write_baseline(write_baseline, diagnostics, texts, set(names))
            raise typer.Exit(EXIT_OK)
        assert baseline is not None
        diagnostics, known = _split_baseline(baseline, diagnostics, texts)
        failed = any(SEVERITY_RANK[d.severity] >= thresholds[d.path] for d in diagnostics)
        if known and output_format in (OutputFormat.full, OutputFormat.concise):
            typer.echo(f"另有 {len(known)} 个问题已记入基线 {baseline}，未显示。", err=True)
    stdin_fix = fixing and not diff and any(str(t) == "-" for t in targets)
    if diff:
        sys.stdout.write("".join(diffs))
        raise typer.Exit(EXIT_FINDINGS if would_fix else EXIT_OK)
    if stdin_fix:  # stdout carries the fixed text; diagnostics go to stderr
        from noticelint.output.machine import render_concise

        sys.stderr.write(render_concise(diagnostics))
    elif statistics:
        _emit_statistics(output_format, diagnostics)
    else:
        _emit(output_format, diagnostics, sources, names)
    if fix and fixed_total and output_format in (OutputFormat.full, OutputFormat.concise):
        typer.echo(f"已修复 {fixed_total} 个问题 (fixed {fixed_total}).", err=True)
    if fix and output_format in (OutputFormat.full, OutputFormat.concise):
        from noticelint.output.summary_line import unsafe_fix_hint

        if hint := unsafe_fix_hint(diagnostics, unsafe=unsafe_fixes):
            typer.echo(hint, err=True)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _baseline_texts(
    stdin_lines: dict[str, list[str]], settings: Settings
) -> Callable[[str], list[str] | None]:
    """The text a finding's fingerprint is taken from: stdin as read, files read again."""
    return lambda path: stdin_lines.get(path) or _source_lines(Path(path), settings)


def _split_baseline(
    path: Path, diagnostics: list[Diagnostic], texts: Callable[[str], list[str] | None]
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(new, baselined) findings; a baseline that cannot be read is a usage error."""
    from noticelint.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path).split(diagnostics, texts)
    except BaselineError as exc:
        _fail(str(exc))
        raise


def _write_baseline(
    path: Path,
    diagnostics: list[Diagnostic],
    texts: Callable[[str], list[str] | None],
    checked: set[str],
) -> None:
    """Record the current findings of the checked files; other files' entries stay."""
    from noticelint.baseline import Baseline, BaselineError

    try:
        old = Baseline.load(path) if path.exists() else Baseline()
        new = old.updated(diagnostics, texts, checked)
        new.write(path)
    except BaselineError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{path}: 无法写入基线：{exc.strerror or exc}")
    typer.echo(f"已写入基线 {path}：{len(diagnostics)} 个问题 (baseline written).", err=True)


class _SettingsFactory:
    """The effective settings per file: configuration found upward ← command line."""

    def __init__(
        self,
        config: Path | None,
        select: list[str] | None,
        ignore: list[str] | None,
        extend_select: list[str] | None,
        profile: str | None,
        fail_on: FailOn | None,
        limits: tuple[str | None, float | None, str | None] = (None, None, None),
        *,
        isolated: bool = False,
    ) -> None:
        from noticelint.config import ConfigError, ConfigResolver
        from noticelint.settings import Settings

        if isolated and config is not None:
            _fail("--isolated 与 --config 不能同时使用 (--isolated ignores all configuration)")
        try:
            self.resolver = ConfigResolver(config, isolated=isolated)
        except ConfigError as exc:
            _fail(str(exc))
        self.base = Settings()
        self.cli = (select, ignore, extend_select, profile, fail_on.value if fail_on else None)
        self.limits = limits
        # One Settings object per distinct result: a 100,000-file run holds 100,000 jobs.
        self._shared: dict[str, Settings] = {}
        self.checked: set[str | None] = set()

    def __call__(self, path: Path) -> Settings:
        from pydantic import ValidationError

        from noticelint.config import ConfigError, effective_settings, explain_error
        from noticelint.profile import ProfileError, resolve_profile

        select, ignore, extend_select, profile, fail_on = self.cli
        try:
            settings = effective_settings(
                self.base,
                self.resolver.for_path(path),
                path,
                cli_select=select,
                cli_ignore=ignore,
                cli_extend_select=extend_select,
                cli_profile=profile,
                cli_fail_on=fail_on,  # type: ignore[arg-type]
                cli_max_file_size=self.limits[0],
                cli_timeout=self.limits[1],
                cli_max_memory=self.limits[2],
            )
            if settings.profile not in self.checked:
                resolve_profile(settings, "")
                self.checked.add(settings.profile)
            settings = self._shared.setdefault(settings.model_dump_json(), settings)
        except (ConfigError, ProfileError) as exc:
            _fail(str(exc))
            raise
        except ValidationError as exc:
            _fail("；".join(explain_error(e) for e in exc.errors()))
            raise
        except ValueError as exc:
            _fail(str(exc))
            raise
        return settings


def _emit_statistics(fmt: OutputFormat, diagnostics: list[Diagnostic]) -> None:
    from collections import Counter

    counts = Counter(d.code for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fix is not None)
    names = {d.code: d.name for d in diagnostics}
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        import json

        data = [{"code": c, "name": names[c], "count": n, "fixable": fixable[c]} for c, n in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for code, n in rows:
        mark = "*" if fixable[code] else " "
        sys.stdout.write(f"{n:>6}  {code} {mark} {names[code]}\n")
    sys.stdout.write(f"共 {sum(counts.values())} 个问题（* 表示可自动修复）。\n")


def _skipped(path: Path, reason: str) -> None:
    """A path the folder walk passed over (symlink loop, FIFO, unlistable folder)."""
    typer.echo(f"noticelint: {path}: 已跳过：{reason}", err=True)


def _source_lines(path: Path, settings: Settings) -> list[str]:
    """The lines shown under the diagnostics (read again, in the sandbox)."""
    from noticelint.read import ReadError
    from noticelint.read.isolate import read_untrusted

    try:
        return read_untrusted(path, str(path), settings).text.split("\n")
    except ReadError:
        return []


def _emit(
    fmt: OutputFormat,
    diagnostics: list[Diagnostic],
    sources: dict[str, list[str]],
    names: list[str],
) -> None:
    from noticelint.output import machine

    files = len(names)
    if fmt is OutputFormat.sarif:
        from noticelint.output.sarif import render_sarif

        sys.stdout.write(render_sarif(diagnostics) + "\n")
    elif fmt is OutputFormat.github:
        from noticelint.output.ci import render_github

        sys.stdout.write(render_github(diagnostics))
    elif fmt is OutputFormat.junit:
        from noticelint.output.ci import render_junit

        sys.stdout.write(render_junit(diagnostics, names))
    elif fmt is OutputFormat.json:
        sys.stdout.write(machine.render_json(diagnostics) + "\n")
    elif fmt is OutputFormat.jsonl:
        sys.stdout.write(machine.render_jsonl(diagnostics))
    elif fmt is OutputFormat.concise:
        sys.stdout.write(machine.render_concise(diagnostics))
        from noticelint.output.full import summary

        sys.stdout.write(summary(diagnostics, files).plain + "\n")
    else:
        from rich.console import Console

        from noticelint.output.full import render_full

        render_full(Console(highlight=False, soft_wrap=True), diagnostics, sources, files)


@app.command()
def report(
    paths: Annotated[list[Path], typer.Argument(help="要统计的文件或文件夹 (files or folders).")],
    html: Annotated[Path | None, typer.Option("--html", help="写出 HTML 报告.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="写出 JSON 报告.")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="写出 CSV（每个文件一行）.")] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option("--dask-scheduler", help="在 dask.distributed 集群上运行（地址）."),
    ] = None,
    no_texts: Annotated[
        bool, typer.Option("--no-texts", help="HTML 报告中不包含通报全文（减小文件）.")
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
    """生成语料合规报告 (compliance report across a corpus): HTML, JSON, CSV."""
    from noticelint.cache import default_cache_dir
    from noticelint.discover import discover
    from noticelint.report.aggregate import Aggregator
    from noticelint.report.outputs import write_csv, write_json
    from noticelint.report.runner import default_jobs, run_jobs
    from noticelint.report.summary import Job, Options

    factory = _SettingsFactory(
        config,
        select,
        ignore,
        extend_select,
        profile,
        fail_on,
        (max_file_size, timeout, max_memory),
        isolated=isolated,
    )
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        typer.echo(f"noticelint: {p}: 文件不存在 (no such file or directory)", err=True)
    existing = [p for p in paths if p.exists()]
    # Jobs hold a path string and a shared Settings: memory per file stays small.
    job_list = [
        Job(str(p), factory(p)) for p in discover(existing, factory.base.suffixes, on_skip=_skipped)
    ]
    if not job_list:
        _fail("没有找到可检查的文件 (no input files found)")
    options = Options(
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()),
        include_text=html is not None and not no_texts,
    )
    workers = jobs or default_jobs()
    failed = False
    known = _load_baseline(baseline)
    baselined = 0
    settings_of = {job.path: job.settings for job in job_list} if known is not None else {}
    with Aggregator() as agg, _progress(len(job_list)) as advance:
        try:
            for result in run_jobs(
                job_list, options, workers=workers, dask_scheduler=dask_scheduler
            ):
                if known is not None:
                    path = result["summary"]["path"]
                    baselined += _baseline_result(known, result, settings_of[path])
                agg.add(result)
                failed = failed or bool(result.get("fail"))
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
            from noticelint.report.html import render_html

            with _open_out(html) as fh:
                render_html(
                    header,
                    ({**r["summary"], "text": r.get("text")} for r in agg.results()),
                    fh,
                )
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


@app.command()
def ledger(
    paths: Annotated[list[Path], typer.Argument(help="通报文件或文件夹 (files or folders).")],
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="写出 Excel 台账 (.xlsx).")] = None,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", help="写出 CSV 台账（UTF-8，带 BOM）.")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="写出 JSON 台账.")] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option("--dask-scheduler", help="在 dask.distributed 集群上运行（地址）."),
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
    """生成整改台账 (the rectification ledger): 每个问题一行，含措施、进展、时限与检查发现。"""
    from noticelint.cache import default_cache_dir
    from noticelint.discover import discover
    from noticelint.ledger.collect import LedgerCollector
    from noticelint.ledger.worker import ledger_chunk
    from noticelint.report.runner import default_jobs, run_jobs
    from noticelint.report.summary import Job, Options

    factory = _SettingsFactory(
        config,
        select,
        ignore,
        extend_select,
        profile,
        fail_on,
        (max_file_size, timeout, max_memory),
        isolated=isolated,
    )
    for p in paths:
        if not p.exists():
            typer.echo(f"noticelint: {p}: 文件不存在 (no such file or directory)", err=True)
    existing = [p for p in paths if p.exists()]
    job_list = [
        Job(str(p), factory(p)) for p in discover(existing, factory.base.suffixes, on_skip=_skipped)
    ]
    if not job_list:
        _fail("没有找到可检查的文件 (no input files found)")
    options = Options(
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()), include_text=False
    )
    failed = False
    with LedgerCollector() as ledger_rows, _progress(len(job_list)) as advance:
        try:
            for result in run_jobs(
                job_list,
                options,
                workers=jobs or default_jobs(),
                dask_scheduler=dask_scheduler,
                chunk_work=ledger_chunk,
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


def _baseline_result(known: Baseline, result: dict[str, Any], settings: Settings) -> int:
    """Keep only new findings in a report result; return how many were baselined.

    The counts and the exit status follow the new findings; the file's score still
    measures every finding (a baseline hides old findings, it does not fix them)."""
    from noticelint.diagnostics import SEVERITY_RANK, Diagnostic

    summary = result["summary"]
    found = [Diagnostic.model_validate(d) for d in summary["diagnostics"]]
    if not found:
        summary["baselined"] = 0
        return 0
    text = result.get("text")
    lines = text.split("\n") if isinstance(text, str) else None
    new, old = known.split(found, lambda p: lines or _source_lines(Path(p), settings))
    summary["diagnostics"] = [d.model_dump(mode="json") for d in new]
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        summary[key] = sum(d.severity == severity for d in new)
    summary["baselined"] = len(old)
    threshold = SEVERITY_RANK[settings.fail_on]
    result["fail"] = any(SEVERITY_RANK[d.severity] >= threshold for d in new)
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


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="要解析的通报文件 (the notice to parse).")],
    format: Annotated[
        ParseFormat, typer.Option("--format", help="tree（结构树）或 json.")
    ] = ParseFormat.tree,
    profile: Annotated[str | None, typer.Option("--profile", help="规则配置名称或路径.")] = None,
) -> None:
    """显示识别出的通报结构 (show the recognised structure)."""
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


@app.command()
def rule(
    code: Annotated[str | None, typer.Argument(help="规则代码，如 NL201.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="显示全部规则的说明.")] = False,
    list_: Annotated[bool, typer.Option("--list", help="每条规则一行的一览表.")] = False,
    output_format: Annotated[
        RuleFormat, typer.Option("--output-format", help="text 或 json.")
    ] = RuleFormat.text,
) -> None:
    """显示规则说明 (print a rule's documentation), like ``ruff rule``."""
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


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="监听地址（默认仅本机 127.0.0.1）.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口.")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="启动后在浏览器中打开页面.")] = False,
    config: ConfigOpt = None,
    profile: ProfileOpt = None,
) -> None:
    """本机网页工作台 (local web workbench): 粘贴或拖入通报，查看问题并修复。"""
    from noticelint.serve.launch import LaunchError, run

    settings = _SettingsFactory(config, None, None, None, profile, None)(Path.cwd() / "通报.txt")
    try:
        run(settings, host=host, port=port, open_browser=open_browser)
    except LaunchError as exc:
        _fail(str(exc))


@app.command("config")
def config_cmd(
    path: Annotated[Path, typer.Argument(help="要查看其生效配置的文件或文件夹.")] = Path("."),
    config: Annotated[Path | None, typer.Option("--config", help="指定配置文件.")] = None,
) -> None:
    """显示某个路径的生效配置 (print the effective settings for a path)."""
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
    make_settings: Callable[[], Callable[[Path], Settings]],
) -> None:
    """``check --watch``: findings of each changed file in ``output_format``."""
    from noticelint.settings import Settings
    from noticelint.watch import watch_paths

    if incompatible or any(str(t) == "-" for t in targets):
        _fail(
            "--watch 只能与文件和文件夹一起使用，"
            "不能与 -、--fix、--diff、--statistics、--baseline 同用"
        )

    def emit(found: list[Diagnostic], names: list[str]) -> None:
        full = output_format is OutputFormat.full
        paths = {d.path for d in found} if full else set()
        _emit(
            output_format,
            found,
            {p: _source_lines(Path(p), Settings()) for p in paths},
            names,
        )

    raise typer.Exit(watch_paths([t for t in targets if t.exists()], make_settings, emit))


@app.command()
def server(
    debounce_ms: Annotated[
        int,
        typer.Option(
            "--debounce-ms",
            min=0,
            help="编辑停顿多少毫秒后重新检查 (re-check after this many ms of quiet).",
        ),
    ] = 150,
    # accepted and ignored: vscode-languageclient's stdio transport appends it
    stdio: Annotated[bool, typer.Option("--stdio", hidden=True)] = False,
) -> None:
    """语言服务器 (LSP, stdio)：在编辑器中边写边看问题、一键修复。"""
    try:
        from noticelint.lsp.server import serve
    except ImportError as exc:  # pygls/lsprotocol missing from a partial install
        _fail(f"无法启动语言服务器：{exc} (pip install pygls lsprotocol)")
        return
    raise typer.Exit(serve(debounce_ms))


def main() -> None:
    # File names with undecodable bytes (kept by Python as lone surrogates) are
    # printed as \udcXX escapes instead of failing the run.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    app()
