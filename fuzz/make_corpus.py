"""Write the seed inputs of ``fuzz/corpus`` (short notice snippets, one per route).

    python fuzz/make_corpus.py

The first byte of a seed chooses the route (see fuzz_pipeline.py): ``0`` text,
``1`` HTML, ``2`` a raw .docx, ``3`` a raw PDF, ``6`` document.xml wrapped into a
.docx, ``7`` text typeset into a PDF. The seeds stay small (the whole folder well
under 200 KB): libFuzzer's default input length follows the largest seed.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from fuzz_pipeline import W_NS, wrap_docx, wrap_pdf  # noqa: E402


def snippet(name: str, first: int, last: int = 4) -> str:
    """The first ``first`` and the last ``last`` lines of a compliant fixture."""
    lines = (ROOT / "tests" / "fixtures" / "compliant" / f"{name}.txt").read_text("utf-8")
    parts = [line for line in lines.split("\n") if line.strip()]
    return "\n".join(parts[:first] + parts[-last:])


def document_xml(text: str) -> bytes:
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{paras}'
        "</w:body></w:document>"
    ).encode()


def main() -> None:
    corpus = HERE / "corpus"
    corpus.mkdir(exist_ok=True)
    c01 = snippet("c01_xuncha_basic", 9)
    c06 = snippet("c06_xuncha_subitems", 12)
    c04 = snippet("c04_xunshi_province", 8)
    flat = c06.split("\n")[0] + "\n" + " ".join(c06.split("\n")[1:])
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><script>x()</script></head><body>"
        "<div class='nav'>首页 &gt; 通知公告</div><h1>" + html.escape(c04.split("\n")[0]) + "</h1>"
        "<div id='zoom'>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in c04.split("\n")[1:])
        + "</div><div class='footer'>【打印本页】【关闭窗口】</div></body></html>"
    )
    seeds = {
        "text-c01": b"\x00" + c01.encode(),
        "text-c06-crlf-gb18030": b"\x04" + c06.replace("\n", "\r\n").encode("gb18030"),
        "text-flattened": b"\x00" + flat.encode(),
        "text-residue": b"\x00"
        + ("| |||\n[bookmark: _GoBack]" + c01 + "\n【打印本页】\n&nbsp;").encode(),
        "html-page": b"\x01" + page.encode(),
        "docx-package": b"\x02" + wrap_docx(document_xml(c01)),
        "docx-xml": b"\x06" + document_xml(c06),
    }
    pdf = wrap_pdf(c04.encode())
    assert pdf is not None
    seeds["pdf-file"] = b"\x03" + pdf
    seeds["pdf-text"] = b"\x07" + c01.encode()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="{1 + 3 * k}"/><w:numFmt w:val="'
        f'{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(
            [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
             ("upperLetter", "%1.%2.%3.%4"), ("lowerRoman", "%5)")]
        )
    )  # fmt: skip
    seeds["docx-numbering"] = (
        b"\x0a"
        + f'<w:numbering {w}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2">'
        '<w:startOverride w:val="7"/></w:lvlOverride></w:num></w:numbering>'.encode()
    )
    content = "BT /F1 12 Tf 72 720 Td (整改措施) Tj ET\n".encode() * 4
    for choice in (0x00, 0x06, 0x1B, 0x41):  # Flate; AHx+…; A85+RL+…; undeclared Flate
        seeds[f"pdf-stream-{choice:02x}"] = b"\x0b" + bytes([choice]) + content
    for old in corpus.iterdir():
        old.unlink()
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)
    total = sum(len(d) for d in seeds.values())
    assert total < 200_000, total
    print(f"{len(seeds)} seeds, {total} bytes")


if __name__ == "__main__":
    main()
