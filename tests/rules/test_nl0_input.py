"""NL0 — input and text hygiene: NL001 unreadable-input, NL002 unrecognized-structure."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from notice_support import (
    COMPLIANT_DIR,
    COMPLIANT_NAMES,
    CORPUS_DIR,
    assert_well_formed,
    codes,
    compliant_text,
    lint,
    only,
)
from noticelint.lint import check_path
from noticelint.read import read_path
from noticelint.settings import Settings

MEETING_NOTICE = """\
关于召开全体干部职工大会的通知
各股室、局属各单位：
经局党组研究，定于2024年9月9日（星期一）上午9:00在局机关三楼会议室召开全体干部职工大会，请全体干部职工准时参加。
请各单位于9月6日下午下班前将参会人员名单报局办公室。
联系人：王明，联系电话：0596-83271506。
县财政局办公室
2024年9月2日
"""


def _binary_blob(size: int = 4096) -> bytes:
    """Deterministic random bytes with NULs sprinkled at odd and even offsets."""
    rng = random.Random(20240902)
    data = bytearray(rng.randrange(256) for _ in range(size))
    for i in range(0, size, 97):
        data[i] = 0
    return bytes(data)


# --- NL001 unreadable-input ----------------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl001_silent_on_compliant_fixture_files(name: str) -> None:
    assert "NL001" not in codes(check_path(COMPLIANT_DIR / f"{name}.txt", Settings()))


def test_nl001_fires_once_at_line_1_for_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    path.write_bytes(_binary_blob())
    diags = check_path(path, Settings())
    assert codes(diags) == ["NL001"]
    d = diags[0]
    assert (d.line, d.column, d.end_line, d.end_column) == (1, 1, 1, 1)
    assert d.severity == "error"
    assert d.path == str(path)
    assert "无法读取" in d.message


def test_nl001_fires_for_png_renamed_to_txt(tmp_path: Path) -> None:
    path = tmp_path / "图片.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _binary_blob(1024))
    assert codes(check_path(path, Settings())) == ["NL001"]


def test_nl001_fires_for_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(compliant_text("c01_xuncha_basic"), encoding="utf-8")
    diags = check_path(path, Settings(max_bytes=100))
    assert codes(diags) == ["NL001"]
    assert diags[0].line == 1 and diags[0].column == 1
    assert "100" in diags[0].message  # the message names the limit
    assert "文件过大" in diags[0].message
    # The same file under the default limit is read and linted normally.
    assert "NL001" not in codes(check_path(path, Settings()))


def test_nl001_fires_for_missing_file_instead_of_raising(tmp_path: Path) -> None:
    diags = check_path(tmp_path / "不存在.txt", Settings())
    assert codes(diags) == ["NL001"]
    assert diags[0].line == 1


def test_nl001_uses_display_name_when_given(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(_binary_blob())
    diags = check_path(path, Settings(), display="draft.txt")
    assert [d.path for d in diags] == ["draft.txt"]


def test_nl001_can_be_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(_binary_blob())
    assert check_path(path, Settings(ignore=["NL001"])) == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_nl001_silent_for_notice_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    text = compliant_text("c01_xuncha_basic")
    path = tmp_path / "draft.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    found = check_path(path, Settings())
    # Decoded and linted like the UTF-8 text: same findings (none of error/warning level).
    assert codes(found) == codes(lint(text))
    assert not [d for d in found if d.severity in ("error", "warning")]


# --- NL002 unrecognized-structure -------------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl002_silent_on_compliant_fixtures(name: str) -> None:
    assert "NL002" not in codes(lint(compliant_text(name)))


def test_nl002_fires_for_meeting_notice_and_suppresses_structural_rules() -> None:
    diags = lint(MEETING_NOTICE)
    # Only NL002: no NL101 missing-title, NL104 missing-opening, NL111 … for a non-notice.
    assert codes(diags) == ["NL002"]
    d = diags[0]
    assert d.severity == "error"
    assert (d.line, d.column) == (1, 1)
    assert d.end_line == 1
    assert_well_formed(diags, MEETING_NOTICE)


@pytest.mark.parametrize("text", ["", "\n\n\n", "你好"], ids=["empty", "blank-lines", "one-word"])
def test_nl002_fires_at_line_1_for_empty_or_trivial_text(text: str) -> None:
    diags = lint(text)
    assert codes(diags) == ["NL002"]
    assert (diags[0].line, diags[0].column) == (1, 1)


def test_nl002_not_reported_when_an_opening_exists_without_sections() -> None:
    base = compliant_text("c01_xuncha_basic")
    lines = base.split("\n")
    # Title + opening only: it is a (badly incomplete) notice, not a non-notice.
    diags = lint("\n".join(lines[:2]))
    assert "NL002" not in codes(diags)
    assert "NL111" in codes(diags)


def test_nl002_not_selected_lets_nothing_through_for_a_non_notice() -> None:
    # Structural rules stay suppressed even when NL002 itself is not selected.
    assert lint(MEETING_NOTICE, select=["NL1", "NL2", "NL3", "NL4", "NL7"]) == []


# --- all rules: Chinese messages, spans inside the text --------------------------


@pytest.mark.parametrize("path", sorted(CORPUS_DIR.glob("*.txt")), ids=lambda p: p.name[:3])
def test_corpus_diagnostics_have_chinese_messages_and_spans_inside_text(path: Path) -> None:
    diags = check_path(path, Settings())
    assert_well_formed(diags, read_path(path).text)
    assert only(diags, "NL001") == []
