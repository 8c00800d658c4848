"""Making untrusted text safe to print: file names and notice text come from the
corpus, and a raw ESC, BEL or bidi override in them would drive the terminal
(OSC 52 clipboard writes, window titles, clearing the screen) or hide text."""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: What XML 1.0 forbids (JUnit): C0 controls other than tab/LF/CR, lone surrogates
#: (an undecodable byte in a file name), U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _code(match: re.Match[str]) -> str:
    ch = match.group(0)
    point = ord(ch)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character shown as an escape (ESC → ``\\x1b``)."""
    return _UNSAFE.sub(_code, text) if _UNSAFE.search(text) else text


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry (shown as escapes instead)."""
    return _XML_FORBIDDEN.sub(_code, text) if _XML_FORBIDDEN.search(text) else text


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a string starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a line break gets a leading apostrophe (OWASP's
    advice against formula injection); control characters are escaped."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return escape_controls(value)
