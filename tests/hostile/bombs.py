"""Generators of the second round of hostile inputs (issue 12): decoding bombs that
slipped past the first guards, inputs that made a reader or a rule super-linear,
and a file-system swap. Everything is built in memory in well under a second."""

from __future__ import annotations

import base64
import io
import zipfile
import zlib

from hostile_files import _CT, _RELS, W_NS

# --- PDF -------------------------------------------------------------------------------


def spaces_flate(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MB of spaces, built from one repeated block."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + block * megabytes + b"\x03\x00" + adler.to_bytes(4, "big")


def pdf_document(
    pages: list[bytes],
    streams: dict[int, tuple[bytes, bytes]],
    extra: dict[int, bytes] | None = None,
) -> bytes:
    """A PDF with the given page dictionaries (objects 3…) and stream objects
    (number → (dictionary entries, raw stream bytes after the keyword))."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(len(pages)))
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
    }
    for i, page in enumerate(pages):
        objects[3 + i] = page
    objects.update(extra or {})
    for number, (entries, raw) in streams.items():
        objects[number] = b"<< " + entries + b" >>\n" + raw + b"\nendstream"
    out = b"%PDF-1.4\n"
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
        for n in range(1, size)
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return out


_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>"


def _one_page(entries: bytes, raw: bytes) -> bytes:
    return pdf_document([_PAGE % 4], {4: (entries, raw)})


def pdf_inflate_bombs(megabytes: int = 1024) -> dict[str, bytes]:
    """The filter layouts that got past the first guard (a `stream\\r?\\n` pattern and
    at most three Flate layers): each decodes to ``megabytes`` MB."""
    flate = spaces_flate(megabytes)
    four = flate
    for _ in range(3):
        four = zlib.compress(four, 9)
    flate_flate = zlib.compress(flate, 9)
    return {
        "bomb-stream-cr.pdf": _one_page(b"/Filter /FlateDecode", b"stream\r" + flate),
        "bomb-stream-spaces.pdf": _one_page(b"/Filter /FlateDecode", b"stream   \n" + flate),
        "bomb-hex-flate.pdf": _one_page(
            b"/Filter [/ASCIIHexDecode /FlateDecode]",
            b"stream\n" + flate_flate.hex().encode() + b">",
        ),
        "bomb-a85-flate.pdf": _one_page(
            b"/Filter [/A85 /Fl /Fl]",
            b"stream\n" + base64.a85encode(flate_flate, adobe=True)[2:],
        ),
        "bomb-flate4.pdf": _one_page(
            b"/Filter [/FlateDecode /FlateDecode /FlateDecode /FlateDecode]", b"stream\n" + four
        ),
        "bomb-indirect-filter.pdf": _one_page(b"/Filter 9 0 R", b"stream\n" + flate_flate),
    }


def pdf_shared_dense_stream(pages: int = 2000, operations: int = 6_000) -> bytes:
    """``pages`` pages all drawing one dense, uncompressed content stream: small on
    disk, but PDFium interprets the stream once per page."""
    ops = b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (x) Tj " * operations + b"ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>"
    )
    stream_no = 3 + pages
    return pdf_document(
        [page % (stream_no, stream_no + 1)] * pages,
        {stream_no: (b"/Length %d" % len(ops), b"stream\n" + ops)},
        {stream_no + 1: font},
    )


# --- Word ------------------------------------------------------------------------------


def docx_numbering_bomb(repeats: int = 4000, paragraphs: int = 40) -> bytes:
    """A tiny .docx whose list level starts near 10⁷ in ``upperLetter`` (Word would
    print a 384,616-letter number) with ``lvlText`` repeating ``%1`` thousands of
    times: rendered naively, each paragraph's label is gigabytes."""
    w = f'xmlns:w="{W_NS}"'
    numbering = (
        f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="9999999"/><w:numFmt w:val="upperLetter"/>'
        f'<w:lvlText w:val="{"%1" * repeats}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    para = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>整改</w:t></w:r></w:p>"
    )
    document = f"<w:document {w}><w:body>{para * paragraphs}</w:body></w:document>"
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="numbering.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/_rels/document.xml.rels", rels)
    return out.getvalue()


# --- HTML ------------------------------------------------------------------------------


def html_print_links(repeats: int = 60) -> bytes:
    """One paragraph of ``打印 `` repeated: the print-link pattern used to backtrack
    exponentially on it (269 bytes took longer than any budget)."""
    return ("<html><body><p>" + "打印 " * repeats + "x</p></body></html>").encode()


def html_many_attributes(count: int = 200_000) -> bytes:
    attributes = " ".join(f"a{i}=1" for i in range(count))
    return f"<html><body><p {attributes}>关于整改</p></body></html>".encode()


def html_deep_nesting(depth: int = 200_000) -> bytes:
    return ("<html><body>" + "<span>" * depth + "关于整改" + "</body></html>").encode()


# --- text for the rules ------------------------------------------------------------------


def quadratic_text_lines(kilobytes: int = 40) -> dict[str, bytes]:
    """Lines that made text rules quadratic: tabs, ``|`` and runs of spaces between
    Chinese characters (40 KB used to take 74 s)."""
    size = kilobytes * 1024 // 3
    return {
        "tabs.txt": ("整\t" * (size // 2)).encode(),
        "bars.txt": ("整|" * (size // 2)).encode(),
        "space-runs.txt": ("整  改   " * (size // 8)).encode(),
        "mixed-runs.txt": ("关于 \t| 整改 " * (size // 8)).encode(),
    }
