"""The ``full`` format: rich terminal output with the source line and the span
underlined, then a summary line (in Chinese)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from noticelint.diagnostics import Diagnostic
from noticelint.output.escape import escape_controls
from noticelint.output.fit import ELLIPSIS, window, wrap
from noticelint.output.labels import SEVERITY_LABEL as _LABEL

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_GUTTER = 8  # "12345 │ "
_INDENT = "      "  # continuation lines of a message and the fix line
_MIN_WIDTH = 40


def render_full(
    console: Console,
    diagnostics: list[Diagnostic],
    sources: dict[str, list[str]],
    files_checked: int,
) -> None:
    render_findings(console, diagnostics, sources)
    width = max(console.width, _MIN_WIDTH)
    total = summary(diagnostics, files_checked)
    for line in wrap(total.plain, width, width):
        console.print(Text(line, style=total.style))


def render_findings(
    console: Console, diagnostics: list[Diagnostic], sources: dict[str, list[str]]
) -> None:
    """Each finding as a headline, the source line with the span underlined and the
    fix (``sources``: the lines of each file); every line fits the terminal's width
    (the excerpt is cut around the span, messages are wrapped)."""
    width = max(console.width, _MIN_WIDTH)
    for d in diagnostics:
        _headline(console, d, width)
        lines = sources.get(d.path)
        if lines and 0 < d.line <= len(lines):
            _excerpt(console, lines[d.line - 1].expandtabs(4), d, width)
        if d.fix is not None:
            tag = "可安全修复" if d.fix.applicability == "safe" else "可修复（不安全）"
            text = f"= {tag}：{escape_controls(d.fix.message)}"
            parts = wrap(text, width - len(_INDENT), width - len(_INDENT) - 2)
            for i, line in enumerate(parts):
                console.print(Text(_INDENT + ("  " if i else "") + line, style="green"))
        console.print()


def _headline(console: Console, d: Diagnostic, width: int) -> None:
    """``path:line:col: CODE [级别] message``, the message wrapped under itself."""
    where = f"{escape_controls(d.path)}:{d.line}:{d.column}: "
    tag = f"{d.code} [{_LABEL[d.severity]}] "
    first = width - cell_len(where + tag)
    if first < 16:  # a long path: the message starts on a line of its own
        console.print(Text(where, style="bold") + Text(tag.rstrip(), style=_STYLE[d.severity]))
        parts = wrap(escape_controls(d.message), width - len(_INDENT), width - len(_INDENT))
        head, rest = Text(), parts
    else:
        parts = wrap(escape_controls(d.message), first, width - len(_INDENT))
        head = Text(where, style="bold") + Text(d.code, style=_STYLE[d.severity])
        head.append(f" [{_LABEL[d.severity]}] ", style=_STYLE[d.severity])
        head.append(parts[0])
        rest = parts[1:]
        console.print(head)
    for part in rest:
        console.print(Text(_INDENT + part))


def _excerpt(console: Console, line_text: str, d: Diagnostic, width: int) -> None:
    """The source line cut to the width around the span, carets under the span."""
    start = min(d.column - 1, len(line_text))
    end = d.end_column - 1 if d.end_line == d.line else len(line_text)
    end = min(max(end, start), len(line_text))
    # Escaped piece by piece, so that the caret still falls under the span.
    before = escape_controls(line_text[:start])
    marked = escape_controls(line_text[start:end])
    after = escape_controls(line_text[end:])
    before, marked, after, cut_left, cut_right = window(before, marked, after, width - _GUTTER)
    left = ELLIPSIS if cut_left else ""
    shown = left + before + marked + after + (ELLIPSIS if cut_right else "")
    console.print(Text(f"{d.line:>5} │ ", style="dim") + Text(shown))
    carets = "^" * max(1, cell_len(marked))
    console.print(
        Text(" " * 5 + " │ ", style="dim")
        + Text(" " * cell_len(left + before) + carets, style=_STYLE[d.severity])
    )


def summary(diagnostics: list[Diagnostic], files_checked: int) -> Text:
    counts: Counter[str] = Counter(d.severity for d in diagnostics)
    fixable = sum(1 for d in diagnostics if d.fix is not None)
    return summary_line(counts, fixable, files_checked)


def summary_line(counts: Mapping[str, int], fixable: int, files_checked: int) -> Text:
    """The summary line, green when nothing was found."""
    from noticelint.output.machine import summary_text

    clean = not (counts.get("error", 0) + counts.get("warning", 0) + counts.get("info", 0))
    return Text(
        summary_text(counts, fixable, files_checked), style="bold green" if clean else "bold"
    )
