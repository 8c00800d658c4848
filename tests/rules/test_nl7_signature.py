"""NL7 — signature (落款 and 成文日期).

The findings (NL701–NL703) are rows of tests/rules/cases/NL7.toml, run by
tests/rules/test_cases.py; the NL703 fixes and the every-fixture check stay here.
"""

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


# --- NL703 fixes (the findings themselves are rows of cases/NL7.toml) ------------------


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
    bad = replace_once(base, "\n　　2024年10月10日", "\n　　2024-10-10")
    line = _last_line(bad)
    (d,) = assert_fires(bad, "NL703", base=base, line=line, column=3)
    assert d.fix is not None
    assert apply_edits(bad, d.fix.edits) == base
