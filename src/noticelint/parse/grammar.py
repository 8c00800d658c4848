"""Stage 4, grammar: the notice grammar (``notice.lark``) over classified paragraph
tokens, parsed by hand in one pass.

The grammar is total and shallow, and wherever a token could attach at two depths
it attaches to the innermost open node (LALR's shift preference, which is how
``notice.lark`` was first parsed with Lark). So a parse is a stack of open nodes:
each token goes to the innermost open node that can hold it, and every node inside
that one is finished. ``_HOLDS`` is the grammar written as that table; the tree has
the shape Lark builds from ``notice.lark`` (``?`` rules inlined), which
``tests/parse/test_grammar_oracle.py`` checks against Lark itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from noticelint.parse.tokens import Token, TokenKind


@dataclass(slots=True)
class Leaf:
    """A token in the tree: its kind and its index in the token list."""

    type: TokenKind
    index: int


@dataclass(slots=True)
class Node:
    """A nonterminal of ``notice.lark`` (``data`` is the rule's name)."""

    data: str
    children: list[Node | Leaf]

    def first_leaf(self) -> Leaf:
        """The node's first token (every node but ``start`` and ``front`` opens with one)."""
        first = self.children[0]
        return first if isinstance(first, Leaf) else first.first_leaf()

    def last_leaf(self) -> Leaf:
        """The node's last token: the tree keeps the tokens in their order."""
        last = self.children[-1]
        return last if isinstance(last, Leaf) else last.last_leaf()


# What a token opens inside an open node: the node it starts (the token is its first
# child; ``None``: the token itself is the child), the node wrapped around that one
# (orphan: an area with no section above it), and whether the node it starts stays
# open for the tokens that follow.
_Opens = tuple[str | None, str | None, bool]

_T = TokenKind
_LEAF: _Opens = (None, None, False)
_PARA: _Opens = ("para", None, False)
_TAIL: _Opens = ("tail_item", None, False)
_STRAY: _Opens = ("stray", None, False)
# The items a section, an area and a problem hold, from （1） down.
_PROBLEM_ITEMS: dict[TokenKind, _Opens] = {
    _T.H4: ("sub", None, True),
    _T.MLABEL: ("measures", None, True),
    _T.TEXT: _PARA,
    _T.STATUS: _PARA,
}
_AREA_ITEMS = {_T.H3: ("problem", None, True), **_PROBLEM_ITEMS}

_HOLDS: dict[str, dict[TokenKind, _Opens]] = {
    # start: front body_item* — the top level holds every kind of token.
    "start": {
        _T.H1: ("section", None, True),
        _T.H2: ("area", "orphan", True),
        _T.H3: ("problem", "orphan", True),
        _T.H4: ("sub", "orphan", True),
        _T.MLABEL: ("measures", "orphan", True),
        _T.STATUS: ("orphan", None, False),
        _T.TITLE: _STRAY,
        _T.OPENING: _STRAY,
        **dict.fromkeys(
            (_T.TEXT, _T.CLOSING, _T.DISCLOSURE, _T.CONTACT, _T.ORGAN, _T.SIGDATE), _TAIL
        ),
    },
    "front": {_T.TITLE: ("title", None, True), _T.OPENING: _LEAF, _T.TEXT: _LEAF},
    "title": {_T.TITLE: _LEAF},
    "section": {_T.H2: ("area", None, True), **_AREA_ITEMS},
    "area": _AREA_ITEMS,
    "problem": _PROBLEM_ITEMS,
    "sub": {_T.MLABEL: ("sub_measures", None, True), _T.TEXT: _PARA, _T.STATUS: _PARA},
    "measures": {_T.H4: ("measure", None, True), _T.TEXT: ("mtext", "measure", False)},
    "measure": {_T.TEXT: ("mtext", None, False)},
    "sub_measures": {_T.TEXT: ("mtext", None, False)},
}


def parse_tokens(tokens: list[Token]) -> Node:
    """The tree of ``tokens`` (every token sequence parses: the top level holds any
    token, so nothing is ever left over)."""
    root = Node("start", [])
    front = Node("front", [])
    root.children.append(front)
    stack = [root, front]
    holds = [_HOLDS["start"], _HOLDS["front"]]
    for index, tok in enumerate(tokens):
        kind = tok.type
        opens = holds[-1].get(kind)
        while opens is None:
            stack.pop()
            holds.pop()
            opens = holds[-1].get(kind)
        name, wrapper, stays_open = opens
        leaf = Leaf(kind, index)
        if name is None:
            stack[-1].children.append(leaf)
            continue
        node = Node(name, [leaf])
        stack[-1].children.append(node if wrapper is None else Node(wrapper, [node]))
        if stays_open:
            stack.append(node)
            holds.append(_HOLDS[name])
    return root
