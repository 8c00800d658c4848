"""NL502 (HierarchyOrder): 层次序数颠倒：高一级的序号用在了低一级之下（如“1.”之下出现“（一）”）。"""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.model import Problem, Section
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import (
    ORDER,
    Item,
    Layout,
    Tokens,
    item_of,
    layouts,
    report_item,
    tokens_of,
)


def _inversions(tokens: Tokens, section: Section, layout: Layout) -> Iterator[tuple[Item, Item]]:
    """(higher-level item, the lower-level item it follows) for each place where a
    level is used below a level that should be under it."""
    lower_problems = [p for p in section.problems if p.level >= 3]  # not （一）关于…问题
    if layout.areas and lower_problems:
        last = lower_problems[-1]
        area = item_of(tokens, layout.areas[0], 2)
        lower = item_of(tokens, last, last.level)
        if area is not None and lower is not None:
            yield area, lower
    for nested, host in layout.nested:
        area = item_of(tokens, nested, 2)
        lower = item_of(tokens, host, 3)
        if area is not None and lower is not None:
            yield area, lower
    for container in layout.containers:
        sub: Problem | None = None
        for problem in container:
            if problem.level == 4 and sub is None:
                sub = problem
            elif problem.level == 3 and sub is not None:
                high = item_of(tokens, problem, 3)
                low = item_of(tokens, sub, 4)
                if high is not None and low is not None:
                    yield high, low
                break


@register
class HierarchyOrder(Rule):
    """层次序数颠倒：高一级的序号用在了低一级之下（如“1.”之下出现“（一）”）。

    ## 检查什么 (What it does)
    层次序数依次为一、→（一）→1.→（1）。以下情形报告，位置指向用错层次的那个序号：
    某一部分先用了“1.”、其后又出现“（一）”；某个“1.”条目之后另起“（一）（二）…”，
    其后的“1.”序号却接着往下编（这些“（一）（二）”实为该条目的下级）；先用了“（1）”、
    其后又出现“1.”。单个重复的“（一）”按序号错误由 NL501 报告。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条规定了层次序数的先后。层次颠倒会让读者误判各条之间的从属关系，
    也使问题数无法核对。

    ## 错误示例 (Bad)
    ```text
    三、下一步工作打算
    1.巩固整改成果。
    （一）持续压实整改责任。
    （二）健全长效机制。
    ```

    ## 正确示例 (Good)
    ```text
    三、下一步工作打算
    （一）持续压实整改责任。
    （二）健全长效机制。
    ```
    """

    code = "NL502"
    name = "hierarchy-order"
    severity = "error"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        tokens = tokens_of(ctx)
        for section, layout in zip(ctx.notice.sections, layouts(ctx), strict=True):
            for high, low in _inversions(tokens, section, layout):
                report_item(
                    ctx,
                    high,
                    f"层次颠倒：{quote(high.marker)}是比{quote(low.marker)}高的层次，却出现在第"
                    f"{low.line}行的{quote(low.marker)}之后、成了它的下级；层次序数应依次为{ORDER}",
                )
