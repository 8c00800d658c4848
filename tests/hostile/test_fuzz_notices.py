"""Fuzzing notices built from their parts (hypothesis).

Unlike ``tests/test_parser_properties.py`` (arbitrary text, shuffled corpus lines)
and ``tests/test_fix.py`` (the corpus with punctuation defects), the notices here
are *generated*: a title, an opening, sections with areas, problems, measures and
status lines, a closing, 公开期限, contact and signature, with every marker style,
punctuation width and label variant the parser knows. Then they are perturbed —
parts deleted, duplicated, swapped, flattened onto one line, punctuation width
flipped, markers and scrape residue injected, the text truncated — and stored with
LF, CRLF or CR line breaks, with or without a BOM, in UTF-8 or GB18030.

Invariants, through the whole pipeline (bytes → read → parse → all rules → fixes):

* no exception;
* every span of the model and of every diagnostic (and of every fix edit) lies
  inside the text;
* leaf problems never outnumber the ``1.``/``（1）`` markers they come from;
* fixes converge, are idempotent, and are lossless: outside the edited ranges the
  file's text (its own line breaks included) is unchanged, in every pass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.fix import fix_document, selected_edits
from noticelint.lint import check_document
from noticelint.parse import Parsed, parse_document
from noticelint.read import Document, ReadError, read_bytes
from noticelint.settings import Settings
from noticelint.span import LineIndex, Span

SETTINGS = Settings()
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


# --- parts ------------------------------------------------------------------------

organs = st.sampled_from(
    ["中共桐溪县财政局党组", "中共明川市统计局党组", "中共东岚省交通运输厅党组", "某某区教育局党委"]
)
kinds = st.sampled_from(["巡察", "巡视"])
colons = st.sampled_from(["：", ":", ""])
commas = st.sampled_from(["，", ","])
stops = st.sampled_from(["。", ".", ""])
semis = st.sampled_from(["；", ";"])
days = st.tuples(st.integers(2018, 2026), st.integers(1, 13), st.integers(1, 32))


def date(ymd: tuple[int, int, int], style: int = 0) -> str:
    y, m, d = ymd
    if style == 1:
        return f"{y}年{m:02d}月{d:02d}日"
    if style == 2:
        return f"{y}.{m}.{d}"
    return f"{y}年{m}月{d}日"


@st.composite
def title(draw: st.DrawFn, organ: str, kind: str) -> list[str]:
    text = f"{organ}关于{draw(st.sampled_from(['县委', '市委', '省委']))}第{draw(st.sampled_from(CN))}轮{kind}整改进展情况的通报"
    if draw(st.booleans()):  # set on two lines
        cut = draw(st.integers(1, len(text) - 1))
        return [text[:cut], text[cut:]]
    return [text]


@st.composite
def opening(draw: st.DrawFn, organ: str, kind: str, areas: int, problems: int) -> str:
    c = draw(commas)
    return (
        f"根据县委{kind}工作统一部署{c}{date(draw(days))}至{date(draw(days))}{c}县委第二{kind}组对"
        f"{organ}开展了常规{kind}。{date(draw(days), draw(st.integers(0, 2)))}{c}{kind}组向{organ}"
        f"反馈了{kind}意见{c}指出了{draw(st.integers(0, 12)) if draw(st.booleans()) else areas}个方面"
        f"{problems}个问题。按照{kind}工作有关要求{c}现将{kind}整改进展情况予以公布。"
    )


def h1(n: int, style: int) -> str:
    return f"{cn(n)}{['、', '．', '.', ' ', '，'][style % 5]}"


def h2(n: int, style: int) -> str:
    return ["（{}）", "({})", "（{}）、", "( {} )"][style % 4].format(cn(n))


def h3(n: int, style: int) -> str:
    return ["{}.", "{}、", "{}．", "{} ", "{}，"][style % 5].format(n)


def h4(n: int, style: int) -> str:
    return ["（{}）", "({})", "（{}）、", "( {} )"][style % 4].format(n)


STATUS = ["整改进展情况", "整改进度", "整改进展", "完成情况", "目前进展"]
STATES = [
    "已完成整改",
    "已完成整改并长期坚持",
    "基本完成，持续推进",
    "正在推进",
    "部分完成",
    "需长期坚持",
]


@st.composite
def problem(draw: st.DrawFn, number: int, style: int, level: int) -> list[str]:
    marker = h3(number, style) if level == 3 else h4(number, style)
    lines = [
        f"{marker}关于{draw(st.sampled_from(['学习贯彻', '财务管理', '选人用人', '作风建设']))}不到位的问题{draw(stops)}"
    ]
    label = draw(st.sampled_from(["整改措施", "主要整改措施", " 整改措施"]))
    form = draw(st.integers(0, 3))
    if form == 0:  # label, then numbered measures
        lines.append(f"{label}{draw(colons)}")
        for k in range(1, draw(st.integers(1, 3)) + 1):
            lines.append(f"{h4(k, style)}修订制度{draw(commas)}建立台账{draw(stops)}")
    elif form == 1:  # label and text on one line
        lines.append(f"{label}{draw(colons)}一是召开专题会议{draw(semis)}二是完善制度。")
    elif form == 2:  # narrative only
        lines.append("针对该问题，制定整改方案，明确责任分工。")
    status = draw(st.sampled_from(STATUS))
    if draw(st.integers(0, 4)):
        lines.append(f"{status}{draw(colons)}{draw(st.sampled_from(STATES))}{draw(stops)}")
    return lines


@st.composite
def progress_section(draw: st.DrawFn, number: int, style: int) -> tuple[list[str], int, int]:
    lines = [
        f"{h1(number, style)}{draw(st.sampled_from(['巡察反馈问题整改进展情况', '反馈意见整改落实情况']))}"
    ]
    areas = draw(st.integers(0, 3))
    count = 0
    for a in range(1, areas + 1):
        lines.append(
            f"{h2(a, style)}{draw(st.sampled_from(['贯彻落实决策部署', '全面从严治党', '基层党组织建设']))}方面"
        )
        for p in range(1, draw(st.integers(0, 3)) + 1):
            level = 3 if draw(st.integers(0, 3)) else 4
            lines.extend(draw(problem(p, style, level)))
            count += 1
            if level == 3 and draw(st.integers(0, 4)) == 0:  # sub-problems
                for q in range(1, draw(st.integers(1, 2)) + 1):
                    lines.extend(draw(problem(q, style, 4)))
                    count += 1
    return lines, max(areas, 1), count


@st.composite
def notices(draw: st.DrawFn) -> list[str]:
    """A notice as a list of lines (paragraphs)."""
    organ, kind = draw(organs), draw(kinds)
    style = draw(st.integers(0, 20))
    body, areas, problems = draw(progress_section(2, style))
    lines: list[str] = []
    lines += draw(title(organ, kind))
    if draw(st.booleans()):
        lines.append("")
    lines.append(
        ("\u3000\u3000" if draw(st.booleans()) else "")
        + draw(opening(organ, kind, areas, problems))
    )
    lines.append(f"{h1(1, style)}加强{kind}整改组织领导情况")
    lines.append(f"成立整改工作领导小组{draw(commas)}制定整改方案{draw(stops)}")
    lines += body
    if draw(st.booleans()):
        lines.append(f"{h1(3, style)}线索处置情况")
        lines.append("对移交的问题线索已全部办结。")
    lines.append(f"{h1(4, style)}下一步工作打算")
    lines.append("持续巩固整改成果，推动整改走深走实。")
    lines.append(f"欢迎广大干部群众对{kind}整改落实情况进行监督{draw(stops)}")
    d = draw(days)
    lines.append(
        f"公开期限{draw(colons)}{date(d, draw(st.integers(0, 2)))}至{d[1]}月{d[2] % 28 + 1}日{draw(stops)}"
    )
    s = draw(semis)
    lines.append(
        f"联系电话{draw(colons)}0596-83271506{s}通信地址{draw(colons)}某县府前路18号{s}"
        f"{draw(st.sampled_from(['邮政编码', '邮编']))}{draw(colons)}363100{s}"
        f"{draw(st.sampled_from(['电子邮箱', '邮箱']))}{draw(colons)}a@example.com{draw(stops)}"
    )
    sig = [organ, date(draw(days), draw(st.integers(0, 2)))]
    lines += [" ".join(sig)] if draw(st.integers(0, 4)) == 0 else sig
    return lines


# --- perturbations ----------------------------------------------------------------

INJECT = [
    "一、",
    "（二）",
    "3.",
    "（4）",
    "整改措施：",
    "整改进展情况：",
    "十一、",
    "(十)",
    "99.",
    "（99）",
]
RESIDUE = ["| |||", "【打印本页】 【关闭窗口】", "[bookmark: _GoBack]", "&nbsp;&nbsp;", "&ldquo;",
           "发布日期:2023-07-25 来源:廉洁网", "|", "\t", "\u3000", "\u200b", "\ufeff"]  # fmt: skip
WIDTH = str.maketrans("，：；（）。！？", ",:;().!?")
WIDTH_BACK = str.maketrans(",:;()!?", "，：；（）！？")


@st.composite
def perturbed(draw: st.DrawFn) -> str:
    lines = draw(notices())
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "flatten", "width", "inject", "residue", "truncate"]
            )
        )
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "flatten":  # a run of lines (up to all of them) onto one line
            k = draw(st.integers(2, max(2, len(lines) - i)))
            sep = draw(st.sampled_from([" ", "  ", "\u3000", "\xa0", ""]))
            lines[i : i + k] = [sep.join(lines[i : i + k])]
        elif op == "width":
            lines[i] = lines[i].translate(WIDTH if draw(st.booleans()) else WIDTH_BACK)
        elif op == "inject":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(INJECT)) + lines[i][at:]
        elif op == "residue":
            where = draw(st.sampled_from(["line", "start", "end", "inside"]))
            junk = draw(st.sampled_from(RESIDUE))
            if where == "line":
                lines.insert(i, junk)
            elif where == "start":
                lines[i] = junk + lines[i]
            elif where == "end":
                lines[i] = lines[i] + " " + junk
            else:
                at = draw(st.integers(0, len(lines[i])))
                lines[i] = lines[i][:at] + junk + lines[i][at:]
        else:  # truncate the whole text here
            at = draw(st.integers(0, len(lines[i])))
            lines = [*lines[:i], lines[i][:at]]
    return "\n".join(lines)


@st.composite
def stored(draw: st.DrawFn) -> bytes:
    """A perturbed notice as a file's bytes: line breaks, BOM, encoding."""
    text = draw(perturbed())
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    if newline == "mixed":
        parts = text.split("\n")
        text = "".join(p + ("\n", "\r\n", "\r")[k % 3] for k, p in enumerate(parts))
    else:
        text = text.replace("\n", newline)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


# --- invariants -------------------------------------------------------------------


def _spans(node: object, depth: int = 0) -> Iterator[Span]:
    """Every Span anywhere in the model (Internal fields included)."""
    assert depth < 50
    if isinstance(node, Span):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _spans(item, depth + 1)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            yield from _spans(getattr(node, f.name), depth + 1)


def _inside(span: Span, index: LineIndex) -> None:
    assert 1 <= span.line <= span.end_line <= index.line_count, span
    assert (span.line, span.column) <= (span.end_line, span.end_column), span
    assert 1 <= span.column <= len(index.line_text(span.line)) + 1, span
    assert 1 <= span.end_column <= len(index.line_text(span.end_line)) + 1, span


def _check_well_formed(parsed: Parsed, diagnostics: list[Diagnostic]) -> None:
    index = parsed.index
    for span in _spans(parsed.notice):
        _inside(span, index)
    for d in diagnostics:
        _inside(Span(d.line, d.column, d.end_line, d.end_column), index)
        if d.fix is not None:
            for e in d.fix.edits:
                _inside(Span(e.line, e.column, e.end_line, e.end_column), index)
    leaves = [p for s in parsed.notice.progress_sections() for p in s.leaf_problems()]
    # Each leaf problem stands on a heading of its own: a 1./（1） (or an unnumbered
    # S8 sentence, an H3 without number), or an 一、/（一） that names the problem.
    markers = sum(tok.type in ("H3", "H4") for tok in parsed.tokens)
    markers += sum(p.level <= 2 for p in leaves)
    assert len(leaves) <= markers


def lint(doc: Document) -> list[Diagnostic]:
    return check_document(doc, SETTINGS)[1]


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(stored())
def test_generated_notices_go_through_the_whole_pipeline(data: bytes) -> None:
    try:
        document = read_bytes(data, "fuzz.txt")
    except ReadError:
        return  # a truncated GB18030 text may not decode: NL001, not a crash
    parsed, diagnostics = check_document(document, SETTINGS)
    assert parsed.document.text == document.text
    _check_well_formed(parse_document(document), diagnostics)


def _offsets(text: str) -> list[int]:
    """Start offsets of the lines of ``text`` (CRLF, CR and LF each end a line)."""
    starts = [0]
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r" and text.startswith("\r\n", i):
            i += 1
        if ch in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


def _assert_lossless(before: Document, fixes: list[list[Edit]], after: str) -> None:
    """Outside the edited ranges, ``after`` is ``before``'s own text, character for
    character (an independent re-computation, not fix.apply_edits)."""
    raw = before.original
    starts = _offsets(raw)
    bom = 1 if raw.startswith("\ufeff") else 0

    def at(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 + (bom if line == 1 else 0)

    ranges = sorted(
        (at(e.line, e.column), at(e.end_line, e.end_column), e.content) for f in fixes for e in f
    )
    pos = 0  # in raw
    out = 0  # in after
    for start, end, content in ranges:
        assert start >= pos, "overlapping edits were applied together"
        keep = raw[pos:start]
        assert after[out : out + len(keep)] == keep
        out += len(keep)
        inserted = content.replace("\n", before.newline)
        assert after[out : out + len(inserted)] == inserted
        out += len(inserted)
        pos = end
    assert after[out:] == raw[pos:]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(stored(), st.booleans())
def test_fixes_on_generated_notices_converge_and_are_idempotent_and_lossless(
    data: bytes, unsafe: bool
) -> None:
    try:
        document = read_bytes(data, "fuzz.txt")
    except ReadError:
        return
    # Every pass is lossless outside its edits.
    doc = document
    for _ in range(10):
        fixes = selected_edits(lint(doc), unsafe=unsafe)
        if not fixes:
            break
        result = fix_document(doc, lint, unsafe=unsafe, max_passes=1)
        _assert_lossless(doc, fixes, result.document.original)
        doc = result.document
    first = fix_document(document, lint, unsafe=unsafe)
    assert first.converged
    assert first.document.original == doc.original  # pass by pass = all at once
    second = fix_document(first.document, lint, unsafe=unsafe)
    assert second.applied == 0 and second.document.original == first.document.original
    # The fixed file keeps its encoding, BOM and line-break style.
    fixed_bytes = first.document.encode(first.document.original)
    again = read_bytes(fixed_bytes, "fuzz.txt")
    assert again.text == first.document.text
    assert again.bom == document.bom
    if document.newline == "\r\n" and "\r\n" in document.original:
        plain = document.original.replace("\r\n", "")
        if "\n" not in plain and "\r" not in plain:  # only CRLF before: only CRLF after
            assert "\n" not in first.document.original.replace("\r\n", "")
