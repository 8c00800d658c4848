"""The analysis the problems rules share (scans, patterns, small helpers)."""

from __future__ import annotations

from noticelint.model import Problem
from noticelint.rules.base import Context, compiled, per_document
from noticelint.span import Span


@per_document
def top_problems(ctx: Context) -> list[Problem]:
    """The problems (level 1. or their (1) children) of the progress sections, listed
    once per document for the rules that walk them."""
    return [p for section in ctx.notice.progress_sections() for p in section.all_problems()]


@per_document
def completion_claim(ctx: Context) -> tuple[str, Span] | None:
    """A claim that every problem is rectified, in the opening or the first section."""
    notice = ctx.notice
    places: list[tuple[str, Span]] = []
    if notice.opening is not None:
        places.append((notice.opening.text, notice.opening.span))
    if notice.sections:
        places.extend((p.text, p.span) for p in notice.sections[0].paragraphs[:3])
    all_done = compiled(ctx.profile.claims.all_done)
    for text, span in places:
        for pattern in all_done:
            m = pattern.search(text)
            if m:
                # the clause that makes the claim, for the message
                lo = max(text.rfind("，", 0, m.start()), text.rfind(",", 0, m.start()))
                lo = max(lo, text.rfind("。", 0, m.start())) + 1
                hi = m.end()
                at = ctx.start_of(span)
                return text[lo:hi], ctx.span(at + lo, at + hi)
    return None
