"""NL601 (DeclaredCountMismatch): 开头（或第一部分）声明的方面数、问题数与整改进展部分实际列出的不一致。"""

from __future__ import annotations

import re

from noticelint.parse.fields import num
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.span import Span

_NUM = r"(\d{1,3}|[一二三四五六七八九十两]{1,3})"

_DECLARED_PAIR = re.compile(
    r"(?P<areas>"
    + _NUM
    + r"\s*(?:个)?(?:大)?(?:方面|类|领域))\s*(?:的)?\s*(?:共)?\s*(?P<problems>"
    + _NUM
    + r"\s*(?:个|项|条)(?:具体)?问题)"
)

_CN_NUM = r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})"

_DECLARED_PROBLEMS = re.compile(
    rf"(?:指出|反馈|发现)[^。]{{0,12}}?(?P<problems>(?P<n>{_CN_NUM})\s*(?:个|项|条)(?:具体)?问题)"
    rf"|(?:指出|反馈|发现)(?:的)?问题\s*(?:共|共计|总计)?\s*(?P<after>{_CN_NUM})\s*(?:个|项|条)"
)


def _declared_location(ctx: Context) -> tuple[int, re.Match[str]] | None:
    """Where the counts of the opening (or of the first section) are written."""
    notice = ctx.notice
    opening = notice.opening
    assert opening is not None
    start = ctx.start_of(opening.span)
    stop = ctx.start_of(notice.sections[1].span) if len(notice.sections) > 1 else len(ctx.text)
    for seg in ctx.parsed.segmentation.segments:
        if not start <= seg.start < stop:
            continue
        for m in _DECLARED_PAIR.finditer(seg.text):
            if num(m.group(4)) == opening.declared_problems:
                return seg.start, m
        for m in _DECLARED_PROBLEMS.finditer(seg.text):
            if num(m.group("n") or m.group("after")) == opening.declared_problems:
                return seg.start, m
    return None


@register
class DeclaredCountMismatch(Rule):
    """开头（或第一部分）声明的方面数、问题数与整改进展部分实际列出的不一致。

    ## 检查什么 (What it does)
    开头段落或第一部分常写明巡察反馈的问题数量，如“指出了四个方面38个问题”“指出3大类8个问题”。
    把声明的方面数与整改进展部分的（一）（二）…方面标题数比较，把声明的问题数与其中列出的
    末级问题数（有（1）（2）子项的问题按子项计）比较；问题数与一级问题（1. 2.）数相同也算一致。
    不一致时，每个数字各报告一条，写明声明数和实际数。正文没有方面标题或没有编号问题时不比较。

    ## 为什么 (Why it matters)
    公众据此核对每个反馈问题是否都有整改交代；数字对不上，说明有问题漏报或重复，
    或者开头的数字写错了。

    ## 错误示例 (Bad)
    ```text
    ……反馈了巡察意见，指出了3个方面12个问题。
    ……
    二、巡察反馈问题整改进展情况
    （一）……方面
    1.关于……的问题。
    ……（三个方面共列出11个问题）
    ```

    ## 正确示例 (Good)
    ```text
    ……反馈了巡察意见，指出了3个方面12个问题。
    ……
    二、巡察反馈问题整改进展情况
    （一）……方面
    1.关于……的问题。
    ……（三个方面共列出12个问题）
    ```
    """

    code = "NL601"
    name = "declared-count-mismatch"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        opening = notice.opening
        progress = notice.progress_sections()
        if opening is None or not progress or not notice.sections:
            return
        if opening.declared_areas is None and opening.declared_problems is None:
            return
        areas = sum(len(s.areas) for s in progress)
        leaves = sum(len(s.leaf_problems()) for s in progress)
        tops = sum(len(s.all_problems()) for s in progress)
        found = _declared_location(ctx)
        where = "开头段落"
        if found is not None and found[0] != ctx.start_of(opening.span):
            where = "第一部分"
        declared = quote(found[1].group(0)) if found else ""

        def span(group: str) -> Span:
            if found is None or group not in found[1].re.groupindex:
                return opening.span
            base, m = found
            if m.start(group) == -1:  # 反馈问题共4个: the whole phrase
                return ctx.span(base + m.start(), base + m.end())
            return ctx.span(base + m.start(group), base + m.end(group))

        if opening.declared_areas is not None and areas and opening.declared_areas != areas:
            markers = [a.marker or "" for s in progress for a in s.areas]
            shown = "".join(markers) if len(markers) <= 6 else "".join(markers[:3]) + "…"
            ctx.report(
                f"{where}声明{declared or f'{opening.declared_areas}个方面'}，"
                f"但整改进展部分有{areas}个方面（{shown}），不是{opening.declared_areas}个；"
                "两处数字应一致",
                span("areas"),
            )
        if (
            opening.declared_problems is not None
            and leaves
            and opening.declared_problems not in (leaves, tops)
        ):
            top_note = f"（一级问题{tops}个）" if tops != leaves else ""
            ctx.report(
                f"{where}声明{declared or f'{opening.declared_problems}个问题'}，"
                f"但整改进展部分列出了{leaves}个问题{top_note}，不是"
                f"{opening.declared_problems}个；两处数字应一致",
                span("problems"),
            )
