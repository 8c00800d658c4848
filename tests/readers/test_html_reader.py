"""The .html reader: encodings, the article body of CMS pages, and no page furniture."""

from __future__ import annotations

import codecs
import re
import socket

import pytest
from readers_fixtures import SEEDS, html_page

from noticelint.read import ReadError, read_bytes
from noticelint.read.html import decode_html

# Lines of the corpus that a page shows outside the article, or that are page
# furniture inside it: the reader leaves them out.
FURNITURE_LINE = re.compile(r"^\s*发布日期\s*[:：].*来源|^\s*【打印本页】")


def expected_lines(text: str) -> list[str]:
    return [
        line.strip(" \t\u3000")
        for line in text.split("\n")
        if line.strip(" \t\u3000") and not FURNITURE_LINE.match(line)
    ]


def read_html(data: bytes) -> list[str]:
    doc = read_bytes(data, "notice.html")
    assert doc.medium == "html"
    return doc.text.split("\n")


@pytest.mark.parametrize("flavour", range(5))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_article_of_government_page_templates(seed, flavour: int) -> None:
    text = seed.read_text(encoding="utf-8")
    assert read_html(html_page(text, flavour)) == expected_lines(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_gbk_page_with_meta_gb2312(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    data = html_page(text, 0, encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_bytes(data, "notice.htm")
    assert doc.encoding == "gb18030"
    assert doc.text.split("\n") == expected_lines(text)


FURNITURE = [
    "当前位置",
    "首页",
    "政务公开",
    "浏览次数",
    "1024",
    "字体",
    "分享到",
    "打印本页",
    "关闭窗口",
    "主办单位",
    "备案号",
    "网站标识码",
    "统计代码",
    "相关链接",
    "setFontSize",
    "float:left",
    "发布时间",
]


@pytest.mark.parametrize("flavour", range(5))
def test_page_furniture_scripts_and_styles_are_left_out(flavour: int) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    out = "\n".join(read_html(html_page(text, flavour)))
    for word in FURNITURE:
        assert word not in out, word


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_blocks_breaks_list_items_and_cells_are_paragraphs() -> None:
    html = page(
        '<div id="zoom"><p>一、总体情况</p><div>第一段<br>第二段<br/><br>第三段</div>'
        "<ul><li>（1）建立制度；</li><li>（2）完善台账。</li></ul>"
        "<table><tr><td>联系电话：</td><td>0595-87366129</td></tr></table>"
        "<p>研讨3&nbsp;次，&ldquo;两个责任&rdquo;&amp;&#x4E00;&#19968;</p></div>"
    )
    assert read_html(html) == [
        "一、总体情况",
        "第一段",
        "第二段",
        "第三段",
        "（1）建立制度；",
        "（2）完善台账。",
        "联系电话：",
        "0595-87366129",
        "研讨3 次，“两个责任”&一一",
    ]


def test_source_line_breaks_inside_chinese_are_not_spaces() -> None:
    html = page(
        '<div class="content"><p>县委巡察组\n    反馈意见后，\n局党组 2023\n年 Word\n  file</p></div>'
    )
    assert read_html(html) == ["县委巡察组反馈意见后，局党组 2023年 Word file"]


def test_hidden_elements_and_comments_are_left_out() -> None:
    html = page(
        '<div id="zoom"><p>正文。</p><p style="display: none">隐藏文字</p>'
        "<p hidden>也隐藏</p><!-- 注释 --><p>结尾。</p></div>"
    )
    assert read_html(html) == ["正文。", "结尾。"]


def test_densest_block_without_known_container() -> None:
    prose = "".join(
        f"<p>第{i}段：巡察整改进展情况的正文内容，逐项落实整改措施。</p>" for i in range(8)
    )
    html = page(
        '<div class="top"><a href="/">首页</a><a href="/a">机构概况</a><a href="/b">政务公开</a></div>'
        f'<div class="wrap"><div class="left"><a href="/x">通知公告</a></div><div class="mid">{prose}</div>'
        "</div>"
    )
    lines = read_html(html)
    assert len(lines) == 8 and lines[0].startswith("第0段")


def test_title_outside_the_container_is_kept_once() -> None:
    html = page(
        '<div class="article"><h1 class="title">中共某某局党组关于巡察整改进展情况的通报</h1>'
        '<div class="info">发布时间：2024-01-01 来源：某某网 浏览次数：12</div>'
        '<div id="zoom"><p>根据县委统一部署，现将巡察整改进展情况予以公布。</p></div></div>'
    )
    assert read_html(html) == [
        "中共某某局党组关于巡察整改进展情况的通报",
        "根据县委统一部署，现将巡察整改进展情况予以公布。",
    ]


def test_deeply_nested_markup_does_not_recurse() -> None:
    depth = 20_000
    html = page("<div>" * depth + "<p>巡察整改进展情况</p>" + "</div>" * depth)
    assert read_html(html) == ["巡察整改进展情况"]


def test_nothing_the_page_references_is_fetched(monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    html = page(
        '<link rel="stylesheet" href="http://example.invalid/a.css">'
        '<iframe src="http://example.invalid/frame"></iframe>'
        '<div id="zoom"><p>正文。<img src="http://example.invalid/a.png"></p></div>'
        '<script src="http://example.invalid/a.js"></script>',
        head='<meta charset="utf-8"><base href="http://example.invalid/">',
    )
    assert read_html(html) == ["正文。"]


# --- encodings ----------------------------------------------------------------------


ARTICLE = '<div id="zoom"><p>中共某某县教育局党组关于巡察整改进展情况的通报</p></div>'
WANT = ["中共某某县教育局党组关于巡察整改进展情况的通报"]


@pytest.mark.parametrize(
    ("head", "encoding", "recorded"),
    [
        ('<meta charset="gb2312">', "gbk", "gb18030"),
        ('<meta charset="GBK">', "gbk", "gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gbk", "gb18030"),
        ('<meta charset="gb18030">', "gb18030", "gb18030"),
        ("", "gbk", "gb18030"),  # no declaration: detected
        ('<meta charset="utf-8">', "utf-8", "utf-8"),
        ('<meta charset="gb2312">', "utf-8", "utf-8"),  # re-saved page, stale declaration
    ],
)
def test_encodings(head: str, encoding: str, recorded: str) -> None:
    data = f"<html><head>{head}</head><body>{ARTICLE}</body></html>".encode(encoding)
    doc = read_bytes(data, "a.html")
    assert doc.text.split("\n") == WANT
    assert doc.encoding == recorded


def test_declared_big5() -> None:
    want = "中共某某縣教育局黨組關於巡察整改進展情況的通報"
    data = f'<html><head><meta charset="big5"></head><body><div id="zoom"><p>{want}</p>'
    doc = read_bytes((data + "</div></body></html>").encode("big5"), "a.html")
    assert doc.text == want and doc.encoding == "big5"


def test_gb18030_characters_outside_gb2312_survive() -> None:
    data = (
        '<html><head><meta charset="gb2312"></head><body><div id="zoom"><p>'
        "镕基同志、喆、堃、珺</p></div></body></html>"
    ).encode("gb18030")
    assert read_html(data) == ["镕基同志、喆、堃、珺"]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_byte_order_marks(bom: bytes) -> None:
    encoding = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le"}.get(bom, "utf-16-be")
    data = bom + f"<html><body>{ARTICLE}</body></html>".encode(encoding)
    doc = read_bytes(data, "a.html")
    assert doc.text.split("\n") == WANT
    assert doc.bom and doc.encoding == encoding


def test_decode_html_prefers_declared_gbk_over_utf8_guess() -> None:
    text, encoding, bom = decode_html('<meta charset="gbk"><p>整改</p>'.encode("gbk"))
    assert "整改" in text and encoding == "gb18030" and not bom


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n...",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"\x00\x01\x02\x03" * 100,
        "中共某某县教育局党组关于巡察整改进展情况的通报，只是纯文本。".encode(),
    ],
    ids=["pdf", "zip", "binary", "plain-text"],
)
def test_fake_pages_are_read_errors(data: bytes) -> None:
    with pytest.raises(ReadError):
        read_bytes(data, "fake.html")


def test_a_print_area_wrapper_inside_the_article_is_not_furniture() -> None:
    prose = "".join(
        f"<p>第{i}段：巡察整改进展情况的正文内容，逐项落实整改措施。</p>" for i in range(12)
    )
    html = page(
        f'<div class="content"><div class="print-area">{prose}</div>'
        '<div class="share">分享到：微信</div></div>'
    )
    lines = read_html(html)
    assert len(lines) == 12 and "分享到" not in "".join(lines)


def test_a_column_heading_is_not_taken_for_the_title() -> None:
    html = page(
        '<h2 class="column-title">党风廉政建设专栏</h2>'
        '<div id="zoom"><p>根据县委统一部署，现将巡察整改进展情况予以公布。</p></div>'
    )
    assert read_html(html) == ["根据县委统一部署，现将巡察整改进展情况予以公布。"]
