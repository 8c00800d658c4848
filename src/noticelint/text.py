"""Characters every stage agrees on: the blanks of a line and what a Han character is."""

from __future__ import annotations

# The blanks a notice puts inside or around a line: space, tab, the ideographic
# space of Word's indent (U+3000) and the no-break space of web pages (U+00A0).
WHITESPACE = " \t\u3000\xa0"

# The CJK Unified Ideographs block, where every character of a notice's Chinese lies
# (a regular-expression character range, for patterns such as ``[{HAN_RANGE}]``).
HAN_RANGE = "\u4e00-\u9fff"


def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character) is a Chinese character."""
    return "\u4e00" <= ch <= "\u9fff"
