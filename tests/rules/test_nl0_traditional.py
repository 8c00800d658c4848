"""S12: a notice in traditional characters is read on a simplified view of the same
length: it gets the findings its simplified original gets, at the same places, and the
messages quote the traditional text as written."""

from __future__ import annotations

from functools import cache

import pytest

from notice_support import COMPLIANT_NAMES, compliant_text, lint
from noticelint.parse import parse_text
from noticelint.parse.script import _tables, is_traditional, simplified_view


@cache
def _to_traditional() -> dict[int, int]:
    mapping, _ = _tables()
    back: dict[int, int] = {}
    for trad, simp in mapping.items():
        back.setdefault(simp, trad)
    return back


def traditional(text: str) -> str:
    """A traditional-script copy, as a mirror site would publish it."""
    return text.translate(_to_traditional())


def test_the_table_maps_one_character_to_one() -> None:
    mapping, _ = _tables()
    assert len(mapping) > 2000
    assert all(chr(s) != chr(t) for t, s in mapping.items())
    view = simplified_view(
        "根據縣委統一部署，縣委第二巡察組對縣財政局黨組開展了常規巡察並反饋了巡察意見。"
    )
    assert view == "根据县委统一部署，县委第二巡察组对县财政局党组开展了常规巡察并反馈了巡察意见。"


def test_a_simplified_text_is_left_as_it_is() -> None:
    text = compliant_text("c01_xuncha_basic")
    assert not is_traditional(text)
    assert simplified_view(text) is text


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_traditional_copy_of_a_compliant_notice_parses_the_same(name: str) -> None:
    text = compliant_text(name)
    trad = traditional(text)
    assert trad != text and is_traditional(trad)
    assert lint(trad) == []
    a, b = parse_text(text).notice, parse_text(trad).notice
    assert [s.kind for s in a.sections] == [s.kind for s in b.sections]
    count = [len(s.all_problems()) for s in a.sections]
    assert count == [len(s.all_problems()) for s in b.sections]


def test_findings_on_a_traditional_notice_quote_the_original_at_the_same_place() -> None:
    text = compliant_text("c01_xuncha_basic").replace("财政局党组关于", "财政局党组党组关于", 1)
    trad = traditional(text)
    simp = [(d.code, d.line, d.column, d.end_column) for d in lint(text)]
    found = lint(trad)
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == simp
    nl103 = next(d for d in found if d.code == "NL103")
    assert "“黨組黨組”" in nl103.message


def test_traditional_numeral_classifier_reduplication_is_exempt() -> None:
    text = compliant_text("c01_xuncha_basic").replace(
        "扎实推进整改落实。", "扎实推进整改落实。对反馈问题一项一项研究、一条一条落实。", 1
    )
    trad = traditional(text)
    assert "一項一項" in trad
    assert [d.code for d in lint(trad)] == []


def test_a_traditional_text_that_is_no_notice_says_so_once() -> None:
    meeting = traditional(
        "关于召开全体干部职工大会的通知\n"
        "经局党组研究，定于下周一上午九点在局机关三楼会议室召开全体干部职工大会，请全体干部职工准时参加。\n"
        "请各单位于本周五下午下班前将参会人员名单报局办公室。\n"
    )
    found = lint(meeting)
    assert [(d.code, d.severity) for d in found] == [("NL002", "warning")]
    assert "文本为繁体字" in found[0].message


def test_messages_quote_the_model_in_the_characters_the_user_wrote() -> None:
    """The title and the signing organ are read on the simplified view; the finding
    quotes them as written (traditional), and its advice stays as it is."""
    text = compliant_text("c01_xuncha_basic")
    organ = text.rstrip("\n").split("\n")[-2]
    bad = traditional(text.replace(f"\n{organ}\n", "\n中共桐溪县教育局党组\n", 1))
    (d,) = [x for x in lint(bad) if x.code == "NL604"]
    assert f"“{traditional('中共桐溪县教育局党组')}”" in d.message  # as written
    assert f"“{traditional('中共桐溪县财政局党组')}”" in d.message
    assert "中共桐溪县" not in d.message
    assert "两处应写同一机关" in d.message
