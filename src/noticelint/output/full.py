"""The ``full`` format: each finding with the source line and the span underlined,
then a summary line (in Chinese); styled for a terminal as rich would style it
(:mod:`noticelint.output.ansi`)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len

from noticelint.diagnostics import Diagnostic
from noticelint.output.ansi import Palette
from noticelint.output.escape import escape_controls
from noticelint.output.fit import ELLIPSIS, window, wrap
from noticelint.output.labels import SEVERITY_LABEL as _LABEL
from noticelint.output.summary_line import summary_text

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_GUTTER = 8  # "12345 │ "
_INDENT = "      "  # continuation lines of a message and the fix line
_MIN_WIDTH = 40


def render_findings(
    diagnostics: list[Diagnostic], sources: dict[str, list[str]], palette: Palette, width: int
) -> str:
    """Each finding as a headline, the source line with the span underlined and the
    fix (``sources``: the lines of each file); every line fits ``width`` cells (the
    excerpt is cut around the span, messages are wrapped)."""
    width = max(width, _MIN_WIDTH)
    out: list[str] = []
    for d in diagnostics:
        out += _headline(palette, d, width)
        lines = sources.get(d.path)
        if lines and 0 < d.line <= len(lines):
            out += _excerpt(palette, lines[d.line - 1].expandtabs(4), d, width)
        if d.fix is not None:
            tag = "可安全修复" if d.fix.applicability == "safe" else "可修复（不安全）"
            text = f"= {tag}：{escape_controls(d.fix.message)}"
            parts = wrap(text, width - len(_INDENT), width - len(_INDENT) - 2)
            for i, line in enumerate(parts):
                out.append(palette.line("green", (_INDENT + ("  " if i else "") + line, "")))
        out.append("\n")
    return "".join(out)


def _headline(palette: Palette, d: Diagnostic, width: int) -> list[str]:
    """``path:line:col: CODE [级别] message``, the message wrapped under itself."""
    where = f"{escape_controls(d.path)}:{d.line}:{d.column}: "
    tag = f"{d.code} [{_LABEL[d.severity]}] "
    style = _STYLE[d.severity]
    first = width - cell_len(where + tag)
    if first < 16:  # a long path: the message starts on a line of its own
        out = [palette.line("bold", (where, ""), (tag.rstrip(), style))]
        rest = wrap(escape_controls(d.message), width - len(_INDENT), width - len(_INDENT))
    else:
        parts = wrap(escape_controls(d.message), first, width - len(_INDENT))
        tail = f" [{_LABEL[d.severity]}] "
        out = [palette.line("bold", (where, ""), (d.code, style), (tail, style), (parts[0], ""))]
        rest = parts[1:]
    return out + [palette.line("", (_INDENT + part, "")) for part in rest]


def _excerpt(palette: Palette, line_text: str, d: Diagnostic, width: int) -> list[str]:
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
    carets = "^" * max(1, cell_len(marked))
    under = " " * cell_len(left + before) + carets
    return [
        palette.line("dim", (f"{d.line:>5} │ ", ""), (shown, "")),
        palette.line("dim", (" " * 5 + " │ ", ""), (under, _STYLE[d.severity])),
    ]


def summary_line(palette: Palette, counts: Mapping[str, int], fixable: int, files: int) -> str:
    """The summary line, green when nothing was found."""
    clean = not (counts.get("error", 0) + counts.get("warning", 0) + counts.get("info", 0))
    text = summary_text(counts, fixable, files)
    return palette.line("bold green" if clean else "bold", (text, ""))
