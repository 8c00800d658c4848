"""``noticelint check --watch``: check, then re-check each file that changes.

For people without an LSP-capable editor: the findings of every changed notice are
printed in the chosen output format as soon as it is saved. Files are found as
``check`` finds them (folders walked, hidden and ignored names skipped); a change
to ``noticelint.toml`` or ``pyproject.toml`` reloads the configuration and
re-checks everything. Progress goes to stderr, findings to stdout. Ctrl-C (or
SIGTERM) stops watching and exits with 0.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from noticelint.config import CONFIG_NAMES
from noticelint.diagnostics import Diagnostic
from noticelint.discover import discover
from noticelint.settings import Settings

SettingsFor = Callable[[Path], Settings]
#: Prints the findings of the files checked in one round (names: every file checked).
Emit = Callable[[list[Diagnostic], list[str]], None]

#: Milliseconds to gather the events of one save (editors write a file in steps).
DEBOUNCE_MS = 300


def _note(message: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def check_files(files: list[Path], settings_for: SettingsFor, emit: Emit) -> None:
    from noticelint.lint import check_path

    found: list[Diagnostic] = []
    for path in files:
        found.extend(check_path(path, settings_for(path)))
    found.sort(key=lambda d: (d.path, d.line, d.column, d.code))
    emit(found, [str(p) for p in files])
    sys.stdout.flush()


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM ends the watch like Ctrl-C does (the watcher stops on KeyboardInterrupt)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _changed_files(
    changes: set[tuple[Any, str]], targets: list[Path], suffixes: tuple[str, ...]
) -> tuple[list[Path], list[str]]:
    """The files to check again (those ``check`` would check), and the ones deleted."""
    touched = {Path(p).absolute() for _, p in changes}
    checkable = [p for p in discover(targets, suffixes) if p.absolute() in touched]
    gone = sorted(str(p) for p in touched if not p.exists() and p.suffix.lower() in suffixes)
    return [p for p in checkable if p.is_file()], gone


def watch_paths(
    targets: list[Path],
    make_settings: Callable[[], SettingsFor],
    emit: Emit,
    debounce_ms: int = DEBOUNCE_MS,
) -> int:
    """Check ``targets``, then re-check what changes until interrupted; exit code 0."""
    settings_for = make_settings()
    suffixes = Settings().suffixes
    with _sigterm_stops():
        try:
            files = list(discover(targets, suffixes))
            _note(f"检查 {len(files)} 个文件 (checking {len(files)} files)")
            check_files(files, settings_for, emit)
            _watch_loop(targets, suffixes, make_settings, settings_for, emit, debounce_ms)
        except KeyboardInterrupt:  # Ctrl-C while checking rather than while waiting
            pass
    _note("已停止监视 (stopped)")
    return 0


def _watch_loop(
    targets: list[Path],
    suffixes: tuple[str, ...],
    make_settings: Callable[[], SettingsFor],
    settings_for: SettingsFor,
    emit: Emit,
    debounce_ms: int,
) -> None:
    import watchfiles

    watching = False
    for changes in watchfiles.watch(
        *targets,
        debounce=debounce_ms,
        raise_interrupt=False,
        rust_timeout=500,
        yield_on_timeout=True,  # the first (empty) round: the watcher is in place
    ):
        if not watching:
            _note("正在监视文件变化，按 Ctrl-C 结束 (watching for changes; Ctrl-C to stop)")
            watching = True
        if not changes:
            continue
        if any(Path(p).name in CONFIG_NAMES for _, p in changes):
            try:
                settings_for = make_settings()
            except (Exception, SystemExit) as exc:  # a broken configuration: keep the last
                _note(f"配置文件有误，仍使用原配置 (configuration error): {exc}")
                continue
            files = list(discover(targets, suffixes))
            _note(f"重新检查 {len(files)} 个文件：配置已更改 (configuration changed)")
            check_files(files, settings_for, emit)
            continue
        changed, gone = _changed_files(changes, targets, suffixes)
        for name in gone:
            _note(f"{name}: 已删除 (deleted)")
        if changed:
            _note(f"重新检查 {len(changed)} 个文件 (re-checking): {', '.join(map(str, changed))}")
            check_files(changed, settings_for, emit)
