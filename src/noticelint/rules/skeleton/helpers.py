"""The analysis the skeleton rules share (scans, patterns, small helpers)."""

from __future__ import annotations

import re

from noticelint.model import Measure, Section
from noticelint.rules.base import Context, per_document
from noticelint.span import Span

KIND_NAMES = {
    "leadership": "整改组织领导（基本情况）",
    "progress": "反馈问题整改进展",
    "clues": "问题线索处理",
    "next_steps": "下一步工作打算",
    "other": "其他",
}

NEXT_STEPS_START = re.compile(r"(?:下一步|今后)[，,：:]?")

NEXT_STEPS_TEXT = re.compile(r"(?:^|[。；;，,])\s*(?:下一步|今后)[，,：:]?")

CLUES_TEXT = re.compile(r"^(?:关于)?(?:接收|收到|巡察组移交|移交)[^。]{0,12}(?:问题线索|信访)")


def _trailing_paragraphs(section: Section) -> list[Measure]:
    """A section's own paragraphs, and the paragraphs that end its last problem (a
    下一步 paragraph after the last problem attaches to that problem)."""
    paras = list(section.paragraphs)
    problems = section.all_problems()
    last = problems[-1:]
    while last:
        problem = last[0]
        paras.extend(m for m in problem.measures if NEXT_STEPS_START.match(m.text))
        last = problem.children[-1:]
    for area in section.areas:
        paras.extend(area.paragraphs)
    return paras


@per_document
def trailing_paragraphs(ctx: Context) -> list[Measure]:
    """The trailing paragraphs of every section, in document order."""
    return [para for section in ctx.notice.sections for para in _trailing_paragraphs(section)]


def first_unheaded(ctx: Context, kind: str) -> Span | None:
    """The first paragraph of ``kind`` content sitting in a section of another kind."""
    return unheaded_next_steps(ctx) if kind == "next_steps" else unheaded_clues(ctx)


@per_document
def unheaded_next_steps(ctx: Context) -> Span | None:
    return _first_unheaded(ctx, "next_steps", NEXT_STEPS_TEXT)


@per_document
def unheaded_clues(ctx: Context) -> Span | None:
    return _first_unheaded(ctx, "clues", CLUES_TEXT)


def _first_unheaded(ctx: Context, kind: str, pattern: re.Pattern[str]) -> Span | None:
    for section in ctx.notice.sections:
        if section.kind == kind:
            return None
    for para in trailing_paragraphs(ctx):
        m = pattern.search(para.text)
        if m:
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("。；;，, "))
            at = ctx.start_of(para.span)
            return ctx.span(at + start, at + m.end())
    return None
