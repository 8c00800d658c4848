"""NL603 (InvalidDate): 文中有日历上不存在的日期（2024年2月30日、13月）。"""

from __future__ import annotations

import calendar
import re

from noticelint.parse.dates import CN_DATES, SEPARATED_DATES, DateRef
from noticelint.parse.numerals import cn_digits_to_int, cn_to_int
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import (
    dates_by_segment,
    disclosure_clauses,
    paragraphs_with,
)

_SPACES = re.compile(r"\s*")

# Days of each month (index 1–12) in a common year.
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _after_spaces(text: str, pos: int) -> int:
    spaces = _SPACES.match(text, pos)
    return spaces.end() if spaces else pos


def _why_invalid(year: int | None, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12:
        return f"没有{month}月"
    if day is None:
        return None
    y = year or 2000  # a leap year: 2月29日 without a year is possible
    days = _DAYS_IN_MONTH[month] + (month == 2 and calendar.isleap(y))
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
        segments = ctx.parsed.segmentation.segments
        dates = dates_by_segment(ctx)
        in_numerals = set(paragraphs_with(ctx, CN_DATES.anchors))
        separated = set(paragraphs_with(ctx, SEPARATED_DATES.anchors))
        for i in sorted({*in_numerals, *separated, *(i for i, on in enumerate(dates) if on)}):
            seg = segments[i]
            text = seg.text
            found = _impossible(text, dates[i])
            if i in in_numerals:
                found += _impossible_in_numerals(text)
            if i in separated:
                found += _impossible_separated(text)
            if not found:
                continue
            disclosure = disclosure_clauses(text) if skip_disclosure else []
            for a, b, why in sorted(found):
                if any(s <= a < e for s, e in disclosure):
                    continue  # NL203
                ctx.report(
                    f"日期{quote(text[a:b])}不存在：{why}，请核对",
                    ctx.span(seg.start + a, seg.start + b),
                )


Found = list[tuple[int, int, str]]  # where a date not on the calendar is, and why


def _impossible(text: str, dates: list[DateRef]) -> Found:
    """The paragraph's dates ``dates`` (from
    :func:`~noticelint.rules.consistency.helpers.written_dates`) not on the calendar."""
    found: Found = []
    for ref in dates:
        bare = ref.year is None and ref.day is None and ref.part is None
        if bare and not text.startswith("份", _after_spaces(text, ref.end)):
            continue  # “18月龄”: only “13月份” is surely a month
        why = _why_invalid(ref.year, ref.month, ref.day)
        if why:
            found.append((ref.start, ref.end, why))
    return found


def _impossible_in_numerals(text: str) -> Found:
    """二〇二四年二月三十日 and the like."""
    found: Found = []
    for m in CN_DATES.matches(text):
        cy, cm, cd = cn_digits_to_int(m.group(1)), cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if cy is None or cm is None or cd is None:
            continue
        why = _why_invalid(cy, cm, cd)
        if why:
            found.append((m.start(), m.end(), why))
    return found


def _impossible_separated(text: str) -> Found:
    """2024-02-30 and the like."""
    found: Found = []
    for m in SEPARATED_DATES.matches(text):
        why = _why_invalid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if why:
            found.append((m.start(), m.end(), why))
    return found
