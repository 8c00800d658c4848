"""The analysis the numbering rules share (scans, patterns, small helpers)."""

from __future__ import annotations

from dataclasses import dataclass

from noticelint.model import Area, Problem, Section
from noticelint.parse.tokens import HEADING_LEVELS, HEADINGS, Token
from noticelint.rules.base import Context, per_document

HEADING_TYPES = HEADING_LEVELS

ORDER = "一、→（一）→1.→（1）"

_CN_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """``12`` → ``"十二"``, ``105`` → ``"一百零五"``; Arabic digits from 1000 on (a run of
    headings can count past 九十九, and a hostile text can hold thousands of them)."""
    if not 0 <= n < 1000:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = _CN_DIGITS[hundreds] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return f"{head}零{_CN_DIGITS[rest]}"  # 一百零五
        return head + ("一" if rest < 20 else "") + cn_numeral(rest)  # 一百一十二
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def canonical(level: int, n: int) -> str:
    """The marker of number ``n`` at ``level`` (1 = 一、 … 4 = （1）) as GB/T 9704 writes it."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def marker_edit_range(tok: Token) -> tuple[int, int]:
    """Source offsets of a heading token's marker (as written, without trailing space)."""
    return tok.seg.start, tok.seg.start + len(tok.marker)


def body_tokens(ctx: Context) -> list[Token]:
    """The tokens from the first ``一、`` heading on (the front matter never numbers)."""
    tokens = ctx.parsed.tokens
    for i, tok in enumerate(tokens):
        if tok.type == "H1":
            return tokens[i:]
    return []


@per_document
def body_headings(ctx: Context) -> list[Token]:
    """The heading tokens (一、 to （1）) from the first ``一、`` on, in text order:
    computed once for the rules that read markers (NL503, NL504)."""
    return [tok for tok in body_tokens(ctx) if tok.type in HEADINGS]


class Tokens:
    """Finds the token behind a model node (the model keeps spans, not markers)."""

    __slots__ = ("bodies", "heads")

    def __init__(self, ctx: Context) -> None:
        self.heads: dict[tuple[int, int], Token] = {}
        self.bodies: dict[tuple[int, int], Token] = {}
        for tok in ctx.parsed.tokens:
            if tok.type in HEADINGS:
                self.heads[(tok.seg.line, tok.seg.column)] = tok
                if tok.type == "H4":
                    self.bodies[(tok.seg.line, tok.seg.column + tok.body_offset)] = tok

    def head(self, node: Section | Area | Problem) -> Token | None:
        return self.heads.get((node.span.line, node.span.column))


@dataclass(slots=True)
class Item:
    """A numbered unit: its number, level and the token that carries its marker."""

    number: int
    level: int
    tok: Token

    @property
    def marker(self) -> str:
        return self.tok.marker

    @property
    def line(self) -> int:
        return self.tok.seg.line


def item_of(tokens: Tokens, node: Section | Area | Problem, level: int) -> Item | None:
    tok = tokens.head(node)
    if tok is None or node.number is None:
        return None
    return Item(node.number, level, tok)


@dataclass(slots=True)
class Layout:
    """A section's areas as the notice means them.

    An area run that starts again at （一） right after a ``1.`` item, and after which
    the ``1.`` numbering simply continues, is not a run of areas but sub-items written
    at the wrong level inside that item (NL502): ``nested`` holds those runs, and their
    problems are folded into the preceding real area."""

    areas: list[Area]
    containers: list[list[Problem]]  # the section's own problems, then each real area's
    nested: list[tuple[Area, Problem]]  # first area of each nested run, and its host item


def _last_numbered(problems: list[Problem]) -> Problem | None:
    return next((p for p in reversed(problems) if p.level == 3 and p.number), None)


def layout_of(section: Section) -> Layout:
    areas: list[Area] = []
    containers: list[list[Problem]] = [list(section.problems)]
    nested: list[tuple[Area, Problem]] = []
    all_areas = section.areas
    k = 0
    while k < len(all_areas):
        area = all_areas[k]
        host = _last_numbered(containers[-1])
        if host is not None and host.number is not None and area.number == 1:
            # Areas （一）（二）… without 1. items, then the area that holds the next 1.
            j = k
            while j < len(all_areas) and _last_numbered(all_areas[j].problems) is None:
                j += 1
            after = all_areas[j] if j < len(all_areas) else None
            follow = next((p for p in after.problems if p.level == 3), None) if after else None
            # A single repeated （一） is a typo (NL501), not a nested run.
            if j > k and follow is not None and follow.number == host.number + 1:
                nested.append((area, host))
                for folded in all_areas[k : j + 1]:
                    containers[-1].extend(folded.problems)
                k = j + 1
                continue
        areas.append(area)
        containers.append(list(area.problems))
        k += 1
    return Layout(areas, containers, nested)


@per_document
def tokens_of(ctx: Context) -> Tokens:
    """The document's :class:`Tokens`, built once for NL501, NL502 and NL506."""
    return Tokens(ctx)


@per_document
def layouts(ctx: Context) -> list[Layout]:
    """:func:`layout_of` each section of the notice (in order), computed once."""
    return [layout_of(section) for section in ctx.notice.sections]


def report_item(ctx: Context, item: Item, message: str) -> None:
    start, end = marker_edit_range(item.tok)
    ctx.report(message, ctx.span(start, end))
