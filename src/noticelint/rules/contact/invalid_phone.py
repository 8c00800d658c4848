"""NL303 (InvalidPhone): 电话号码不是有效的中国固定电话、手机号或服务号码。"""

from __future__ import annotations

import re

from noticelint.parse.fields import phone_is_valid, split_phones
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.contact.helpers import fields_of_kind

_DIGIT = re.compile(r"[\d０-９]")


@register
class InvalidPhone(Rule):
    """电话号码不是有效的中国固定电话、手机号或服务号码。

    ## 检查什么 (What it does)
    联系电话应为固定电话（区号 0xx/0xxx 加 7–8 位号码，或只有 7–8 位号码）、
    11 位手机号（1[3-9] 开头）或 400/800、12345 等服务号码。可用“或”“、”列出多个号码。

    ## 为什么 (Why it matters)
    打不通的号码等于没有反映渠道。位数错误通常是录入时多打或漏打了数字。

    ## 错误示例 (Bad)
    ```text
    联系电话：0595-873661299
    ```

    ## 正确示例 (Good)
    ```text
    联系电话：0595-87366129或87382129
    ```
    """

    code = "NL303"
    name = "invalid-phone"
    severity = "error"

    def check(self, ctx: Context) -> None:
        for f in fields_of_kind(ctx, "phone"):
            for number in split_phones(f.value):
                if not _DIGIT.search(number):
                    continue
                if not phone_is_valid(number):
                    ctx.report(
                        f"电话号码{quote(number)}无效：应为固定电话（区号+7–8位）、11位手机号或服务号码",
                        f.span,
                    )
