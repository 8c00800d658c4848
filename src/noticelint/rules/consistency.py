"""NL6 — consistency between parts: declared counts, dates, organ."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from noticelint.parse.dates import (
    DATE_RE,
    RANGE_SEP,
    DateRef,
    find_collapsed_dates,
    infer_year,
)
from noticelint.parse.fields import normalise_organ, num
from noticelint.parse.numerals import cn_digits_to_int, cn_to_int
from noticelint.parse.segment import Segment
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.span import Span

# --- shared helpers ------------------------------------------------------------------


def _fmt(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _offset(ctx: Context, span: Span) -> int:
    return ctx.offset(span.line, span.column)


def _end_offset(ctx: Context, span: Span) -> int:
    return ctx.offset(span.end_line, span.end_column)


def _segment_at(ctx: Context, span: Span) -> Segment | None:
    """The segment that starts where ``span`` starts (a paragraph of the model)."""
    start = _offset(ctx, span)
    for seg in ctx.parsed.segmentation.segments:
        if seg.start == start:
            return seg
    return None


_SENTENCE_END = "。！？!?"
_CLAUSE_END = "。！？!?；;"
_RANGE_ONLY = re.compile(RANGE_SEP)
_LIST_ONLY = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_DISCLOSURE_LABEL = re.compile(r"公开期限|公示期限|公开时间|公示时间")
# Words after a date that are not the postposition 前 (“3月5日前往…”).
_NOT_BEFORE = ("前往", "前来", "前夕")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|\"[^\"]*\"|‘[^‘’]*’")


@dataclass(slots=True, eq=False)
class _Date:
    """A date of the text (a :class:`DateRef` found in one segment), with what the
    rules need to know about where it stands and which year it belongs to."""

    ref: DateRef  # offsets relative to the segment text
    seg: Segment
    start: int  # absolute offsets in the document text
    end: int
    follows: _Date | None = None  # the range start or list head this date continues
    range_end: bool = False
    in_disclosure: bool = False
    signature: bool = False
    ordered: bool = False  # an inspection or feedback date of the opening (NL602)
    future: bool = False  # a plan: after 前/计划/将…, or in the next-steps section
    year: int | None = None  # the year written, or the year assumed

    @property
    def text(self) -> str:
        return self.seg.text[self.ref.start : self.ref.end]

    def first_day(self) -> dt.date | None:
        return self.ref.first_day(self.year)


@dataclass(slots=True)
class _Chain:
    """Where the opening writes the dates NL602 orders (offsets in ``seg.text``)."""

    seg: Segment
    start: DateRef | None = None
    end: DateRef | None = None
    feedback: DateRef | None = None


def _opening_chain(ctx: Context) -> _Chain | None:
    """The inspection period and the feedback date as written in the opening,
    matched against the values the parser took (``Opening`` fields)."""
    opening = ctx.notice.opening
    if opening is None:
        return None
    seg = _segment_at(ctx, opening.span)
    if seg is None:
        return None
    chain = _Chain(seg)
    refs = []
    for m in DATE_RE.finditer(seg.text):  # bare months too: 2023年12月至2024年2月
        refs.append(
            DateRef(
                m.start(),
                m.start() + len(m.group(0).rstrip()),
                int(m.group(1)) if m.group(1) else None,
                int(m.group(2)),
                int(m.group(3)) if m.group(3) else None,
                m.group(4),
            )
        )
    start = opening.inspection_start
    for a, b in itertools.pairwise(refs):
        if _RANGE_ONLY.fullmatch(seg.text[a.end : b.start]):
            if start is not None and a.first_day() == start:
                chain.start, chain.end = a, b
            break
    feedback = opening.feedback_date
    if feedback is not None:
        after = chain.end.end if chain.end else 0
        chain.feedback = next(
            (
                r
                for r in refs
                if r.start >= after
                and (r.month, r.day) == (feedback.month, feedback.day)
                and r.year in (None, feedback.year)
            ),
            None,
        )
    return chain


@dataclass(slots=True)
class _Scan:
    dates: list[_Date] = field(default_factory=list)


def _scan(ctx: Context) -> _Scan:
    """Every valid date of the document, in order, with its year resolved.

    Computed once per document (kept in ``ctx.memo``) and shared by NL606 and NL607."""
    scan = ctx.memo.get("consistency.scan")
    if not isinstance(scan, _Scan):
        scan = ctx.memo["consistency.scan"] = _build_scan(ctx)
    return scan


def _next_steps_ranges(ctx: Context) -> list[tuple[int, int]]:
    notice = ctx.notice
    starts = [_offset(ctx, s.span) for s in notice.sections]
    tail = [p.offset for p in notice.tail if p.after_last_section]
    doc_end = min(tail) if tail else len(ctx.text)
    out: list[tuple[int, int]] = []
    for i, section in enumerate(notice.sections):
        if section.kind != "next_steps":
            continue
        end = starts[i + 1] if i + 1 < len(starts) else doc_end
        out.append((starts[i], end))
    return out


def _is_plan(text: str, start: int, end: int, markers: list[str]) -> bool:
    """Whether the date ``text[start:end]`` is a plan: a future marker right after it
    (2023年9月10日前完成, 3月底前, …将完成) or earlier in its sentence (计划于…, 拟…)."""
    after = text[end : end + 6].lstrip()
    if not after.startswith(_NOT_BEFORE) and any(after.startswith(m) for m in markers):
        return True
    sentence_start = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    # Names in quotes or book-title marks (“菁英计划”, 《工作计划》) say nothing of tense.
    before = _QUOTED.sub("", text[sentence_start:start])[-30:]
    # 前/以前/之前/底前 are postpositions: before a date they are other words (目前, 此前).
    return any(m in before for m in markers if not m.endswith("前"))


def _build_scan(ctx: Context) -> _Scan:
    notice = ctx.notice
    sig = notice.signature
    sig_date = sig.date if sig else None
    sig_range: tuple[int, int] | None = None
    if sig is not None and sig.date_span is not None:
        sig_range = (_offset(ctx, sig.date_span), _end_offset(ctx, sig.date_span))
    plans = _next_steps_ranges(ctx)
    markers = ctx.profile.dates.future_markers
    opening = notice.opening
    lower = opening.inspection_start if opening else None

    chain = _opening_chain(ctx)
    ordered: set[int] = set()  # dates NL602 puts in order (absolute start offsets)
    if chain is not None:
        for ref in (chain.start, chain.end, chain.feedback):
            if ref is not None:
                ordered.add(chain.seg.start + ref.start)

    scan = _Scan()
    for seg in ctx.parsed.segmentation.segments:
        if "月" not in seg.text:
            continue
        disclosure = [
            (m.start(), _clause_end(seg.text, m.end()))
            for m in _DISCLOSURE_LABEL.finditer(seg.text)
        ]
        previous: _Date | None = None
        for m in DATE_RE.finditer(seg.text):
            year, month, day, part = m.group(1), m.group(2), m.group(3), m.group(4)
            length = len(m.group(0).rstrip())
            if year is None and day is None and part is None:
                continue  # “12月” alone is too ambiguous (12月份, 3-12月)
            ref = DateRef(
                m.start(),
                m.start() + length,
                int(year) if year else None,
                int(month),
                int(day) if day else None,
                part,
            )
            if not ref.valid:
                previous = None
                continue  # NL603
            d = _Date(ref, seg, seg.start + ref.start, seg.start + ref.end)
            if previous is not None:
                between = seg.text[previous.ref.end : ref.start]
                if _RANGE_ONLY.fullmatch(between):
                    d.follows, d.range_end = previous, True
                elif _LIST_ONLY.fullmatch(between):
                    d.follows = previous
            d.in_disclosure = any(a <= ref.start < b for a, b in disclosure)
            d.signature = sig_range is not None and sig_range[0] <= d.start < sig_range[1]
            d.ordered = d.start in ordered
            d.future = any(a <= d.start < b for a, b in plans) or _is_plan(
                seg.text, ref.start, ref.end, markers
            )
            if d.follows is not None and d.follows.future:
                d.future = True
            scan.dates.append(d)
            previous = d

    anchor: dt.date | None = None  # the nearest earlier date with a written year
    for d in scan.dates:
        if d.ref.year is not None:
            d.year = d.ref.year
        elif d.follows is not None and d.follows.year is not None:
            d.year = infer_year(d.ref, d.follows.first_day())
        else:
            d.year = _assume_year(d, anchor, sig_date, lower)
        if d.ref.year is not None and not d.signature and not d.in_disclosure:
            anchor = d.first_day() or anchor
    return scan


def _assume_year(
    d: _Date, anchor: dt.date | None, sig: dt.date | None, lower: dt.date | None
) -> int | None:
    """The year of a date written without one.

    The year of the nearest earlier full date (:func:`infer_year`: the next year when
    the month is earlier than the anchor's). A notice reports on the past, so for a
    date stated as done that would then lie after the 成文日期 (or before the
    inspection), the neighbouring year that puts it inside [inspection start, 成文日期]
    is taken instead: narratives go back in time (2024年4月3日反馈…1月31日巡察组走访).
    """
    if anchor is not None:
        guess = infer_year(d.ref, anchor)
    elif sig is not None:
        guess = sig.year
    else:
        return None
    if guess is None or d.future or sig is None:
        return guess
    for year in (guess, guess - 1, guess + 1):
        first = d.ref.first_day(year)
        if first is None:
            continue
        if first <= sig and (lower is None or first >= dt.date(lower.year, lower.month, 1)):
            return year
    return guess


def _clause_end(text: str, pos: int) -> int:
    ends = [i for c in _CLAUSE_END if (i := text.find(c, pos)) != -1]
    return min(ends) if ends else len(text)


# --- NL601 ------------------------------------------------------------------------

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
    start = _offset(ctx, opening.span)
    stop = _offset(ctx, notice.sections[1].span) if len(notice.sections) > 1 else len(ctx.text)
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
        if found is not None and found[0] != _offset(ctx, opening.span):
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


# --- NL602 ------------------------------------------------------------------------


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
        chain = _opening_chain(ctx)
        end_span = feedback_span = opening.span
        end_early = end  # the earliest day the period may have ended (month precision)
        start_text = _fmt(start) if start else ""
        end_text = _fmt(end) if end else ""
        feedback_text = _fmt(feedback) if feedback else ""
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
                    f"日期顺序错误：反馈日期{quote(feedback_text)}晚于成文日期{_fmt(sig_date)}；"
                    "整改通报应在反馈之后成文",
                    feedback_span,
                )
            elif feedback is None and end_early is not None and end_early >= sig_date:
                ctx.report(
                    f"日期顺序错误：{word}结束日期{quote(end_text)}{end_note}不早于成文日期"
                    f"{_fmt(sig_date)}",
                    sig_span if end_span == opening.span else end_span,
                )


# --- NL603 ------------------------------------------------------------------------

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
                (m.start(), _clause_end(text, m.end())) for m in _DISCLOSURE_LABEL.finditer(text)
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


# --- NL604 ------------------------------------------------------------------------


@register
class OrganMismatch(Rule):
    """标题中的发文机关与落款机关不一致。

    ## 检查什么 (What it does)
    比较标题“关于”之前的发文机关和落款机关。比较前去掉开头的“中共”和紧邻重复的词语
    （“党组党组”由 NL103 另行报告），仍不相同时报告。没有标题或没有落款机关时不检查。

    ## 为什么 (Why it matters)
    按 GB/T 9704-2012，标题由发文机关名称、事由和文种组成，落款署发文机关名称，两处指的是
    同一机关；不一致时读者无法确定是谁在通报整改，也常是套用他人模板后漏改的痕迹。

    ## 错误示例 (Bad)
    ```text
    中共某某县财政局党组关于县委巡察整改进展情况的通报
    ……
    中共某某县教育局党组
    2024年9月2日
    ```

    ## 正确示例 (Good)
    ```text
    中共某某县财政局党组关于县委巡察整改进展情况的通报
    ……
    中共某某县财政局党组
    2024年9月2日
    ```
    """

    code = "NL604"
    name = "organ-mismatch"
    severity = "warning"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        notice = ctx.notice
        title, sig = notice.title, notice.signature
        if title is None or not title.organ or sig is None or not sig.organ:
            return
        if normalise_organ(title.organ) == normalise_organ(sig.organ):
            return
        ctx.report(
            f"落款机关{quote(sig.organ)}与标题中的发文机关{quote(title.organ)}不一致：两处应写同一机关",
            sig.organ_span or sig.span,
        )


# --- NL605 ------------------------------------------------------------------------

_COUNT = re.compile(r"(\d{1,4}|[一二三四五六七八九十两百]{1,4})\s*(个|项|条|件)")
_NOUN = r"(?:具体|反馈)?(?:问题|整改问题|整改任务|任务|整改事项|事项|整改措施|措施)"
_TOTAL_NOUN = re.compile(r"\s*" + _NOUN)
_TOTAL_AFTER = re.compile(r"\s*" + _NOUN + "中")
_TAIL_NOUN = re.compile(r"问题|任务|事项")
_BARE_TAILS = frozenset({"", "有", "计", "涉及"})
_PART_NOUN = re.compile(r"(?:整改|的|问题|任务|整改任务|事项)?\s*$")
_PART_AFTER_OK = re.compile(r"\s*(?:$|[，,。；;、）)]|问题|任务|事项|整改)")
_RATE = re.compile(
    r"(?:整改完成率|完成率|整改率|办结率|销号率|整改到位率)\s*(?:为|达到|达|是)?\s*"
    r"(\d{1,3}(?:\.\d+)?)\s*[%％]"
)


@dataclass(slots=True)
class _Count:
    """A count of a sentence: its number and the phrase that carries it
    (共25个问题, 已完成整改19个, 6个正在整改), as offsets in the sentence."""

    start: int
    end: int
    value: int
    status: str = ""  # the status word of a part ("" for a total)


@dataclass(slots=True)
class _Group:
    total: _Count
    parts: list[_Count] = field(default_factory=list)
    closed: bool = False


def _count_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "百" in text:
        return None
    return num(text)


def _status_words(ctx: Context) -> tuple[list[str], list[str], list[str]]:
    """All status words (longest first), the done words and the partial words."""
    vocab = ctx.profile.status
    extra = ctx.profile.summary
    done = [w for w in vocab.done + extra.done if w != "除"]
    partial = [w for w in vocab.partial if w != "除"]
    rest = vocab.in_progress + vocab.long_term + extra.in_progress
    words = done + partial + [w for w in rest if w != "除"]
    return sorted(set(words), key=len, reverse=True), done, partial


@dataclass(frozen=True, slots=True)
class _SummaryPatterns:
    """The profile's summary cues, compiled: a cheap test for a counts sentence (a cue
    before a number, 25个问题中, a rate) and the cue of a total before its count."""

    may_count: re.Pattern[str]
    total_before: re.Pattern[str]


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=8)
def _summary_patterns(bare: tuple[str, ...], with_noun: tuple[str, ...]) -> _SummaryPatterns:
    alt = _alt(bare + with_noun)
    areas = r"(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|大)?(?:方面|类|大类|领域)\s*)?"
    return _SummaryPatterns(
        may_count=re.compile(
            rf"(?:{alt})[^\d，,。；;]{{0,8}}[\d一二三四五六七八九十两百]"
            r"|[个项条件][^。]{0,8}中|率\s*[为达是]?\s*\d|\d\s*[%％]"
        ),
        total_before=re.compile(
            rf"(?:(?P<bare>{_alt(bare)})|{_alt(with_noun)})"
            rf"(?P<tail>[^\d，,。；;、：:（）()]{{0,6}}?)\s*{areas}$"
        ),
    )


def _total(
    sentence: str, m: re.Match[str], value: int, total_before: re.Pattern[str]
) -> _Count | None:
    """共25个, 反馈的25个问题, 反馈问题25个 or 25个问题中: a count that is clearly
    a total (a cue right before it, or a cue and a noun 问题/任务/事项 around it)."""
    noun = _TOTAL_NOUN.match(sentence, m.end())
    before = total_before.search(sentence, max(0, m.start() - 40), m.start())
    if before is not None and noun is None and not _TAIL_NOUN.search(before.group("tail")):
        bare = before.group("bare") and before.group("tail").strip() in _BARE_TAILS
        if not bare:
            before = None  # 共同推进3个项目, 反馈3个: no total
    inside = _TOTAL_AFTER.match(sentence, m.end())
    if before is None and inside is None:
        return None
    return _Count(before.start() if before else m.start(), noun.end() if noun else m.end(), value)


def _part(sentence: str, m: re.Match[str], value: int, words: list[str]) -> _Count | None:
    """已完成整改19个 or 19个问题已完成整改: a count with a status word."""
    lead_start = max(0, m.start() - 12)
    lead = sentence[lead_start : m.start()]
    noun = _PART_NOUN.search(lead)
    head = lead[: noun.start()] if noun else lead
    if _PART_AFTER_OK.match(sentence, m.end()):
        # The longest reading: 已完成整改19个 is 已完成 + 整改, not 完成整改.
        found = [(m.start() - len(w), w) for w in words if lead.endswith(w)]
        found += [(lead_start + len(head) - len(w), w) for w in words if head.endswith(w)]
        if found:
            start, word = min(found)
            return _Count(start, m.end(), value, word)
    rest = re.compile(r"\s*(?:问题|任务|事项)?\s*").match(sentence, m.end())
    at = rest.end() if rest else m.end()
    for w in words:
        if sentence.startswith(w, at):
            end = at + len(w)
            if sentence.startswith("整改", end) and not w.endswith("整改"):
                end += 2  # 19个已完成整改
            return _Count(m.start(), end, value, w)
    return None


def _groups(sentence: str, words: list[str], total_before: re.Pattern[str]) -> list[_Group]:
    """Totals (共25个问题, 38个问题中) with the status parts that follow them in the
    sentence (已完成19个、正在整改6个). A count that is neither ends the group
    (整改措施80条 is another quantity); a 其中 after the first part starts a nested
    breakdown (已完成19个，其中长期坚持5个), which is not summed."""
    groups: list[_Group] = []
    current: _Group | None = None
    for m in _COUNT.finditer(sentence):
        value = _count_value(m.group(1))
        if value is None:
            continue
        total = _total(sentence, m, value, total_before)
        if total is not None:
            current = _Group(total)
            groups.append(current)
            continue
        part = _part(sentence, m, value, words)
        if current is None or current.closed:
            continue
        nested = (
            part is not None
            and bool(current.parts)
            and "其中" in sentence[current.parts[-1].end : part.start]
        )
        if part is None or nested:
            current.closed = True  # another quantity, or a nested breakdown
        else:
            current.parts.append(part)
    return groups


def _rate_ok(rate: float, decimals: int, done: int, total: int) -> bool:
    if total == 0:
        return True
    exact = done * 100 / total
    scale = 10.0**decimals
    tolerance = 0.5 / scale + 1e-9
    truncated = int(exact * scale) / scale
    return abs(rate - exact) <= tolerance or abs(rate - truncated) < 1e-9


@register
class SummaryArithmetic(Rule):
    """汇总数字对不上：分项之和不等于总数，或完成率算错。

    ## 检查什么 (What it does)
    在同一句话里找“共N个（问题）”“N个问题中”这样的总数，以及紧随其后、带整改状态的分项
    （“已完成19个、正在整改6个”，状态词取自规则配置 `[status]`）。有两个以上分项而合计不等于总数，
    或某一分项超过总数时报告；同一句的“完成率X%”与“已完成数÷总数”不符时也报告
    （按写出的小数位四舍五入或截断都算对，把“基本完成”计入完成也算对）。
    只有总数和分项明确在同一句时才检查；“其中”之后的细分不参与求和，
    中间插入别的数量（如“整改措施80条”）时不再往下找分项。

    ## 为什么 (Why it matters)
    汇总数字是公众最先看、最常引用的内容；加不拢或比例算错，会让人怀疑整改数据的真实性。

    ## 错误示例 (Bad)
    ```text
    反馈的25个问题中，已完成整改19个、正在整改5个，整改完成率80%。
    ```

    ## 正确示例 (Good)
    ```text
    反馈的25个问题中，已完成整改19个、正在整改6个，整改完成率76%。
    ```
    """

    code = "NL605"
    name = "summary-arithmetic"
    severity = "error"

    def check(self, ctx: Context) -> None:
        words, done_words, partial_words = _status_words(ctx)
        summary = ctx.profile.summary
        patterns = _summary_patterns(tuple(summary.total_cues), tuple(summary.noun_total_cues))
        for seg in ctx.parsed.segmentation.segments:
            if not patterns.may_count.search(seg.text):
                continue  # no total (共…/…中) and no rate: nothing to add up
            pos = 0
            for sentence in re.split(r"(?<=[。！？!?])", seg.text):
                base = seg.start + pos
                pos += len(sentence)
                groups = _groups(sentence, words, patterns.total_before)
                for g in groups:
                    self._check_group(ctx, base, sentence, g)
                self._check_rates(ctx, base, sentence, groups, done_words, partial_words)

    def _check_group(self, ctx: Context, base: int, sentence: str, g: _Group) -> None:
        if not g.parts:
            return
        total = g.total.value
        total_text = quote(sentence[g.total.start : g.total.end])
        last = g.parts[-1]
        span = ctx.span(base + g.total.start, base + last.end)
        over = next((p for p in g.parts if p.value > total), None)
        if over is not None:
            ctx.report(
                f"分项{quote(sentence[over.start : over.end])}超过了总数{total_text}，请核对数字",
                span,
            )
            return
        added = sum(p.value for p in g.parts)
        if len(g.parts) >= 2 and added != total:
            shown = "＋".join(sentence[p.start : p.end] for p in g.parts)
            ctx.report(
                f"分项之和与总数不符：{shown}，合计{added}个，而总数是{total_text}",
                span,
            )

    def _check_rates(
        self,
        ctx: Context,
        base: int,
        sentence: str,
        groups: list[_Group],
        done_words: list[str],
        partial_words: list[str],
    ) -> None:
        for m in _RATE.finditer(sentence):
            group = next((g for g in reversed(groups) if g.total.start < m.start()), None)
            if group is None:
                continue
            done = [p for p in group.parts if p.status in done_words]
            if not done:
                continue
            partial = sum(p.value for p in group.parts if p.status in partial_words)
            total = group.total.value
            done_n = done[0].value
            raw = m.group(1)
            decimals = len(raw.partition(".")[2])
            rate = float(raw)
            if _rate_ok(rate, decimals, done_n, total) or _rate_ok(
                rate, decimals, done_n + partial, total
            ):
                continue
            exact = done_n * 100 / total
            shown = f"{exact:.{max(decimals, 1)}f}".rstrip("0").rstrip(".")
            about = "" if abs(exact - float(shown)) < 1e-9 else "约"
            ctx.report(
                f"完成率算错：{quote(m.group(0))}，而{quote(sentence[done[0].start : done[0].end])}÷"
                f"{quote(sentence[group.total.start : group.total.end])}{about}为{shown}%",
                ctx.span(base + m.start(), base + m.end()),
            )


# --- NL606 ------------------------------------------------------------------------


@register
class DateAfterSignature(Rule):
    """文中以已完成的口吻写了晚于成文日期的日期。

    ## 检查什么 (What it does)
    找出晚于落款成文日期的日期，且它不是计划：日期后没有“前/底前/以前/之前”，
    所在句中日期之前没有“计划/预计/将/拟/力争/确保/争取…”（规则配置 `[dates] future-markers`），
    也不在“下一步工作打算”部分。公开期限、时间段的截止日期不检查。
    没写年份的日期按前面最近的完整日期推定年份；按已发生的事理解会晚于成文日期时，
    取使它落在巡察开始与成文日期之间的相邻年份（叙述常会回溯，如反馈后又提到巡察期间的1月31日）。

    ## 为什么 (Why it matters)
    通报成文时尚未到来的日期不可能“已完成”；这类日期要么是笔误，要么是把计划写成了事实，
    都会误导公众对整改进度的判断。

    ## 错误示例 (Bad)
    ```text
    二是2024年10月15日完成财政资金专项检查。
    ……
    2024年9月2日
    ```

    ## 正确示例 (Good)
    ```text
    二是计划于2024年10月15日前完成财政资金专项检查。
    ……
    2024年9月2日
    ```
    """

    code = "NL606"
    name = "date-after-signature"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or sig.date is None:
            return
        for d in _scan(ctx).dates:
            if d.signature or d.in_disclosure or d.future or d.range_end or d.ordered:
                continue  # the opening's dates are ordered by NL602
            first = d.first_day()
            if first is None or first <= sig.date:
                continue
            assumed = "" if d.ref.year is not None else f"（按上下文推定为{d.year}年）"
            ctx.report(
                f"日期{quote(d.text)}{assumed}晚于成文日期{_fmt(sig.date)}，"
                "却写成已发生的事；如是计划，应写明“计划于…”或“…前完成”，否则请核对日期",
                ctx.span(d.start, d.end),
            )


# --- NL607 ------------------------------------------------------------------------


@register
class DateMissingYear(Rule):
    """日期没写年份，而且它所属的年份与成文日期的年份不同。

    ## 检查什么 (What it does)
    没写年份的日期（10月12日、11月底）按前面最近的完整日期推定年份（方法同 NL606），
    推定的年份与成文日期不在同一年时提示，并写明推定的年份。读者会把没写年份的日期当作
    成文当年，只有跨年时才会误读，所以同一年内的日期不提示。公开期限的截止日期、
    时间段的截止日期（2022年10月12日—10月25日）和并列的后一个日期（3月26日、3月27日）
    的年份由前一个日期决定，不提示。没有成文日期时不检查。

    ## 为什么 (Why it matters)
    正文日期省略年份很常见，读者默认是成文当年；但整改跨年时，“10月12日”究竟是哪一年
    读者只能猜。GB/T 9704-2012 要求成文日期年、月、日标全，正文中跨年的关键日期
    （如反馈日期）也应照此写全。

    ## 错误示例 (Bad)
    ```text
    根据区委统一部署，2022年6月下旬至8月下旬，区委第二巡察组对区教体局开展了专项巡察。
    10月12日，区委巡察组向区教体局党组反馈了巡察意见。
    ……
    2023年1月12日
    ```

    ## 正确示例 (Good)
    ```text
    根据区委统一部署，2022年6月下旬至8月下旬，区委第二巡察组对区教体局开展了专项巡察。
    2022年10月12日，区委巡察组向区教体局党组反馈了巡察意见。
    ……
    2023年1月12日
    ```
    """

    code = "NL607"
    name = "date-missing-year"
    severity = "info"

    def check(self, ctx: Context) -> None:
        sig = ctx.notice.signature
        if sig is None or sig.date is None:
            return
        for d in _scan(ctx).dates:
            if d.ref.year is not None or d.signature or d.in_disclosure or d.follows:
                continue
            if d.year is None or d.year == sig.date.year:
                continue
            ctx.report(
                f"日期{quote(d.text)}没写年份，按上下文推定为{d.year}年，与成文日期所在的"
                f"{sig.date.year}年不同，容易误读；应写全为“{d.year}年{d.text}”",
                ctx.span(d.start, d.end),
            )


# --- NL608 ------------------------------------------------------------------------


@register
class CollapsedDate(Rule):
    """一串数字直接连着“日”，像是丢了“年”“月”的日期（2024717日）。

    ## 检查什么 (What it does)
    找出紧接“日”、不可能是日子的数字串：以年份开头、中间没有“年”“月”（2024717日），
    或有“年”没有“月”（2024年717日），或在日期位置（“于”“至”、顿号、逗号之后）把月和日
    连在一起（于830日），且能拆成一个真实日期。全文每一处都报告，并给出可能的原意。
    单独的“30日”“17日”、表示天数的“历时120日”“100日内”不报告。开头段落里的这种日期
    由本规则报告，NL105 不再把它所在的要素当作缺失。

    ## 为什么 (Why it matters)
    从 Word 或网页复制时常丢掉“年”“月”二字；这样的日期读者无法理解，也无法核对。

    ## 错误示例 (Bad)
    ```text
    2024717日，局党组召开专题会议研究整改工作，并于830日完成专项检查。
    ```

    ## 正确示例 (Good)
    ```text
    2024年7月17日，局党组召开专题会议研究整改工作，并于8月30日完成专项检查。
    ```
    """

    code = "NL608"
    name = "collapsed-date"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        for seg in ctx.parsed.segmentation.segments:
            for c in find_collapsed_dates(seg.text):
                written = seg.text[c.start : c.end]
                lost = "“月”" if c.lost == "月" else "“年”“月”"
                ctx.report(
                    f"{quote(written)}不是有效日期，疑为丢失了{lost}："
                    f"应为{'或'.join(f'“{r}”' for r in c.readings)}",
                    ctx.span(seg.start + c.start, seg.start + c.end),
                )
