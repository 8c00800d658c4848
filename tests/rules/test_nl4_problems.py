"""NL4 — problems, measures and status lines.

The one-edit drafts of NL401–NL404 are rows of tests/rules/cases/NL4.toml, run by
tests/rules/test_cases.py; drafts that drop line ranges or every status line stay here.
"""

from __future__ import annotations

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    assert_fires,
    codes,
    compliant_text,
    line_of,
    lint,
    only,
)

NL4_CODES = ["NL401", "NL402", "NL403"]

# --- GOOD -------------------------------------------------------------------------


@pytest.mark.parametrize("code", NL4_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl4_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl402_silent_on_compliant_fixtures_in_strict_profile(name: str) -> None:
    assert "NL402" not in codes(lint(compliant_text(name), profile="strict"))


# --- NL401 problem-without-measures -------------------------------------------------


def test_nl401_fires_when_labelled_measure_items_removed() -> None:
    base = compliant_text("c04_xunshi_province")
    lines = base.split("\n")
    start = line_of(base, "2.关于农村公路管理养护机制不健全的问题")
    # Drop "整改措施：" and its （1）（2） lines; the status phrase alone is no measure.
    bad = "\n".join(lines[:start] + lines[start + 3 :])
    assert "整改进度：基本完成，持续推进。" in bad.split("\n")[start]
    (d,) = assert_fires(bad, "NL401", base=base, line=start, column=3)
    assert "2.“关于农村公路管理养护机制不健全的问题”" in d.message


# --- NL402 missing-status-line ------------------------------------------------------


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
