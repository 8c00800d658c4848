"""NL2 — disclosure period (公开期限)."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    assert_fires,
    baseline,
    codes,
    compliant_text,
    drop_lines,
    line_of,
    lint,
    only,
    replace_once,
)

NL2_CODES = ["NL201", "NL202", "NL203", "NL204", "NL205"]

C01_DISCLOSURE = "公开期限：2024年9月2日至9月23日。"
C01_CLOSING = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"


def _with_period(base: str, new: str) -> str:
    return replace_once(base, C01_DISCLOSURE, new)


# --- GOOD -------------------------------------------------------------------------


@pytest.mark.parametrize("code", NL2_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl2_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


@pytest.mark.parametrize(
    "period",
    ["公开期限：2024年9月2日至2024年9月23日。", "公开期限：2024年9月2日至9月22日。"],
    ids=["end-year-written", "exactly-20-days"],
)
def test_nl2_rules_silent_on_valid_period_variants(base_notice: str, period: str) -> None:
    assert not [c for c in codes(lint(_with_period(base_notice, period))) if c in NL2_CODES]


# --- NL201 missing-disclosure-period -----------------------------------------------


def test_nl201_fires_when_disclosure_period_removed(base_notice: str) -> None:
    bad = drop_lines(base_notice, C01_DISCLOSURE)
    # Reported at the closing, after which the period belongs.
    (d,) = assert_fires(bad, "NL201", base=base_notice, line=line_of(bad, C01_CLOSING), column=1)
    assert d.severity == "warning"
    assert "公开期限" in d.message


def test_nl201_is_an_error_in_the_strict_profile(base_notice: str) -> None:
    bad = drop_lines(base_notice, C01_DISCLOSURE)
    (d,) = only(lint(bad, profile="strict"), "NL201")
    assert d.severity == "error"


# --- NL202 disclosure-period-format ------------------------------------------------


@pytest.mark.parametrize(
    ("period", "quoted"),
    [
        ("公开期限：2024-09-02至2024-09-23。", "“2024-09-02至2024-09-23”"),
        ("公开期限：9月2日至9月23日。", "“9月2日至9月23日”"),
        ("公开期限：2024年9月2日9月23日。", "“2024年9月2日9月23日”"),
        ("公开期限：2024年9月2日—9月23日。", "“2024年9月2日—9月23日”"),
        ("公开期限：2024年09月02日至09月23日。", "“2024年09月02日至09月23日”"),
        ("公开期限：自2024年9月2日起21天。", "“自2024年9月2日起21天”"),
    ],
    ids=["hyphen-dates", "no-start-year", "no-zhi", "dash", "leading-zeros", "prose"],
)
def test_nl202_fires_for_malformed_disclosure_period(
    base_notice: str, period: str, quoted: str
) -> None:
    bad = _with_period(base_notice, period)
    (d,) = assert_fires(bad, "NL202", base=base_notice, line=line_of(bad, "公开期限"), column=1)
    assert d.severity == "warning"
    assert quoted in d.message
    assert d.end_line == d.line


# --- NL203 disclosure-period-invalid -----------------------------------------------


@pytest.mark.parametrize(
    ("period", "why"),
    [
        ("公开期限：2024年9月2日至9月31日。", "截止日期2024年9月31日不存在"),
        ("公开期限：2024年9月2日至9月1日。", "截止日期不晚于起始日期"),
        ("公开期限：2024年9月2日至9月2日。", "截止日期不晚于起始日期"),
    ],
    ids=["impossible-end-date", "end-before-start", "end-equals-start"],
)
def test_nl203_fires_for_impossible_disclosure_period(
    base_notice: str, period: str, why: str
) -> None:
    bad = _with_period(base_notice, period)
    # 9月31日 is also an impossible date anywhere in the text: NL603 invalid-date is implied.
    (d,) = assert_fires(
        bad, "NL203", base=base_notice, line=line_of(bad, "公开期限"), column=1, implied={"NL603"}
    )
    assert d.severity == "error"
    assert why in d.message
    assert f"“{period[5:-1]}”" in d.message  # quotes the period as written
    # An invalid period is not also reported as too short.
    assert "NL205" not in codes(lint(bad))


# --- NL204 disclosure-start-mismatch -----------------------------------------------


def test_nl204_fires_when_period_starts_after_signature_date(base_notice: str) -> None:
    bad = _with_period(base_notice, "公开期限：2024年9月3日至9月24日。")
    (d,) = assert_fires(bad, "NL204", base=base_notice, line=line_of(bad, "公开期限"), column=1)
    assert d.severity == "info"
    assert "2024年9月3日" in d.message and "2024年9月2日" in d.message


def test_nl204_fires_when_signature_date_changed(base_notice: str) -> None:
    bad = replace_once(base_notice, "\n2024年9月2日", "\n2024年9月1日")
    # The period now starts after the 成文日期, which NL606 date-after-signature may also report.
    (d,) = assert_fires(
        bad, "NL204", base=base_notice, line=line_of(bad, "公开期限"), implied={"NL606"}
    )
    assert "2024年9月1日" in d.message


# --- NL205 disclosure-too-short ----------------------------------------------------


def test_nl205_fires_when_disclosure_period_shortened(base_notice: str) -> None:
    bad = _with_period(base_notice, "公开期限：2024年9月2日至9月12日。")
    (d,) = assert_fires(bad, "NL205", base=base_notice, line=line_of(bad, "公开期限"), column=1)
    assert d.severity == "warning"
    assert "10天" in d.message
    assert "20天" in d.message
    assert "规则配置" in d.message  # says it is the profile's minimum, not a norm


def test_nl205_fires_at_19_days(base_notice: str) -> None:
    bad = _with_period(base_notice, "公开期限：2024年9月2日至9月21日。")
    (d,) = assert_fires(bad, "NL205", base=base_notice, line=line_of(bad, "公开期限"))
    assert "19天" in d.message


def test_nl205_counts_days_across_the_new_year() -> None:
    base = compliant_text("c04_xunshi_province")
    bad = replace_once(base, "至2025年1月6日", "至2024年12月31日")
    (d,) = assert_fires(bad, "NL205", base=base, line=line_of(bad, "公开期限"), column=3)
    assert "15天" in d.message


def test_nl205_uses_min_days_from_a_user_profile(base_notice: str, tmp_path: Path) -> None:
    profile = tmp_path / "local.toml"
    profile.write_text('extends = "xuncha"\n\n[disclosure]\nmin-days = 40\n', encoding="utf-8")
    assert "NL205" not in codes(lint(base_notice))
    diags = lint(base_notice, profile=str(profile))
    (d,) = only(diags, "NL205")
    assert d.line == line_of(base_notice, "公开期限")
    assert "21天" in d.message and "40天" in d.message
    # Only the threshold changed: nothing else is new for the compliant notice.
    assert set(codes(diags)) - set(codes(baseline(base_notice))) == {"NL205"}
