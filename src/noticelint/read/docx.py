"""Word (.docx) reader: the body text as a reader sees it, one paragraph a line.

* Body paragraphs in order; table cells in order, each paragraph of a cell a line
  of its own; headers, footers, footnotes, comments and text boxes are left out.
* Word automatic numbering is rendered from ``numbering.xml``: a paragraph numbered
  by Word (``w:numPr``, directly or through its paragraph style) carries no number
  in its text, so the number (``一、``, ``（一）``, ``1.``, ``（1）``…) is built from the
  level's ``lvlText`` and ``numFmt``, its ``start``, ``lvlRestart``, ``isLgl`` and
  the ``lvlOverride``/``startOverride`` of the numbering instance. As in Word, the
  running count belongs to the abstract numbering definition: instances of one
  ``abstractNum`` continue each other's count unless an instance overrides the
  start of a level, which restarts it where that instance is first used.
* Tracked changes are read as accepted: inserted text is kept, deleted text
  (``w:del``, ``w:delText``, ``w:moveFrom``) dropped; a paragraph whose mark was
  deleted joins the next one.
* Empty paragraphs are kept as empty lines, so the line of a diagnostic is the
  paragraph number in the document (第N段).

The package is checked before anything is parsed (a zip, not too large once
inflated, no member with an excessive compression ratio), and XML is parsed
without DTDs, entity expansion or network access.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError

# lxml ships no type information; elements are handled as ``Any``.
Element = Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "{" + W_NS + "}"
_MC = "{" + MC_NS + "}"

#: Limits for the zip package (a zip bomb is rejected before any XML is parsed).
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
RATIO_MIN_SIZE = 100 * 1024  # small members compress well legitimately
MAX_MEMBERS = 5000
#: Word's own limits for a list: counters run 0…32767; a rendered number label longer
#: than this many characters is cut (a hostile ``lvlText`` repeats ``%1`` thousands
#: of times, an ``upperLetter`` counter near 10⁷ is a 400,000-letter word).
MAX_COUNTER = 32767
MAX_LABEL = 64
#: The extracted text may hold at most this many characters per byte of the file
#: (numbering labels are the only text not in the file itself).
MAX_EXPANSION = 16

_OFFICE_DOCUMENT = "/officeDocument"
_NUMBERING = "/numbering"
_STYLES = "/styles"

# Tags, precomputed.
_P = _W + "p"
_TBL = _W + "tbl"
_TR = _W + "tr"
_TC = _W + "tc"
_SDT = _W + "sdt"
_SDT_CONTENT = _W + "sdtContent"
_CUSTOM_XML = _W + "customXml"
_PPR = _W + "pPr"
_RPR = _W + "rPr"
_TRPR = _W + "trPr"
_NUMPR = _W + "numPr"
_NUMID = _W + "numId"
_ILVL = _W + "ilvl"
_PSTYLE = _W + "pStyle"
_VAL = _W + "val"
_T = _W + "t"
_TAB = _W + "tab"
_PTAB = _W + "ptab"
_BR = _W + "br"
_CR = _W + "cr"
_NBHYPHEN = _W + "noBreakHyphen"
_SYM = _W + "sym"
_R = _W + "r"
_DEL = _W + "del"
_INS = _W + "ins"
_MOVE_FROM = _W + "moveFrom"
_VANISH = _W + "vanish"
_FLDCHAR = _W + "fldChar"
_TYPE = _W + "type"
_FLDCHARTYPE = _W + "fldCharType"
_CHAR = _W + "char"

# Subtrees of a paragraph that hold no body text (or text a reader does not see
# in the flow: drawings and text boxes, the old text of a tracked change…).
_SKIP_IN_PARAGRAPH = frozenset(
    {
        _PPR,
        _RPR,
        _DEL,
        _MOVE_FROM,
        _W + "instrText",
        _W + "delText",
        _W + "delInstrText",
        _W + "drawing",
        _W + "pict",
        _W + "object",
        _W + "footnoteReference",
        _W + "endnoteReference",
        _W + "commentReference",
        _W + "annotationRef",
        _W + "rPrChange",
        _W + "pPrChange",
        _W + "sdtPr",
        _W + "sdtEndPr",
        _W + "rt",  # ruby (pinyin) annotation text; the base text is kept
        _MC + "AlternateContent",
    }
)
# Block containers whose children are paragraphs, tables or more containers.
_BLOCK_CONTAINERS = frozenset({_TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML, _INS})

_CJKISH = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]")


def _parser() -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # lxml has no type stubs

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse_xml(data: bytes, name: str) -> Element:
    """Parse one part; DTDs (and so entity definitions) are refused outright."""
    from lxml import etree

    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise ReadError(f"Word 文档的 {name} 含有 DTD 声明，拒绝解析 (DTD in the package)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"Word 文档已损坏：{name} 不是有效的 XML（{exc}）(corrupt docx)") from exc
    # A DTD placed after a long comment escapes the look at the head; the parser has
    # expanded nothing (entities unresolved, no DTD loaded), but the part is refused
    # all the same: text after an unexpanded entity reference would be lost.
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ReadError(f"Word 文档的 {name} 含有 DTD 声明，拒绝解析 (DTD in the package)")
    return root


# --- the package ------------------------------------------------------------------


def _sniff(data: bytes) -> None:
    """Explain why ``data`` is not a .docx, when it clearly is something else."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An OLE2 compound file: an encrypted OOXML package, or a Word 97–2003 file.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(
                "Word 文档已加密（设置了打开密码），无法读取；请去除密码后再检查 (encrypted docx)"
            )
        raise ReadError(
            "这是旧版 Word（.doc）或其他 OLE 格式文件，不是 .docx；请另存为 .docx (not a docx)"
        )
    if data.startswith(b"%PDF-"):
        raise ReadError("文件扩展名为 .docx，但内容是 PDF (not a docx: PDF content)")
    if not data.startswith(b"PK"):
        kind = "文本" if _looks_textual(data) else "未知格式的数据"
        raise ReadError(f"不是有效的 Word 文档：内容是{kind}，不是 zip 压缩包 (not a docx)")


def _looks_textual(data: bytes) -> bool:
    sample = data[:2048]
    if not sample:
        return True
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
        return controls <= len(text) * 0.02
    return False


class _Package:
    """The zip package of a .docx, checked for size and compression ratio."""

    def __init__(self, data: bytes) -> None:
        _sniff(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise ReadError(
                f"Word 文档已损坏或不完整：无法打开 zip 压缩包（{exc}）(corrupt or truncated docx)"
            ) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ReadError(
                f"Word 文档含 {len(infos)} 个部件，数量异常，拒绝解析 (too many members)"
            )
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO:
                raise ReadError(
                    f"Word 文档的部件 {info.filename} 压缩比异常（{ratio:.0f}:1），"
                    "疑似压缩炸弹，拒绝解析 (zip bomb)"
                )
        if total > MAX_UNCOMPRESSED:
            raise ReadError(
                f"Word 文档解压后达 {total} 字节，超过上限 {MAX_UNCOMPRESSED} 字节，"
                "拒绝解析 (zip bomb)"
            )
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            with self.zip.open(name) as member:
                return member.read(MAX_UNCOMPRESSED + 1)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            zlib.error,
            ValueError,
            OSError,
            EOFError,
        ) as exc:
            raise ReadError(f"Word 文档已损坏：无法解压 {name}（{exc}）(corrupt docx)") from exc
        except RuntimeError as exc:  # an encrypted zip member
            raise ReadError(f"Word 文档的 {name} 已加密，无法读取 (encrypted docx)") from exc

    def relationships(self, source: str) -> dict[str, str]:
        """Relationship type suffix (``/numbering``…) → part name, for ``source``."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        data = self.read(rels_name)
        if data is None:
            return {}
        root = _parse_xml(data, rels_name)
        out: dict[str, str] = {}
        for rel in root.iter("{" + REL_NS + "}Relationship"):
            rtype = rel.get("Type") or ""
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(rtype[rtype.rfind("/") :], part)
        return out


# --- numbering --------------------------------------------------------------------


@dataclass(slots=True)
class Level:
    """One level of a numbering definition (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never restart)
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class Instance:
    """A numbering instance (``w:num``): its abstract definition and overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def _val(el: Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    value = el.get(_VAL)
    return default if value is None else str(value)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _counter(n: int) -> int:
    """A list counter within Word's range (0…32767)."""
    return max(0, min(n, MAX_COUNTER))


def _on(el: Element | None) -> bool:
    """A boolean property element (``<w:vanish/>``, ``<w:isLgl w:val="0"/>``)."""
    if el is None:
        return False
    return _val(el, "true") not in ("0", "false", "off")


def _level(lvl: Element) -> Level:
    fmt_el = lvl.find(_W + "numFmt")
    if fmt_el is None:  # Word 2010 writes custom formats inside mc:AlternateContent
        fmt_el = lvl.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
    text_el = lvl.find(_W + "lvlText")
    restart_el = lvl.find(_W + "lvlRestart")
    return Level(
        start=_counter(_int(_val(lvl.find(_W + "start")), 1)),
        fmt=_val(fmt_el, "decimal") or "decimal",
        text=None if text_el is None else (text_el.get(_VAL) or ""),
        restart=None if restart_el is None else _int(_val(restart_el), 0),
        suffix=_val(lvl.find(_W + "suff"), "tab") or "tab",
        legal=_on(lvl.find(_W + "isLgl")),
        style=_val(lvl.find(_PSTYLE)),
    )


class Numbering:
    """The numbering definitions of a document and the running counts (Word's rules)."""

    def __init__(self, root: Element | None, styles: Styles) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id → numStyleLink style id
        self.instances: dict[str, Instance] = {}
        self.styles = styles
        self.counts: dict[str, list[int | None]] = {}
        self.seen: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iterchildren(_W + "abstractNum"):
            aid = abstract.get(_W + "abstractNumId")
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = _int(lvl.get(_ILVL), -1)
                if 0 <= ilvl <= 8:
                    levels[ilvl] = _level(lvl)
            self.abstracts[aid] = levels
            link = _val(abstract.find(_W + "numStyleLink"))
            if link:
                self.style_links[aid] = link
        for num in root.iterchildren(_W + "num"):
            nid = num.get(_NUMID)
            aid = _val(num.find(_W + "abstractNumId"))
            if nid is None or aid is None:
                continue
            inst = Instance(aid)
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl = _int(override.get(_ILVL), -1)
                if not 0 <= ilvl <= 8:
                    continue
                start = override.find(_W + "startOverride")
                if start is not None:
                    inst.starts[ilvl] = _counter(_int(_val(start), 1))
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    inst.levels[ilvl] = _level(lvl)
            self.instances[nid] = inst

    def _abstract_of(self, inst: Instance) -> str:
        """Follow ``numStyleLink`` (a list defined by a numbering style) once or twice."""
        aid = inst.abstract
        for _ in range(3):
            link = self.style_links.get(aid)
            if link is None:
                break
            num_id = self.styles.style_num_id(link)
            target = self.instances.get(num_id) if num_id else None
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level whose ``w:pStyle`` is ``style_id`` (numbering set by a style)."""
        inst = self.instances.get(num_id)
        if inst is None:
            return 0
        for ilvl, level in self.abstracts.get(self._abstract_of(inst), {}).items():
            if level.style == style_id:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the count of (``num_id``, ``ilvl``) and return the rendered number."""
        inst = self.instances.get(num_id)
        if inst is None or not 0 <= ilvl <= 8:
            return ""
        aid = self._abstract_of(inst)
        abstract = self.abstracts.get(aid)
        if abstract is None:
            return ""
        levels = [inst.levels.get(i) or abstract.get(i) or Level() for i in range(9)]
        level = levels[ilvl]
        counts = self.counts.setdefault(aid, [None] * 9)
        first = (num_id, ilvl) not in self.seen
        self.seen.add((num_id, ilvl))
        current = counts[ilvl]
        if first and ilvl in inst.starts:
            counts[ilvl] = inst.starts[ilvl]
        elif current is None:
            counts[ilvl] = level.start
        else:
            counts[ilvl] = min(current + 1, MAX_COUNTER)
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart
            # Default: restart after any shallower level; lvlRestart=N: after level N
            # (1-based) or a shallower one; 0: never.
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counts[deeper] = None
        if not level.text:
            return ""

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if k > ilvl:
                return ""
            n = counts[k]
            if n is None:
                n = levels[k].start
            fmt = levels[k].fmt
            if level.legal and k < ilvl and fmt != "decimalZero":
                fmt = "decimal"
            return format_number(n, fmt)

        if level.fmt == "bullet":
            text = level.text[:MAX_LABEL]
            rendered = "".join("•" if "\ue000" <= ch <= "\uf8ff" else ch for ch in text)
        else:
            rendered = _render_label(level.text, value)
        return _suffix(rendered, level.suffix) if rendered else ""


def _render_label(template: str, value: Callable[[re.Match[str]], str]) -> str:
    """``template`` (``%1.%2``) with each placeholder replaced, stopping as soon as
    :data:`MAX_LABEL` characters are there: the work is bounded by the label, not by
    the template's repetitions or the numbers' lengths."""
    out: list[str] = []
    size = 0
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        for piece in (template[pos : match.start()], value(match)):
            out.append(piece[: MAX_LABEL - size])
            size += len(out[-1])
        pos = match.end()
        if size >= MAX_LABEL:
            return "".join(out)
    out.append(template[pos:][: MAX_LABEL - size])
    return "".join(out)


_PLACEHOLDER = re.compile(r"%([1-9])")


def _suffix(label: str, suffix: str) -> str:
    # A tab after the number is layout (the text starts at the next tab stop), not
    # a character of the sentence: 公文 typed by hand read "1.关于…", not "1.\t关于…".
    return label + " " if suffix == "space" else label


# --- number formats (ECMA-376 §17.18.59) ------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_UPPER = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese_counting(n: int) -> str:
    """chineseCounting: 一 … 十, 十一 … 九十九; positional from 100 (一〇〇)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "十" if tens == 1 else _CN_DIGITS[tens] + "十"
        return head + (_CN_DIGITS[ones] if ones else "")
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _chinese_thousand(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """chineseCountingThousand: 十一, 一百零五, 一千二百…, grouped by 万."""
    if n == 0:
        return digits[0]
    if n >= 10000:
        high, low = divmod(n, 10000)
        out = _chinese_thousand(high, digits, units) + "万"
        if low:
            out += (digits[0] if low < 1000 else "") + _chinese_thousand(low, digits, units)
        return out
    out = ""
    pending_zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out += digits[0]
            pending_zero = False
        out += digits[d] + unit
    if 10 <= n < 20 and digits[1] == "一":
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(n: int) -> str:
    out = ""
    for value, glyph in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += glyph * count
    return out


def format_number(n: int, fmt: str) -> str:
    """The number ``n`` in the Word number format ``fmt``."""
    if fmt == "none":
        return ""
    if n <= 0 or n > 10**7:
        return str(n)
    if fmt in ("chineseCounting", "taiwaneseCounting", "japaneseCounting"):
        return _chinese_counting(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand"):
        return _chinese_thousand(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese_thousand(n, _CN_UPPER, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[n - 1] if n <= 10 else str(n)
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _BRANCHES[n - 1] if n <= 12 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if n <= 20 else str(n)
    if fmt == "ideographEnclosedCircle":
        return chr(0x3280 + n - 1) if n <= 10 else str(n)
    if fmt == "decimalEnclosedParen":
        # ⑴…⒇ are one glyph each; a reader (and the numbering rules) read （1）.
        return f"（{n}）"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."  # ⒈…⒛
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * min((n - 1) // 26 + 1, MAX_LABEL)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


# --- styles -----------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    hidden: bool = False


class Styles:
    """Paragraph styles: the numbering a style gives its paragraphs (``basedOn`` chain)."""

    def __init__(self, root: Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iterchildren(_W + "style"):
            sid = style.get(_W + "styleId")
            if sid is None:
                continue
            entry = _Style(based_on=_val(style.find(_W + "basedOn")))
            numpr = style.find(f"{_PPR}/{_NUMPR}")
            if numpr is not None:
                entry.num_id = _val(numpr.find(_NUMID))
                ilvl = _val(numpr.find(_ILVL))
                entry.ilvl = None if ilvl is None else _int(ilvl, 0)
            self.styles[sid] = entry
            if style.get(_TYPE) == "paragraph" and _on_attr(style.get(_W + "default")):
                self.default = sid

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that set it) inherited from ``style_id``'s chain."""
        sid = style_id if style_id is not None else self.default
        num_id: str | None = None
        ilvl: int | None = None
        source: str | None = None
        for _ in range(32):  # basedOn chains are short; cycles are cut off
            if sid is None:
                break
            style = self.styles.get(sid)
            if style is None:
                break
            if num_id is None and style.num_id is not None:
                num_id, source = style.num_id, sid
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
            if num_id is not None and ilvl is not None:
                break
            sid = style.based_on
        return num_id, ilvl, source

    def style_num_id(self, style_id: str) -> str | None:
        return self.numbering(style_id)[0]


def _styles(data: bytes) -> Styles:
    """The style table of a styles part. Not cached across files: a cache keyed on
    the part kept ~68 MB per distinct template per process; parsing a styles part
    with numbering is a few milliseconds."""
    return Styles(_parse_xml(data, "styles.xml") if data else None)


def _on_attr(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


# --- the body -----------------------------------------------------------------------


def _blocks(body: Element) -> Iterator[Element]:
    """The paragraphs of ``body`` in document order, tables cell by cell (iterative)."""
    stack: list[Iterator[Element]] = [body.iterchildren()]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == _P:
                yield el
            elif tag in _BLOCK_CONTAINERS:
                if tag == _TR and _row_deleted(el):
                    continue
                stack.append(el.iterchildren())
                break
        else:
            stack.pop()


def _row_deleted(row: Element) -> bool:
    trpr = row.find(_TRPR)
    return trpr is not None and trpr.find(_DEL) is not None


def _mark_deleted(p: Element) -> bool:
    """The paragraph mark was deleted (tracked): the paragraph joins the next one."""
    ppr = p.find(_PPR)
    if ppr is None:
        return False
    rpr = ppr.find(_RPR)
    return rpr is not None and (rpr.find(_DEL) is not None or rpr.find(_MOVE_FROM) is not None)


#: One piece of a paragraph's text and the ``w:t`` element it comes from (``None``
#: for text Word generates or a reader adds: tabs, breaks, symbols). The fixer of
#: Word files (``noticelint.write.docx``) edits the text through these elements.
Piece = tuple[str, Element | None]


def paragraph_pieces(p: Element) -> list[Piece]:
    """The accepted, visible text of one paragraph, piece by piece (iterative walk)."""
    parts: list[Piece] = []
    fields: list[bool] = []  # per open complex field: still in its instruction part?
    stack: list[Iterator[Element]] = [p.iterchildren()]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == _R:
                rpr = el.find(_RPR)
                if rpr is not None and _on(rpr.find(_VANISH)):
                    # A hidden run may still open or close a field.
                    for fc in el.iterchildren(_FLDCHAR):
                        _field_char(fc, fields)
                    continue
                stack.append(el.iterchildren())
                break
            if tag == _FLDCHAR:
                _field_char(el, fields)
                continue
            if fields and fields[-1]:
                continue  # inside a field instruction
            if tag == _T:
                parts.append((el.text or "", el))
            elif tag in (_TAB, _PTAB):
                parts.append(("\t", None))
            elif tag == _BR:
                if (el.get(_TYPE) or "textWrapping") == "textWrapping":
                    parts.append(("\n", None))
            elif tag == _CR:
                parts.append(("\n", None))
            elif tag == _NBHYPHEN:
                parts.append(("-", None))
            elif tag == _SYM:
                code = _int_hex(el.get(_CHAR))
                if code is not None and not 0xE000 <= code <= 0xF8FF:
                    parts.append((chr(code), None))
            elif len(el):
                # w:hyperlink, w:ins, w:moveTo, w:smartTag, w:sdt, w:fldSimple, …
                stack.append(el.iterchildren())
                break
        else:
            stack.pop()
    return parts


def _field_char(el: Element, fields: list[bool]) -> None:
    kind = el.get(_FLDCHARTYPE)
    if kind == "begin":
        fields.append(True)
    elif kind == "separate":
        if fields:
            fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def _int_hex(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(value, 16)
    except ValueError:
        return None


def _join_breaks(text: str) -> str:
    """A manual line break inside a paragraph (a title set on two lines): one line."""
    pieces = text.split("\n")
    out = pieces[0]
    for piece in pieces[1:]:
        left = out.rstrip(" ")
        right = piece.lstrip(" ")
        if not left or not right or _CJKISH.match(left[-1]) or _CJKISH.match(right[0]):
            out = left + right
        else:
            out = left + " " + right
    return out


def _numbering_of(p: Element, styles: Styles, numbering: Numbering) -> tuple[str, int] | None:
    """The (numId, ilvl) that numbers ``p``, directly or through its style."""
    ppr = p.find(_PPR)
    style_id = _val(ppr.find(_PSTYLE)) if ppr is not None else None
    numpr = ppr.find(_NUMPR) if ppr is not None else None
    num_id = _val(numpr.find(_NUMID)) if numpr is not None else None
    ilvl_text = _val(numpr.find(_ILVL)) if numpr is not None else None
    ilvl = None if ilvl_text is None else _int(ilvl_text, 0)
    if num_id is None:
        num_id, style_ilvl, source = styles.numbering(style_id)
        if num_id is None:
            return None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None and source is not None:
            ilvl = numbering.level_of_style(num_id, source)
    if ilvl is None:
        _, style_ilvl, _ = styles.numbering(style_id)
        ilvl = style_ilvl or 0
    if num_id == "0" or num_id not in numbering.instances:
        return None
    return num_id, ilvl


@dataclass(slots=True)
class Body:
    """The parsed main part of a .docx: its package, part name and XML root."""

    package: _Package
    part: str
    root: Element
    styles: Styles
    numbering: Numbering


def load_body(data: bytes) -> Body:
    """Open the package and parse its main document part (and what numbers it)."""
    package = _Package(data)
    rels = package.relationships("")
    main = rels.get(_OFFICE_DOCUMENT, "word/document.xml")
    body_xml = package.read(main)
    if body_xml is None:
        if "[Content_Types].xml" in package.names and any(
            n.startswith(("xl/", "ppt/")) for n in package.names
        ):
            raise ReadError("这是 Excel 或 PowerPoint 文件，不是 Word 文档 (not a docx)")
        raise ReadError("不是有效的 Word 文档：压缩包中没有 word/document.xml (not a docx)")
    part_rels = package.relationships(main)
    folder = posixpath.dirname(main)
    styles_xml = package.read(part_rels.get(_STYLES, posixpath.join(folder, "styles.xml")))
    numbering_xml = package.read(part_rels.get(_NUMBERING, posixpath.join(folder, "numbering.xml")))
    # Styles matter here only for the numbering they give paragraphs; a styles part
    # without any w:numPr (most, and big ones from templates) is not parsed at all.
    styles = _styles(styles_xml if styles_xml and b"numPr" in styles_xml else b"")
    numbering = Numbering(
        _parse_xml(numbering_xml, "numbering.xml") if numbering_xml else None, styles
    )
    root = _parse_xml(body_xml, main)
    return Body(package, main, root, styles, numbering)


def line_pieces(body: Body) -> list[list[Piece]]:
    """The lines of the document (see the module docstring), each as its pieces: the
    Word-generated number label first (no element), then the paragraph's text; a
    paragraph whose mark was deleted continues into the next line."""
    root_body = body.root.find(_W + "body")
    if root_body is None:
        raise ReadError("Word 文档已损坏：document.xml 中没有正文（w:body）(corrupt docx)")
    lines: list[list[Piece]] = []
    carry: list[Piece] = []
    for p in _blocks(root_body):
        pieces = paragraph_pieces(p)
        if _mark_deleted(p):
            carry.extend(pieces)
            continue
        numbered = _numbering_of(p, body.styles, body.numbering)
        label = body.numbering.label(*numbered) if numbered else ""
        lines.append([(label, None), *carry, *pieces] if label else [*carry, *pieces])
        carry = []
    if carry:
        lines.append(carry)
    return lines


def line_text(pieces: list[Piece]) -> str:
    """The text a reader sees for one line of pieces."""
    text = "".join(piece for piece, _ in pieces)
    return _join_breaks(text) if "\n" in text else text


def extract(data: bytes) -> list[str]:
    """The paragraphs of a .docx, as lines (see the module docstring)."""
    return [line_text(pieces) for pieces in line_pieces(load_body(data))]


def _bounded(lines: list[str], data: bytes) -> list[str]:
    """Refuse text that grew far beyond the file (numbering labels multiplied)."""
    limit = MAX_EXPANSION * len(data) + 4096
    if sum(len(line) + 1 for line in lines) > limit:
        raise ReadError(
            f"Word 文档展开后的文字超过文件大小的 {MAX_EXPANSION} 倍，疑似编号炸弹，拒绝解析 "
            "(numbering bomb)"
        )
    return lines


def read(data: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a Word .docx file."""
    if len(data) > max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    try:
        lines = _bounded(extract(data), data)
    except ReadError:
        raise
    except (RecursionError, MemoryError, KeyError, ValueError, TypeError) as exc:
        raise ReadError(f"Word 文档已损坏，无法读取（{type(exc).__name__}）(corrupt docx)") from exc
    text = "\n".join(line.replace("\r", "") for line in lines)
    return Document(path=path, text=text, encoding="utf-8", medium="docx")
