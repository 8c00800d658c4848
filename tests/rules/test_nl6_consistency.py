"""NL6 — consistency between parts (declared counts, dates, organ).

Each BAD case takes a compliant notice and injects one defect with a string edit,
as a user would write it; each rule also stays silent on the compliant originals.
The plain one-edit NL601–NL604 drafts are rows of tests/rules/cases/NL6.toml, run by
tests/rules/test_cases.py; seed facts and span-precise NL605–NL608 cases stay here.
The helpers are local so the file does not depend on conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from noticelint.diagnostics import Diagnostic
from noticelint.lint import check_document
from noticelint.read import Document
from noticelint.settings import Settings

TESTS_DIR = Path(__file__).resolve().parents[1]
COMPLIANT_DIR = TESTS_DIR / "fixtures" / "compliant"
CORPUS_DIR = TESTS_DIR.parent / "corpus"
COMPLIANT = sorted(p.stem for p in COMPLIANT_DIR.glob("*.txt"))
NL6_CODES = ["NL601", "NL602", "NL603", "NL604", "NL605", "NL606", "NL607", "NL608"]


# --- helpers ----------------------------------------------------------------------


@cache
def _lint_cached(text: str) -> tuple[Diagnostic, ...]:
    settings = Settings(select=["ALL"])
    return tuple(check_document(Document(path="draft.txt", text=text), settings)[1])


def lint(text: str) -> list[Diagnostic]:
    return list(_lint_cached(text))


def hits(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint(text) if d.code == code]


@cache
def fixture(name: str) -> str:
    return (COMPLIANT_DIR / f"{name}.txt").read_text(encoding="utf-8")


@cache
def seed(number: str) -> str:
    (path,) = CORPUS_DIR.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


def inject(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle``."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def covered(text: str, d: Diagnostic) -> str:
    """The text a single-line diagnostic spans."""
    assert d.line == d.end_line, d
    return text.split("\n")[d.line - 1][d.column - 1 : d.end_column - 1]


def fires(
    bad: str, code: str, *, base: str, at: str, count: int = 1, implied: Iterable[str] = ()
) -> Diagnostic:
    """``code`` fires ``count`` times on ``bad``, first exactly on the text ``at``
    (its first occurrence), and the defect adds no other code to ``base``'s."""
    found = hits(bad, code)
    assert len(found) == count, f"expected {count}× {code}, got {lint(bad)}"
    d = found[0]
    assert (d.line, d.column) == position(bad, at), d
    assert covered(bad, d) == at, d
    new = {x.code for x in lint(bad)} - {x.code for x in lint(base)}
    assert not new - {code, *implied}, f"unrelated codes: {lint(bad)}"
    assert "“" in d.message, d.message  # the message quotes what was found
    return d


C01 = "c01_xuncha_basic"
C01_OPENING_PERIOD = "2024年3月11日至2024年5月20日"
C01_FEEDBACK = "2024年6月18日，县委第二巡察组"
C01_DECLARED = "指出了3个方面12个问题"
C01_ORGAN_LINE = "\n中共桐溪县财政局党组\n"
C01_MEASURE = "二是开展财政资金使用情况专项检查"
C01_SENTENCE_END = "扎实推进整改落实。"
C01_NEXT_STEPS = "一是对已完成整改的问题适时开展“回头看”"


@pytest.fixture
def c01() -> str:
    return fixture(C01)


# --- GOOD: compliant fixtures and seeds -------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT)
def test_nl6_silent_on_compliant_fixtures(name: str) -> None:
    assert not [d for d in lint(fixture(name)) if d.code in NL6_CODES]


@pytest.mark.parametrize("number", ["000", "004"])
def test_nl601_declared_counts_of_seeds_match(number: str) -> None:
    # 000: 四个方面38个问题 in the opening; 004: 3大类8个问题 in the first section.
    assert not hits(seed(number), "NL601")


def test_nl604_silent_on_seed_002_doubled_organ() -> None:
    # Title 中共东港市教育局党组党组 vs signature 中共东港市教育局党组: equal once normalised.
    assert not hits(seed("002"), "NL604")


@pytest.mark.parametrize("number", ["000", "001"])
def test_nl604_silent_without_title(number: str) -> None:
    assert not hits(seed(number), "NL604")


def test_nl606_seed_004_deadline_is_a_plan() -> None:
    # 除职业教育方面取得阶段性成效,2023年9月10日前完成 — after the 成文日期 2023年1月12日.
    assert not hits(seed("004"), "NL606")


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_seeds_get_no_nl6_error_or_warning(number: str) -> None:
    found = [d for d in lint(seed(number)) if d.code in NL6_CODES]
    assert all(d.severity == "info" and d.code == "NL607" for d in found), found


# --- NL601 declared-count-mismatch --------------------------------------------------


def test_nl601_fires_on_count_in_first_section() -> None:
    base = seed("004")
    bad = inject(base, "指出3大类8个问题", "指出3大类9个问题")
    d = fires(bad, "NL601", base=base, at="9个问题")
    assert "第一部分" in d.message and "8个问题" in d.message


# --- NL605 summary-arithmetic -------------------------------------------------------


def _with_summary(base: str, sentence: str) -> str:
    return inject(base, C01_SENTENCE_END, C01_SENTENCE_END + sentence)


def test_nl605_fires_when_parts_do_not_add_up(c01: str) -> None:
    bad = _with_summary(c01, "截至目前，共12个问题，已完成整改8个、正在整改3个。")
    d = fires(bad, "NL605", base=c01, at="共12个问题，已完成整改8个、正在整改3个")
    assert d.severity == "error"
    assert "合计11个" in d.message


def test_nl605_fires_on_wrong_completion_rate(c01: str) -> None:
    bad = _with_summary(c01, "12个问题中，已完成整改9个、正在整改3个，整改完成率80%。")
    d = fires(bad, "NL605", base=c01, at="整改完成率80%")
    assert "75%" in d.message


@pytest.mark.parametrize(
    "sentence",
    [
        "截至目前，共12个问题，已完成整改9个、正在整改3个，整改完成率75%。",
        "12个问题中，9个已完成整改、3个正在整改。",
        "共12个问题，已完成整改9个，其中长期坚持4个；正在整改3个。",
        "共12个问题，制定整改措施40条，已完成35条。",
    ],
    ids=["adds-up", "count-first", "nested-breakdown", "other-quantity"],
)
def test_nl605_silent_when_the_numbers_agree(c01: str, sentence: str) -> None:
    assert not hits(_with_summary(c01, sentence), "NL605")


# --- NL606 date-after-signature -----------------------------------------------------


def test_nl606_fires_on_done_date_after_signature(c01: str) -> None:
    bad = inject(c01, C01_MEASURE, "二是2024年10月15日开展财政资金使用情况专项检查")
    d = fires(bad, "NL606", base=c01, at="2024年10月15日")
    assert d.severity == "warning"
    assert "2024年9月2日" in d.message


def test_nl606_fires_on_yearless_date_after_signature(c01: str) -> None:
    bad = inject(c01, C01_MEASURE, "二是9月15日开展财政资金使用情况专项检查")
    d = fires(bad, "NL606", base=c01, at="9月15日")
    assert "2024年" in d.message


@pytest.mark.parametrize(
    "measure",
    [
        "二是2024年10月15日前完成财政资金使用情况专项检查",
        "二是计划于2024年10月15日开展财政资金使用情况专项检查",
        "二是拟于2024年10月开展财政资金使用情况专项检查",
        "二是2024年9月1日开展财政资金使用情况专项检查",
    ],
    ids=["deadline-qian", "plan", "ni", "before-signature"],
)
def test_nl606_silent_on_plans_and_earlier_dates(c01: str, measure: str) -> None:
    assert not hits(inject(c01, C01_MEASURE, measure), "NL606")


def test_nl606_silent_in_next_steps_section(c01: str) -> None:
    good = inject(c01, C01_NEXT_STEPS, "一是2024年12月对已完成整改的问题适时开展“回头看”")
    assert not hits(good, "NL606")


# --- NL607 date-missing-year --------------------------------------------------------


def _cross_year(base: str) -> str:
    """c01 with an inspection in late 2023 and a feedback date without its year."""
    text = inject(base, C01_OPENING_PERIOD, "2023年10月9日至12月1日")
    return inject(text, C01_FEEDBACK, "12月18日，县委第二巡察组")


def test_nl607_fires_on_yearless_date_of_another_year(c01: str) -> None:
    bad = _cross_year(c01)
    d = fires(bad, "NL607", base=c01, at="12月18日")
    assert d.severity == "info"
    assert "2023年" in d.message and "2023年12月18日" in d.message


def test_nl607_silent_on_range_end_and_disclosure_end(c01: str) -> None:
    # 12月1日 ends a range whose start has its year; 9月23日 ends the 公开期限.
    d = hits(_cross_year(c01), "NL607")
    assert [covered(_cross_year(c01), x) for x in d] == ["12月18日"]


def test_nl607_silent_on_yearless_date_of_the_signature_year(c01: str) -> None:
    good = inject(c01, C01_MEASURE, "二是7月15日开展财政资金使用情况专项检查")
    assert not hits(good, "NL607")


def test_nl607_seed_004_feedback_date_assumed_2022() -> None:
    text = seed("004")
    found = hits(text, "NL607")
    first = found[0]
    assert (first.line, first.column) == position(text, "10月12日,区委巡察组")
    assert covered(text, first) == "10月12日"
    assert "2022年" in first.message
    # 2022年10月12日—10月25日: a range end, not reported.
    assert all(covered(text, d) != "10月25日" for d in found)


def test_nl607_seed_000_body_dates_are_of_the_signature_year() -> None:
    # 5月14日下发…, 6月13日…: the year is 2024, as the 成文日期's; nothing to tell.
    assert not hits(seed("000"), "NL607")


# --- NL608 collapsed-date -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [("2024717日", "2024年7月17日"), ("2024年717日", "2024年7月17日")],
    ids=["year-and-month-lost", "month-lost"],
)
def test_nl608_fires_on_collapsed_date(c01: str, written: str, meant: str) -> None:
    bad = inject(c01, C01_MEASURE, f"二是{written}开展财政资金使用情况专项检查")
    d = fires(bad, "NL608", base=c01, at=written)
    assert d.severity == "warning"
    assert meant in d.message


def test_nl608_silent_on_counts_of_days(c01: str) -> None:
    good = inject(c01, C01_MEASURE, "二是在30日内开展财政资金使用情况专项检查")
    assert not hits(good, "NL608")
