"""NL703 (DateFormat): 成文日期不是用阿拉伯数字、不加前导零的“YYYY年M月D日”。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.parse.dates import parse_signature_date
from noticelint.rules.base import Context, Rule, quote, register


@register
class DateFormat(Rule):
    """成文日期不是用阿拉伯数字、不加前导零的“YYYY年M月D日”。

    ## 检查什么 (What it does)
    成文日期应写作“2023年7月5日”：阿拉伯数字，年、月、日标全，月和日不编虚位（不加前导零）。
    “2023年07月05日”“二〇二三年七月五日”“2023-07-05”“2023.7.5”都会报告。
    日期能够识别时附带安全修复，改写为规范形式。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.5 条：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位。

    ## 错误示例 (Bad)
    ```text
    2023年07月05日
    ```

    ## 正确示例 (Good)
    ```text
    2023年7月5日
    ```
    """

    code = "NL703"
    name = "date-format"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or not sig.date_text or sig.date_span is None:
            return
        date, form = parse_signature_date(sig.date_text)
        if form == "arabic":
            return
        fix = None
        if date is not None:
            good = f"{date.year}年{date.month}月{date.day}日"
            start, end = ctx.start_of(sig.date_span), ctx.end_of(sig.date_span)
            fix = Fix(
                applicability="safe",
                message=f"改为“{good}”",
                edits=[ctx.edit(start, end, good)],
            )
        ctx.report(
            f"成文日期应写作“YYYY年M月D日”（阿拉伯数字、不加前导零），实为{quote(sig.date_text)}",
            sig.date_span,
            fix=fix,
        )
