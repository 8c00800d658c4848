"""The analysis the consistency rules share (scans, patterns, small helpers)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from noticelint.parse.dates import (
    DATES,
    RANGE_SEP,
    DateRef,
    infer_year,
)
from noticelint.parse.segment import Segment
from noticelint.rules.base import Context, per_document
from noticelint.span import Span


def fmt(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@per_document
def dates_by_segment(ctx: Context) -> list[list[re.Match[str]]]:
    """The matches of :data:`~noticelint.parse.dates.DATE_RE` (bare months too) in each
    paragraph, in order: the one date scan of a document the NL60x rules read."""
    return [
        DATES.matches(seg.text) if "月" in seg.text else []
        for seg in ctx.parsed.segmentation.segments
    ]


def _segment_at(ctx: Context, span: Span) -> int | None:
    """The index of the segment that starts where ``span`` starts (a paragraph of the model)."""
    start = ctx.start_of(span)
    for i, seg in enumerate(ctx.parsed.segmentation.segments):
        if seg.start == start:
            return i
    return None


_SENTENCE_END = "。！？!?"

_CLAUSE_END = "。！？!?；;"

_RANGE_ONLY = re.compile(RANGE_SEP)

_LIST_ONLY = re.compile(r"\s*(?:、|和|及|与|以及)\s*")

# 公开期限|公示期限|公开时间|公示时间, led by its literal 公 (found fast).
_DISCLOSURE_LABEL = re.compile(r"公(?:开期限|示期限|开时间|示时间)")

# Words after a date that are not the postposition 前 (“3月5日前往…”).
_NOT_BEFORE = ("前往", "前来", "前夕")

_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|\"[^\"]*\"|‘[^‘’]*’")

_QUOTE_OPENING = re.compile(r"[“《\"‘]")


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


@per_document
def opening_chain(ctx: Context) -> _Chain | None:
    """The inspection period and the feedback date as written in the opening,
    matched against the values the parser took (``Opening`` fields)."""
    opening = ctx.notice.opening
    if opening is None:
        return None
    at = _segment_at(ctx, opening.span)
    if at is None:
        return None
    seg = ctx.parsed.segmentation.segments[at]
    chain = _Chain(seg)
    refs = []
    for m in dates_by_segment(ctx)[at]:  # bare months too: 2023年12月至2024年2月
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
class DateScan:
    dates: list[_Date] = field(default_factory=list)


def _next_steps_ranges(ctx: Context) -> list[tuple[int, int]]:
    notice = ctx.notice
    starts = [ctx.start_of(s.span) for s in notice.sections]
    tail = [p.offset for p in notice.tail if p.after_last_section]
    doc_end = min(tail) if tail else len(ctx.text)
    out: list[tuple[int, int]] = []
    for i, section in enumerate(notice.sections):
        if section.kind != "next_steps":
            continue
        end = starts[i + 1] if i + 1 < len(starts) else doc_end
        out.append((starts[i], end))
    return out


@dataclass(frozen=True, slots=True)
class _FutureMarkers:
    """The profile's future markers (``[dates] future-markers``): all of them are read
    right after a date; those that are not the postposition 前/以前/之前/底前 before it
    too (before a date 前 belongs to other words: 目前, 此前)."""

    after: tuple[str, ...]
    before: tuple[str, ...]

    @classmethod
    def of(cls, markers: list[str]) -> _FutureMarkers:
        return cls(tuple(markers), tuple(m for m in markers if not m.endswith("前")))


def _is_plan(text: str, start: int, end: int, markers: _FutureMarkers) -> bool:
    """Whether the date ``text[start:end]`` is a plan: a future marker right after it
    (2023年9月10日前完成, 3月底前, …将完成) or earlier in its sentence (计划于…, 拟…)."""
    after = text[end : end + 6].lstrip()
    if after.startswith(markers.after) and not after.startswith(_NOT_BEFORE):
        return True
    sentence_start = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    before = text[sentence_start:start]
    if _QUOTE_OPENING.search(before):
        # Names in quotes or book-title marks (“菁英计划”, 《工作计划》) say nothing of tense.
        before = _QUOTED.sub("", before)
    before = before[-30:]
    return any(m in before for m in markers.before)


@per_document
def date_scan(ctx: Context) -> DateScan:
    """Every valid date of the document, in order, with its year resolved
    (computed once per document, shared by NL606 and NL607)."""
    notice = ctx.notice
    sig = notice.signature
    sig_date = sig.date if sig else None
    sig_range: tuple[int, int] | None = None
    if sig is not None and sig.date_span is not None:
        sig_range = (ctx.start_of(sig.date_span), ctx.end_of(sig.date_span))
    plans = _next_steps_ranges(ctx)
    markers = _FutureMarkers.of(ctx.profile.dates.future_markers)
    opening = notice.opening
    lower = opening.inspection_start if opening else None

    chain = opening_chain(ctx)
    ordered: set[int] = set()  # dates NL602 puts in order (absolute start offsets)
    if chain is not None:
        for ref in (chain.start, chain.end, chain.feedback):
            if ref is not None:
                ordered.add(chain.seg.start + ref.start)

    scan = DateScan()
    segments = ctx.parsed.segmentation.segments
    for seg, matches in zip(segments, dates_by_segment(ctx), strict=True):
        if not matches:
            continue
        disclosure = disclosure_clauses(seg.text)
        previous: _Date | None = None
        for m in matches:
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


def disclosure_clauses(text: str) -> list[tuple[int, int]]:
    """Where a paragraph's 公开期限/公示时间… clauses run (offsets in ``text``)."""
    return [(m.start(), clause_end(text, m.end())) for m in _DISCLOSURE_LABEL.finditer(text)]


def clause_end(text: str, pos: int) -> int:
    ends = [i for c in _CLAUSE_END if (i := text.find(c, pos)) != -1]
    return min(ends) if ends else len(text)
