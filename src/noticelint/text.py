"""Names for the characters a notice is written in: its white space and its Han characters.

One definition each, used by every stage (the rules now; the parser is switched over
separately), so "white space" and "a Chinese character" mean the same everywhere.
"""

from __future__ import annotations

#: White space inside a notice's lines: space, tab, ideographic space (U+3000) and
#: no-break space (U+00A0, from pasted web pages). Line breaks are not in it.
WHITESPACE = " \t\u3000\xa0"

#: :data:`WHITESPACE` as a regular-expression character class.
WHITESPACE_CLASS = f"[{WHITESPACE}]"

#: The Han (CJK unified ideograph) ranges, as the body of a character class:
#: extension A, the unified block and the compatibility ideographs.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: One Han character, as a regular-expression character class.
HAN_CLASS = f"[{HAN_RANGES}]"


def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character, or the empty string) is a Han character."""
    return bool(ch) and (
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
    )
