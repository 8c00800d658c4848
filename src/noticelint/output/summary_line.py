"""Lines said after a run, apart from the findings themselves: the summary of
``full`` and ``concise``, the hint after ``check --fix``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from noticelint.diagnostics import Diagnostic


def unsafe_fix_hint(remaining: Iterable[Diagnostic], *, unsafe: bool) -> str | None:
    """After ``--fix``: how many of the findings left have a fix that only
    ``--unsafe-fixes`` applies (as ruff says it); ``None`` when there are none or
    unsafe fixes were already applied."""
    if unsafe:
        return None
    count = sum(1 for d in remaining if d.fix is not None and d.fix.applicability == "unsafe")
    if not count:
        return None
    return f"{count} 个问题可用 --unsafe-fixes 修复 ({count} more fixable with --unsafe-fixes)."


def summary_text(counts: Mapping[str, int], fixable: int, files_checked: int) -> str:
    """检查了 N 个文件，发现 M 个问题（错误…，警告…，提示…）；其中 K 个可自动修复。"""
    errors, warnings, infos = (
        counts.get("error", 0),
        counts.get("warning", 0),
        counts.get("info", 0),
    )
    total = errors + warnings + infos
    if not total:
        return f"检查了 {files_checked} 个文件，未发现问题。"
    text = (
        f"检查了 {files_checked} 个文件，发现 {total} 个问题"
        f"（错误 {errors}，警告 {warnings}，提示 {infos}）"
    )
    if fixable:
        text += f"；其中 {fixable} 个可自动修复"
    return text + "。"
