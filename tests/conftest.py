"""Fixtures shared by every test; the helpers themselves are in ``notice_support``."""

from __future__ import annotations

import pytest

from notice_support import compliant_text


@pytest.fixture
def base_notice() -> str:
    """The text of ``c01_xuncha_basic.txt`` (the default clean baseline)."""
    return compliant_text("c01_xuncha_basic.txt")
