"""NL602 (DateOrder): 开头的巡察起止日期、反馈日期与成文日期先后顺序不对。"""

from __future__ import annotations

from noticelint.parse.dates import (
    infer_year,
)
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import fmt, opening_chain


@register
class DateOrder(Rule):
    """开头的巡察起止日期、反馈日期与成文日期先后顺序不对。

    ## 检查什么 (What it does)
    按开头段落和落款取出四个日期，要求：巡察开始 ≤ 巡察结束 < 反馈日期 ≤ 成文日期。
    只写到月（2023年12月至2024年2月）或写“上旬/中旬/下旬”的日期都是有效日期，
    按最宽松的理解比较（“2024年5月”结束、5月20日反馈不算颠倒）。
    顺序不对时报告在顺序出错的那个日期上。

    ## 为什么 (Why it matters)
    先巡察、后反馈、再整改和通报，这是巡察工作的法定顺序；日期颠倒多是笔误，
    会让公众怀疑通报的真实性。

    ## 错误示例 (Bad)
    ```text
    2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察，
    并于2024年5月18日反馈了巡察意见。
    ```

    ## 正确示例 (Good)
    ```text
    2024年3月11日至5月20日，县委第二巡察组对县教育局党组开展了常规巡察，
    并于2024年6月18日反馈了巡察意见。
    ```
    """

    code = "NL602"
    name = "date-order"
    severity = "error"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        opening = notice.opening
        if opening is None:
            return
        word = ctx.profile.inspection_word
        sig = notice.signature
        sig_date = sig.date if sig else None
        start, end, feedback = (
            opening.inspection_start,
            opening.inspection_end,
            opening.feedback_date,
        )
        chain = opening_chain(ctx)
        end_span = feedback_span = opening.span
        end_early = end  # the earliest day the period may have ended (month precision)
        start_text = fmt(start) if start else ""
        end_text = fmt(end) if end else ""
        feedback_text = fmt(feedback) if feedback else ""
        end_note = ""  # the year of an end written without one
        if chain is not None:
            seg = chain.seg
            if chain.start is not None and chain.end is not None and start is not None:
                a, b = chain.start, chain.end
                end_span = ctx.span(seg.start + b.start, seg.start + b.end)
                start_text = seg.text[a.start : a.end]
                end_text = seg.text[b.start : b.end]
                if b.year is None and end is not None:
                    end_note = f"（{end.year}年）"
                end_early = b.first_day(infer_year(b, start)) or end
            if chain.feedback is not None:
                f = chain.feedback
                feedback_span = ctx.span(seg.start + f.start, seg.start + f.end)
                feedback_text = seg.text[f.start : f.end]
        if start is not None and end is not None and start > end:
            ctx.report(
                f"日期顺序错误：{word}开始日期{quote(start_text)}晚于结束日期{quote(end_text)}{end_note}；"
                f"应为{word}开始 ≤ {word}结束 < 反馈 ≤ 成文日期",
                end_span,
            )
            return
        if feedback is not None and end_early is not None and feedback <= end_early:
            ctx.report(
                f"日期顺序错误：反馈日期{quote(feedback_text)}不晚于{word}结束日期"
                f"{quote(end_text)}{end_note}；应先结束{word}、再反馈意见",
                feedback_span,
            )
        if sig is not None and sig_date is not None:
            sig_span = sig.date_span or sig.span
            if feedback is not None and feedback > sig_date:
                ctx.report(
                    f"日期顺序错误：反馈日期{quote(feedback_text)}晚于成文日期{fmt(sig_date)}；"
                    "整改通报应在反馈之后成文",
                    feedback_span,
                )
            elif feedback is None and end_early is not None and end_early >= sig_date:
                ctx.report(
                    f"日期顺序错误：{word}结束日期{quote(end_text)}{end_note}不早于成文日期"
                    f"{fmt(sig_date)}",
                    sig_span if end_span == opening.span else end_span,
                )
