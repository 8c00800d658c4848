"""NL5 — numbering and hierarchy.

Each rule gets a BAD notice (a compliant fixture with one defect injected by a
string replace) and the compliant original as the GOOD notice, fix tests, and the
facts of the real seeds in corpus/. The plain one-edit NL501/NL502 drafts are rows
of tests/rules/cases/NL5.toml, run by tests/rules/test_cases.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.lint import check_document
from noticelint.read import Document, read_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT = ROOT / "tests" / "fixtures" / "compliant"
CORPUS = ROOT / "corpus"
NL5 = ["NL501", "NL502", "NL503", "NL504", "NL505", "NL506"]
COMPLIANT_NAMES = sorted(p.name for p in COMPLIANT.glob("*.txt"))


# --- helpers ------------------------------------------------------------------------


def lint(text: str) -> list[Diagnostic]:
    return check_document(Document(path="draft.txt", text=text), Settings(select=["ALL"]))[1]


def nl5(text: str) -> list[Diagnostic]:
    return [d for d in lint(text) if d.code in NL5]


def hits(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint(text) if d.code == code]


def seed(prefix: str) -> tuple[str, list[Diagnostic]]:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    doc = read_path(path)
    diags = check_document(doc, Settings(select=["NL5"]))[1]
    return doc.text, diags


def compliant(name: str) -> str:
    return (COMPLIANT / name).read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` occurrence of ``needle``."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, column


def at(d: Diagnostic) -> tuple[int, int]:
    return d.line, d.column


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    out = text
    for e in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        out = out[: offset(e.line, e.column)] + e.content + out[offset(e.end_line, e.end_column) :]
    return out


C01 = compliant("c01_xuncha_basic.txt")
C03 = compliant("c03_xuncha_continuous.txt")
C04 = compliant("c04_xunshi_province.txt")
C06 = compliant("c06_xuncha_subitems.txt")


# --- GOOD: the compliant fixtures ---------------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_compliant_fixtures_get_no_nl5(name: str) -> None:
    assert nl5(compliant(name)) == []


def test_rules_document_themselves_in_chinese() -> None:
    from noticelint.rules import REGISTRY

    for code in NL5:
        sections = REGISTRY[code].doc_sections()
        for heading in (
            "检查什么 (What it does)",
            "为什么 (Why it matters)",
            "错误示例 (Bad)",
            "正确示例 (Good)",
        ):
            assert sections.get(heading), (code, heading)


# --- NL501 numbering-sequence -------------------------------------------------------


def test_nl501_section_number_skipped() -> None:
    bad = replace_once(C01, "三、下一步工作打算", "四、下一步工作打算")
    (d,) = hits(bad, "NL501")
    assert at(d) == position(bad, "四、下一步")
    assert (d.end_line, d.end_column) == (d.line, d.column + 2)
    assert d.severity == "error"
    assert d.message == "序号不连续：“四、”之前应为“三、”"
    assert hits(C01, "NL501") == []


def test_nl501_seed_002_section_two_missing() -> None:
    text, diags = seed("002")
    (d,) = [d for d in diags if d.code == "NL501"]
    assert at(d) == position(text, "三、下一步工作打算")
    assert d.message == "序号不连续：“三、”之前应为“二、”"


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_nl501_seeds_with_consistent_numbering(prefix: str) -> None:
    # 000, 003, 004 restart problems per area; 001 runs 1–44 across areas;
    # 002's [bookmark: _GoBack]（4） is item (4) (checked in the test above).
    _, diags = seed(prefix)
    assert [d for d in diags if d.code == "NL501"] == []


# --- NL502 hierarchy-order ----------------------------------------------------------


def test_nl502_areas_nested_inside_a_numbered_item() -> None:
    # （一）（二） inside item 1.: the area numbering restarts and 1. continues with 2.
    bad = replace_once(
        C01,
        "2.关于落实县委重大决策部署",
        "（一）关于学习不深入。\n（二）关于研讨不够。\n2.关于落实县委重大决策部署",
    )
    diags = nl5(bad)
    assert [(d.code, at(d)) for d in diags] == [("NL502", position(bad, "（一）关于学习不深入"))]
    assert "“（一）”是比“1.”高的层次，却出现在第9行的“1.”之后" in diags[0].message


def test_nl502_problem_level_after_sub_item() -> None:
    bad = replace_once(
        C01,
        "（三）基层党组织建设和干部队伍建设方面\n",
        "（三）基层党组织建设和干部队伍建设方面\n（1）关于支部建设的问题。\n",
    )
    (d,) = hits(bad, "NL502")
    assert at(d) == position(bad, "1.关于机关党支部")
    assert "“1.”是比“（1）”高的层次" in d.message


def test_nl502_seeds_are_silent() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        _, diags = seed(prefix)
        assert [d for d in diags if d.code == "NL502"] == [], prefix


# --- NL503 numbering-punctuation ----------------------------------------------------


@pytest.mark.parametrize(
    ("good", "bad", "written", "message"),
    [
        ("1.关于学习贯彻", "1、关于学习贯彻", "1、", "序号标点错误：“1、”应为“1.”"),
        ("1.关于学习贯彻", "1，关于学习贯彻", "1，", "序号标点错误：“1，”应为“1.”"),
        ("一、加强巡察整改", "一.加强巡察整改", "一.", "序号标点错误：“一.”应为“一、”"),
        (
            "（一）贯彻落实党的路线",
            "（一）、贯彻落实党的路线",
            "（一）、",
            "序号标点错误：“（一）、”括号后不应再加“、”，应为“（一）”",
        ),
        (
            "1.关于学习贯彻",
            "1. 关于学习贯彻",
            "1. ",
            "序号“1.”后有多余空格：序号应紧接正文，写作“1.”",
        ),
        (
            "（1）修订完善全省",
            "（ 1 ）修订完善全省",
            "（ 1 ）",
            "序号“（ 1 ）”内有多余空格，应为“（1）”",
        ),
    ],
)
def test_nl503_reports_and_fixes_the_marker(
    good: str, bad: str, written: str, message: str
) -> None:
    base = C04 if good.startswith("（1）") else C01
    text = replace_once(base, good, bad)
    (d,) = hits(text, "NL503")
    line, column = position(text, bad)
    assert at(d) == (line, column)
    assert (d.end_line, d.end_column) == (line, column + len(written))
    assert d.message == message
    assert d.fix is not None and d.fix.applicability == "safe"
    (edit,) = d.fix.edits
    assert (edit.line, edit.column, edit.end_line, edit.end_column) == (
        line,
        column,
        line,
        column + len(written),
    )
    assert apply_edits(text, d.fix.edits) == base
    assert hits(base, "NL503") == []


def test_nl503_half_width_marker_with_trailing_mark_is_rewritten_full_width() -> None:
    text = replace_once(C04, "（2）建立重大交通项目", "(2).建立重大交通项目")
    (d,) = hits(text, "NL503")
    assert d.fix is not None
    (edit,) = d.fix.edits
    assert edit.content == "（2）"
    assert (edit.column, edit.end_column) == (d.column, d.column + 4)
    assert apply_edits(text, d.fix.edits) == C04


def test_nl503_seed_000_space_after_number() -> None:
    text, diags = seed("000")
    (d,) = [d for d in diags if d.code == "NL503"]
    assert at(d) == position(text, "1. 关于落实“两个责任”")
    assert d.fix is not None
    (edit,) = d.fix.edits
    assert (edit.content, edit.end_column - edit.column) == ("1.", 3)


def test_nl503_seed_002_spaces_after_markers() -> None:
    text, diags = seed("002")
    found = [at(d) for d in diags if d.code == "NL503"]
    assert found == [position(text, "（1） 对负责"), position(text, "6. 对食堂")]


def test_nl503_numbers_that_are_not_markers() -> None:
    text = replace_once(
        C01,
        "整改进展情况：已完成整改并长期坚持。\n2.关于财政资金",
        "整改进展情况：已完成整改并长期坚持。\n1.5亿元专项资金已全部拨付。\n2024.5月以来开展自查2次。\n"
        "10月12日召开专题会议。\n2.关于财政资金",
    )
    assert nl5(text) == []


# --- NL504 bracket-width ------------------------------------------------------------


def test_nl504_single_half_width_marker_among_full_width() -> None:
    bad = replace_once(C04, "（2）建立重大交通项目", "(2)建立重大交通项目")
    (d,) = hits(bad, "NL504")
    line, column = position(bad, "(2)建立")
    assert at(d) == (line, column)
    assert (d.end_line, d.end_column) == (line, column + 3)
    assert d.message.startswith("序号“(2)”用了半角括号，应为“（2）”")
    assert d.fix is not None and d.fix.applicability == "safe"
    assert [(e.column, e.end_column, e.content) for e in d.fix.edits] == [
        (column, column + 1, "（"),
        (column + 2, column + 3, "）"),
    ]
    assert apply_edits(bad, d.fix.edits) == C04
    assert hits(C04, "NL504") == []


def test_nl504_half_width_throughout_is_one_file_level_diagnostic() -> None:
    bad = C04
    for marker in ["（一）", "（二）", "（三）", "（四）", "（1）", "（2）", "（3）"]:
        bad = bad.replace(f"　　{marker}", f"　　({marker[1:-1]})")
    (d,) = hits(bad, "NL504")
    assert at(d) == position(bad, "(一)提高政治站位")
    assert "全文" in d.message and "个序号用半角括号" in d.message
    assert d.fix is not None
    fixed = apply_edits(bad, d.fix.edits)
    assert fixed == C04


def test_nl504_seed_002_mix_reported_at_the_half_width_marker() -> None:
    text, diags = seed("002")
    (d,) = [d for d in diags if d.code == "NL504"]
    assert at(d) == position(text, "(2)制定了《关于进一步加强我市校外")
    assert "其余40个序号用全角括号" in d.message


@pytest.mark.parametrize(("prefix", "count"), [("000", 44), ("001", 11), ("003", 6), ("004", 31)])
def test_nl504_seeds_half_width_throughout(prefix: str, count: int) -> None:
    text, diags = seed(prefix)
    (d,) = [d for d in diags if d.code == "NL504"]
    assert f"全文{count}个序号用半角括号" in d.message
    assert d.fix is not None and len(d.fix.edits) == 2 * count
    fixed = apply_edits(text, d.fix.edits)
    fixed_diags = check_document(Document(path="x.txt", text=fixed), Settings(select=["NL504"]))[1]
    assert fixed_diags == []


# --- NL505 enumeration-sequence -----------------------------------------------------


def test_nl505_repeated_enumerator() -> None:
    bad = replace_once(C01, "三是通过支部书记讲党课", "二是通过支部书记讲党课")
    (d,) = hits(bad, "NL505")
    assert at(d) == position(bad, "二是通过支部书记")
    assert (d.end_column - d.column) == 2
    assert d.message.startswith("列举重号：“二是”与第10行")
    assert d.message.endswith("此处应为“三是”")
    assert hits(C01, "NL505") == []


def test_nl505_skipped_enumerator_is_reported_once() -> None:
    bad = replace_once(C01, "二是制定年度学习计划", "三是制定年度学习计划")
    (d,) = hits(bad, "NL505")  # the 三是 that follows fits the written number
    assert at(d) == position(bad, "三是制定年度学习计划")
    assert d.message == "列举跳号：“三是”之前应为“二是”"


def test_nl505_series_not_starting_at_one() -> None:
    bad = replace_once(C01, "整改措施：一是修订完善", "整改措施：首先修订完善")
    (d,) = hits(bad, "NL505")
    assert at(d) == position(bad, "二是制定年度学习计划")
    assert d.message.startswith("列举不从“一是”开始")


def test_nl505_nested_series_and_words_ending_in_yi_shi() -> None:
    text = replace_once(
        C01,
        "二是制定年度学习计划，",
        "二是制定年度学习计划：一是明确学习内容，二是明确学习时间，统一是前提；",
    )
    assert hits(text, "NL505") == []


def test_nl505_seed_001_repeats() -> None:
    text, diags = seed("001")
    found = [d for d in diags if d.code == "NL505"]
    line7 = text.split("\n")[position(text, "7.加强家校共建共管")[0] - 1]
    line42 = text.split("\n")[position(text, "42.强化师德师风建设")[0] - 1]
    assert [(d.line, d.column) for d in found] == [
        (position(text, "7.加强家校")[0], line7.index("四是", line7.index("四是") + 1) + 1),
        (position(text, "42.强化师德")[0], line42.index("二是", line42.index("二是") + 1) + 1),
    ]
    assert "“四是”" in found[0].message and "应为“五是”" in found[0].message
    assert "“二是”" in found[1].message and "应为“三是”" in found[1].message


def test_nl505_seed_001_doubled_suffix_is_not_a_sequence_fault() -> None:
    # Item 3's 四是是 is NL103's; its series 一二三四 is in order.
    text, diags = seed("001")
    item3 = position(text, "3.提升教学质量")[0]
    assert [d for d in diags if d.code == "NL505" and d.line == item3] == []


# --- NL506 level-skip ---------------------------------------------------------------


def test_nl506_numbered_items_directly_under_a_section() -> None:
    bad = replace_once(
        C01,
        "三、下一步工作打算\n",
        "三、下一步工作打算\n1.持续巩固整改成果。\n",
    )
    (d,) = hits(bad, "NL506")
    assert at(d) == position(bad, "1.持续巩固")
    assert d.severity == "info"
    assert d.message.startswith("层次跳级：“三、”之下直接使用“1.”，缺少“（一）”一级")
    assert hits(C01, "NL506") == []


def test_nl506_seed_004_section_three() -> None:
    text, diags = seed("004")
    (d,) = [d for d in diags if d.code == "NL506"]
    assert at(d) == position(text, "1.明确职责,落实责任")
    assert "“三、”之下直接使用“1.”" in d.message


# --- the seeds, all together --------------------------------------------------------


def test_seed_nl5_diagnostics_in_full() -> None:
    expected = {
        "000": ["NL503", "NL504"],
        "001": ["NL504", "NL505", "NL505"],
        "002": ["NL501", "NL503", "NL503", "NL504"],
        "003": ["NL504"],
        "004": ["NL504", "NL506"],
    }
    for prefix, codes in expected.items():
        _, diags = seed(prefix)
        assert sorted(d.code for d in diags) == codes, prefix
