"""NL403 (UnknownStatus): 整改进展的简短表述不在规则配置的词表中，无法归类。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.problems.helpers import top_problems


@register
class UnknownStatus(Rule):
    """整改进展的简短表述不在规则配置的词表中，无法归类。

    ## 检查什么 (What it does)
    “整改进展情况：”“整改进度：”之后的简短状态语（不是措施叙述）应能归入
    已完成、长期坚持、部分完成、推进中之一（规则配置 `[status]` 的词表）。
    标签后是一是…二是…等措施叙述时不算状态语，不报告。

    ## 为什么 (Why it matters)
    无法归类的状态让公众和巡察办无法判断整改是否到位，也无法统计完成率。

    ## 错误示例 (Bad)
    ```text
    整改进度：有关工作按计划开展。
    ```

    ## 正确示例 (Good)
    ```text
    整改进度：已完成整改并长期坚持。
    ```
    """

    code = "NL403"
    name = "unknown-status"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        for problem in top_problems(ctx):
            for p in [problem, *problem.children]:
                for status in p.status_lines:
                    if not status.narrative and status.class_ == "unknown":
                        ctx.report(
                            f"整改进展表述{quote(status.text)}无法归类：应使用“已完成整改”"
                            "“已完成整改并长期坚持”“基本完成”“正在推进”等规范表述",
                            status.span,
                        )
