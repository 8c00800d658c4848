"""NL603 (InvalidDate): 文中有日历上不存在的日期（2024年2月30日、13月）。"""

from __future__ import annotations

import calendar
import re

from noticelint.parse.dates import (
    DATE_RE,
)
from noticelint.parse.numerals import cn_digits_to_int, cn_to_int
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import DISCLOSURE_LABEL, clause_end

_CN = "〇零○一二三四五六七八九十"

_CN_DATE = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")

_ISO_DATE = re.compile(r"(?=[12])(?<![\d.])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])")


def _why_invalid(year: int | None, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12:
        return f"没有{month}月"
    if day is None:
        return None
    y = year or 2000  # a leap year: 2月29日 without a year is possible
    days = calendar.monthrange(y, month)[1]
    if 1 <= day <= days:
        return None
    if day < 1:
        return f"没有{day}日"
    if year is None:
        return f"{month}月最多只有{days}天"
    return f"{year}年{month}月只有{days}天"


@register
class InvalidDate(Rule):
    """文中有日历上不存在的日期（2024年2月30日、13月）。

    ## 检查什么 (What it does)
    检查全文所有日期（阿拉伯数字、汉字数字和“2024-02-30”式写法）在日历上是否存在：
    月份在 1—12 之间，日不超过当月天数（平年2月28天）。公开期限中的不存在日期由 NL203 报告，
    这里不重复。

    ## 为什么 (Why it matters)
    不存在的日期是明显的笔误，公开发布会损害通报的严肃性，也让事实无法核对。

    ## 错误示例 (Bad)
    ```text
    2023年2月30日，县委第二巡察组向县教育局党组反馈了巡察意见。
    ```

    ## 正确示例 (Good)
    ```text
    2023年2月28日，县委第二巡察组向县教育局党组反馈了巡察意见。
    ```
    """

    code = "NL603"
    name = "invalid-date"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        skip_disclosure = notice.disclosure is not None and notice.disclosure.invalid is not None
        for seg in ctx.parsed.segmentation.segments:
            text = seg.text
            if "月" not in text and "-" not in text and "/" not in text and "." not in text:
                continue
            disclosure = [
                (m.start(), clause_end(text, m.end())) for m in DISCLOSURE_LABEL.finditer(text)
            ]
            found: list[tuple[int, int, str]] = []
            for m in DATE_RE.finditer(text):
                year = int(m.group(1)) if m.group(1) else None
                day = int(m.group(3)) if m.group(3) else None
                bare = year is None and day is None and m.group(4) is None
                if bare and not text.startswith("份", m.end()):
                    continue  # “18月龄”: only “13月份” is surely a month
                why = _why_invalid(year, int(m.group(2)), day)
                if why:
                    found.append((m.start(), m.start() + len(m.group(0).rstrip()), why))
            for m in _CN_DATE.finditer(text) if "年" in text else ():
                cy, cm, cd = (
                    cn_digits_to_int(m.group(1)),
                    cn_to_int(m.group(2)),
                    cn_to_int(m.group(3)),
                )
                if cy is None or cm is None or cd is None:
                    continue
                why = _why_invalid(cy, cm, cd)
                if why:
                    found.append((m.start(), m.end(), why))
            for m in _ISO_DATE.finditer(text):
                why = _why_invalid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
                if why:
                    found.append((m.start(), m.end(), why))
            for a, b, why in sorted(found):
                if skip_disclosure and any(s <= a < e for s, e in disclosure):
                    continue  # NL203
                ctx.report(
                    f"日期{quote(text[a:b])}不存在：{why}，请核对",
                    ctx.span(seg.start + a, seg.start + b),
                )
