"""The NL60x rules find dates and counts fast (issue 11): from the 月/日/年/个 each holds,
in the paragraphs a search of the whole document points at, with work put off until a
rule asks for it. Each fast path must find exactly what reading every paragraph with
the plain patterns finds — the references below, kept simple on purpose — on the
notices of the fixtures and the corpus and on notices with dates, counts and plans
written in many shapes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_support import compliant_text, lint, only
from noticelint.parse import parse_text
from noticelint.parse.dates import (
    CN_DATES,
    DATE_RE,
    RANGE_SEP,
    SEPARATED_DATES,
    DateRef,
    find_collapsed_dates,
    infer_year,
)
from noticelint.parse.numerals import cn_digits_to_int, cn_to_int
from noticelint.rules.base import Context, quote
from noticelint.rules.consistency import summary_arithmetic as nl605
from noticelint.rules.consistency.helpers import (
    _next_steps_ranges,
    _ordered_starts,
    date_scan,
)

TESTS = Path(__file__).resolve().parents[1]
NOTICES = [
    *sorted((TESTS / "fixtures").rglob("*.txt")),
    *sorted((TESTS / "fixtures").rglob("*.md")),
    *sorted((TESTS.parent / "corpus").glob("*.txt")),
]

# --- notices with dates, counts and plans in many shapes ------------------------------

BASE = compliant_text("c01_xuncha_basic")
PLACES = ["扎实推进整改落实。", "三是坚持举一反三、建章立制，", "\n欢迎广大干部群众"]
PIECES = st.sampled_from(
    [
        "2024年3月5日", "3月5日", "12月底", "6月下旬", "2023年12月", "2024年2月30日", "13月份",
        "2月29日", "2024 年 4 月 3 日", "2024-02-30", "2024.13.1", "二〇二四年二月三十日",
        "2024717日", "于830日", "至1230日", "10月12日", "2025年1月1日", "9月10日前", "11月底前",
        "至", "—", "、", "和", "，", "。", " ", "前完成", "前往", "计划于", "将于", "拟",
        "“菁英计划”", "《工作计划》", "目前", "反馈", "公开期限：", "公示时间", "下一步，",
        "共12个问题", "反馈的12个问题中", "12个问题中", "已完成9个", "已完成整改9个",
        "正在推进3个", "正在整改4个", "其中长期坚持5个", "完成率75%", "整改完成率80%", "一个",
        "两项", "指出了3个方面12个问题", "反馈问题12个", "整改措施80条", "19个问题已完成整改",
        "指出了其中存在的十二个方面12个问题", "共12    个问题", "2024年10月1日", "1月31日",
        "13月 份", "2024/2/30", "2024.02.30", "２０２４年２月３０日", "1230日", "20240717日",
    ]
)  # fmt: skip
INSERTS = st.lists(st.lists(PIECES, max_size=10).map("".join), min_size=3, max_size=3)


def notice_with(inserts: list[str]) -> str:
    text = BASE
    for place, insert in zip(PLACES, inserts, strict=True):
        text = text.replace(place, place + insert if place[0] != "\n" else insert + place, 1)
    return text


def _context(text: str) -> Context:
    parsed = parse_text(text, "draft.txt")
    return Context(parsed, parsed.profile)


def _notices() -> Iterator[str]:
    for path in NOTICES:
        yield path.read_text(encoding="utf-8")


# --- NL603: every paragraph read with the plain patterns -------------------------------


def _why_invalid(year: int | None, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12:
        return f"没有{month}月"
    if day is None:
        return None
    days = calendar.monthrange(year or 2000, month)[1]
    if 1 <= day <= days:
        return None
    if day < 1:
        return f"没有{day}日"
    return f"{month}月最多只有{days}天" if year is None else f"{year}年{month}月只有{days}天"


def _invalid_in(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in DATE_RE.finditer(text):
        year = int(m.group(1)) if m.group(1) else None
        day = int(m.group(3)) if m.group(3) else None
        if (
            year is None
            and day is None
            and m.group(4) is None
            and not text.startswith("份", m.end())
        ):
            continue
        if why := _why_invalid(year, int(m.group(2)), day):
            found.append((m.start(), m.start() + len(m.group(0).rstrip()), why))
    for m in CN_DATES.pattern.finditer(text):
        y, mo, d = cn_digits_to_int(m.group(1)), cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if y is not None and mo is not None and d is not None and (why := _why_invalid(y, mo, d)):
            found.append((m.start(), m.end(), why))
    for m in SEPARATED_DATES.pattern.finditer(text):
        if why := _why_invalid(int(m.group(1)), int(m.group(3)), int(m.group(4))):
            found.append((m.start(), m.end(), why))
    return sorted(found)


def _disclosure_clauses(text: str) -> list[tuple[int, int]]:
    """From each 公开期限/公示期限/公开时间/公示时间 to the end of its clause."""
    clauses = []
    for m in re.finditer("公开期限|公示期限|公开时间|公示时间", text):
        ends = [i for c in "。！？!?；;" if (i := text.find(c, m.end())) != -1]
        clauses.append((m.start(), min(ends, default=len(text))))
    return clauses


def _nl603_as_read_in_full(text: str) -> list[tuple[int, int, str]]:
    ctx = _context(text)
    disclosure = ctx.notice.disclosure
    skip = disclosure is not None and disclosure.invalid is not None
    out = []
    for seg in ctx.parsed.segmentation.segments:
        clauses = _disclosure_clauses(seg.text)
        for a, b, why in _invalid_in(seg.text):
            if not (skip and any(s <= a < e for s, e in clauses)):
                span = ctx.span(seg.start + a, seg.start + b)
                out.append(
                    (span.line, span.column, f"日期{quote(seg.text[a:b])}不存在：{why}，请核对")
                )
    return out


def _reported(text: str, code: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in only(lint(text, select=[code]), code)]


# --- NL608: every paragraph ----------------------------------------------------------


def _nl608_spans_in_full(text: str) -> list[tuple[int, int]]:
    ctx = _context(text)
    out = []
    for seg in ctx.parsed.segmentation.segments:
        for c in find_collapsed_dates(seg.text):
            span = ctx.span(seg.start + c.start, seg.start + c.end)
            out.append((span.line, span.column))
    return out


# --- NL605: every paragraph, the whole-text patterns of old --------------------------


def _summaries_in_full(ctx: Context) -> list[tuple[int, str, list[nl605._Group]]]:
    words, _, _ = nl605._status_words(ctx)
    summary = ctx.profile.summary
    cues = tuple(summary.total_cues), tuple(summary.noun_total_cues)
    patterns = nl605._summary_patterns(*cues)
    may_count = re.compile(
        rf"(?:{nl605._alt(cues[0] + cues[1])})[^\d，,。；;]{{0,8}}[\d一二三四五六七八九十两百]"
        r"|[个项条件][^。]{0,8}中|率\s*[为达是]?\s*\d|\d\s*[%％]"
    )
    out = []
    for seg in ctx.parsed.segmentation.segments:
        if not may_count.search(seg.text):
            continue
        pos = 0
        for sentence in re.split(r"(?<=[。！？!?])", seg.text):
            counts = [
                (m.start(), m.end(), value)
                for m in nl605.COUNTS.pattern.finditer(sentence)
                if (value := nl605._count_value(m.group(1))) is not None
            ]
            groups = nl605._groups(sentence, counts, words, patterns.total_before)
            if groups:
                out.append((seg.start + pos, sentence, groups))
            pos += len(sentence)
    return out


# --- NL606/NL607: the date scan worked out for every date, in order ------------------


@dataclass
class _Written:
    ref: DateRef
    start: int
    end: int
    follows: _Written | None = None
    range_end: bool = False
    in_disclosure: bool = False
    signature: bool = False
    ordered: bool = False
    future: bool = False
    year: int | None = None

    def row(self) -> tuple[object, ...]:
        head = self.follows.start if self.follows else None
        return (self.start, self.end, self.year, self.future, self.range_end,
                self.in_disclosure, self.signature, self.ordered, head)  # fmt: skip


def _scan(ctx: Context) -> list[tuple[object, ...]]:
    return [
        (d.start, d.end, d.year, d.future, d.range_end, d.in_disclosure, d.signature,
         d.ordered, d.follows.start if d.follows else None)
        for d in date_scan(ctx).dates
    ]  # fmt: skip


def _is_plan(text: str, start: int, end: int, markers: list[str]) -> bool:
    after = text[end : end + 6].lstrip()
    if not after.startswith(("前往", "前来", "前夕")) and any(after.startswith(m) for m in markers):
        return True
    sentence_start = max(text.rfind(c, 0, start) for c in "。！？!?") + 1
    quoted = re.compile(r"“[^“”]*”|《[^《》]*》|\"[^\"]*\"|‘[^‘’]*’")
    before = quoted.sub("", text[sentence_start:start])[-30:]
    return any(m in before for m in markers if not m.endswith("前"))


def _written_in(text: str) -> Iterator[DateRef | None]:
    """The dates of a paragraph, ``None`` for one not on the calendar."""
    for m in DATE_RE.finditer(text):
        year, month, day, part = m.groups()
        if year is None and day is None and part is None:
            continue
        end = m.start() + len(m.group(0).rstrip())
        values = int(year) if year else None, int(month), int(day) if day else None
        ref = DateRef(m.start(), end, *values, part)
        yield ref if ref.valid else None


def _scan_in_full(ctx: Context) -> list[tuple[object, ...]]:
    sig = ctx.notice.signature
    date_span = sig.date_span if sig else None
    signed = (ctx.start_of(date_span), ctx.end_of(date_span)) if date_span else (-1, -1)
    plans = _next_steps_ranges(ctx)
    markers = ctx.profile.dates.future_markers
    dates: list[_Written] = []
    for seg in ctx.parsed.segmentation.segments:
        clauses = _disclosure_clauses(seg.text)
        previous: _Written | None = None
        for ref in _written_in(seg.text):
            if ref is None:
                previous = None
                continue
            d = _Written(ref, seg.start + ref.start, seg.start + ref.end)
            if previous is not None:
                between = seg.text[previous.ref.end : ref.start]
                if re.fullmatch(RANGE_SEP, between):
                    d.follows, d.range_end = previous, True
                elif re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", between):
                    d.follows = previous
            d.in_disclosure = any(a <= ref.start < b for a, b in clauses)
            d.signature = signed[0] <= d.start < signed[1]
            d.ordered = d.start in _ordered_starts(ctx)
            d.future = any(a <= d.start < b for a, b in plans) or _is_plan(
                seg.text, ref.start, ref.end, markers
            )
            d.future = d.future or (d.follows is not None and d.follows.future)
            dates.append(d)
            previous = d
    _resolve_years(ctx, dates)
    return [d.row() for d in dates]


def _resolve_years(ctx: Context, dates: list[_Written]) -> None:
    sig = ctx.notice.signature
    sig_date = sig.date if sig else None
    opening = ctx.notice.opening
    lower = opening.inspection_start if opening else None
    anchor = None
    for d in dates:
        if d.ref.year is not None:
            d.year = d.ref.year
        elif d.follows is not None and d.follows.year is not None:
            d.year = infer_year(d.ref, d.follows.ref.first_day(d.follows.year))
        else:
            d.year = _assume_year(d, anchor, sig_date, lower)
        if d.ref.year is not None and not d.signature and not d.in_disclosure:
            anchor = d.ref.first_day(d.ref.year) or anchor


def _assume_year(
    d: _Written, anchor: dt.date | None, sig: dt.date | None, lower: dt.date | None
) -> int | None:
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
        if first is not None and first <= sig and (lower is None or first >= lower.replace(day=1)):
            return year
    return guess


# --- the tests -------------------------------------------------------------------------


def _assert_found_as_in_full(text: str) -> None:
    assert _reported(text, "NL603") == _nl603_as_read_in_full(text)
    assert [(line, column) for line, column, _ in _reported(text, "NL608")] == (
        _nl608_spans_in_full(text)
    )
    ctx = _context(text)
    assert list(nl605.summaries(ctx)) == _summaries_in_full(ctx)
    assert _scan(ctx) == _scan_in_full(ctx)


# Shapes the fast paths must not miss: a cue far before its count, a long run of
# spaces in a count, a date that continues a plan, a plan that keeps its year.
TRICKY = [
    ["指出了其中存在的十二大类" + " " * 12 + "12个问题，已完成9个。", "", ""],
    ["指出了十二大类" + " " * 30 + "12" + " " * 10 + "个问题，已完成9个、正在推进2个。", "", ""],
    ["计划于2025年1月1日、2025年1月2日、2025年1月3日、2025年1月4日完成。", "", ""],
    ["2024年10月1日召开会议。", "计划于3月5日完成。", "1月31日，巡察组走访了基层。"],
    ["“菁英计划”于2025年1月1日启动。", "", "公开期限：2024年2月30日至3月5日。"],
]


def test_the_notices_give_what_reading_every_paragraph_gives() -> None:
    for text in _notices():
        _assert_found_as_in_full(text)
    for inserts in TRICKY:
        _assert_found_as_in_full(notice_with(inserts))


@settings(max_examples=120, deadline=None)
@given(inserts=INSERTS)
def test_any_dates_counts_and_plans_give_what_reading_every_paragraph_gives(
    inserts: list[str],
) -> None:
    _assert_found_as_in_full(notice_with(inserts))


def test_the_generated_notices_hold_what_the_rules_look_for() -> None:
    """The pieces make each rule fire, so the comparison above is not of empty lists."""
    text = notice_with(
        [
            "2024年2月30日，反馈的12个问题中，已完成9个，正在推进4个。",
            "2024717日，",
            "计划于2025年1月1日前完成。",
        ]
    )
    assert _nl603_as_read_in_full(text)
    assert _nl608_spans_in_full(text)
    assert _summaries_in_full(_context(text))
    assert any(d[3] for d in _scan_in_full(_context(text)))
