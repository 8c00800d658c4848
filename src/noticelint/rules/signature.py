"""NL7 — signature (落款 and 成文日期)."""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.parse.dates import parse_signature_date
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.span import Span


@register
class MissingSignatureOrgan(Rule):
    """联系方式之后没有落款机关。

    ## 检查什么 (What it does)
    在联系方式（或结束语）之后寻找单独一行的发文机关署名，如“中共某某县教育局党组”。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.5 条：公文应署发文机关名称；没有落款，公众无法确认通报由谁发布。

    ## 错误示例 (Bad)
    ```text
    联系电话：0595-87366129
    2024年11月27日
    ```

    ## 正确示例 (Good)
    ```text
    联系电话：0595-87366129
    中共某某县教育局党组
    2024年11月27日
    ```
    """

    code = "NL701"
    name = "missing-signature-organ"
    severity = "error"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.signature is not None and notice.signature.organ:
            return
        anchor = ctx.anchor(notice.signature.span if notice.signature else None)
        ctx.report("缺少落款机关：联系方式之后应单独一行署发文机关名称", anchor)


@register
class MissingSignatureDate(Rule):
    """落款机关之后没有成文日期。

    ## 检查什么 (What it does)
    在落款机关之后寻找单独一行的成文日期，如“2024年11月27日”。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.5 条：公文应标注成文日期；它也是公开期限的起点。

    ## 错误示例 (Bad)
    ```text
    中共某某县教育局党组
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县教育局党组
    2024年11月27日
    ```
    """

    code = "NL702"
    name = "missing-signature-date"
    severity = "error"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.signature is not None and notice.signature.date_text:
            return
        anchor = ctx.anchor(notice.signature.span if notice.signature else None)
        ctx.report("缺少成文日期：落款机关之后应单独一行写明“YYYY年M月D日”", anchor)


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
            start = ctx.offset(sig.date_span.line, sig.date_span.column)
            end = ctx.offset(sig.date_span.end_line, sig.date_span.end_column)
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


@register
class SignatureLayout(Rule):
    """落款机关和成文日期没有分两行、写在通报最后。

    ## 检查什么 (What it does)
    落款机关和成文日期应各占一行，作为通报的最后两行（日期在机关下一行）。
    两者写在同一行（网页抓取或排版把它们并到一行），或落款之后还有正文时提示。
    不安全修复：在机关和日期之间换行。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.5 条规定了署名和成文日期的位置；写在一行里读者不易识别落款。

    ## 错误示例 (Bad)
    ```text
    中共博山区教育和体育局党组 2023年1月12日
    ```

    ## 正确示例 (Good)
    ```text
    中共博山区教育和体育局党组
    2023年1月12日
    ```
    """

    code = "NL704"
    name = "signature-layout"
    severity = "info"
    fix = "unsafe"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or sig.organ_span is None or sig.date_span is None:
            return
        organ, date = sig.organ_span, sig.date_span
        if organ.line == date.line:
            gap_start = ctx.offset(organ.end_line, organ.end_column)
            gap_end = ctx.offset(date.line, date.column)
            ctx.report(
                "落款机关和成文日期写在同一行：应分为两行，机关在上、日期在下",
                Span(organ.line, organ.column, date.end_line, date.end_column),
                fix=Fix(
                    applicability="unsafe",
                    message="在落款机关和成文日期之间换行",
                    edits=[ctx.edit(gap_start, gap_end, "\n")],
                ),
            )
            return
        last = ctx.parsed.segmentation.segments[-1]
        end = ctx.offset(date.end_line, date.end_column)
        if last.end > end and (date.line, date.column) < (organ.line, organ.column):
            return
        if last.end > end:
            ctx.report(
                f"落款之后还有内容{quote(last.text, 16)}：落款机关和成文日期应是通报的最后两行",
                ctx.span(last.start, last.end),
            )
