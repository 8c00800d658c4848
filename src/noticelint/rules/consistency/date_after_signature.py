"""NL606 (DateAfterSignature): 文中以已完成的口吻写了晚于成文日期的日期。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import date_scan, fmt


@register
class DateAfterSignature(Rule):
    """文中以已完成的口吻写了晚于成文日期的日期。

    ## 检查什么 (What it does)
    找出晚于落款成文日期的日期，且它不是计划：日期后没有“前/底前/以前/之前”，
    所在句中日期之前没有“计划/预计/将/拟/力争/确保/争取…”（规则配置 `[dates] future-markers`），
    也不在“下一步工作打算”部分。公开期限、时间段的截止日期不检查。
    没写年份的日期按前面最近的完整日期推定年份；按已发生的事理解会晚于成文日期时，
    取使它落在巡察开始与成文日期之间的相邻年份（叙述常会回溯，如反馈后又提到巡察期间的1月31日）。

    ## 为什么 (Why it matters)
    通报成文时尚未到来的日期不可能“已完成”；这类日期要么是笔误，要么是把计划写成了事实，
    都会误导公众对整改进度的判断。

    ## 错误示例 (Bad)
    ```text
    二是2024年10月15日完成财政资金专项检查。
    ……
    2024年9月2日
    ```

    ## 正确示例 (Good)
    ```text
    二是计划于2024年10月15日前完成财政资金专项检查。
    ……
    2024年9月2日
    ```
    """

    code = "NL606"
    name = "date-after-signature"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or sig.date is None:
            return
        for d in date_scan(ctx).dates:
            if d.signature or d.in_disclosure or d.range_end or d.ordered:
                continue  # the opening's dates are ordered by NL602
            first = d.first_day()
            if first is None or first <= sig.date or d.future:  # a plan (asked last: dearest)
                continue
            assumed = "" if d.ref.year is not None else f"（按上下文推定为{d.year}年）"
            ctx.report(
                f"日期{quote(d.text)}{assumed}晚于成文日期{fmt(sig.date)}，"
                "却写成已发生的事；如是计划，应写明“计划于…”或“…前完成”，否则请核对日期",
                ctx.span(d.start, d.end),
            )
