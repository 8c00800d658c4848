"""Fixture makers for the reader tests and the reading benchmark.

Every fixture is built from a corpus text, the way the notice would exist in
that medium:

* ``docx_plain``: one Word paragraph per line of the text.
* ``docx_numbered``: the typed ``一、`` / ``（一）`` / ``1.`` / ``（1）`` markers are
  stripped from the paragraphs and replaced by real Word automatic numbering
  (``w:numPr`` + a ``numbering.xml`` written here: ``abstractNum`` levels with
  ``lvlText``/``numFmt``/``start``, ``num`` instances with ``startOverride`` where
  the text restarts or skips, the level-one headings numbered through their
  paragraph style).
* ``html_page``: the article inside a government-site template (navigation,
  breadcrumbs, counters, share and print links, scripts, footer), in five CMS
  flavours; optionally GBK-encoded with ``<meta charset="gb2312">``.
* ``pdf_file``: an A4 公文 layout made with reportlab and its built-in
  ``STSong-Light`` CID font: wrapped lines, first-line indents, a running header,
  page numbers in the footer.
"""

from __future__ import annotations

import html as htmllib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


def seed_text(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


# --- .docx --------------------------------------------------------------------------


def docx_plain(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_CN = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"^[ \t\u3000]*(?:"
    rf"(?P<h1>[{_CN}]{{1,3}})(?P<h1p>[、．.])"
    rf"|(?P<h2o>[（(])(?P<h2>[{_CN}]{{1,3}})(?P<h2c>[）)])"
    rf"|(?P<h3>\d{{1,2}})(?P<h3p>[.．、])(?!\d)"
    rf"|(?P<h4o>[（(])(?P<h4>\d{{1,2}})(?P<h4c>[）)])"
    rf")"
)


def _cn_counting(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else "〇一二三四五六七八九"[tens] + "十") + (
        "〇一二三四五六七八九"[ones] if ones else ""
    )


def _cn_value(text: str) -> int | None:
    for n in range(1, 100):
        if _cn_counting(n) == text:
            return n
    return None


@dataclass
class _Marked:
    index: int  # line number (0-based)
    ilvl: int
    value: int
    lvl_text: str
    fmt: str
    rest: str


def _markers(lines: list[str]) -> list[_Marked]:
    out = []
    for i, line in enumerate(lines):
        m = _MARKER.match(line)
        if not m:
            continue
        if m.group("h1"):
            ilvl, num, fmt = 0, _cn_value(m.group("h1")), "chineseCounting"
            lvl_text = "%1" + m.group("h1p")
        elif m.group("h2"):
            ilvl, num, fmt = 1, _cn_value(m.group("h2")), "chineseCounting"
            lvl_text = m.group("h2o") + "%2" + m.group("h2c")
        elif m.group("h3"):
            ilvl, num, fmt = 2, int(m.group("h3")), "decimal"
            lvl_text = "%3" + m.group("h3p")
        else:
            ilvl, num, fmt = 3, int(m.group("h4")), "decimal"
            lvl_text = m.group("h4o") + "%4" + m.group("h4c")
        if num is None or num == 0 or m.group(0).lstrip(" \t\u3000").startswith("0"):
            continue
        out.append(_Marked(i, ilvl, num, lvl_text, fmt, line[m.end() :]))
    return out


@dataclass
class _Sim:
    """Word's counting (per abstract definition; overrides restart on first use)."""

    counts: dict[str, list[int | None]] = field(default_factory=dict)
    seen: set[tuple[str, int]] = field(default_factory=set)

    def next(self, abstract: str, num_id: str, ilvl: int, start: int, override: int | None) -> int:
        counts = self.counts.setdefault(abstract, [None] * 9)
        current = counts[ilvl]
        if (num_id, ilvl) not in self.seen and override is not None:
            return override
        return start if current is None else current + 1

    def commit(self, abstract: str, num_id: str, ilvl: int, value: int) -> None:
        counts = self.counts.setdefault(abstract, [None] * 9)
        counts[ilvl] = value
        self.seen.add((num_id, ilvl))
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
H1_STYLE = "NoticeHeading1"


def docx_numbered(text: str) -> tuple[bytes, str]:
    """A .docx whose heading numbers are Word automatic numbering.

    Returns the file and the text a reader should see (the original text, with the
    indentation before a numbered heading gone: Word puts the number first).
    """
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    lines = text.split("\n")
    marked = _markers(lines)
    by_line = {m.index: m for m in marked}
    # The dominant form of each level is the multi-level list; other forms are
    # lists of their own.
    dominant: dict[int, tuple[str, str]] = {}
    for ilvl in range(4):
        forms = Counter((m.lvl_text, m.fmt) for m in marked if m.ilvl == ilvl)
        if forms:
            dominant[ilvl] = forms.most_common(1)[0][0]
    abstracts: dict[tuple[int, str, str], str] = {}
    for ilvl, (lvl_text, fmt) in dominant.items():
        abstracts[(ilvl, lvl_text, fmt)] = "1"
    for m in marked:
        key = (m.ilvl, m.lvl_text, m.fmt)
        if key not in abstracts:
            abstracts[key] = str(len(set(abstracts.values())) + 1)

    nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractId, overrides)
    current: dict[tuple[str, int], str] = {}  # (abstract, ilvl) -> numId in use
    for aid in sorted(set(abstracts.values()), key=int):
        nums[aid] = (aid, {})
    sim = _Sim()
    assigned: dict[int, str] = {}
    for m in marked:
        aid = abstracts[(m.ilvl, m.lvl_text, m.fmt)]
        num_id = current.get((aid, m.ilvl), aid)
        override = nums[num_id][1].get(m.ilvl)
        predicted = sim.next(aid, num_id, m.ilvl, 1, override)
        if predicted != m.value:
            num_id = str(len(nums) + 1)
            nums[num_id] = (aid, {m.ilvl: m.value})
            current[(aid, m.ilvl)] = num_id
        sim.commit(aid, num_id, m.ilvl, m.value)
        assigned[m.index] = num_id

    document = docx.Document()
    style = document.styles.add_style(H1_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style_ppr = style.element.get_or_add_pPr()
    style_ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:numId w:val="1"/></w:numPr>'))

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    defined: set[str] = set()
    for (ilvl0, lvl_text0, fmt0), aid in sorted(abstracts.items(), key=lambda kv: int(kv[1])):
        if aid in defined:
            continue
        defined.add(aid)
        levels = []
        for ilvl in range(9):
            if aid == "1" and ilvl in dominant:
                lvl_text, fmt = dominant[ilvl]
            elif aid != "1" and ilvl == ilvl0:
                lvl_text, fmt = lvl_text0, fmt0
            else:
                lvl_text, fmt = f"%{ilvl + 1}.", "decimal"
            pstyle = f'<w:pStyle w:val="{H1_STYLE}"/>' if aid == "1" and ilvl == 0 else ""
            suff = '<w:suff w:val="nothing"/>' if ilvl == 1 else ""
            levels.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'{pstyle}{suff}<w:lvlText w:val="{lvl_text}"/><w:lvlJc w:val="left"/></w:lvl>'
            )
        numbering.append(
            parse_xml(
                f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}">'
                f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
            )
        )
    for num_id, (aid, overrides) in sorted(nums.items(), key=lambda kv: int(kv[0])):
        over = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
            for ilvl, value in overrides.items()
        )
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>'
                f"{over}</w:num>"
            )
        )

    expected: list[str] = []
    for i, line in enumerate(lines):
        m = by_line.get(i)
        if m is None:
            document.add_paragraph(line)
            expected.append(line)
            continue
        num_id = assigned[i]
        if m.ilvl == 0 and num_id == "1":
            # Level-one headings of the main list: numbered through their style.
            document.add_paragraph(m.rest, style=H1_STYLE)
        else:
            paragraph = document.add_paragraph(m.rest)
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = m.ilvl
            numpr.get_or_add_numId().val = int(num_id)
        marker = _MARKER.match(line)
        assert marker is not None
        expected.append(marker.group(0).lstrip(" \t\u3000") + m.rest)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), "\n".join(expected)


# --- .html --------------------------------------------------------------------------

_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || []; document.write("<div>统计代码：欢迎访问本网站，整改措施：不应出现</div>");
function setFontSize(s){document.getElementById('zoom').style.fontSize=s+'px';}
</script>"""
_STYLE = "<style>.nav li{float:left} p{text-indent:2em;line-height:2}</style>"
_NAV = """<div class="header"><div class="logo">某某县人民政府门户网站</div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/hdjl/">互动交流</a></li></ul>"""
_CRUMB = (
    '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">信息公开</a>'
    " &gt; 正文</div>"
)
_INFO = (
    '<div class="info">发布时间：{date}&nbsp;&nbsp;来源：某某县纪委监委&nbsp;&nbsp;'
    '浏览次数：<span id="hits">1024</span>&nbsp;&nbsp;【字体：<a href="#">大</a> '
    '<a href="#">中</a> <a href="#">小</a>】</div>'
)
_SHARE = (
    '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>'
    '<div class="tools">【<a href="javascript:window.print()">打印本页</a>】'
    '【<a href="javascript:window.close()">关闭窗口</a>】</div>'
)
_FOOTER = """<div class="footer"><p>主办单位：某某县人民政府办公室 网站标识码：1234567890</p>
<p>备案号：某ICP备12345678号 联系电话：0000-1234567</p>
<img src="http://example.invalid/beian.png" alt="备案"></div>"""
_RELATED = (
    '<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于开展巡察工作的通知</a>'
    '</li><li><a href="/b">某某局党组关于巡察整改进展情况的通报</a></li></ul></div>'
)


def _title_lines(text: str) -> int:
    """How many leading lines of ``text`` are its title (0 when it has none)."""
    from noticelint.parse import parse_text

    notice = parse_text(text).notice
    if notice.title is None:
        return 0
    return notice.title.span.end_line


def _esc(line: str) -> str:
    return htmllib.escape(line, quote=False)


def html_page(text: str, flavour: int = 0, *, encoding: str = "utf-8") -> bytes:
    """The notice as a saved government web page (``flavour`` 0–4: CMS templates)."""
    lines = text.split("\n")
    n_title = _title_lines(text)
    title = [line for line in lines[:n_title] if line.strip()]
    body = lines[n_title:]
    date = "2024-01-01 09:30"
    meta = re.compile(r"^\s*发布日期\s*[:：].*来源")
    body = [line for line in body if not meta.match(line)]
    flavour %= 5
    if flavour == 0:  # #zoom with <p> paragraphs, &nbsp; indents
        paras = "\n".join(
            f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{_esc(line.strip())}</p>"
            if line.strip()
            else "<p>&nbsp;</p>"
            for line in body
        )
        article = f'<div id="zoom">{paras}</div>'
    elif flavour == 1:  # TRS editor: nested divs, spans, entities, a style block inside
        paras = "\n".join(
            '<p style="text-indent:2em"><span style="font-family:仿宋">'
            + _esc(line.strip()).replace("“", "&ldquo;").replace("”", "&rdquo;")
            + "</span></p>"
            for line in body
            if line.strip()
        )
        article = (
            '<div class="TRS_Editor"><style>.TRS_Editor P{line-height:2}</style>'
            f'<div class="Custom_UnionStyle">{paras}</div></div>'
        )
    elif flavour == 2:  # old table layout, lines separated by <br>
        rows = "<br>\n".join("　　" + _esc(line.strip()) for line in body if line.strip())
        article = (
            '<table width="100%"><tr><td class="bt_content"><div class="content">'
            f"{rows}</div></td></tr></table>"
        )
    elif flavour == 3:  # HTML5 article, source lines wrapped inside paragraphs

        def wrap(line: str) -> str:
            # Source lines wrapped the way CMS editors do: next to a Chinese character.
            s = _esc(line.strip())
            out, count = "", 0
            for i, ch in enumerate(s):
                out += ch
                count += 1
                nxt = s[i + 1 : i + 2]
                cjk = "\u4e00" <= ch <= "\u9fff" or "\u4e00" <= nxt <= "\u9fff"
                if count >= 40 and nxt and cjk and " " not in (ch, nxt):
                    out += "\n      "
                    count = 0
            return out

        paras = "\n".join(f"<p>\n      {wrap(line)}\n    </p>" for line in body if line.strip())
        article = f'<article class="article"><div class="article-content">{paras}</div></article>'
    else:  # .main-txt with <div> paragraphs
        paras = "\n".join(f"<div>{_esc(line.strip())}</div>" for line in body if line.strip())
        article = f'<div class="main-txt">{paras}</div>'
    heading = "<br>".join(_esc(line.strip()) for line in title)
    title_html = f'<h1 class="title">{heading}</h1>' if title else ""
    charset = "gb2312" if encoding.lower() in ("gbk", "gb2312", "gb18030") else encoding
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta charset="{charset}">
<title>{_esc(title[0].strip()) if title else "信息公开"}_某某县人民政府</title>
{_STYLE}
<link rel="stylesheet" href="http://example.invalid/style.css">
<script src="http://example.invalid/jquery.js"></script>
</head><body>
{_NAV}
{_CRUMB}
<div class="main"><div class="left-box">
{title_html}
{_INFO.format(date=date)}
{article}
{_SHARE}
{_RELATED}
</div></div>
{_SCRIPT}
{_FOOTER}
</body></html>
"""
    return page.encode(encoding, errors="xmlcharrefreplace")


# --- .pdf ---------------------------------------------------------------------------

_FONT = "STSong-Light"


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (any character may break)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    used = indent
    for ch in text:
        w = stringWidth(ch, _FONT, size)
        if current and used + w > width + 0.01:
            # Like Word: a number or a Latin word is not broken across lines.
            carry = ""
            if ch.isascii() and ch.isalnum():
                m = re.search(r"[A-Za-z0-9]+$", current)
                if m and m.start() > 0:
                    carry = current[m.start() :]
                    current = current[: m.start()]
            lines.append(current)
            current, used = carry, stringWidth(carry, _FONT, size)
        current += ch
        used += w
    if current or not lines:
        lines.append(current)
    return lines


PAGE_NUMBER_STYLES = ("- {n} -", "第{n}页", "{n}/{total}", "— {n} —", "第 {n} 页 共 {total} 页")


def pdf_file(
    text: str,
    *,
    page_style: int = 0,
    header: str | None = "某某县人民政府信息公开",
    encrypt: str | None = None,
    size: float = 15.0,
    indent: bool = True,
    paragraph_space: float = 0.0,
) -> bytes:
    """The notice typeset as an A4 PDF (公文 style: indents, centred title)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_font()
    lines = text.split("\n")
    n_title = _title_lines(text)
    width, height = A4
    left, right, top, bottom = 79.0, 73.0, 105.0, 100.0
    text_width = width - left - right
    leading = size * 1.75
    # Lay the paragraphs out as (kind, line) pairs first; pages are cut afterwards.
    laid: list[tuple[str, str]] = []
    spacing: dict[int, float] = {}  # laid line -> character spacing (justification)
    signature = _signature_lines(text)
    for i, line in enumerate(lines):
        content = line.strip(" \t\u3000")
        if not content:
            laid.append(("gap", ""))
            continue
        if i < n_title:
            laid.append(("title", content))
        elif i in signature:
            laid.append(("right", content))
        else:
            first_indent = 2 * size if indent else 0.0
            wrapped = _wrap(content, text_width, size, first_indent)
            laid.append(("first", wrapped[0]))
            laid.extend(("cont", piece) for piece in wrapped[1:])
            # Justified like Word: every line but the last fills the measure.
            for k in range(len(wrapped) - 1):
                kind, piece = laid[-len(wrapped) + k]
                avail = text_width - (first_indent if k == 0 else 0)
                slack = avail - stringWidth(piece, _FONT, size)
                spacing[len(laid) - len(wrapped) + k] = max(0.0, slack / max(len(piece) - 1, 1))
            if paragraph_space:
                laid.append(("space", ""))
    pages: list[list[tuple[str, str, float]]] = [[]]
    y = height - top
    for index, (kind, piece) in enumerate(laid):
        step = leading * (
            1.6
            if kind == "title"
            else 0.5
            if kind == "gap"
            else paragraph_space
            if kind == "space"
            else 1.0
        )
        if y - step < bottom:
            pages.append([])
            y = height - top
        pages[-1].append((kind, piece, spacing.get(index, 0.0)))
        y -= step
    total = len(pages)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt, invariant=1)
    for number, page in enumerate(pages, 1):
        if header:
            c.setFont(_FONT, 10.5)
            c.drawCentredString(width / 2, height - 60, header)
            c.line(left, height - 66, width - right, height - 66)
        y = height - top
        for kind, piece, char_space in page:
            if kind in ("gap", "space"):
                y -= leading * (0.5 if kind == "gap" else paragraph_space)
                continue
            if kind == "title":
                fit = text_width / max(stringWidth(piece, _FONT, 1.0), 1.0)
                tsize = max(min(20.0, fit), size * 1.2)
                c.setFont(_FONT, tsize)
                y -= leading * 0.6
                c.drawCentredString(width / 2, y, piece)
                y -= leading
                continue
            c.setFont(_FONT, size)
            if kind == "first":
                c.drawString(left + (2 * size if indent else 0), y, piece, charSpace=char_space)
            elif kind == "cont":
                c.drawString(left, y, piece, charSpace=char_space)
            else:
                c.drawRightString(width - right - 2 * size, y, piece)
            y -= leading
        style = PAGE_NUMBER_STYLES[page_style % len(PAGE_NUMBER_STYLES)]
        c.setFont(_FONT, 12)
        c.drawCentredString(width / 2, 50, style.format(n=number, total=total))
        c.showPage()
    c.save()
    return out.getvalue()


def _signature_lines(text: str) -> set[int]:
    """0-based numbers of the lines that hold only the signing organ or date."""
    from noticelint.parse import parse_text

    notice = parse_text(text).notice
    sig = notice.signature
    out: set[int] = set()
    if sig is None:
        return out
    lines = text.split("\n")
    for span in (sig.organ_span, sig.date_span):
        if span is None:
            continue
        line = lines[span.line - 1].strip(" \t\u3000")
        start, end = span.column - 1, span.end_column - 1
        piece = lines[span.line - 1][start:end].strip(" \t\u3000")
        if span.line == span.end_line and piece == line:
            out.add(span.line - 1)
    return out


# --- hand-made packages (unit tests of the .docx reader) ------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def raw_docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    document: str | None = None,
) -> bytes:
    """A minimal .docx whose ``w:body`` holds ``body`` (WordprocessingML, prefix ``w``)."""
    import zipfile

    rels = []
    if numbering is not None:
        rels.append(f'<Relationship Id="rId2" Type="{_REL}numbering" Target="numbering.xml"/>')
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{_REL}styles" Target="styles.xml"/>')
    doc = document or (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("word/document.xml", doc)
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            f'"http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
            "</Relationships>",
        )
        if numbering is not None:
            z.writestr(
                "word/numbering.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}" xmlns:mc='
                f'"http://schemas.openxmlformats.org/markup-compatibility/2006">{numbering}'
                "</w:numbering>",
            )
        if styles is not None:
            z.writestr(
                "word/styles.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">{styles}</w:styles>',
            )
    return out.getvalue()


def para(text: str, *, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    """``<w:p>`` with one run; ``num`` = (numId, ilvl)."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    run = f'<w:r><w:t xml:space="preserve">{htmllib.escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def level(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    restart: int | None = None,
    suff: str | None = None,
    legal: bool = False,
    pstyle: str | None = None,
) -> str:
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    extra += "<w:isLgl/>" if legal else ""
    extra += f'<w:suff w:val="{suff}"/>' if suff else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: dict[int, int] | None = None) -> str:
    over = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for i, v in (overrides or {}).items()
    )
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'


GONGWEN_LEVELS = (
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）", suff="nothing"),
    level(2, "decimal", "%3."),
    level(3, "decimal", "（%4）"),
)
