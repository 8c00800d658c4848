"""NL605 on the summary forms real notices write, NL608 on every collapsed date.

real-variants.md, "Rule gaps": a summary 反馈N个问题，已完成M个，正在推进K个，完成率X%
must be checked whatever cues its total; a site that lost 年/月 (2024717日, 830日)
does it several times in one opening, and every one is reported at its own place.
"""

from __future__ import annotations

import pytest

from notice_support import compliant_text, lint, only
from noticelint.parse.dates import find_collapsed_dates

BASE = compliant_text("c01_xuncha_basic")
ANCHOR = "扎实推进整改落实。"
OPENING_PERIOD = "2024年3月11日至2024年5月20日"
FEEDBACK = "2024年6月18日，县委第二巡察组"


def with_sentence(sentence: str) -> str:
    return BASE.replace(ANCHOR, ANCHOR + sentence, 1)


def nl605(text: str) -> list[str]:
    return [d.message for d in only(lint(text, select=["NL605"]), "NL605")]


# --- NL605 summary-arithmetic ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("反馈12个问题，已完成9个，正在推进2个，完成率75%。", "合计11个"),
        ("反馈的12个问题，完成整改9个、正在整改4个。", "合计13个"),
        ("共12个问题中，已完成9个，正在推进4个。", "合计13个"),
        ("12个问题中，已完成10个，正在推进3个。", "合计13个"),
        ("指出了3个方面12个问题，已完成10个、正在推进3个。", "合计13个"),
        ("反馈12个问题，已完成9个，正在推进3个，完成率80%。", "为75%"),
        ("巡察反馈的19个问题，完成18个，正在推进1个，完成率93.5%。", "约为94.7%"),
        ("反馈问题12个，已完成9个，正在推进3个，完成率70%。", "为75%"),
    ],
)
def test_nl605_reports_a_wrong_sum_or_rate_whatever_cues_the_total(
    sentence: str, said: str
) -> None:
    (message,) = nl605(with_sentence(sentence))
    assert said in message


@pytest.mark.parametrize(
    "sentence",
    [
        "反馈12个问题，已完成9个，正在推进3个，完成率75%。",
        "巡察反馈的19个问题，完成18个，正在推进1个，完成率94.7%。",
        "巡察反馈的19个问题，完成18个，正在推进1个，完成率95%。",  # rounded
        "巡察反馈的19个问题，完成18个，正在推进1个，完成率94.74%。",
        "反馈的12个问题，完成整改9个、正在整改3个。",
        "共12个问题中，已完成9个，正在推进3个。",
        "指出了3个方面12个问题，已完成10个、正在推进2个。",
        "反馈问题12个，已完成9个，正在推进3个，完成率75%。",
        "共同推进3个项目，已完成2个。",  # no total of problems
        "反馈12个问题，已完成9个，其中长期坚持4个；正在推进3个。",
    ],
)
def test_nl605_silent_on_correct_summaries(sentence: str) -> None:
    assert nl605(with_sentence(sentence)) == []


# --- NL608 collapsed-date ----------------------------------------------------------


def test_nl608_reports_every_collapsed_date_of_the_opening_at_its_own_span() -> None:
    bad = BASE.replace(OPENING_PERIOD, "2024311日至520日", 1).replace(
        FEEDBACK, "2024618日，县委第二巡察组", 1
    )
    found = only(lint(bad), "NL608")
    spans = [bad.split("\n")[d.line - 1][d.column - 1 : d.end_column - 1] for d in found]
    assert spans == ["2024311日", "520日", "2024618日"]
    assert "“2024年3月11日”" in found[0].message
    assert "“5月20日”" in found[1].message and "丢失了“月”" in found[1].message
    assert all(d.severity == "warning" for d in found)


def test_nl608_a_collapsed_period_or_feedback_date_is_not_also_missing() -> None:
    bad = BASE.replace(OPENING_PERIOD, "2024311日至520日", 1).replace(
        FEEDBACK, "2024618日，县委第二巡察组", 1
    )
    assert not [d for d in only(lint(bad), "NL105") if "时间段" in d.message]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2024717日，局党组召开会议", ["2024717日"]),
        ("于2024年4月8日至830日进驻", ["830日"]),
        ("并于830日反馈了巡察意见", ["830日"]),
        ("2024年830日", ["2024年830日"]),
        ("于1230日前完成", ["1230日"]),
        ("历时120日完成整改", []),
        ("在120日内完成", []),
        ("第100日", []),
        ("1000日攻坚行动", []),
        ("编号12345日", []),
        ("30日召开会议", []),
        ("，17日召开会议", []),
        ("2024年7月17日", []),
        ("，315日元", []),
    ],
)
def test_find_collapsed_dates_is_precise(text: str, found: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_collapsed_dates(text)] == found


def test_nl608_silent_on_compliant_notices() -> None:
    for name in ("c01_xuncha_basic", "c03_xuncha_continuous", "c05_xuncha_clues"):
        assert only(lint(compliant_text(name)), "NL608") == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("共12个，已完成9个、正在整改2个。", "合计11个"),
        ("共有12个，已完成9个、正在整改3个，完成率70%。", "为75%"),
    ],
)
def test_nl605_a_bare_total_after_gong_needs_no_noun(sentence: str, said: str) -> None:
    (message,) = nl605(with_sentence(sentence))
    assert said in message


def test_nl605_a_bare_count_after_fankui_is_no_total() -> None:
    """反馈3个 without 问题/任务 is not the total of a summary."""
    assert nl605(with_sentence("向各股室反馈3个，已完成1个、正在整改1个。")) == []
