"""The analysis the input rules share (scans, patterns, small helpers)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from noticelint.parse.numerals import cn_to_int
from noticelint.rules.base import Context, compiled, per_document
from noticelint.text import WHITESPACE


def is_blank(text: str) -> bool:
    """Nothing to check: no characters, or only white space and byte-order marks.
    Stops at the first visible character (a notice is never scanned whole here)."""
    return all(ch.isspace() or ch in _INVISIBLE for ch in text)


_INVISIBLE = frozenset("\ufeff\u200b")


def is_notice(ctx: Context) -> bool:
    """Whether the structural rules apply: the text has a notice structure and is
    one unit's notice, not a summary of a whole round (S13)."""
    notice = ctx.notice
    has_structure = bool(notice.sections) or notice.opening is not None
    return has_structure and round_summary_units(ctx) is None


_ROUND_HEAD = 1500


@per_document
def round_summary_units(ctx: Context) -> int | None:
    """How many units a round summary covers (对23个单位开展了巡察), or ``None`` when
    the text is a unit's own notice. Read in the first paragraphs, residue excluded;
    the vocabulary is the profile's ``[round-summary]``."""
    settings = ctx.profile.round_summary
    head: list[str] = []
    size = 0
    for seg in ctx.parsed.segmentation.segments:
        head.append(seg.text)
        size += len(seg.text)
        if size >= _ROUND_HEAD:
            break
    text = "\n".join(head)[:_ROUND_HEAD]
    units = None
    for m in compiled([settings.units])[0].finditer(text):
        n = _count(m.group("n"))
        if n is not None and n >= settings.min_units:
            units = n
            break
    if units is not None:
        cues = sum(1 for cue in compiled(settings.cues) if cue.search(text))
        if cues < settings.min_cues:
            units = None
    return units


def _count(written: str) -> int | None:
    return int(written) if written.isdigit() else cn_to_int(written)


_ENTITY_TEXT = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&hellip;": "…",
    "&mdash;": "—",
}


@dataclass(frozen=True, slots=True)
class Residue:
    """One piece of scrape residue and the edit that removes it.

    ``start``/``end`` is the range the fix replaces with ``content`` (a whole residue
    line with its line break, or the residue part of a line with the white space
    that joins it to the text); ``found_start``/``found_end`` is the residue itself."""

    start: int
    end: int
    content: str
    kind: str
    found_start: int
    found_end: int
    line: int
    end_line: int
    role: str  # "line" (a whole line) | "prefix" | "suffix" | "inner"


def _entity_text(entity: str, text: str, start: int, end: int) -> str:
    """What an HTML entity stands for; a non-breaking space between Chinese characters
    (or at a line end) is dropped, between Latin words it becomes a space."""
    if entity in _ENTITY_TEXT:
        return _ENTITY_TEXT[entity]
    char = html.unescape(entity)
    if entity == "&nbsp;" or char == "\xa0":
        before = text[start - 1 : start]
        after = text[end : end + 1]
        latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        return " " if latin else ""
    return char if char != entity else ""


@per_document
def residues(ctx: Context) -> list[Residue]:
    """All scrape residue of the document, sorted, with non-overlapping fix ranges.

    The segmenter's artifacts (built-in residue and the page chrome named by the
    profile's ``[artifacts]`` vocabulary). Computed once per document and kept in
    the context's memo (NL003 reports them; the NL8 rules never fire inside them)."""
    text = ctx.text
    length = len(text)
    index = ctx.parsed.index
    # Residue found on each line: line number -> [(start, end, kind)].
    by_line: dict[int, list[tuple[int, int, str]]] = {}
    entities: list[tuple[int, int]] = []
    for art in ctx.parsed.segmentation.artifacts:
        if art.kind == "entity":
            entities.append((art.start, art.end))
        else:
            line = index.position(art.start)[0]
            by_line.setdefault(line, []).append((art.start, art.end, art.kind))
    if not by_line and not entities:
        return []

    whole: list[int] = []  # whole residue lines
    parts: list[Residue] = []
    for line, found in by_line.items():
        ls = index.line_start(line)
        le = text.find("\n", ls)
        if le == -1:
            le = length
        found.sort()
        rest = []
        pos = ls
        for s, e, _ in found:
            rest.append(text[pos:s])
            pos = max(pos, e)
        rest.append(text[pos:le])
        if not "".join(rest).strip(WHITESPACE):
            whole.append(line)
            continue
        for s, e, kind in found:
            if not text[ls:s].strip(WHITESPACE):  # residue at the start of the line
                ds, de, role = s, e, "prefix"
                while de < le and text[de] in WHITESPACE:
                    de += 1
            elif not text[e:le].strip(WHITESPACE):  # residue at the end of the line
                ds, de, role = s, le, "suffix"
                while ds > ls and text[ds - 1] in WHITESPACE:
                    ds -= 1
            else:
                ds, de, role = s, e, "inner"
            parts.append(Residue(ds, de, "", kind, s, e, line, line, role))

    out = parts
    whole.sort()
    blocks: list[list[int]] = []
    for line in whole:
        if blocks and blocks[-1][-1] == line - 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    deleted: list[tuple[int, int]] = []
    for block in blocks:
        first, last = block[0], block[-1]
        ds = index.line_start(first)
        de = text.find("\n", index.line_start(last))
        de = length if de == -1 else de + 1
        ds, de = _with_blank_lines(text, ds, de)
        deleted.append((ds, de))
        for line in block:
            for s, e, kind in sorted(by_line[line]):
                out.append(Residue(ds, de, "", kind, s, e, line, line, "line"))
    for s, e in entities:
        if any(ds <= s < de for ds, de in deleted):
            continue
        entity = text[s:e]
        line = index.position(s)[0]
        content = _entity_text(entity, text, s, e)
        out.append(Residue(s, e, content, "entity", s, e, line, line, "inner"))
    out.sort(key=lambda r: (r.found_start, r.found_end))
    return out


def _with_blank_lines(text: str, ds: int, de: int) -> tuple[int, int]:
    """Widen the deletion of whole residue lines ``[ds, de)`` over the blank lines that
    would otherwise be left over: at the start of the text the blank lines after it, at
    the end the blank lines before it, between two blank lines one of them."""
    length = len(text)
    if not text[de:].strip(WHITESPACE + "\n"):  # the tail of the text
        start = ds
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if text[prev : start - 1].strip(WHITESPACE):
                break
            start = prev
        return (start, length) if start > 0 else (ds, length)
    blank_before = ds == 0 or not text[text.rfind("\n", 0, ds - 1) + 1 : ds - 1].strip(WHITESPACE)
    end = de
    while end < length:
        nl = text.find("\n", end)
        if nl == -1 or text[end:nl].strip(WHITESPACE):
            break
        end = nl + 1
        if ds > 0:  # between two blank lines: one of them goes
            break
    return (ds, end) if blank_before else (ds, de)
