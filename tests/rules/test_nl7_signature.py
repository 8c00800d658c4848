"""NL7 — signature (落款 and 成文日期)."""

from __future__ import annotations

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    apply_edits,
    assert_fires,
    codes,
    compliant_text,
    lint,
    only,
    replace_once,
)

NL7_CODES = ["NL701", "NL702", "NL703"]

C01_ORGAN = "中共桐溪县财政局党组"
C01_DATE = "2024年9月2日"
C01_SIGNATURE = f"\n{C01_ORGAN}\n{C01_DATE}"


def _last_line(text: str) -> int:
    return len(text.rstrip("\n").split("\n"))


# --- GOOD -------------------------------------------------------------------------


@pytest.mark.parametrize("code", NL7_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl7_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


# --- NL701 missing-signature-organ --------------------------------------------------


def test_nl701_fires_when_signing_organ_removed(base_notice: str) -> None:
    bad = replace_once(base_notice, C01_SIGNATURE, f"\n{C01_DATE}")
    # Reported at the date line that is left of the signature.
    (d,) = assert_fires(bad, "NL701", base=base_notice, line=_last_line(bad), column=1)
    assert d.severity == "error"
    assert "落款机关" in d.message


def test_nl701_and_nl702_fire_when_whole_signature_removed(base_notice: str) -> None:
    bad = replace_once(base_notice, C01_SIGNATURE, "")
    # No organ and no date are two findings of one deletion; both point at the last paragraph.
    (organ,) = assert_fires(
        bad, "NL701", base=base_notice, line=_last_line(bad), column=1, implied={"NL702"}
    )
    (date,) = assert_fires(
        bad, "NL702", base=base_notice, line=_last_line(bad), column=1, implied={"NL701"}
    )
    assert organ.severity == date.severity == "error"


# --- NL702 missing-signature-date ---------------------------------------------------


def test_nl702_fires_when_signature_date_removed(base_notice: str) -> None:
    bad = replace_once(base_notice, C01_SIGNATURE, f"\n{C01_ORGAN}")
    (d,) = assert_fires(bad, "NL702", base=base_notice, line=_last_line(bad), column=1)
    assert d.severity == "error"
    assert "成文日期" in d.message


def test_nl702_points_at_the_organ_of_a_notice_with_blank_lines() -> None:
    base = compliant_text("c02_xuncha_blanklines")
    bad = replace_once(
        base, "中共安澜市卫生健康委员会党组\n2024年11月15日", "中共安澜市卫生健康委员会党组"
    )
    assert_fires(bad, "NL702", base=base, line=_last_line(bad), column=1)


# --- NL703 date-format --------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "2024年09月02日",
        "2024年9月02日",
        "二〇二四年九月二日",
        "2024-09-02",
        "2024.9.2",
        "2024 年 9 月 2 日",
    ],
    ids=["leading-zeros", "leading-zero-day", "chinese-numerals", "iso", "dotted", "spaced"],
)
def test_nl703_fires_for_noncanonical_signature_date(base_notice: str, written: str) -> None:
    bad = replace_once(base_notice, C01_SIGNATURE, f"\n{C01_ORGAN}\n{written}")
    line = _last_line(bad)
    # a spaced date also has spaces between Chinese characters and digits (NL803)
    (d,) = assert_fires(bad, "NL703", base=base_notice, line=line, column=1, implied={"NL803"})
    assert d.severity == "warning"
    assert f"“{written}”" in d.message
    assert (d.end_line, d.end_column) == (line, len(written) + 1)


@pytest.mark.parametrize(
    "written", ["2024年09月02日", "二〇二四年九月二日", "2024-09-02", "2024.9.2"]
)
def test_nl703_fix_is_safe_and_rewrites_date_canonically(base_notice: str, written: str) -> None:
    bad = replace_once(base_notice, C01_SIGNATURE, f"\n{C01_ORGAN}\n{written}")
    (d,) = only(lint(bad), "NL703")
    assert d.fix is not None
    assert d.fix.applicability == "safe"
    assert C01_DATE in d.fix.message
    (edit,) = d.fix.edits
    assert edit.content == C01_DATE
    line = _last_line(bad)
    assert (edit.line, edit.column, edit.end_line, edit.end_column) == (
        line,
        1,
        line,
        len(written) + 1,
    )
    fixed = apply_edits(bad, d.fix.edits)
    assert fixed == base_notice


def test_nl703_fix_keeps_indentation_of_indented_date() -> None:
    base = replace_once(
        compliant_text("c03_xuncha_continuous"), "\n2024年10月10日", "\n　　2024年10月10日"
    )
    # An indented date line is still a well-formed signature.
    assert not [c for c in codes(lint(base)) if c in NL7_CODES]
    bad = replace_once(base, "\n　　2024年10月10日", "\n　　2024-10-10")
    line = _last_line(bad)
    (d,) = assert_fires(bad, "NL703", base=base, line=line, column=3)
    assert d.fix is not None
    assert apply_edits(bad, d.fix.edits) == base
