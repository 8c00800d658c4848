"""The decoded input document handed from the reader to the segmenter."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class ReadError(Exception):
    """The input cannot be read or decoded; the message is shown to the user (NL001)."""


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text with line breaks normalised to ``\\n`` and the BOM removed.

    ``encoding``, ``bom`` and ``newline`` record what the file had, so that a fix
    can write it back byte-for-byte in the same form.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    medium: str = "text"
