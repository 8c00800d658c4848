"""Titles the page repeats (S7): one title, the copies are scrape residue.

Web pages often print the title two or three times (the page heading, the article
heading, a print header). The classifier gives every copy the ``TITLE`` kind; this
step keeps one title — the most complete copy, the first of equals — and turns the other copies into :class:`Artifact` s of kind
``"repeated-title"`` that NL003 reports (once) like any other residue. The copies
leave the token list, so the grammar and the rules never see a doubled title.
"""

from __future__ import annotations

import re

from noticelint.parse.segment import Artifact, Segmentation
from noticelint.parse.tokens import HEADINGS, Token, TokenKind

_SPACE = re.compile(r"[\s\u3000]+")
# Copies of the title stand among the first paragraphs of a page.
_HEAD = 12


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def _blocks(tokens: list[Token]) -> list[list[int]]:
    """Runs of TITLE tokens before the opening or the first heading."""
    blocks: list[list[int]] = []
    for i, tok in enumerate(tokens[:_HEAD]):
        if tok.type == TokenKind.TITLE:
            if blocks and blocks[-1][-1] == i - 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
        elif tok.type == TokenKind.OPENING or tok.type in HEADINGS:
            break
    return blocks


def _split_repeats(block: list[int], texts: list[str]) -> list[list[int]]:
    """A run of title lines that is k copies of one title (A A, A B A B, or AB A B:
    a copy on one line and a copy over two) → the copies; else the run itself."""
    total = "".join(texts[i] for i in block)
    for k in range(1, len(block)):
        unit = "".join(texts[i] for i in block[:k])
        if not unit or len(total) % len(unit) or total != unit * (len(total) // len(unit)):
            continue
        parts: list[list[int]] = [[]]
        length = 0
        for i in block:
            parts[-1].append(i)
            length += len(texts[i])
            if length == len(unit):
                parts.append([])
                length = 0
        if length == 0:
            return [p for p in parts if p]
    return [block]


def drop_repeated_titles(tokens: list[Token], seg: Segmentation) -> list[Token]:
    """``tokens`` without the repeated copies of the title (recorded as artifacts)."""
    if sum(1 for t in tokens[:_HEAD] if t.type == TokenKind.TITLE) < 2:
        return tokens
    texts = [_norm(t.text) if t.type == TokenKind.TITLE else "" for t in tokens[:_HEAD]]
    copies: list[list[int]] = []
    for block in _blocks(tokens):
        copies.extend(_split_repeats(block, texts))
    if len(copies) < 2:
        return tokens
    joined = ["".join(texts[i] for i in c) for c in copies]
    # Keep the most complete copy (the first among equals); drop copies it contains.
    keep = max(range(len(copies)), key=lambda k: (len(joined[k]), -k))
    drop = {
        i
        for k, copy in enumerate(copies)
        if k != keep and joined[k] and joined[k] in joined[keep]
        for i in copy
    }
    if not drop:
        return tokens
    for i in sorted(drop):
        s = tokens[i].seg
        seg.artifacts.append(Artifact(s.start, s.end, "repeated-title"))
    seg.artifacts.sort(key=lambda a: a.start)
    dropped = {id(tokens[i].seg) for i in drop}
    seg.segments = [s for s in seg.segments if id(s) not in dropped]
    return [t for i, t in enumerate(tokens) if i not in drop]
