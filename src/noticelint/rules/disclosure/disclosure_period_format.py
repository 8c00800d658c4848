"""NL202 (DisclosurePeriodFormat): 公开期限的写法不是“公开期限：YYYY年M月D日至[YYYY年]M月D日”。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register


@register
class DisclosurePeriodFormat(Rule):
    """公开期限的写法不是“公开期限：YYYY年M月D日至[YYYY年]M月D日”。

    ## 检查什么 (What it does)
    公开期限应写作“公开期限：2025年8月8日至8月28日”：起始日期带年份，用“至”连接，
    日期用阿拉伯数字且不加前导零；截止日期与起始同年时可省略年份。用连字符、缺少起始年份、
    缺少“至”等写法时报告。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 规定日期以阿拉伯数字将年、月、日标全；统一写法便于公众阅读和机器提取。

    ## 错误示例 (Bad)
    ```text
    公开期限：2025-08-08至2025-08-28
    ```

    ## 正确示例 (Good)
    ```text
    公开期限：2025年8月8日至8月28日。
    ```
    """

    code = "NL202"
    name = "disclosure-period-format"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        d = ctx.notice.disclosure
        if d is None or d.well_formed:
            return
        ctx.report(
            f"公开期限格式应为“公开期限：YYYY年M月D日至M月D日”，实为{quote(d.period_text or d.text)}",
            d.span,
        )
