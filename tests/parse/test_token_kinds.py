"""The classifier's token kinds are exactly the grammar's terminals."""

from __future__ import annotations

import re
from importlib.resources import files

from noticelint.parse.tokens import HEADINGS, TAIL, TokenKind
from noticelint.text import WHITESPACE, is_han


def declared_terminals() -> set[str]:
    grammar = (files("noticelint.parse") / "notice.lark").read_text(encoding="utf-8")
    declared = re.search(r"^%declare (.+)$", grammar, re.MULTILINE)
    assert declared is not None
    return set(declared.group(1).split())


def test_every_token_kind_is_a_terminal_of_the_grammar_and_back() -> None:
    assert {kind.value for kind in TokenKind} == declared_terminals()


def test_a_kind_still_equals_its_name_as_written_in_the_rules() -> None:
    assert TokenKind.H1 == "H1"
    assert {"H1": "一、"}[TokenKind.H1] == "一、"


def test_headings_and_tail_do_not_overlap() -> None:
    assert sorted(HEADINGS) == ["H1", "H2", "H3", "H4"]
    assert not HEADINGS & TAIL


def test_the_blanks_of_a_line_include_word_indent_and_web_no_break_space() -> None:
    assert "　整改措施：\xa0".strip(WHITESPACE) == "整改措施："


def test_han_characters_are_chinese_characters_only() -> None:
    assert [is_han(ch) for ch in "整改a１，"] == [True, True, False, False, False]
