"""The ``full`` output writes its colours and finds its width without rich, byte for
byte as rich's ``Console(soft_wrap=True)`` did (``output/ansi.py``, ``output/terminal.py``)."""

from __future__ import annotations

import io
import itertools

import pytest
from rich.console import Console
from rich.text import Text

from noticelint.diagnostics import Diagnostic, Severity
from noticelint.output.ansi import Palette
from noticelint.output.full import render_findings
from noticelint.output.terminal import detect

STYLES = ["", "bold", "dim", "green", "bold red", "bold yellow", "bold cyan", "bold green"]
SYSTEMS = [None, "standard", "256", "truecolor"]


def _by_rich(color_system: str | None, base: str, pieces: list[tuple[str, str]]) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        soft_wrap=True,
        color_system=color_system,  # type: ignore[arg-type]
        force_terminal=color_system is not None,
        width=40,
    )
    text = Text(pieces[0][0], style=base)
    for piece, style in pieces[1:]:
        text += Text(piece, style=style)
    console.print(text)
    return buffer.getvalue()


@pytest.mark.parametrize("no_color", ["", "1"])
@pytest.mark.parametrize("system", SYSTEMS)
def test_a_styled_line_is_what_rich_writes(
    system: str | None, no_color: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    palette = Palette(system)
    words = ["关于整改进展情况的通报", "", "a.txt:1:2: ", "      ", "整改 ^^^"]
    for base, first, second in itertools.product(STYLES, STYLES, STYLES):
        pieces = [(words[0], ""), (words[1], first), (words[2], second), (words[4], "")]
        assert palette.line(base, *pieces) == _by_rich(system, base, pieces), (base, pieces)


def _finding(severity: Severity, end_column: int) -> Diagnostic:
    return Diagnostic(
        path="通报.txt",
        code="NL101",
        name="halfwidth-punctuation",
        severity=severity,
        message="半角逗号",
        line=1,
        column=3,
        end_line=1,
        end_column=end_column,
    )


def test_full_output_without_a_colour_system_is_plain_text() -> None:
    d = _finding("warning", end_column=5)
    out = render_findings([d], {"通报.txt": ["关于,整改"]}, Palette(None), 100)
    assert out == "通报.txt:1:3: NL101 [警告] 半角逗号\n    1 │ 关于,整改\n      │     ^^^\n\n"


def test_full_output_on_a_terminal_marks_code_and_carets_in_the_severity_colour() -> None:
    d = _finding("error", end_column=4)
    out = render_findings([d], {"通报.txt": ["关于,整改"]}, Palette("standard"), 100)
    assert "\x1b[1;31mNL101\x1b[0m" in out
    assert "\x1b[1;2;31m    ^\x1b[0m" in out


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


ENVIRONMENTS = [
    {},
    {"FORCE_COLOR": "1"},
    {"FORCE_COLOR": ""},
    {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
    {"TTY_COMPATIBLE": "1"},
    {"TERM": "xterm-256color"},
    {"TERM": "xterm-kitty", "COLUMNS": "100"},
    {"TERM": "rxvt-16color", "COLORTERM": "truecolor"},
    {"TERM": "dumb", "COLUMNS": "120"},
    {"TERM": "dumb", "COLUMNS": "120", "LINES": "40"},
    {"TERM": "unknown"},
    {"COLUMNS": "0"},
    {"COLUMNS": "abc", "LINES": "30"},
    {"COLORTERM": "24bit ", "NO_COLOR": "1", "COLUMNS": "72"},
]
VARIABLES = ["FORCE_COLOR", "TTY_COMPATIBLE", "TERM", "COLORTERM", "COLUMNS", "LINES", "NO_COLOR"]


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_the_terminal_found_is_the_one_rich_finds(
    env: dict[str, str], tty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = _Stream(tty)
    console = Console(file=stream, highlight=False, soft_wrap=True)
    found = detect(stream)
    assert (found.color_system, found.width, found.is_terminal) == (
        console.color_system,
        console.width,
        console.is_terminal,
    )
