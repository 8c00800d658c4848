"""NL3 — contact block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticelint.diagnostics import Fix
from noticelint.model import ContactField
from noticelint.parse.fields import EMAIL_RE, phone_is_valid, split_phones
from noticelint.rules.base import Context, Rule, quote, register

FIELD_NAMES = {
    "phone": "联系电话 (phone)",
    "address": "通信地址 (postal address)",
    "postcode": "邮政编码 (postcode)",
    "email": "电子邮箱 (email)",
}


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


def _fields(ctx: Context, kind: str) -> Iterator[ContactField]:
    """The contact block's fields of one kind (phone, address, postcode, email)."""
    contact = ctx.notice.contact
    if contact is not None:
        yield from (f for f in contact.fields if f.kind == kind)


def _text(ctx: Context) -> str:
    contact = ctx.notice.contact
    assert contact is not None
    s = ctx.offset(contact.span.line, contact.span.column)
    e = ctx.offset(contact.span.end_line, contact.span.end_column)
    return ctx.text[s:e]


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
        for f in _fields(ctx, "phone"):
            for number in split_phones(f.value):
                digits = re.sub(r"[^\d０-９]", "", number)
                if not digits:
                    continue
                if not phone_is_valid(number):
                    ctx.report(
                        f"电话号码{quote(number)}无效：应为固定电话（区号+7–8位）、11位手机号或服务号码",
                        f.span,
                    )


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
        for f in _fields(ctx, "postcode"):
            if not re.fullmatch(r"\d{6}", f.value.strip()):
                ctx.report(f"邮政编码{quote(f.value)}无效：应为6位数字", f.span)


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
        for f in _fields(ctx, "email"):
            value = f.value.strip().rstrip("。.")
            if not EMAIL_RE.fullmatch(value):
                ctx.report(f"电子邮箱{quote(value)}格式无效：应为 name@domain 形式", f.span)


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
            start = ctx.offset(f.span.line, f.span.column)
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
