"""NL004 (FlattenedParagraphs): 多个段落（标题、整改措施、整改进度……）被压成了一行。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.text import WHITESPACE

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
            and not text[prev.end : seg.start].strip(WHITESPACE)
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
