"""Styled lines written byte for byte as rich's ``Console(soft_wrap=True).print``
writes a ``Text``, without importing rich (the ``full`` output of one file starts
faster).

A line is a base style and pieces: ``line("bold", (where, ""), (code, "bold red"))``
is rich's ``Text(where, style="bold") + Text(code, style="bold red")``. Rich writes
each styled piece (the base style combined with its own) and each run of unstyled
pieces (the base style) as one segment wrapped in its SGR sequence; with no colour
system, the plain text. ``NO_COLOR`` keeps the attributes and drops the colours.
Only the styles ``full`` uses are known here.
"""

from __future__ import annotations

import os

#: Attributes in rich's order of SGR parameters.
_ATTRIBUTES = {"bold": "1", "dim": "2"}
#: The standard colours: the same parameter in every colour system.
_COLORS = {"red": "31", "green": "32", "yellow": "33", "cyan": "36"}
COLOR_SYSTEMS = frozenset({"standard", "256", "truecolor"})

Piece = tuple[str, str]


class Palette:
    """How one output writes styles (``color_system`` as :mod:`output.terminal` found)."""

    __slots__ = ("_colored", "_no_color")

    def __init__(self, color_system: str | None) -> None:
        if color_system is not None and color_system not in COLOR_SYSTEMS:
            raise ValueError(f"unknown colour system {color_system!r}")
        self._colored = color_system is not None
        self._no_color = os.environ.get("NO_COLOR", "") != ""

    def line(self, base: str, *pieces: Piece) -> str:
        """``pieces`` (text, own style or "") on ``base``, as one line with its newline."""
        if not self._colored:
            return "".join(text for text, _ in pieces) + "\n"
        out: list[str] = []
        plain: list[str] = []
        for text, style in pieces:
            if not text:  # rich appends nothing for an empty piece, not even a style
                continue
            if not style:
                plain.append(text)
                continue
            out.append(self._paint("".join(plain), base))
            plain.clear()
            out.append(self._paint(text, _combine(base, style)))
        out.append(self._paint("".join(plain), base))
        return "".join(out) + "\n"

    def _paint(self, text: str, style: str) -> str:
        codes = self._codes(style)
        return f"\x1b[{codes}m{text}\x1b[0m" if text and codes else text

    def _codes(self, style: str) -> str:
        words = style.split()
        unknown = [w for w in words if w not in _ATTRIBUTES and w not in _COLORS]
        if unknown:
            raise ValueError(f"unknown style {style!r}")
        codes = [code for name, code in _ATTRIBUTES.items() if name in words]
        if not self._no_color:
            codes += [_COLORS[w] for w in words if w in _COLORS]
        return ";".join(codes)


def _combine(base: str, style: str) -> str:
    """``style`` over ``base``: the attributes of both, ``style``'s colour if it has one."""
    own = style.split()
    kept = [w for w in base.split() if w not in own and not (w in _COLORS and _has_color(own))]
    return " ".join([*kept, *own])


def _has_color(words: list[str]) -> bool:
    return any(w in _COLORS for w in words)
