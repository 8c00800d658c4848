"""NL203 (DisclosurePeriodInvalid): 公开期限含不存在的日期，或截止日期不晚于起始日期。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register


@register
class DisclosurePeriodInvalid(Rule):
    """公开期限含不存在的日期，或截止日期不晚于起始日期。

    ## 检查什么 (What it does)
    检查公开期限的两个日期在日历上存在（没有“2月30日”），且截止日期晚于起始日期。

    ## 为什么 (Why it matters)
    不可能的期限使公开承诺失去意义，也说明通报未经仔细核对。

    ## 错误示例 (Bad)
    ```text
    公开期限：2024年2月20日至2月30日。
    ```

    ## 正确示例 (Good)
    ```text
    公开期限：2024年2月20日至3月11日。
    ```
    """

    code = "NL203"
    name = "disclosure-period-invalid"
    severity = "error"

    def check(self, ctx: Context) -> None:
        d = ctx.notice.disclosure
        if d is None or d.invalid is None:
            return
        ctx.report(f"公开期限无效：{d.invalid}（{quote(d.period_text)}）", d.span)
