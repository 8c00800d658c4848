"""NL5 — numbering and hierarchy.

The levels of a notice are those of GB/T 9704-2012: ``一、`` (sections) → ``（一）``
(areas) → ``1.`` (problems) → ``（1）`` (sub-problems, or measures after 整改措施).
The rules read the typed model (sections, areas, problems, measures and their
``number``) and go back to the classifier's tokens only for what the model does
not keep: the marker as written (NL503, NL504) and the 一是/二是 enumerations
inside paragraphs (NL505).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from noticelint.diagnostics import Edit, Fix
from noticelint.model import Area, Problem, Section
from noticelint.parse.numerals import cn_to_int
from noticelint.parse.tokens import H1_RE, H2_RE, H3_RE, H4_RE, Token
from noticelint.rules.base import Context, Rule, quote, register

HEADING_TYPES = ("H1", "H2", "H3", "H4")
ORDER = "一、→（一）→1.→（1）"
_CN_DIGITS = "零一二三四五六七八九"
_WS = " \t\u3000\xa0"


def cn_numeral(n: int) -> str:
    """``12`` → ``"十二"``, ``105`` → ``"一百零五"``; Arabic digits from 1000 on (a run of
    headings can count past 九十九, and a hostile text can hold thousands of them)."""
    if not 0 <= n < 1000:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = _CN_DIGITS[hundreds] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return f"{head}零{_CN_DIGITS[rest]}"  # 一百零五
        return head + ("一" if rest < 20 else "") + cn_numeral(rest)  # 一百一十二
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def canonical(level: int, n: int) -> str:
    """The marker of number ``n`` at ``level`` (1 = 一、 … 4 = （1）) as GB/T 9704 writes it."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def _level(tok: Token) -> int:
    return HEADING_TYPES.index(tok.type) + 1


def marker_edit_range(tok: Token) -> tuple[int, int]:
    """Source offsets of a heading token's marker (as written, without trailing space)."""
    return tok.seg.start, tok.seg.start + len(tok.marker)


def _body_tokens(ctx: Context) -> list[Token]:
    """The tokens from the first ``一、`` heading on (the front matter never numbers)."""
    tokens = ctx.parsed.tokens
    for i, tok in enumerate(tokens):
        if tok.type == "H1":
            return tokens[i:]
    return []


class _Tokens:
    """Finds the token behind a model node (the model keeps spans, not markers)."""

    def __init__(self, ctx: Context) -> None:
        self.heads: dict[tuple[int, int], Token] = {}
        self.bodies: dict[tuple[int, int], Token] = {}
        for tok in ctx.parsed.tokens:
            if tok.type in HEADING_TYPES:
                self.heads[(tok.seg.line, tok.seg.column)] = tok
                if tok.type == "H4":
                    self.bodies[(tok.seg.line, tok.seg.column + tok.body_offset)] = tok

    def head(self, node: Section | Area | Problem) -> Token | None:
        return self.heads.get((node.span.line, node.span.column))

    def measure(self, line: int, column: int) -> Token | None:
        return self.bodies.get((line, column))


@dataclass(slots=True)
class _Item:
    """A numbered unit: its number, level and the token that carries its marker."""

    number: int
    level: int
    tok: Token

    @property
    def marker(self) -> str:
        return self.tok.marker

    @property
    def line(self) -> int:
        return self.tok.seg.line


def _item(tokens: _Tokens, node: Section | Area | Problem, level: int) -> _Item | None:
    tok = tokens.head(node)
    if tok is None or node.number is None:
        return None
    return _Item(node.number, level, tok)


def _items(tokens: _Tokens, nodes: list[Problem], level: int) -> list[_Item]:
    out = []
    for node in nodes:
        if node.level == level:
            item = _item(tokens, node, level)
            if item is not None:
                out.append(item)
    return out


@dataclass(slots=True)
class _Layout:
    """A section's areas as the notice means them.

    An area run that starts again at （一） right after a ``1.`` item, and after which
    the ``1.`` numbering simply continues, is not a run of areas but sub-items written
    at the wrong level inside that item (NL502): ``nested`` holds those runs, and their
    problems are folded into the preceding real area."""

    areas: list[Area]
    containers: list[list[Problem]]  # the section's own problems, then each real area's
    nested: list[tuple[Area, Problem]]  # first area of each nested run, and its host item


def _last_numbered(problems: list[Problem]) -> Problem | None:
    return next((p for p in reversed(problems) if p.level == 3 and p.number), None)


def _layout(section: Section) -> _Layout:
    areas: list[Area] = []
    containers: list[list[Problem]] = [list(section.problems)]
    nested: list[tuple[Area, Problem]] = []
    all_areas = section.areas
    k = 0
    while k < len(all_areas):
        area = all_areas[k]
        host = _last_numbered(containers[-1])
        if host is not None and host.number is not None and area.number == 1:
            # Areas （一）（二）… without 1. items, then the area that holds the next 1.
            j = k
            while j < len(all_areas) and _last_numbered(all_areas[j].problems) is None:
                j += 1
            after = all_areas[j] if j < len(all_areas) else None
            follow = next((p for p in after.problems if p.level == 3), None) if after else None
            # A single repeated （一） is a typo (NL501), not a nested run.
            if j > k and follow is not None and follow.number == host.number + 1:
                nested.append((area, host))
                for folded in all_areas[k : j + 1]:
                    containers[-1].extend(folded.problems)
                k = j + 1
                continue
        areas.append(area)
        containers.append(list(area.problems))
        k += 1
    return _Layout(areas, containers, nested)


def _walk(problems: list[Problem]) -> Iterator[Problem]:
    for problem in problems:
        yield problem
        yield from _walk(problem.children)


def _measure_blocks(tokens: _Tokens, problem: Problem) -> list[list[_Item]]:
    """The numbered measures of ``problem``, one list per 整改措施 block."""
    numbered = []
    for m in problem.measures:
        if m.number is None:
            continue
        tok = tokens.measure(m.span.line, m.span.column)
        if tok is not None:
            numbered.append(((m.span.line, m.span.column), _Item(m.number, 4, tok)))
    if not numbered:
        return []
    labels = sorted((s.line, s.column) for s in problem.measure_labels)
    blocks: list[list[_Item]] = [[] for _ in range(max(1, len(labels)))]
    for pos, item in numbered:
        k = sum(1 for label in labels if label < pos) - 1
        blocks[max(0, k)].append(item)
    return [b for b in blocks if b]


def _report(ctx: Context, item: _Item, message: str) -> None:
    start, end = marker_edit_range(item.tok)
    ctx.report(message, ctx.span(start, end))


# --- NL501 --------------------------------------------------------------------------

Style = Literal["restart", "continue"]
_KIND_NAMES = {"problems": "问题", "subs": "子项", "measures": "整改措施"}


def _check_run(
    ctx: Context, items: list[_Item], first: int | None, *, assumed: int | None = None
) -> int:
    """Report skips, repeats and backward steps in one run of sequence numbers.

    ``first`` is the number the run must start with (``None``: its start was judged
    by the caller, who may say what it should have been in ``assumed``). After a
    wrong number the next one is accepted if it follows either the number as written
    or the number that was expected, so one slip is reported once. Returns the number
    the last item should have had."""
    prev: _Item | None = None
    should = 0  # the number ``prev`` should have had
    for item in items:
        n = item.number
        if prev is None:
            if first is not None and n != first:
                _report(
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
            _report(ctx, item, message)
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


def _check_chained(ctx: Context, kind: str, groups: list[list[list[_Item]]]) -> None:
    """Numbering that may either restart in each container or continue across the
    containers of one group (problems across areas). Either style is valid; a mix
    of both in one notice is reported, against the style most containers use."""
    seen: list[Style] = []
    for group in groups:
        runs = [run for run in group if run]
        for prev, run in pairwise(runs):
            here = _boundary(run[0].number, prev[-1].number)
            if here is not None:
                seen.append(here)
    counts = Counter(seen)
    style: Style | None = None
    if seen:
        style = "continue" if counts["continue"] > counts["restart"] else "restart"
        if counts["continue"] == counts["restart"]:
            style = seen[0]
    name = _KIND_NAMES[kind]
    for group in groups:
        runs = [run for run in group if run]
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
                _report(
                    ctx,
                    head,
                    f"编号方式不一致：{quote(head.marker)}接续了上一部分的编号（止于第{prev[-1].line}行"
                    f"{quote(prev[-1].marker)}），而本通报其他部分的{name}从"
                    f"“{canonical(head.level, 1)}”重新编号；同一通报应统一编号方式",
                )
            elif here == "restart":
                _report(
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
                _report(ctx, head, f"序号不连续：{quote(head.marker)}之前应为{expected}")
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
        tokens = _Tokens(ctx)
        notice = ctx.notice
        sections = [i for s in notice.sections if (i := _item(tokens, s, 1)) is not None]
        _check_run(ctx, sections, 1)
        for section in notice.sections:
            areas = [i for a in _layout(section).areas if (i := _item(tokens, a, 2)) is not None]
            # Problems written on the （一） level (（一）关于…问题 + labels) number like areas.
            areas += _items(tokens, section.problems, 2)
            areas.sort(key=lambda item: item.line)
            _check_run(ctx, areas, 1)

        problem_groups: list[list[list[_Item]]] = []
        sub_groups: list[list[list[_Item]]] = []
        measure_groups: list[list[list[_Item]]] = []
        for section in notice.sections:
            containers = _layout(section).containers
            # Problems at 1. (and at （1） where a container has no 1. level).
            problem_groups.append([_items(tokens, c, 3) for c in containers])
            problem_groups.append([_items(tokens, c, 4) for c in containers])
            for container in containers:
                sub_groups.append(
                    [_items(tokens, p.children, 4) for p in container if p.level == 3]
                )
                blocks: list[list[_Item]] = []
                for problem in _walk(container):
                    blocks.extend(_measure_blocks(tokens, problem))
                measure_groups.append(blocks)
        _check_chained(ctx, "problems", problem_groups)
        _check_chained(ctx, "subs", sub_groups)
        _check_chained(ctx, "measures", measure_groups)


# --- NL502 / NL506 -------------------------------------------------------------------


def _inversions(tokens: _Tokens, section: Section) -> Iterator[tuple[_Item, _Item]]:
    """(higher-level item, the lower-level item it follows) for each place where a
    level is used below a level that should be under it."""
    layout = _layout(section)
    lower_problems = [p for p in section.problems if p.level >= 3]  # not （一）关于…问题
    if layout.areas and lower_problems:
        last = lower_problems[-1]
        area = _item(tokens, layout.areas[0], 2)
        lower = _item(tokens, last, last.level)
        if area is not None and lower is not None:
            yield area, lower
    for nested, host in layout.nested:
        area = _item(tokens, nested, 2)
        lower = _item(tokens, host, 3)
        if area is not None and lower is not None:
            yield area, lower
    for container in layout.containers:
        sub: Problem | None = None
        for problem in container:
            if problem.level == 4 and sub is None:
                sub = problem
            elif problem.level == 3 and sub is not None:
                high = _item(tokens, problem, 3)
                low = _item(tokens, sub, 4)
                if high is not None and low is not None:
                    yield high, low
                break


@register
class HierarchyOrder(Rule):
    """层次序数颠倒：高一级的序号用在了低一级之下（如“1.”之下出现“（一）”）。

    ## 检查什么 (What it does)
    层次序数依次为一、→（一）→1.→（1）。以下情形报告，位置指向用错层次的那个序号：
    某一部分先用了“1.”、其后又出现“（一）”；某个“1.”条目之后另起“（一）（二）…”，
    其后的“1.”序号却接着往下编（这些“（一）（二）”实为该条目的下级）；先用了“（1）”、
    其后又出现“1.”。单个重复的“（一）”按序号错误由 NL501 报告。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条规定了层次序数的先后。层次颠倒会让读者误判各条之间的从属关系，
    也使问题数无法核对。

    ## 错误示例 (Bad)
    ```text
    三、下一步工作打算
    1.巩固整改成果。
    （一）持续压实整改责任。
    （二）健全长效机制。
    ```

    ## 正确示例 (Good)
    ```text
    三、下一步工作打算
    （一）持续压实整改责任。
    （二）健全长效机制。
    ```
    """

    code = "NL502"
    name = "hierarchy-order"
    severity = "error"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        tokens = _Tokens(ctx)
        for section in ctx.notice.sections:
            for high, low in _inversions(tokens, section):
                _report(
                    ctx,
                    high,
                    f"层次颠倒：{quote(high.marker)}是比{quote(low.marker)}高的层次，却出现在第"
                    f"{low.line}行的{quote(low.marker)}之后、成了它的下级；层次序数应依次为{ORDER}",
                )


@register
class LevelSkip(Rule):
    """层次跳级：某一级之下直接用了隔一级的序号（如“三、”之下直接用“1.”）。

    ## 检查什么 (What it does)
    一级标题（一、）之下直接出现“1.”或“（1）”而没有“（一）”，或“（一）”之下直接出现
    “（1）”而没有“1.”时提示，每个上级只提示一次，位置指向第一个跳级的序号。层次颠倒的情形
    由 NL502 报告，这里不重复。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条的层次序数是“依次”使用的；跳过一级虽不影响阅读，但与规范不符，
    且同一通报中各部分的层次不一致。

    ## 错误示例 (Bad)
    ```text
    三、今后整改工作打算
    1.明确职责，落实责任。
    2.统一思想，深化整改。
    ```

    ## 正确示例 (Good)
    ```text
    三、今后整改工作打算
    （一）明确职责，落实责任。
    （二）统一思想，深化整改。
    ```
    """

    code = "NL506"
    name = "level-skip"
    severity = "info"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        tokens = _Tokens(ctx)
        for section in ctx.notice.sections:
            if section.areas and section.problems:
                continue  # NL502
            parent = _item(tokens, section, 1)
            if parent is None:
                continue
            if section.problems:
                self._skip(ctx, tokens, parent, section.problems)
            for area in section.areas:
                high = _item(tokens, area, 2)
                if high is not None and all(p.level == 4 for p in area.problems):
                    self._skip(ctx, tokens, high, area.problems)

    def _skip(self, ctx: Context, tokens: _Tokens, parent: _Item, problems: list[Problem]) -> None:
        if not problems:
            return
        first = problems[0]
        item = _item(tokens, first, first.level)
        if item is None:
            return
        levels = range(parent.level + 1, item.level)
        if not levels:
            return
        missing = "、".join(f"“{canonical(lv, 1)}”" for lv in levels)
        _report(
            ctx,
            item,
            f"层次跳级：{quote(parent.marker)}之下直接使用{quote(item.marker)}，"
            f"缺少{missing}{'一级' if len(levels) == 1 else '两级'}；层次序数应依次为{ORDER}",
        )


# --- NL503 --------------------------------------------------------------------------

_MARKER_RES = {"H1": H1_RE, "H2": H2_RE, "H3": H3_RE, "H4": H4_RE}
_MARKS = {1: "、", 2: "", 3: ".", 4: ""}  # the mark after the number (none after brackets)


@dataclass(slots=True)
class _Marker:
    """A heading marker as written and its canonical form."""

    tok: Token
    written: str  # marker and the white space after it
    canonical: str
    mark: str  # the punctuation written after the number (or after the brackets)
    spaced: bool  # white space inside or after the marker


def _marker(tok: Token) -> _Marker | None:
    m = _MARKER_RES[tok.type].match(tok.text)
    if m is None:
        return None
    written = m.group(0)
    if tok.type in ("H1", "H3"):
        numeral, mark = m.group(1), m.group(2)
        canon = f"{numeral}、" if tok.type == "H1" else f"{numeral}."
    else:
        numeral, mark = m.group(2), m.group(4)
        canon = f"（{numeral}）"
    spaced = any(ch in _WS for ch in written)
    return _Marker(tok, written, canon, mark.strip(_WS), spaced)


@register
class NumberingPunctuation(Rule):
    """序号后的标点错误，或序号后多了空格（`一.` `1、` `（一）、` `1. 关于`）。

    ## 检查什么 (What it does)
    层次序数的写法是“一、”“（一）”“1.”“（1）”：汉字序号后用顿号，阿拉伯数字序号后用下脚点，
    括号序号后不再加标点，序号与正文之间不空格。写成“一.”“1、”“1，”“（一）、”“(1).”，
    序号后缺标点（“1 关于”），或序号后、括号内有空格（“1. 关于”“（1） 对负责”）时报告。
    安全修复把序号改写为规范形式（同时改用全角括号）。

    ## 为什么 (Why it matters)
    GB/T 9704-2012 第 7.3.3 条给出了各层次序数的写法；GB/T 15834-2011 规定汉字序次语之后用顿号。
    标点不一致的序号看起来像不同的层次。

    ## 错误示例 (Bad)
    ```text
    一.巡察反馈问题整改进展情况
    1、关于落实“两个责任”不够有力的问题。
    （一）、聚焦群众身边腐败问题方面
    ```

    ## 正确示例 (Good)
    ```text
    一、巡察反馈问题整改进展情况
    （一）聚焦群众身边腐败问题方面
    1.关于落实“两个责任”不够有力的问题。
    ```
    """

    code = "NL503"
    name = "numbering-punctuation"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 9704-2012"

    def check(self, ctx: Context) -> None:
        for tok in _body_tokens(ctx):
            if tok.type not in HEADING_TYPES:
                continue
            mk = _marker(tok)
            if mk is None:
                continue
            self._check(ctx, mk)

    def _check(self, ctx: Context, mk: _Marker) -> None:
        tok = mk.tok
        level = _level(tok)
        written = mk.written.rstrip(_WS)
        start = tok.seg.start
        wrong_mark = mk.mark != _MARKS[level]
        if not wrong_mark and not mk.spaced:
            return
        if wrong_mark and not mk.mark:
            message = f"序号{quote(written)}后缺少{'顿号“、”' if level == 1 else '下脚点“.”'}，应为“{mk.canonical}”"
        elif wrong_mark and level in (2, 4):
            message = (
                f"序号标点错误：{quote(written)}括号后不应再加“{mk.mark}”，应为“{mk.canonical}”"
            )
        elif wrong_mark:
            message = f"序号标点错误：{quote(written)}应为“{mk.canonical}”"
        elif any(ch in _WS for ch in written):
            message = f"序号{quote(written)}内有多余空格，应为“{mk.canonical}”"
        else:
            message = f"序号{quote(written)}后有多余空格：序号应紧接正文，写作“{mk.canonical}”"
        end = start + len(mk.written)
        ctx.report(
            message,
            ctx.span(start, end),
            fix=Fix(
                applicability="safe",
                message=f"改为“{mk.canonical}”",
                edits=[ctx.edit(start, end, mk.canonical)],
            ),
        )


# --- NL504 --------------------------------------------------------------------------


def _bracket_edits(ctx: Context, tok: Token) -> list[Edit]:
    start, _ = marker_edit_range(tok)
    return [
        ctx.edit(start + i, start + i + 1, "（" if ch == "(" else "）")
        for i, ch in enumerate(tok.marker)
        if ch in "()"
    ]


@register
class BracketWidth(Rule):
    """序号用了半角括号 `(一)` `(1)`，或半角与全角括号混用。

    ## 检查什么 (What it does)
    “（一）”“（1）”两级序号应使用全角括号。用半角括号 `(一)` `(1)` 时报告。若全文大多数带括号
    的序号都是半角（网站或抓取工具整体转换了标点，比例阈值同 NL801 的 `halfwidth-file-ratio`），
    只在第一个半角序号处报告一次，并给出半角和全角的个数；否则逐个报告半角序号。
    安全修复把半角括号改为全角。

    ## 为什么 (Why it matters)
    GB/T 15834-2011 规定中文文本使用全角标点，GB/T 9704-2012 的层次序数“（一）”“（1）”
    用的是全角括号；同一通报中 `(2)` 与 `（2）` 混用显得不规范。

    ## 错误示例 (Bad)
    ```text
    (1)制定并下发《关于进一步加强教育系统理论学习中心组学习的通知》。
    （2）根据省、市校服管理办法，研究制定校服管理办法。
    ```

    ## 正确示例 (Good)
    ```text
    （1）制定并下发《关于进一步加强教育系统理论学习中心组学习的通知》。
    （2）根据省、市校服管理办法，研究制定校服管理办法。
    ```
    """

    code = "NL504"
    name = "bracket-width"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"

    def check(self, ctx: Context) -> None:
        half: list[Token] = []
        full = 0
        for tok in _body_tokens(ctx):
            if tok.type not in ("H2", "H4"):
                continue
            if "(" in tok.marker or ")" in tok.marker:
                half.append(tok)
            else:
                full += 1
        if not half:
            return
        ratio = len(half) / (len(half) + full)
        if len(half) > 1 and ratio >= ctx.profile.typography.halfwidth_file_ratio:
            first = half[0]
            others = f"（全角{full}个）" if full else ""
            edits = [e for tok in half for e in _bracket_edits(ctx, tok)]
            ctx.report(
                f"序号括号为半角：全文{len(half)}个序号用半角括号{others}，如第{first.seg.line}行的"
                f"{quote(first.marker)}；应统一使用全角括号“（一）”“（1）”",
                ctx.span(*marker_edit_range(first)),
                fix=Fix(
                    applicability="safe",
                    message=f"把{len(half)}个序号的半角括号改为全角",
                    edits=edits,
                ),
            )
            return
        for tok in half:
            good = tok.marker.replace("(", "（").replace(")", "）")
            rest = f"（本通报其余{full}个序号用全角括号）" if full else ""
            ctx.report(
                f"序号{quote(tok.marker)}用了半角括号，应为“{good}”{rest}",
                ctx.span(*marker_edit_range(tok)),
                fix=Fix(
                    applicability="safe",
                    message=f"改为“{good}”",
                    edits=_bracket_edits(ctx, tok),
                ),
            )


# --- NL505 --------------------------------------------------------------------------

_ENUM_BOUNDARY = frozenset(("H1", "H2", "H3", "H4", "MLABEL", "STATUS"))
_ENUM_MEMBER = frozenset(("TEXT",))


@dataclass(slots=True)
class _Enum:
    number: int
    text: str
    start: int
    end: int


@lru_cache(maxsize=8)
def _enum_pattern(suffix: str) -> re.Pattern[str]:
    # Led by the numeral class, not by a look-behind (which the regex engine would try
    # at every character); "not after a word character" is tested on each match.
    return re.compile(rf"([一二三四五六七八九十]{{1,3}}){re.escape(suffix)}")


_WORD = re.compile(r"\w")


def _enumerations(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` not after a letter, digit or Chinese character
    (统一是、第一是 and 之一是 are words). A match rejected here cannot hide a valid
    one: a valid start is never inside a run of numerals or right after a suffix
    that is a word character."""
    for m in pattern.finditer(text):
        start = m.start()
        if start and _WORD.match(text, start - 1):
            continue
        yield m


def _enum_groups(ctx: Context) -> Iterator[list[_Enum]]:
    """The enumerations of each unit of text: a heading paragraph, a 整改措施 block or a
    status narrative, with the plain paragraphs that follow it."""
    suffix = ctx.profile.numbering.enumeration_suffix
    pattern = _enum_pattern(suffix)
    group: list[_Enum] = []
    for tok in _body_tokens(ctx):
        if tok.type in _ENUM_BOUNDARY:
            if group:
                yield group
            group = []
        elif tok.type not in _ENUM_MEMBER:
            if group:
                yield group
            group = []
            continue
        if suffix not in tok.text:
            continue
        for m in _enumerations(tok.text, pattern):
            n = cn_to_int(m.group(1))
            if n is not None and n > 0:
                group.append(
                    _Enum(n, m.group(0), tok.seg.start + m.start(), tok.seg.start + m.end())
                )
    if group:
        yield group


@register
class EnumerationSequence(Rule):
    """“一是…二是…”的列举跳号、重号，或不从“一是”开始。

    ## 检查什么 (What it does)
    在每个问题、每段整改措施或整改进展叙述中找出“一是、二是、三是…”式的列举（列举词须在段首
    或标点之后，“统一是”“之一是”不算），要求从“一是”开始、逐一递增。跳号（一是、三是）、
    重号（四是、四是）、倒退时报告，并指出此处应为第几项。列举中间另起的“一是…”视为嵌套的
    新列举，结束后回到外层继续计数。列举词（默认“是”）可在规则配置 `[numbering]` 中修改。

    ## 为什么 (Why it matters)
    “一是、二是”是公文列举整改措施的惯用写法；重号或跳号让读者以为漏写了措施，
    也说明稿件未经仔细校对。

    ## 错误示例 (Bad)
    ```text
    7.加强家校共建共管。一是成立家庭教育指导中心……二是开展千师访万家活动……
    三是开展亲子行活动……四是开办普法栏目……四是积极推进“互联网+教育”……
    ```

    ## 正确示例 (Good)
    ```text
    7.加强家校共建共管。一是成立家庭教育指导中心……二是开展千师访万家活动……
    三是开展亲子行活动……四是开办普法栏目……五是积极推进“互联网+教育”……
    ```
    """

    code = "NL505"
    name = "enumeration-sequence"
    severity = "warning"

    def check(self, ctx: Context) -> None:
        suffix = ctx.profile.numbering.enumeration_suffix
        for group in _enum_groups(ctx):
            self._check(ctx, group, suffix)

    def _check(self, ctx: Context, group: list[_Enum], suffix: str) -> None:
        def label(n: int) -> str:
            return f"“{cn_numeral(n)}{suffix}”"

        def report(e: _Enum, message: str) -> None:
            ctx.report(message, ctx.span(e.start, e.end))

        first = group[0]
        should = 1 if first.number != 1 else first.number
        if first.number != 1:
            report(first, f"列举不从{label(1)}开始：第一项为{quote(first.text)}，应为{label(1)}")
        # Each entry: an item and the number it should have had. A 一是 in the middle
        # of a series opens a nested series; the outer one resumes when a number fits
        # it and not the inner one. After a slip the next item may follow either the
        # number as written or the number expected, so one slip is reported once.
        stack: list[tuple[_Enum, int]] = [(first, should)]

        def fits(entry: tuple[_Enum, int], n: int) -> bool:
            return n in (entry[0].number + 1, entry[1] + 1)

        for e in group[1:]:
            if fits(stack[-1], e.number):
                stack[-1] = (e, e.number)
                continue
            if e.number == 1:
                stack.append((e, 1))
                continue
            outer = next(
                (i for i in range(len(stack) - 2, -1, -1) if fits(stack[i], e.number)), None
            )
            if outer is not None:
                del stack[outer + 1 :]
                stack[-1] = (e, e.number)
                continue
            prev, prev_should = stack[-1]
            expected = label(prev_should + 1)
            if e.number == prev.number:
                line, column = ctx.parsed.index.position(prev.start)
                report(
                    e,
                    f"列举重号：{quote(e.text)}与第{line}行第{column}列的{quote(prev.text)}重复，"
                    f"此处应为{expected}",
                )
            elif e.number < prev.number:
                report(
                    e,
                    f"列举序号倒退：{quote(e.text)}出现在{quote(prev.text)}之后，此处应为{expected}",
                )
            else:
                report(e, f"列举跳号：{quote(e.text)}之前应为{expected}")
            stack[-1] = (e, prev_should + 1)
