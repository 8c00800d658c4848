"""Dates, collapsed dates and counts (NL605's 25个) are found from a character each one
holds (月, 日, 年, a separator, 个/项/条/件) instead of by scanning the whole text with
the pattern: the matches must be exactly the pattern's own (``finditer``), on any text."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noticelint.parse.anchored import AnchoredPattern
from noticelint.parse.dates import (
    CN_DATES,
    COLLAPSED_MONTH_DAY,
    COLLAPSED_YEAR,
    DATES,
    RANGE_MARKS,
    RANGE_SEP,
    SEPARATED_DATES,
)
from noticelint.rules.consistency.summary_arithmetic import COUNTS

TESTS = Path(__file__).resolve().parent.parent
NOTICES = [
    *sorted((TESTS / "fixtures").rglob("*.txt")),
    *sorted((TESTS / "fixtures").rglob("*.md")),
    *sorted((TESTS.parent / "corpus").glob("*.txt")),
]
LINES = [line for path in NOTICES for line in path.read_text(encoding="utf-8").splitlines()]

ANCHORED = {
    "date": DATES,
    "collapsed year": COLLAPSED_YEAR,
    "collapsed month-day": COLLAPSED_MONTH_DAY,
    "date in Chinese numerals": CN_DATES,
    "date with separators": SEPARATED_DATES,
    "count": COUNTS,
}

# Text around dates and counts, in the shapes notices write and mistype: runs of
# Arabic, full-width and other decimal digits, years, Chinese numerals, every kind of
# space, the characters dates and counts are made of, and the marks and words they
# stand after or before.
DIGITS = st.text(st.sampled_from("0123456789２０٣"), min_size=1, max_size=6)
YEARS = st.sampled_from(["2024", "1999", "2025", "202", "20", "19", "二〇二四", "二〇二"])
NUMERALS = st.text(st.sampled_from("一二三四五六七八九十〇零○两百"), min_size=1, max_size=4)
SPACES = st.text(st.sampled_from(" \u3000\t\xa0\n"), min_size=1, max_size=2)
MARKS = st.sampled_from(list("年月日个项条件份.．-－/—~～%"))
WORDS = st.sampled_from(
    ["上旬", "中旬", "下旬", "底", "初", "中", "于", "至", "到", "、", "，", "。", "（", "和",
     "自", "内", "以上", "后", "元", "问题", "共", "已完成", "的"]
)  # fmt: skip
TEXTS = st.lists(st.one_of(DIGITS, YEARS, NUMERALS, SPACES, MARKS, WORDS), max_size=30).map("".join)

# Every shape of one date or count: a year or none, what follows it, a month or a
# number, its mark, a day, what ends it, each part spaced out or not.
SHAPES = itertools.product(
    ["", "2024", "٢٠٢٤", "二〇二四", "202", "1.2024", "于"],
    ["", "年", "-", "."],
    ["3", "12", "123", "1230", "三", "十二"],
    ["月", "日", "-", ".", "个"],
    ["", "5", "30", "五", "2024"],
    ["", "日", "上旬", "底", "内", "问题"],
)
GAPS = ["", " ", "\u3000 "]
SHAPED = [gap.join(shape) for shape in SHAPES for gap in GAPS]


def _found(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]


def _assert_same(anchored: AnchoredPattern, text: str) -> None:
    expected = _found(list(anchored.pattern.finditer(text)))
    assert _found(anchored.matches(text)) == expected, text


@pytest.mark.parametrize("name", ANCHORED)
def test_every_line_of_the_notices_gives_the_patterns_own_matches(name: str) -> None:
    anchored = ANCHORED[name]
    for line in LINES:
        _assert_same(anchored, line)
    _assert_same(anchored, "\n".join(LINES))


@pytest.mark.parametrize("name", ANCHORED)
def test_every_shape_of_a_date_gives_the_patterns_own_matches(name: str) -> None:
    anchored = ANCHORED[name]
    for text in SHAPED:
        _assert_same(anchored, text)


@pytest.mark.parametrize("name", ANCHORED)
@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_any_text_gives_the_patterns_own_matches(name: str, text: str) -> None:
    _assert_same(ANCHORED[name], text)


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("date", "2024年4月3日至12月底，4月份、18月龄", ["2024年4月3日", "12月底", "4月", "18月"]),
        ("date", "2024 年 4 月 3 日；1.5月；123月", ["2024 年 4 月 3 日"]),
        ("date", "２０２４年４月３日", ["２０２４年４月３日"]),
        ("collapsed year", "2024717日、2024年830日、202412345日", ["2024717日", "2024年830日"]),
        ("collapsed month-day", "于830日，历时120日内", ["830日"]),
        ("date in Chinese numerals", "二〇二四年二月三十日", ["二〇二四年二月三十日"]),
        ("date with separators", "2024-02-30、2024/2/3、1.2024.2.3", ["2024-02-30", "2024/2/3"]),
        ("count", "共12345个问题，十九项、一 条", ["2345个", "十九项", "一 条"]),
    ],
)
def test_the_anchored_patterns_find_dates_as_written(
    name: str, text: str, found: list[str]
) -> None:
    assert [m.group(0).rstrip() for m in ANCHORED[name].matches(text)] == found


@settings(max_examples=300, deadline=None)
@given(
    between=st.lists(st.one_of(SPACES, MARKS, WORDS, st.sampled_from(RANGE_MARKS)), max_size=4).map(
        "".join
    )
)
def test_a_range_mark_alone_between_two_dates_is_what_the_range_separator_matches(
    between: str,
) -> None:
    """The NL60x rules tell a range (3月11日至5月20日) by its mark alone between the dates."""
    assert (between.strip() in RANGE_MARKS) == bool(re.fullmatch(RANGE_SEP, between))
