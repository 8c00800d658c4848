"""NL605 (SummaryArithmetic): 汇总数字对不上：分项之和不等于总数，或完成率算错。"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from noticelint.parse.anchored import AnchoredPattern, led_by
from noticelint.parse.fields import num
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.consistency.helpers import anchor_hits, sentence_end, sentence_start

_NUMERAL = "一二三四五六七八九十两百"

#: 25个, 十九项, found from its 个/项/条/件 (after a numeral or a space).
COUNTS = AnchoredPattern(
    re.compile(rf"(\d{{1,4}}|[{_NUMERAL}]{{1,4}})\s*(个|项|条|件)"),
    led_by("个项条件", rf"[\d\s{_NUMERAL}]"),
    lambda ch: ch.isdecimal() or ch in _NUMERAL or ch.isspace(),
    lambda ch: ch.isdecimal() or ch in _NUMERAL,
)

_NOUN = r"(?:具体|反馈)?(?:问题|整改问题|整改任务|任务|整改事项|事项|整改措施|措施)"

_TOTAL_NOUN = re.compile(r"\s*" + _NOUN)

_TOTAL_AFTER = re.compile(r"\s*" + _NOUN + "中")

_TAIL_NOUN = re.compile(r"问题|任务|事项")

_BARE_TAILS = frozenset({"", "有", "计", "涉及"})

_PART_NOUN = re.compile(r"(?:整改|的|问题|任务|整改任务|事项)?\s*$")

_PART_REST = re.compile(r"\s*(?:问题|任务|事项)?\s*")

_PART_AFTER_OK = re.compile(r"\s*(?:$|[，,。；;、）)]|问题|任务|事项|整改)")

_RATE = re.compile(
    r"(?:整改完成率|完成率|整改率|办结率|销号率|整改到位率)\s*(?:为|达到|达|是)?\s*"
    r"(\d{1,3}(?:\.\d+)?)\s*[%％]"
)


@dataclass(slots=True)
class _Count:
    """A count of a sentence: its number and the phrase that carries it
    (共25个问题, 已完成整改19个, 6个正在整改), as offsets in the sentence."""

    start: int
    end: int
    value: int
    status: str = ""  # the status word of a part ("" for a total)


@dataclass(slots=True)
class _Group:
    total: _Count
    parts: list[_Count] = field(default_factory=list)
    closed: bool = False


def _count_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "百" in text:
        return None
    return num(text)


def _status_words(ctx: Context) -> tuple[tuple[str, ...], list[str], list[str]]:
    """All status words (longest first), the done words and the partial words."""
    vocab = ctx.profile.status
    extra = ctx.profile.summary
    done = [w for w in vocab.done + extra.done if w != "除"]
    partial = [w for w in vocab.partial if w != "除"]
    rest = vocab.in_progress + vocab.long_term + extra.in_progress
    words = done + partial + [w for w in rest if w != "除"]
    return tuple(sorted(set(words), key=len, reverse=True)), done, partial


# What else marks a summary: 25个问题中, a rate (完成率76%), a percentage. Each is led
# by a literal or a small class and searched only when its literal is in the text.
_COUNT_BEFORE_ZHONG = re.compile(r"[个项条件][^。]{0,8}中")
_RATE_CUE = re.compile(r"率\s*[为达是]?\s*\d")
_PERCENT = re.compile(r"\d\s*[%％]")


Numbered = tuple[int, int, int]  # a count as written: start, end, value

# How far before its number the cue of a total is looked for (共25个, 反馈的25个问题).
_CUE_REACH = 40


@dataclass(frozen=True, slots=True)
class _SummaryPatterns:
    """The profile's summary cues, compiled: a cue before a number (共25, 反馈的25)
    and the cue of a total before its count."""

    cue_before_number: re.Pattern[str]
    total_before: re.Pattern[str]
    cue: re.Pattern[str]

    def may_hold_total(self, sentence: str) -> bool:
        """A cue, or 中 (25个问题中): a total may be there."""
        return "中" in sentence or self.cue.search(sentence) is not None

    def may_end_total(self, text: str, at: int) -> bool:
        """Whether the count whose 个/项/条/件 is at ``at`` may be a total: a noun and 中
        after it, or a cue in the 40 characters before its number (see :func:`_total`)."""
        if _TOTAL_AFTER.match(text, at + 1) is not None:
            return True
        start = COUNTS.run_start(text, at)  # where its number starts, at the earliest
        return self.cue.search(text, max(0, start - _CUE_REACH), at) is not None

    def may_count(self, text: str) -> bool:
        """A cheap test for a counts sentence: a cue before a number, 25个问题中, a rate."""
        return bool(
            self.cue_before_number.search(text)
            or ("中" in text and _COUNT_BEFORE_ZHONG.search(text))
            or ("率" in text and _RATE_CUE.search(text))
            or (("%" in text or "％" in text) and _PERCENT.search(text))
        )


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=8)
def _summary_patterns(bare: tuple[str, ...], with_noun: tuple[str, ...]) -> _SummaryPatterns:
    alt = _alt(bare + with_noun)
    areas = r"(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|大)?(?:方面|类|大类|领域)\s*)?"
    return _SummaryPatterns(
        cue_before_number=re.compile(rf"(?:{alt})[^\d，,。；;]{{0,8}}[\d一二三四五六七八九十两百]"),
        total_before=re.compile(
            rf"(?:(?P<bare>{_alt(bare)})|{_alt(with_noun)})"
            rf"(?P<tail>[^\d，,。；;、：:（）()]{{0,6}}?)\s*{areas}$"
        ),
        cue=re.compile(alt),
    )


def _counts(sentence: str) -> list[Numbered]:
    """The counts of a sentence (25个, 十九项) that have a value, in order."""
    return [
        (m.start(), m.end(), value)
        for m in COUNTS.matches(sentence)
        if (value := _count_value(m.group(1))) is not None
    ]


def _sentences_with_totals(ctx: Context, patterns: _SummaryPatterns) -> list[tuple[int, int, int]]:
    """The sentences where a count may be a total: ``(paragraph index, start, end)``,
    in document order, each once."""
    segments = ctx.parsed.segmentation.segments
    found = set()
    for i, at in anchor_hits(ctx, COUNTS.anchors, patterns.may_end_total):
        text = segments[i].text
        found.add((i, sentence_start(text, at), sentence_end(text, at)))
    return sorted(found)


def _total(sentence: str, count: Numbered, total_before: re.Pattern[str]) -> _Count | None:
    """共25个, 反馈的25个问题, 反馈问题25个 or 25个问题中: a count that is clearly
    a total (a cue right before it, or a cue and a noun 问题/任务/事项 around it)."""
    start, end, value = count
    noun = _TOTAL_NOUN.match(sentence, end)
    before = total_before.search(sentence, max(0, start - _CUE_REACH), start)
    if before is not None and noun is None and not _TAIL_NOUN.search(before.group("tail")):
        bare = before.group("bare") and before.group("tail").strip() in _BARE_TAILS
        if not bare:
            before = None  # 共同推进3个项目, 反馈3个: no total
    inside = _TOTAL_AFTER.match(sentence, end)
    if before is None and inside is None:
        return None
    return _Count(before.start() if before else start, noun.end() if noun else end, value)


def _part(sentence: str, count: Numbered, words: tuple[str, ...]) -> _Count | None:
    """已完成整改19个 or 19个问题已完成整改: a count with a status word."""
    start, end, value = count
    lead_start = max(0, start - 12)
    lead = sentence[lead_start:start]
    noun = _PART_NOUN.search(lead)
    head = lead[: noun.start()] if noun else lead
    if _PART_AFTER_OK.match(sentence, end):
        # The longest reading: 已完成整改19个 is 已完成 + 整改, not 完成整改.
        found = []
        if lead.endswith(words):
            found += [(start - len(w), w) for w in words if lead.endswith(w)]
        if head.endswith(words):
            found += [(lead_start + len(head) - len(w), w) for w in words if head.endswith(w)]
        if found:
            begin, word = min(found)
            return _Count(begin, end, value, word)
    rest = _PART_REST.match(sentence, end)
    at = rest.end() if rest else end
    if not sentence.startswith(words, at):
        return None
    for w in words:
        if sentence.startswith(w, at):
            stop = at + len(w)
            if sentence.startswith("整改", stop) and not w.endswith("整改"):
                stop += 2  # 19个已完成整改
            return _Count(start, stop, value, w)
    return None


def _groups(
    sentence: str, counts: list[Numbered], words: tuple[str, ...], total_before: re.Pattern[str]
) -> list[_Group]:
    """Totals (共25个问题, 38个问题中) with the status parts that follow them in the
    sentence (已完成19个、正在整改6个). A count that is neither ends the group
    (整改措施80条 is another quantity); a 其中 after the first part starts a nested
    breakdown (已完成19个，其中长期坚持5个), which is not summed."""
    groups: list[_Group] = []
    current: _Group | None = None
    for count in counts:
        total = _total(sentence, count, total_before)
        if total is not None:
            current = _Group(total)
            groups.append(current)
            continue
        if current is None or current.closed:
            continue
        part = _part(sentence, count, words)
        nested = (
            part is not None
            and bool(current.parts)
            and "其中" in sentence[current.parts[-1].end : part.start]
        )
        if part is None or nested:
            current.closed = True  # another quantity, or a nested breakdown
        else:
            current.parts.append(part)
    return groups


def summaries(ctx: Context) -> Iterator[tuple[int, str, list[_Group]]]:
    """The sentences that hold a summary (a total, with the parts that follow it):
    ``(offset of the sentence in the document, sentence, its groups)``, in order."""
    words, _, _ = _status_words(ctx)
    summary = ctx.profile.summary
    patterns = _summary_patterns(tuple(summary.total_cues), tuple(summary.noun_total_cues))
    segments = ctx.parsed.segmentation.segments
    may_count: dict[int, bool] = {}  # paragraph index: whether it may hold a summary
    for i, start, end in _sentences_with_totals(ctx, patterns):
        seg = segments[i]
        if i not in may_count:
            may_count[i] = patterns.may_count(seg.text)
        if not may_count[i]:
            continue  # no total (共…/…中) and no rate: nothing to add up
        sentence = seg.text[start:end]
        if not patterns.may_hold_total(sentence):
            continue
        groups = _groups(sentence, _counts(sentence), words, patterns.total_before)
        if groups:
            yield seg.start + start, sentence, groups


def _rate_ok(rate: float, decimals: int, done: int, total: int) -> bool:
    if total == 0:
        return True
    exact = done * 100 / total
    scale = 10.0**decimals
    tolerance = 0.5 / scale + 1e-9
    truncated = int(exact * scale) / scale
    return abs(rate - exact) <= tolerance or abs(rate - truncated) < 1e-9


@register
class SummaryArithmetic(Rule):
    """汇总数字对不上：分项之和不等于总数，或完成率算错。

    ## 检查什么 (What it does)
    在同一句话里找“共N个（问题）”“N个问题中”这样的总数，以及紧随其后、带整改状态的分项
    （“已完成19个、正在整改6个”，状态词取自规则配置 `[status]`）。有两个以上分项而合计不等于总数，
    或某一分项超过总数时报告；同一句的“完成率X%”与“已完成数÷总数”不符时也报告
    （按写出的小数位四舍五入或截断都算对，把“基本完成”计入完成也算对）。
    只有总数和分项明确在同一句时才检查；“其中”之后的细分不参与求和，
    中间插入别的数量（如“整改措施80条”）时不再往下找分项。

    ## 为什么 (Why it matters)
    汇总数字是公众最先看、最常引用的内容；加不拢或比例算错，会让人怀疑整改数据的真实性。

    ## 错误示例 (Bad)
    ```text
    反馈的25个问题中，已完成整改19个、正在整改5个，整改完成率80%。
    ```

    ## 正确示例 (Good)
    ```text
    反馈的25个问题中，已完成整改19个、正在整改6个，整改完成率76%。
    ```
    """

    code = "NL605"
    name = "summary-arithmetic"
    severity = "error"

    def check(self, ctx: Context) -> None:
        _, done_words, partial_words = _status_words(ctx)
        for base, sentence, groups in summaries(ctx):
            for g in groups:
                self._check_group(ctx, base, sentence, g)
            self._check_rates(ctx, base, sentence, groups, done_words, partial_words)

    def _check_group(self, ctx: Context, base: int, sentence: str, g: _Group) -> None:
        if not g.parts:
            return
        total = g.total.value
        total_text = quote(sentence[g.total.start : g.total.end])
        last = g.parts[-1]
        span = ctx.span(base + g.total.start, base + last.end)
        over = next((p for p in g.parts if p.value > total), None)
        if over is not None:
            ctx.report(
                f"分项{quote(sentence[over.start : over.end])}超过了总数{total_text}，请核对数字",
                span,
            )
            return
        added = sum(p.value for p in g.parts)
        if len(g.parts) >= 2 and added != total:
            shown = "＋".join(sentence[p.start : p.end] for p in g.parts)
            ctx.report(
                f"分项之和与总数不符：{shown}，合计{added}个，而总数是{total_text}",
                span,
            )

    def _check_rates(
        self,
        ctx: Context,
        base: int,
        sentence: str,
        groups: list[_Group],
        done_words: list[str],
        partial_words: list[str],
    ) -> None:
        for m in _RATE.finditer(sentence):
            group = next((g for g in reversed(groups) if g.total.start < m.start()), None)
            if group is None:
                continue
            done = [p for p in group.parts if p.status in done_words]
            if not done:
                continue
            partial = sum(p.value for p in group.parts if p.status in partial_words)
            total = group.total.value
            done_n = done[0].value
            raw = m.group(1)
            decimals = len(raw.partition(".")[2])
            rate = float(raw)
            if _rate_ok(rate, decimals, done_n, total) or _rate_ok(
                rate, decimals, done_n + partial, total
            ):
                continue
            exact = done_n * 100 / total
            shown = f"{exact:.{max(decimals, 1)}f}".rstrip("0").rstrip(".")
            about = "" if abs(exact - float(shown)) < 1e-9 else "约"
            ctx.report(
                f"完成率算错：{quote(m.group(0))}，而{quote(sentence[done[0].start : done[0].end])}÷"
                f"{quote(sentence[group.total.start : group.total.end])}{about}为{shown}%",
                ctx.span(base + m.start(), base + m.end()),
            )
