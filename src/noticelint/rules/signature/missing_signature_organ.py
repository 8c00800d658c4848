"""NL701 (MissingSignatureOrgan): 联系方式之后没有落款机关。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


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
