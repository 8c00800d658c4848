"""Hostile inputs, generated into a folder: each one is made here, cheaply, from
nothing but the standard library, python-docx and reportlab (no fixture file is
committed for them).

:func:`build` writes every kind into one folder and returns what ``check`` must do
with each path: ``UNREADABLE`` (exactly one NL001), ``READABLE`` (checked; any
findings but NL001), ``COMPLIANT`` (checked; no error and no warning) or
``SKIPPED`` (not a file to check: it never appears in the output).
"""

from __future__ import annotations

import io
import os
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT_DIR = ROOT / "tests" / "fixtures" / "compliant"

UNREADABLE = "unreadable"
READABLE = "readable"
COMPLIANT = "compliant"
SKIPPED = "skipped"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


@dataclass(frozen=True)
class Case:
    kind: str  # what the attack is (listed in docs/reliability.md)
    expect: str  # UNREADABLE | READABLE | COMPLIANT | SKIPPED


def compliant(name: str = "c01_xuncha_basic") -> str:
    return (COMPLIANT_DIR / f"{name}.txt").read_text(encoding="utf-8")


# --- makers -------------------------------------------------------------------------


def docx_of(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_document_xml(xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def zip_bomb_docx(megabytes: int = 300) -> bytes:
    """A .docx whose document.xml inflates to ``megabytes`` MB of zeros (~0.3 MB on disk).

    One MB of zeros is deflated once, ending in a full flush (no back-reference
    crosses it), and that block is repeated; the zip entry is written by hand with
    the true sizes. Building it takes a fraction of a second."""
    chunk = 1 << 20
    zeros = bytes(chunk)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    deflated = block * megabytes + b"\x03\x00"  # + an empty final block
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
    # Append the bomb member by hand: local header + data, then rebuild the directory.
    raw = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        infos = z.infolist()
    body_end = min(_central_directory_offset(raw), len(raw))
    name = b"word/document.xml"
    local = (
        b"PK\x03\x04"
        + (20).to_bytes(2, "little")  # version needed
        + (0).to_bytes(2, "little")  # flags
        + (8).to_bytes(2, "little")  # deflate
        + (0).to_bytes(4, "little")  # time, date
        + crc.to_bytes(4, "little")
        + len(deflated).to_bytes(4, "little")
        + (megabytes * chunk).to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + (0).to_bytes(2, "little")
    )
    bomb_offset = body_end
    data = raw[:body_end] + local + name + deflated
    central = b""
    for info in infos:
        central += _central_entry(info.filename.encode(), info.CRC, info.compress_size,
                                  info.file_size, info.header_offset, info.compress_type)  # fmt: skip
    central += _central_entry(name, crc, len(deflated), megabytes * chunk, bomb_offset, 8)
    count = len(infos) + 1
    end = (
        b"PK\x05\x06"
        + (0).to_bytes(4, "little")
        + count.to_bytes(2, "little")
        + count.to_bytes(2, "little")
        + len(central).to_bytes(4, "little")
        + len(data).to_bytes(4, "little")
        + (0).to_bytes(2, "little")
    )
    return data + central + end


def _central_directory_offset(raw: bytes) -> int:
    eocd = raw.rfind(b"PK\x05\x06")
    return int.from_bytes(raw[eocd + 16 : eocd + 20], "little")


def _central_entry(
    name: bytes, crc: int, csize: int, usize: int, offset: int, method: int
) -> bytes:
    return (
        b"PK\x01\x02"
        + (20).to_bytes(2, "little")
        + (20).to_bytes(2, "little")
        + (0).to_bytes(2, "little")
        + method.to_bytes(2, "little")
        + (0).to_bytes(4, "little")
        + crc.to_bytes(4, "little")
        + csize.to_bytes(4, "little")
        + usize.to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + (0).to_bytes(2, "little") * 4  # extra, comment, disk, internal attributes
        + (0).to_bytes(4, "little")  # external attributes
        + offset.to_bytes(4, "little")
        + name
    )


def billion_laughs_docx() -> bytes:
    """document.xml with a DTD: an external entity (file:///etc/passwd, http://…) and
    the billion-laughs entity expansion."""
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE w:document [<!ENTITY lol0 "lol">'
        + lol
        + '<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;&xxe;&net;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx_with_document_xml(xml.encode("utf-8"))


def late_dtd_docx() -> bytes:
    """The DTD pushed beyond the first 4 KB by a long comment: refused all the same."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!--' + "x" * 8000 + "-->\n"
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>前&xxe;&d;后</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx_with_document_xml(xml.encode("utf-8"))


def many_members_docx(count: int = 5001) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        for i in range(count):
            z.writestr(f"word/media/m{i}.bin", b"")
    return out.getvalue()


def pdf_of(text: str, *, encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt, invariant=1)
    y = 800.0
    for line in text.split("\n")[:40]:
        c.setFont(font, 10)
        c.drawString(40, y, line[:50])
        y -= 18
        if y < 60:
            c.showPage()
            y = 800.0
    c.save()
    return out.getvalue()


def pdf_bomb(megabytes: int = 1024) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB of spaces
    (about 1 MB on disk; PDFium would inflate all of it in memory)."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    stream = b"\x78\xda" + block * megabytes + b"\x03\x00" + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def png_bytes() -> bytes:
    """A real 16×16 PNG (signature, IHDR, IDAT, IEND)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = (16).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    rows = b"".join(b"\x00" + bytes([i * 10 % 256, 0, 255 - i]) * 16 for i in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def nested_html(depth: int = 20_000) -> bytes:
    body = compliant("c01_xuncha_basic").replace("\n", "<br>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "</body></html>"
    ).encode("utf-8")


SCRIPT_MARK = "ALERT_FROM_SCRIPT"


def script_html() -> bytes:
    lines = compliant("c04_xunshi_province").split("\n")
    paras = "".join(f"<p>{line}</p>" for line in lines)
    evil = (
        f"<script>alert('{SCRIPT_MARK}');document.write('{SCRIPT_MARK}')</script>"
        f"<img src=x onerror=\"alert('{SCRIPT_MARK}')\">"
        f"<a href=\"javascript:alert('{SCRIPT_MARK}')\">点击</a>"
        f"<svg onload=\"alert('{SCRIPT_MARK}')\"><script>{SCRIPT_MARK}</script></svg>"
        f'<iframe src="javascript:alert(1)">{SCRIPT_MARK}</iframe>'
        f"<style>body{{background:url('javascript:{SCRIPT_MARK}')}}</style>"
        "<object data='http://127.0.0.1:9/x'></object><link rel=stylesheet href='http://127.0.0.1:9/'>"
    )
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<script src='http://127.0.0.1:9/evil.js'></script><script>{SCRIPT_MARK}</script>"
        f"</head><body onload=\"alert('{SCRIPT_MARK}')\">{evil}<div id='zoom'>{evil}{paras}{evil}</div>"
        f"{evil}</body></html>"
    )
    return page.encode("utf-8")


def sparse_text(path: Path, size: int) -> None:
    """A text file of ``size`` bytes written sparsely: a head of text, then a hole."""
    with path.open("wb") as fh:
        fh.write(compliant().encode("utf-8"))
        fh.seek(size - 1)
        fh.write(b"\n")


def one_long_line(megabytes: int = 3) -> bytes:
    """A ``megabytes`` MB single line made of notice sentences (markers, spaces, colons)."""
    pieces = [line.strip() for line in compliant("c06_xuncha_subitems").split("\n") if line.strip()]
    unit = " ".join(pieces) + " "
    data = unit.encode("utf-8")
    return (data * (megabytes * (1 << 20) // len(data) + 1))[: megabytes * (1 << 20)].rsplit(
        b" ", 1
    )[0]


def many_short_lines(count: int = 20_000) -> bytes:
    rng = random.Random(20)
    shapes = ["一、情况", "（一）方面", "1.问题", "（1）措施", "整改措施：", "整改进展情况：已完成。",
              "推进整改。", "", "欢迎监督。", "公开期限：2024年9月2日至9月23日。", "联系电话：123"]  # fmt: skip
    return "\n".join(rng.choice(shapes) for _ in range(count)).encode("utf-8")


def mixed_newlines(text: str) -> bytes:
    lines = text.split("\n")
    breaks = ["\n", "\r\n", "\r"]
    return "".join(line + breaks[i % 3] for i, line in enumerate(lines)).encode("utf-8")


def controls_and_invisibles(text: str) -> bytes:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        mid = len(line) // 2
        junk = ["\u200b", "\ufeff", "\u202e", "\u200d", "\x07", "\u2028", "\x0c"][i % 7]
        out.append(line[:mid] + junk + line[mid:])
    return ("\ufeff" + "\n".join(out)).encode("utf-8")


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# --- the folder ----------------------------------------------------------------------


def undecodable_name(folder: Path, data: bytes) -> Path | None:
    """A file whose name holds bytes that are not UTF-8 (``None`` where the file system
    refuses such a name, e.g. on macOS)."""
    target = Path(os.fsdecode(os.fsencode(folder) + b"/bad-\xff\xfe-name.txt"))
    try:
        target.write_bytes(data)
    except (OSError, UnicodeError):
        return None
    return target


def build(folder: Path) -> dict[Path, Case]:
    """Write every hostile kind into ``folder``; return path → what ``check`` must do."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[Path, Case] = {}
    c01 = compliant("c01_xuncha_basic")
    c04 = compliant("c04_xunshi_province")

    def put(name: str, data: bytes, kind: str, expect: str) -> Path:
        target = folder / name
        target.write_bytes(data)
        cases[target] = Case(kind, expect)
        return target

    # Plain text: empty, white space, binary, encodings, newlines, invisibles.
    put("empty.txt", b"", "empty file", READABLE)
    put("whitespace.txt", " \t\n\r\n\u3000\u3000\n   \n".encode(), "only white space", READABLE)
    put("nul-binary.txt", b"\x00\x01\x02binary\x00" * 500, "binary with NUL bytes", UNREADABLE)
    put("random.txt", random.Random(7).randbytes(65_536), "random bytes (seeded)", UNREADABLE)
    put("picture.txt", png_bytes(), "a PNG renamed .txt", UNREADABLE)
    put("gb18030.txt", c01.encode("gb18030"), "GB18030 text", COMPLIANT)
    put("utf16le-bom.txt", b"\xff\xfe" + c01.encode("utf-16-le"), "UTF-16 LE with BOM", COMPLIANT)
    put("utf16be-bom.txt", b"\xfe\xff" + c01.encode("utf-16-be"), "UTF-16 BE with BOM", COMPLIANT)
    put("utf16le.txt", c01.encode("utf-16-le"), "UTF-16 LE without BOM", COMPLIANT)
    put("utf16be.txt", c01.encode("utf-16-be"), "UTF-16 BE without BOM", COMPLIANT)
    put("newlines.txt", mixed_newlines(c01), "mixed CR / LF / CRLF line breaks", READABLE)
    put("invisible.txt", controls_and_invisibles(c04), "control and zero-width characters "
        "(U+200B, U+FEFF inside, U+202E, U+2028, BEL, FF)", READABLE)  # fmt: skip
    put(
        "punctuation.txt",
        ("，。、；：！？“”（）《》…—·" * 400).encode(),
        "only punctuation",
        READABLE,
    )
    put("long-line.txt", one_long_line(3), "a 3 MB single line", READABLE)
    put("short-lines.txt", many_short_lines(20_000), "20,000 short lines", READABLE)
    huge = folder / "huge-80mb.txt"
    sparse_text(huge, 80 * 1024 * 1024)
    cases[huge] = Case("an 80 MB text file (sparse)", UNREADABLE)

    # Word.
    good_docx = docx_of(c01)
    put("truncated.docx", good_docx[: len(good_docx) * 2 // 3], "a truncated .docx", UNREADABLE)
    # (Renamed texts get bytes of their own: see test_regressions.py on the cache key.)
    put("fake.docx", (c04 + "\n伪装成 Word 的文本\n").encode(), "a text file renamed .docx",
        UNREADABLE)  # fmt: skip
    put("bomb.docx", zip_bomb_docx(300), "a zip bomb .docx (300 MB of zeros inflated)", UNREADABLE)
    put("laughs.docx", billion_laughs_docx(), "a .docx with a DTD: external entities and "
        "billion laughs", UNREADABLE)  # fmt: skip
    put("late-dtd.docx", late_dtd_docx(), "a .docx with the DTD beyond the first 4 KB",
        UNREADABLE)  # fmt: skip
    put("members.docx", many_members_docx(), "a .docx with 5,001 zip members", UNREADABLE)
    put("good.docx", good_docx, "a valid .docx (control)", COMPLIANT)

    # PDF.
    good_pdf = pdf_of(c01)
    put("truncated.pdf", good_pdf[: len(good_pdf) // 2], "a truncated .pdf", UNREADABLE)
    put("fake.pdf", (c04 + "\n伪装成 PDF 的文本\n").encode(), "a text file renamed .pdf",
        UNREADABLE)  # fmt: skip
    put("encrypted.pdf", pdf_of(c01, encrypt="secret"), "an encrypted .pdf", UNREADABLE)
    put("bomb.pdf", pdf_bomb(1024), "a deflate bomb .pdf (1 GB content stream in 1 MB)",
        UNREADABLE)  # fmt: skip

    # HTML.
    put("nested.html", nested_html(20_000), "20,000 nested <div>s", READABLE)
    put("scripts.html", script_html(), "script-laden HTML (<script>, onerror, javascript:)",
        COMPLIANT)  # fmt: skip

    # Odd names, with compliant content: checked like any other file.
    put("有 空格 的 通报.txt", c01.encode(), "a name with spaces and Chinese", COMPLIANT)
    put("-x.txt", c04.encode(), "a name starting with a dash", COMPLIANT)
    put("中文名称.txt", c04.encode(), "a Chinese name", COMPLIANT)

    # Paths that are not plain readable files.
    sub = folder / "sub"
    sub.mkdir()
    (sub / "loop").symlink_to("..", target_is_directory=True)
    cases[sub / "loop"] = Case("a directory symlink to its parent (loop)", SKIPPED)
    (folder / "self-loop.txt").symlink_to("self-loop.txt")
    cases[folder / "self-loop.txt"] = Case("a symlink to itself named .txt", SKIPPED)
    (folder / "dangling.txt").symlink_to("does-not-exist.txt")
    cases[folder / "dangling.txt"] = Case("a dangling symlink", UNREADABLE)
    named_dir = folder / "x.txt"
    named_dir.mkdir()
    cases[named_dir] = Case("a directory named x.txt", SKIPPED)
    put("x.txt/inside.txt", c04.encode(), "a notice inside the directory named x.txt", COMPLIANT)
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.txt"
        os.mkfifo(fifo)
        cases[fifo] = Case("a FIFO named .txt (opening it would block)", SKIPPED)
    locked = put("locked.txt", c01.encode(), "a file with mode 000", UNREADABLE)
    locked.chmod(0)
    if running_as_root():  # root reads it anyway: it is an ordinary compliant file
        cases[locked] = Case("a file with mode 000 (read by root anyway)", COMPLIANT)

    # The control group: compliant notices in the same folder.
    put("c01_xuncha_basic.txt", c01.encode(), "compliant notice", COMPLIANT)
    put("c04_xunshi_province.txt", c04.encode(), "compliant notice", COMPLIANT)
    return cases
