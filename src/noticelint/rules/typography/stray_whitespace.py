"""NL803 (StrayWhitespace): 多余的空白：汉字之间的空格、行尾空格、制表符缩进、连续多个空行。"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from noticelint.diagnostics import Edit, Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.typography.helpers import OpenMarks, Scan, excerpt, is_cjk, scan
from noticelint.text import WHITESPACE, WHITESPACE_CLASS, is_han

# NL803: white space.
_SPACE_RUN = re.compile(rf" (?<=\S ){WHITESPACE_CLASS}*")

_NBSP_RUN = re.compile(rf"\xa0(?<=\S\xa0){WHITESPACE_CLASS}*")

_IDEO_TRAIL = re.compile(rf"\u3000(?<=\S\u3000){WHITESPACE_CLASS}*(?=\n|\Z)")

_TAB = re.compile(r"\t")

_WS_LINE = re.compile(rf"\n({WHITESPACE_CLASS}+)(?=\n|\Z)")

_WS_FIRST_LINE = re.compile(rf"{WHITESPACE_CLASS}+(?=\n|\Z)")

_SPACE_LEFT = frozenset(",:;!?).%")

_INDENT = "\u3000\u3000"


@dataclass(slots=True)
class _Space:
    start: int
    end: int
    message: str
    content: str


@lru_cache(maxsize=8)
def _blank_patterns(limit: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of more than ``limit`` blank lines (inside the text, and at its start);
    compiled once per profile limit, like the other rules' profile patterns."""
    n = limit + 1
    return (
        re.compile(rf"\n((?:{WHITESPACE_CLASS}*\n){{{n},}})"),
        re.compile(rf"((?:{WHITESPACE_CLASS}*\n){{{n},}})"),
    )


def _describe(run: str) -> str:
    parts = []
    for ch, name in (
        (" ", "空格"),
        ("\u3000", "全角空格"),
        ("\t", "制表符"),
        ("\xa0", "不换行空格"),
    ):
        n = run.count(ch)
        if n:
            parts.append(f"{n}个{name}")
    return "、".join(parts)


def _stray_spaces(ctx: Context, sc: Scan) -> list[_Space]:
    text = ctx.text
    length = len(text)
    found: list[_Space] = []
    limit = ctx.profile.typography.max_blank_lines
    # 1. more than ``limit`` blank lines in a row: delete the extra ones.
    deleted: list[tuple[int, int]] = []
    general, first = _blank_patterns(limit)
    runs = []
    m0 = first.match(text)
    if m0:
        runs.append((0, m0.end(1)))
    runs.extend(
        (m.start(1), m.end(1)) for m in general.finditer(text) if not m0 or m.start() >= m0.end()
    )
    for s, e in runs:
        if sc.overlaps(s, e):
            continue  # blank lines around residue: NL003 takes them with it
        lines = text[s:e].split("\n")[:-1]
        keep = sum(len(x) + 1 for x in lines[:limit])
        deleted.append((s + keep, e))
        found.append(
            _Space(
                s + keep,
                e,
                f"连续{len(lines)}个空行，最多允许{limit}个，应删除多余的{len(lines) - limit}个",
                "",
            )
        )

    def skip(pos: int) -> bool:
        # Residue, markers, and segment boundaries on one line (NL004, NL704).
        return (
            sc.is_protected(pos)
            or sc.is_gap(pos)
            or bool(deleted and any(s <= pos < e for s, e in deleted))
        )

    runs_at: dict[int, int] = {}
    if " " in text:
        for m in _SPACE_RUN.finditer(text):
            runs_at[m.start()] = m.end()
    if "\xa0" in text:
        for m in _NBSP_RUN.finditer(text):
            runs_at.setdefault(m.start(), m.end())
    if "\u3000" in text:
        for m in _IDEO_TRAIL.finditer(text):
            runs_at.setdefault(m.start(), m.end())
    if "\t" in text:
        covered = -1  # the end of the last white-space run around a tab
        for m in _TAB.finditer(text):
            s, e = m.start(), m.end()
            if s < covered:
                continue  # inside the run already found: linear on 10,000 tabs

            while s > 0 and text[s - 1] in WHITESPACE:
                s -= 1
            while e < length and text[e] in WHITESPACE:
                e += 1
            covered = e
            runs_at.setdefault(s, e)
    for m in _WS_LINE.finditer(text):
        runs_at.setdefault(m.start(1), m.end(1))
    m1 = _WS_FIRST_LINE.match(text)
    if m1:
        runs_at.setdefault(0, m1.end())
    marks = OpenMarks(text)
    for s in sorted(runs_at):
        e = runs_at[s]
        if skip(s) or skip(e - 1):
            continue
        run = text[s:e]
        ls = ctx.line_start(s)
        at_end = e == length or text[e] == "\n"
        if s == ls and at_end:
            found.append(_Space(s, e, f"空行中有多余的空白（{_describe(run)}），应删除", ""))
        elif at_end:
            found.append(_Space(s, e, f"行尾有多余的空白（{_describe(run)}），应删除", ""))
        elif s == ls:
            if "\t" in run and not sc.is_label(e):
                found.append(
                    _Space(
                        s,
                        e,
                        f"段首用制表符缩进（{_describe(run)}），应使用两个全角空格“　　”",
                        _INDENT,
                    )
                )
        elif "\t" not in run and "\u3000" not in run:
            left, right = text[s - 1], text[e]
            left_cn = is_cjk(left)
            right_cn = is_cjk(right)
            if not (left_cn or right_cn):
                continue
            ok_left = left_cn or left.isdigit() or left in _SPACE_LEFT
            ok_right = right_cn or right.isdigit() or right == "("
            if not (ok_left and ok_right):
                continue
            if is_han(left) and is_han(right) and marks.inside(ls, s):
                continue
            found.append(
                _Space(
                    s,
                    e,
                    f"中文之间有多余的空格：{quote(excerpt(text, s, e, 4, 4))}，应删除",
                    "",
                )
            )
    found.sort(key=lambda sp: sp.start)
    return found


@register
class StrayWhitespace(Rule):
    """多余的空白：汉字之间的空格、行尾空格、制表符缩进、连续多个空行。

    ## 检查什么 (What it does)
    汉字（或汉字与数字、中文标点）之间的空格（如“研讨3 次”）、行尾空白、用制表符缩进的段首，
    以及超过规则配置 `typography.max-blank-lines`（默认 1）的连续空行。
    段首两个全角空格“　　”是公文惯用的首行缩进，不报告；书名号和引号内分隔并列短语的空格
    （《学党纪 明规矩 强党性》）、序号后的空格（NL503）、“整改措施”前的缩进（NL405）、
    压成一行的段落之间的空白（NL004）也不在此报告。安全修复删除多余空白，制表符缩进改为两个全角空格。

    ## 为什么 (Why it matters)
    中文排版中汉字之间、汉字与数字或全角标点之间不加空格；多余的空白多是从网页或 PDF
    复制时带入的，使公开的文本与印发的公文不一致，也会干扰检索和比对。

    ## 错误示例 (Bad)
    ```text
    2023年以来教育局党组理论学习中心组学习7次，研讨3 次。
    ```

    ## 正确示例 (Good)
    ```text
    2023年以来教育局党组理论学习中心组学习7次，研讨3次。
    ```
    """

    code = "NL803"
    name = "stray-whitespace"
    severity = "info"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        if ctx.text.isspace() or not ctx.text:
            return  # an empty text is not a notice at all (NL002), not a layout problem
        sc = scan(ctx)
        for sp in _stray_spaces(ctx, sc):
            fix_message = "改为两个全角空格" if sp.content else "删除多余空白"
            span = ctx.span(sp.start, sp.end)
            # The edit covers the finding's span exactly: its positions are the span's.
            edit = Edit(
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                content=sp.content,
            )
            ctx.report(
                sp.message, span, fix=Fix(applicability="safe", message=fix_message, edits=[edit])
            )
