"""The .pdf reader: reading order, wrapped lines joined, running headers, footers and
page numbers removed, clean white space; broken PDFs are read errors."""

from __future__ import annotations

import re

import pytest
from readers_fixtures import PAGE_NUMBER_STYLES, SEEDS, pdf_file

from noticelint.read import ReadError, read_bytes
from noticelint.read.pdf import _PAGE_NUMBER, _join

CJK = "\u4e00-\u9fff"


def expected_lines(text: str) -> list[str]:
    # PDFium reports a run of spaces drawn inside a line as one space.
    return [
        re.sub(r" {2,}", " ", line.strip(" \t\u3000"))
        for line in text.split("\n")
        if line.strip(" \t\u3000")
    ]


def read_pdf(data: bytes) -> list[str]:
    doc = read_bytes(data, "notice.pdf")
    assert doc.medium == "pdf"
    return doc.text.split("\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_indented_layout_reads_back_paragraph_for_paragraph(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    style = int(seed.name[:3]) % len(PAGE_NUMBER_STYLES)
    assert read_pdf(pdf_file(text, page_style=style)) == expected_lines(text)


@pytest.mark.parametrize("seed", SEEDS[:4], ids=lambda p: p.name[:3])
def test_layout_without_first_line_indents(seed) -> None:
    """Block paragraphs: short last lines, spacing and heading markers end paragraphs."""
    text = seed.read_text(encoding="utf-8")
    data = pdf_file(text, indent=False, paragraph_space=0.5, header=None)
    assert read_pdf(data) == expected_lines(text)


def test_flattened_seed_without_indents_keeps_all_text() -> None:
    """Seed 004 is one long paragraph; without indents a wrapped line that starts
    with ``(3)`` after a sentence end may start a paragraph, but no text is lost."""
    text = SEEDS[4].read_text(encoding="utf-8")
    lines = read_pdf(pdf_file(text, indent=False))
    assert "".join(lines) == "".join(expected_lines(text))


@pytest.mark.parametrize("style", range(len(PAGE_NUMBER_STYLES)))
def test_running_header_and_page_numbers_are_removed(style: int) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    lines = read_pdf(pdf_file(text, page_style=style, header="某某县人民政府信息公开"))
    out = "\n".join(lines)
    assert "某某县人民政府信息公开" not in out
    assert not any(_PAGE_NUMBER.fullmatch(line) for line in lines)
    assert lines == expected_lines(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_no_spaces_are_introduced(seed) -> None:
    """No space between Chinese characters that the text did not have; no space at the
    end of a paragraph."""
    text = seed.read_text(encoding="utf-8")
    for line in read_pdf(pdf_file(text, size=12.0)):
        assert line == line.strip()
        for m in re.finditer(rf"[{CJK}] +[{CJK}]", line):
            assert m.group(0) in text, m.group(0)


@pytest.mark.parametrize(
    "line",
    ["- 3 -", "— 12 —", "第3页", "第 3 页 共 12 页", "3/12", "3 / 12", "12", "－ 3 －", "Page 4"],
)
def test_page_number_forms(line: str) -> None:
    assert _PAGE_NUMBER.fullmatch(line)


@pytest.mark.parametrize("line", ["2023年7月5日", "1.关于", "（3）", "电话：4297700"])
def test_not_page_numbers(line: str) -> None:
    assert not _PAGE_NUMBER.fullmatch(line)


def test_join_rules() -> None:
    assert _join(["巡察组反馈", "意见后"]) == "巡察组反馈意见后"
    assert _join(["予以通报。 ", "一、整改"]) == "予以通报。 一、整改"
    assert _join(["the English", "words"]) == "the English words"
    assert _join(["电话0755-", "88121796"]) == "电话0755-88121796"
    assert _join(["结尾。  ", "  "]) == "结尾。"


def test_encrypted_pdf_is_a_read_error() -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    with pytest.raises(ReadError, match="加密"):
        read_bytes(pdf_file(text, encrypt="pw"), "secret.pdf")


def test_truncated_pdf_is_a_read_error() -> None:
    data = pdf_file(SEEDS[2].read_text(encoding="utf-8"))
    with pytest.raises(ReadError):
        read_bytes(data[: len(data) // 3], "cut.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        bytes(range(256)) * 40,
        b"PK\x03\x04" + b"\x00" * 100,
        "<html><body>网页</body></html>".encode(),
    ],
    ids=["garbage-after-header", "random", "zip", "html"],
)
def test_fake_or_corrupt_pdf_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError):
        read_bytes(data, "fake.pdf")


def test_pdf_without_text_is_a_read_error() -> None:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(100, 100, 200, 200, fill=1)  # a "scan": no text at all
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match="扫描件"):
        read_bytes(out.getvalue(), "scan.pdf")


def test_kangxi_radicals_from_tounicode_tables_are_mapped() -> None:
    from noticelint.read.pdf import _clean

    assert _clean("⼀、加强⼯作⼈员⽇常管理") == "一、加强工作人员日常管理"
    assert _clean("a\x01b 中\x01文") == "a b 中文"  # generated spaces: Latin only


def _canvas_pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    import io

    from readers_fixtures import _register_font
    from reportlab.pdfgen import canvas

    _register_font()
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 12)
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


def test_spaces_pdfium_generates_between_spread_glyphs_are_dropped() -> None:
    def draw(c) -> None:  # type: ignore[no-untyped-def]
        x = 72.0
        for ch in "巡察整改进展情况":  # each glyph placed on its own, 8pt apart
            c.drawString(x, 700, ch)
            x += 20

    assert read_pdf(_canvas_pdf(draw)) == ["巡察整改进展情况"]


def test_fragments_on_one_baseline_are_one_line_in_x_order() -> None:
    def draw(c) -> None:  # type: ignore[no-untyped-def]
        c.drawString(300, 700, "2024年11月27日")  # drawn first, stands to the right
        c.drawString(72, 700, "中共某某县教育局党组")

    assert read_pdf(_canvas_pdf(draw)) == ["中共某某县教育局党组 2024年11月27日"]
