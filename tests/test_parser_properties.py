"""Property tests (hypothesis) for the segmenter and the parser: any text parses
without an exception, every span lies inside the text, and a notice flattened onto
one line parses to the same structure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticelint.lint import check_document
from noticelint.model import Notice
from noticelint.parse import parse_text
from noticelint.parse.segment import segment
from noticelint.read import Document
from noticelint.settings import Settings
from noticelint.span import LineIndex, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compliant"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NOTICES = sorted(FIXTURES.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
LINES = [
    line
    for path in NOTICES
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]

PIECES = st.sampled_from(
    [
        "一、", "二、", "（一）", "(二)", "1.", "2、", "（1）", "(2)", "整改措施：", "整改进度:",
        "整改进展情况：", "欢迎广大干部群众监督。", "公开期限：2024年9月2日至9月23日。",
        "联系电话：0595-87366129；", "电子邮箱：a@b.cn", "中共某县财政局党组", "2024年9月2日",
        "巡察", "根据县委统一部署，", "。", "，", " ", "\u3000", "\t", "\n", "\r\n", "|", "|||",
        "【打印本页】", "[bookmark: _GoBack]", "发布日期:2023-07-25 来源:网", "一是", "下一步，",
        "已完成整改", "正在推进", "&nbsp;", "关于", "的通报",
    ]
)  # fmt: skip


def _check_span(span: Span, index: LineIndex) -> None:
    assert 1 <= span.line <= index.line_count
    assert 1 <= span.end_line <= index.line_count
    assert (span.line, span.column) <= (span.end_line, span.end_column)
    assert span.column >= 1
    assert span.column <= len(index.line_text(span.line)) + 1
    assert span.end_column <= len(index.line_text(span.end_line)) + 1


def _spans(notice: Notice) -> list[Span]:
    out: list[Span] = []
    if notice.title:
        out.append(notice.title.span)
    if notice.opening:
        out.append(notice.opening.span)
    for s in notice.sections:
        out.append(s.span)
        out.extend(p.span for p in s.paragraphs)
        for a in s.areas:
            out.append(a.span)
            for p in a.problems:
                out.append(p.span)
                out.extend(m.span for m in p.measures)
        for p in s.problems:
            out.append(p.span)
    for part in (notice.closing, notice.disclosure, notice.contact, notice.signature):
        if part is not None:
            out.append(part.span)
    return out


def _assert_well_formed(text: str) -> None:
    parsed = parse_text(text, "prop.txt")
    seg = parsed.segmentation
    previous_end = 0
    for s in seg.segments:
        assert s.text == text[s.start : s.end]
        assert s.text and s.text == s.text.strip(" \t\u3000\xa0")
        assert "\n" not in s.text
        assert s.start >= previous_end
        previous_end = s.end
    for span in _spans(parsed.notice):
        _check_span(span, parsed.index)
    _, diagnostics = check_document(Document(path="prop.txt", text=text), Settings())
    for d in diagnostics:
        _check_span(Span(d.line, d.column, d.end_line, d.end_column), parsed.index)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join))
def test_any_text_parses_and_spans_stay_inside(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _assert_well_formed(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=80))
def test_notices_shuffled_from_real_lines_parse(lines: list[str]) -> None:
    _assert_well_formed("\n".join(lines))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(NOTICES),
    st.data(),
)
def test_deleting_duplicating_or_swapping_lines_never_breaks_the_parser(
    path: Path, data: st.DataObject
) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(0, 6))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap", "join", "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "truncate":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
    _assert_well_formed("\n".join(lines))


def _shape(notice: Notice) -> list[object]:
    shape: list[object] = [notice.title is not None, notice.opening is not None]
    for s in notice.sections:
        shape.append((s.number, s.kind))
        for a in s.areas:
            shape.append(
                (
                    a.number,
                    [
                        (p.number, len(p.children), p.status.class_ if p.status else None)
                        for p in a.problems
                    ],
                )
            )
        shape.append([p.number for p in s.problems])
    shape.append(notice.closing is not None)
    shape.append((notice.disclosure.start, notice.disclosure.end) if notice.disclosure else None)
    shape.append(notice.contact.phones if notice.contact else None)
    shape.append((notice.signature.organ, notice.signature.date) if notice.signature else None)
    return shape


def test_compliant_notices_flattened_onto_one_line_keep_their_structure() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [line.strip(" \u3000") for line in text.splitlines() if line.strip()]
        # Title and body on separate lines, the body flattened as in seed 004.
        flattened = lines[0] + "\n" + " ".join(lines[1:])
        if len(lines) > 1 and not lines[1].startswith("根据"):
            flattened = lines[0] + lines[1] + "\n" + " ".join(lines[2:])
            text = "\n".join([lines[0] + lines[1], *lines[2:]])
        original = parse_text(text, path.name).notice
        flat = parse_text(flattened, path.name).notice
        assert _shape(flat) == _shape(original), path.name


def test_segment_records_every_artifact_kind() -> None:
    text = "标题 | |||\n|\n发布日期:2023-07-25   来源:廉洁深圳网\n[bookmark: _GoBack]（4）正文&nbsp;内容\n【打印本页】 【关闭窗口】 |\n"
    kinds = sorted({a.kind for a in segment(text).artifacts})
    assert kinds == ["bookmark", "entity", "meta", "pipes", "print-links"]
    texts = [s.text for s in segment(text).segments]
    assert texts == ["标题", "（4）正文&nbsp;内容"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙，。\n ", max_size=80), st.data())
def test_a_file_wide_fix_is_placed_line_by_line_as_each_offset_alone(text: str, data: Any) -> None:
    """``LineIndex.place`` walks down the lines once; each mark gets the line and
    column that ``position`` gives its offset alone."""
    index = LineIndex(text)
    offsets = sorted(set(data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=30))))
    marks = [(offset, "，") for offset in offsets if offset < len(text)]
    assert index.place(marks) == [(*index.position(offset), mark) for offset, mark in marks]
