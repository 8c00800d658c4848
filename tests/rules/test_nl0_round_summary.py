"""S13: a 纪委/巡察办 text about a whole round of inspections is not a unit's notice.

It gets one NL002 saying so (with the number of units) and no skeleton finding; a
unit's own notice that mentions the round, the 纪委 or other units is never taken
for one.
"""

from __future__ import annotations

from notice_support import compliant_text, lint

ROUND_SUMMARY = """\
中共桐溪县纪委 桐溪县监委关于县委第五轮巡察整改情况的通报
根据县委统一部署，2024年3月至5月，县委5个巡察组对县财政局、县教育局、县卫健局、县交通运输局、县农业农村局、县文旅局等23个单位党组织开展了常规巡察，并于6月中下旬向被巡察单位党组织反馈了巡察意见。各被巡察单位党组织认真落实整改主体责任，现将整改情况通报如下：
一、总体情况
截至目前，23个单位共收到反馈问题412个，已完成整改389个，正在推进23个，整改完成率94.4%。
二、各单位整改情况
县财政局党组：反馈问题18个，已完成17个，正在推进1个。
县教育局党组：反馈问题21个，已完成20个，正在推进1个。
县卫健局党组：反馈问题19个，已完成19个。
三、下一步工作
县委巡察办将持续跟踪督导，对整改不力的严肃问责。
中共桐溪县纪委
2024年9月30日
"""


def test_round_summary_gets_one_nl002_and_no_skeleton_errors() -> None:
    found = [d for d in lint(ROUND_SUMMARY) if d.code != "NL803"]  # the title's space
    assert [d.code for d in found] == ["NL002"]
    (d,) = found
    assert (d.line, d.column) == (1, 1)
    assert "一轮巡察" in d.message and "涉及23个单位" in d.message
    assert "不是单个被巡察单位的整改进展情况通报" in d.message


def test_round_summary_in_chinese_numerals_and_without_headings() -> None:
    text = (
        "县委巡察办关于十届县委第三轮巡察情况的通报\n"
        "按照县委部署，县委第三轮巡察对县委办、县政府办等十二个部门党组织开展了专项巡察。\n"
        "截至目前，各被巡察单位共整改问题156个。\n"
    )
    found = lint(text)
    assert [d.code for d in found] == ["NL002"]
    assert "涉及12个单位" in found[0].message


def test_a_unit_notice_naming_the_round_the_jiwei_and_other_units_is_a_notice() -> None:
    base = compliant_text("c01_xuncha_basic")
    text = base.replace(
        "扎实推进整改落实。",
        "扎实推进整改落实。县委第二轮巡察期间，县纪委监委同步对3个股室开展了督导。",
        1,
    ).replace(
        "（三）强化督查督办，确保整改实效。",
        "（三）强化督查督办，确保整改实效。配合县委巡察办对全县乡镇财政所开展巡察整改“回头看”。",
        1,
    )
    assert "NL002" not in [d.code for d in lint(text)]
    assert [d.code for d in lint(text)] == [d.code for d in lint(base)]


def test_few_units_do_not_make_a_round_summary() -> None:
    """对3个单位 is below the profile's min-units: read as a notice."""
    text = ROUND_SUMMARY.replace("等23个单位党组织", "等3个单位党组织")
    assert "涉及" not in " ".join(d.message for d in lint(text))


def test_a_unit_inspected_with_its_subordinate_units_is_one_units_notice() -> None:
    base = compliant_text("c01_xuncha_basic")
    text = base.replace(
        "对县财政局党组开展了常规巡察", "对县财政局党组及所属12个单位开展了常规巡察", 1
    )
    assert text != base
    assert "NL002" not in [d.code for d in lint(text)]
