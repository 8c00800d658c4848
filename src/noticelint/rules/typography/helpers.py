"""The analysis the typography rules share (scans, patterns, small helpers)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from itertools import pairwise, repeat
from operator import itemgetter, le

from noticelint.diagnostics import CompactEdits
from noticelint.parse.fields import EMAIL_RE
from noticelint.parse.tokens import BRACKETED, HEADINGS
from noticelint.rules.base import Context, per_document
from noticelint.rules.input.helpers import residues
from noticelint.text import HAN_CLASS, HAN_RANGES, is_han

# Chinese characters, and the marks and quotes that belong to Chinese text.

_CJK = HAN_RANGES + "\u3001-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026"

# The patterns below hold classes of Chinese characters, which the regex engine takes
# about 1.5 ms each to compile (it sets every code point of the ranges one by one):
# they are compiled on first use, not when the rules are imported.


@cache
def han_re() -> re.Pattern[str]:
    """One Han character (the same pattern as the parser's, so compiled once)."""
    return re.compile(HAN_CLASS)


@cache
def _mark_re(ch: str) -> re.Pattern[str]:
    """The half-width mark ``ch`` where a Chinese character (or mark) is next to it;
    led by the literal, so the engine skips to the next ``ch`` at memchr speed."""
    return re.compile(rf"{re.escape(ch)}(?:(?<=[{_CJK}]{re.escape(ch)})|(?=[{_CJK}]))")


@cache
def _period_re() -> re.Pattern[str]:
    """A "." ending a sentence: after a Chinese character, before Chinese text, white
    space or the end."""
    return re.compile(rf"\.(?<={HAN_CLASS}\.)(?=[{_CJK}\s]|\Z)")


_MARKS = ",:;!?"

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

KIND_ORDER = ["逗号", "冒号", "分号", "括号", "叹号", "问号", "句号"]

KIND_FULL = {
    "逗号": "，",
    "冒号": "：",
    "分号": "；",
    "括号": "（）",
    "叹号": "！",
    "问号": "？",
    "句号": "。",
}

Mark = tuple[int, str]  # (offset, half-width character)

_offset = itemgetter(0)

_match_start = re.Match.start


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
        ranges = self._raw + [
            (tok.seg.start, tok.seg.start + tok.body_offset)
            for tok in self.ctx.parsed.tokens
            if tok.body_offset and tok.type in HEADINGS
        ]
        ranges.sort()
        starts = [s for s, _ in ranges]
        ends = [e for _, e in ranges]
        if any(map(le, starts[1:], ends)):  # ranges that touch or overlap: merge them
            starts, ends = [], []
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
            gaps = [
                (prev.end, seg.start)
                for prev, seg in pairwise(self.ctx.parsed.segmentation.segments)
                if prev.line == seg.line and prev.end < seg.start
            ]
            self._gap_starts = [s for s, _ in gaps]
            self._gap_ends = [e for _, e in gaps]
        i = bisect_right(self._gap_starts, pos) - 1
        return i >= 0 and pos < self._gap_ends[i]

    def edits(self, marks: list[Mark]) -> CompactEdits:
        """Edits turning ``marks`` full-width, expanded only when read."""
        return self.ctx.char_edits(marks, FULL)

    def _inside(self, offsets: list[int]) -> list[tuple[int, int]]:
        """The index ranges ``[i, j)`` of ``offsets`` (sorted) that lie inside a
        protected range: one pass over the ranges, not a look-up per offset."""
        if not offsets:
            return []  # (and the ranges of a clean text are never built)
        starts = self._starts if self._starts is not None else self._build()
        inside: list[tuple[int, int]] = []
        pos = 0
        last = len(offsets)
        for s, e in zip(starts, self._ends, strict=True):
            i = bisect_left(offsets, s, pos)
            if i == last:
                break
            if offsets[i] < e:
                pos = bisect_left(offsets, e, i)
                inside.append((i, pos))
        return inside

    def split_protected(self, marks: list[Mark]) -> tuple[list[Mark], list[Mark]]:
        """``marks`` (sorted by offset) split into those outside the protected ranges
        and those inside."""
        kept: list[Mark] = []
        dropped: list[Mark] = []
        pos = 0
        for i, j in self._inside(list(map(_offset, marks))):
            kept += marks[pos:i]
            dropped += marks[i:j]
            pos = j
        kept += marks[pos:]
        return kept, dropped

    def protected_among(self, offsets: list[int]) -> set[int]:
        """Those of ``offsets`` (sorted) inside a protected range."""
        return {o for i, j in self._inside(offsets) for o in offsets[i:j]}


@per_document
def scan(ctx: Context) -> Scan:
    """The shared scan of ``ctx``'s document (computed once for the NL8 rules)."""
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
    if ("/" in text and "://" in text) or ("w" in text and "www." in text):
        protected.extend(m.span() for m in _URL_RE.finditer(text))
    sig = ctx.notice.signature
    if sig is not None and sig.date_span is not None:  # its format is NL703's
        span = sig.date_span
        protected.append((ctx.start_of(span), ctx.end_of(span)))
    out = Scan(ctx, protected)
    _find_marks(text, out)
    if out.marks:
        _count_full(ctx, out)
    return out


def _count_full(ctx: Context, out: Scan) -> None:
    """The full-width marks of each kind NL801 and NL804 weigh the half-width ones
    against (the full stops only where there are half-width ones: NL801 leaves them
    out of its ratio)."""
    text = ctx.text
    full = out.full
    full["逗号"] = text.count("，")
    full["冒号"] = text.count("：")
    full["分号"] = text.count("；")
    full["叹号"] = text.count("！")
    full["问号"] = text.count("？")
    if out.half["句号"]:
        full["句号"] = text.count("。")
    if "（" in text:
        # Full-width brackets of heading markers are NL504's, like the half-width ones.
        markers = sum(
            1 for tok in ctx.parsed.tokens if tok.type in BRACKETED and tok.text.startswith("（")
        )
        full["括号"] = text.count("（") - markers


def _find_marks(text: str, out: Scan) -> None:
    """The half-width marks of Chinese text (sorted) and their count by kind: each
    kind found by its own literal-led pattern, all of them then cleared of protected
    ranges in one pass."""
    marks: list[Mark] = []
    found: dict[str, int] = {}  # mark -> how many, protected ones still in
    for ch in _MARKS:
        if ch in text:
            # (offset, mark) pairs built by iterators in C: hundreds in a converted text
            of_kind = list(zip(map(_match_start, _mark_re(ch).finditer(text)), repeat(ch)))
            marks += of_kind
            found[ch] = len(of_kind)
    if "." in text:
        periods = [(pos, ".") for pos in _sentence_periods(text)]
        marks += periods
        found["."] = len(periods)
    if "(" in text or ")" in text:
        marks += _find_brackets(text, out)  # cleared of protected ranges already
    marks.sort(key=_offset)
    out.marks, dropped = out.split_protected(marks)
    half = out.half
    for ch, count in found.items():
        half[KIND[ch]] += count
    for _, ch in dropped:
        half[KIND[ch]] -= 1


def _sentence_periods(text: str) -> list[int]:
    """The "." that end a Chinese sentence (not the 一. of a sequence number: NL503)."""
    found: list[int] = []
    for m in _period_re().finditer(text):
        pos = m.start()
        ls = text.rfind("\n", max(0, pos - 4), pos) + 1
        if not _CN_NUMBER_DOT.search(text, max(ls, pos - 4), pos + 1):
            found.append(pos)
    return found


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is Chinese text: a Han character or full-width punctuation."""
    return is_han(ch) or (
        bool(ch)
        and (
            "\u3001" <= ch <= "\u303f"
            or "\uff01" <= ch <= "\uff5e"
            or ch in "\u2018\u2019\u201c\u201d\u2014\u2026"
        )
    )


def _find_brackets(text: str, out: Scan) -> list[Mark]:
    """The half-width brackets of Chinese text, outside the protected ranges: a pair
    with Chinese inside or next to it, a lone one next to Chinese. Counted in
    ``out.half`` (a pair once)."""
    pairs = [(m.start(), m.end() - 1, m.group(1)) for m in _OPEN_RE.finditer(text)]
    ends = [e for _, e, inner in pairs if inner is not None]
    # A ")" that closes no "(" is looked for only when there are more ")" than pairs.
    lone = ")" in text and text.count(")") != len(ends)
    closes = list(map(_match_start, _CLOSE_RE.finditer(text))) if lone else ends
    blocked = out.protected_among(sorted([s for s, _, _ in pairs] + closes))
    found: list[Mark] = []
    count = 0
    has_han = han_re().search
    for s, e, inner in pairs:
        if inner is None:  # a "(" without its ")" on the line
            if s not in blocked and (is_cjk(text[s - 1 : s]) or is_cjk(text[s + 1 : s + 2])):
                found.append((s, "("))
                count += 1
            continue
        if s in blocked or e in blocked:
            continue
        if has_han(inner) or is_cjk(text[s - 1 : s]) or is_cjk(text[e + 1 : e + 2]):
            found += ((s, "("), (e, ")"))
            count += 1
    if lone:
        paired = set(ends)
        for e in closes:
            if e in paired or e in blocked:
                continue
            if is_cjk(text[e - 1 : e]) or is_cjk(text[e + 1 : e + 2]):
                found.append((e, ")"))
                count += 1
    out.half["括号"] += count
    return found


def excerpt(text: str, start: int, end: int, before: int = 6, after: int = 6) -> str:
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


class OpenMarks:
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
