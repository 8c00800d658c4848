"""NL3 — contact block."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    assert_fires,
    codes,
    column_of,
    compliant_text,
    drop_lines,
    line_of,
    lint,
    only,
    replace_once,
)

NL3_CODES = ["NL301", "NL302", "NL303", "NL304", "NL305"]

C01_CLOSING = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
C01_PHONE = "0596-83271506"
C01_POSTCODE = "363100"
C01_EMAIL = "txczjxc@example.com"


# --- GOOD -------------------------------------------------------------------------


@pytest.mark.parametrize("code", NL3_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl3_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("电子邮箱：", "电子邮箱"),  # label without its colon (seed 002)
        (
            "通信地址：桐溪县府前路18号；邮政编码：363100；",
            "通信地址：桐溪县府前路18号，邮政编码363100；",
        ),
        ("；通信地址", "\n通信地址"),  # the block over several lines
    ],
    ids=["label-without-colon", "postcode-inside-address", "multi-line-block"],
)
def test_nl3_rules_silent_on_contact_variants(base_notice: str, old: str, new: str) -> None:
    found = codes(lint(replace_once(base_notice, old, new)))
    # (A label without its colon is NL306 contact-label-variant's business, not these rules'.)
    assert not [c for c in found if c in NL3_CODES]


# --- NL301 missing-contact-block ---------------------------------------------------


def test_nl301_fires_when_contact_block_removed(base_notice: str) -> None:
    bad = drop_lines(base_notice, C01_PHONE)
    (d,) = assert_fires(bad, "NL301", base=base_notice, line=line_of(bad, C01_CLOSING), column=1)
    assert d.severity == "error"
    assert "联系方式" in d.message


# --- NL302 missing-contact-field ---------------------------------------------------


@pytest.mark.parametrize(
    ("removed", "field"),
    [
        ("联系电话：0596-83271506；", "联系电话"),
        ("通信地址：桐溪县府前路18号；", "通信地址"),
        ("邮政编码：363100；", "邮政编码"),
        ("；电子邮箱：txczjxc@example.com", "电子邮箱"),
    ],
    ids=["phone", "address", "postcode", "email"],
)
def test_nl302_fires_when_one_contact_field_removed(
    base_notice: str, removed: str, field: str
) -> None:
    bad = replace_once(base_notice, removed, "")
    # The edit stays inside the contact line, so it keeps its line number.
    contact_line = line_of(base_notice, "联系电话")
    (d,) = assert_fires(bad, "NL302", base=base_notice, line=contact_line, column=1)
    assert d.severity == "warning"
    assert f"缺少{field}" in d.message


def test_nl302_fires_per_missing_field(base_notice: str) -> None:
    bad = replace_once(base_notice, "邮政编码：363100；电子邮箱：txczjxc@example.com", "")
    hits = assert_fires(bad, "NL302", base=base_notice, line=line_of(bad, "联系电话"), count=2)
    assert {("邮政编码" in d.message, "电子邮箱" in d.message) for d in hits} == {
        (True, False),
        (False, True),
    }


# --- NL303 invalid-phone ------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    ["0595-873661299", "0596-83271", "12345678901", "1380596123"],
    ids=["fixed-9-digits", "fixed-5-digits", "mobile-starting-12", "mobile-10-digits"],
)
def test_nl303_fires_for_invalid_phone_number(base_notice: str, phone: str) -> None:
    bad = replace_once(base_notice, C01_PHONE, phone)
    (d,) = assert_fires(
        bad, "NL303", base=base_notice, line=line_of(bad, phone), column=column_of(bad, "联系电话")
    )
    assert d.severity == "error"
    assert f"“{phone}”" in d.message


def test_nl303_reports_only_the_bad_number_of_a_list(base_notice: str) -> None:
    bad = replace_once(base_notice, C01_PHONE, "0596-83271506或873661299")
    (d,) = assert_fires(bad, "NL303", base=base_notice, line=line_of(bad, "联系电话"))
    assert "“873661299”" in d.message
    assert C01_PHONE not in d.message


def test_nl303_points_at_indented_contact_line() -> None:
    base = compliant_text("c03_xuncha_continuous")
    bad = replace_once(base, "0592-5316287", "0592-53162877777")
    assert_fires(bad, "NL303", base=base, line=line_of(bad, "联系电话"), column=3)


@pytest.mark.parametrize(
    "phone",
    [
        "(0596)83271506",
        "（0596）83271506",
        "83271506",
        "13805961234",
        "400-810-1234",
        "12345",
        "0596-83271506或83271507",
        "0596-83271506、13805961234",
    ],
)
def test_nl303_silent_for_valid_phone_numbers(base_notice: str, phone: str) -> None:
    assert "NL303" not in codes(lint(replace_once(base_notice, C01_PHONE, phone)))


# --- NL304 invalid-postcode ---------------------------------------------------------


@pytest.mark.parametrize("postcode", ["36310", "3631000", "36310A"])
def test_nl304_fires_for_postcode_not_six_digits(base_notice: str, postcode: str) -> None:
    bad = replace_once(base_notice, C01_POSTCODE, postcode)
    (d,) = assert_fires(
        bad,
        "NL304",
        base=base_notice,
        line=line_of(bad, "邮政编码"),
        column=column_of(bad, "邮政编码"),
    )
    assert d.severity == "error"
    assert f"“{postcode}”" in d.message


# --- NL305 invalid-email ------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["txczjxc＠example.com", "txczjxc@example", "txczjxc@@example.com", "txczjxc example.com"],
    ids=["fullwidth-at", "no-tld", "double-at", "space-instead-of-at"],
)
def test_nl305_fires_for_invalid_email(base_notice: str, email: str) -> None:
    bad = replace_once(base_notice, C01_EMAIL, email)
    (d,) = assert_fires(
        bad,
        "NL305",
        base=base_notice,
        line=line_of(bad, "电子邮箱"),
        column=column_of(bad, "电子邮箱"),
    )
    assert d.severity == "error"
    assert f"“{email}”" in d.message


# --- contact labels come from the profile -----------------------------------------


def test_nl302_reads_phone_labels_from_a_user_profile(base_notice: str, tmp_path: Path) -> None:
    hotline = tmp_path / "hotline.toml"
    hotline.write_text(
        'extends = "xuncha"\n\n[contact]\nphone-labels = ["热线电话"]\n', encoding="utf-8"
    )
    (d,) = only(lint(base_notice, profile=str(hotline)), "NL302")
    assert "联系电话" in d.message  # 联系电话 is not a phone label in this profile


def test_nl302_uses_each_profiles_own_contact_labels_when_profiles_alternate(
    base_notice: str, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_text('extends = "xuncha"\n', encoding="utf-8")
    hotline = tmp_path / "hotline.toml"
    hotline.write_text(
        'extends = "xuncha"\n\n[contact]\nphone-labels = ["热线电话"]\n', encoding="utf-8"
    )
    wrong = []
    for i in range(200):
        gc.collect()  # free the previous run's profile object, as a long-lived process would
        profile = hotline if i % 2 else plain
        fired = "NL302" in codes(lint(base_notice, profile=str(profile)))
        if fired != (profile is hotline):
            wrong.append((i, profile.name, fired))
    assert wrong == []
