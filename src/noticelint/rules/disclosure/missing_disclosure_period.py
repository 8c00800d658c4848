"""NL201 (MissingDisclosurePeriod): 没有“公开期限”说明。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


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
