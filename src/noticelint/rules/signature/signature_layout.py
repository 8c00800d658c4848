"""NL704 (SignatureLayout): 落款机关和成文日期没有分两行、写在通报最后。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register


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
            gap_start, gap_end = ctx.end_of(organ), ctx.start_of(date)
            ctx.report(
                "落款机关和成文日期写在同一行：应分为两行，机关在上、日期在下",
                ctx.span(ctx.start_of(organ), ctx.end_of(date)),
                fix=Fix(
                    applicability="unsafe",
                    message="在落款机关和成文日期之间换行",
                    edits=[ctx.edit(gap_start, gap_end, "\n")],
                ),
            )
            return
        last = ctx.parsed.segmentation.segments[-1]
        end = ctx.end_of(date)
        if last.end > end and (date.line, date.column) < (organ.line, organ.column):
            return
        if last.end > end:
            ctx.report(
                f"落款之后还有内容{quote(last.text, 16)}：落款机关和成文日期应是通报的最后两行",
                ctx.span(last.start, last.end),
            )
