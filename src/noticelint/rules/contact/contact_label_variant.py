"""NL306 (ContactLabelVariant): 联系方式的标签缺少冒号，或不是规范写法。"""

from __future__ import annotations

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register


def _canonical_for(ctx: Context, kind: str) -> str:
    c = ctx.profile.contact
    labels = {
        "phone": c.phone_labels,
        "address": c.address_labels,
        "postcode": c.postcode_labels,
        "email": c.email_labels,
    }[kind]
    return "或".join(f"“{x}”" for x in c.canonical_labels if x in labels)


_VARIANTS = {
    "电子信箱": "电子邮箱",
    "邮箱": "电子邮箱",
    "电子邮件": "电子邮箱",
    "邮编": "邮政编码",
    "电话": "联系电话",
}


@register
class ContactLabelVariant(Rule):
    """联系方式的标签缺少冒号，或不是规范写法。

    ## 检查什么 (What it does)
    联系方式各项应写作“标签：内容”，标签用规则配置 `[contact] canonical-labels`
    中的规范写法（联系电话、通信地址、邮政编码、电子邮箱等）。标签后缺冒号
    （“电子邮箱466368334@qq.com”）或用了变体（“邮编”“电子信箱”）时提示。
    缺冒号时安全修复为补上全角冒号；变体有唯一规范写法时改为规范写法。

    ## 为什么 (Why it matters)
    统一的标签便于公众一眼找到联系渠道，也便于巡察办汇总提取。

    ## 错误示例 (Bad)
    ```text
    联系方式：7593009；电子邮箱466368334@qq.com。
    ```

    ## 正确示例 (Good)
    ```text
    联系电话：0415-7593009；电子邮箱：466368334@qq.com。
    ```
    """

    code = "NL306"
    name = "contact-label-variant"
    severity = "info"
    fix = "safe"

    def check(self, ctx: Context) -> None:
        contact = ctx.notice.contact
        if contact is None:
            return
        canonical = set(ctx.profile.contact.canonical_labels)
        for f in contact.fields:
            start = ctx.start_of(f.span)
            label_end = start + len(f.label)
            after = ctx.text[label_end : label_end + 1]
            has_colon = after in (":", "：")
            if not has_colon:
                ctx.report(
                    f"联系方式标签{quote(f.label)}后缺少冒号：应写作“{f.label}：{f.value}”",
                    ctx.span(start, label_end),
                    fix=Fix(
                        applicability="safe",
                        message=f"在“{f.label}”后补上“：”",
                        edits=[ctx.edit(label_end, label_end, "：")],
                    ),
                )
            if f.label not in canonical:
                good = _VARIANTS.get(f.label)
                if f.label == "联系方式" and f.kind == "phone":
                    good = "联系电话"
                fix = None
                if good is not None:
                    fix = Fix(
                        applicability="safe",
                        message=f"改为“{good}”",
                        edits=[ctx.edit(start, label_end, good)],
                    )
                expected = f"“{good}”" if good else _canonical_for(ctx, f.kind)
                ctx.report(
                    f"联系方式标签{quote(f.label)}不是规范写法：应为{expected}",
                    ctx.span(start, label_end),
                    fix=fix,
                )
