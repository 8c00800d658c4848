"""NL003 (ScrapeArtifact): 文本中有网页或 Word 残留（导航路径、发布时间行、页面工具、浏览次数、政府信息公开目录信息、重复的标题、表格竖线、书签、HTML 实体）。"""

from __future__ import annotations

from noticelint.diagnostics import Edit, Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.input.helpers import Residue, residues

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
