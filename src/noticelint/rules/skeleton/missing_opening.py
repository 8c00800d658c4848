"""NL104 (MissingOpening): 第一个部分之前没有开头段落。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


@register
class MissingOpening(Rule):
    """第一个部分之前没有开头段落。

    ## 检查什么 (What it does)
    在第一个一级标题（一、）之前寻找开头段落：说明巡察依据、时间、巡察组和反馈情况的一段话。

    ## 为什么 (Why it matters)
    开头交代巡察的依据和经过，是公众理解整改通报的前提；没有开头，读者不知道整改针对的是哪一次巡察。

    ## 错误示例 (Bad)
    ```text
    中共某某县教育局党组关于巡察整改进展情况的通报
    一、整改工作组织领导情况
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组关于巡察整改进展情况的通报
    根据县委统一部署，2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察。……
    一、整改工作组织领导情况
    ```
    """

    code = "NL104"
    name = "missing-opening"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.opening is None and notice.sections:
            ctx.report(
                "缺少开头段落：第一个部分之前应说明巡察依据、时间、巡察组、反馈日期，"
                "并写明“现将…整改进展情况予以公布”",
                notice.sections[0].span,
            )
