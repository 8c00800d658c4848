"""NL805 (RangeHyphen): 用短横线“-”表示数值或时间范围（3-4月份、2024年10月-12月）。"""

from __future__ import annotations

import re

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.typography.helpers import OpenMarks, Scan, scan
from noticelint.text import is_han

# NL805: a hyphen between a number (or a date part) and a number with a Chinese unit.
_HYPHEN_RE = re.compile(r"-(?<=[\d年月日]-)(?=\d)")

_TIME_UNITS = frozenset("年月日时号")

_TIME_WORDS = ("学年", "月份", "年度", "学期", "季度", "周")

_VALUE_WORDS = ("周岁",)


@register
class RangeHyphen(Rule):
    """用短横线“-”表示数值或时间范围（3-4月份、2024年10月-12月）。

    ## 检查什么 (What it does)
    数字（或“10月”等日期成分）与带汉字单位的数字之间的“-”，如“3-4月份”“5月24-27日”
    “2024-2025学年”“5-10个”。日期（2023-07-25）、电话号码（0755-88121796）、
    标准编号（GB/T 9704-2012）、书名号内的书名以及邮箱、网址中的“-”不报告。
    非安全修复把时间范围改为“至”（3至4月份），其他数值范围改为浪纹线“～”（5～10个）。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》（连接号）：短横线“-”用于连接号码、复合名词等；
    标示时间、数值的起止用一字线“—”或浪纹线“～”，公文中也常写作“至”。

    ## 错误示例 (Bad)
    ```text
    2024年3-4月份组织对部分学校开展学籍管理专项督查。
    ```

    ## 正确示例 (Good)
    ```text
    2024年3至4月份组织对部分学校开展学籍管理专项督查。
    ```
    """

    code = "NL805"
    name = "range-hyphen"
    severity = "info"
    fix = "unsafe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        text = ctx.text
        if "-" not in text:
            return
        sc: Scan | None = None
        length = len(text)
        titles = OpenMarks(text)
        for m in _HYPHEN_RE.finditer(text):
            pos = m.start()
            # The left operand: digits, or digits and a date unit (10月-12月).
            ls = pos
            if text[ls - 1] in _TIME_UNITS:
                ls -= 1
            unit_left = ls < pos
            ds = ls
            while ds > 0 and text[ds - 1].isdigit():
                ds -= 1
            left = text[ds:ls]
            if not left:
                continue
            re_ = pos + 1
            while re_ < length and text[re_].isdigit():
                re_ += 1
            right = text[pos + 1 : re_]
            after = text[re_ : re_ + 1]
            before = text[ds - 1 : ds] if ds else ""
            if before and (before in "-./:：#_" or (before.isascii() and before.isalnum())):
                continue  # part of a date, a code or a longer number
            if after in ("-", ".", ":", "/") or not (is_han(after) or after == "%"):
                continue  # 2023-07-25, a time, or no unit: not a range
            if (left.startswith("0") and len(left) >= 3) or len(right) >= 7 or len(left) >= 7:
                continue  # a phone number
            head = text[max(0, ds - 12) : ds].rstrip(" ")
            if re.search(r"[A-Za-z/][A-Za-z/.]*\s*$", head):
                continue  # a standard or model number: GB/T 9704-2012
            if titles.in_title(ctx.line_start(pos), pos):
                continue  # inside a document title
            if sc is None:
                sc = scan(ctx)
            if sc.is_protected(pos):
                continue
            word = next((w for w in _VALUE_WORDS + _TIME_WORDS if text.startswith(w, re_)), "")
            unit_end = re_ + max(1, len(word))
            time = word not in _VALUE_WORDS and (
                unit_left or after in _TIME_UNITS or word in _TIME_WORDS
            )
            sign = "至" if time else "～"
            written = text[ds:unit_end]
            good = text[ds:pos] + sign + text[pos + 1 : unit_end]
            ctx.report(
                f"用短横线表示范围：{quote(written)}，应写作“{good}”"
                "（短横线“-”只用于连接号码等，标示起止用“至”、一字线“—”或浪纹线“～”）",
                ctx.span(ds, unit_end),
                fix=Fix(
                    applicability="unsafe",
                    message=f"改为“{good}”",
                    edits=[ctx.edit(pos, pos + 1, sign)],
                ),
            )
