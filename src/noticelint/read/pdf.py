"""PDF reader (pypdfium2): the text in reading order, one paragraph a line.

PDFium gives the characters of each page with their boxes. From them:

* **Lines.** Characters are grouped into lines by baseline; the lines of a page are
  ordered top to bottom (fragments on one baseline left to right).
* **Running headers, footers, page numbers.** The first and last lines of a page
  are dropped when they are a page number (``- 3 -``, ``— 3 —``, ``第3页``,
  ``3/12``, ``第 3 页 共 12 页``) or repeat, at the same height, on several pages.
* **Paragraphs.** A wrapped line is joined to the line before it without a space.
  A line starts a new paragraph when it is indented (a first-line indent, a
  centred title, a right-aligned signature), when the line before it ends short
  of the right margin, or after extra vertical space; in a document without
  first-line indents, also when it starts with a heading marker (一、（一）1.（1））
  or a label (整改措施：) after a sentence end.
* **White space.** Spaces PDFium generates for gaps between glyphs are dropped
  next to Chinese characters (kept between Latin words); no paragraph keeps
  leading or trailing spaces, so the whitespace rules see only the document's own
  spaces.

Encrypted (password-protected), corrupt, truncated and fake PDFs raise
:class:`ReadError`; so does a PDF without extractable text (a scan), and a PDF whose
compressed streams would inflate beyond :data:`MAX_INFLATED_STREAM` each or
:data:`MAX_INFLATED_TOTAL` together (a deflate bomb: PDFium would inflate it in
memory). The streams are measured by inflating them chunk by chunk, keeping nothing,
before PDFium sees the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError

MAX_PAGES = 2000
#: Inflated size limits for the Flate streams of a PDF (a deflate bomb is refused).
MAX_INFLATED_STREAM = 64 * 1024 * 1024
MAX_INFLATED_TOTAL = 256 * 1024 * 1024
#: Content PDFium interprets over all pages (a stream shared by 2,000 pages counts
#: 2,000 times): beyond it text extraction takes minutes.
MAX_CONTENT_TOTAL = 64 * 1024 * 1024

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_SENTENCE_END = frozenset("。；;：:！？!?”）)」』")
_PAGE_NUMBER = re.compile(
    r"[\s\-—–－~·•_]*"
    r"(?:第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}\s*(?:[/／]|of)\s*[0-9０-９]{1,4}"
    r"|(?:page\s*)?[0-9０-９]{1,4}(?:\s*页)?)"
    r"[\s\-—–－~·•_]*",
    re.IGNORECASE,
)
_CN = "一二三四五六七八九十"
_PARAGRAPH_START = re.compile(
    rf"(?:[{_CN}]{{1,3}}[、．.]|[（(](?:[{_CN}]{{1,3}}|\d{{1,2}})[）)]|\d{{1,2}}[.．、](?!\d)"
    r"|(?:主要)?整改措施\s*[:：]|整改(?:进展情况|进展|进度|情况|结果|时限)\s*[:：]|完成情况\s*[:：]"
    r"|联系(?:电话|方式)|公开期限|公示期限|通讯地址|通信地址|邮政编码|电子邮箱|欢迎广大)"
)
_RADICAL = re.compile(r"[\u2f00-\u2fd5\u2e80-\u2ef3]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


@dataclass(slots=True)
class Line:
    """One line of text on a page, with its geometry (PDF units, y upwards)."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    em: float
    page: int
    size: float = 0.0  # the font size of its first character (a title is larger)
    row: int = 0  # its place on the page, counted from the top (1 = first line)


# --- extraction -------------------------------------------------------------------


def _open(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ReadError(
                "PDF 文件已加密（需要打开密码），无法读取；请去除密码后再检查 (encrypted PDF)"
            ) from exc
        if "format" in message.lower() or "file" in message.lower():
            raise ReadError(
                f"PDF 文件已损坏或不完整，无法打开（{message}）(corrupt or truncated PDF)"
            ) from exc
        raise ReadError(f"无法打开 PDF 文件（{message}）(cannot open PDF)") from exc


def _page_lines(textpage: Any, page_no: int) -> list[Line]:
    """The lines of one page, from PDFium's characters."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    tp = textpage.raw
    count = pdfium_c.FPDFText_CountChars(tp)
    if count <= 0:
        return []
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    # Split PDFium's character stream into runs at its (generated) line breaks.
    runs: list[list[tuple[int, str]]] = [[]]
    for i in range(count):
        code = get_unicode(tp, i)
        if code in (13, 10):
            if runs[-1]:
                runs.append([])
            continue
        if code == 0xFFFE or code == 2 or code == 0:
            continue  # PDFium's marker for a hyphen at a line end / unmapped glyph
        ch = chr(code) if code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        if ch == " " and is_generated(tp, i):
            # A space PDFium generated for a gap between glyphs: kept only between
            # Latin words, or where the gap is wide (two blocks on one baseline).
            ch = "\x02" if _wide_gap(textpage, i, count) else "\x01"
        runs[-1].append((i, ch))
    lines: list[Line] = []
    for run in runs:
        visible = [(i, ch) for i, ch in run if not ch.isspace() and ch not in "\x01\x02"]
        if not visible:
            continue
        first, last = visible[0][0], visible[-1][0]
        try:
            l0, b0, _, t0 = textpage.get_charbox(first, loose=True)
            _, _, r1, _ = textpage.get_charbox(last, loose=True)
        except pdfium.PdfiumError:  # a glyph without a box
            continue
        _, y = _origin(tp, first)
        em = max(t0 - b0, 1.0)
        text = "".join(ch for _, ch in run)
        size = float(pdfium_c.FPDFText_GetFontSize(tp, first))
        lines.append(Line(text, l0, r1, y if y is not None else b0, em, page_no, size))
    return _merge_same_baseline(lines)


def _wide_gap(textpage: Any, index: int, count: int) -> bool:
    """The generated space at ``index`` stands for more than 2.5 em of empty line."""
    if index == 0 or index + 1 >= count:
        return False
    import pypdfium2 as pdfium

    try:
        _, bottom, right, top = textpage.get_charbox(index - 1, loose=True)
        nxt = textpage.get_charbox(index + 1, loose=True)
    except pdfium.PdfiumError:
        return False
    em = max(top - bottom, 1.0)
    return bool(nxt[0] - right > 2.5 * em and abs(nxt[1] - bottom) < 0.5 * em)


def _origin(tp: Any, index: int) -> tuple[float | None, float | None]:
    import ctypes

    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_double(), ctypes.c_double()
    if pdfium_c.FPDFText_GetCharOrigin(tp, index, x, y):
        return x.value, y.value
    return None, None


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Order a page's lines top to bottom; fragments on one baseline become one line,
    left to right (a space where they stand apart)."""
    lines.sort(key=lambda ln: -ln.y)
    groups: list[list[Line]] = []
    for line in lines:
        if groups and abs(groups[-1][0].y - line.y) < 0.3 * min(groups[-1][0].em, line.em):
            groups[-1].append(line)
        else:
            groups.append([line])
    out: list[Line] = []
    for group in groups:
        group.sort(key=lambda ln: ln.x0)
        merged = group[0]
        for line in group[1:]:
            joint = " " if line.x0 - merged.x1 > 0.8 * merged.em else ""
            merged = Line(
                merged.text + joint + line.text, merged.x0, max(merged.x1, line.x1), merged.y,
                max(merged.em, line.em), merged.page, merged.size,
            )  # fmt: skip
        out.append(merged)
    return out


# --- running headers and footers ------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"[0-9０-９]+", "#", text))


def _strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove running headers, footers and page numbers."""
    edge = 2  # lines at the top and at the bottom of a page that may be furniture
    seen: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        keys = {(_norm(ln.text), round(ln.y / 4)) for ln in lines[:edge] + lines[-edge:]}
        seen.update(keys)
    repeat_min = max(2, int(len(pages) * 0.3 + 0.5))
    out: list[list[Line]] = []
    for lines in pages:
        drop: set[int] = set()
        for pos in list(range(min(edge, len(lines)))) + list(
            range(max(0, len(lines) - edge), len(lines))
        ):
            ln = lines[pos]
            text = ln.text.replace("\x01", " ").replace("\x02", " ").strip()
            key = (_norm(ln.text), round(ln.y / 4))
            if _PAGE_NUMBER.fullmatch(text) or (len(pages) > 1 and seen[key] >= repeat_min):
                drop.add(pos)
        out.append([ln for pos, ln in enumerate(lines) if pos not in drop])
    return out


# --- paragraphs -------------------------------------------------------------------


def _mode(values: list[float]) -> float:
    counts = Counter(round(v) for v in values)
    return float(counts.most_common(1)[0][0])


def _radicals(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


def _clean(text: str) -> str:
    """Resolve generated spaces; drop control characters; map Kangxi radicals that
    some PDF fonts' ToUnicode tables give for common ideographs (⼀ → 一)."""
    if _RADICAL.search(text):
        text = _RADICAL.sub(_radicals, text)
    if "\x01" in text:
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch != "\x01":
                continue
            left = chars[i - 1] if i else ""
            right = chars[i + 1] if i + 1 < len(chars) else ""
            keep = bool(left and right and _ALNUM.match(left[-1:]) and _ALNUM.match(right[:1]))
            chars[i] = " " if keep else ""
        text = "".join(chars)
    return _CONTROL.sub("", text.replace("\x02", " "))


def _paragraphs(lines: list[Line]) -> list[tuple[str, list[tuple[int, Line]]]]:
    if not lines:
        return []
    em = median(ln.em for ln in lines)
    left = _mode([ln.x0 for ln in lines])
    full = sorted(ln.x1 for ln in lines)
    right = full[int(len(full) * 0.9)] if len(full) > 3 else full[-1]
    indented = [ln for ln in lines if 1.2 * em <= ln.x0 - left <= 3.5 * em]
    indent_mode = len(indented) >= 2
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page and 0 < a.y - b.y < 3 * em]
    pitch = median(gaps) if gaps else 1.5 * em
    out: list[list[str]] = []
    sources: list[list[Line]] = []
    prev: Line | None = None
    for line in lines:
        text = _clean(line.text)
        if prev is None:
            out.append([text])
            sources.append([line])
            prev = line
            continue
        starts = (
            line.x0 > left + 1.0 * em  # first-line indent, centred or right-aligned
            or prev.x1 < right - 1.5 * em  # the line before ended short
            or prev.x0 > left + 4 * em  # after a centred title or a signature line
            or (line.page == prev.page and prev.y - line.y > 1.45 * pitch)  # spacing
            or abs(line.size - prev.size) > 0.12 * max(line.size, prev.size)  # a title
        )
        if not starts and not indent_mode:
            stripped = text.lstrip()
            before = "".join(out[-1]).rstrip()
            starts = bool(_PARAGRAPH_START.match(stripped)) and (
                not before or before[-1] in _SENTENCE_END or not _CJK_CHAR.match(before[-1])
            )
        if starts:
            out.append([text])
            sources.append([line])
        else:
            out[-1].append(text)
            sources[-1].append(line)
        prev = line
    joined = [_join_placed(parts) for parts in out]
    return [
        (text, list(zip(starts, group, strict=True)))
        for (text, starts), group in zip(joined, sources, strict=True)
    ]


def _join(parts: list[str]) -> str:
    """Join the wrapped lines of one paragraph."""
    return _join_placed(parts)[0]


def _join_placed(parts: list[str]) -> tuple[str, list[int]]:
    """Join the wrapped lines of one paragraph; also where each line begins in it."""
    text = parts[0]
    starts = [0]
    for part in parts[1:]:
        had_space = text[-1:].isspace()
        text = text.rstrip()
        had_space = had_space or part[:1].isspace()
        right = part.lstrip()
        if not right.strip():
            text += " " if had_space else ""
            starts.append(len(text))
            continue
        if text.endswith("-") and _ALNUM.match(right[:1]):
            text += right  # a word or number hyphenated across lines
        elif _ALNUM.match(text[-1:] or "x") and _ALNUM.match(right[:1]):
            text += " " + right  # Latin words wrap at spaces
        elif had_space:
            text += " " + right  # a space the document itself has at the line break
        else:
            text += right
        starts.append(len(text) - len(right))
    lead = len(text) - len(text.lstrip(_EDGE_SPACE))
    text = text.strip(_EDGE_SPACE)
    return text, [min(max(0, start - lead), len(text)) for start in starts]


_EDGE_SPACE = " \t\u3000\xa0"


def _check_streams(data: bytes) -> None:
    """Refuse a PDF whose streams decode beyond the limits, or whose pages together
    ask PDFium to interpret more content than :data:`MAX_CONTENT_TOTAL` (see
    ``read/pdf_streams.py``)."""
    from noticelint.read.pdf_streams import measure

    sizes = measure(data, MAX_INFLATED_STREAM, MAX_INFLATED_TOTAL)
    if sizes.largest > MAX_INFLATED_STREAM or sizes.total > MAX_INFLATED_TOTAL:
        raise ReadError(
            f"PDF 中的压缩数据流解压后超过 {MAX_INFLATED_STREAM // (1024 * 1024)} MB"
            f"（合计上限 {MAX_INFLATED_TOTAL // (1024 * 1024)} MB），疑似压缩炸弹，拒绝解析 "
            "(deflate bomb)"
        )
    content = sizes.page_content()
    if content > MAX_CONTENT_TOTAL:
        raise ReadError(
            f"PDF 各页要解释的内容合计 {content // (1024 * 1024)} MB，超过上限 "
            f"{MAX_CONTENT_TOTAL // (1024 * 1024)} MB（多页共用一个大内容流），拒绝解析 "
            "(page content budget)"
        )


#: Where each printed line begins in the extracted text: (line of the text, its
#: column, page, line on the page), all 1-based.
PageMark = tuple[int, int, int, int]


def extract(data: bytes) -> list[str]:
    """The paragraphs of a PDF."""
    return [text for text, _ in extract_placed(data)]


def extract_placed(data: bytes) -> list[tuple[str, list[tuple[int, Line]]]]:
    """The paragraphs of a PDF, each with the printed lines it was joined from (the
    offset in the paragraph where each begins)."""
    import pypdfium2 as pdfium

    pdf = _open(data)
    try:
        pages_total = len(pdf)
        if pages_total > MAX_PAGES:
            raise ReadError(f"PDF 有 {pages_total} 页，超过上限 {MAX_PAGES} 页 (too many pages)")
        pages: list[list[Line]] = []
        for number in range(pages_total):
            try:
                page = pdf[number]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                raise ReadError(
                    f"PDF 文件已损坏：第{number + 1}页无法读取（{exc}）(corrupt PDF)"
                ) from exc
            try:
                page_lines = _page_lines(textpage, number)
                for row, line in enumerate(page_lines, 1):
                    line.row = row
                pages.append(page_lines)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    body = [ln for lines in _strip_furniture(pages) for ln in lines]
    return [(text, placed) for text, placed in _paragraphs(body) if text]


def read(data: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a PDF file."""
    if len(data) > max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    if b"%PDF-" not in data[:1024]:
        if data.startswith(b"PK\x03\x04"):
            kind = "zip 压缩包（可能是 Word 文档）"
        elif data[:1024].lstrip().lower().startswith((b"<!doctype", b"<html")):
            kind = "网页"
        else:
            kind = "其他数据"
        raise ReadError(f"不是有效的 PDF 文件：缺少 %PDF- 文件头，内容是{kind} (not a PDF)")
    _check_streams(data)
    try:
        paragraphs = extract_placed(data)
    except ReadError:
        raise
    except (RecursionError, MemoryError, ValueError, OSError) as exc:
        raise ReadError(f"PDF 文件已损坏，无法读取（{type(exc).__name__}）(corrupt PDF)") from exc
    if not paragraphs:
        raise ReadError("PDF 中没有可提取的文字（可能是扫描件或图片），无法检查 (no text in PDF)")
    marks = tuple(
        (number, start + 1, line.page + 1, line.row)
        for number, (_, placed) in enumerate(paragraphs, 1)
        for start, line in placed
    )
    text = "\n".join(text for text, _ in paragraphs)
    return Document(path=path, text=text, encoding="utf-8", medium="pdf", page_marks=marks)
