"""NL205 (DisclosureTooShort): 公开期限短于规则配置的最少天数（默认 20 天）。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register
from noticelint.rules.disclosure.helpers import fmt


@register
class DisclosureTooShort(Rule):
    """公开期限短于规则配置的最少天数（默认 20 天）。

    ## 检查什么 (What it does)
    按“截止日期 − 起始日期”计算公开天数，少于规则配置 `[disclosure] min-days`（默认 20）时报告。
    没有规范规定公开期限的长度，这是本工具规则配置的最低要求，可按本地要求调整。

    ## 为什么 (Why it matters)
    期限过短，公众来不及看到和反映意见，公开流于形式。

    ## 错误示例 (Bad)
    ```text
    公开期限：2023年7月25日至7月30日。
    ```

    ## 正确示例 (Good)
    ```text
    公开期限：2023年7月25日至8月15日。
    ```
    """

    code = "NL205"
    name = "disclosure-too-short"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        d = ctx.notice.disclosure
        if d is None or d.start is None or d.end is None or d.invalid:
            return
        days = (d.end - d.start).days
        minimum = ctx.profile.disclosure.min_days
        if days < minimum:
            ctx.report(
                f"公开期限只有{days}天，少于规则配置的最少{minimum}天"
                f"（{fmt(d.start)}至{fmt(d.end)}）",
                d.span,
            )
