"""The hand-written parser builds exactly the tree Lark's LALR parser builds from
``notice.lark``: Lark is the oracle here, and only here (the engine never imports it).

Trees are compared as nested tuples: a node is ``(rule, children)``, a token is
``(kind, index in the token list)``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from itertools import product
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark, Tree
from lark import Token as LarkToken
from lark.lexer import Lexer

from noticelint.parse import parse_text
from noticelint.parse.grammar import Leaf, Node, parse_tokens
from noticelint.parse.segment import Segment
from noticelint.parse.tokens import HEADING_LEVELS, TAIL, Token, TokenKind

TESTS = Path(__file__).resolve().parent.parent
NOTICES = sorted(
    [*(TESTS / "fixtures").rglob("*.txt"), *(TESTS / "fixtures").rglob("*.md")]
) + sorted((TESTS.parent / "corpus").glob("*.txt"))
KINDS = list(TokenKind)
# The kinds whose place the grammar is most tolerant about.
MOVABLE = sorted({*HEADING_LEVELS, *TAIL, TokenKind.TITLE, TokenKind.OPENING, TokenKind.STATUS})


class _Replay(Lexer):
    """A Lark lexer that replays a list of token kinds."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[LarkToken]:  # type: ignore[override]
        for i, kind in enumerate(data):
            yield LarkToken(kind, kind, start_pos=i)


@cache
def lark_parser() -> Lark:
    grammar = files("noticelint.parse").joinpath("notice.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=_Replay, maybe_placeholders=False)


def lark_tree(kinds: list[TokenKind]) -> object:
    def shape(node: Tree[LarkToken] | LarkToken) -> object:
        if isinstance(node, Tree):
            return (str(node.data), tuple(shape(c) for c in node.children))
        return (node.type, node.start_pos)

    return shape(lark_parser().parse([k.value for k in kinds]))


def hand_tree(kinds: list[TokenKind]) -> object:
    def shape(node: Node | Leaf) -> object:
        if isinstance(node, Node):
            return (node.data, tuple(shape(c) for c in node.children))
        return (node.type.value, node.index)

    paragraph = Segment(0, 1, "x", 1, 1)
    return shape(parse_tokens([Token(kind, paragraph) for kind in kinds]))


def assert_same_tree(kinds: list[TokenKind]) -> None:
    assert hand_tree(kinds) == lark_tree(kinds), [k.value for k in kinds]


def test_every_sequence_of_up_to_four_tokens_parses_as_lark_parses_it() -> None:
    for length in range(5):
        for kinds in product(KINDS, repeat=length):
            assert_same_tree(list(kinds))


def test_the_seeds_and_fixtures_parse_as_lark_parses_them() -> None:
    assert len(NOTICES) > 30
    for path in NOTICES:
        kinds = [t.type for t in parse_text(path.read_text(encoding="utf-8"), path.name).tokens]
        assert_same_tree(kinds)


def test_a_heading_tail_or_front_token_anywhere_in_a_notice_parses_as_lark_parses_it() -> None:
    for path in sorted((TESTS.parent / "corpus").glob("*.txt")):
        kinds = [t.type for t in parse_text(path.read_text(encoding="utf-8"), path.name).tokens]
        for at in range(len(kinds) + 1):
            for kind in MOVABLE:
                assert_same_tree([*kinds[:at], kind, *kinds[at:]])


# Runs of one kind (a long list of measures, a tail of ten lines) as well as mixtures.
RUNS = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(1, 12)).map(lambda run: [run[0]] * run[1]),
    max_size=12,
).map(lambda runs: [kind for run in runs for kind in run])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(KINDS), max_size=80))
def test_any_sequence_of_token_kinds_parses_as_lark_parses_it(kinds: list[TokenKind]) -> None:
    assert_same_tree(kinds)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RUNS)
def test_long_runs_of_one_kind_parse_as_lark_parses_them(kinds: list[TokenKind]) -> None:
    assert_same_tree(kinds)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(KINDS), max_size=40), st.sampled_from(MOVABLE), st.data())
def test_a_movable_token_at_any_position_parses_as_lark_parses_it(
    kinds: list[TokenKind], kind: TokenKind, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(kinds)))
    assert_same_tree([*kinds[:at], kind, *kinds[at:]])


def test_a_measure_numbered_after_its_label_stays_a_measure_and_a_status_ends_the_list() -> None:
    h3, ml, h4, st_, tx = (
        TokenKind.H3,
        TokenKind.MLABEL,
        TokenKind.H4,
        TokenKind.STATUS,
        TokenKind.TEXT,
    )
    assert hand_tree([h3, ml, h4, tx, st_, h4]) == (
        "start",
        (
            ("front", ()),
            (
                "orphan",
                (
                    (
                        "problem",
                        (
                            ("H3", 0),
                            (
                                "measures",
                                (
                                    ("MLABEL", 1),
                                    ("measure", (("H4", 2), ("mtext", (("TEXT", 3),)))),
                                ),
                            ),
                            ("para", (("STATUS", 4),)),
                            ("sub", (("H4", 5),)),
                        ),
                    ),
                ),
            ),
        ),
    )


def test_checking_a_notice_never_imports_lark() -> None:
    script = (
        "import sys\n"
        "from noticelint.lint import check_document\n"
        "from noticelint.read import Document\n"
        "from noticelint.settings import Settings\n"
        "check_document(Document(path='a.txt', text=sys.argv[1]), Settings())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))\n"
    )
    notice = (TESTS.parent / "corpus" / "000_e23c9cdf383bc865.txt").read_text(encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", script, notice], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"
