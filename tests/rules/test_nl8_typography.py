"""NL8 — typography (GB/T 15834-2011): NL801 halfwidth-punctuation, NL802
straight-quotes, NL803 stray-whitespace, NL804 mixed-punctuation-width, NL805
range-hyphen.

BAD cases inject one defect into a compliant notice (which itself stays silent);
plain good/bad drafts without a fix to check are rows of tests/rules/cases/NL8.toml;
fix tests apply the edits and compare with the original; the seed tests pin the
facts of the five real notices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from notice_support import column_of, fix_all, line_of
from noticelint.diagnostics import Diagnostic
from noticelint.lint import check_document
from noticelint.read import Document, read_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT = ROOT / "tests" / "fixtures" / "compliant"
CORPUS = ROOT / "corpus"
COMPLIANT_NAMES = sorted(p.name for p in COMPLIANT.glob("*.txt"))
SEEDS = ["000", "001", "002", "003", "004"]
NL8 = ["NL801", "NL802", "NL803", "NL804", "NL805"]
C01 = "c01_xuncha_basic.txt"
# A paragraph of c01 that new text is inserted before.
C01_ANCHOR = "\n3.关于助企纾困"


# --- helpers ---------------------------------------------------------------------------


def lint(text: str, select: Iterable[str] = ("ALL",)) -> list[Diagnostic]:
    return check_document(Document(path="draft.txt", text=text), Settings(select=list(select)))[1]


def hits(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint(text, [code]) if d.code == code]


def compliant(name: str = C01) -> str:
    return (COMPLIANT / name).read_text(encoding="utf-8")


def seed(prefix: str) -> str:
    return read_path(next(CORPUS.glob(f"{prefix}_*.txt"))).text


def with_paragraph(paragraph: str, base: str | None = None) -> str:
    """c01 with ``paragraph`` inserted as a line of its own inside the progress section."""
    base = compliant() if base is None else base
    assert base.count(C01_ANCHOR) == 1
    return base.replace(C01_ANCHOR, f"\n{paragraph}{C01_ANCHOR}")


HAN_DIGIT_NL = re.compile(r"[\u4e00-\u9fff0-9\n]")


def skeleton(text: str) -> str:
    """The Chinese characters, digits and line breaks of a text, in order."""
    return "".join(HAN_DIGIT_NL.findall(text))


# --- GOOD ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", COMPLIANT_NAMES)
def test_nl8_silent_on_compliant_fixtures(name: str) -> None:
    assert lint(compliant(name), NL8) == []


def test_nl8_never_fires_in_numbers_dates_times_phones_emails_urls_ratios() -> None:
    bad = with_paragraph(
        "会议于2024年9月2日8:30召开，资金增长1.5倍，共3,000万元，比例为1:2，"
        "网址为http://www.example.gov.cn/a,b;c，邮箱abc.d-e@example.com，电话0755-88121796，"
        "日期2023-07-25、2023.7.5，依据GB/T 9704-2012规定，学习《3-6岁儿童学习与发展指南》。"
    )
    assert lint(bad, NL8) == []


# --- NL801 halfwidth-punctuation -------------------------------------------------------


def test_nl801_fires_once_per_line_with_its_count() -> None:
    bad = with_paragraph("整改措施:一是修订制度,开展学习;二是制定计划(含专题研讨)。")
    (d,) = hits(bad, "NL801")
    line = line_of(bad, "整改措施:一是")
    assert (d.line, d.column) == (line, column_of(bad, ":一是"))
    assert d.severity == "warning"
    assert "逗号1处、冒号1处、分号1处、括号1处" in d.message
    assert "“：”" in d.message and "“，”" in d.message
    assert fix_all(bad, [d]) == with_paragraph(
        "整改措施：一是修订制度，开展学习；二是制定计划（含专题研讨）。"
    )


def test_nl801_period_question_and_exclamation_marks() -> None:
    bad = with_paragraph("二是认真整改.三是加强学习!四是怎么办?")
    (d,) = hits(bad, "NL801")
    assert "叹号1处、问号1处、句号1处" in d.message
    assert fix_all(bad, [d]) == with_paragraph("二是认真整改。三是加强学习！四是怎么办？")


def test_nl801_not_on_sequence_markers_left_to_nl503_nl504() -> None:
    base = compliant()
    bad = base.replace("1.关于学习贯彻", "1,关于学习贯彻", 1).replace("（一）贯彻", "(一)贯彻", 1)
    assert hits(bad, "NL801") == []


def test_nl801_file_level_when_most_marks_are_halfwidth() -> None:
    base = compliant()
    bad = base.translate(str.maketrans("，：；", ",:;"))
    found = hits(bad, "NL801")
    assert len(found) == 1
    (d,) = found
    assert d.message.startswith("全文标点多为半角（逗号")
    assert "应使用全角标点" in d.message
    first = min(i for i in (bad.find(","), bad.find(":"), bad.find(";")) if i >= 0)
    assert (d.line, d.column) == (bad.count("\n", 0, first) + 1, first - bad.rfind("\n", 0, first))
    assert d.fix is not None and d.fix.applicability == "safe"
    assert fix_all(bad, [d]) == base


def test_nl801_respects_the_profile_ratio(tmp_path: Path) -> None:
    # Commas and colons half-width, semicolons full-width: 97% of the marks are
    # half-width, one file-level diagnostic at the default ratio 0.5 …
    bad = compliant().translate(str.maketrans("，：", ",:"))
    assert len(hits(bad, "NL801")) == 1
    # … and one per line when the profile asks for 99%.
    profile = tmp_path / "p.toml"
    profile.write_text('extends = "xuncha"\n[typography]\nhalfwidth-file-ratio = 0.99\n', "utf-8")
    settings = Settings(select=["NL801"], profile=str(profile))
    per_line = check_document(Document(path="d.txt", text=bad), settings)[1]
    assert len(per_line) == len({d.line for d in per_line}) > 1
    assert all(d.message.startswith("半角") for d in per_line)


# --- NL802 straight-quotes -------------------------------------------------------------


def test_nl802_straight_quotes_around_chinese_text() -> None:
    bad = with_paragraph("把党史学习作为\"必修课\"，开展'大学习'活动。")
    (d,) = hits(bad, "NL802")
    assert (d.line, d.column) == (line_of(bad, '"必修课'), column_of(bad, '"必修课'))
    assert "等2处" in d.message
    assert fix_all(bad, [d]) == with_paragraph("把党史学习作为“必修课”，开展‘大学习’活动。")


# --- NL803 stray-whitespace ------------------------------------------------------------


def test_nl803_space_between_chinese_and_a_number() -> None:
    base = compliant()
    bad = base.replace("专题研讨3次", "专题研讨3 次", 1)
    (d,) = hits(bad, "NL803")
    assert (d.line, d.column) == (line_of(bad, "研讨3 次"), column_of(bad, " 次"))
    assert d.severity == "info"
    assert "研讨3 次" in d.message
    assert fix_all(bad, [d]) == base


def test_nl803_trailing_spaces() -> None:
    base = compliant()
    bad = base.replace("予以公布。\n", "予以公布。   \n", 1)
    (d,) = hits(bad, "NL803")
    assert (d.line, d.column) == (2, len(bad.split("\n")[1].rstrip(" ")) + 1)
    assert "行尾" in d.message and "3个空格" in d.message
    assert fix_all(bad, [d]) == base


def test_nl803_tab_indentation_becomes_two_fullwidth_spaces() -> None:
    base = compliant()
    bad = base.replace("\n（二）细化整改方案", "\n\t（二）细化整改方案", 1)
    (d,) = hits(bad, "NL803")
    assert (d.line, d.column) == (line_of(bad, "（二）细化"), 1)
    assert "制表符" in d.message
    assert fix_all(bad, [d]) == base.replace("\n（二）细化", "\n\u3000\u3000（二）细化", 1)


def test_nl803_more_than_one_blank_line() -> None:
    base = compliant("c02_xuncha_blanklines.txt")
    title = base.split("\n", 1)[0]
    bad = base.replace(f"{title}\n\n", f"{title}\n\n\n\n", 1)
    (d,) = hits(bad, "NL803")
    assert (d.line, d.column) == (3, 1)
    assert "连续3个空行" in d.message and "多余的2个" in d.message
    assert fix_all(bad, [d]) == base


def test_nl803_first_line_indent_of_two_fullwidth_spaces_is_correct() -> None:
    base = compliant()
    lines = base.split("\n")
    indented = "\n".join(["\u3000\u3000" + x if x else x for x in lines])
    assert hits(indented, "NL803") == []


def test_nl803_keeps_spaces_that_separate_phrases_of_a_title_or_slogan() -> None:
    bad = with_paragraph(
        "组织开展“学党纪 明规矩 强党性”主题党日，印发《减轻师生负担问题 营造良好教育环境工作方案》。"
    )
    assert hits(bad, "NL803") == []


def test_nl803_not_on_the_space_after_a_sequence_number() -> None:
    bad = compliant().replace("1.关于学习贯彻", "1. 关于学习贯彻", 1)
    assert hits(bad, "NL803") == []  # NL503 numbering-punctuation


# --- NL804 mixed-punctuation-width -----------------------------------------------------


def test_nl804_reported_once_with_counts() -> None:
    base = compliant()
    bad = base.replace("逐条制定整改举措，", "逐条制定整改举措,", 1).replace(
        "责任股室和完成时限，", "责任股室和完成时限,", 1
    )
    (d,) = hits(bad, "NL804")
    assert (d.line, d.column) == (2, column_of(bad, ",扎实"))
    full = base.count("，") - 2
    assert f"逗号全角“，”{full}处、半角2处" in d.message
    assert fix_all(bad, [d]) == base


def test_nl804_silent_when_every_mark_is_halfwidth() -> None:
    bad = compliant().translate(str.maketrans("，", ","))
    assert hits(bad, "NL804") == []


# --- NL805 range-hyphen ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "found", "fixed"),
    [
        ("2024年3-4月份", "3-4月份", "2024年3至4月份"),
        ("5月24-27日", "24-27日", "5月24至27日"),
        ("2024年10月-12月", "10月-12月", "2024年10月至12月"),
        ("2024-2025学年", "2024-2025学年", "2024至2025学年"),
        ("5-10个", "5-10个", "5～10个"),
        ("3-6周岁", "3-6周岁", "3～6周岁"),
    ],
)
def test_nl805_range_hyphen_with_unsafe_fix(written: str, found: str, fixed: str) -> None:
    bad = with_paragraph(f"整改期间，于{written}开展专项检查。")
    (d,) = hits(bad, "NL805")
    assert (d.line, d.column) == (line_of(bad, written), column_of(bad, found))
    assert d.end_column == d.column + len(found)
    assert d.severity == "info"
    assert f"“{found}”" in d.message
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert fix_all(bad, [d]) == with_paragraph(f"整改期间，于{fixed}开展专项检查。")


# --- fixes: non-overlapping, only the targeted characters change -------------------------


@pytest.mark.parametrize("prefix", SEEDS)
def test_nl801_fix_changes_only_punctuation_and_a_second_lint_is_clean(prefix: str) -> None:
    text = seed(prefix)
    fixed = fix_all(text, hits(text, "NL801"))
    assert skeleton(fixed) == skeleton(text)
    assert len(fixed) == len(text)  # one character for one character
    assert hits(fixed, "NL801") == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_all_nl8_fixes_apply_together_and_converge(prefix: str) -> None:
    text = seed(prefix)
    diags = lint(text, NL8)
    fixed = fix_all(text, diags)  # asserts that no two edits overlap

    # Only punctuation and white space change, and 至 for a range hyphen (NL805).
    def drop(s: str) -> str:
        return s.replace("\n", "").replace("至", "")

    assert drop(skeleton(fixed)) == drop(skeleton(text))
    assert lint(fixed, NL8) == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_hygiene_and_typography_fixes_do_not_overlap(prefix: str) -> None:
    text = seed(prefix)
    diags = lint(text, ["NL0", "NL8"])
    fixed = fix_all(text, diags)
    assert lint(fixed, ["NL0", "NL8"]) == []


# --- seeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_converted_seeds_get_exactly_one_file_level_nl801(prefix: str) -> None:
    (d,) = hits(seed(prefix), "NL801")
    assert d.message.startswith("全文标点多为半角（逗号")
    assert d.fix is not None and len(d.fix.edits) > 200


def test_seed_002_mixes_widths_nl804_once_and_nl801_per_line() -> None:
    text = seed("002")
    (d,) = hits(text, "NL804")
    assert "逗号全角“，”218处、半角6处" in d.message
    assert "冒号全角“：”2处、半角5处" in d.message
    per_line = hits(text, "NL801")
    assert [x.line for x in per_line] == [14, 18, 24, 30, 37, 46, 52, 56, 76]
    assert all(not x.message.startswith("全文") for x in per_line)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_converted_seeds_get_no_nl804(prefix: str) -> None:
    assert hits(seed(prefix), "NL804") == []


def test_seed_002_stray_whitespace() -> None:
    found = hits(seed("002"), "NL803")
    assert [(d.line, d.column) for d in found] == [
        (10, 87),  # 研讨3 次
        (36, 82),  # trailing spaces …
        (56, 94),
        (67, 161),
        (73, 97),
        (80, 40),
        (82, 1),  # a last line holding one space
    ]


def test_seed_000_stray_whitespace_and_ranges() -> None:
    text = seed("000")
    assert [(d.line, d.column) for d in hits(text, "NL803")] == [
        (24, 291),  # 上线率 22.04%
        (41, 285),  # 已配 115人
        (43, 78),  # ”, 坚决
        (61, 526),  # 认证。 五是
    ]
    ranges = hits(text, "NL805")
    assert ["“2-3所”" in ranges[0].message, "“3-4月份”" in ranges[1].message] == [True, True]
    assert len(ranges) == 5  # not 《3-6周岁儿童学习发展指南》: a document title


def test_seed_004_flattened_line_gets_no_stray_whitespace() -> None:
    assert hits(seed("004"), "NL803") == []


def test_seed_003_residue_line_is_not_checked() -> None:
    text = seed("003")
    assert all(d.line != 3 for d in lint(text, NL8))
