"""NL4 — problems, measures and status lines."""

from __future__ import annotations

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    assert_fires,
    codes,
    compliant_text,
    drop_lines,
    line_of,
    lint,
    only,
    replace_once,
)

NL4_CODES = ["NL401", "NL402", "NL403"]

# c01, problem （一）3.
C01_P3 = "3.关于助企纾困政策落实不够精准的问题。"
C01_P3_MEASURES = "整改措施：一是会同县工信局"
C01_P3_STATUS = "整改进展情况：已完成整改。\n4.关于预算绩效管理"


def _c01_without_p3_status(base: str) -> str:
    return replace_once(base, C01_P3_STATUS, "4.关于预算绩效管理")


# --- GOOD -------------------------------------------------------------------------


@pytest.mark.parametrize("code", NL4_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl4_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl402_silent_on_compliant_fixtures_in_strict_profile(name: str) -> None:
    assert "NL402" not in codes(lint(compliant_text(name), profile="strict"))


# --- NL401 problem-without-measures -------------------------------------------------


def test_nl401_fires_when_measures_of_one_problem_removed(base_notice: str) -> None:
    bad = drop_lines(base_notice, C01_P3_MEASURES)
    (d,) = assert_fires(bad, "NL401", base=base_notice, line=line_of(bad, C01_P3), column=1)
    assert d.severity == "error"
    assert "3.“关于助企纾困政策落实不够精准的问题”" in d.message


def test_nl401_fires_when_labelled_measure_items_removed() -> None:
    base = compliant_text("c04_xunshi_province")
    lines = base.split("\n")
    start = line_of(base, "2.关于农村公路管理养护机制不健全的问题")
    # Drop "整改措施：" and its （1）（2） lines; the status phrase alone is no measure.
    bad = "\n".join(lines[:start] + lines[start + 3 :])
    assert "整改进度：基本完成，持续推进。" in bad.split("\n")[start]
    (d,) = assert_fires(bad, "NL401", base=base, line=start, column=3)
    assert "2.“关于农村公路管理养护机制不健全的问题”" in d.message


def test_nl401_fires_for_sub_problem_without_measures() -> None:
    base = compliant_text("c06_xuncha_subitems")
    bad = drop_lines(base, "整改措施：开展基层统计规范化建设")
    (d,) = assert_fires(
        bad, "NL401", base=base, line=line_of(bad, "（2）关于统计源头数据基础不牢的问题"), column=1
    )
    assert "（2）“关于统计源头数据基础不牢的问题”" in d.message


def test_nl401_fires_in_notice_with_blank_lines() -> None:
    base = compliant_text("c02_xuncha_blanklines")
    bad = drop_lines(base, "整改措施：完善疾病预防控制体系建设规划")
    # Dropping the measure lines leaves two blank lines in a row: NL803 (implied).
    assert_fires(
        bad,
        "NL401",
        base=base,
        line=line_of(bad, "2.关于公共卫生服务体系"),
        column=1,
        implied={"NL803"},
    )


def test_nl401_and_nl402_both_fire_when_problem_has_nothing_after_it(base_notice: str) -> None:
    bad = drop_lines(_c01_without_p3_status(base_notice), C01_P3_MEASURES)
    # Removing both the measures and the status line is two defects of the same problem.
    assert_fires(bad, "NL401", base=base_notice, line=line_of(bad, C01_P3), implied={"NL402"})
    assert_fires(bad, "NL402", base=base_notice, line=line_of(bad, C01_P3), implied={"NL401"})


# --- NL402 missing-status-line ------------------------------------------------------


def test_nl402_fires_when_status_line_of_one_problem_removed(base_notice: str) -> None:
    bad = _c01_without_p3_status(base_notice)
    (d,) = assert_fires(bad, "NL402", base=base_notice, line=line_of(bad, C01_P3), column=1)
    assert d.severity == "warning"
    assert "3.“关于助企纾困政策落实不够精准的问题”" in d.message
    assert "11/12" in d.message


def test_nl402_points_at_indented_problem() -> None:
    base = compliant_text("c04_xunshi_province")
    bad = replace_once(base, "　　整改进度：已完成整改。\n　　3.关于厅属单位", "　　3.关于厅属单位")
    assert_fires(bad, "NL402", base=base, line=line_of(bad, "2.关于工程建设领域廉政风险"), column=3)


def test_nl402_silent_when_no_problem_has_a_status_line(base_notice: str) -> None:
    bad = "\n".join(
        line for line in base_notice.split("\n") if not line.startswith("整改进展情况：")
    )
    assert "NL402" not in codes(lint(bad))


def test_nl402_fires_for_every_problem_without_status_in_strict_profile(
    base_notice: str,
) -> None:
    bad = "\n".join(
        line for line in base_notice.split("\n") if not line.startswith("整改进展情况：")
    )
    hits = only(lint(bad, profile="strict"), "NL402")
    assert len(hits) == 12  # require-status = true: every problem needs one
    assert hits[0].line == line_of(bad, "1.关于学习贯彻")
    assert all(d.severity == "warning" for d in hits)
    assert all("0/12" in d.message for d in hits)
    assert set(codes(lint(bad, profile="strict"))) == {"NL402"}


def test_nl402_fires_when_status_line_of_one_sub_problem_removed() -> None:
    base = compliant_text("c06_xuncha_subitems")
    lines = base.split("\n")
    sub = line_of(base, "（2）关于统计源头数据基础不牢的问题")
    bad = "\n".join(lines[: sub + 1] + lines[sub + 2 :])  # drop its 整改进展情况 line
    assert_fires(bad, "NL402", base=base, line=sub, column=1)


# --- NL403 unknown-status -----------------------------------------------------------


def test_nl403_fires_for_status_phrase_outside_vocabulary(base_notice: str) -> None:
    bad = replace_once(
        base_notice, C01_P3_STATUS, "整改进展情况：有关工作按计划开展。\n4.关于预算绩效管理"
    )
    (d,) = assert_fires(
        bad, "NL403", base=base_notice, line=line_of(bad, "有关工作按计划开展"), column=1
    )
    assert d.severity == "warning"
    assert "“有关工作按计划开展。”" in d.message


def test_nl403_fires_for_unknown_status_of_sub_problem() -> None:
    base = compliant_text("c06_xuncha_subitems")
    bad = replace_once(
        base, "整改进展情况：基本完成，持续推进。\n（3）", "整改进展情况：按计划开展。\n（3）"
    )
    (d,) = assert_fires(bad, "NL403", base=base, line=line_of(bad, "按计划开展"), column=1)
    assert "“按计划开展。”" in d.message


def test_nl403_points_at_indented_status_line() -> None:
    base = compliant_text("c04_xunshi_province")
    bad = replace_once(
        base,
        "整改进度：基本完成，持续推进。\n　　3.关于交通",
        "整改进度：按计划开展。\n　　3.关于交通",
    )
    assert_fires(bad, "NL403", base=base, line=line_of(bad, "按计划开展"), column=3)


@pytest.mark.parametrize(
    "status",
    [
        "一是已对违规列支资金进行清理。二是开展资金使用情况专项检查。",  # a narrative (seed 000)
        "除1家单位外，其余违规资金已全部退回。",  # compound: partial (seed 004)
        "正在推进。",
        "已整改到位。",
    ],
    ids=["narrative", "compound-partial", "in-progress", "done"],
)
def test_nl403_silent_for_narratives_and_known_phrases(base_notice: str, status: str) -> None:
    bad = replace_once(base_notice, C01_P3_STATUS, f"整改进展情况：{status}\n4.关于预算绩效管理")
    assert "NL403" not in codes(lint(bad))
