"""NL505 (EnumerationSequence): “一是…二是…”的列举跳号、重号，或不从“一是”开始。"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from noticelint.parse.numerals import cn_to_int
from noticelint.parse.tokens import HEADINGS, TokenKind
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import body_tokens, cn_numeral

_ENUM_BOUNDARY = HEADINGS | {TokenKind.MLABEL, TokenKind.STATUS}

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
    for tok in body_tokens(ctx):
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
