"""NL111 (MissingSection): 缺少“整改进展”部分（错误），或缺少“组织领导”“下一步”部分（警告）。"""

from __future__ import annotations

from noticelint.model import Section
from noticelint.rules.base import Context, Rule, register
from noticelint.rules.skeleton.helpers import first_unheaded


def _slot_a_filled(sections: list[Section]) -> bool:
    """Whether a part of unknown kind stands before the progress part: slot (a) holds
    something the profile's words do not name (a slogan heading), never "missing"."""
    for section in sections:
        if section.kind == "progress":
            return False
        if section.kind == "other":
            return True
    return False


@register
class MissingSection(Rule):
    """缺少“整改进展”部分（错误），或缺少“组织领导”“下一步”部分（警告）。

    ## 检查什么 (What it does)
    通报必须有反馈问题整改进展部分 (b)，缺少时为错误。缺少组织领导/基本情况部分 (a)
    或下一步打算部分 (d)、且正文别处也找不到相应内容时，报告警告。下一步内容存在但没有
    自己的编号标题时，改由 NL114 报告。

    ## 为什么 (Why it matters)
    整改进展是通报的主体；组织领导和下一步打算是整改通报的通行组成部分，缺少会让通报显得不完整。

    ## 错误示例 (Bad)
    ```text
    一、巡察整改落实情况
    （一）……
    三、下一步工作打算及计划
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作组织领导情况
    二、巡察整改落实情况
    三、下一步工作打算及计划
    ```
    """

    code = "NL111"
    name = "missing-section"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        kinds = {s.kind for s in notice.sections}
        anchor = notice.sections[0].span if notice.sections else ctx.first_line_span()
        if "progress" not in kinds:
            ctx.report(
                "缺少反馈问题整改进展部分：应有一个一级部分逐项说明反馈问题的整改措施和进展",
                anchor,
            )
        if "leadership" not in kinds and not _slot_a_filled(notice.sections):
            ctx.report(
                "缺少整改组织领导（基本情况）部分：应在整改进展之前说明如何组织整改",
                anchor,
                severity="warning",
            )
        if "next_steps" not in kinds and first_unheaded(ctx, "next_steps") is None:
            last = notice.sections[-1].span if notice.sections else anchor
            ctx.report(
                "缺少下一步工作打算部分：应在整改进展之后说明下一步打算",
                last,
                severity="warning",
            )
