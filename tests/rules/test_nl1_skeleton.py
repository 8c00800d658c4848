"""NL1 — document skeleton and section order.

The one-edit drafts of NL101, NL104, NL105, NL112, NL113 and NL114 are rows of
tests/rules/cases/NL1.toml, run by tests/rules/test_cases.py; the drafts that move
whole sections around stay here.
"""

from __future__ import annotations

import pytest

from notice_support import (
    COMPLIANT_NAMES,
    assert_fires,
    codes,
    compliant_text,
    drop_lines,
    line_of,
    lint,
    replace_once,
)

NL1_CODES = ["NL101", "NL104", "NL105", "NL110", "NL111", "NL112", "NL113", "NL114"]

C01_CLOSING = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"


def _sections(text: str) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The lines of ``text`` and, per top-level marker (一、…), its [start, end) line range."""
    lines = text.split("\n")
    starts = [
        (line.strip()[:2], i)
        for i, line in enumerate(lines)
        if line.strip()[:2] in ("一、", "二、", "三、", "四、")
    ]
    tail = next(i for i, line in enumerate(lines) if "欢迎广大干部群众" in line)
    ranges = {}
    for k, (marker, start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else tail
        ranges[marker] = (start, end)
    return lines, ranges


# --- GOOD: every compliant fixture is clean for every NL1 rule -------------------


@pytest.mark.parametrize("code", NL1_CODES)
@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl1_rules_silent_on_compliant_fixtures(name: str, code: str) -> None:
    assert code not in codes(lint(compliant_text(name)))


# --- NL110 section-order ------------------------------------------------------------


def test_nl110_fires_when_sections_one_and_two_swapped(base_notice: str) -> None:
    lines, ranges = _sections(base_notice)
    (a0, a1), (b0, b1) = ranges["一、"], ranges["二、"]
    progress = ["一、" + lines[b0][2:], *lines[b0 + 1 : b1]]
    leadership = ["二、" + lines[a0][2:], *lines[a0 + 1 : a1]]
    bad = "\n".join(lines[:a0] + progress + leadership + lines[b1:])
    (d,) = assert_fires(
        bad, "NL110", base=base_notice, line=line_of(bad, "二、加强巡察整改组织领导情况"), column=1
    )
    assert d.severity == "error"
    assert "“加强巡察整改组织领导情况”" in d.message
    assert "“巡察反馈问题整改进展情况”" in d.message


def test_nl110_fires_when_clues_section_follows_next_steps() -> None:
    base = compliant_text("c05_xuncha_clues")
    lines, ranges = _sections(base)
    (c0, c1), (d0, d1) = ranges["三、"], ranges["四、"]
    next_steps = ["　　三、" + lines[d0].strip()[2:], *lines[d0 + 1 : d1]]
    clues = ["　　四、" + lines[c0].strip()[2:], *lines[c0 + 1 : c1]]
    bad = "\n".join(lines[:c0] + next_steps + clues + lines[d1:])
    (d,) = assert_fires(
        bad, "NL110", base=base, line=line_of(bad, "四、巡察反馈问题线索处理情况"), column=3
    )
    assert "问题线索处理" in d.message and "下一步" in d.message


# --- NL111 missing-section ----------------------------------------------------------


def test_nl111_error_when_progress_section_removed(base_notice: str) -> None:
    lines, ranges = _sections(base_notice)
    b0, b1 = ranges["二、"]
    bad = "\n".join(lines[:b0] + lines[b1:]).replace("三、下一步工作打算", "二、下一步工作打算")
    # (Once NL601 declared-count-mismatch exists it is implied too: 12 declared problems, 0 found.)
    (d,) = assert_fires(bad, "NL111", base=base_notice, line=3, column=1, implied={"NL601"})
    assert d.severity == "error"
    assert "整改进展" in d.message


def test_nl111_warning_when_leadership_section_removed(base_notice: str) -> None:
    lines, ranges = _sections(base_notice)
    a0, a1 = ranges["一、"]
    bad = "\n".join(lines[:a0] + lines[a1:])
    bad = bad.replace("二、巡察反馈", "一、巡察反馈").replace("三、下一步", "二、下一步")
    (d,) = assert_fires(bad, "NL111", base=base_notice, line=3, column=1)
    assert d.severity == "warning"
    assert "组织领导" in d.message


def test_nl111_warning_when_next_steps_section_removed(base_notice: str) -> None:
    lines, ranges = _sections(base_notice)
    c0, c1 = ranges["三、"]
    bad = "\n".join(lines[:c0] + lines[c1:])
    # Reported at the last remaining section heading.
    (d,) = assert_fires(bad, "NL111", base=base_notice, line=line_of(bad, "二、巡察反馈"), column=1)
    assert d.severity == "warning"
    assert "下一步" in d.message


# --- NL114 unheaded-section ---------------------------------------------------------

C05_NEXT_STEPS = (
    "　　下一步，县自然资源局党组将持续抓好整改落实，建立健全长效机制，推动成果转化运用。"
)


def test_nl114_fires_for_next_steps_paragraph_inside_clues_section() -> None:
    base = compliant_text("c05_xuncha_clues")
    lines, ranges = _sections(base)
    d0, d1 = ranges["四、"]
    bad = "\n".join([*lines[:d0], C05_NEXT_STEPS, "", *lines[d1:]])
    (d,) = assert_fires(bad, "NL114", base=base, line=line_of(bad, "下一步，"), column=3)
    assert d.severity == "warning"
    assert "下一步" in d.message
    # Reported instead of NL111.
    assert "NL111" not in codes(lint(bad))


# --- NL113 closing-misplaced --------------------------------------------------------


def test_nl113_fires_when_closing_placed_before_last_section(base_notice: str) -> None:
    bad = drop_lines(base_notice, C01_CLOSING)
    bad = replace_once(bad, "三、下一步工作打算", f"{C01_CLOSING}\n三、下一步工作打算")
    (d,) = assert_fires(bad, "NL113", base=base_notice, line=line_of(bad, "欢迎广大"), column=1)
    assert "结束语出现在正文部分之前或之间" in d.message
    assert "“下一步工作打算”" in d.message


def test_nl113_points_at_indented_misplaced_part() -> None:
    base = compliant_text("c03_xuncha_continuous")
    lines = base.split("\n")
    disclosure = lines[line_of(base, "公开期限") - 1]
    contact = lines[line_of(base, "联系电话") - 1]
    bad = replace_once(base, f"{disclosure}\n{contact}", f"{contact}\n{disclosure}")
    assert_fires(bad, "NL113", base=base, line=line_of(bad, "公开期限"), column=3)
