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
    #: A PDF's pages: where each printed line begins in ``text`` as (line, column,
    #: page, line on the page), in text order; empty for other media.
    page_marks: tuple[tuple[int, int, int, int], ...] = ()

    def page_of(self, line: int, column: int = 1) -> tuple[int, int] | None:
        """The page and the printed line on it of a place in ``text`` (a PDF's);
        ``None`` when the document has no pages."""
        from bisect import bisect_right

        marks = self.page_marks
        if not marks:
            return None
        at = bisect_right(marks, (line, column), key=lambda mark: (mark[0], mark[1]))
        _, _, page, row = marks[max(at - 1, 0)]
        return page, row

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
