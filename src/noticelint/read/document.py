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
    #: The decoded text exactly as in the file (CR/CRLF line breaks, a leading
    #: U+FEFF) when it differs from ``text``; fixes are applied to it, so that
    #: nothing but the characters an edit targets changes.
    raw: str | None = None
    #: Bytes that were not valid in the file's encoding, each decoded as U+FFFD:
    #: (offset of the U+FFFD in ``text``, the byte). A fix never writes such a file.
    bad_bytes: tuple[tuple[int, int], ...] = ()

    @property
    def original(self) -> str:
        return self.text if self.raw is None else self.raw

    def encode(self, text: str) -> bytes:
        """``text`` (in the file's own line-break form) as the file's bytes."""
        import codecs

        data = text.encode(self.encoding)
        if self.bom:
            boms = {
                "utf-8": codecs.BOM_UTF8,
                "utf-16-le": codecs.BOM_UTF16_LE,
                "utf-16-be": codecs.BOM_UTF16_BE,
                "utf-32-le": codecs.BOM_UTF32_LE,
                "utf-32-be": codecs.BOM_UTF32_BE,
            }
            data = boms.get(self.encoding, b"") + data
        return data
