"""NL302 (MissingContactField): 联系方式缺少规则配置要求的某一项（电话、通信地址、邮政编码、电子邮箱）。"""

from __future__ import annotations

from noticelint.parse.fields import EMAIL_RE
from noticelint.rules.base import Context, Rule, register

FIELD_NAMES = {
    "phone": "联系电话 (phone)",
    "address": "通信地址 (postal address)",
    "postcode": "邮政编码 (postcode)",
    "email": "电子邮箱 (email)",
}


@register
class MissingContactField(Rule):
    """联系方式缺少规则配置要求的某一项（电话、通信地址、邮政编码、电子邮箱）。

    ## 检查什么 (What it does)
    规则配置 `[contact] required` 列出的每一项（默认：电话、通信地址、邮政编码、电子邮箱），
    联系方式中找不到时各报告一条。标签可以不带冒号（“电子邮箱466368334@qq.com”），
    邮政编码也可以写在地址里（“…，邮政编码527500”）。

    ## 为什么 (Why it matters)
    邮寄信件需要地址和邮编，电话和邮箱各有人使用；缺一项就少一条反映渠道。

    ## 错误示例 (Bad)
    ```text
    联系方式：7593009；邮政信箱地址：东港市育才街8号；电子邮箱：466368334@qq.com。
    ```

    ## 正确示例 (Good)
    ```text
    联系电话：0415-7593009；通信地址：东港市育才街8号；邮政编码：118300；电子邮箱：466368334@qq.com。
    ```
    """

    code = "NL302"
    name = "missing-contact-field"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        contact = ctx.notice.contact
        if contact is None:
            return
        have = {
            "phone": bool(contact.phones),
            "address": contact.address is not None,
            "postcode": contact.postcode is not None,
            "email": contact.email is not None or bool(EMAIL_RE.search(_text(ctx))),
        }
        for field in ctx.profile.contact.required:
            if not have[field]:
                ctx.report(f"联系方式缺少{FIELD_NAMES[field]}", contact.span)


def _text(ctx: Context) -> str:
    contact = ctx.notice.contact
    assert contact is not None
    s, e = ctx.start_of(contact.span), ctx.end_of(contact.span)
    return ctx.text[s:e]
