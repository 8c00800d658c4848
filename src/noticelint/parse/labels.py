"""Bracket labels alone on their line (【整改措施】, 【整改进展】) are labels, not page
links.

The segmenter cuts a line made only of short bracketed words (【打印本页】【关闭窗口】)
as page residue before any profile word is consulted. A line that is exactly one of
the profile's measures or status labels in brackets is the notice's own label: this
step gives it back to the structure as a paragraph (and takes it out of the residue
NL003 reports). It runs once per document over the few residue pieces, before
classification.
"""

from __future__ import annotations

from noticelint.parse.lexicon import Lexicon
from noticelint.parse.segment import Segment, Segmentation
from noticelint.span import LineIndex


def _is_label(piece: str, lex: Lexicon) -> bool:
    if not piece.startswith("【"):
        return False
    return bool(lex.measure_label.fullmatch(piece) or lex.status_label.fullmatch(piece))


def restore_bracket_labels(seg: Segmentation, index: LineIndex, lex: Lexicon) -> None:
    """Turn residue pieces that are bracketed labels back into paragraphs."""
    text = index.text
    restored: list[Segment] = []
    kept = []
    for art in seg.artifacts:
        if art.kind == "print-links" and _is_label(text[art.start : art.end], lex):
            line, column = index.position(art.start)
            indent = text[art.start - column + 1 : art.start]
            restored.append(
                Segment(art.start, art.end, text[art.start : art.end], line, column, indent)
            )
        else:
            kept.append(art)
    if restored:
        seg.artifacts = kept
        seg.segments = sorted([*seg.segments, *restored], key=lambda s: s.start)
