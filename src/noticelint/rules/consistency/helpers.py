"""The analysis the consistency rules share (scans, patterns, small helpers)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from noticelint.parse.dates import (
    DATES,
    RANGE_MARKS,
    DateRef,
    infer_year,
)
from noticelint.parse.segment import Segment
from noticelint.rules.base import Context, per_document
from noticelint.span import Span


def fmt(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@per_document
def dates_by_segment(ctx: Context) -> list[list[DateRef]]:
    """The dates written in each paragraph, in order: the one date scan of a document
    the NL60x rules read (see :func:`written_dates`)."""
    return [
        written_dates(seg.text) if "月" in seg.text else []
        for seg in ctx.parsed.segmentation.segments
    ]


def written_dates(text: str) -> list[DateRef]:
    """The dates of ``text`` (the matches of :data:`~noticelint.parse.dates.DATE_RE`,
    bare months too: 2023年12月至2024年2月), each ending where its last word does."""
    found = []
    for m in DATES.matches(text):
        year, month, day, part = m.groups()
        start = m.start()
        found.append(
            DateRef(
                start,
                start + len(m.group(0).rstrip()),
                int(year) if year else None,
                int(month),
                int(day) if day else None,
                part,
            )
        )
    return found


@per_document
def _paragraph_starts(ctx: Context) -> list[int]:
    return [seg.start for seg in ctx.parsed.segmentation.segments]


def anchor_hits(
    ctx: Context,
    anchors: tuple[re.Pattern[str], ...],
    where: Callable[[str, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """Where ``anchors`` are found in the paragraphs (and ``where(text, offset)`` holds,
    when given): ``(paragraph index, offset in it)``, in document order. The text the
    parser read is searched with each anchor (led by a literal: fast) instead of every
    paragraph with all. The text around a hit is the document's: an anchor's
    look-behind at the first character of a paragraph, or ``where`` near its ends, may
    see past it, so a hit may be given that the paragraph alone would not give (the
    caller reads the paragraph anyway), never left out."""
    segments = ctx.parsed.segmentation.segments
    starts = _paragraph_starts(ctx)
    text = ctx.parsed.index.text  # the parser's view: the paragraphs' text is cut from it
    hits: list[tuple[int, int]] = []
    for anchor in anchors:
        for hit in anchor.finditer(text):
            at = hit.start()
            if where is not None and not where(text, at):
                continue
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < segments[i].end:  # not in residue or indentation
                hits.append((i, at - starts[i]))
    hits.sort()
    return hits


def paragraphs_with(ctx: Context, anchors: tuple[re.Pattern[str], ...]) -> list[int]:
    """The paragraphs (their indices, in order) in which one of ``anchors`` is found
    (see :func:`anchor_hits`)."""
    return sorted({i for i, _ in anchor_hits(ctx, anchors)})


def sentence_start(text: str, at: int) -> int:
    """Where the sentence of ``text`` that holds ``at`` starts: after the last 。！？!?
    before ``at`` (as ``re.split(r"(?<=[。！？!?])", text)`` cuts it)."""
    so_far = _SENTENCE_SO_FAR.match(text, 0, at)
    return so_far.end() if so_far else 0


def sentence_end(text: str, at: int) -> int:
    """Where the sentence of ``text`` that holds ``at`` ends: after the first 。！？!?
    from ``at`` on, or at the end of ``text``."""
    rest = _SENTENCE_REST.match(text, at)
    return rest.end() if rest else len(text)


def _segment_at(ctx: Context, span: Span) -> int | None:
    """The index of the segment that starts where ``span`` starts (a paragraph of the model)."""
    start = ctx.start_of(span)
    for i, seg in enumerate(ctx.parsed.segmentation.segments):
        if seg.start == start:
            return i
    return None


# Everything up to the last mark that ends a sentence; the rest of a sentence with it.
_SENTENCE_SO_FAR = re.compile(r".*[。！？!?]", re.S)
_SENTENCE_REST = re.compile(r"[^。！？!?]*[。！？!?]?")

_CLAUSE_END = "。！？!?；;"

# The marks between the items of a list of dates (3月26日、3月27日), spaced or not.
_LIST_MARKS = ("、", "和", "及", "与", "以及")

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
    year: int | None = None  # the year written, or the year assumed
    plans: _Plans | None = None  # where the document's plans are (for ``future``)
    _future: bool | None = None  # ``future``, once asked

    @property
    def text(self) -> str:
        return self.seg.text[self.ref.start : self.ref.end]

    @property
    def future(self) -> bool:
        """A plan: after 前/计划/将…, in the next-steps section, or continuing (a range
        end, a list item) a date that is a plan. Worked out when first asked: most
        dates are never asked (they are before the 成文日期 and written with a year)."""
        if self._future is None:
            unknown: list[_Date] = []  # this date and the heads it continues
            d: _Date | None = self
            while d is not None and d._future is None:
                unknown.append(d)
                d = d.follows
            known = d is not None and d._future is True
            for d in reversed(unknown):
                known = known or (d.plans is not None and d.plans.hold(d))
                d._future = known
        return bool(self._future)

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
    refs = dates_by_segment(ctx)[at]  # bare months too: 2023年12月至2024年2月
    start = opening.inspection_start
    for a, b in itertools.pairwise(refs):
        if seg.text[a.end : b.start].strip() in RANGE_MARKS:
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


def _ordered_starts(ctx: Context) -> set[int]:
    """Where the dates NL602 puts in order start (document offsets)."""
    chain = opening_chain(ctx)
    if chain is None:
        return set()
    refs = (chain.start, chain.end, chain.feedback)
    return {chain.seg.start + ref.start for ref in refs if ref is not None}


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
class _Plans:
    """Where a date is a plan: in a next-steps section, or with one of the profile's
    future markers (``[dates] future-markers``) right after it (2023年9月10日前完成,
    …将完成) or, for those that are not the postposition 前/以前/之前/底前, earlier in
    its sentence (计划于…, 拟…; before a date 前 belongs to other words: 目前, 此前)."""

    sections: list[tuple[int, int]]  # the next-steps sections (document offsets)
    after: tuple[str, ...]
    before: re.Pattern[str]

    @classmethod
    def of(cls, sections: list[tuple[int, int]], markers: list[str]) -> _Plans:
        return cls(sections, tuple(markers), _markers_before(tuple(markers)))

    def hold(self, d: _Date) -> bool:
        """Whether ``d`` itself is written as a plan (not counting the date it continues)."""
        for a, b in self.sections:
            if a <= d.start < b:
                return True
        text, start, end = d.seg.text, d.ref.start, d.ref.end
        after = text[end : end + 6].lstrip()
        if after.startswith(self.after) and not after.startswith(_NOT_BEFORE):
            return True
        before = text[sentence_start(text, start) : start]
        if _QUOTE_OPENING.search(before):
            # Names in quotes or book-title marks (“菁英计划”, 《工作计划》) say nothing of tense.
            before = _QUOTED.sub("", before)
        return self.before.search(before[-30:]) is not None


@lru_cache(maxsize=8)
def _markers_before(markers: tuple[str, ...]) -> re.Pattern[str]:
    """The future markers that are not the postposition 前/以前/之前/底前, as one pattern."""
    words = [re.escape(m) for m in markers if not m.endswith("前")]
    return re.compile("|".join(words) or "(?!)")


@per_document
def date_scan(ctx: Context) -> DateScan:
    """Every valid date of the document, in order, with its year resolved
    (computed once per document, shared by NL606 and NL607)."""
    notice = ctx.notice
    sig = notice.signature
    sig_start, sig_end = -1, -1  # where the 成文日期 is written
    if sig is not None and sig.date_span is not None:
        sig_start, sig_end = ctx.start_of(sig.date_span), ctx.end_of(sig.date_span)
    plans = _Plans.of(_next_steps_ranges(ctx), ctx.profile.dates.future_markers)
    ordered = _ordered_starts(ctx)

    scan = DateScan()
    segments = ctx.parsed.segmentation.segments
    for seg, refs in zip(segments, dates_by_segment(ctx), strict=True):
        if not refs:
            continue
        text, base = seg.text, seg.start
        disclosure = disclosure_clauses(text)
        previous: _Date | None = None
        for ref in refs:
            if ref.year is None and ref.day is None and ref.part is None:
                continue  # “12月” alone is too ambiguous (12月份, 3-12月)
            start = ref.start
            if not ref.valid:
                previous = None
                continue  # NL603
            d = _Date(ref, seg, base + start, base + ref.end, plans=plans)
            if previous is not None:
                between = text[previous.ref.end : start].strip()
                if between in RANGE_MARKS:
                    d.follows, d.range_end = previous, True
                elif between in _LIST_MARKS:
                    d.follows = previous
            d.in_disclosure = bool(disclosure) and any(a <= start < b for a, b in disclosure)
            d.signature = sig_start <= d.start < sig_end
            d.ordered = d.start in ordered
            scan.dates.append(d)
            previous = d
    opening = notice.opening
    _resolve_years(
        scan.dates, sig.date if sig else None, opening.inspection_start if opening else None
    )
    return scan


def _resolve_years(dates: list[_Date], sig: dt.date | None, lower: dt.date | None) -> None:
    """The year of every date: the one written, the one of the date it continues, or
    the one assumed from the nearest earlier date written with a year."""
    anchor: dt.date | None = None  # the nearest earlier date with a written year
    for d in dates:
        if d.ref.year is not None:
            d.year = d.ref.year
        elif d.follows is not None and d.follows.year is not None:
            d.year = infer_year(d.ref, d.follows.first_day())
        else:
            d.year = _assume_year(d, anchor, sig, lower)
        if d.ref.year is not None and not d.signature and not d.in_disclosure:
            anchor = d.first_day() or anchor


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
    if guess is None or sig is None:
        return guess
    for year in (guess, guess - 1, guess + 1):
        first = d.ref.first_day(year)
        if first is None:
            continue
        if first <= sig and (lower is None or first >= dt.date(lower.year, lower.month, 1)):
            # A plan keeps the year it seems to have (asked last: it is rarely needed).
            return guess if year != guess and d.future else year
    return guess


def disclosure_clauses(text: str) -> list[tuple[int, int]]:
    """Where a paragraph's 公开期限/公示时间… clauses run (offsets in ``text``)."""
    return [(m.start(), _clause_end(text, m.end())) for m in _DISCLOSURE_LABEL.finditer(text)]


def _clause_end(text: str, pos: int) -> int:
    ends = [i for c in _CLAUSE_END if (i := text.find(c, pos)) != -1]
    return min(ends) if ends else len(text)
