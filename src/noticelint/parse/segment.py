"""Stage 2, segment: physical lines become paragraphs (:class:`Segment`).

* Blank lines end a paragraph; every non-blank physical line is a paragraph of its
  own (notices are written one paragraph a line).
* ASCII spaces, tabs and U+3000 indentation are trimmed off (kept as ``indent``).
* Scrape residue — table pipes ``| |||``, ``【打印本页】``, ``[bookmark: _GoBack]``,
  ``发布日期:… 来源:…`` lines — is cut off and recorded as an :class:`Artifact`,
  so the structure never sees it.
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

_WS = " \t\u3000\xa0"

# Whole-line residue of web pages and Word.
_ARTIFACT_LINE = re.compile(
    r"[\s|]*\|[\s|]*"  # table pipes only
    r"|[\s|]*(?:【[^】]{1,8}】[\s|]*)+"  # 【打印本页】 【关闭窗口】
    r"|\s*(?:发布日期|发布时间|时间|日期)\s*[:：][^\n]{0,40}?(?:来源|作者|浏览次数|点击数)\s*[:：][^\n]*"
)
_ARTIFACT_PREFIX = re.compile(r"(?:\[bookmark:[^\]]*\]\s*)+")
_ARTIFACT_SUFFIX = re.compile(r"[ \t\u3000]+\|[\s|]*$|(?<=[。；;])\|[\s|]*$")
HTML_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|hellip|mdash|#\d{2,5});")

_CN_NUM = "一二三四五六七八九十"
# White space (or a sentence end) before a structural marker inside a line.
_STRONG_MARKER = re.compile(
    rf"[ \t\u3000]+(?=[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)]|\d{{1,2}}[.．、](?!\d))"
    r"|[ \t\u3000]+(?=整改措施[:：]|整改进度[:：]|整改进展情况[:：]|欢迎广大)"
)
_HARD_SPLIT = re.compile(
    rf"[ \t\u3000]+(?=[{_CN_NUM}]{{1,3}}[、．.](?!\d))"
    rf"|[ \t\u3000]+(?=[（(][{_CN_NUM}]{{1,3}}[）)])"
    r"|[ \t\u3000]+(?=\d{1,2}[.．、](?!\d))"
    r"|(?:(?<=[。；;:：])[ \t\u3000]*|[ \t\u3000]+)(?=[（(]\d{1,2}[）)])"
    r"|[ \t\u3000]*(?=(?:整改措施|整改进度|整改进展情况)[:：])"
    r"|[ \t\u3000]+(?=欢迎广大)"
    r"|[ \t\u3000]+(?=\S{2,30}(?:党组|党委|委员会|局|厅)[ \t\u3000]+\d{4}年\d{1,2}月\d{1,2}日[\s|]*$)"
)
# A heading followed, after white space, by body text on the same (flattened) line.
_HEADING_BODY = re.compile(
    rf"(?:[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)])[^。\s]{{2,40}}(?=[ \u3000]+\S)"
)
_SOFT_SPLIT = re.compile(
    r"(?<=[。.；;])[ \t\u3000]*(?=公开期限)"
    r"|(?<=[。.])[ \t\u3000]*(?=(?:联系电话|联系方式|举报电话|监督电话)[:：]?)"
    r"|(?<=[党组委会局厅室府院])[ \t\u3000]+(?=\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]*$)"
)
_FLATTEN_MIN_LEN = 300
_FLATTEN_MIN_MARKERS = 2


@dataclass(slots=True)
class Artifact:
    """Scrape residue cut out of the text (reported by NL003)."""

    start: int
    end: int
    kind: str  # "pipes" | "print-links" | "meta" | "bookmark" | "entity"


@dataclass(slots=True)
class Segment:
    """A paragraph: ``text == source[start:end]``, trimmed, artifacts removed."""

    start: int
    end: int
    text: str
    line: int
    indent: str = ""
    flattened: bool = False  # split out of a flattened physical line


@dataclass(slots=True)
class Segmentation:
    segments: list[Segment] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    flattened_lines: list[int] = field(default_factory=list)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def _cuts(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between the matches of ``pattern``."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = max(pos, m.end())
    if end > pos:
        pieces.append((pos, end))
    return pieces


def _artifact_kind(line: str) -> str:
    if "【" in line:
        return "print-links"
    if "|" in line and not line.strip(" \t\u3000|"):
        return "pipes"
    return "meta"


def segment(text: str) -> Segmentation:
    """Split ``text`` (newlines normalised) into paragraphs."""
    result = Segmentation()
    segments = result.segments
    artifacts = result.artifacts
    line_no = 0
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = length
        line_no += 1
        start, end = pos, nl
        pos = nl + 1
        if start == end:
            if nl == length:
                break
            continue
        line = text[start:end]
        if "&" in line:
            for m in HTML_ENTITY.finditer(line):
                artifacts.append(Artifact(start + m.start(), start + m.end(), "entity"))
        if ("|" in line or "【" in line or "日期" in line or "时间" in line) and (
            _ARTIFACT_LINE.fullmatch(line)
        ):
            if line.strip(_WS):
                artifacts.append(Artifact(*_strip(text, start, end), _artifact_kind(line)))
            continue
        s, e = _strip(text, start, end)
        if s == e:
            continue
        indent = text[start:s]
        if text.startswith("[bookmark:", s):
            prefix = _ARTIFACT_PREFIX.match(text, s, e)
            if prefix:
                artifacts.append(Artifact(s, prefix.end(), "bookmark"))
                s, e = _strip(text, prefix.end(), e)
        if "|" in text[s:e]:
            suffix = _ARTIFACT_SUFFIX.search(text, s, e)
            if suffix:
                artifacts.append(Artifact(*_strip(text, suffix.start(), e), "pipes"))
                s, e = _strip(text, s, suffix.start())
        if s == e:
            continue
        flattened = False
        pieces = [(s, e)]
        if e - s >= _FLATTEN_MIN_LEN:
            markers = 0
            for _ in _STRONG_MARKER.finditer(text, s, e):
                markers += 1
                if markers >= _FLATTEN_MIN_MARKERS:
                    break
            if markers >= _FLATTEN_MIN_MARKERS:
                flattened = True
                result.flattened_lines.append(line_no)
                pieces = []
                for ps, pe in _cuts(_HARD_SPLIT, text, s, e):
                    head = _HEADING_BODY.match(text, ps, pe)
                    if head:
                        pieces.append((ps, head.end()))
                        pieces.append((head.end(), pe))
                    else:
                        pieces.append((ps, pe))
        for ps, pe in pieces:
            soft = (
                text.find("公开期限", ps, pe) != -1
                or text.find("联系", ps, pe) != -1
                or text.find("电话", ps, pe) != -1
                or (pe - ps < 80 and text.find("日", ps, pe) != -1)
            )
            for qs, qe in _cuts(_SOFT_SPLIT, text, ps, pe) if soft else ((ps, pe),):
                qs, qe = _strip(text, qs, qe)
                if qs < qe:
                    segments.append(
                        Segment(
                            qs,
                            qe,
                            text[qs:qe],
                            line_no,
                            indent if qs == s else "",
                            flattened,
                        )
                    )
        if nl == length:
            break
    return result
