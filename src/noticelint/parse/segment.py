"""Stage 2, segment: physical lines become paragraphs (:class:`Segment`).

* Blank lines end a paragraph; every non-blank physical line is a paragraph of its
  own (notices are written one paragraph a line).
* ASCII spaces, tabs and U+3000 indentation are trimmed off (kept as ``indent``).
* Scrape residue — table pipes ``| |||``, ``【打印本页】``, ``[bookmark: _GoBack]``,
  ``发布日期:… 来源:…`` lines, and the page chrome the profile's vocabulary names
  (breadcrumbs, publication-date lines, share/font-size tools, view counters, the
  government-information metadata block: :mod:`noticelint.parse.residue`) — is cut
  off and recorded as an :class:`Artifact`, so the structure never sees it.
* Markdown heading markers (``#``/``##`` before a heading) are markup: like
  indentation they are kept as ``indent``, never part of the paragraph's text.
* A *flattened* line (a whole notice, or a large part of it, on one physical line,
  seed 004) is split at in-line structural markers. The split is only tried on
  long lines that hold at least two structural markers preceded by white space,
  so an ordinary paragraph with an in-line "（1）…；（2）…" list is never cut.
* A few *soft* splits apply to every line: the 公开期限 and 联系电话 sentences that
  follow a closing sentence, and "organ date" signatures on one line.

Each segment keeps its exact character offsets in the source text, so every
diagnostic can point at the original line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from noticelint.parse.residue import ResidueLines, ResidueMatcher
from noticelint.text import WHITESPACE

# Whole-line residue of web pages and Word.
_ARTIFACT_LINE = re.compile(
    r"[\s|]*\|[\s|]*"  # table pipes only
    r"|[\s|]*(?:【[^】]{1,8}】[\s|]*)+"  # 【打印本页】 【关闭窗口】
    r"|\s*(?:发布日期|发布时间|时间|日期)\s*[:：][^\n]{0,40}?(?:来源|作者|浏览次数|点击数)\s*[:：][^\n]*"
)
# Word bookmarks and HTML spaces in front of a paragraph (&nbsp;&nbsp;一、…).
_ARTIFACT_PREFIX = re.compile(r"(?:\[bookmark:[^\]]*\]\s*|&(?:nbsp|ensp|emsp|#160|#12288);\s*)+")
_ARTIFACT_SUFFIX = re.compile(r"[ \t\u3000]+\|[\s|]*$|(?<=[。；;])\|[\s|]*$")
HTML_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|hellip|mdash|#\d{2,5});")

_CN_NUM = "一二三四五六七八九十"
# A structural marker that starts a new unit on a flattened line.
_MARKER_AT = re.compile(
    rf"[{_CN_NUM}]{{1,3}}[、．.](?!\d)|[（(](?:[{_CN_NUM}]{{1,3}}|\d{{1,2}})[）)]|\d{{1,2}}[.．、](?!\d)"
    r"|(?:整改措施|整改进度|整改进展情况)[:：]|欢迎广大"
)
# Units glued without white space: "整改措施:(1)…" and "…。(2)…".
# "。(1)": an item glued to the sentence before it (cut before the bracket) …
_GLUED_ITEM = re.compile(r"[（(]\d{1,2}[）)]")
_GLUED_ITEM_AFTER = frozenset("。；;:：")
# … and "整改措施：" glued to the text before it (cut before the label).
_GLUED_LABEL = re.compile(r"(?:整改措施|整改进度|整改进展情况)(?=[:：])")
_SENTENCE_END = frozenset("。；;:：！？!?”")
# A heading followed, after white space, by body text on the same (flattened) line.
_HEADING_BODY = re.compile(
    rf"(?:[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)])[^。\s]{{2,40}}(?=[ \u3000\xa0]+\S)"
)
# Where a paragraph splits softly: before a 公开期限 or 联系电话 sentence and between an
# organ and its date. The white space there is the split (group 1, 2 or 3); the
# character before it is matched first (and checked by a lookbehind), which lets the
# search skip ahead to the few characters that can precede a split.
_SOFT_SPLIT = re.compile(
    r"[。.；;党组委会局厅室府院](?:(?<=[。.；;])([ \t\u3000]*)(?=公开期限)"
    r"|(?<=[。.])([ \t\u3000]*)(?=(?:联系电话|联系方式|举报电话|监督电话)[:：]?)"
    r"|(?<=[党组委会局厅室府院])([ \t\u3000]+)(?=\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]*$))"
)
_FLATTEN_MIN_LEN = 300
# A Markdown ATX heading marker: 1–6 # before the heading text (with or without a space,
# as Chinese writers type it: "## 一、" or "##一、").
_MD_HEADING = re.compile(r"#{1,6}[ \t\u3000]*(?=[^#\s])")
_FLATTEN_MIN_MARKERS = 2


@dataclass(slots=True)
class Artifact:
    """Scrape residue cut out of the text (reported by NL003)."""

    start: int
    end: int
    # "pipes" | "print-links" | "meta" | "bookmark" | "entity" | "site" | "breadcrumb"
    # | "date-line" | "counter" | "page-tools" | "metadata" | "repeated-title"
    kind: str


@dataclass(slots=True)
class Segment:
    """A paragraph: ``text == source[start:end]``, trimmed, artifacts removed."""

    start: int
    end: int
    text: str
    line: int
    column: int  # 1-based column of ``start`` (a segment never spans lines)
    indent: str = ""
    flattened: bool = False  # split out of a flattened physical line


@dataclass(slots=True)
class Segmentation:
    segments: list[Segment] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    flattened_lines: list[int] = field(default_factory=list)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in WHITESPACE:
        start += 1
    while end > start and text[end - 1] in WHITESPACE:
        end -= 1
    return start, end


def _between(cuts: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``[start, end)`` between the (sorted) ``cuts``."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for cs, ce in cuts:
        if cs > pos:
            pieces.append((pos, cs))
        pos = max(pos, ce)
    if end > pos:
        pieces.append((pos, end))
    return pieces


def _soft_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between its soft splits (the search starts one
    character early: the character before a split is part of the match)."""
    splits = [m.span(m.lastindex or 0) for m in _SOFT_SPLIT.finditer(text, max(start - 1, 0), end)]
    return _between(splits, start, end)


def _pipe_tail(text: str, start: int, end: int) -> int:
    """Where the run of white space and ``|`` that ends ``text[start:end]`` begins: a
    table-pipe suffix lies inside it, and searching from there keeps the search
    linear (from ``start`` it was quadratic on a line of ``| | | … x``)."""
    pos = end
    while pos > start and (text[pos - 1] == "|" or text[pos - 1].isspace()):
        pos -= 1
    return pos


def _flattened_cuts(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Where a flattened line splits into paragraphs, or ``None`` when the line is an
    ordinary paragraph (fewer than two structural markers after white space).

    A gap (a run of white space) is a paragraph break when a marker follows it or a
    sentence ends before it; units glued without a gap are split before 整改措施：
    and before a (1) that follows 。；：."""
    cuts: list[tuple[int, int]] = []
    markers = 0
    for gs, ge in _gaps(text, start, end):
        if gs == start or ge == end:
            continue
        if _MARKER_AT.match(text, ge, end):
            markers += 1
            cuts.append((gs, ge))
        elif text[gs - 1] in _SENTENCE_END:
            cuts.append((gs, ge))
    if markers < _FLATTEN_MIN_MARKERS:
        return None
    for at in _glued(text, start, end):
        if start < at < end and text[at - 1] not in WHITESPACE:
            cuts.append((at, at))
    cuts.sort()
    return cuts


def _gaps(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of white space in ``text[start:end]``, in order. (Each white-space
    character is found with ``str.find``: a regular-expression scan for a class of
    characters beyond ASCII is several times slower.)"""
    found = []
    for blank in WHITESPACE:
        at = text.find(blank, start, end)
        while at != -1:
            found.append(at)
            at = text.find(blank, at + 1, end)
    found.sort()
    runs: list[tuple[int, int]] = []
    for at in found:
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _glued(text: str, start: int, end: int) -> list[int]:
    """Where units glued without white space begin in ``text[start:end]``: a (1)
    right after 。；：, and 整改措施： (the brackets found with ``str.find``, as in
    :func:`_gaps`)."""
    at = [m.start() for m in _GLUED_LABEL.finditer(text, start, end)]
    for bracket in "（(":
        q = text.find(bracket, start + 1, end)
        while q != -1:
            if text[q - 1] in _GLUED_ITEM_AFTER and _GLUED_ITEM.match(text, q, end):
                at.append(q)
            q = text.find(bracket, q + 1, end)
    return at


def _has_gaps(paragraph: str) -> bool:
    """Cheap pre-test for flattening: a run-together notice has white space between
    its units; an ordinary Chinese paragraph has almost none."""
    if " " not in paragraph and "\u3000" not in paragraph and "\xa0" not in paragraph:
        return False  # (finding one character is much cheaper than counting)
    gaps = paragraph.count(" ") + paragraph.count("\u3000") + paragraph.count("\xa0")
    return gaps >= _FLATTEN_MIN_MARKERS


def _may_be_artifact(line: str) -> bool:
    """Cheap pre-test for ``_ARTIFACT_LINE`` (each word looked for only where its
    rarer character is: finding one character is much cheaper than finding a word)."""
    return (
        "|" in line
        or "【" in line
        or ("日" in line and "日期" in line)
        or ("间" in line and "时间" in line)
    )


def _artifact_kind(line: str) -> str:
    if "【" in line:
        return "print-links"
    if "|" in line and not line.strip(" \t\u3000|"):
        return "pipes"
    return "meta"


def segment(text: str, residue: ResidueMatcher | None = None) -> Segmentation:
    """Split ``text`` (newlines normalised) into paragraphs; ``residue`` is the
    profile's page-chrome vocabulary (see :func:`noticelint.parse.residue.residue_matcher`),
    without it only the built-in residue is cut out."""
    result = Segmentation()
    chrome = ResidueLines(residue) if residue is not None else None
    artifacts = result.artifacts
    has_amp = "&" in text
    start = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        end = start + len(line)
        next_at = end + 1
        if not line:
            start = next_at
            continue
        if has_amp and "&" in line:
            for m in HTML_ENTITY.finditer(text, start, end):
                artifacts.append(Artifact(m.start(), m.end(), "entity"))
        unindented = line.lstrip(WHITESPACE)
        body = unindented.rstrip(WHITESPACE)
        s = end - len(unindented)
        e = s + len(body)
        if len(line) >= 200:
            if chrome is not None:
                chrome.other_line()
        elif _may_be_artifact(line) and _ARTIFACT_LINE.fullmatch(line):
            if body:
                artifacts.append(Artifact(s, e, _artifact_kind(line)))
            start = next_at
            continue
        elif chrome is not None and body:
            kind = chrome.kind(body, text, next_at)
            if kind is not None:
                artifacts.append(Artifact(s, e, kind))
                start = next_at
                continue
        if body and _is_plain(body):  # the common case: the trimmed line is a paragraph
            result.segments.append(
                Segment(s, e, body, line_no, s - start + 1, line[: s - start], False)
            )
        elif body:
            _paragraphs(result, text, start, s, e, line_no)
        start = next_at
    return result


def _is_plain(paragraph: str) -> bool:
    """Whether a trimmed line is a paragraph as it stands: no Markdown or residue
    around it, too short to be a flattened notice, no soft split to make."""
    return (
        paragraph[0] not in "#[&"
        and "|" not in paragraph
        and (len(paragraph) < _FLATTEN_MIN_LEN or not _has_gaps(paragraph))
        and not _may_split_soft(paragraph)
    )


def _paragraphs(result: Segmentation, text: str, start: int, s: int, e: int, line_no: int) -> None:
    """The paragraphs of the trimmed line ``text[s:e]`` (the line starts at ``start``):
    markup and residue around it cut off, a flattened line split at its markers, the
    soft splits made."""
    if text[s] == "#":
        heading = _MD_HEADING.match(text, s, e)
        if heading:
            s = heading.end()
    indent = text[start:s]
    if text.startswith("[bookmark:", s) or text.startswith("&", s):
        prefix = _ARTIFACT_PREFIX.match(text, s, e)
        if prefix:
            if "[bookmark:" in text[s : prefix.end()]:
                result.artifacts.append(Artifact(s, prefix.end(), "bookmark"))
            # (entities are recorded one by one by the scan in segment())
            s, e = _strip(text, prefix.end(), e)
    if text.find("|", s, e) != -1:
        suffix = _ARTIFACT_SUFFIX.search(text, _pipe_tail(text, s, e), e)
        if suffix:
            result.artifacts.append(Artifact(*_strip(text, suffix.start(), e), "pipes"))
            s, e = _strip(text, s, suffix.start())
    if s == e:
        return
    segments = result.segments
    if e - s >= _FLATTEN_MIN_LEN and _has_gaps(text[s:e]):
        cuts = _flattened_cuts(text, s, e)
        if cuts is not None:
            result.flattened_lines.append(line_no)
            for ps, pe in _flattened_pieces(text, cuts, s, e):
                _soft_split(segments, text, ps, pe, line_no, start, indent if ps == s else "", True)
            return
    _soft_split(segments, text, s, e, line_no, start, indent, False)


def _flattened_pieces(
    text: str, cuts: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The pieces of a flattened line between its ``cuts``, a heading followed by body
    text on the same piece split after the heading."""
    pieces = []
    for ps, pe in _between(cuts, start, end):
        head = _HEADING_BODY.match(text, ps, pe)
        if head:
            pieces.append((ps, head.end()))
            pieces.append((head.end(), pe))
        else:
            pieces.append((ps, pe))
    return pieces


def _soft_split(
    segments: list[Segment],
    text: str,
    start: int,
    end: int,
    line_no: int,
    line_start: int,
    indent: str,
    flattened: bool,
) -> None:
    """The trimmed paragraphs of ``text[start:end]``, split before a 公开期限 or 联系电话
    sentence and between an organ and its date (``indent`` goes to the first)."""
    piece = text[start:end]
    cuts = _soft_cuts(text, start, end) if _may_split_soft(piece) else ((start, end),)
    for qs, qe in cuts:
        part = piece if qe - qs == len(piece) else text[qs:qe]
        unindented = part.lstrip(WHITESPACE)
        trimmed = unindented.rstrip(WHITESPACE)
        if trimmed:
            qs += len(part) - len(unindented)
            segments.append(
                Segment(
                    qs,
                    qs + len(trimmed),
                    trimmed,
                    line_no,
                    qs - line_start + 1,
                    indent if qs == start else "",
                    flattened,
                )
            )


def _may_split_soft(piece: str) -> bool:
    """Whether the soft splits are tried on ``piece`` (a 公开期限 or 联系/电话 sentence, a
    short line with a date), and whether one can succeed: before one of the words it
    splits before, or at the end of a piece ending with a date. Each word is looked
    for only where one of its rarer characters is: ``str.find`` finds one character
    several times faster than a word of Han characters."""
    n = len(piece)
    if n >= 600 or not (
        ("限" in piece and "公开期限" in piece)
        or ("联" in piece and "联系" in piece)
        or ("电" in piece and "电话" in piece)
        or (n < 80 and "日" in piece)
    ):
        return False
    return (
        ("限" in piece and "公开期限" in piece)
        or ("话" in piece and ("联系电话" in piece or "举报电话" in piece or "监督电话" in piece))
        or ("式" in piece and "联系方式" in piece)
        or piece.rstrip(" \t\u3000").endswith("日")
    )
