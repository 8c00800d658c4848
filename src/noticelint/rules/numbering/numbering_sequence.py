"""NL501 (NumberingSequence): 同一层次的序号跳号、重号或倒退（一、二、四；（1）（3）；1. 2. 2.）。"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise
from typing import Literal

from noticelint.model import Problem
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import (
    Item,
    Tokens,
    canonical,
    item_of,
    layouts,
    report_item,
    tokens_of,
)


def _items(tokens: Tokens, nodes: list[Problem], level: int) -> list[Item]:
    if not nodes:
        return []  # most problems have no sub-problems: no comprehension to run
    heads = tokens.heads
    return [
        Item(node.number, level, tok)
        for node in nodes
        if node.level == level
        and node.number is not None
        and (tok := heads.get((node.span.line, node.span.column))) is not None
    ]


def _walk(problems: list[Problem]) -> list[Problem]:
    """``problems`` and their sub-problems, depth first."""
    out: list[Problem] = []
    for problem in problems:
        out.append(problem)
        if problem.children:
            out += _walk(problem.children)
    return out


def _measure_blocks(tokens: Tokens, problem: Problem) -> list[list[Item]]:
    """The numbered measures of ``problem``, one list per 整改措施 block."""
    bodies = tokens.bodies
    numbered = [
        ((m.span.line, m.span.column), Item(m.number, 4, tok))
        for m in problem.measures
        if m.number is not None and (tok := bodies.get((m.span.line, m.span.column))) is not None
    ]
    if not numbered:
        return []
    labels = sorted((s.line, s.column) for s in problem.measure_labels)
    if len(labels) < 2:
        return [[item for _, item in numbered]]
    blocks: list[list[Item]] = [[] for _ in labels]
    for pos, item in numbered:
        # The block of the last label before the measure (the first block before any).
        blocks[max(0, bisect_left(labels, pos) - 1)].append(item)
    return [b for b in blocks if b]


Style = Literal["restart", "continue"]

_KIND_NAMES = {"problems": "问题", "subs": "子项", "measures": "整改措施"}


def _check_run(
    ctx: Context, items: list[Item], first: int | None, *, assumed: int | None = None
) -> int:
    """Report skips, repeats and backward steps in one run of sequence numbers.

    ``first`` is the number the run must start with (``None``: its start was judged
    by the caller, who may say what it should have been in ``assumed``). After a
    wrong number the next one is accepted if it follows either the number as written
    or the number that was expected, so one slip is reported once. Returns the number
    the last item should have had."""
    prev: Item | None = None
    should = 0  # the number ``prev`` should have had
    for item in items:
        n = item.number
        if prev is None:
            if first is not None and n != first:
                report_item(
                    ctx,
                    item,
                    f"序号不连续：{quote(item.marker)}之前应为“{canonical(item.level, first)}”",
                )
                should = first
            else:
                should = n if assumed is None else assumed
        elif n == should + 1:
            should = n
        elif n == prev.number + 1:
            should += 1
        else:
            expected = canonical(item.level, should + 1)
            if n == prev.number:
                message = (
                    f"序号重复：{quote(item.marker)}与第{prev.line}行的{quote(prev.marker)}重复，"
                    f"此处应为“{expected}”"
                )
            elif n < prev.number:
                message = (
                    f"序号倒退：{quote(item.marker)}出现在第{prev.line}行的{quote(prev.marker)}"
                    f"之后，此处应为“{expected}”"
                )
            else:
                message = f"序号不连续：{quote(item.marker)}之前应为“{expected}”"
            report_item(ctx, item, message)
            should += 1
        prev = item
    return should


def _boundary(first: int, *lasts: int) -> Style | None:
    """How a container's first number relates to the end of the previous container
    (as written, or as it should have been)."""
    if first == 1:
        return "restart"
    if any(first == last + 1 for last in lasts):
        return "continue"
    return None


def _check_chained(ctx: Context, kind: str, groups: list[list[list[Item]]]) -> None:
    """Numbering that may either restart in each container or continue across the
    containers of one group (problems across areas). Either style is valid; a mix
    of both in one notice is reported, against the style most containers use."""
    # Each group's non-empty runs (most containers have none of a kind).
    run_groups = [runs for group in groups if (runs := [run for run in group if run])]
    seen: list[Style] = []
    for runs in run_groups:
        for prev, run in pairwise(runs):
            here = _boundary(run[0].number, prev[-1].number)
            if here is not None:
                seen.append(here)
    continues, restarts = seen.count("continue"), seen.count("restart")
    style: Style | None = None
    if seen:
        style = "continue" if continues > restarts else "restart"
        if continues == restarts:
            style = seen[0]
    name = _KIND_NAMES[kind]
    for runs in run_groups:
        should = 0
        for i, run in enumerate(runs):
            head = run[0]
            if i == 0:
                should = _check_run(ctx, run, 1)
                continue
            prev = runs[i - 1]
            last = should
            here = _boundary(head.number, prev[-1].number, should)
            if here is not None and style in (None, here):
                should = _check_run(ctx, run, None)
                continue
            if style is None:  # no other container to go by: a larger number continues
                assumed = last + 1 if head.number > last else 1
            else:
                assumed = 1 if style == "restart" else last + 1
            if here == "continue":
                report_item(
                    ctx,
                    head,
                    f"编号方式不一致：{quote(head.marker)}接续了上一部分的编号（止于第{prev[-1].line}行"
                    f"{quote(prev[-1].marker)}），而本通报其他部分的{name}从"
                    f"“{canonical(head.level, 1)}”重新编号；同一通报应统一编号方式",
                )
            elif here == "restart":
                report_item(
                    ctx,
                    head,
                    f"编号方式不一致：{quote(head.marker)}重新从“{canonical(head.level, 1)}”编号，"
                    f"而本通报其他部分的{name}接续上一部分编号（此处应为"
                    f"“{canonical(head.level, last + 1)}”）；同一通报应统一编号方式",
                )
            else:
                restart = canonical(head.level, 1)
                cont = canonical(head.level, last + 1)
                if style == "restart":
                    expected = f"“{restart}”"
                elif style == "continue":
                    expected = f"“{cont}”"
                elif assumed == 1:
                    expected = f"“{restart}”（重新编号）或“{cont}”（接续编号）"
                else:
                    expected = f"“{cont}”（接续编号）或“{restart}”（重新编号）"
                report_item(ctx, head, f"序号不连续：{quote(head.marker)}之前应为{expected}")
            should = _check_run(ctx, run, None, assumed=assumed)


@register
class NumberingSequence(Rule):
    """同一层次的序号跳号、重号或倒退（一、二、四；（1）（3）；1. 2. 2.）。

    ## 检查什么 (What it does)
    逐级检查序号：一级标题（一、二、三…）、各部分下的（一）（二）…、问题序号 1. 2. …、
    子项和整改措施的（1）（2）…。同一层次内序号应从一开始、逐一递增；跳号、重号、倒退时报告，
    并指出此处应有的序号。问题序号在各方面之间可以接续编号（1—44 连续），也可以每个方面从 1
    重新编号；同一通报中两种方式混用时报告与多数不一致的那一处。网页残留（如
    `[bookmark: _GoBack]`）已在分段时剔除，不影响编号。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条规定层次序数依次为“一、”“（一）”“1.”“（1）”。序号缺失或重复，
    读者会以为漏发了内容，也无法按序号引用某个问题。

    ## 错误示例 (Bad)
    ```text
    一、巡察整改落实情况
    ……
    三、下一步工作打算及计划
    ```

    ## 正确示例 (Good)
    ```text
    一、整改工作组织领导情况
    二、巡察整改落实情况
    三、下一步工作打算及计划
    ```
    """

    code = "NL501"
    name = "numbering-sequence"
    severity = "error"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        tokens = tokens_of(ctx)
        notice = ctx.notice
        sections = [i for s in notice.sections if (i := item_of(tokens, s, 1)) is not None]
        _check_run(ctx, sections, 1)
        for section, layout in zip(notice.sections, layouts(ctx), strict=True):
            areas = [i for a in layout.areas if (i := item_of(tokens, a, 2)) is not None]
            # Problems written on the （一） level (（一）关于…问题 + labels) number like areas.
            areas += _items(tokens, section.problems, 2)
            areas.sort(key=lambda item: item.line)
            _check_run(ctx, areas, 1)

        problem_groups: list[list[list[Item]]] = []
        sub_groups: list[list[list[Item]]] = []
        measure_groups: list[list[list[Item]]] = []
        for layout in layouts(ctx):
            containers = layout.containers
            # Problems at 1. (and at （1） where a container has no 1. level).
            problem_groups.append([_items(tokens, c, 3) for c in containers])
            problem_groups.append([_items(tokens, c, 4) for c in containers])
            for container in containers:
                sub_groups.append(
                    [_items(tokens, p.children, 4) for p in container if p.level == 3]
                )
                blocks: list[list[Item]] = []
                for problem in _walk(container):
                    if problem.measures:
                        blocks += _measure_blocks(tokens, problem)
                measure_groups.append(blocks)
        _check_chained(ctx, "problems", problem_groups)
        _check_chained(ctx, "subs", sub_groups)
        _check_chained(ctx, "measures", measure_groups)
