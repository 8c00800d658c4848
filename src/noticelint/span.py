"""Source positions: character offsets in the decoded text mapped to (line, column).

The text the parser sees is the decoded file with every line break normalised to
``\\n`` and a leading BOM removed, so a line/column in it is the line/column in the
original file (a CRLF pair counts as one line break, as an editor shows it).
Columns are 1-based and count Unicode characters, not bytes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A half-open range of the source, as 1-based line and column numbers.

    Treated as a value: never changed once made, equal and hashed by its numbers. (Not
    ``frozen``: a frozen dataclass sets each field through ``object.__setattr__``,
    which made a span cost four times as much, and the parser makes ~100 a notice.)"""

    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column) pairs."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at ``offset`` (1-based)."""
        offset = max(0, min(offset, len(self.text)))
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def place(self, marks: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
        """``(line, column, mark)`` for each ``(offset, mark)`` (sorted by offset, all
        within the text): one walk down the lines, a bisection only when an offset
        leaves its line."""
        starts = self._starts
        out: list[tuple[int, int, str]] = []
        if not marks:
            return out
        last = len(starts)
        beyond = len(self.text) + 1
        line = bisect_right(starts, marks[0][0])
        base = starts[line - 1]
        following = starts[line] if line < last else beyond
        append = out.append
        for offset, mark in marks:
            if offset >= following:
                line = bisect_right(starts, offset, line)
                base = starts[line - 1]
                following = starts[line] if line < last else beyond
            append((line, offset - base + 1, mark))
        return out

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``; ``end`` is exclusive."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return Span(line, column, end_line, end_column)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end]

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1
