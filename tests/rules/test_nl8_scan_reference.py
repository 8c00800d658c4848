"""The NL8 shared scan finds exactly what the scan it replaced found.

The scan that NL801–NL805 share was once a pattern per half-width mark, each cleared
of the protected ranges on its own, with a look-up per bracket. The reference below is
that scan, kept slow and simple; random Chinese text (marks of both widths, brackets,
heading markers, e-mail addresses, URLs, white space) must give the same marks and the
same counts by kind from both.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticelint.parse.fields import EMAIL_RE
from noticelint.parse.pipeline import parse_document
from noticelint.parse.tokens import BRACKETED
from noticelint.read import Document
from noticelint.rules.base import Context
from noticelint.rules.input.helpers import residues
from noticelint.rules.typography.helpers import Scan, is_cjk, scan
from noticelint.text import HAN_CLASS, HAN_RANGES

_CJK = HAN_RANGES + "\u3001-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026"
_HAN_RE = re.compile(HAN_CLASS)
_MARK_RES = {
    ch: re.compile(rf"{re.escape(ch)}(?:(?<=[{_CJK}]{re.escape(ch)})|(?=[{_CJK}]))")
    for ch in ",:;!?"
}
_PERIOD_RE = re.compile(rf"\.(?<={HAN_CLASS}\.)(?=[{_CJK}\s]|\Z)")
_CN_NUMBER_DOT = re.compile(r"(?:^|(?<=[\s。；;:：]))[一二三四五六七八九十]{1,3}\.$")
_OPEN_RE = re.compile(r"\((?:([^()\n]{0,100})\))?")
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_KIND = {",": "逗号", ":": "冒号", ";": "分号", "!": "叹号", "?": "问号", ".": "句号"}


def _reference_protected(ctx: Context) -> list[tuple[int, int]]:
    text = ctx.text
    protected = [(min(r.start, r.found_start), max(r.end, r.found_end)) for r in residues(ctx)]
    for at in [i for i, ch in enumerate(text) if ch == "@"]:
        start = at
        while start > 0 and text[start - 1] in _EMAIL_LOCAL:
            start -= 1
        m = EMAIL_RE.match(text, start)
        if m:
            protected.append(m.span())
    if "://" in text or "www." in text:
        protected.extend(m.span() for m in _URL_RE.finditer(text))
    sig = ctx.notice.signature
    if sig is not None and sig.date_span is not None:
        protected.append((ctx.start_of(sig.date_span), ctx.end_of(sig.date_span)))
    return protected


def _reference_brackets(text: str, out: Scan) -> list[tuple[int, str]]:
    protected = out.is_protected
    marks: list[tuple[int, str]] = []
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
            if _HAN_RE.search(inner) or is_cjk(text[s - 1 : s]) or is_cjk(text[e + 1 : e + 2]):
                marks += [(s, "("), (e, ")")]
                count += 1
        elif not protected(s) and (is_cjk(text[s - 1 : s]) or is_cjk(text[s + 1 : s + 2])):
            marks.append((s, "("))
            count += 1
    for e in [i for i, ch in enumerate(text) if ch == ")"]:
        if e in paired or protected(e):
            continue
        if is_cjk(text[e - 1 : e]) or is_cjk(text[e + 1 : e + 2]):
            marks.append((e, ")"))
            count += 1
    out.half["括号"] += count
    return marks


def reference_scan(ctx: Context) -> Scan:
    """The scan as it was: one pattern per mark, one look-up per mark."""
    text = ctx.text
    out = Scan(ctx, _reference_protected(ctx))
    marks: list[tuple[int, str]] = []
    for ch, pattern in _MARK_RES.items():
        found = [m.start() for m in pattern.finditer(text) if not out.is_protected(m.start())]
        marks += [(pos, ch) for pos in found]
        out.half[_KIND[ch]] += len(found)
    for m in _PERIOD_RE.finditer(text):
        pos = m.start()
        if out.is_protected(pos):
            continue
        ls = text.rfind("\n", max(0, pos - 4), pos) + 1
        if _CN_NUMBER_DOT.search(text, max(ls, pos - 4), pos + 1):
            continue
        marks.append((pos, "."))
        out.half["句号"] += 1
    marks += _reference_brackets(text, out)
    out.marks = sorted(marks)
    if out.marks:
        for kind, ch in zip(_KIND.values(), "，：；！？。", strict=True):
            out.full[kind] = text.count(ch)
        if "（" in text:
            markers = sum(
                1
                for tok in ctx.parsed.tokens
                if tok.type in BRACKETED and tok.text.startswith("（")
            )
            out.full["括号"] = text.count("（") - markers
    return out


def _context(text: str) -> Context:
    parsed = parse_document(Document(path="draft.txt", text=text))
    return Context(parsed, parsed.profile)


def _weighed(sc: Scan) -> tuple[Counter[str], dict[str, int]]:
    """The counts the rules read: the half-width ones by kind, and the full-width ones
    NL801 and NL804 weigh them against (full stops only where there are half-width
    ones)."""
    full = {k: v for k, v in sc.full.items() if k != "句号" or sc.half["句号"]}
    return +sc.half, full


PIECES = st.sampled_from(
    [*"党组整改落实一二三四五是的", *"0123456789", *",:;!?.()", *"，：；！？。（）、“”《》…—",
     *"abcXYZ@/-_", " ", "\u3000", "\t", "\n", "(一)", "(1)", "一.", "1.", "（二）",
     "a.b@163.com", "http://x.cn/a,b", "www.gov.cn", "3,000", "8:30", "(含专题研讨)",
     "一、", "\n二、", "\n（一）", "\n1.", "\n三,关于", "\n1,关于", "\n2:关于", "\n(四)",
     "2024年9月2日", "(", ")", "()", "【打印本页】", "\n发布时间:2023-07-25 来源:网站\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_scan_finds_the_marks_the_pattern_per_mark_scan_found(text: str) -> None:
    new, old = scan(_context(text)), reference_scan(_context(text))
    assert new.marks == old.marks
    assert _weighed(new) == _weighed(old)
    assert [new.is_protected(i) for i in range(len(text))] == [
        old.is_protected(i) for i in range(len(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "整改(党http://x.cn/a)落实",  # the ")" inside a URL: the pair is left alone
        "联系(邮箱a.b@163.com)党",
        "党)整改(落实\n)",
        "一、总体\n(一)整改(含专题),落实:完成;\n",
        "(" * 3 + "党" + ")" * 4,
    ],
)
def test_scan_finds_the_marks_of_protected_and_lone_brackets_as_before(text: str) -> None:
    new, old = scan(_context(text)), reference_scan(_context(text))
    assert (new.marks, _weighed(new)) == (old.marks, _weighed(old))


def test_the_reference_sees_what_the_rules_report() -> None:
    """The property above is not vacuous: half-width marks next to Chinese text,
    inside a heading marker (protected) and in a number."""
    text = "一、总体情况\n(一)整改情况\n研究确定企业,6月26日通过(含专题研讨)。共3,000元.\n"
    sc = scan(_context(text))
    assert [ch for _, ch in sc.marks] == [",", "(", ")", "."]
    assert sc.marks == reference_scan(_context(text)).marks
