"""One ledger row per leaf problem of a parsed notice (columns: ``cli.md`` § ledger)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from noticelint.ledger.deadlines import find_deadlines

if TYPE_CHECKING:
    from noticelint.diagnostics import Diagnostic
    from noticelint.model import Area, Notice, Problem, Section
    from noticelint.parse import Parsed

#: Flags that make a row stand out (column ``flags``), with their Chinese labels.
FLAGS: dict[str, str] = {
    "no_status": "无整改进展",
    "no_measures": "无整改措施",
    "done_before_deadline": "称已完成但期限晚于成文日期",
}


@dataclass(slots=True, kw_only=True)
class LedgerRow:
    path: str
    line: int  # where the problem's heading is
    organ: str | None
    signature_date: str | None
    inspection_body: str | None
    inspection_start: str | None
    inspection_end: str | None
    feedback_date: str | None
    section: str
    area_number: int | None
    area: str | None
    problem_number: int | None
    parent_problem: str | None  # the heading of 1. when the row is its (1)
    problem: str
    measures: int
    measures_text: str
    status_class: str | None
    status_text: str | None
    deadlines: list[str] = field(default_factory=list)
    disclosure_start: str | None = None
    disclosure_end: str | None = None
    codes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Column order of every output (the dataclass fields, in order).
COLUMNS: list[str] = list(LedgerRow.__dataclass_fields__)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


Position = tuple[int, int]  # (line, column)


def _end(problem: Problem) -> Position:
    """Where a leaf problem's own text ends (heading, measures, status)."""
    spans = [problem.span, *(m.span for m in problem.measures), *problem.measure_labels]
    spans.extend(s.span for s in problem.status_lines)
    if problem.status is not None:
        spans.append(problem.status.span)
    return max((s.end_line, s.end_column) for s in spans)


def _leaves(section: Section) -> list[tuple[Area | None, Problem | None, Problem]]:
    """(area, parent, leaf) for every leaf problem of a section, in document order."""
    out: list[tuple[Area | None, Problem | None, Problem]] = []
    groups: list[tuple[Area | None, list[Problem]]] = [(None, section.problems)]
    groups.extend((area, area.problems) for area in section.areas)
    for area, problems in groups:
        for problem in problems:
            parent = problem if problem.children else None
            out.extend((area, parent, leaf) for leaf in problem.leaves())
    out.sort(key=lambda t: (t[2].span.line, t[2].span.column))
    return out


def _measures_text(problem: Problem) -> str:
    return "\n".join(
        f"{m.number}. {m.text}" if m.number is not None else m.text for m in problem.measures
    )


class _Codes:
    """Which rule codes start inside a stretch of the text (positions, not just lines:
    a flattened notice holds many problems on one line)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.found = sorted(((d.line, d.column), d.code) for d in diagnostics)

    def between(self, start: Position, end: Position) -> list[str]:
        return sorted({code for at, code in self.found if start <= at < end})


def ledger_rows(parsed: Parsed, diagnostics: list[Diagnostic], path: str) -> list[LedgerRow]:
    """The rows of one notice: every leaf problem of its progress sections."""
    notice = parsed.notice
    ledger = parsed.profile.ledger
    body_re = re.compile(ledger.inspection_body)
    suffix = re.compile(ledger.deadline_suffix)
    head = _head(notice, body_re)
    opening = notice.opening
    anchor = (opening.feedback_date or opening.inspection_end) if opening else None
    sign_date = notice.signature.date if notice.signature else None
    codes = _Codes(diagnostics)
    leaves = [(s, *t) for s in notice.progress_sections() for t in _leaves(s)]
    rows: list[LedgerRow] = []
    for i, (section, area, parent, problem) in enumerate(leaves):
        start, end = (problem.span.line, problem.span.column), _end(problem)
        nxt = leaves[i + 1] if i + 1 < len(leaves) else None
        if nxt is not None and nxt[0] is section and nxt[1] is area:
            following = nxt[3].span  # the text up to the next problem is this one's
            end = max(end, (following.line, following.column))
        measures_text = _measures_text(problem)
        deadlines = find_deadlines(measures_text, suffix, anchor)
        status = problem.status
        rows.append(
            LedgerRow(
                path=path,
                line=problem.span.line,
                section=section.heading,
                area_number=area.number if area else None,
                area=area.heading if area else None,
                problem_number=problem.number,
                parent_problem=parent.heading if parent else None,
                problem=problem.heading,
                measures=len(problem.measures),
                measures_text=measures_text,
                status_class=status.class_ if status else None,
                status_text=status.text if status else None,
                deadlines=[d.isoformat() for d in deadlines],
                codes=codes.between(start, end),
                flags=_flags(problem, deadlines, sign_date),
                **head,
            )
        )
    return rows


def _flags(problem: Problem, deadlines: list[dt.date], signed: dt.date | None) -> list[str]:
    """What makes a row stand out (:data:`FLAGS`)."""
    status = problem.status
    flags = []
    if status is None:
        flags.append("no_status")
    if not problem.measures:
        flags.append("no_measures")
    done = status is not None and status.class_ == "done"
    if done and signed is not None and any(day > signed for day in deadlines):
        flags.append("done_before_deadline")
    return flags


def _head(notice: Notice, body_re: re.Pattern[str]) -> dict[str, Any]:
    """The columns every row of a notice shares."""
    sig, opening, disclosure = notice.signature, notice.opening, notice.disclosure
    organ = (sig.organ if sig and sig.organ else None) or (
        notice.title.organ if notice.title else None
    )
    body = body_re.search(opening.text) if opening else None
    return {
        "organ": organ,
        "signature_date": _iso(sig.date if sig else None),
        "inspection_body": body.group(0) if body else None,
        "inspection_start": _iso(opening.inspection_start if opening else None),
        "inspection_end": _iso(opening.inspection_end if opening else None),
        "feedback_date": _iso(opening.feedback_date if opening else None),
        "disclosure_start": _iso(disclosure.start if disclosure else None),
        "disclosure_end": _iso(disclosure.end if disclosure else None),
    }
