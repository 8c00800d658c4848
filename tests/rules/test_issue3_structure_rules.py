"""NL102, NL103, NL306, NL404, NL405, NL406 and NL704: a compliant notice with the
defect injected fires the rule (and nothing unrelated); the compliant one does not."""

from __future__ import annotations

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    apply_edits,
    assert_fires,
    codes,
    column_of,
    compliant_text,
    line_of,
    lint,
    replace_once,
)

CODES = ["NL102", "NL103", "NL306", "NL404", "NL405", "NL406", "NL704"]
TITLE = "中共桐溪县财政局党组关于县委第二轮巡察整改进展情况的通报"
SIGNATURE = "中共桐溪县财政局党组\n2024年9月2日"


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


def test_nl102_fires_when_the_title_does_not_name_the_organ(base_notice: str) -> None:
    bad = replace_once(base_notice, TITLE, "关于县委第二轮巡察整改进展情况的通报")
    (d,) = assert_fires(bad, "NL102", base=base_notice, line=1, column=1, implied=["NL604"])
    assert "发文机关" in d.message


def test_nl102_fires_when_the_title_names_no_document_kind(base_notice: str) -> None:
    bad = replace_once(base_notice, TITLE, "中共桐溪县财政局党组关于县委第二轮巡察整改")
    (d,) = assert_fires(bad, "NL102", base=base_notice, line=1)
    assert "情况的通报" in d.message


def test_nl103_fires_on_a_doubled_word_with_an_unsafe_fix(base_notice: str) -> None:
    bad = replace_once(base_notice, TITLE, TITLE.replace("党组关于", "党组党组关于", 1))
    (d,) = assert_fires(
        bad, "NL103", base=base_notice, line=1, column=column_of(bad, "党组党组"), implied=["NL604"]
    )
    assert "“党组党组”" in d.message
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert apply_edits(bad, d.fix.edits) == base_notice


def test_nl103_fires_on_a_doubled_ordinal_suffix(base_notice: str) -> None:
    bad = replace_once(base_notice, "二是制定年度学习计划", "二是是制定年度学习计划")
    (d,) = assert_fires(bad, "NL103", base=base_notice, line=10)
    assert d.fix is not None
    assert apply_edits(bad, d.fix.edits) == base_notice


def test_nl103_allows_reduplication_and_the_party_organisation_compound() -> None:
    text = compliant_text("c01_xuncha_basic").replace(
        "三是通过支部书记讲党课",
        "三是加强党组织组织生活监督，有问题常常研究研究，通过支部书记讲党课",
    )
    assert "NL103" not in codes(lint(text))


def test_nl306_fires_on_a_label_without_colon_and_fixes_it(base_notice: str) -> None:
    bad = replace_once(base_notice, "电子邮箱：", "电子邮箱")
    (d,) = assert_fires(bad, "NL306", base=base_notice, line=line_of(bad, "电子邮箱"))
    assert d.severity == "info" and d.fix is not None and d.fix.applicability == "safe"
    assert apply_edits(bad, d.fix.edits) == base_notice


def test_nl306_fires_on_a_label_variant_with_its_canonical_form(base_notice: str) -> None:
    bad = replace_once(base_notice, "邮政编码：", "邮编：")
    (d,) = assert_fires(bad, "NL306", base=base_notice, line=line_of(bad, "邮编："))
    assert "“邮政编码”" in d.message
    assert d.fix is not None and apply_edits(bad, d.fix.edits) == base_notice


def _claim_all_done(text: str) -> str:
    return replace_once(
        text, "指出了3个方面12个问题。", "指出了3个方面12个问题，目前已全部完成整改。"
    )


def test_nl404_fires_when_the_opening_claims_all_done_but_a_status_is_in_progress(
    base_notice: str,
) -> None:
    base = _claim_all_done(base_notice)
    bad = replace_once(
        base,
        "推动理论学习向基层延伸。\n整改进展情况：已完成整改并长期坚持。",
        "推动理论学习向基层延伸。\n整改进展情况：正在推进。",
    )
    # c01 also has two 基本完成 (partial) statuses: they contradict the claim as well.
    d, *_ = assert_fires(
        bad, "NL404", base=base, line=line_of(bad, "整改进展情况：正在推进"), count=3
    )
    assert d.severity == "error" and "已全部完成" in d.message


def test_nl404_is_silent_without_a_claim(base_notice: str) -> None:
    bad = replace_once(
        base_notice,
        "推动理论学习向基层延伸。\n整改进展情况：已完成整改并长期坚持。",
        "推动理论学习向基层延伸。\n整改进展情况：正在推进。",
    )
    assert "NL404" not in codes(lint(bad))


def test_nl406_fires_on_prose_that_says_the_work_is_unfinished(base_notice: str) -> None:
    base = _claim_all_done(base_notice).replace("基本完成，持续推进", "已完成整改")
    bad = replace_once(base, "压缩审核时限。", "压缩审核时限，相关系统正在升级改造中。")
    (d,) = assert_fires(bad, "NL406", base=base, line=16)
    assert "正在升级改造中" in d.message


def test_nl405_fires_on_a_label_without_colon_and_with_a_stray_space(base_notice: str) -> None:
    bad = replace_once(base_notice, "\n整改措施：一是修订完善党组", "\n 整改措施\n一是修订完善党组")
    (d,) = assert_fires(bad, "NL405", base=base_notice, line=10, column=2)
    assert "多余的空格" in d.message and "缺少冒号" in d.message
    assert d.fix is not None and d.fix.applicability == "safe"
    fixed = apply_edits(bad, d.fix.edits)
    assert fixed == base_notice.replace(
        "\n整改措施：一是修订完善党组", "\n整改措施：\n一是修订完善党组"
    )


def test_nl704_fires_when_organ_and_date_share_a_line(base_notice: str) -> None:
    bad = replace_once(base_notice, SIGNATURE, SIGNATURE.replace("\n", " "))
    (d,) = assert_fires(bad, "NL704", base=base_notice, line=line_of(bad, "党组 2024年9月2日"))
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert apply_edits(bad, d.fix.edits) == base_notice


def test_seed_findings_of_these_rules() -> None:
    from pathlib import Path

    from noticelint.lint import check_path
    from noticelint.settings import Settings

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    found = {
        p.name[:3]: sorted((d.code, d.line) for d in check_path(p, Settings(select=CODES)))
        for p in sorted(corpus.glob("*.txt"))
    }
    assert ("NL103", 1) in found["002"]  # 党组党组 in the title
    assert ("NL103", 10) in found["001"]  # 四是是
    assert [c for c, _ in found["000"]].count("NL406") == 3
    assert ("NL704", 4) in found["004"]
    assert not any(c == "NL102" for f in found.values() for c, _ in f)
