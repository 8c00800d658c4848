"""NL2 — disclosure period (公开期限).

The bad/good drafts (NL201–NL205) are rows of tests/rules/cases/NL2.toml, run by
tests/rules/test_cases.py; what stays here needs Python (a user profile on disk,
every fixture × every code).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_support import COMPLIANT_NAMES, baseline, codes, compliant_text, lint, only

NL2_CODES = ["NL201", "NL202", "NL203", "NL204", "NL205"]


@pytest.mark.parametrize("code", NL2_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl2_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


def test_nl205_uses_min_days_from_a_user_profile(base_notice: str, tmp_path: Path) -> None:
    profile = tmp_path / "local.toml"
    profile.write_text('extends = "xuncha"\n\n[disclosure]\nmin-days = 40\n', encoding="utf-8")
    assert "NL205" not in codes(lint(base_notice))
    diags = lint(base_notice, profile=str(profile))
    (d,) = only(diags, "NL205")
    assert d.line == base_notice.split("\n").index("公开期限：2024年9月2日至9月23日。") + 1
    assert "21天" in d.message and "40天" in d.message
    # Only the threshold changed: nothing else is new for the compliant notice.
    assert set(codes(diags)) - set(codes(baseline(base_notice))) == {"NL205"}
