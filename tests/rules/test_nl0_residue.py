"""NL003 on the page chrome real notices carry (real-variants.md, "Scrape residue").

Each BAD case puts residue the way government sites leave it around a compliant
notice: one diagnostic per block naming the kind, a safe fix that gives the notice
back, and no structural finding caused by the residue. The GOOD cases are real
sentences that contain the same words (时间：, 日期, 当前, 来源) and must stay text.
"""

from __future__ import annotations

import pytest

from notice_support import compliant_text, fix_all, line_of, lint, only
from noticelint.parse.residue import content_text, residue_matcher
from noticelint.parse.segment import segment
from noticelint.profile import bundled_profile

BASE = compliant_text("c01_xuncha_basic")
TITLE, REST = BASE.split("\n", 1)
ORGAN, DATE = BASE.rstrip("\n").split("\n")[-2:]


def nl003(text: str) -> list[str]:
    return [d.message for d in only(lint(text, select=["NL003"]), "NL003")]


def codes_without_residue(text: str) -> list[str]:
    return sorted(d.code for d in lint(text) if d.code != "NL003")


BASELINE = codes_without_residue(BASE)


@pytest.mark.parametrize(
    ("residue", "kind"),
    [
        ("当前位置：首页 > 巡视巡察 > 整改公示", "导航路径"),
        ("您现在的位置：首页>>信息公开>>巡察整改", "导航路径"),
        ("首页 > 巡视巡察 > 巡察整改", "导航路径"),
        ("发布时间：2024-09-02 10:30", "发布时间行"),
        ("时间：2024年9月2日", "发布时间行"),
        ("日期：2024-09-02", "发布时间行"),
        ("分享到：微信 微博 QQ空间", "页面工具"),
        ("朗读", "页面工具"),
        ("字体大小：大 中 小", "页面工具"),
        ("字号：大 中 小", "页面工具"),
        ("［打印本页］［关闭窗口］", "页面工具"),
        ("[收藏] [打印] [关闭]", "页面工具"),
        ("浏览次数：356", "浏览次数"),
        ("浏览量：", "浏览次数"),
        ("索引号：11350822MB0123456X/2024-00031", "政府信息公开目录信息"),
        ("来源：桐溪县财政局 发布时间：2024-09-02 浏览量：1234 字号：大 中 小", "网页发布信息"),
    ],
)
def test_nl003_each_kind_of_page_chrome_above_the_title(residue: str, kind: str) -> None:
    bad = f"{residue}\n{BASE}"
    found = only(lint(bad), "NL003")
    assert len(found) == 1
    (d,) = found
    assert (d.line, d.column) == (1, 1)
    assert kind in d.message and "应删除" in d.message
    assert d.fix is not None and d.fix.applicability == "safe"
    assert fix_all(bad, [d]) == BASE
    assert codes_without_residue(bad) == BASELINE


def test_nl003_a_whole_page_header_is_one_diagnostic_per_block() -> None:
    header = (
        "当前位置：首页 > 巡视巡察 > 整改公示\n"
        "索引号：\n11350822MB0123456X/2024-00031\n"
        "主题分类：\n巡视巡察\n"
        "发布单位：中共桐溪县财政局党组\n"
        "成文日期：\n2024-09-02\n"
        "公开方式：\n主动公开\n"
        "有效性：\n有效\n"
    )
    bad = f"{header}{TITLE}\n分享到：微信 微博\n朗读\n{REST}浏览次数：356\n"
    found = only(lint(bad), "NL003")
    assert [d.line for d in found] == [1, 14, line_of(bad, "浏览次数")]
    assert "导航路径" in found[0].message and "政府信息公开目录信息" in found[0].message
    assert "第1—12行" in found[0].message
    assert "页面工具" in found[1].message
    assert fix_all(bad, found) == BASE
    assert codes_without_residue(bad) == BASELINE


def test_nl003_metadata_block_never_takes_the_signature() -> None:
    """A 成文日期 label alone on its line just before the signature: the organ and the
    date that follow are the signature, not the label's value."""
    bad = BASE.replace(f"{ORGAN}\n{DATE}", f"索引号：123\n成文日期：\n{ORGAN}\n{DATE}")
    found = only(lint(bad), "NL003")
    assert len(found) == 1
    assert "“索引号：123”“成文日期：”" in found[0].message
    assert codes_without_residue(bad) == BASELINE  # no NL701/NL702: the signature stands
    assert fix_all(bad, found) == BASE


def test_nl003_metadata_value_of_the_last_label_is_a_short_word_only() -> None:
    bad = BASE.replace(f"{ORGAN}\n{DATE}", f"公开方式：\n主动公开\n{ORGAN}\n{DATE}")
    (d,) = only(lint(bad), "NL003")
    assert "“主动公开”" in d.message
    assert fix_all(bad, [d]) == BASE


def test_nl003_signature_date_after_a_metadata_block_at_the_top_stays() -> None:
    bad = f"成文日期：2024年9月2日\n发布机构：中共桐溪县财政局党组\n{BASE}"
    (d,) = only(lint(bad), "NL003")
    assert "第1—2行" in d.message
    assert codes_without_residue(bad) == BASELINE


@pytest.mark.parametrize(
    "sentence",
    [
        "整改时间：2024年12月底前完成。",
        "时间：2024年3月11日至5月20日",
        "时间：2024年12月底前",
        "当前，局党组正在推进整改“回头看”。",
        "当前位置偏远的预算单位，由局领导带队开展实地督导。",
        "资金来源：县级财政预算安排。",
        "来源：据县统计局年报，全县预算单位共126家。",
        "日期不完整的凭证已全部补齐。",
        "分享经验做法，推动各股室互学互鉴。",
    ],
)
def test_nl003_real_sentences_with_residue_words_are_text(sentence: str) -> None:
    good = BASE.replace(
        "整改进展情况：已完成整改。\n", f"整改进展情况：已完成整改。\n{sentence}\n", 1
    )
    assert nl003(good) == []
    matcher = residue_matcher(bundled_profile("xuncha").artifacts)
    seg = segment(good, matcher)
    assert any(s.text == sentence for s in seg.segments)


def test_residue_words_inside_a_sentence_of_the_opening_are_text() -> None:
    opening = BASE.split("\n")[1]
    good = BASE.replace(opening, "当前位置：" + opening, 1)  # a long sentence, not a breadcrumb
    assert nl003(good) == []


@pytest.mark.parametrize(
    "name", ["c01_xuncha_basic", "c02_xuncha_blanklines", "c04_xunshi_province"]
)
def test_nl003_silent_on_compliant_notices(name: str) -> None:
    assert nl003(compliant_text(name)) == []


def test_residue_never_votes_the_profile_content_text_drops_it() -> None:
    text = f"当前位置：首页 > 巡视巡察 > 整改公示\n首页 > 巡视 > 通报\n{BASE}"
    matcher = residue_matcher(bundled_profile("xuncha").artifacts)
    content = content_text(text, matcher)
    assert "巡视" not in content.split("\n", 1)[0]
    assert content.startswith(TITLE)


# --- Markdown headings ---------------------------------------------------------------


def _markdown(text: str) -> str:
    out = []
    for i, line in enumerate(text.split("\n")):
        if i == 0:
            out.append(f"# {line}")
        elif line[:2] in ("一、", "二、", "三、"):
            out.append(f"## {line}")
        elif line.startswith("（") and "方面" in line:
            out.append(f"###{line}")  # written without the space
        else:
            out.append(line)
    return "\n".join(out)


def test_markdown_heading_markers_are_markup_not_text() -> None:
    md = _markdown(BASE)
    assert md.count("#") > 5
    found = lint(md)
    assert sorted(d.code for d in found) == BASELINE  # no NL003, no structure finding
    seg = segment(md, residue_matcher(bundled_profile("xuncha").artifacts))
    heads = [s for s in seg.segments if s.indent.startswith("#")]
    assert heads and all("#" not in s.text for s in heads)
    assert all(md[s.start : s.end] == s.text for s in seg.segments)  # offsets exact
    first = seg.segments[0]
    assert (first.text, first.column) == (TITLE, 3)


# --- a title the page repeats (S7) -----------------------------------------------------


def test_nl003_a_title_repeated_by_the_page_is_reported_once() -> None:
    bad = f"{TITLE}\n{TITLE}\n{BASE}"
    (d,) = only(lint(bad), "NL003")
    assert "页面重复的标题" in d.message and "第2—3行" in d.message
    assert fix_all(bad, [d]) == BASE
    assert codes_without_residue(bad) == BASELINE


def test_nl003_title_copies_around_a_breadcrumb_one_diagnostic_for_the_copies() -> None:
    bad = f"{TITLE}\n当前位置：首页 > 巡视巡察 > 整改公示\n{TITLE}\n{BASE}"
    found = only(lint(bad), "NL003")
    titles = [d for d in found if "页面重复的标题" in d.message]
    crumbs = [d for d in found if "导航路径" in d.message]
    assert len(titles) == 1 and len(crumbs) == 1
    assert "第3—4行" in titles[0].message  # the first copy stays the title
    assert fix_all(bad, found) == BASE
    assert codes_without_residue(bad) == BASELINE


def test_nl003_title_copies_far_apart_are_listed_line_by_line() -> None:
    bad = f"{TITLE}\n分享到：微信\n{TITLE}\n浏览次数：12\n{TITLE}\n{REST}"
    found = only(lint(bad), "NL003")
    (titles,) = [d for d in found if "页面重复的标题" in d.message]
    assert "第3、5行" in titles.message
    assert fix_all(bad, found) == BASE


@pytest.mark.parametrize("line", ["申请→审核→审批", "2024/09/02", "甲>乙", "当前位置偏远"])
def test_lines_that_only_look_like_a_path_are_text(line: str) -> None:
    matcher = residue_matcher(bundled_profile("xuncha").artifacts)
    assert matcher.kind(line) == (None, False)


def test_a_metadata_label_never_takes_a_heading_after_the_opening_as_its_value() -> None:
    """成文日期： alone, then the long opening, then 一、…: the heading is text."""
    lines = BASE.split("\n")
    bad = "\n".join([lines[0], "成文日期：", *lines[1:]])
    (d,) = only(lint(bad), "NL003")
    assert "“成文日期：”" in d.message and "一、" not in d.message
    assert codes_without_residue(bad) == BASELINE
    short = BASE.replace(lines[1], "根据县委统一部署，县委第二巡察组开展了巡察。", 1)
    bad2 = short.replace(f"{lines[0]}\n", f"{lines[0]}\n有效性：\n", 1).replace(
        "根据县委统一部署，县委第二巡察组开展了巡察。\n", ""
    )
    assert "一、" not in " ".join(nl003(bad2))


def test_a_labelled_signature_date_under_the_organ_is_the_signature() -> None:
    """日期：2024年9月2日 right under the organ, with no other date after it, is the
    signature's date written with a label — not page chrome."""
    good = BASE.replace(f"{ORGAN}\n{DATE}", f"{ORGAN}\n日期：{DATE}")
    assert nl003(good) == []  # a safe fix must never delete the only signature date
    seg = segment(good, residue_matcher(bundled_profile("xuncha").artifacts, ("党组",)))
    assert seg.segments[-1].text == f"日期：{DATE}"
    page = BASE.replace(f"{ORGAN}\n{DATE}", f"{ORGAN}\n日期：{DATE}\n{DATE}")
    (d,) = only(lint(page), "NL003")  # the real date follows: the labelled one is chrome
    assert "发布时间行" in d.message
