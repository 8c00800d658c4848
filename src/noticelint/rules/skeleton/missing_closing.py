"""NL112 (MissingClosing): 最后一个部分之后没有欢迎监督的结束语。"""

from __future__ import annotations

from noticelint.rules.base import Context, Rule, register


def closing_matches(ctx: Context, text: str) -> bool:
    return all(p.search(text) for p in ctx.profile.closing_patterns)


@register
class MissingClosing(Rule):
    """最后一个部分之后没有欢迎监督的结束语。

    ## 检查什么 (What it does)
    在通报末尾寻找欢迎监督的结束语（规则配置 `[closing]`，默认须同时含“欢迎”和“监督/反映”），
    如“欢迎广大干部群众对巡察整改落实情况进行监督”。找不到时报告。

    ## 为什么 (Why it matters)
    公开整改情况的目的是接受群众监督（《中国共产党巡视工作条例》）；结束语告诉公众可以监督、如何反映。

    ## 错误示例 (Bad)
    ```text
    三、下一步工作打算
    ……
    联系电话：0595-87366129
    ```

    ## 正确示例 (Good)
    ```text
    欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
    联系电话：0595-87366129
    ```
    """

    code = "NL112"
    name = "missing-closing"
    severity = "error"
    norm = "中国共产党巡视工作条例"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        if notice.closing is not None and closing_matches(ctx, notice.closing.text):
            return
        anchor = ctx.anchor(
            notice.contact.span if notice.contact else None,
            notice.signature.span if notice.signature else None,
        )
        example = ctx.profile.closing.example
        ctx.report(f"缺少欢迎监督的结束语，如“{example}”", anchor)
