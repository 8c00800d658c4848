"""NL103 (RepeatedWord): 同一个词连写两遍，如“党组党组”“四是是”。"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from noticelint.diagnostics import Fix
from noticelint.parse.segment import Segment
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.text import is_han

_CN_NUMERALS = "一二三四五六七八九十"

_LENGTHS = (4, 3, 2)  # the word lengths looked for, the longest first

_start = attrgetter("start")


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


def _pair_recurrences(text: str) -> list[int]:
    """Sorted offsets ``i`` where the two characters at ``i`` may recur 2, 3 or 4
    characters later: a superset of the starts of repeated 2–4 character words
    (each such repeat has ``text[i:i+2] == text[i+k:i+k+2]``).

    Found without a Python loop over the characters: the low byte of every code point
    is one byte lane of a big integer; XOR-ing it with itself shifted by ``k`` lanes
    zeroes lane ``i`` where those bytes agree at distance ``k``, and OR-ing in the next
    lane keeps it zero only where the pair agrees. The zero lanes are then found by a
    byte search. Equal characters always give equal bytes, so no start is missed; the
    few pairs that only share low bytes are weeded out by the caller."""
    n = len(text)
    lanes = int.from_bytes(text.encode("utf-32-le", "surrogatepass")[::4], "little")
    found: set[int] = set()
    for k in _LENGTHS:
        diff = lanes ^ (lanes >> (8 * k))
        pairs = (diff | (diff >> 8)).to_bytes(n, "little")
        i = pairs.find(0)
        while i != -1:
            found.add(i)
            i = pairs.find(0, i + 1)
    return sorted(found)


def _repeat_at(text: str, i: int, end: int) -> int:
    """The length of the longest 2–4 character Chinese word repeated at ``i`` and
    ending by ``end``, or 0."""
    for k in _LENGTHS:
        if (
            i + 2 * k <= end
            and text[i : i + k] == text[i + k : i + 2 * k]
            and _is_han(text[i : i + 2 * k])
        ):
            return k
    return 0


def repeat_starts(text: str) -> list[int]:
    """Sorted offsets where a repeated 2–4 character Chinese word starts anywhere in
    ``text`` (paragraph ends aside): the only places :func:`repeated_words` looks at."""
    length = len(text)
    return [i for i in _pair_recurrences(text) if is_han(text[i]) and _repeat_at(text, i, length)]


def repeated_words(
    text: str, start: int, end: int, starts: list[int] | None = None
) -> list[tuple[int, int]]:
    """Every repeated 2–4 character Chinese word in ``text[start:end]`` as (start, k):
    ``text[start:start+k] == text[start+k:start+2k]``, the longest at each place,
    leftmost first and never overlapping. ``starts`` is :func:`repeat_starts` of
    ``text`` when the caller has it (one scan for all the paragraphs of a text).
    Linear in the length of the text."""
    if starts is None:
        starts = repeat_starts(text)
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end, lo)
    found: list[tuple[int, int]] = []
    skip = start
    for i in starts[lo:hi]:
        if i < skip:
            continue
        k = _repeat_at(text, i, end)
        if k:
            found.append((i, k))
            skip = i + 2 * k
    return found


def _occurrences(text: str, word: str) -> list[int]:
    """Every offset where ``word`` starts in ``text`` (overlapping ones too)."""
    found: list[int] = []
    if word:
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
    return found


def _paragraphs_at(ctx: Context, offsets: list[int]) -> list[Segment]:
    """The paragraphs holding any of ``offsets``, in text order (the paragraphs are
    sorted and disjoint): only those are looked at, not every paragraph."""
    segments = ctx.parsed.segmentation.segments
    found: dict[int, Segment] = {}
    for pos in offsets:
        j = bisect_right(segments, pos, key=_start) - 1
        if j >= 0 and pos < segments[j].end:
            found[j] = segments[j]
    return [found[j] for j in sorted(found)]


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
        text = ctx.text
        suffix = ctx.profile.numbering.enumeration_suffix
        doubled = suffix * 2 if len(suffix) == 1 else ""
        starts = repeat_starts(text)
        allow = ctx.profile.words.allow_repeats
        classifiers = "".join(ctx.profile.words.classifiers)
        for seg in _paragraphs_at(ctx, [*starts, *_occurrences(text, doubled)]):
            view = seg.text  # simplified view of a traditional text (S12), same offsets
            for i, k in repeated_words(text, seg.start, seg.end, starts):
                start, end = i - seg.start, i - seg.start + 2 * k
                if _allowed(view, start, end, allow):
                    continue
                if "一" in view[start:end] and _classifier_reduplication(
                    view, start, end, classifiers
                ):
                    continue
                end = i + 2 * k
                self._report(ctx, i, end, i + k, text[i : i + k])
            if doubled:
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
