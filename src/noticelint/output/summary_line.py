"""Lines said after a run, apart from the findings themselves (``check --fix``)."""

from __future__ import annotations

from collections.abc import Iterable

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
