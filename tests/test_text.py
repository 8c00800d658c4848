"""One white-space set and one Han-character test (src/noticelint/text.py)."""

import re

from noticelint.text import HAN_CLASS, WHITESPACE, WHITESPACE_CLASS, is_han


def test_han_characters_of_every_block_are_han() -> None:
    for ch in "整改中", "㐀", "\uf900":
        assert all(is_han(c) for c in ch)
        assert all(re.fullmatch(HAN_CLASS, c) for c in ch)


def test_punctuation_digits_latin_and_nothing_are_not_han() -> None:
    for ch in ["，", "。", "“", "1", "Ａ", "a", " ", ""]:
        assert not is_han(ch)
    assert re.search(HAN_CLASS, "，。1a“”") is None


def test_whitespace_is_the_four_spaces_of_a_notice_and_no_line_break() -> None:
    assert set(WHITESPACE) == {" ", "\t", "\u3000", "\xa0"}
    assert re.fullmatch(f"{WHITESPACE_CLASS}+", " \t\u3000\xa0")
    assert re.search(WHITESPACE_CLASS, "第一\n第二") is None
