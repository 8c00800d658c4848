"""NL103 repeated-word: typos reported, reduplication exempt, the scan linear.

Numeral-classifier reduplication (一项一项, 一件一件, 一X一X) is correct Chinese and
exempt as a class (the classifiers are the profile's ``[words] classifiers``), the
profile's allow list too; 党组党组 and 四是是 stay reported.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_support import REPO_ROOT, apply_edits, compliant_text, lint, only
from noticelint.rules.typography.repeated_word import repeated_words
from noticelint.text import HAN_CLASS, is_han

BASE = compliant_text("c01_xuncha_basic")
ANCHOR = "扎实推进整改落实。"


def nl103(sentence: str) -> list[str]:
    text = BASE.replace(ANCHOR, ANCHOR + sentence, 1)
    return [d.message for d in only(lint(text, select=["NL103"]), "NL103")]


@pytest.mark.parametrize(
    "sentence",
    [
        "局党组对反馈问题一项一项研究、一件一件落实。",
        "对照问题清单一条一条过、一个一个改，一步一步推进。",
        "对整改任务逐项一项一项抓落实。",
        "一次一次督、一遍一遍查，一层一层压实责任。",
        "一户一户走访、一村一村排查。",
        "有问题常常研究研究，做到扎扎实实、方方面面。",
    ],
)
def test_nl103_reduplication_is_correct_chinese(sentence: str) -> None:
    assert nl103(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("局党组党组会议专题研究整改。", "“党组党组”，应为“党组”"),
        ("四是是依托线上平台开展巡课。", "“四是是”，应为“四是”"),
        ("一是一是加强学习。", "“一是一是”，应为“一是”"),  # 是 is no classifier
        ("召开专题会议会议研究部署。", "“会议会议”，应为“会议”"),
        ("落实整改责任整改责任清单。", "“整改责任整改责任”，应为“整改责任”"),
    ],
)
def test_nl103_reports_real_repeats(sentence: str, shown: str) -> None:
    (message,) = nl103(sentence)
    assert shown in message


def test_nl103_fix_drops_the_second_copy() -> None:
    bad = BASE.replace(ANCHOR, ANCHOR + "局党组党组会议专题研究整改。", 1)
    (d,) = only(lint(bad, select=["NL103"]), "NL103")
    assert d.fix is not None and d.fix.applicability == "unsafe"
    fixed = apply_edits(bad, d.fix.edits)
    assert "局党组会议专题研究整改。" in fixed


def test_nl103_classifier_list_comes_from_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('extends = "xuncha"\n[words]\nclassifiers = ["件"]\n', encoding="utf-8")
    text = BASE.replace(ANCHOR, ANCHOR + "一件一件落实，一项一项研究。", 1)
    found = only(lint(text, select=["NL103"], profile=str(profile)), "NL103")
    assert [d.message.split("，")[0] for d in found] == ["词语重复：“一项一项”"]


def test_repeated_words_longest_leftmost_non_overlapping() -> None:
    text = "党组党组党组，整改责任整改责任，看看"
    assert repeated_words(text, 0, len(text)) == [(0, 2), (7, 4)]


# The reference: a back-reference scan of every position, tried at each Chinese
# character (the rule once ran this on every paragraph; it is too slow for that).
_RECUR = re.compile(rf"({HAN_CLASS})(?={HAN_CLASS}{{1,3}}?\1)")


def reference_repeated_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    skip = start
    for m in _RECUR.finditer(text, start, end):
        i = m.start()
        if i < skip:
            continue
        for k in (4, 3, 2):
            piece = text[i : i + 2 * k]
            if i + 2 * k <= end and piece[:k] == piece[k:] and all(map(is_han, piece)):
                found.append((i, k))
                skip = i + 2 * k
                break
    return found


# Chinese characters (一 U+4E00, 丁 U+4E01, 伀 U+4F00 and the ideographic space U+3000
# share low bytes; 𠀀 is outside the Han ranges), digits, marks of both widths, white
# space, and words written twice or thrice.
WRITING = st.sampled_from(
    [*"党组一丁伀是研究\u3000𠀀1２,，.。:：（()） \t\n", "\ud800", "党组党组", "一项一项",
     "整改责任整改责任", "会议会议会议", "是是", "四是是", "研究研究", "甲乙丙甲乙丙", "  "]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WRITING, max_size=40).map("".join), st.data())
def test_repeated_words_finds_what_the_back_reference_scan_finds(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert repeated_words(text, start, end) == reference_repeated_words(text, start, end)


def test_nl103_and_residue_detection_are_linear_on_a_hostile_line() -> None:
    """40 KB lines (or 40 KB of short lines) made to hurt a back-reference scan, the
    residue classifier and the script view: a quadratic scan takes minutes here; the
    run must finish well inside the timeout."""
    script = textwrap.dedent(
        """
        from noticelint.lint import check_document
        from noticelint.read import Document
        from noticelint.settings import Settings
        from noticelint.rules.typography.repeated_word import repeated_words

        hostile = [
            "党组" * 20000,
            "一项" * 20000,
            "啊" * 40000,
            "党组织组织" * 8000,
            "甲乙丙丁" * 10000 + "甲乙丙丁",
            "来源：" * 13000,
            "首页 > " * 8000,
            ("时间：" + "2" * 30 + "\\n") * 1300,
            ("首页 > " * 30 + "\\n") * 220,
            "索引号：\\n" * 5000 + "\\n" * 20000 + "有效",
            "據" * 40000,
        ]
        base = open("tests/fixtures/compliant/c01_xuncha_basic.txt", encoding="utf-8").read()
        for line in hostile:
            repeated_words(line, 0, len(line))
            # inside a notice (NL103 runs) and as a text of its own (residue first)
            text = base.replace("扎实推进整改落实。", "扎实推进整改落实。\\n" + line, 1)
            check_document(Document("h.txt", text), Settings(select=["ALL"]))
            check_document(Document("h.txt", line + "\\n"), Settings(select=["ALL"]))
        print("done")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
