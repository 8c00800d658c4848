"""NL103 (RepeatedWord): 同一个词连写两遍，如“党组党组”“四是是”。"""

from __future__ import annotations

import re

from noticelint.diagnostics import Fix
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.text import HAN_CLASS, is_han

# A position where a Chinese character recurs 2–4 characters later: every repeated
# 2–4 character word starts at such a position. One lookahead of bounded length per
# position keeps the scan linear; the few candidates are verified by slicing.
_RECUR = re.compile(rf"({HAN_CLASS})(?={HAN_CLASS}{{1,3}}?\1)")

_CN_NUMERALS = "一二三四五六七八九十"


def _is_han(s: str) -> bool:
    return all(map(is_han, s))


def _allowed(text: str, start: int, end: int, allow: list[str]) -> bool:
    """Whether the repeat at ``text[start:end]`` lies inside an allowed phrase."""
    for phrase in allow:
        lo = max(0, end - len(phrase))
        i = text.find(phrase, lo, start + len(phrase))
        if i != -1 and i <= start and i + len(phrase) >= end:
            return True
    return False


def _classifier_reduplication(text: str, start: int, end: int, classifiers: str) -> bool:
    """Whether ``text[start:end]`` overlaps a numeral-classifier reduplication 一X一X
    (一项一项, 一件一件, 逐项一项一项…): correct Chinese, exempt as a class."""
    lo = max(0, start - 3)
    j = text.find("一", lo, end)
    while j != -1 and j < end:
        x = text[j + 1 : j + 2]
        if x and x in classifiers and text.startswith("一" + x, j + 2) and j + 4 - start >= 2:
            return True
        j = text.find("一", j + 1, end)
    return False


def repeated_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every repeated 2–4 character Chinese word in ``text[start:end]`` as (start, k):
    ``text[start:start+k] == text[start+k:start+2k]``, the longest at each place,
    leftmost first and never overlapping. Linear in the length of the range."""
    found: list[tuple[int, int]] = []
    skip = start
    for m in _RECUR.finditer(text, start, end):
        i = m.start()
        if i < skip:
            continue
        for k in (4, 3, 2):
            if (
                i + 2 * k <= end
                and text[i : i + k] == text[i + k : i + 2 * k]
                and _is_han(text[i : i + 2 * k])
            ):
                found.append((i, k))
                skip = i + 2 * k
                break
    return found


@register
class RepeatedWord(Rule):
    """同一个词连写两遍，如“党组党组”“四是是”。

    ## 检查什么 (What it does)
    同一个 2–4 字的词紧接着重复（“党组党组”），以及序数后缀重复（“四是是”）。
    规则配置 `[words] allow-repeats` 中的叠词（如“研究研究”“扎扎实实”）不报告；
    数量词重叠“一X一X”（一项一项、一件一件、一步一步，量词见 `[words] classifiers`）
    是正确的汉语，作为一类不报告。

    ## 为什么 (Why it matters)
    重复的词是起草或粘贴时的笔误，出现在公开发布的公文里有损严肃性。

    ## 错误示例 (Bad)
    ```text
    中共东港市教育局党组党组关于市委巡察整改落实进展情况的通报
    ```

    ## 正确示例 (Good)
    ```text
    中共东港市教育局党组关于市委巡察整改落实进展情况的通报
    对反馈问题一项一项研究、一件一件落实。
    ```
    """

    code = "NL103"
    name = "repeated-word"
    severity = "warning"
    fix = "unsafe"

    def check(self, ctx: Context) -> None:
        allow = ctx.profile.words.allow_repeats
        classifiers = "".join(ctx.profile.words.classifiers)
        suffix = ctx.profile.numbering.enumeration_suffix
        text = ctx.text
        for seg in ctx.parsed.segmentation.segments:
            view = seg.text  # simplified view of a traditional text (S12), same offsets
            for i, k in repeated_words(text, seg.start, seg.end):
                start, end = i - seg.start, i - seg.start + 2 * k
                if _allowed(view, start, end, allow):
                    continue
                if "一" in view[start:end] and _classifier_reduplication(
                    view, start, end, classifiers
                ):
                    continue
                end = i + 2 * k
                self._report(ctx, i, end, i + k, text[i : i + k])
            if len(suffix) == 1:
                doubled = suffix * 2
                at = text.find(doubled, seg.start + 1, seg.end)
                while at != -1:
                    if text[at - 1] in _CN_NUMERALS:
                        self._report(ctx, at - 1, at + 2, at + 1, text[at - 1 : at + 1])
                    at = text.find(doubled, at + 2, seg.end)

    def _report(self, ctx: Context, start: int, end: int, keep_end: int, shown: str) -> None:
        text = ctx.text
        fix = Fix(
            applicability="unsafe",
            message=f"删去重复的“{text[keep_end:end]}”",
            edits=[ctx.edit(keep_end, end, "")],
        )
        ctx.report(
            f"词语重复：{quote(text[start:end])}，应为“{shown}”",
            ctx.span(start, end),
            fix=fix,
        )
