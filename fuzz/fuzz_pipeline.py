"""Coverage-guided fuzzing (atheris) of the whole pipeline.

    python fuzz/fuzz_pipeline.py -max_total_time=60 fuzz/corpus
    bash fuzz/run.sh 60          # what CI runs (a scratch corpus, crashes kept)

One input is one file. Its first byte chooses the suffix — ``.txt``, ``.html``,
``.docx`` or ``.pdf`` (``byte % 4``) — and, with bit 2 (``byte & 4``), whether the
rest is the file itself (raw) or is first wrapped the way that format holds text:
for ``.docx`` the rest becomes ``word/document.xml`` of a minimal package (so the
fuzzer reaches the XML walker instead of failing zip CRCs), for ``.pdf`` its lines
are typeset into a PDF with reportlab. With bit 3 (``byte & 8``) the readers'
guards are the target instead: for ``.docx`` the rest becomes ``word/numbering.xml``
of a package whose paragraphs use every list level (the numbering-bomb surface:
the text must stay within ``MAX_EXPANSION`` of the file and every label within
``MAX_LABEL``); for ``.pdf`` the next byte picks a filter chain (Flate, ASCIIHex,
ASCII85, RunLength, stacked, declared or not, any white space after ``stream``)
that the rest is encoded with, as the content stream of a one-page PDF: the
stream measurer must find exactly the rest's length. Then:

    read_bytes → parse → every rule → the safe fixes, applied once → lint again

A :class:`ReadError` (NL001) is a correct answer, not a finding. Anything else
raised is a crash, and so is a broken invariant: every span of the model, of every
diagnostic and of every fix edit must lie inside the text.
"""

from __future__ import annotations

import contextlib
import io
import sys
import zipfile
from typing import Any

import atheris

with atheris.instrument_imports(include=["noticelint"]):
    import noticelint.read.docx
    import noticelint.read.html
    import noticelint.read.pdf
    import noticelint.read.pdf_streams
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


_NUMBERED_BODY = (
    f'<w:document xmlns:w="{W_NS}"><w:body>'
    + "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{k % 9}"/><w:numId w:val="{1 + k % 3}"/>'
        "</w:numPr></w:pPr><w:r><w:t>整改</w:t></w:r></w:p>"
        for k in range(27)
    )
    + "</w:body></w:document>"
)
_NUMBERING_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/></Relationships>'
)


def wrap_numbering(xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("word/document.xml", _NUMBERED_BODY)
        z.writestr("word/numbering.xml", xml)
        z.writestr("word/_rels/document.xml.rels", _NUMBERING_RELS)
    return out.getvalue()


def _run_length(data: bytes) -> bytes:
    out = bytearray()
    for pos in range(0, len(data), 128):
        piece = data[pos : pos + 128]
        out += bytes([len(piece) - 1]) + piece
    return bytes(out) + b"\x80"


_ENCODERS: list[tuple[bytes, Any]] = [
    (b"FlateDecode", lambda d: __import__("zlib").compress(d)),
    (b"ASCIIHexDecode", lambda d: d.hex().encode() + b">"),
    (b"ASCII85Decode", lambda d: __import__("base64").a85encode(d) + b"~>"),
    (b"RunLengthDecode", _run_length),
]
_AFTER_STREAM = [b"\n", b"\r\n", b"\r", b"   \n", b" \t\r\n"]


def wrap_stream(choice: int, content: bytes) -> tuple[bytes, bytes]:
    """A one-page PDF whose content stream (object 4) is ``content`` encoded with the
    filter chain ``choice`` picks (up to three layers, declared or not), and the
    encoded stream data."""
    layers = [_ENCODERS[(choice >> (2 * k)) & 3] for k in range(1 + choice % 3)]
    raw = content
    for _, encode in reversed(layers):
        raw = encode(raw)
    declared = choice & 0x40 == 0 or layers[0][0] != b"FlateDecode" or len(layers) > 1
    names = b" ".join(b"/" + name for name, _ in layers)
    entries = b"/Filter [" + names + b"]" if declared else b""
    after = _AFTER_STREAM[choice % len(_AFTER_STREAM)]
    if after.endswith(b"\r") and raw.startswith(b"\n"):
        after += b"\n"  # "stream\r" + "\n…" reads as one line end (PDFium too)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< " + entries + b" >>\nstream" + after + raw + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    for number, body in enumerate(objects, 1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n", raw


def _zlib_header(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def check_guards(suffix: str, body: bytes, data: bytes, raw: bytes = b"") -> None:
    """The guard invariants of bit 3 (see the module docstring)."""
    if suffix == ".pdf":
        from noticelint.read.pdf_streams import measure

        sizes = measure(data, 1 << 26, 1 << 28)
        # Exact unless the content itself looks like one more zlib layer (measured
        # on purpose) or the encoded data holds a keyword that ends the stream early.
        if not _zlib_header(body[:2]) and b"stream" not in raw:
            assert sizes.by_object.get(4) == len(body), (sizes.by_object, len(body))
        return
    from noticelint.read.docx import MAX_EXPANSION, MAX_LABEL

    try:
        document = read_bytes(data, "fuzz.docx")
    except ReadError:
        return
    assert len(document.text) <= MAX_EXPANSION * len(data) + 4096
    for line in document.text.split("\n"):
        assert len(line) <= MAX_LABEL + 1 + len("整改"), line[:80]


def check_spans(document: Document, parsed: Any, diagnostics: list[Any]) -> None:
    index = LineIndex(document.text)

    def inside(line: int, column: int, end_line: int, end_column: int) -> None:
        assert 1 <= line <= end_line <= index.line_count, (line, end_line)
        assert (line, column) <= (end_line, end_column), (line, column, end_line, end_column)
        assert 1 <= column <= len(index.line_text(line)) + 1, (line, column)
        assert 1 <= end_column <= len(index.line_text(end_line)) + 1, (end_line, end_column)

    # Paragraphs are cut from the text the parser read: a traditional-script notice is
    # read through its simplified view (S12), of the same length, so offsets are shared.
    view = parsed.index.text
    assert len(view) == len(document.text)
    for seg in parsed.segmentation.segments:
        assert view[seg.start : seg.end] == seg.text
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
    if head & 8 and suffix in (".docx", ".pdf") and body:
        if suffix == ".docx":
            check_guards(suffix, body, wrap_numbering(body))
            return
        choice, content = body[0], body[1:]
        pdf, raw = wrap_stream(choice, content)
        check_guards(suffix, content, pdf, raw)
        with contextlib.suppress(ReadError):
            read_bytes(pdf, "fuzz.pdf")
        return
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
    # The fixed text goes back into the file's encoding; when it cannot, fix_file
    # reports it per file ("未修复") and writes nothing.
    with contextlib.suppress(UnicodeEncodeError):
        document.encode(fixed)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
