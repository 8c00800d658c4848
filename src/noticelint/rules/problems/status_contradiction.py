"""NL404 (StatusContradiction): 开头或总结称问题已全部整改完成，而某个问题的整改进展写的是推进中或部分完成。"""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.model import Notice, Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.problems.helpers import completion_claim


def _all_problems(notice: Notice) -> Iterator[Problem]:
    stack: list[Problem] = []
    for section in notice.sections:
        stack.extend(section.all_problems())
    stack.extend(notice.orphans)
    while stack:
        p = stack.pop(0)
        yield p
        stack[:0] = p.children


@register
class StatusContradiction(Rule):
    """开头或总结称问题已全部整改完成，而某个问题的整改进展写的是推进中或部分完成。

    ## 检查什么 (What it does)
    开头或第一部分中有“已全部完成整改”一类的说法（规则配置 `[claims] all-done`），
    而某一条整改进展的状态属于“推进中”或“部分完成”时，在该进展处报告。

    ## 为什么 (Why it matters)
    自相矛盾的整改情况向社会公开，会让公众质疑整个通报的真实性。

    ## 错误示例 (Bad)
    ```text
    ……反馈的12个问题已全部完成整改。……
    整改进度：正在推进。
    ```

    ## 正确示例 (Good)
    ```text
    ……反馈的12个问题已完成整改10个，其余2个正在推进。……
    整改进度：正在推进。
    ```
    """

    code = "NL404"
    name = "status-contradiction"
    severity = "error"

    def check(self, ctx: Context) -> None:
        claim = completion_claim(ctx)
        if claim is None:
            return
        text, _ = claim
        for problem in _all_problems(ctx.notice):
            for status in problem.status_lines:
                if not status.narrative and status.class_ in ("in_progress", "partial"):
                    ctx.report(
                        f"整改进展{quote(status.text)}与“{text.strip()}”的说法矛盾："
                        "要么如实说明尚未完成的问题，要么更正该问题的进展",
                        status.span,
                    )
