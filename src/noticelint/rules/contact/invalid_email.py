"""NL305 (InvalidEmail): 电子邮箱地址不符合邮箱格式。"""

from __future__ import annotations

from noticelint.parse.fields import EMAIL_RE
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.contact.helpers import fields_of_kind


@register
class InvalidEmail(Rule):
    """电子邮箱地址不符合邮箱格式。

    ## 检查什么 (What it does)
    电子邮箱应为 `name@domain.tld` 形式，不含全角字符或空格。

    ## 为什么 (Why it matters)
    写错的邮箱地址收不到群众来信。

    ## 错误示例 (Bad)
    ```text
    电子邮箱：hajyj＠163.com
    ```

    ## 正确示例 (Good)
    ```text
    电子邮箱：hajyj@163.com
    ```
    """

    code = "NL305"
    name = "invalid-email"
    severity = "error"

    def check(self, ctx: Context) -> None:
        for f in fields_of_kind(ctx, "email"):
            value = f.value.strip().rstrip("。.")
            if not EMAIL_RE.fullmatch(value):
                ctx.report(f"电子邮箱{quote(value)}格式无效：应为 name@domain 形式", f.span)
