"""NL204 (DisclosureStartMismatch): 公开期限的起始日与成文日期不是同一天。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register
from noticelint.rules.disclosure.helpers import fmt


@register
class DisclosureStartMismatch(Rule):
    """公开期限的起始日与成文日期不是同一天。

    ## 检查什么 (What it does)
    比较公开期限的起始日期和落款的成文日期，不同时提示。

    ## 为什么 (Why it matters)
    通报一般自成文（发布）之日起公开；起始日不同往往是改稿后漏改日期。

    ## 错误示例 (Bad)
    ```text
    公开期限：2023年7月20日至8月15日。
    ……
    2023年7月25日
    ```

    ## 正确示例 (Good)
    ```text
    公开期限：2023年7月25日至8月15日。
    ……
    2023年7月25日
    ```
    """

    code = "NL204"
    name = "disclosure-start-mismatch"
    severity = "info"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        d, sig = notice.disclosure, notice.signature
        if d is None or d.start is None or sig is None or sig.date is None:
            return
        if d.start != sig.date:
            ctx.report(
                f"公开期限起始日{fmt(d.start)}与成文日期{fmt(sig.date)}不一致",
                d.span,
            )
