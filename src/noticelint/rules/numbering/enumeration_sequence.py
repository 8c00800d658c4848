"""NL505 (EnumerationSequence): “一是…二是…”的列举跳号、重号，或不从“一是”开始。"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter

from noticelint.parse.numerals import cn_to_int
from noticelint.parse.tokens import HEADINGS, TokenKind
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import body_tokens, cn_numeral

_ENUM_BOUNDARY = HEADINGS | {TokenKind.MLABEL, TokenKind.STATUS}


@dataclass(slots=True)
class _Enum:
    number: int
    text: str
    start: int
    end: int


_NUMERALS = "一二三四五六七八九十"


class _Patterns:
    """How the enumerations with one suffix are found."""

    __slots__ = ("after_numerals", "numbered")

    def __init__(self, suffix: str) -> None:
        escaped = re.escape(suffix)
        #: A run of 1–3 numerals and the suffix: the enumeration itself.
        self.numbered = re.compile(rf"([{_NUMERALS}]{{1,3}}){escaped}")
        #: The suffix after a run of exactly 3, 2 or 1 numerals that is not after a
        #: letter, digit or Chinese character (the run, in group 1, 2 or 3). Led by the
        #: suffix, so the regex engine skips to the next 是 at memchr speed (a pattern led
        #: by the numerals is tried at every numeral, one led by a look-behind at every
        #: character). ``None`` for a suffix that holds a numeral: only ``numbered`` finds
        #: the same matches there.
        self.after_numerals: re.Pattern[str] | None = None
        if suffix and not any(ch in _NUMERALS for ch in suffix):
            runs = "|".join(rf"(?<=(?<!\w)([{_NUMERALS}]{{{k}}}){escaped})" for k in (3, 2, 1))
            self.after_numerals = re.compile(rf"{escaped}(?:{runs})")


@lru_cache(maxsize=8)
def _enum_pattern(suffix: str) -> _Patterns:
    return _Patterns(suffix)


@cache
def _number(written: str, suffix: str) -> int | None:
    """The number of an enumeration as written (一是 → 1, 十二是 → 12): a handful of
    distinct ones recur."""
    return cn_to_int(written[: len(written) - len(suffix)])


def _after_word(text: str, start: int) -> bool:
    """Whether a letter, digit or Chinese character is before ``start`` (``\\w`` to
    the regex engine: ``str.isalnum`` or ``_``)."""
    if not start:
        return False
    before = text[start - 1]
    return before.isalnum() or before == "_"


def _enumerations(text: str, patterns: _Patterns) -> list[tuple[int, int]]:
    """Where the enumerations of ``text`` are: (start, end) of each match of
    ``patterns.numbered`` not after a letter, digit or Chinese character (统一是、第一是
    and 之一是 are words).

    A match rejected there cannot hide a valid one: a valid start is never inside a run of
    numerals or right after a suffix that is a word character. So each suffix is looked
    at once, with the run of numerals before it: a run of at most three, not after a
    word, makes the match the numeral-led scan would have made."""
    after_numerals = patterns.after_numerals
    if after_numerals is None:
        return [
            m.span() for m in patterns.numbered.finditer(text) if not _after_word(text, m.start())
        ]
    # The run of numerals is the one group of the three that took part (lastindex).
    return [(m.start() - len(m[m.lastindex or 0]), m.end()) for m in after_numerals.finditer(text)]


# An enumeration as found: (number, text, start, end); made an _Enum only in a group
# that is not a plain 一是、二是… series (most are: they need no further look).
_Found = tuple[int, str, int, int]

_number_of = itemgetter(0)


def _enum_groups(ctx: Context) -> list[list[_Found]]:
    """The enumerations of each unit of text: a heading paragraph, a 整改措施 block or a
    status narrative, with the plain paragraphs that follow it."""
    suffix = ctx.profile.numbering.enumeration_suffix
    patterns = _enum_pattern(suffix)
    groups: list[list[_Found]] = []
    group: list[_Found] = []
    for tok in body_tokens(ctx):
        if tok.type != TokenKind.TEXT:  # another unit starts, or a paragraph outside them
            if group:
                groups.append(group)
                group = []
            if tok.type not in _ENUM_BOUNDARY:
                continue
        text = tok.seg.text
        if suffix not in text:
            continue
        base = tok.seg.start
        for start, end in _enumerations(text, patterns):
            written = text[start:end]
            n = _number(written, suffix)
            if n:
                group.append((n, written, base + start, base + end))
    if group:
        groups.append(group)
    return groups


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
            if list(map(_number_of, group)) != list(range(1, len(group) + 1)):
                self._check(ctx, [_Enum(*found) for found in group], suffix)

    def _check(self, ctx: Context, group: list[_Enum], suffix: str) -> None:
        first = group[0]
        if first.number != 1:
            expected = _label(1, suffix)
            _report(
                ctx, first, f"列举不从{expected}开始：第一项为{quote(first.text)}，应为{expected}"
            )
        # Each entry: an item and the number it should have had. A 一是 in the middle
        # of a series opens a nested series; the outer one resumes when a number fits
        # it and not the inner one. After a slip the next item may follow either the
        # number as written or the number expected, so one slip is reported once.
        stack: list[tuple[_Enum, int]] = [(first, 1)]
        for e in group[1:]:
            n = e.number
            if _fits(stack[-1], n):
                stack[-1] = (e, n)
                continue
            if n == 1:
                stack.append((e, 1))
                continue
            outer = next((i for i in range(len(stack) - 2, -1, -1) if _fits(stack[i], n)), None)
            if outer is not None:
                del stack[outer + 1 :]
                stack[-1] = (e, n)
                continue
            prev, prev_should = stack[-1]
            expected = _label(prev_should + 1, suffix)
            if n == prev.number:
                line, column = ctx.parsed.index.position(prev.start)
                _report(
                    ctx,
                    e,
                    f"列举重号：{quote(e.text)}与第{line}行第{column}列的{quote(prev.text)}重复，"
                    f"此处应为{expected}",
                )
            elif n < prev.number:
                _report(
                    ctx,
                    e,
                    f"列举序号倒退：{quote(e.text)}出现在{quote(prev.text)}之后，此处应为{expected}",
                )
            else:
                _report(ctx, e, f"列举跳号：{quote(e.text)}之前应为{expected}")
            stack[-1] = (e, prev_should + 1)


def _fits(entry: tuple[_Enum, int], n: int) -> bool:
    """Whether ``n`` follows the entry's number as written or as it should have been."""
    return n == entry[0].number + 1 or n == entry[1] + 1


def _label(n: int, suffix: str) -> str:
    return f"“{cn_numeral(n)}{suffix}”"


def _report(ctx: Context, e: _Enum, message: str) -> None:
    ctx.report(message, ctx.span(e.start, e.end))
