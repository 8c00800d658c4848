"""The classifier's words come from the profile: a user's organisation that writes its
own label adds one word to a profile, no code (issue 10, item 8)."""

from __future__ import annotations

import json
from pathlib import Path

from structure_notices import LEADERSHIP, NEXT, PROGRESS, notice

from noticelint.parse import parse_text
from noticelint.profile import bundled_profile, choose_profile, load_profile

BRACKETED = PROGRESS.replace("整改措施：", "【整改措施】").replace("整改进展：", "【整改成果】")


def _profile_adding(tmp_path: Path, table: str, key: str, word: str) -> Path:
    words = getattr(getattr(bundled_profile("xuncha"), table), key.replace("-", "_"))
    path = tmp_path / "ours.toml"
    path.write_text(
        f'extends = "xuncha"\n[{table}]\n{key} = {json.dumps([*words, word], ensure_ascii=False)}\n',
        encoding="utf-8",
    )
    return path


def test_an_unknown_bracket_label_is_text_with_the_bundled_profile() -> None:
    problems = parse_text(notice(LEADERSHIP, BRACKETED, NEXT)).notice.sections[1].leaf_problems()
    assert [p.status for p in problems] == [None, None]


def test_one_word_in_a_profile_makes_it_a_status_label(tmp_path: Path) -> None:
    profile = load_profile(str(_profile_adding(tmp_path, "status", "labels", "整改成果")))
    parsed = parse_text(notice(LEADERSHIP, BRACKETED, NEXT), profile=profile)
    problems = parsed.notice.sections[1].leaf_problems()
    assert [p.status.class_ if p.status else None for p in problems] == ["done", "long_term"]


def test_one_word_in_a_profile_makes_it_a_measures_label(tmp_path: Path) -> None:
    body = PROGRESS.replace("整改措施：", "整改方法：")
    profile = load_profile(str(_profile_adding(tmp_path, "problems", "measure-labels", "整改方法")))
    parsed = parse_text(notice(LEADERSHIP, body, NEXT), profile=profile)
    assert all(p.measure_labels for p in parsed.notice.sections[1].leaf_problems())


def test_the_lexicon_is_compiled_once_per_profile() -> None:
    profile = bundled_profile("xuncha")
    assert profile.lexicon is profile.lexicon


# --- the profile choice (S11) ----------------------------------------------------------


def test_breadcrumb_naming_xunshi_does_not_vote() -> None:
    text = "当前位置：首页 > 巡视巡察 > 巡视整改公开\n" + notice(LEADERSHIP, PROGRESS, NEXT)
    assert choose_profile(text) == "xuncha"


def test_a_cited_regulation_does_not_vote() -> None:
    text = notice(LEADERSHIP, PROGRESS).replace(
        "按照巡察工作有关要求", "按照《中国共产党巡视工作条例》有关要求"
    )
    assert choose_profile(text) == "xuncha"


def test_city_and_province_xunshi_notices_are_xunshi() -> None:
    for organ in ("市委", "省委"):
        text = (
            notice(LEADERSHIP, PROGRESS)
            .replace("县委巡察", f"{organ}巡视")
            .replace("县委第二巡察组", f"{organ}第二巡视组")
        )
        assert choose_profile(text) == "xunshi", organ


def test_a_traditional_script_xunshi_notice_is_xunshi() -> None:
    text = "中共某省農業農村廳黨組關於省委第五巡視組反饋意見整改進展情況的通報\n根據省委統一部署，省委第五巡視組對省農業農村廳黨組開展了常規巡視。"
    assert choose_profile(text) == "xunshi"
