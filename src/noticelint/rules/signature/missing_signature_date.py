"""NL702 (MissingSignatureDate): 落款机关之后没有成文日期。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


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
