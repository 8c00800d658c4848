"""Positions: noticelint's 1-based (line, column) in characters ↔ LSP positions.

LSP positions are 0-based lines and *code units* of the negotiated encoding within
the line — UTF-16 unless the client offers another: a character outside the Basic
Multilingual Plane (𠀀 U+20000, most emoji) is two UTF-16 units but one Python
character. Lines are separated by LF, CRLF or CR in both worlds, so line numbers
agree with the normalised text noticelint checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|\r|\n")

UnitCounter = Callable[[str], int]


def utf16_units(text: str) -> int:
    """UTF-16 code units of ``text`` (two for a character above U+FFFF)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf8_units(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def utf32_units(text: str) -> int:
    return len(text)


UNIT_COUNTERS: dict[str, UnitCounter] = {
    "utf-16": utf16_units,
    "utf-8": utf8_units,
    "utf-32": utf32_units,
}


@dataclass(frozen=True, slots=True)
class Position:
    """An LSP position: 0-based line, code units from the line's start."""

    line: int
    character: int


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks (LF, CRLF and CR all end a line)."""
    return _BREAK.split(text)


class LineMap:
    """Converts positions within one text (its lines split at any line break)."""

    __slots__ = ("_count", "_lead", "lines")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.lines = split_lines(text)
        self._count = UNIT_COUNTERS.get(encoding, utf16_units)
        # noticelint's text has no BOM; an editor that keeps one has it on line 1
        self._lead = 1 if text.startswith("\ufeff") else 0

    def to_lsp(self, line: int, column: int) -> Position:
        """noticelint's 1-based (line, column in characters) → an LSP position.

        Positions past the end of a line or of the text are clamped to it."""
        if line > len(self.lines):
            last = len(self.lines) - 1
            return Position(last, self._count(self.lines[last]))
        index = max(line, 1) - 1
        text = self.lines[index]
        lead = self._lead if index == 0 else 0
        return Position(index, self._count(text[: max(column, 1) - 1 + lead]))

    def from_lsp(self, line: int, character: int) -> tuple[int, int]:
        """An LSP position → noticelint's 1-based (line, column in characters).

        A position in the middle of a surrogate pair lands on that character."""
        if line >= len(self.lines):
            return len(self.lines) + 1, 1
        text = self.lines[max(line, 0)]
        lead = self._lead if line == 0 else 0
        units = 0
        for index, ch in enumerate(text):
            if units >= character:
                return line + 1, max(index + 1 - lead, 1)
            units += self._count(ch)
            if units > character:
                return line + 1, max(index + 1 - lead, 1)
        return line + 1, len(text) + 1 - lead

    def end(self) -> Position:
        """The position after the last character of the text."""
        last = len(self.lines) - 1
        return Position(last, self._count(self.lines[last]))


def offset_position(text: str, offset: int, encoding: str = "utf-16") -> Position:
    """The LSP position of character ``offset`` in ``text`` (any line breaks; the
    caller never puts ``offset`` between the CR and the LF of one break)."""
    count = UNIT_COUNTERS.get(encoding, utf16_units)
    head = text[:offset]
    breaks = list(_BREAK.finditer(head))
    line_start = breaks[-1].end() if breaks else 0
    line = len(breaks)
    return Position(line, count(text[line_start:offset]))
