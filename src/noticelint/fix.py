"""Applying fixes: non-overlapping edits on the original text, repeated until stable.

A fix is all-or-nothing: its edits are applied together or not at all. In one pass
the fixes are taken in document order and a fix that overlaps one already taken is
left for the next pass; after each pass the text is linted again. The loop stops
when no applicable fix is left, or after :data:`MAX_PASSES` passes — which is
reported, never silent (ruff's approach; sqlfluff's tree edits are what to avoid).

Edits are positions (line, column) in the normalised text; they are applied to the
file's own text (its CRLF/CR line breaks kept), so that only the targeted characters
change. An edit that inserts a line break inserts the file's own line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.read import Document

MAX_PASSES = 10
_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Start offsets of the lines of ``text`` (any of CRLF, CR, LF ends a line)."""
    starts = [0]
    starts.extend(m.end() for m in _BREAK.finditer(text))
    return starts


def selected_edits(diagnostics: list[Diagnostic], *, unsafe: bool) -> list[list[Edit]]:
    """The fixes to apply in one pass: applicable and not overlapping each other."""
    candidates = []
    for d in diagnostics:
        fix = d.fix
        if fix is None or not fix.edits:
            continue
        if fix.applicability == "unsafe" and not unsafe:
            continue
        edits = sorted(fix.edits, key=lambda e: (e.line, e.column, e.end_line, e.end_column))
        candidates.append(edits)
    candidates.sort(key=lambda es: (es[0].line, es[0].column))
    taken: list[list[Edit]] = []
    occupied: list[tuple[tuple[int, int], tuple[int, int]]] = []
    seen: set[tuple[tuple[int, int, int, int, str], ...]] = set()
    for edits in candidates:
        key = tuple((e.line, e.column, e.end_line, e.end_column, e.content) for e in edits)
        if key in seen:  # the same fix attached to two diagnostics
            continue
        ranges = [((e.line, e.column), (e.end_line, e.end_column)) for e in edits]
        if any(_overlaps(r, o) for r in ranges for o in occupied):
            continue
        seen.add(key)
        occupied.extend(ranges)
        taken.append(edits)
    return taken


def _overlaps(
    a: tuple[tuple[int, int], tuple[int, int]], b: tuple[tuple[int, int], tuple[int, int]]
) -> bool:
    (a0, a1), (b0, b1) = a, b
    if a0 == a1 and b0 == b1:  # two insertions at the same point: order is ambiguous
        return a0 == b0
    return (a0 < b1 and b0 < a1) or (a0 == a1 and b0 <= a0 < b1) or (b0 == b1 and a0 <= b0 < a1)


def apply_edits(original: str, fixes: list[list[Edit]], newline: str) -> str:
    """Apply non-overlapping edits (positions in the normalised text) to ``original``."""
    starts = _line_starts(original)
    bom = 1 if original.startswith("\ufeff") else 0

    def offset(line: int, column: int) -> int:
        base = starts[line - 1] if line <= len(starts) else len(original)
        return base + column - 1 + (bom if line == 1 else 0)

    flat = sorted(
        (offset(e.line, e.column), offset(e.end_line, e.end_column), e.content)
        for edits in fixes
        for e in edits
    )
    out = []
    pos = 0
    for start, end, content in flat:
        out.append(original[pos:start])
        out.append(content.replace("\n", newline) if newline != "\n" else content)
        pos = end
    out.append(original[pos:])
    return "".join(out)


@dataclass
class FixResult:
    document: Document  # the fixed document (text and raw updated)
    diagnostics: list[Diagnostic]  # what remains after fixing
    applied: int = 0  # fixes applied over all passes
    passes: int = 0
    converged: bool = True
    history: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.applied > 0


def _renormalised(doc: Document, original: str) -> Document:
    text = original.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(
        path=doc.path,
        text=text,
        encoding=doc.encoding,
        bom=doc.bom,
        newline=doc.newline,
        medium=doc.medium,
        raw=original if original != text else None,
    )


def fix_document(
    document: Document,
    lint: object,
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> FixResult:
    """Lint, apply the selected fixes, lint again, until nothing applicable is left.

    ``lint`` is a callable ``Document -> list[Diagnostic]``.
    """
    run = lint  # a callable; typed loosely to keep this module free of the lint engine
    doc = document
    diagnostics: list[Diagnostic] = run(doc)  # type: ignore[operator]
    result = FixResult(document=doc, diagnostics=diagnostics)
    for _ in range(max_passes):
        fixes = selected_edits(diagnostics, unsafe=unsafe)
        if not fixes:
            break
        fixed = apply_edits(doc.original, fixes, doc.newline)
        if fixed == doc.original:
            break
        doc = _renormalised(doc, fixed)
        diagnostics = run(doc)  # type: ignore[operator]
        result.applied += len(fixes)
        result.passes += 1
        result.history.append(len(fixes))
    else:
        result.converged = not selected_edits(diagnostics, unsafe=unsafe)
    result.document = doc
    result.diagnostics = diagnostics
    return result
