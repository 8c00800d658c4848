"""NL506 (LevelSkip): 层次跳级：某一级之下直接用了隔一级的序号（如“三、”之下直接用“1.”）。"""

from __future__ import annotations

from noticelint.model import Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import (
    ORDER,
    Item,
    Tokens,
    canonical,
    item_of,
    report_item,
    tokens_of,
)


@register
class LevelSkip(Rule):
    """层次跳级：某一级之下直接用了隔一级的序号（如“三、”之下直接用“1.”）。

    ## 检查什么 (What it does)
    一级标题（一、）之下直接出现“1.”或“（1）”而没有“（一）”，或“（一）”之下直接出现
    “（1）”而没有“1.”时提示，每个上级只提示一次，位置指向第一个跳级的序号。层次颠倒的情形
    由 NL502 报告，这里不重复。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条的层次序数是“依次”使用的；跳过一级虽不影响阅读，但与规范不符，
    且同一通报中各部分的层次不一致。

    ## 错误示例 (Bad)
    ```text
    三、今后整改工作打算
    1.明确职责，落实责任。
    2.统一思想，深化整改。
    ```

    ## 正确示例 (Good)
    ```text
    三、今后整改工作打算
    （一）明确职责，落实责任。
    （二）统一思想，深化整改。
    ```
    """

    code = "NL506"
    name = "level-skip"
    severity = "info"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        tokens = tokens_of(ctx)
        for section in ctx.notice.sections:
            if section.areas and section.problems:
                continue  # NL502
            parent = item_of(tokens, section, 1)
            if parent is None:
                continue
            if section.problems:
                self._skip(ctx, tokens, parent, section.problems)
            for area in section.areas:
                high = item_of(tokens, area, 2)
                if high is not None and all(p.level == 4 for p in area.problems):
                    self._skip(ctx, tokens, high, area.problems)

    def _skip(self, ctx: Context, tokens: Tokens, parent: Item, problems: list[Problem]) -> None:
        if not problems:
            return
        first = problems[0]
        item = item_of(tokens, first, first.level)
        if item is None:
            return
        levels = range(parent.level + 1, item.level)
        if not levels:
            return
        missing = "、".join(f"“{canonical(lv, 1)}”" for lv in levels)
        report_item(
            ctx,
            item,
            f"层次跳级：{quote(parent.marker)}之下直接使用{quote(item.marker)}，"
            f"缺少{missing}{'一级' if len(levels) == 1 else '两级'}；层次序数应依次为{ORDER}",
        )
