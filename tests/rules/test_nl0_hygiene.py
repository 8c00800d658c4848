"""NL0 — text hygiene: NL003 scrape-artifact, NL004 flattened-paragraphs.

Each BAD case takes a compliant notice from ``tests/fixtures/compliant`` and injects
residue the way web pages and Word leave it; the compliant original stays silent,
and applying the fix gives the original back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from notice_support import column_of, fix_all, line_of
from noticelint.diagnostics import Diagnostic
from noticelint.lint import check_document
from noticelint.read import Document, read_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT = ROOT / "tests" / "fixtures" / "compliant"
CORPUS = ROOT / "corpus"
COMPLIANT_NAMES = sorted(p.name for p in COMPLIANT.glob("*.txt"))


# --- helpers ---------------------------------------------------------------------------


def lint(text: str, select: Iterable[str] = ("ALL",)) -> list[Diagnostic]:
    return check_document(Document(path="draft.txt", text=text), Settings(select=list(select)))[1]


def hits(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint(text, [code]) if d.code == code]


def compliant(name: str) -> str:
    return (COMPLIANT / name).read_text(encoding="utf-8")


def seed(prefix: str) -> str:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return read_path(path).text


# --- GOOD: compliant notices ---------------------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl003_nl004_silent_on_compliant_fixtures(name: str) -> None:
    assert lint(compliant(name), ["NL003", "NL004"]) == []


# --- NL003 scrape-artifact -------------------------------------------------------------

C01 = "c01_xuncha_basic.txt"
C02 = "c02_xuncha_blanklines.txt"


def test_nl003_table_pipes_after_title_and_on_lines_of_their_own() -> None:
    base = compliant(C01)
    title = base.split("\n", 1)[0]
    bad = base.replace(title, f"{title} | |||\n|\n|||", 1)
    (d,) = hits(bad, "NL003")
    assert (d.line, d.column) == (1, column_of(bad, "| |||"))
    assert d.severity == "warning"
    assert "表格竖线" in d.message and "“| |||”" in d.message and "第1—3行" in d.message
    assert d.fix is not None and d.fix.applicability == "safe"
    assert fix_all(bad, [d]) == base


def test_nl003_print_links_at_the_end_are_deleted_with_the_blank_line_before() -> None:
    base = compliant(C01)
    bad = base.rstrip("\n") + "\n\n【打印本页】 【关闭窗口】\n"
    (d,) = hits(bad, "NL003")
    assert (d.line, d.column) == (line_of(bad, "【打印本页】"), 1)
    assert "【打印本页】" in d.message and "应删除" in d.message
    assert fix_all(bad, [d]) == base


def test_nl003_publication_line_between_blank_lines_leaves_one_blank_line() -> None:
    base = compliant(C02)  # paragraphs separated by blank lines
    title = base.split("\n", 1)[0]
    bad = base.replace(f"{title}\n\n", f"{title}\n\n发布日期:2024-11-15   来源:安澜市卫健委\n\n", 1)
    (d,) = hits(bad, "NL003")
    assert (d.line, d.column) == (3, 1)
    assert "网页发布信息" in d.message and "发布日期:2024-11-15" in d.message
    fixed = fix_all(bad, [d])
    assert fixed == base
    assert lint(fixed, ["NL0", "NL8"]) == []


def test_nl003_word_bookmark_before_a_sequence_number() -> None:
    base = compliant("c06_xuncha_subitems.txt")
    bad = base.replace("（2）关于统计源头", "[bookmark: _GoBack]（2）关于统计源头", 1)
    (d,) = hits(bad, "NL003")
    assert (d.line, d.column) == (line_of(bad, "[bookmark:"), 1)
    assert d.end_column == 1 + len("[bookmark: _GoBack]")
    assert "Word书签" in d.message
    assert fix_all(bad, [d]) == base
    # The bookmark does not break the numbering: no structural finding appears.
    assert {x.code for x in lint(bad)} == {"NL003"}


def test_nl003_site_lines_from_the_profile() -> None:
    base = compliant(C01)
    title = base.split("\n", 1)[0]
    bad = base.replace(f"{title}\n", f"{title}\n分享到：微信 微博\n浏览次数：356\n", 1)
    (d,) = hits(bad, "NL003")  # two adjacent residue lines: one diagnostic
    assert (d.line, d.column) == (2, 1)
    assert "“分享到：微信 微博”" in d.message and "“浏览次数：356”" in d.message
    assert fix_all(bad, [d]) == base


def test_nl003_html_entities_are_replaced_by_what_they_stand_for() -> None:
    base = compliant(C01)
    bad = base.replace("予以公布。", "予以公布。&nbsp;&nbsp;", 1).replace(
        "助企纾困", "助企&amp;纾困", 1
    )
    found = hits(bad, "NL003")
    assert [(d.line, d.column) for d in found] == [
        (2, column_of(bad, "&nbsp;")),
        (line_of(bad, "&amp;"), column_of(bad, "&amp;")),
    ]
    assert "HTML实体" in found[0].message and "等2处" in found[0].message
    assert "（&amp;→&）" in found[1].message
    assert fix_all(bad, found) == base.replace("助企纾困", "助企&纾困", 1)


def test_nl003_residue_is_not_checked_for_typography() -> None:
    base = compliant(C02)
    title = base.split("\n", 1)[0]
    bad = base.replace(f"{title}\n\n", f"{title}\n\n发布日期:2024-11-15   来源:安澜市卫健委\n\n", 1)
    assert [d.code for d in lint(bad, ["NL0", "NL8"])] == ["NL003"]


def test_nl003_runs_on_a_text_that_is_not_a_notice() -> None:
    text = "关于召开全体干部大会的通知\n定于下周一上午召开全体干部大会，请准时参加。\n【打印本页】 【关闭窗口】"
    assert [d.code for d in lint(text, ["NL003"])] == ["NL003"]


# --- NL004 flattened-paragraphs --------------------------------------------------------


def _flatten(base: str) -> str:
    """Title and opening on their own lines, everything else run together on line 3."""
    lines = base.rstrip("\n").split("\n")
    return "\n".join([*lines[:2], " ".join(lines[2:])]) + "\n"


def test_nl004_fires_once_at_the_flattened_line_with_the_number_of_units() -> None:
    base = compliant(C01)
    bad = _flatten(base)
    (d,) = hits(bad, "NL004")
    assert (d.line, d.column) == (3, 1)
    assert d.severity == "warning"
    units = len(base.rstrip("\n").split("\n")) - 2
    assert f"连写了{units}个段落" in d.message
    assert "第3行" in d.message and "应每段另起一行" in d.message


def test_nl004_unsafe_fix_puts_every_unit_back_on_its_own_line() -> None:
    base = compliant(C01)
    bad = _flatten(base)
    (d,) = hits(bad, "NL004")
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert fix_all(bad, [d]) == base


def test_nl004_flattened_line_gets_no_whitespace_findings() -> None:
    bad = _flatten(compliant(C01))
    assert [d.code for d in lint(bad, ["NL0", "NL8"])] == ["NL004"]


def test_nl004_silent_on_a_long_paragraph_with_an_inline_list() -> None:
    base = compliant(C01)
    para = (
        "整改措施：（1）修订完善党组理论学习中心组学习制度，把学习作为“第一议题”；"
        "（2）制定年度学习计划，坚持学用结合；（3）通过支部书记讲党课等形式推动理论学习向基层延伸。"
    ) * 3
    bad = base.replace("整改措施：一是修订完善党组理论学习中心组学习制度", para + "一是修订完善", 1)
    assert hits(bad, "NL004") == []


# --- seeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_seeds_with_residue_get_nl003(prefix: str) -> None:
    assert hits(seed(prefix), "NL003")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_without_residue_get_no_nl003(prefix: str) -> None:
    assert hits(seed(prefix), "NL003") == []


def test_seed_002_bookmark_and_003_publication_line() -> None:
    (d2,) = hits(seed("002"), "NL003")
    assert (d2.line, d2.column) == (20, 1) and "[bookmark: _GoBack]" in d2.message
    (d3,) = hits(seed("003"), "NL003")
    assert (d3.line, d3.column) == (3, 1) and "发布日期:2023-07-25" in d3.message


def test_seed_004_residue_blocks_and_fix() -> None:
    text = seed("004")
    found = hits(text, "NL003")
    assert [(d.line, d.column) for d in found] == [(1, 28), (4, 6402)]
    fixed = fix_all(text, found)
    assert "|" not in fixed and "【" not in fixed
    assert fixed.startswith(
        "中共博山区教育和体育局党组关于巡察整改进展情况的通报\n根据区委统一部署"
    )
    assert fixed.endswith("中共博山区教育和体育局党组 2023年1月12日\n")


def test_seed_004_gets_exactly_one_nl004() -> None:
    (d,) = hits(seed("004"), "NL004")
    assert (d.line, d.column) == (4, 1)
    assert "72个段落" in d.message


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_other_seeds_get_no_nl004(prefix: str) -> None:
    assert hits(seed(prefix), "NL004") == []


def test_seed_004_all_hygiene_fixes_give_one_unit_per_line() -> None:
    text = seed("004")
    fixed = fix_all(text, lint(text, ["NL003", "NL004"]))
    lines = fixed.rstrip("\n").split("\n")
    assert lines[0].endswith("情况的通报")
    assert lines[-2:] == ["中共博山区教育和体育局党组", "2023年1月12日"]
    assert "整改进度:已完成整改并长期坚持。" in lines
    assert lint(fixed, ["NL003", "NL004"]) == []
