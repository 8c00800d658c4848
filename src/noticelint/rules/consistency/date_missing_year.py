"""NL607 (DateMissingYear): 日期没写年份，而且它所属的年份与成文日期的年份不同。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import date_scan


@register
class DateMissingYear(Rule):
    """日期没写年份，而且它所属的年份与成文日期的年份不同。

    ## 检查什么 (What it does)
    没写年份的日期（10月12日、11月底）按前面最近的完整日期推定年份（方法同 NL606），
    推定的年份与成文日期不在同一年时提示，并写明推定的年份。读者会把没写年份的日期当作
    成文当年，只有跨年时才会误读，所以同一年内的日期不提示。公开期限的截止日期、
    时间段的截止日期（2022年10月12日—10月25日）和并列的后一个日期（3月26日、3月27日）
    的年份由前一个日期决定，不提示。没有成文日期时不检查。

    ## 为什么 (Why it matters)
    正文日期省略年份很常见，读者默认是成文当年；但整改跨年时，“10月12日”究竟是哪一年
    读者只能猜。GB/T 9704-2012 要求成文日期年、月、日标全，正文中跨年的关键日期
    （如反馈日期）也应照此写全。

    ## 错误示例 (Bad)
    ```text
    根据区委统一部署，2022年6月下旬至8月下旬，区委第二巡察组对区教体局开展了专项巡察。
    10月12日，区委巡察组向区教体局党组反馈了巡察意见。
    ……
    2023年1月12日
    ```

    ## 正确示例 (Good)
    ```text
    根据区委统一部署，2022年6月下旬至8月下旬，区委第二巡察组对区教体局开展了专项巡察。
    2022年10月12日，区委巡察组向区教体局党组反馈了巡察意见。
    ……
    2023年1月12日
    ```
    """

    code = "NL607"
    name = "date-missing-year"
    severity = "info"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or sig.date is None:
            return
        for d in date_scan(ctx).dates:
            if d.ref.year is not None or d.signature or d.in_disclosure or d.follows:
                continue
            if d.year is None or d.year == sig.date.year:
                continue
            ctx.report(
                f"日期{quote(d.text)}没写年份，按上下文推定为{d.year}年，与成文日期所在的"
                f"{sig.date.year}年不同，容易误读；应写全为“{d.year}年{d.text}”",
                ctx.span(d.start, d.end),
            )
