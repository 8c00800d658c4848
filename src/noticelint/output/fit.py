"""Fitting text into terminal cells: a Chinese character takes two cells, an ASCII
character one (``rich.cells.cell_len``), so cuts and wraps count cells, not characters."""

from __future__ import annotations

from rich.cells import cell_len

ELLIPSIS = "…"
#: A line is best broken after one of these (within the last few cells of the width).
_BREAK_AFTER = frozenset("，。；：、）》」』”！？,.;:)!?")
#: Chinese line-breaking rules: no line starts with a closing mark, none ends with
#: an opening one.
_NO_START = frozenset("，。；：、）》」』”’！？,.;:)!?…%")
_NO_END = frozenset("（《「『“‘(")
_LOOK_BACK = 12  # cells


def take_left(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells``."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > cells:
            return text[:i]
    return text


def take_right(text: str, cells: int) -> str:
    """The longest end of ``text`` that fits in ``cells``."""
    return take_left(text[::-1], cells)[::-1]


def window(before: str, marked: str, after: str, cells: int) -> tuple[str, str, str, bool, bool]:
    """Cut a source line (``before`` + the ``marked`` span + ``after``) to ``cells``
    around the span: some context before it, as much as fits after it. Returns the
    three pieces cut and whether the left and right ends were cut (an ellipsis goes
    there; it is counted in ``cells``)."""
    if cell_len(before + marked + after) <= cells:
        return before, marked, after, False, False
    budget = max(cells - 2, 4)  # room for an ellipsis at each end
    context = min(cell_len(before), max(6, (budget - cell_len(marked)) // 3))
    if cell_len(marked) > budget - context:  # the span itself is wider than the line
        kept = take_left(marked, budget - context)
        shown_before = take_right(before, context)
        return shown_before, kept, "", shown_before != before, True
    room = budget - context - cell_len(marked)
    shown_after = take_left(after, room)
    # What the end did not use goes to the start (its ellipsis too, if it is not cut).
    context += room - cell_len(shown_after) + (1 if shown_after == after else 0)
    shown_before = take_right(before, context)
    return shown_before, marked, shown_after, shown_before != before, shown_after != after


def wrap(text: str, first: int, rest: int) -> list[str]:
    """``text`` in lines of at most ``first`` cells (then ``rest``), broken after
    punctuation or a space where one is near the end, else where the width ends."""
    lines: list[str] = []
    width = max(first, 8)
    while cell_len(text) > width:
        cut = _break_point(text, len(take_left(text, width)))
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" ")
        width = max(rest, 8)
    lines.append(text)
    return lines


def _break_point(text: str, limit: int) -> int:
    """Where to break ``text`` at or before ``limit`` characters: after punctuation
    near the limit, else after a space, else at the limit; then moved back so that
    the next line does not start with a closing mark (nor this one end with an
    opening mark)."""
    cut = limit
    for marks in (_BREAK_AFTER, frozenset(" ")):
        found = next(
            (
                i
                for i in range(limit, 0, -1)
                if text[i - 1] in marks and cell_len(text[i:limit]) <= _LOOK_BACK
            ),
            None,
        )
        if found is not None:
            cut = found
            break
    for _ in range(3):
        if cut > 1 and (text[cut : cut + 1] in _NO_START or text[cut - 1] in _NO_END):
            cut -= 1
    return cut
