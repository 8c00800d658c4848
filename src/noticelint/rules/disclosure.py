"""NL2 — disclosure period (公开期限)."""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, quote, register


def _fmt(d: object) -> str:
    import datetime as dt

    assert isinstance(d, dt.date)
    return f"{d.year}年{d.month}月{d.day}日"


@register
class MissingDisclosurePeriod(Rule):
    """没有“公开期限”说明。

    ## 检查什么 (What it does)
    在结尾寻找“公开期限：…至…”。找不到时报告（严格配置 `strict` 中为错误）。

    ## 为什么 (Why it matters)
    写明公开期限，公众才知道在什么时间内可以查看和反映意见，发布单位也据此安排撤稿。

    ## 错误示例 (Bad)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
    联系电话：0595-87366129
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
    公开期限：2024年9月2日至9月23日。
    联系电话：0595-87366129
    ```
    """

    code = "NL201"
    name = "missing-disclosure-period"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.disclosure is not None:
            return
        anchor = ctx.anchor(
            notice.closing.span if notice.closing else None,
            notice.contact.span if notice.contact else None,
        )
        ctx.report(
            "缺少公开期限：应在结束语之后写明“公开期限：YYYY年M月D日至M月D日”",
            anchor,
        )


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
                f"公开期限起始日{_fmt(d.start)}与成文日期{_fmt(sig.date)}不一致",
                d.span,
            )


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
                f"（{_fmt(d.start)}至{_fmt(d.end)}）",
                d.span,
            )
