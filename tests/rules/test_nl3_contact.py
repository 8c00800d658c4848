"""NL3 — contact block.

The bad/good drafts (NL301–NL305) are rows of tests/rules/cases/NL3.toml, run by
tests/rules/test_cases.py; what stays here needs Python (user profiles on disk,
every fixture × every code).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    codes,
    compliant_text,
    lint,
    only,
)

NL3_CODES = ["NL301", "NL302", "NL303", "NL304", "NL305"]


@pytest.mark.parametrize("code", NL3_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl3_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


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
