"""NL503 (NumberingPunctuation): 序号后的标点错误，或序号后多了空格（`一.` `1、` `（一）、` `1. 关于`）。"""

from __future__ import annotations

import re
from dataclasses import dataclass

from noticelint.diagnostics import Fix
from noticelint.parse.tokens import H1_RE, H2_RE, H3_RE, H4_RE, Token
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.numbering.helpers import HEADING_TYPES, body_headings
from noticelint.text import WHITESPACE, WHITESPACE_CLASS


def _level(tok: Token) -> int:
    return HEADING_TYPES.index(tok.type) + 1


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


# How a marker with the right mark and no white space ends (NL503 has nothing to say).
_GOOD_END = {"H1": "、", "H2": "）)", "H3": ".", "H4": "）)"}

_SPACE = re.compile(WHITESPACE_CLASS)


def _marker(tok: Token, m: re.Match[str]) -> _Marker:
    """``tok``'s marker, as matched by ``m`` (its level's pattern)."""
    written = m.group(0)
    if tok.type in ("H1", "H3"):
        numeral, mark = m.group(1), m.group(2)
        canon = f"{numeral}、" if tok.type == "H1" else f"{numeral}."
    else:
        numeral, mark = m.group(2), m.group(4)
        canon = f"（{numeral}）"
    spaced = any(ch in WHITESPACE for ch in written)
    return _Marker(tok, written, canon, mark.strip(WHITESPACE), spaced)


def _is_good(kind: str, written: str) -> bool:
    """A marker written as its level's form with no white space (一、 1. （一） （1）, or
    the half-width brackets that are NL504's): the common case, told without parsing
    the marker into its parts. (A marker not told good here is parsed and judged.)"""
    return written[-1] in _GOOD_END[kind] and _SPACE.search(written) is None


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
        for tok in body_headings(ctx):
            m = _MARKER_RES[tok.type].match(tok.text)
            if m is None or _is_good(tok.type, m.group(0)):
                continue
            self._check(ctx, _marker(tok, m))

    def _check(self, ctx: Context, mk: _Marker) -> None:
        tok = mk.tok
        level = _level(tok)
        written = mk.written.rstrip(WHITESPACE)
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
        elif any(ch in WHITESPACE for ch in written):
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
