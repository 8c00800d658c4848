"""Stage 3, classify: each paragraph becomes a :class:`Token` with its kind.

The token kinds are the terminals of the grammar (``notice.lark``):

========== ============================================================
TITLE      a line of the title (``…关于…整改…情况的通报``), before the opening
OPENING    the opening paragraph (basis, period, feedback, publication)
H1         ``一、`` top-level section heading
H2         ``（一）`` area heading
H3         ``1.`` item (a problem inside the progress section)
H4         ``（1）`` sub-item (a sub-problem, or a measure after 整改措施)
MLABEL     the measures label ``整改措施：``
STATUS     a status line ``整改进展情况：`` / ``整改进度：``
TEXT       any other paragraph (narrative, 一是…二是… enumerations)
CLOSING    the invitation to supervise (欢迎广大干部群众…监督)
DISCLOSURE the 公开期限 statement
CONTACT    the contact block (联系电话…邮箱)
ORGAN      the signing organ line
SIGDATE    the 成文日期 line
========== ============================================================

Classification is a single pass with a little context (before the first
heading, after the closing, the next paragraph), never a parse: the grammar
decides the structure. Every word it matches (labels, title hints, organ endings,
the publication statement) comes from the profile's :class:`Lexicon`.

Two paragraph forms are given a heading kind although they carry no number: an
unnumbered problem sentence followed by a measures or status label (``H3`` with
``number=None``, S8), and the organ line above a ``关于…`` title line (``TITLE``, S6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from noticelint.parse.lexicon import Lexicon
from noticelint.parse.numerals import cn_to_int
from noticelint.parse.segment import Segment


class TokenKind(StrEnum):
    """A paragraph's kind: a terminal of ``notice.lark`` (table above). A member
    equals its name as a string, so ``tok.type == "H1"`` still holds."""

    TITLE = "TITLE"
    OPENING = "OPENING"
    H1 = "H1"
    H2 = "H2"
    H3 = "H3"
    H4 = "H4"
    MLABEL = "MLABEL"
    STATUS = "STATUS"
    TEXT = "TEXT"
    CLOSING = "CLOSING"
    DISCLOSURE = "DISCLOSURE"
    CONTACT = "CONTACT"
    ORGAN = "ORGAN"
    SIGDATE = "SIGDATE"


# The numbered headings, from 一、 down to （1）.
# The heading levels in their order 一、→（一）→1.→（1） (GB/T 9704).
HEADING_LEVELS = (TokenKind.H1, TokenKind.H2, TokenKind.H3, TokenKind.H4)
HEADINGS = frozenset(HEADING_LEVELS)
# The levels whose marker stands in brackets: （一） and （1）.
BRACKETED = frozenset((TokenKind.H2, TokenKind.H4))
# The numbered items that open a problem (1. and （1）).
PROBLEM_ITEMS = frozenset((TokenKind.H3, TokenKind.H4))
# What follows the body: the invitation to supervise, the disclosure, the contact
# block and the signature.
TAIL = frozenset(
    (
        TokenKind.CLOSING,
        TokenKind.DISCLOSURE,
        TokenKind.CONTACT,
        TokenKind.ORGAN,
        TokenKind.SIGDATE,
    )
)

# The kinds under plain names for the classifier's loop (a member looked up on the
# enum class costs a Python call, more than the comparison it is used in).
_TITLE, _OPENING, _TEXT = TokenKind.TITLE, TokenKind.OPENING, TokenKind.TEXT
_H1, _H2, _H3, _H4 = HEADING_LEVELS
_MLABEL, _STATUS = TokenKind.MLABEL, TokenKind.STATUS
_ORGAN, _SIGDATE = TokenKind.ORGAN, TokenKind.SIGDATE

_CN = "一二三四五六七八九十"
H1_RE = re.compile(rf"([{_CN}]{{1,3}})([、．.，,]|\s)\s*(?!\d)")
H2_RE = re.compile(rf"([（(])\s*([{_CN}]{{1,3}})\s*([）)])([、．.，,]?)\s*")
H3_RE = re.compile(r"(\d{1,2})([.．、，,](?!\d)|\s(?=\D))\s*")
H4_RE = re.compile(r"([（(])\s*(\d{1,2})\s*([）)])([、．.，,]?)\s*")
# H2_RE or H4_RE in one match (the numeral is group 2 for （一）, group 3 for （1）).
_BRACKETED_RE = re.compile(rf"([（(])\s*(?:([{_CN}]{{1,3}})|(\d{{1,2}}))\s*([）)])([、．.，,]?)\s*")
DATE_ONLY_RE = re.compile(
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d〇零○一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇零○一二三四五六七八九十]{1,3}\s*日"
    r"|\d{4}\s*[-./．]\s*\d{1,2}\s*[-./．]\s*\d{1,2}"
)
_SENTENCE_PUNCT = re.compile(r"[。，,；;：:！？!?]")
# A status label's text longer than this is a narrative of measures (a cheap test;
# the builder classifies status phrases with the profile's vocabulary).
_STATUS_PHRASE_MAX = 30
# The opening runs over at most this many paragraphs (S4).
_OPENING_MAX = 5


@dataclass(slots=True)
class Token:
    """A classified paragraph. ``body`` is the text after the marker/label."""

    type: TokenKind
    seg: Segment
    number: int | None = None
    marker: str = ""  # the sequence marker or label as written, e.g. "（一）", "1.", "整改措施："
    body_offset: int = 0  # index in seg.text where the content after the marker starts
    enum: int | None = None  # 一是 → 1 for TEXT tokens that start an enumeration

    @property
    def text(self) -> str:
        return self.seg.text

    @property
    def body(self) -> str:
        return self.seg.text[self.body_offset :]


def _numbered(seg: Segment) -> Token | None:
    text = seg.text
    first = text[0]
    if first in "（(":
        m = _BRACKETED_RE.match(text)
        if m is None:
            return None
        if m.group(2):
            return Token(_H2, seg, cn_to_int(m.group(2)), m.group(0).strip(), m.end())
        return Token(_H4, seg, int(m.group(3)), m.group(0).strip(), m.end())
    if first.isdigit():
        m = H3_RE.match(text)
        if m and not DATE_ONLY_RE.match(text):
            return Token(_H3, seg, int(m.group(1)), m.group(0).strip(), m.end())
        return None
    if first in _CN:
        m = H1_RE.match(text)
        if m:
            if m.group(2).isspace() and len(text) > 40 and not seg.flattened:
                return None
            return Token(_H1, seg, cn_to_int(m.group(1)), m.group(0).strip(), m.end())
    return None


def _is_organ_line(text: str, lex: Lexicon) -> bool:
    return (
        len(text) <= 40
        and not _SENTENCE_PUNCT.search(text)
        and lex.organ_end.search(text) is not None
        and not text[0].isdigit()
    )


def _label(seg: Segment, lex: Lexicon) -> Token | None:
    """A measures label (MLABEL) or status label (STATUS) at the start of ``seg``."""
    text = seg.text
    if text[0] not in lex.label_starts:
        return None
    m = lex.measure_label.match(text)
    kind = _MLABEL
    if m is None:
        m = lex.status_label.match(text)
        kind = _STATUS
        if m is None:
            return None
    end = m.end()
    while end < len(text) and text[end] in " \u3000":
        end += 1
    return Token(kind, seg, marker=text[: m.end()].strip(), body_offset=end)


def _opening_end(segments: list[Segment], i: int, lex: Lexicon) -> int:
    """The index of the opening's last paragraph, the opening starting at ``i`` (S4):
    the paragraph with the publication statement when one follows within a few
    paragraphs before any heading; without one, the run of paragraphs that still
    fill opening slots (反馈, 巡察组) and are not about organising the work."""
    last = i
    extending = True
    for j in range(i, min(i + _OPENING_MAX, len(segments))):
        text = segments[j].text
        if j > i and _numbered(segments[j]) is not None:
            break
        if lex.publication.search(text):
            return j
        if j > i and extending:
            extending = lex.opening_slot.search(text) is not None and not lex.is_organising(text)
            if extending:
                last = j
    return last


def _is_problem_sentence(segments: list[Segment], i: int, s8: bool, lex: Lexicon) -> bool:
    """An unnumbered paragraph that names a problem (S8): 关于…问题。 followed by a
    label (or any such sentence once the part writes its problems this way), or a
    shorter noun phrase …的问题。 directly followed by a label."""
    text = segments[i].text
    strong = lex.problem_sentence.match(text) is not None
    if strong and s8:
        return True
    if not strong and lex.problem_sentence_with_label.match(text) is None:
        return False
    label = _label(segments[i + 1], lex) if i + 1 < len(segments) else None
    if label is None:
        return False
    # The loose form needs the label that opens measures (整改措施：…, 整改情况：<a
    # narrative>), not a short status closing a measure (…的问题。 整改进展：已完成。).
    return strong or label.type == _MLABEL or _opens_narrative(label.body)


def _opens_narrative(body: str) -> bool:
    end = body.rstrip("。；; ")
    return len(end) > _STATUS_PHRASE_MAX or "。" in end


def _is_title_line(segments: list[Segment], i: int, tokens: list[Token], lex: Lexicon) -> bool:
    text = segments[i].text
    if len(text) > 80 or _SENTENCE_PUNCT.search(text):
        return False
    if lex.title_hint.search(text):
        return True
    prev = tokens[-1] if tokens else None
    if prev is not None and prev.type == _TITLE and not lex.title_end.search(prev.text):
        return lex.title_end.search(text) is not None
    # The organ alone on the line above 关于…的通报 (S6).
    if i + 1 < len(segments) and _is_organ_line(text, lex):
        # 中共某某局 / 党组关于…: the organ may itself run over onto the next line.
        nxt = segments[i + 1].text
        return "关于" in nxt[:12] and lex.title_hint.search(nxt) is not None
    return False


def _tail_kind(text: str, in_body: bool, lex: Lexicon) -> TokenKind | None:
    """CLOSING (only once the body has begun), DISCLOSURE or CONTACT, or ``None``."""
    if len(text) < 400 and in_body and lex.closing.search(text):
        return TokenKind.CLOSING
    disclosure = lex.disclosure.search(text)
    if disclosure is not None and (disclosure.start() == 0 or len(text) < 120):
        return TokenKind.DISCLOSURE
    if len(text) < 400:
        labels = lex.contact_label.findall(text)
        if labels and (lex.contact_label.match(text) or len(labels) >= 2):
            return TokenKind.CONTACT
    return None


def classify(segments: list[Segment], lex: Lexicon) -> list[Token]:
    """Give every paragraph its token kind."""
    tokens: list[Token] = []
    seen_heading = False
    seen_opening = False
    seen_tail = False
    opening_until = -1
    # A numbered problem whose label has not come yet: a 关于…问题。 sentence there
    # describes that problem; it is not a problem of its own (S8).
    open_problem = False
    # Problems written as unnumbered sentences (S8): once one is seen (followed by its
    # label), the next 关于…问题。 sentences of the part are problems even when their
    # measures are missing (NL401 then reports them).
    s8 = False
    n = len(segments)
    for i, seg in enumerate(segments):
        text = seg.text
        near_end = i >= n - 3

        if i <= opening_until:
            tokens.append(Token(_OPENING, seg))
            continue

        # The signature: a date alone, or an organ name alone, at the end.
        if (seen_tail or near_end) and DATE_ONLY_RE.fullmatch(text):
            tokens.append(Token(_SIGDATE, seg))
            continue
        if (seen_tail or near_end) and _is_organ_line(text, lex):
            nxt = segments[i + 1].text if i + 1 < n else ""
            if seen_tail or DATE_ONLY_RE.fullmatch(nxt):
                tokens.append(Token(_ORGAN, seg))
                continue

        tok = _numbered(seg)
        if tok is not None:
            seen_heading = True
            open_problem = tok.type in PROBLEM_ITEMS
            s8 = s8 and tok.type == _H2
            tokens.append(tok)
            continue

        tok = _label(seg, lex)
        if tok is not None:
            open_problem = False
            tokens.append(tok)
            continue

        kind = _tail_kind(text, seen_heading or seen_opening, lex)
        if kind is not None:
            seen_tail = True
            tokens.append(Token(kind, seg))
            continue

        if not seen_heading and not seen_opening:
            if _is_title_line(segments, i, tokens, lex):
                tokens.append(Token(_TITLE, seg))
                continue
            if len(text) > 30 and lex.opening_start.search(text):
                seen_opening = True
                opening_until = _opening_end(segments, i, lex)
                tokens.append(Token(_OPENING, seg))
                continue

        if not open_problem and seen_heading and _is_problem_sentence(segments, i, s8, lex):
            tokens.append(Token(_H3, seg, None, "", 0))
            s8 = True
            continue

        m = lex.enumeration.match(text)
        tokens.append(Token(_TEXT, seg, None, "", 0, cn_to_int(m.group(1)) if m else None))
    return tokens
