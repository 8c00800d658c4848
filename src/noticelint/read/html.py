"""Web page (.html/.htm) reader: the article body of a government CMS page.

* Encoding: the BOM, else ``<meta charset>`` / ``http-equiv`` content-type (an
  XML declaration too), else detection. GB2312 and GBK pages are decoded as
  GB18030 (a superset, so characters outside GB2312 survive). Bytes that are
  valid UTF-8 are read as UTF-8 even under a wrong declaration.
* The article: the main content container of common CMS templates (``#zoom``,
  ``.TRS_Editor``, ``.Custom_UnionStyle``, ``#content``, ``article``, ``.main-txt``,
  ``.xxgk_content``…), or else the block that holds most of the page's Chinese
  text. Its title is taken from the nearest heading before it.
* Left out: scripts, styles, navigation, breadcrumbs (当前位置), page header and
  footer, share and print links (【打印本页】【关闭窗口】), font-size switches
  (字体：大 中 小), view counters (浏览次数), publication meta lines, hidden
  elements.
* ``<p>``, ``<br>``, ``<div>``, ``<li>``, headings and table cells end paragraphs;
  one paragraph a line. Entities are decoded; source line breaks between Chinese
  characters are dropped, other white space collapses to one space.
* Nothing the page references is fetched. The tree is walked iteratively, so
  deeply nested markup cannot exhaust the recursion limit.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError

# selectolax's nodes carry no usable type information here.
Node = Any

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_GB = frozenset(
    {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312",
     "gb_2312-80", "gb_2312", "chinese", "iso-ir-58", "x-euc-cn", "hz-gb-2312"}
)  # fmt: skip

# Removed with their content before anything else.
_JUNK_TAGS = [
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video", "map", "select", "button",
    "input", "textarea", "nav", "head",
]  # fmt: skip
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
     "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
     "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p",
     "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
     "caption", "ul", "option", "legend", "listing", "plaintext", "xmp"}
)  # fmt: skip
# id/class words of page furniture (matched against whole tokens or token prefixes).
_FURNITURE = re.compile(
    r"^(?:nav|navbar|navigation|menu|submenu|breadcrumbs?|crumbs?|bread|position|location|"
    r"dqwz|wzdh|weizhi|share|bdshare|bshare|jiathis|social|print|dayin|fontsize|font-size|"
    r"font_size|zihao|footer|foot|bottom|copyright|banquan|related|xgwz|xglj|hits|visits?|"
    r"counter|views?count|comments?|sidebar|aside|banner|header|head|topbar|top-bar|toolbar|"
    r"search|login|qrcode|ewm|erweima|pagination|pager|prev-next|sxp|shangxiapian|skip)"
    r"(?:$|[-_])",
    re.IGNORECASE,
)
_CONTAINERS = (
    "#zoom", "#Zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", ".Custom_UnionStyle",
    "#fontzoom", ".xxgk_content", ".xxgk-content", ".main-txt", ".main_txt", "#main-txt",
    ".article-content", ".article_content", "#article-content", "#article_content",
    ".news_content", ".news-content", ".pages_content", ".detail-content", ".detail_content",
    ".con_txt", ".zw", "#zw", "#content", ".content", "article", ".article", "#article",
    ".view", "main",
)  # fmt: skip
_NOTICE_TITLE = re.compile(r"通报|报告|公告|公示|情况|巡察|巡视|整改|关于")
_TITLE_HINT = re.compile(r"title|biaoti|headline|(?:^|[-_])bt(?:$|[-_])", re.IGNORECASE)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJKISH = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—"
_CJK_CHAR = re.compile(f"[{_CJKISH}]")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")
_SPACES = re.compile(r"[\xa0\u2002-\u200a\u202f\u205f\u1680]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Whole paragraphs of page furniture.
# Each repetition is atomic and every quantifier possessive: white space between two
# links belongs to exactly one repetition, so a line of "打印 打印 打印 …x" fails in
# linear time (it used to backtrack exponentially).
_PRINT_LINKS = re.compile(
    r"(?>[【\[［]?+\s*+(?>打印本页|打印本文|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|"
    r"返回|收藏本页|加入收藏|收藏|保存本页|纠错|我要纠错)\s*+[】\]］]?+\s*+[|｜/]?+\s*+)++"
)
_FURNITURE_TEXT = re.compile(
    r"(?:字体|字号|文字)\s*[:：]?\s*[【\[［(（]?\s*大\s*[|｜/]?\s*中\s*[|｜/]?\s*小"
    r"|(?:浏览次数|阅读次数|点击数|点击次数|点击量|访问量|浏览量|阅读量|访问次数|访问人次)\s*[:：]"
    r"|^\s*(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置)\s*[:：]?"
    r"|^\s*(?:分享到|分享至|扫一扫|微信扫一扫|用手机扫描)"
    r"|^\s*(?:上一篇|下一篇|上一条|下一条)\s*[:：]"
    r"|^\s*(?:发布(?:日期|时间)|日期|时间)\s*[:：][^。]{0,40}?(?:来源|作者|浏览|点击|阅读|字号|字体)"
)
_FURNITURE_MAX = 120


# --- decoding ---------------------------------------------------------------------


def _normalise_charset(name: str) -> str | None:
    label = name.strip().lower()
    if label in _GB:
        return "gb18030"
    if label in ("utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"):
        return "utf-8"
    if label.startswith(("utf-16", "utf-32", "unicode")):
        return "utf-8"  # a declaration read as ASCII cannot be UTF-16 (HTML spec)
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"):
        return "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, bom) of an HTML file."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise ReadError(f"无法按 {encoding} 解码网页：{exc} (cannot decode)") from exc
    head = data[:4096]
    declared = None
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match:
        declared = _normalise_charset(match.group(1).decode("ascii", "replace"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with non-ASCII bytes is UTF-8, whatever the page declares
        # (pages saved by a browser keep their old declaration); pure ASCII reads
        # the same in any declared encoding.
        if not data.isascii() or declared is None:
            return text, "utf-8", False
        return text, declared, False
    candidates = [declared] if declared and declared != "utf-8" else []
    candidates.append("gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError):
            continue
    from noticelint.read.text import _detect

    encoding, bom = _detect(data)
    try:
        return data.decode(encoding, errors="replace"), encoding, bom
    except LookupError as exc:
        raise ReadError(f"无法识别网页编码 {encoding} (unknown encoding)") from exc


# --- the tree ---------------------------------------------------------------------


def _hidden(node: Node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _furniture(node: Node) -> bool:
    attrs = node.attributes
    for name in ("id", "class"):
        value = attrs.get(name)
        if not value:
            continue
        for token in value.split():
            if _FURNITURE.match(token):
                return True
    return False


def _inside(node: Node, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _prune(root: Node, keep: Node | None = None) -> None:
    """Remove page furniture under ``root`` (iterative; never ``keep`` or its ancestors).

    Inside ``keep`` (the article) only small blocks are removed: a share bar or a
    print link, not a wrapper that happens to be called ``print-area``.
    """
    keep_ids: set[int] = set()
    node = keep
    while node is not None:
        keep_ids.add(node.mem_id)
        node = node.parent
    keep_id = keep.mem_id if keep is not None else None
    doomed: list[Node] = []
    stack: list[tuple[Node, bool]] = [(root, root.mem_id == keep_id)]
    while stack:
        node, inside = stack.pop()
        child = node.child
        while child is not None:
            if child.is_element_node:
                tag = child.tag
                if child.mem_id in keep_ids:
                    stack.append((child, inside or child.mem_id == keep_id))
                elif (
                    _hidden(child)
                    or (tag in ("header", "footer") and not _inside(child, _ARTICLE_TAGS))
                    or _furniture(child)
                ) and (not inside or _cjk(child.text(deep=True, separator="")) <= _SMALL):
                    doomed.append(child)
                else:
                    stack.append((child, inside))
            child = child.next
    for node in doomed:
        node.decompose()


_SMALL = 200  # Chinese characters: more than this inside the article is not furniture
_ARTICLE_TAGS = frozenset({"article", "main"})


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _choose_container(body: Node) -> Node:
    """The element that holds the article."""
    total = _cjk(body.text(deep=True, separator=""))
    if total == 0:
        return body
    best: Node | None = None
    best_count = 0
    for selector in _CONTAINERS:
        for node in body.css(selector):
            count = _cjk(node.text(deep=True, separator=""))
            if count > best_count:
                best, best_count = node, count
        if best is not None and best_count >= total * 0.5:
            return best
    return _densest(body)


def _densest(body: Node) -> Node:
    """Descend from ``body`` while one child holds most of the Chinese text."""
    # Post-order sums of Chinese characters (not counting link text), iteratively.
    counts: dict[int, int] = {}
    order: list[Node] = []
    stack = [body]
    while stack:
        node = stack.pop()
        order.append(node)
        child = node.child
        while child is not None:
            if child.is_element_node:
                stack.append(child)
            child = child.next
    for node in reversed(order):
        own = 0
        child = node.child
        while child is not None:
            if child.is_text_node:
                own += _cjk(child.text_content or "")
            elif child.is_element_node:
                own += counts.get(child.mem_id, 0)
            child = child.next
        if node.tag == "a":
            own //= 4  # link lists are navigation, not prose
        counts[node.mem_id] = own
    node = body
    for _ in range(100_000):
        total = counts.get(node.mem_id, 0)
        heavy = None
        child = node.child
        while child is not None:
            if child.is_element_node and counts.get(child.mem_id, 0) >= total * 0.7:
                heavy = child
                break
            child = child.next
        if heavy is None or total == 0:
            break
        node = heavy
    return node


def _title_before(container: Node, body: Node) -> list[str]:
    """The lines of the article title: the nearest heading before the container."""
    node = container
    for _ in range(6):
        if node is None or node is body:
            break
        sibling = node.prev
        while sibling is not None:
            if sibling.is_element_node:
                if _cjk(sibling.text(deep=True, separator="")) > 300:
                    return []  # prose between a heading and the container: no title
                found = _heading_in(sibling)
                if found is not None:
                    lines = [_clean(line) for line in _paragraphs(found)]
                    lines = [line for line in lines if line]
                    if lines and all(_cjk(line) for line in lines):
                        return lines
            sibling = sibling.prev
        node = node.parent
        if node is not None and node.mem_id == body.mem_id:
            break
    return []


def _heading_in(node: Node) -> Node | None:
    """``node`` or its last descendant that looks like an article title."""
    candidates: list[Node] = []
    for selector in ("h1", "h2", "h3", "[class*=title]", "[id*=title]", "[class*=biaoti]"):
        candidates.extend(node.css(selector))
    if node.tag in ("h1", "h2", "h3") or _TITLE_HINT.search(
        (node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")
    ):
        candidates.append(node)
    for cand in candidates:
        text = _clean(cand.text(deep=True, separator=""))
        if (
            6 <= len(text) <= 150
            and _cjk(text) >= 4
            and _NOTICE_TITLE.search(text)
            and not _FURNITURE_TEXT.search(text)
        ):
            return cand
    return None


# --- paragraphs -------------------------------------------------------------------


def _paragraphs(root: Node) -> list[str]:
    """Raw paragraph strings under ``root`` (blocks and ``<br>`` end paragraphs)."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append("".join(current))
            current.clear()

    # (node, entering): an element is visited on the way in and on the way out.
    stack: list[tuple[Node, bool]] = [(root, True)]
    pre_depth = 0
    while stack:
        node, entering = stack.pop()
        if node.is_text_node:
            text = node.text_content or ""
            if pre_depth and "\n" in text:
                pieces = text.split("\n")
                current.append(pieces[0])
                for piece in pieces[1:]:
                    flush()
                    current.append(piece)
            else:
                current.append(text)
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if entering:
            if tag == "br":
                flush()
                continue
            if tag in ("img", "wbr"):
                continue
            if _hidden(node):
                continue
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if tag in ("pre", "listing", "xmp", "plaintext"):
                pre_depth += 1
            stack.append((node, False))
            children: list[Node] = []
            child = node.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, True) for c in reversed(children))
        else:
            if tag in ("pre", "listing", "xmp", "plaintext"):
                pre_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
    flush()
    return out


def _join_space(match: re.Match[str]) -> str:
    run = match.group(0)
    text = match.string
    start, end = match.span()
    if start == 0 or end == len(text):
        return ""
    if ("\n" in run or "\r" in run) and (
        _CJK_CHAR.match(text[start - 1]) or _CJK_CHAR.match(text[end])
    ):
        return ""  # the page source wrapped a Chinese sentence: not a space
    return " "


def _clean(raw: str) -> str:
    text = _INVISIBLE.sub("", raw)
    text = _SPACES.sub(" ", text)
    text = _SPACE_RUN.sub(_join_space, text)
    return text.strip(" \u3000")


def _is_furniture_text(line: str) -> bool:
    if _PRINT_LINKS.fullmatch(line):
        return True
    return len(line) <= _FURNITURE_MAX and _FURNITURE_TEXT.search(line) is not None


#: Markup limits checked by a linear scan before lexbor (which is quadratic on
#: 200,000 attributes of one tag or 200,000 nested elements).
MAX_TAGS = 200_000
MAX_DEPTH = 25_000
MAX_ATTRIBUTES = 1_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)([^<>]*+)>?")
_ATTRIBUTE = re.compile(r"[^\s=/>]++\s*+(?:=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>]++))?+")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"}
)  # fmt: skip


def _check_markup(text: str) -> None:
    """Refuse markup that would make the parser super-linear (see the limits)."""
    depth = deepest = tags = 0
    for match in _TAG.finditer(text):
        tags += 1
        closing, name, rest = match.groups()
        if closing:
            depth = max(0, depth - 1)
            continue
        if len(rest) > 2 * MAX_ATTRIBUTES and len(_ATTRIBUTE.findall(rest)) > MAX_ATTRIBUTES:
            raise ReadError(
                f"网页中一个标签的属性超过 {MAX_ATTRIBUTES} 个，拒绝解析 (too many attributes)"
            )
        if name.lower() not in _VOID and not rest.endswith("/"):
            depth += 1
            deepest = max(deepest, depth)
        if deepest > MAX_DEPTH or tags > MAX_TAGS:
            raise ReadError(
                f"网页标签嵌套超过 {MAX_DEPTH} 层或超过 {MAX_TAGS} 个，拒绝解析 "
                "(markup too deep or too large)"
            )


def extract(text: str) -> list[str]:
    """The article of an HTML page as paragraphs."""
    from selectolax.lexbor import LexborHTMLParser

    _check_markup(text)
    tree = LexborHTMLParser(text)
    body = tree.body
    if body is None:
        return []
    tree.strip_tags(_JUNK_TAGS)
    # Furniture outside any article container first; the chosen container keeps
    # whatever it holds apart from furniture inside it.
    container = _choose_container(body)
    _prune(body, keep=container)
    title = [] if container.mem_id == body.mem_id else _title_before(container, body)
    lines = [_clean(p) for p in _paragraphs(container)]
    lines = [line for line in lines if line and not _is_furniture_text(line)]
    if title and lines and lines[0].startswith(title[0]):
        title = []
    return title + lines


def read(data: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a saved web page (.html/.htm)."""
    if len(data) > max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    head = data[:1024].lstrip()
    if head.startswith((b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ReadError("文件扩展名为 .html，但内容不是网页（是 PDF、Office 或压缩文件）(not HTML)")
    text, encoding, bom = decode_html(data)
    if "\x00" in text[:4096]:
        raise ReadError("文件含空字符，是二进制文件而非网页 (binary file, not HTML)")
    if not re.search(r"<\s*[a-zA-Z!/]", text[:65536]):
        raise ReadError("不是有效的网页：文件中没有 HTML 标记 (not HTML)")
    try:
        lines = extract(text)
    except ReadError:
        raise
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ReadError(f"无法解析网页（{type(exc).__name__}）(cannot parse HTML)") from exc
    return Document(
        path=path,
        text="\n".join(lines),
        encoding=encoding,
        bom=bom,
        medium="html",
    )
