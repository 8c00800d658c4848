"""Stage 4, grammar: the LALR parser over classified paragraph tokens.

The Lark parser is built once per process (and cached on disk by Lark), fed by
a lexer that yields the classifier's tokens instead of scanning characters. The
result is a Lark tree whose leaves carry, in ``start_pos``, the index of the
paragraph token they stand for.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from typing import Any

from lark import Lark, Tree
from lark import Token as LarkToken
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from noticelint.parse.tokens import Token


class _TokenStream(Lexer):
    """A Lark lexer that replays already classified tokens."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[LarkToken]:  # type: ignore[override]
        tokens: list[Token] = data
        for i, tok in enumerate(tokens):
            yield LarkToken(tok.type.value, tok.type.value, start_pos=i)


@lru_cache(maxsize=1)
def parser() -> Lark:
    grammar = files("noticelint.parse").joinpath("notice.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=_TokenStream, cache=True, maybe_placeholders=False)


def parse_tokens(tokens: list[Token]) -> tuple[Tree[LarkToken], list[int]]:
    """Parse ``tokens``; return the tree and the indices of tokens left unparsed.

    The grammar is total (every token sequence parses), so nothing is left unparsed
    unless the grammar has a bug; even then the document yields an (empty) model and
    every paragraph is reported as unparsed instead of the run failing.
    """
    try:
        return parser().parse(tokens), []
    except UnexpectedInput:  # pragma: no cover - a grammar bug, kept from crashing a corpus run
        return Tree("start", [Tree("front", [])]), list(range(len(tokens)))
