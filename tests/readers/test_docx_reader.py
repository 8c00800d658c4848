"""The .docx reader: paragraphs, tables, Word automatic numbering, tracked changes,
and the safety checks on the package."""

from __future__ import annotations

import io
import zipfile

import pytest
from readers_fixtures import (
    GONGWEN_LEVELS,
    SEEDS,
    W,
    abstract,
    docx_numbered,
    docx_plain,
    level,
    num,
    para,
    raw_docx,
)

from noticelint.read import ReadError, read_bytes
from noticelint.read import docx as docx_reader
from noticelint.read.docx import format_number


def text_of(data: bytes) -> str:
    doc = read_bytes(data, "draft.docx")
    assert doc.medium == "docx"
    return doc.text


# --- the corpus, typed and auto-numbered ----------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_plain_paragraphs_read_back_line_for_line(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    assert text_of(docx_plain(text)) == text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_word_auto_numbering_is_rendered_as_typed(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    data, expected = docx_numbered(text)
    import docx

    typed = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    shown = expected.split("\n")
    assert len(typed) == len(shown)
    # The numbers are really gone from the paragraphs (only w:numPr carries them) …
    auto = sum(1 for t, s in zip(typed, shown, strict=True) if s != t and s.endswith(t))
    if not seed.name.startswith("004"):  # 004 is flattened: no heading starts a line
        assert auto >= 10
    # … and the reader shows them again.
    assert text_of(data) == expected


# --- number formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCounting", "九十九"),
        (101, "chineseCounting", "一〇一"),
        (11, "chineseCountingThousand", "十一"),
        (105, "chineseCountingThousand", "一百零五"),
        (110, "chineseCountingThousand", "一百一十"),
        (2024, "chineseCountingThousand", "二千零二十四"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "ideographTraditional", "丙"),
        (10, "ideographTraditional", "癸"),
        (2, "ideographZodiac", "丑"),
        (12, "decimal", "12"),
        (7, "decimalZero", "07"),
        (3, "decimalEnclosedParen", "（3）"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "decimalEnclosedFullstop", "4."),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (28, "upperLetter", "BB"),
        (2, "lowerLetter", "b"),
        (5, "none", ""),
        (5, "someFutureFormat", "5"),
    ],
)
def test_format_number(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


# --- numbering.xml semantics ------------------------------------------------------------


def numbered(paragraphs: list[str], numbering: str, styles: str | None = None) -> list[str]:
    return text_of(raw_docx("".join(paragraphs), numbering=numbering, styles=styles)).split("\n")


def test_levels_render_gongwen_markers_and_reset_lower_levels() -> None:
    lines = numbered(
        [
            para("组织领导情况", num=(1, 0)),
            para("整改进展情况", num=(1, 0)),
            para("学习贯彻方面", num=(1, 1)),
            para("关于理论学习不深入的问题。", num=(1, 2)),
            para("建立学习制度。", num=(1, 3)),
            para("开展专题研讨。", num=(1, 3)),
            para("关于制度执行不严的问题。", num=(1, 2)),
            para("完善台账。", num=(1, 3)),
            para("履行职责方面", num=(1, 1)),
            para("关于监管不到位的问题。", num=(1, 2)),
            para("下一步工作打算", num=(1, 0)),
            para("持续抓好整改。", num=(1, 1)),
        ],
        abstract(0, *GONGWEN_LEVELS) + num(1, 0),
    )
    assert lines == [
        "一、组织领导情况",
        "二、整改进展情况",
        "（一）学习贯彻方面",
        "1.关于理论学习不深入的问题。",
        "（1）建立学习制度。",
        "（2）开展专题研讨。",
        "2.关于制度执行不严的问题。",
        "（1）完善台账。",
        "（二）履行职责方面",
        "1.关于监管不到位的问题。",
        "三、下一步工作打算",
        "（一）持续抓好整改。",
    ]


def test_start_value_and_suffix_space() -> None:
    lines = numbered(
        [para("甲", num=(1, 0)), para("乙", num=(1, 0))],
        abstract(0, level(0, "chineseCountingThousand", "第%1条", start=9, suff="space"))
        + num(1, 0),
    )
    assert lines == ["第九条 甲", "第十条 乙"]


def test_start_override_restarts_and_plain_instances_continue() -> None:
    """Word counts per abstract definition: a second w:num without overrides continues
    the list; one with a startOverride restarts it where it is first used."""
    lines = numbered(
        [
            para("a", num=(1, 0)),
            para("b", num=(1, 0)),
            para("c", num=(2, 0)),  # same abstract, no override: continues (3)
            para("d", num=(3, 0)),  # startOverride 1: restarts
            para("e", num=(3, 0)),
            para("f", num=(4, 0)),  # startOverride 7
        ],
        abstract(0, level(0, "decimal", "%1."))
        + num(1, 0)
        + num(2, 0)
        + num(3, 0, {0: 1})
        + num(4, 0, {0: 7}),
    )
    assert lines == ["1.a", "2.b", "3.c", "1.d", "2.e", "7.f"]


def test_separate_abstract_lists_count_separately() -> None:
    lines = numbered(
        [para("a", num=(1, 0)), para("x", num=(2, 0)), para("b", num=(1, 0))],
        abstract(0, level(0, "decimal", "%1."))
        + abstract(1, level(0, "decimal", "（%1）"))
        + num(1, 0)
        + num(2, 1),
    )
    assert lines == ["1.a", "（1）x", "2.b"]


def test_lvl_restart_zero_keeps_counting_across_higher_levels() -> None:
    """Items numbered 1–N across areas (seed 001) without overrides: lvlRestart=0."""
    lines = numbered(
        [
            para("方面一", num=(1, 0)),
            para("问题", num=(1, 1)),
            para("问题", num=(1, 1)),
            para("方面二", num=(1, 0)),
            para("问题", num=(1, 1)),
        ],
        abstract(
            0,
            level(0, "chineseCounting", "（%1）"),
            level(1, "decimal", "%2.", restart=0),
        )
        + num(1, 0),
    )
    assert lines == ["（一）方面一", "1.问题", "2.问题", "（二）方面二", "3.问题"]


def test_multi_level_text_and_legal_numbering() -> None:
    lines = numbered(
        [para("a", num=(1, 0)), para("b", num=(1, 1)), para("c", num=(1, 1))],
        abstract(
            0,
            level(0, "chineseCounting", "第%1章"),
            level(1, "decimal", "%1.%2", legal=True, suff="space"),
        )
        + num(1, 0),
    )
    assert lines == ["第一章a", "1.1 b", "1.2 c"]


def test_enclosed_paren_and_bullets() -> None:
    lines = numbered(
        [para("措施", num=(1, 0)), para("要点", num=(2, 0))],
        abstract(0, level(0, "decimalEnclosedParen", "%1"))
        + abstract(1, level(0, "bullet", "\uf06c"))
        + num(1, 0)
        + num(2, 1),
    )
    assert lines == ["（1）措施", "•要点"]


def test_numbering_from_the_paragraph_style_and_its_base_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="通报一级标题"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1Red"><w:basedOn w:val="H1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    numbering = abstract(
        0,
        level(0, "chineseCounting", "%1、", pstyle="H1"),
        level(1, "chineseCounting", "（%2）"),
    ) + num(1, 0)
    lines = numbered(
        [
            para("组织领导", style="H1"),
            para("方面", style="H2"),
            para("整改进展", style="H1Red"),
            # numId 0 switches the style's numbering off for one paragraph
            '<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
            "<w:r><w:t>不编号</w:t></w:r></w:p>",
            para("方面", style="H2"),
        ],
        numbering,
        styles,
    )
    assert lines == ["一、组织领导", "（一）方面", "二、整改进展", "不编号", "（一）方面"]


def test_level_override_with_its_own_level_definition() -> None:
    numbering = (
        abstract(0, level(0, "decimal", "%1."))
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="3"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        "</w:lvlOverride></w:num>"
    )
    assert numbered([para("a", num=(1, 0)), para("b", num=(1, 0))], numbering) == [
        "三、a",
        "四、b",
    ]


def test_unknown_num_ids_and_missing_numbering_part_give_no_number() -> None:
    assert text_of(raw_docx(para("正文", num=(7, 0)))) == "正文"
    assert numbered([para("正文", num=(7, 0))], abstract(0, *GONGWEN_LEVELS)) == ["正文"]


# --- body text ------------------------------------------------------------------------


def test_tracked_changes_read_as_accepted() -> None:
    body = (
        "<w:p><w:r><w:t>整改</w:t></w:r>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t>进展</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>已全部</w:delText></w:r></w:del>'
        "<w:r><w:t>情况</w:t></w:r></w:p>"
        # a deleted paragraph mark: the paragraph joins the next
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
        "<w:r><w:t>联系电话：</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>0595-87366129</w:t></w:r></w:p>"
        '<w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="5" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>'
    )
    assert text_of(raw_docx(body)).split("\n") == [
        "整改进展情况",
        "联系电话：0595-87366129",
        "新位置",
    ]


def test_tables_cell_by_cell_and_empty_paragraphs_kept() -> None:
    cell = "<w:tc>{}</w:tc>"
    body = (
        para("开头")
        + para("")
        + "<w:tbl><w:tr>"
        + cell.format(para("问题") + para("第二段"))
        + cell.format(para("措施"))
        + "</w:tr><w:tr>"
        + cell.format("<w:tbl><w:tr>" + cell.format(para("嵌套")) + "</w:tr></w:tbl>" + para(""))
        + cell.format(para("完成"))
        + "</w:tr>"
        + '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>'
        + cell.format(para("删除的行"))
        + "</w:tr></w:tbl>"
        + para("结尾")
    )
    assert text_of(raw_docx(body)).split("\n") == [
        "开头",
        "",
        "问题",
        "第二段",
        "措施",
        "嵌套",
        "",
        "完成",
        "结尾",
    ]


def test_hidden_text_field_codes_drawings_and_breaks() -> None:
    body = (
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年1月1日</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:p><w:r><w:t>关于巡察整改</w:t><w:br/><w:t>进展情况的通报</w:t></w:r></w:p>"
        '<w:p><w:r><w:t>分页前</w:t><w:br w:type="page"/><w:t>后</w:t></w:r></w:p>'
        "<w:p><w:r><w:drawing><w:t>图中文字</w:t></w:drawing><w:t>正文</w:t>"
        '<w:tab/><w:t>制表</w:t><w:noBreakHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/>'
        '<w:sym w:font="SimSun" w:char="2103"/></w:r></w:p>'
        "<w:p><w:r><w:t>English</w:t><w:br/><w:t>words</w:t></w:r></w:p>"
    )
    assert text_of(raw_docx(body)).split("\n") == [
        "可见",
        "2024年1月1日",
        "关于巡察整改进展情况的通报",
        "分页前后",
        "正文\t制表-℃",
        "English words",
    ]


def test_headers_footers_and_comments_are_left_out(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：某某县人民政府"
    document.sections[0].footer.paragraphs[0].text = "- 1 -"
    paragraph = document.add_paragraph("正文第一段。")
    document.add_comment(paragraph.runs, text="批注：请核实", author="审核人")
    document.add_paragraph("正文第二段。")
    out = io.BytesIO()
    document.save(out)
    text = text_of(out.getvalue())
    assert text.split("\n") == ["正文第一段。", "正文第二段。"]


def test_diagnostic_lines_are_paragraph_numbers() -> None:
    """Line N of the text is paragraph N of the document, empty paragraphs included."""
    from noticelint.lint import check_document
    from noticelint.settings import Settings

    paragraphs = ["", "根据县委巡察工作统一部署，现将巡察整改进展情况予以公布。", "", "研讨3 次。"]
    doc = read_bytes(docx_plain("\n".join(paragraphs)), "draft.docx")
    assert doc.text.split("\n") == paragraphs
    diags = check_document(doc, Settings(select=["NL803"]))[1]
    assert [d.line for d in diags] == [4]


# --- safety -----------------------------------------------------------------------------


def test_dtd_and_entities_are_refused() -> None:
    document = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "啊啊啊啊啊啊">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    with pytest.raises(ReadError, match="DTD"):
        read_bytes(raw_docx("", document=document), "x.docx")


def test_external_entities_are_never_resolved() -> None:
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "http://example.invalid/evil.dtd">'
        f'<w:document xmlns:w="{W}"><w:body/></w:document>'
    )
    with pytest.raises(ReadError):
        read_bytes(raw_docx("", document=document), "x.docx")


def test_zip_bomb_by_ratio_is_refused_before_parsing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * (4 * 1024 * 1024))
    with pytest.raises(ReadError, match="压缩比"):
        read_bytes(out.getvalue(), "bomb.docx")


def test_zip_bomb_by_total_size_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 10_000)
    data = docx_plain("正文。\n" * 2000)
    with pytest.raises(ReadError, match="超过上限"):
        read_bytes(data, "big.docx")


def test_encrypted_word_file_is_explained() -> None:
    # Word saves a password-protected .docx as an OLE2 file with an EncryptedPackage stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 64
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 512
    )
    with pytest.raises(ReadError, match="加密"):
        read_bytes(data, "secret.docx")


def test_old_binary_word_file_is_explained() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    with pytest.raises(ReadError, match=r"\.doc"):
        read_bytes(data, "old.docx")


def test_other_office_files_are_not_word() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match="Excel"):
        read_bytes(out.getvalue(), "sheet.docx")


def test_content_controls_ruby_hyperlinks_and_simple_fields() -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>块级控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:sdt><w:sdtPr><w:alias w:val="x"/><w:text/></w:sdtPr><w:sdtContent>'
        "<w:r><w:t>控件内容</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>xún</w:t></w:r></w:rt><w:rubyBase>"
        "<w:r><w:t>巡</w:t></w:r></w:rubyBase></w:ruby></w:r>"
        '<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        ' r:id="rId9"><w:r><w:t>察</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>'
    )
    assert text_of(raw_docx(body)).split("\n") == ["块级控件中的段落", "控件内容巡察3"]
