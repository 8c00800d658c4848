"""``check --baseline FILE`` / ``--write-baseline FILE``: findings recorded in a
baseline are known and hidden; only new ones are reported and decide the exit code.

The diagnostics of every file are needed together here (a baseline is matched
across the run), so this flow keeps them in memory, as a baseline's users — a
repository's notices, not a 100,000-file corpus — can afford."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from noticelint.batch.job import FileResult
from noticelint.diagnostics import SEVERITY_RANK, Diagnostic
from noticelint.flows.check import EXIT_FINDINGS, EXIT_OK, CheckRequest, Warn, emit_found
from noticelint.flows.check import source_lines as read_lines
from noticelint.flows.overrides import SettingsFactory, UsageError


def run_baselined(
    request: CheckRequest,
    results: Iterable[FileResult],
    factory: SettingsFactory,
    stdin_lines: dict[str, list[str]],
    warn: Warn,
) -> int:
    from noticelint.baseline import Baseline, BaselineError

    found: list[Diagnostic] = []
    names: list[str] = []
    thresholds: dict[str, int] = {}  # per path, for the exit code after the baseline
    for result in results:
        names.append(result.path)
        found.extend(Diagnostic.from_dict(d) for d in result.diagnostics or [])
        thresholds[result.path] = SEVERITY_RANK[factory(_settings_path(result.path)).fail_on]
    texts = _texts(stdin_lines, factory)
    try:
        if request.write_baseline is not None:
            path = request.write_baseline
            old = Baseline.load(path) if path.exists() else Baseline()
            old.updated(found, texts, set(names)).write(path)
            warn(f"已写入基线 {path}：{len(found)} 个问题 (baseline written).")
            return EXIT_OK
        assert request.baseline is not None
        new, known = Baseline.load(request.baseline).split(found, texts)
    except BaselineError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"{request.write_baseline}: 无法写入基线：{exc.strerror or exc}") from exc
    failed = any(SEVERITY_RANK[d.severity] >= thresholds[d.path] for d in new)
    if known and request.output in ("full", "concise"):
        warn(f"另有 {len(known)} 个问题已记入基线 {request.baseline}，未显示。")
    emit_found(request.output, new, names)
    return EXIT_FINDINGS if failed else EXIT_OK


def _settings_path(name: str) -> Path:
    return Path.cwd() / "-" if name == "-" else Path(name)


def _texts(
    stdin_lines: dict[str, list[str]], factory: SettingsFactory
) -> Callable[[str], list[str] | None]:
    """The text a finding's fingerprint is taken from: stdin as read, files read again."""
    return lambda path: stdin_lines.get(path) or read_lines(Path(path), factory.base)
