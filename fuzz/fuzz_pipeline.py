"""Coverage-guided fuzzing (atheris) of the whole pipeline.

    python fuzz/fuzz_pipeline.py -max_total_time=60 fuzz/corpus
    bash fuzz/run.sh 60          # what CI runs (a scratch corpus, crashes kept)

One input is one file. Its first byte chooses the suffix — ``.txt``, ``.html``,
``.docx`` or ``.pdf`` (``byte % 4``) — and, with bit 2 (``byte & 4``), whether the
rest is the file itself (raw) or is first wrapped the way that format holds text:
for ``.docx`` the rest becomes ``word/document.xml`` of a minimal package (so the
fuzzer reaches the XML walker instead of failing zip CRCs), for ``.pdf`` its lines
are typeset into a PDF with reportlab. Then:

    read_bytes → parse → every rule → the safe fixes, applied once → lint again

A :class:`ReadError` (NL001) is a correct answer, not a finding. Anything else
raised is a crash, and so is a broken invariant: every span of the model, of every
diagnostic and of every fix edit must lie inside the text.
"""

from __future__ import annotations

import io
import sys
import zipfile
from typing import Any

import atheris

with atheris.instrument_imports(include=["noticelint"]):
    import noticelint.read.docx
    import noticelint.read.html
    import noticelint.read.pdf
    import noticelint.read.text
    import noticelint.rules  # noqa: F401  (registers every rule)
    from noticelint.fix import apply_edits, selected_edits
    from noticelint.lint import check_document
    from noticelint.read import Document, ReadError, read_bytes
    from noticelint.settings import Settings
    from noticelint.span import LineIndex

SETTINGS = Settings()
SUFFIXES = (".txt", ".html", ".docx", ".pdf")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def wrap_docx(xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("word/document.xml", xml)
    return out.getvalue()


_FONT_READY = False


def wrap_pdf(body: bytes) -> bytes | None:
    """The lines of ``body`` typeset on A4 pages (None: reportlab refused them)."""
    global _FONT_READY
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if not _FONT_READY:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONT_READY = True
    text = body.decode("utf-8", "replace")
    out = io.BytesIO()
    try:
        c = canvas.Canvas(out, invariant=1)
        y = 800.0
        for k, line in enumerate(text.split("\n")[:120]):
            c.setFont("STSong-Light", 12 if k else 18)
            x = 60.0 + (24.0 if line.startswith(("\u3000", " ")) else 0.0)
            c.drawString(x, y, line.strip()[:45])
            y -= 20
            if y < 60:
                c.showPage()
                y = 800.0
        c.save()
    except Exception:  # reportlab's own limits: not the program under test
        return None
    return out.getvalue()


def check_spans(document: Document, parsed: Any, diagnostics: list[Any]) -> None:
    index = LineIndex(document.text)

    def inside(line: int, column: int, end_line: int, end_column: int) -> None:
        assert 1 <= line <= end_line <= index.line_count, (line, end_line)
        assert (line, column) <= (end_line, end_column), (line, column, end_line, end_column)
        assert 1 <= column <= len(index.line_text(line)) + 1, (line, column)
        assert 1 <= end_column <= len(index.line_text(end_line)) + 1, (end_line, end_column)

    for seg in parsed.segmentation.segments:
        assert document.text[seg.start : seg.end] == seg.text
    for d in diagnostics:
        inside(d.line, d.column, d.end_line, d.end_column)
        if d.fix is not None:
            for e in d.fix.edits:
                inside(e.line, e.column, e.end_line, e.end_column)


def renormalised(document: Document, original: str) -> Document:
    text = original.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(
        path=document.path,
        text=text,
        encoding=document.encoding,
        bom=document.bom,
        newline=document.newline,
        medium=document.medium,
        raw=original if original != text else None,
    )


def one_input(data: bytes) -> None:
    if not data:
        return
    head, body = data[0], data[1:]
    suffix = SUFFIXES[head % 4]
    if head & 4:
        if suffix == ".docx":
            body = wrap_docx(body)
        elif suffix == ".pdf":
            wrapped = wrap_pdf(body)
            if wrapped is None:
                return
            body = wrapped
    try:
        document = read_bytes(body, "fuzz" + suffix)
    except ReadError:
        return
    parsed, diagnostics = check_document(document, SETTINGS)
    check_spans(document, parsed, diagnostics)
    fixes = selected_edits(diagnostics, unsafe=False)
    if not fixes:
        return
    fixed = apply_edits(document.original, fixes, document.newline)
    again = renormalised(document, fixed)
    parsed, diagnostics = check_document(again, SETTINGS)
    check_spans(again, parsed, diagnostics)
    document.encode(fixed)  # the fixed text goes back into the file's encoding


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
