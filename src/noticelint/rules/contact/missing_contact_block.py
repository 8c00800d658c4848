"""NL301 (MissingContactBlock): 结束语之后没有联系方式。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


@register
class MissingContactBlock(Rule):
    """结束语之后没有联系方式。

    ## 检查什么 (What it does)
    在结尾寻找联系方式段落（联系电话、通信地址、邮政编码、电子邮箱等标签）。找不到时报告。

    ## 为什么 (Why it matters)
    欢迎监督却不给渠道，公众无从反映意见（《中国共产党巡视工作条例》要求整改情况接受群众监督）。

    ## 错误示例 (Bad)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。
    中共某某县教育局党组
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。
    联系电话：0595-87366129；通信地址：某某县某某路18号；邮政编码：362100；电子邮箱：jyj@example.com。
    中共某某县教育局党组
    ```
    """

    code = "NL301"
    name = "missing-contact-block"
    severity = "error"
    norm = "中国共产党巡视工作条例"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.contact is not None:
            return
        anchor = ctx.anchor(
            notice.closing.span if notice.closing else None,
            notice.signature.span if notice.signature else None,
        )
        ctx.report(
            "缺少联系方式：结束语之后应写明联系电话、通信地址、邮政编码和电子邮箱",
            anchor,
        )
