"""The ``full`` format: rich terminal output with the source line and the span
underlined, then a summary line (in Chinese)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text

from noticelint.diagnostics import Diagnostic
from noticelint.output.escape import escape_controls
from noticelint.output.labels import SEVERITY_LABEL as _LABEL

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_WINDOW_BEFORE = 30
_WINDOW_AFTER = 50


def _excerpt(line_text: str, d: Diagnostic) -> tuple[str, int, int, bool, bool]:
    """A window of the source line around the span (seed 004 is one 6,000-character line)."""
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line_text)
    end = max(end, start + 1)
    lo = max(0, start - _WINDOW_BEFORE)
    hi = min(len(line_text), max(end, start + 1) + _WINDOW_AFTER)
    if end - start > _WINDOW_BEFORE + _WINDOW_AFTER:
        hi = min(len(line_text), start + _WINDOW_BEFORE + _WINDOW_AFTER)
        end = hi
    return line_text[lo:hi], start - lo, min(end, hi) - lo, lo > 0, hi < len(line_text)


def render_full(
    console: Console,
    diagnostics: list[Diagnostic],
    sources: dict[str, list[str]],
    files_checked: int,
) -> None:
    for d in diagnostics:
        head = Text()
        head.append(f"{escape_controls(d.path)}:{d.line}:{d.column}: ", style="bold")
        head.append(d.code, style=_STYLE[d.severity])
        head.append(f" [{_LABEL[d.severity]}] ", style=_STYLE[d.severity])
        head.append(escape_controls(d.message))
        console.print(head)
        lines = sources.get(d.path)
        if lines and 0 < d.line <= len(lines):
            text, s, e, cut_left, cut_right = _excerpt(lines[d.line - 1].expandtabs(4), d)
            gutter = f"{d.line:>5} │ "
            # Escaped piece by piece, so that the caret still falls under the span.
            before, marked = escape_controls(text[:s]), escape_controls(text[s:e])
            text = before + marked + escape_controls(text[e:])
            s, e = len(before), len(before) + len(marked)
            shown = ("…" if cut_left else "") + text + ("…" if cut_right else "")
            console.print(Text(gutter, style="dim") + Text(shown))
            prefix = ("…" if cut_left else "") + text[:s]
            width = Text(text[s:e]).cell_len
            pad = Text(prefix).cell_len
            console.print(
                Text(" " * 5 + " │ ", style="dim")
                + Text(" " * pad + "^" * max(1, width), style=_STYLE[d.severity])
            )
        if d.fix is not None:
            tag = "可安全修复" if d.fix.applicability == "safe" else "可修复（不安全）"
            console.print(Text(f"      = {tag}：{escape_controls(d.fix.message)}", style="green"))
        console.print()
    console.print(summary(diagnostics, files_checked))


def summary(diagnostics: list[Diagnostic], files_checked: int) -> Text:
    counts = Counter(d.severity for d in diagnostics)
    if not diagnostics:
        return Text(f"检查了 {files_checked} 个文件，未发现问题。", style="bold green")
    fixable = sum(1 for d in diagnostics if d.fix is not None)
    text = Text(
        f"检查了 {files_checked} 个文件，发现 {len(diagnostics)} 个问题"
        f"（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}）",
        style="bold",
    )
    if fixable:
        text.append(f"；其中 {fixable} 个可自动修复")
    text.append("。")
    return text
