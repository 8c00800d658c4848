"""NL304 (InvalidPostcode): 邮政编码不是 6 位数字。"""

from __future__ import annotations

import re

from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.contact.helpers import fields_of_kind

_POSTCODE = re.compile(r"\d{6}")


@register
class InvalidPostcode(Rule):
    """邮政编码不是 6 位数字。

    ## 检查什么 (What it does)
    邮政编码应为 6 位阿拉伯数字。

    ## 为什么 (Why it matters)
    错误的邮编会让群众来信投递延误或退回。

    ## 错误示例 (Bad)
    ```text
    邮政编码：36210
    ```

    ## 正确示例 (Good)
    ```text
    邮政编码：362100
    ```
    """

    code = "NL304"
    name = "invalid-postcode"
    severity = "error"

    def check(self, ctx: Context) -> None:
        for f in fields_of_kind(ctx, "postcode"):
            if not _POSTCODE.fullmatch(f.value.strip()):
                ctx.report(f"邮政编码{quote(f.value)}无效：应为6位数字", f.span)
