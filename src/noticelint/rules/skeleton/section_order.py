"""NL110 (SectionOrder): 一级部分的顺序不符合“组织领导 → 整改进展 →（线索处理）→ 下一步”。"""

from __future__ import annotations

from noticelint.model import Section
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.skeleton.helpers import KIND_NAMES

KIND_RANK = {"leadership": 0, "progress": 1, "clues": 2, "next_steps": 3}


@register
class SectionOrder(Rule):
    """一级部分的顺序不符合“组织领导 → 整改进展 →（线索处理）→ 下一步”。

    ## 检查什么 (What it does)
    根据标题关键词（规则配置 `[sections]`）识别每个一级部分的类型，要求顺序为：
    (a) 整改组织领导或基本情况，(b) 反馈问题整改进展，(c) 可选的问题线索/信访处理，(d) 下一步打算。
    某个部分出现在按顺序应在它之后的部分后面时报告。

    ## 为什么 (Why it matters)
    整改通报的通行结构先讲怎么抓整改，再讲每个问题改得怎样，最后讲下一步；顺序错乱使公众难以对照阅读。

    ## 错误示例 (Bad)
    ```text
    一、下一步工作打算
    二、巡察反馈问题整改进展情况
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作组织领导情况
    二、巡察反馈问题整改进展情况
    三、下一步工作打算
    ```
    """

    code = "NL110"
    name = "section-order"
    severity = "error"

    def check(self, ctx: Context) -> None:
        highest: Section | None = None
        for section in ctx.notice.sections:
            rank = KIND_RANK.get(section.kind)
            if rank is None:
                continue
            if highest is not None and rank < KIND_RANK[highest.kind]:
                ctx.report(
                    f"部分顺序错误：{KIND_NAMES[section.kind]}部分{quote(section.heading)}"
                    f"应在{KIND_NAMES[highest.kind]}部分{quote(highest.heading)}之前",
                    section.span,
                )
            elif highest is None or rank > KIND_RANK[highest.kind]:
                highest = section
