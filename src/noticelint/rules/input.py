"""NL0 — input and text hygiene."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from noticelint.diagnostics import Edit, Fix
from noticelint.parse.numerals import cn_to_int
from noticelint.parse.script import is_traditional
from noticelint.rules.base import Context, Rule, quote, register


@register
class UnreadableInput(Rule):
    """文件无法读取或解码（二进制、未知编码、损坏或超过大小上限）。

    ## 检查什么 (What it does)
    读取阶段失败的文件：二进制文件、无法识别的编码、损坏的 docx/pdf、超过大小上限。
    在第 1 行报告一条诊断，并继续检查其他文件。

    ## 为什么 (Why it matters)
    一个读不出来的文件无法检查；在成百上千份通报中，它必须被明确列出，而不是让整个运行崩溃。

    ## 错误示例 (Bad)
    ```text
    （一个 PNG 图片被改名为 通报.txt）
    ```

    ## 正确示例 (Good)
    ```text
    以 UTF-8、GB18030 或 UTF-16 保存的纯文本通报。
    ```
    """

    code = "NL001"
    name = "unreadable-input"
    severity = "error"
    structural = False

    def check(self, ctx: Context) -> None:
        # Reported by the engine when reading fails; nothing to check on a parsed text.
        return None


@register
class UnrecognizedStructure(Rule):
    """文本中找不到通报结构（既无开头段落，也无“一、”等一级标题）。

    ## 检查什么 (What it does)
    文本既没有开头段落（根据…部署，…巡察组…反馈…），也没有任何一级标题（一、二、…）时报告。
    纪委或巡察办关于一整轮巡察的情况通报（对23个单位开展了巡察……，涉及几十个单位）
    也不是单个单位的整改进展情况通报，同样报告一条（写明涉及的单位数）；识别所用的词语在
    规则配置 `[round-summary]` 中。繁体字文本按对应的简体字识别结构；仍识别不出时，
    只报告一条警告，写明文本为繁体字。空文件（0 字节，或只有空白、BOM）同样没有通报结构，
    报告为“文件为空”。这些情况下其他结构类规则都不再运行，
    以免对一篇并非整改通报的文本报告几十条无意义的问题。

    ## 为什么 (Why it matters)
    把会议纪要或其他文件误当作整改通报检查，得到的结论没有意义；先确认它是一份通报。

    ## 错误示例 (Bad)
    ```text
    关于召开全体干部大会的通知
    定于下周一上午九点召开全体干部大会，请准时参加。
    ```

    ## 正确示例 (Good)
    ```text
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县财政局党组开展了常规巡察……
    一、整改工作组织领导情况
    ```
    """

    code = "NL002"
    name = "unrecognized-structure"
    severity = "error"
    structural = False

    def check(self, ctx: Context) -> None:
        if is_blank(ctx.text):
            ctx.report("文件为空：没有可检查的文字 (empty file)", ctx.first_line_span())
            return
        units = round_summary_units(ctx)
        if units is not None:
            ctx.report(
                f"该文本是一轮巡察（巡视）的情况通报（涉及{units}个单位），不是单个被巡察单位的"
                "整改进展情况通报：不按整改通报的结构检查",
                ctx.first_line_span(),
            )
        elif not is_notice(ctx) and is_traditional(ctx.text):
            # The reader may have failed on the script, not the text on its genre: say
            # so once, as a warning, instead of a cascade of structure errors (S12).
            ctx.report(
                "文本为繁体字，按对应的简体字也未能识别出通报结构（找不到开头段落和“一、”等"
                "一级标题）：请核对这是否是整改进展情况通报，或改用简体字文本检查",
                ctx.first_line_span(),
                severity="warning",
            )
        elif not is_notice(ctx):
            ctx.report(
                "未识别出通报结构：找不到开头段落，也找不到“一、”等一级标题，"
                "该文本可能不是整改进展情况通报",
                ctx.first_line_span(),
            )


def is_blank(text: str) -> bool:
    """Nothing to check: no characters, or only white space and byte-order marks."""
    return not text.translate(_INVISIBLE).strip()


_INVISIBLE = str.maketrans("", "", "\ufeff\u200b")


def is_notice(ctx: Context) -> bool:
    """Whether the structural rules apply: the text has a notice structure and is
    one unit's notice, not a summary of a whole round (S13)."""
    notice = ctx.notice
    has_structure = bool(notice.sections) or notice.opening is not None
    return has_structure and round_summary_units(ctx) is None


_ROUND_HEAD = 1500


def round_summary_units(ctx: Context) -> int | None:
    """How many units a round summary covers (对23个单位开展了巡察), or ``None`` when
    the text is a unit's own notice. Read in the first paragraphs, residue excluded;
    the vocabulary is the profile's ``[round-summary]``."""
    if "input.round" in ctx.memo:
        found = ctx.memo["input.round"]
        return found if isinstance(found, int) else None
    settings = ctx.profile.round_summary
    head: list[str] = []
    size = 0
    for seg in ctx.parsed.segmentation.segments:
        head.append(seg.text)
        size += len(seg.text)
        if size >= _ROUND_HEAD:
            break
    text = "\n".join(head)[:_ROUND_HEAD]
    units = None
    for m in re.finditer(settings.units, text):
        n = _count(m.group("n"))
        if n is not None and n >= settings.min_units:
            units = n
            break
    if units is not None:
        cues = sum(1 for cue in settings.cues if re.search(cue, text))
        if cues < settings.min_cues:
            units = None
    ctx.memo["input.round"] = units
    return units


def _count(written: str) -> int | None:
    return int(written) if written.isdigit() else cn_to_int(written)


# --- NL003 scrape residue -------------------------------------------------------------

_WS = " \t\u3000\xa0"
_KIND_LABELS = {
    "pipes": "表格竖线",
    "print-links": "网页链接",
    "meta": "网页发布信息",
    "bookmark": "Word书签",
    "entity": "HTML实体",
    "site": "网页残留行",
    "breadcrumb": "导航路径",
    "date-line": "发布时间行",
    "counter": "浏览次数",
    "page-tools": "分享、朗读、字号等页面工具",
    "metadata": "政府信息公开目录信息",
    "repeated-title": "页面重复的标题",
}
_ENTITY_TEXT = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&hellip;": "…",
    "&mdash;": "—",
}


@dataclass(frozen=True, slots=True)
class Residue:
    """One piece of scrape residue and the edit that removes it.

    ``start``/``end`` is the range the fix replaces with ``content`` (a whole residue
    line with its line break, or the residue part of a line with the white space
    that joins it to the text); ``found_start``/``found_end`` is the residue itself."""

    start: int
    end: int
    content: str
    kind: str
    found_start: int
    found_end: int
    line: int
    end_line: int
    role: str  # "line" (a whole line) | "prefix" | "suffix" | "inner"


def _entity_text(entity: str, text: str, start: int, end: int) -> str:
    """What an HTML entity stands for; a non-breaking space between Chinese characters
    (or at a line end) is dropped, between Latin words it becomes a space."""
    if entity in _ENTITY_TEXT:
        return _ENTITY_TEXT[entity]
    char = html.unescape(entity)
    if entity == "&nbsp;" or char == "\xa0":
        before = text[start - 1 : start]
        after = text[end : end + 1]
        latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        return " " if latin else ""
    return char if char != entity else ""


def residues(ctx: Context) -> list[Residue]:
    """All scrape residue of the document, sorted, with non-overlapping fix ranges.

    The segmenter's artifacts (built-in residue and the page chrome named by the
    profile's ``[artifacts]`` vocabulary). Computed once per document and kept in
    ``ctx.memo`` (NL003 reports them; the NL8 rules never fire inside them)."""
    found = ctx.memo.get("input.residues")
    if found is None:
        found = ctx.memo["input.residues"] = _find_residues(ctx)
    assert isinstance(found, list)
    return found


def _find_residues(ctx: Context) -> list[Residue]:
    text = ctx.text
    length = len(text)
    index = ctx.parsed.index
    # Residue found on each line: line number -> [(start, end, kind)].
    by_line: dict[int, list[tuple[int, int, str]]] = {}
    entities: list[tuple[int, int]] = []
    for art in ctx.parsed.segmentation.artifacts:
        if art.kind == "entity":
            entities.append((art.start, art.end))
        else:
            line = index.position(art.start)[0]
            by_line.setdefault(line, []).append((art.start, art.end, art.kind))
    if not by_line and not entities:
        return []

    whole: list[int] = []  # whole residue lines
    parts: list[Residue] = []
    for line, found in by_line.items():
        ls = index.line_start(line)
        le = text.find("\n", ls)
        if le == -1:
            le = length
        found.sort()
        rest = []
        pos = ls
        for s, e, _ in found:
            rest.append(text[pos:s])
            pos = max(pos, e)
        rest.append(text[pos:le])
        if not "".join(rest).strip(_WS):
            whole.append(line)
            continue
        for s, e, kind in found:
            if not text[ls:s].strip(_WS):  # residue at the start of the line
                ds, de, role = s, e, "prefix"
                while de < le and text[de] in _WS:
                    de += 1
            elif not text[e:le].strip(_WS):  # residue at the end of the line
                ds, de, role = s, le, "suffix"
                while ds > ls and text[ds - 1] in _WS:
                    ds -= 1
            else:
                ds, de, role = s, e, "inner"
            parts.append(Residue(ds, de, "", kind, s, e, line, line, role))

    out = parts
    whole.sort()
    blocks: list[list[int]] = []
    for line in whole:
        if blocks and blocks[-1][-1] == line - 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    deleted: list[tuple[int, int]] = []
    for block in blocks:
        first, last = block[0], block[-1]
        ds = index.line_start(first)
        de = text.find("\n", index.line_start(last))
        de = length if de == -1 else de + 1
        ds, de = _with_blank_lines(text, ds, de)
        deleted.append((ds, de))
        for line in block:
            for s, e, kind in sorted(by_line[line]):
                out.append(Residue(ds, de, "", kind, s, e, line, line, "line"))
    for s, e in entities:
        if any(ds <= s < de for ds, de in deleted):
            continue
        entity = text[s:e]
        line = index.position(s)[0]
        content = _entity_text(entity, text, s, e)
        out.append(Residue(s, e, content, "entity", s, e, line, line, "inner"))
    out.sort(key=lambda r: (r.found_start, r.found_end))
    return out


def _with_blank_lines(text: str, ds: int, de: int) -> tuple[int, int]:
    """Widen the deletion of whole residue lines ``[ds, de)`` over the blank lines that
    would otherwise be left over: at the start of the text the blank lines after it, at
    the end the blank lines before it, between two blank lines one of them."""
    length = len(text)
    if not text[de:].strip(_WS + "\n"):  # the tail of the text
        start = ds
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if text[prev : start - 1].strip(_WS):
                break
            start = prev
        return (start, length) if start > 0 else (ds, length)
    blank_before = ds == 0 or not text[text.rfind("\n", 0, ds - 1) + 1 : ds - 1].strip(_WS)
    end = de
    while end < length:
        nl = text.find("\n", end)
        if nl == -1 or text[end:nl].strip(_WS):
            break
        end = nl + 1
        if ds > 0:  # between two blank lines: one of them goes
            break
    return (ds, end) if blank_before else (ds, de)


def _joins(last: Residue, r: Residue) -> bool:
    """Whether ``r`` continues the block that ends with ``last``: residue on one line,
    or residue that runs on over a line break (the end of one line, whole lines, the
    start of the next) with no text of the notice in between."""
    if r.line == last.line:
        return True
    if r.line != last.line + 1:
        return False
    if last.role == "inner" or r.role == "inner":
        return last.role == r.role == "inner"
    return last.role in ("line", "suffix") and r.role in ("line", "prefix")


def residue_blocks(items: list[Residue]) -> list[list[Residue]]:
    """Adjacent residue forms one block (one diagnostic); the copies of a title the
    page repeats form one block wherever they stand (the title is reported once)."""
    blocks: list[list[Residue]] = []
    titles = [r for r in items if r.kind == "repeated-title"]
    for r in items:
        if r.kind == "repeated-title":
            continue
        if blocks and _joins(blocks[-1][-1], r):
            blocks[-1].append(r)
        else:
            blocks.append([r])
    if titles:
        blocks.append(titles)
        blocks.sort(key=lambda b: b[0].found_start)
    return blocks


def residue_edits(ctx: Context, block: list[Residue]) -> list[Edit]:
    """The block's edits: equal or overlapping ranges (a deleted block of lines)
    become one edit."""
    ranges: list[tuple[int, int, str]] = []
    for r in sorted(block, key=lambda r: (r.start, r.end)):
        if ranges and r.start < ranges[-1][1]:
            ps, pe, pc = ranges[-1]
            ranges[-1] = (ps, max(pe, r.end), pc)
        else:
            ranges.append((r.start, r.end, r.content))
    return [ctx.edit(s, e, c) for s, e, c in ranges]


def _where(block: list[Residue]) -> str:
    """第3行, 第3—5行, or 第1、7行 for the copies of a repeated title far apart."""
    lines = sorted({n for r in block for n in range(r.line, r.end_line + 1)})
    first, last = lines[0], lines[-1]
    if first == last:
        return f"第{first}行"
    if last - first + 1 == len(lines):
        return f"第{first}—{last}行"
    return "第" + "、".join(str(n) for n in lines) + "行"


@register
class ScrapeArtifact(Rule):
    """文本中有网页或 Word 残留（导航路径、发布时间行、页面工具、浏览次数、政府信息公开目录信息、重复的标题、表格竖线、书签、HTML 实体）。

    ## 检查什么 (What it does)
    从网站抓取或由 Word 转存的通报常带有与正文无关的残留：表格竖线 `| |||`、`【打印本页】`
    `【关闭窗口】`、`[bookmark: _GoBack]`、`&nbsp;` 等 HTML 实体；网页的导航路径
    （`当前位置：首页 > 巡视巡察 > …`、`首页 > … > …`）、单独一行的 `发布时间：…`/`时间：…`/`日期：…`、
    `分享到：`、`朗读`、`字号：大 中 小`、`浏览次数：…`，几项合在一行的 `来源：… 发布时间：… 浏览量：…`，
    政府信息公开目录信息（索引号、主题分类、发布单位、成文日期、公开方式、有效性，
    标签和内容可分占两行），以及页面重复显示的标题。这些词语在规则配置 `[artifacts]` 中，
    网站专有的残留行可写入 `artifacts.line-patterns`。残留必须独占一行：句子里的“当前”“时间：”
    “来源”不算；目录信息之后的落款日期也不会被当作残留。
    相邻行上的残留合并为一条诊断，并写明残留的种类；重复的标题无论相隔多远只报告一次。
    安全修复删除残留：整行残留连同换行一起删除，
    行首或行尾的残留连同与正文之间的空白一起删除，HTML 实体改为它所代表的字符。

    ## 为什么 (Why it matters)
    残留不属于通报正文：公开的文本应与印发的公文一致；残留还会干扰结构识别
    （如 `[bookmark: _GoBack]（4）` 会让序号看起来不在段首）。

    ## 错误示例 (Bad)
    ```text
    当前位置：首页 > 巡视巡察 > 整改公示
    索引号：11350822MB0123456X/2024-00031
    中共某某县教育局党组关于巡察整改进展情况的通报 | |||
    发布日期:2023-07-25   来源:某某网
    [bookmark: _GoBack]（4）成立校外教育培训监管专门科室。
    【打印本页】 【关闭窗口】
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于巡察整改进展情况的通报
    （4）成立校外教育培训监管专门科室。
    ```
    """

    code = "NL003"
    name = "scrape-artifact"
    severity = "warning"
    fix = "safe"
    structural = False

    def check(self, ctx: Context) -> None:
        for block in residue_blocks(residues(ctx)):
            kinds = list(dict.fromkeys(_KIND_LABELS[r.kind] for r in block))
            found = list(dict.fromkeys(ctx.text[r.found_start : r.found_end] for r in block))
            shown = "".join(quote(f, 24) for f in found[:3])
            more = f"等{len(block)}处" if len(block) > max(1, len(found[:3])) else ""
            where = _where(block)
            replaced = list({r.found_start: r for r in block if r.content}.values())
            if replaced:
                pairs = "、".join(
                    f"{ctx.text[r.found_start : r.found_end]}→{r.content}" for r in replaced[:3]
                )
                todo = f"应删除，HTML实体改为它代表的字符（{pairs}）"
                fix_message = f"删除{where}的抓取残留，HTML实体改为对应字符"
            else:
                todo = "不属于通报正文，应删除"
                fix_message = f"删除{where}的抓取残留"
            message = f"抓取残留（{'、'.join(kinds)}）：{shown}{more}（{where}），{todo}"
            ctx.report(
                message,
                ctx.span(block[0].found_start, block[0].found_end),
                fix=Fix(
                    applicability="safe",
                    message=fix_message,
                    edits=residue_edits(ctx, block),
                ),
            )


# --- NL004 flattened paragraphs -------------------------------------------------------


_UNIT_NAMES = {
    "H1": "标题",
    "H2": "标题",
    "H3": "编号条目",
    "H4": "编号条目",
    "MLABEL": "整改措施",
    "STATUS": "进展情况",
}


def flattened_gaps(ctx: Context) -> dict[int, list[tuple[int, int]]]:
    """The gaps between the segments of each flattened line: line -> [(start, end)],
    where ``text[start:end]`` is the white space (possibly empty) between two units."""
    flat = set(ctx.parsed.segmentation.flattened_lines)
    if not flat:
        return {}
    text = ctx.text
    gaps: dict[int, list[tuple[int, int]]] = {}
    prev = None
    for seg in ctx.parsed.segmentation.segments:
        if (
            seg.line in flat
            and prev is not None
            and prev.line == seg.line
            and not text[prev.end : seg.start].strip(_WS)
        ):
            gaps.setdefault(seg.line, []).append((prev.end, seg.start))
        prev = seg
    return gaps


@register
class FlattenedParagraphs(Rule):
    """多个段落（标题、整改措施、整改进度……）被压成了一行。

    ## 检查什么 (What it does)
    网页抓取或复制时丢失了换行，整篇通报或其中一大段落在同一物理行上：一级标题、
    问题、整改措施、整改进度、结束语、落款依次相连（种子 004：约 6400 字在一行）。
    解析器仍会在行内按结构标记拆分；本规则每个文件只在第一个被压平的行报告一次，
    并给出连在一起的段落数。非安全修复在各段之间（即解析器的拆分点）插入换行。

    ## 为什么 (Why it matters)
    公文一段一行、层次分明（GB/T 9704-2012）；压成一行的通报无法阅读，
    也说明公开的文本已与印发的文本不一致。

    ## 错误示例 (Bad)
    ```text
    一、整改工作基本情况 区委巡察组反馈的意见中指出3大类8个问题。 二、整改进展情况 (一)学习贯彻上级决策部署要求不扎实方面。 1.关于责任落实有差距问题。 整改措施:(1)……
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作基本情况
    区委巡察组反馈的意见中指出3大类8个问题。
    二、整改进展情况
    （一）学习贯彻上级决策部署要求不扎实方面
    1.关于责任落实有差距问题。
    整改措施：（1）……
    ```
    """

    code = "NL004"
    name = "flattened-paragraphs"
    severity = "warning"
    fix = "unsafe"
    structural = False

    def check(self, ctx: Context) -> None:
        lines = ctx.parsed.segmentation.flattened_lines
        if not lines:
            return
        gaps = flattened_gaps(ctx)
        flat = set(lines)
        segs = [s for s in ctx.parsed.segmentation.segments if s.line in flat]
        first_line = lines[0]
        first = [s for s in segs if s.line == first_line]
        units = len(segs)
        chars = sum(len(ctx.parsed.index.line_text(n)) for n in lines)
        where = "第" + "、".join(str(n) for n in lines) + "行"
        kinds: dict[str, int] = {}
        for tok in ctx.parsed.tokens:
            if tok.seg.line in flat and tok.type in _UNIT_NAMES:
                name = _UNIT_NAMES[tok.type]
                kinds[name] = kinds.get(name, 0) + 1
        among = "、".join(f"{name}{n}个" for name, n in kinds.items())
        among = f"（其中{among}）" if among else ""
        edits = [ctx.edit(s, e, "\n") for line in lines for s, e in gaps.get(line, [])]
        ctx.report(
            f"段落被压成一行：{where}（{chars}字）连写了{units}个段落{among}，"
            f"如{quote(first[0].text, 20)}"
            f"{quote(first[1].text, 20) if len(first) > 1 else ''}，应每段另起一行",
            ctx.span(first[0].start, first[-1].end),
            fix=Fix(
                applicability="unsafe",
                message=f"在{len(edits)}处段落分界插入换行",
                edits=edits,
            ),
        )
