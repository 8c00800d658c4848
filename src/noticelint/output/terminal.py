"""What the terminal ``check`` writes to can show: its colour system and width, as
rich's ``Console(file=...)`` would detect them (``FORCE_COLOR``, ``TTY_COMPATIBLE``,
``TERM``, ``COLORTERM``, ``COLUMNS``, ``LINES``, a dumb terminal), without importing
rich: the ``full`` output of one file starts faster. Inside IPython/Jupyter, where
rich has rules of its own, rich itself is asked."""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Mapping
from typing import NamedTuple, TextIO

#: ``TERM``'s last part → colour system (rich's ``_TERM_COLORS``; default standard).
_TERM_COLORS = {"kitty": "256", "256color": "256", "16color": "standard"}
_DUMB_TERMS = ("dumb", "unknown")
_DEFAULT_WIDTH = 80


class Terminal(NamedTuple):
    """``color_system``: None (no styles), ``"standard"``, ``"256"`` or ``"truecolor"``."""

    color_system: str | None
    width: int
    is_terminal: bool


def detect(file: TextIO) -> Terminal:
    """The terminal behind ``file`` (e.g. ``sys.stdout``), as rich sees it."""
    if "get_ipython" in builtins.__dict__:
        return _ask_rich(file)
    env = os.environ
    terminal = _is_terminal(getattr(file, "rich_proxied_file", file), env)
    dumb = terminal and env.get("TERM", "").lower() in _DUMB_TERMS
    color_system = _color_system(env) if terminal and not dumb else None
    return Terminal(color_system, _width(env, dumb), terminal)


def _is_terminal(file: TextIO, env: Mapping[str, str]) -> bool:
    stdin_module = getattr(sys.stdin, "__module__", None)
    if isinstance(stdin_module, str) and stdin_module.startswith("idlelib"):
        return False  # IDLE claims a tty but shows no escape sequences
    tty_compatible = env.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = env.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    isatty = getattr(file, "isatty", None)
    try:
        return False if isatty is None else bool(isatty())
    except ValueError:  # a closed file
        return False


def _color_system(env: Mapping[str, str]) -> str:
    if env.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    colors = env.get("TERM", "").strip().lower().rpartition("-")[2]
    return _TERM_COLORS.get(colors, "standard")


def _width(env: Mapping[str, str], dumb: bool) -> int:
    """``COLUMNS`` (with ``LINES`` it wins even on a dumb terminal), else 80 on a dumb
    terminal, else the size of the first standard stream that is a terminal, else 80."""
    columns, lines = env.get("COLUMNS"), env.get("LINES")
    given = int(columns) if columns is not None and columns.isdigit() else None
    if given is not None and lines is not None and lines.isdigit():
        return given
    if dumb:
        return _DEFAULT_WIDTH
    if given is not None:
        return given
    for fd in _standard_streams():
        try:
            return os.get_terminal_size(fd).columns or _DEFAULT_WIDTH
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return _DEFAULT_WIDTH


def _standard_streams() -> tuple[int, int, int]:
    """The descriptors of the interpreter's own stdin, stdout and stderr."""
    fds = []
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            fds.append(stream.fileno())  # type: ignore[union-attr]
        except Exception:  # closed, replaced or None: as rich does
            fds.append(default)
    return fds[0], fds[1], fds[2]


def _ask_rich(file: TextIO) -> Terminal:
    from rich.console import Console

    console = Console(file=file, highlight=False, soft_wrap=True)
    return Terminal(console.color_system, console.width, console.is_terminal)
