"""NL8 — typography (GB/T 15834-2011).

The five rules share one scan of the text per document (:func:`scan`), made of
literal-prefixed regular expressions (the regex engine skips to the next ``,`` or
space at memchr speed) and a few ``str.count`` calls; the rules then only format
what the scan found. Typography never fires

* inside numbers (``1.5``, ``3,000``), dates (``2023-07-25``, ``2023.7.5``), times
  (``8:30``), ratios and phone numbers: a half-width mark only counts next to a
  Chinese character, and a hyphen only between a number and a Chinese unit;
* inside e-mail addresses and URLs, and inside scrape residue (NL003 removes it);
* on the sequence markers of headings (``1.`` ``(1)`` ``一,``: NL503/NL504), on the
  signature date (NL703) and on the gaps between the units of a line the segmenter
  split (NL004, NL704).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from noticelint.diagnostics import CompactEdits, Fix
from noticelint.parse.fields import EMAIL_RE
from noticelint.rules.base import Context, Rule, quote, register
from noticelint.rules.input import residues

# Chinese characters, and the marks and quotes that belong to Chinese text.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = _HAN + "\u3001-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026"
_HAN_RE = re.compile(f"[{_HAN}]")
_WS = " \t\u3000\xa0"

# A half-width mark counts when a Chinese character (or mark) is next to it.
_MARK_RES = {
    ch: re.compile(rf"{re.escape(ch)}(?:(?<=[{_CJK}]{re.escape(ch)})|(?=[{_CJK}]))")
    for ch in ",:;!?"
}
# "." ends a sentence after a Chinese character, before Chinese text, white space or the end.
_PERIOD_RE = re.compile(rf"\.(?<=[{_HAN}]\.)(?=[{_CJK}\s]|\Z)")
_CN_NUMBER_DOT = re.compile(r"(?:^|(?<=[\s。；;:：]))[一二三四五六七八九十]{1,3}\.$")
# "(" with, where the line allows, its ")"; a lone ")" is found separately.
_OPEN_RE = re.compile(r"\((?:([^()\n]{0,100})\))?")
_CLOSE_RE = re.compile(r"\)")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+")

FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。"}
KIND = {
    ",": "逗号",
    ":": "冒号",
    ";": "分号",
    "!": "叹号",
    "?": "问号",
    "(": "括号",
    ")": "括号",
    ".": "句号",
}
_KIND_ORDER = ["逗号", "冒号", "分号", "括号", "叹号", "问号", "句号"]
_KIND_FULL = {
    "逗号": "，",
    "冒号": "：",
    "分号": "；",
    "括号": "（）",
    "叹号": "！",
    "问号": "？",
    "句号": "。",
}

# NL802: straight quotes around text.
_DQUOTE_RE = re.compile(r'"([^"\n]{1,200}?)"')
_SQUOTE_RE = re.compile(r"'([^'\n]{1,100}?)'")

# NL803: white space.
_SPACE_RUN = re.compile(r" (?<=\S )[ \t\u3000\xa0]*")
_NBSP_RUN = re.compile(r"\xa0(?<=\S\xa0)[ \t\u3000\xa0]*")
_IDEO_TRAIL = re.compile(r"\u3000(?<=\S\u3000)[ \t\u3000\xa0]*(?=\n|\Z)")
_TAB = re.compile(r"\t")
_WS_LINE = re.compile(r"\n([ \t\u3000\xa0]+)(?=\n|\Z)")
_WS_FIRST_LINE = re.compile(r"[ \t\u3000\xa0]+(?=\n|\Z)")
_BLANKS_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_SPACE_LEFT = frozenset(",:;!?).%")
_INDENT = "\u3000\u3000"

# NL805: a hyphen between a number (or a date part) and a number with a Chinese unit.
_HYPHEN_RE = re.compile(r"-(?<=[\d年月日]-)(?=\d)")
_TIME_UNITS = frozenset("年月日时号")
_TIME_WORDS = ("学年", "月份", "年度", "学期", "季度", "周")
_VALUE_WORDS = ("周岁",)


Mark = tuple[int, str]  # (offset, half-width character)


class Scan:
    """What the NL8 rules found in one document (computed once, shared).

    ``protected`` ranges (scrape residue, e-mail addresses, URLs) are known up front;
    the heading markers and the segment gaps are looked up lazily, only when the scan
    finds a candidate (a clean notice never builds them)."""

    __slots__ = (
        "_ends",
        "_gap_ends",
        "_gap_starts",
        "_raw",
        "_starts",
        "ctx",
        "full",
        "half",
        "marks",
        "text",
    )

    def __init__(self, ctx: Context, protected: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self._raw = protected
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._gap_starts: list[int] | None = None
        self._gap_ends: list[int] = []
        self.marks: list[Mark] = []
        self.half: Counter[str] = Counter()  # kind -> count (a pair of brackets counts once)
        self.full: Counter[str] = Counter()  # kind -> count of the full-width form

    def _build(self) -> list[int]:
        """Merge the protected ranges with the sequence markers of headings (and the
        space after them: NL503/NL504), once, on the first candidate."""
        ranges = list(self._raw)
        for tok in self.ctx.parsed.tokens:
            if tok.body_offset and tok.type in ("H1", "H2", "H3", "H4"):
                ranges.append((tok.seg.start, tok.seg.start + tok.body_offset))
        ranges.sort()
        starts: list[int] = []
        ends: list[int] = []
        for s, e in ranges:
            if ends and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        self._starts, self._ends = starts, ends
        return starts

    def is_protected(self, pos: int) -> bool:
        """Inside residue, an e-mail address, a URL or a heading's sequence marker."""
        starts = self._starts if self._starts is not None else self._build()
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a protected range."""
        starts = self._starts if self._starts is not None else self._build()
        i = bisect_left(starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def is_label(self, pos: int) -> bool:
        """A measures label (整改措施) starts at ``pos``: its indentation is NL405's."""
        return any(tok.type == "MLABEL" and tok.seg.start == pos for tok in self.ctx.parsed.tokens)

    def is_gap(self, pos: int) -> bool:
        """Between two segments of one line: a paragraph break the segmenter made."""
        if self._gap_starts is None:
            starts, ends = [], []
            prev = None
            for seg in self.ctx.parsed.segmentation.segments:
                if prev is not None and prev.line == seg.line and prev.end < seg.start:
                    starts.append(prev.end)
                    ends.append(seg.start)
                prev = seg
            self._gap_starts, self._gap_ends = starts, ends
        i = bisect_right(self._gap_starts, pos) - 1
        return i >= 0 and pos < self._gap_ends[i]

    def edits(self, marks: list[Mark]) -> CompactEdits:
        """Edits turning ``marks`` full-width, expanded only when read."""
        return self.ctx.char_edits(marks, FULL)

    def unprotected(self, offsets: list[int]) -> list[int]:
        """``offsets`` (sorted) without those inside a protected range: one pass over
        the ranges, not a look-up per offset."""
        if not offsets:
            return offsets
        starts = self._starts if self._starts is not None else self._build()
        if not starts:
            return offsets
        out: list[int] = []
        pos = 0
        for s, e in zip(starts, self._ends, strict=True):
            i = bisect_left(offsets, s, pos)
            if i == len(offsets):
                break
            j = bisect_left(offsets, e, i)
            out.extend(offsets[pos:i])
            pos = j
        out.extend(offsets[pos:])
        return out


def scan(ctx: Context) -> Scan:
    """The shared scan of ``ctx``'s document (kept in ``ctx.memo`` for the NL8 rules)."""
    found = ctx.memo.get("typography.scan")
    if found is None:
        found = ctx.memo["typography.scan"] = _scan(ctx)
    assert isinstance(found, Scan)
    return found


def _scan(ctx: Context) -> Scan:
    text = ctx.text
    protected = [(min(r.start, r.found_start), max(r.end, r.found_end)) for r in residues(ctx)]
    at = text.find("@")
    while at != -1:  # e-mail addresses, found from their "@" (a fast literal search)
        start = at
        while start > 0 and text[start - 1] in _EMAIL_LOCAL:
            start -= 1
        m = EMAIL_RE.match(text, start)
        if m:
            protected.append(m.span())
        at = text.find("@", at + 1)
    if "://" in text or "www." in text:
        protected.extend(m.span() for m in _URL_RE.finditer(text))
    sig = ctx.notice.signature
    if sig is not None and sig.date_span is not None:  # its format is NL703's
        span = sig.date_span
        protected.append(
            (ctx.offset(span.line, span.column), ctx.offset(span.end_line, span.end_column))
        )
    out = Scan(ctx, protected)
    _find_marks(text, out)
    if out.marks:
        full = out.full
        full["逗号"] = text.count("，")
        full["冒号"] = text.count("：")
        full["分号"] = text.count("；")
        full["叹号"] = text.count("！")
        full["问号"] = text.count("？")
        full["句号"] = text.count("。")
        if "（" in text:
            # Full-width brackets of heading markers are NL504's, like the half-width ones.
            markers = sum(
                1
                for tok in ctx.parsed.tokens
                if tok.type in ("H2", "H4") and tok.text.startswith("（")
            )
            full["括号"] = text.count("（") - markers
    return out


def _find_marks(text: str, out: Scan) -> None:
    marks = out.marks
    protected = out.is_protected
    for ch, pattern in _MARK_RES.items():
        if ch not in text:
            continue
        found = out.unprotected([m.start() for m in pattern.finditer(text)])
        marks.extend([(pos, ch) for pos in found])
        out.half[KIND[ch]] += len(found)
    if "." in text:
        for m in _PERIOD_RE.finditer(text):
            pos = m.start()
            if protected(pos):
                continue
            ls = text.rfind("\n", max(0, pos - 4), pos) + 1
            if _CN_NUMBER_DOT.search(text, max(ls, pos - 4), pos + 1):
                continue  # 一. as a sequence number: NL503
            marks.append((pos, "."))
            out.half["句号"] += 1
    if "(" in text or ")" in text:
        _find_brackets(text, out)
    marks.sort()


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3001" <= ch <= "\u303f"
        or "\uff01" <= ch <= "\uff5e"
        or ch in "\u2018\u2019\u201c\u201d\u2014\u2026"
        or "\u3400" <= ch <= "\u4dbf"
    )


def _find_brackets(text: str, out: Scan) -> None:
    protected = out.is_protected
    marks = out.marks
    paired: set[int] = set()
    count = 0
    for m in _OPEN_RE.finditer(text):
        s = m.start()
        inner = m.group(1)
        if inner is not None:
            e = m.end() - 1
            paired.add(e)
            if protected(s) or protected(e):
                continue
            if _HAN_RE.search(inner) or _is_cjk(text[s - 1 : s]) or _is_cjk(text[e + 1 : e + 2]):
                marks.append((s, "("))
                marks.append((e, ")"))
                count += 1
        elif not protected(s) and (_is_cjk(text[s - 1 : s]) or _is_cjk(text[s + 1 : s + 2])):
            marks.append((s, "("))
            count += 1
    if ")" in text:
        for m in _CLOSE_RE.finditer(text):
            e = m.start()
            if e in paired or protected(e):
                continue
            if _is_cjk(text[e - 1 : e]) or _is_cjk(text[e + 1 : e + 2]):
                marks.append((e, ")"))
                count += 1
    out.half["括号"] += count


def _counts(counter: Counter[str]) -> str:
    return "、".join(f"{k}{counter[k]}处" for k in _KIND_ORDER if counter[k])


def _snippet(text: str, start: int, end: int, before: int = 6, after: int = 6) -> str:
    # Line breaks are looked for only within the snippet's reach (a search to the
    # start of a 3 MB line for every finding would be quadratic).
    lo = max(0, start - before)
    hi = min(len(text), end + after)
    nl = text.rfind("\n", lo, start)
    if nl != -1:
        lo = nl + 1
    nl = text.find("\n", end, hi)
    if nl != -1:
        hi = nl
    return text[lo:hi]


@register
class HalfwidthPunctuation(Rule):
    """中文文本中使用了半角标点 `, : ; ( ) ! ?`（以及作句号用的 `.`）。

    ## 检查什么 (What it does)
    紧挨汉字的半角逗号、冒号、分号、括号、叹号、问号，以及汉字后作句末点号的 `.`。
    数字、日期、时间（`8:30`）、比例、电话号码、电子邮箱和网址中的半角符号不报告；
    标题序号（`1.` `(1)`）由 NL503/NL504 检查。
    若全文多数标点是半角（比例不低于规则配置的 `typography.halfwidth-file-ratio`，
    通常是网站或抓取工具整体转换了标点），只在全文报告一次并给出各类标点的个数；
    否则每行报告一次。安全修复把半角标点改为对应的全角标点。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》：中文文本使用全角标点。半角标点在中文排版中
    挤在一起、位置偏低，公开的通报显得不规范。

    ## 错误示例 (Bad)
    ```text
    整改措施:一是修订完善学习制度,开展集中学习6次;二是制定年度学习计划(含专题研讨)。
    ```

    ## 正确示例 (Good)
    ```text
    整改措施：一是修订完善学习制度，开展集中学习6次；二是制定年度学习计划（含专题研讨）。
    ```
    """

    code = "NL801"
    name = "halfwidth-punctuation"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        sc = scan(ctx)
        if not sc.marks:
            return
        text = ctx.text
        half = sum(v for k, v in sc.half.items() if k != "句号")
        full = sum(v for k, v in sc.full.items() if k != "句号")
        ratio = half / (half + full) if half + full else 0.0
        if half and ratio >= ctx.profile.typography.halfwidth_file_ratio:
            first = sc.marks[0][0]
            targets = "".join(f"“{_KIND_FULL[k]}”" for k in _KIND_ORDER if sc.half[k])
            ctx.report(
                f"全文标点多为半角（{_counts(sc.half)}，占同类标点的{round(ratio * 100)}%），"
                f"应使用全角标点{targets}",
                ctx.span(first, first + 1),
                fix=Fix(
                    applicability="safe",
                    message=f"把全文{len(sc.marks)}个半角标点改为全角",
                    edits=sc.edits(sc.marks),
                ),
            )
            return
        index = ctx.parsed.index
        by_line: dict[int, list[Mark]] = {}
        for mk in sc.marks:
            by_line.setdefault(index.position(mk[0])[0], []).append(mk)
        for marks in by_line.values():
            chars = [ch for _, ch in marks]
            kinds = Counter(KIND[ch] for ch in chars if ch not in "()")
            kinds["括号"] = max(chars.count("("), chars.count(")"))
            first = marks[0][0]
            good = "".join(dict.fromkeys(f"“{FULL[ch]}”" for ch in chars))
            ctx.report(
                f"半角{_counts(kinds)}，如{quote(_snippet(text, first, first + 1))}，"
                f"应改为全角{good}",
                ctx.span(first, marks[-1][0] + 1),
                fix=Fix(
                    applicability="safe",
                    message=f"改为全角{good}",
                    edits=sc.edits(marks),
                ),
            )


@register
class StraightQuotes(Rule):
    """中文文本中用了直引号 `"…"` `'…'`，而不是“…”‘…’。

    ## 检查什么 (What it does)
    一对直双引号 `"…"` 或直单引号 `'…'`，引号内有汉字或紧挨汉字时报告（每行一次）。
    电子邮箱、网址和抓取残留中的引号不报告。安全修复改为中文引号“…”‘…’。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》：中文的引号是“”（引号内再用引号时用‘’），直引号是西文符号。

    ## 错误示例 (Bad)
    ```text
    把学习习近平新时代中国特色社会主义思想作为"第一议题"。
    ```

    ## 正确示例 (Good)
    ```text
    把学习习近平新时代中国特色社会主义思想作为“第一议题”。
    ```
    """

    code = "NL802"
    name = "straight-quotes"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        text = ctx.text
        if '"' not in text and "'" not in text:
            return
        sc = scan(ctx)
        pairs: list[tuple[int, int, str, str]] = []
        for straight, pattern, left, right in (
            ('"', _DQUOTE_RE, "“", "”"),
            ("'", _SQUOTE_RE, "‘", "’"),
        ):
            if straight not in text:
                continue
            for m in pattern.finditer(text):
                s, e = m.start(), m.end() - 1
                if sc.is_protected(s) or sc.is_protected(e):
                    continue
                inner = m.group(1)
                chinese = _HAN_RE.search(inner) or (
                    left == "“" and (_is_cjk(text[s - 1 : s]) or _is_cjk(text[e + 1 : e + 2]))
                )
                if chinese:
                    pairs.append((s, e, left, right))
        if not pairs:
            return
        pairs.sort()
        index = ctx.parsed.index
        by_line: dict[int, list[tuple[int, int, str, str]]] = {}
        for p in pairs:
            by_line.setdefault(index.position(p[0])[0], []).append(p)
        for items in by_line.values():
            s, e, left, right = items[0]
            more = f"等{len(items)}处" if len(items) > 1 else ""
            edits = []
            for qs, qe, ql, qr in items:
                edits.append(ctx.edit(qs, qs + 1, ql))
                edits.append(ctx.edit(qe, qe + 1, qr))
            ctx.report(
                f"直引号{quote(text[s : e + 1])}{more}，中文应使用引号{left}…{right}",
                ctx.span(s, e + 1),
                fix=Fix(applicability="safe", message=f"改为{left}…{right}", edits=edits),
            )


@dataclass(slots=True)
class _Space:
    start: int
    end: int
    message: str
    content: str


def _blank_patterns(limit: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    pats = _BLANKS_CACHE.get(limit)
    if pats is None:
        n = limit + 1
        pats = (
            re.compile(rf"\n((?:[ \t\u3000\xa0]*\n){{{n},}})"),
            re.compile(rf"((?:[ \t\u3000\xa0]*\n){{{n},}})"),
        )
        _BLANKS_CACHE[limit] = pats
    return pats


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


class _OpenMarks:
    """Whether a position is inside 《…》 or “…” on its line: a space there separates
    parallel phrases of a title or slogan (《学党纪 明规矩 强党性》) and is kept.

    Positions are asked in increasing order, so the marks are counted incrementally
    from the last position asked (linear in the line, not quadratic: a line of
    3 MB with a space after every character is no slower than any other)."""

    __slots__ = ("line", "pos", "quotes", "text", "titles")

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = -1
        self.pos = 0
        self.titles = 0
        self.quotes = 0

    def _advance(self, ls: int, pos: int) -> None:
        if ls != self.line or pos < self.pos:
            self.line, self.pos, self.titles, self.quotes = ls, ls, 0, 0
        text, start = self.text, self.pos
        self.titles += text.count("《", start, pos) - text.count("》", start, pos)
        self.quotes += text.count("“", start, pos) - text.count("”", start, pos)
        self.pos = pos

    def inside(self, ls: int, pos: int) -> bool:
        """Inside 《…》 or “…”."""
        self._advance(ls, pos)
        return self.titles > 0 or self.quotes > 0

    def in_title(self, ls: int, pos: int) -> bool:
        """Inside 《…》."""
        self._advance(ls, pos)
        return self.titles > 0


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
        return sc.is_protected(pos) or sc.is_gap(pos) or any(s <= pos < e for s, e in deleted)

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

            while s > 0 and text[s - 1] in _WS:
                s -= 1
            while e < length and text[e] in _WS:
                e += 1
            covered = e
            runs_at.setdefault(s, e)
    for m in _WS_LINE.finditer(text):
        runs_at.setdefault(m.start(1), m.end(1))
    m1 = _WS_FIRST_LINE.match(text)
    if m1:
        runs_at.setdefault(0, m1.end())
    marks = _OpenMarks(text)
    index = ctx.parsed.index
    for s in sorted(runs_at):
        e = runs_at[s]
        if skip(s) or skip(e - 1):
            continue
        run = text[s:e]
        ls = index.line_start(index.position(s)[0])
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
            left_cn = _is_cjk(left)
            right_cn = _is_cjk(right)
            if not (left_cn or right_cn):
                continue
            ok_left = left_cn or left.isdigit() or left in _SPACE_LEFT
            ok_right = right_cn or right.isdigit() or right == "("
            if not (ok_left and ok_right):
                continue
            if (
                "\u4e00" <= left <= "\u9fff"
                and "\u4e00" <= right <= "\u9fff"
                and marks.inside(ls, s)
            ):
                continue
            found.append(
                _Space(
                    s,
                    e,
                    f"中文之间有多余的空格：{quote(_snippet(text, s, e, 4, 4))}，应删除",
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
        if not ctx.text.strip():
            return  # an empty text is not a notice at all (NL002), not a layout problem
        sc = scan(ctx)
        for sp in _stray_spaces(ctx, sc):
            fix_message = "改为两个全角空格" if sp.content else "删除多余空白"
            ctx.report(
                sp.message,
                ctx.span(sp.start, sp.end),
                fix=Fix(
                    applicability="safe",
                    message=fix_message,
                    edits=[ctx.edit(sp.start, sp.end, sp.content)],
                ),
            )


@register
class MixedPunctuationWidth(Rule):
    """同一种标点全角、半角混用（如“，”与“,”）。

    ## 检查什么 (What it does)
    统计中文文本中每种标点的全角和半角个数（逗号、冒号、分号、括号、叹号、问号、句号），
    同一种标点两种写法都出现时，全文报告一次，给出各自的个数。
    标题序号的括号（`(1)` 与 `（2）`）由 NL504 检查。安全修复把半角统一改为全角。
    每个半角标点只报告一次：NL801 已报告这些半角标点时（默认如此），本规则不再重复报告；
    关闭 NL801（例如 `ignore = ["NL801"]`）时，由本规则报告混用。

    ## 为什么 (Why it matters)
    GB/T 15834-2011 要求中文文本使用全角标点；同一篇通报中两种写法混用，
    说明文本经过拼接或转换，也显得不规范。

    ## 错误示例 (Bad)
    ```text
    县教育局党组研究确定校服供应企业,6月26日党组会议审议通过，并向社会公开。
    ```

    ## 正确示例 (Good)
    ```text
    县教育局党组研究确定校服供应企业，6月26日党组会议审议通过，并向社会公开。
    ```
    """

    code = "NL804"
    name = "mixed-punctuation-width"
    severity = "warning"
    fix = "safe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        if any(d.code == HalfwidthPunctuation.code for d in ctx.diagnostics):
            # NL801 (run before this rule) already reported every half-width mark,
            # each with its fix: saying it again would count each mark twice.
            return
        sc = scan(ctx)
        mixed = [k for k in _KIND_ORDER if sc.half[k] and sc.full[k]]
        if not mixed:
            return
        marks = [mk for mk in sc.marks if KIND[mk[1]] in mixed]
        detail = "；".join(
            f"{k}全角“{_KIND_FULL[k]}”{sc.full[k]}处、半角{sc.half[k]}处" for k in mixed
        )
        first = marks[0][0]
        ctx.report(
            f"全角、半角标点混用：{detail}，如{quote(_snippet(ctx.text, first, first + 1))}"
            "，应统一使用全角",
            ctx.span(first, first + 1),
            fix=Fix(
                applicability="safe",
                message=f"把{len(marks)}个半角标点改为全角",
                edits=sc.edits(marks),
            ),
        )


@register
class RangeHyphen(Rule):
    """用短横线“-”表示数值或时间范围（3-4月份、2024年10月-12月）。

    ## 检查什么 (What it does)
    数字（或“10月”等日期成分）与带汉字单位的数字之间的“-”，如“3-4月份”“5月24-27日”
    “2024-2025学年”“5-10个”。日期（2023-07-25）、电话号码（0755-88121796）、
    标准编号（GB/T 9704-2012）、书名号内的书名以及邮箱、网址中的“-”不报告。
    非安全修复把时间范围改为“至”（3至4月份），其他数值范围改为浪纹线“～”（5～10个）。

    ## 为什么 (Why it matters)
    GB/T 15834-2011《标点符号用法》（连接号）：短横线“-”用于连接号码、复合名词等；
    标示时间、数值的起止用一字线“—”或浪纹线“～”，公文中也常写作“至”。

    ## 错误示例 (Bad)
    ```text
    2024年3-4月份组织对部分学校开展学籍管理专项督查。
    ```

    ## 正确示例 (Good)
    ```text
    2024年3至4月份组织对部分学校开展学籍管理专项督查。
    ```
    """

    code = "NL805"
    name = "range-hyphen"
    severity = "info"
    fix = "unsafe"
    norm = "GB/T 15834-2011"
    structural = False

    def check(self, ctx: Context) -> None:
        text = ctx.text
        if "-" not in text:
            return
        sc: Scan | None = None
        length = len(text)
        index = ctx.parsed.index
        titles = _OpenMarks(text)
        for m in _HYPHEN_RE.finditer(text):
            pos = m.start()
            # The left operand: digits, or digits and a date unit (10月-12月).
            ls = pos
            if text[ls - 1] in _TIME_UNITS:
                ls -= 1
            unit_left = ls < pos
            ds = ls
            while ds > 0 and text[ds - 1].isdigit():
                ds -= 1
            left = text[ds:ls]
            if not left:
                continue
            re_ = pos + 1
            while re_ < length and text[re_].isdigit():
                re_ += 1
            right = text[pos + 1 : re_]
            after = text[re_ : re_ + 1]
            before = text[ds - 1 : ds] if ds else ""
            if before and (before in "-./:：#_" or (before.isascii() and before.isalnum())):
                continue  # part of a date, a code or a longer number
            if after in ("-", ".", ":", "/") or not (_HAN_RE.match(after) or after == "%"):
                continue  # 2023-07-25, a time, or no unit: not a range
            if (left.startswith("0") and len(left) >= 3) or len(right) >= 7 or len(left) >= 7:
                continue  # a phone number
            head = text[max(0, ds - 12) : ds].rstrip(" ")
            if re.search(r"[A-Za-z/][A-Za-z/.]*\s*$", head):
                continue  # a standard or model number: GB/T 9704-2012
            if titles.in_title(index.line_start(index.position(pos)[0]), pos):
                continue  # inside a document title
            if sc is None:
                sc = scan(ctx)
            if sc.is_protected(pos):
                continue
            word = next((w for w in _VALUE_WORDS + _TIME_WORDS if text.startswith(w, re_)), "")
            unit_end = re_ + max(1, len(word))
            time = word not in _VALUE_WORDS and (
                unit_left or after in _TIME_UNITS or word in _TIME_WORDS
            )
            sign = "至" if time else "～"
            written = text[ds:unit_end]
            good = text[ds:pos] + sign + text[pos + 1 : unit_end]
            ctx.report(
                f"用短横线表示范围：{quote(written)}，应写作“{good}”"
                "（短横线“-”只用于连接号码等，标示起止用“至”、一字线“—”或浪纹线“～”）",
                ctx.span(ds, unit_end),
                fix=Fix(
                    applicability="unsafe",
                    message=f"改为“{good}”",
                    edits=[ctx.edit(pos, pos + 1, sign)],
                ),
            )


# --- NL103 repeated word ------------------------------------------------------------

# A position where a Chinese character recurs 2–4 characters later: every repeated
# 2–4 character word starts at such a position. One lookahead of bounded length per
# position keeps the scan linear; the few candidates are verified by slicing.
_RECUR = re.compile(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff]{1,3}?\1)")
_CN_NUMERALS = "一二三四五六七八九十"


def _is_han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


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
