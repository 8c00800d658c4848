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
heading, after the closing), never a parse: the grammar decides the structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from noticelint.parse.numerals import cn_to_int
from noticelint.parse.segment import Segment

_CN = "一二三四五六七八九十"
H1_RE = re.compile(rf"([{_CN}]{{1,3}})([、．.，,]|\s)\s*(?!\d)")
H2_RE = re.compile(rf"([（(])\s*([{_CN}]{{1,3}})\s*([）)])([、．.，,]?)\s*")
H3_RE = re.compile(r"(\d{1,2})([.．、，,](?!\d)|\s(?=\D))\s*")
H4_RE = re.compile(r"([（(])\s*(\d{1,2})\s*([）)])([、．.，,]?)\s*")
ENUM_RE = re.compile(rf"([{_CN}]{{1,3}})是")
MLABEL_RE = re.compile(r"(?:主要)?整改措施\s*(?:[:：]|$|\s)")
STATUS_RE = re.compile(
    r"(整改进展情况|整改进展|整改进度|整改情况|进展情况|完成情况|整改结果|整改时限|目前进展)\s*[:：]"
)
CLOSING_RE = re.compile(r"欢迎[^。]{0,40}?(?:监督|批评|反映)")
DISCLOSURE_RE = re.compile(r"公开期限|公示期限|公示时间|公开时间")
CONTACT_LABEL_RE = re.compile(
    r"(?:联系电话|联系方式|举报电话|监督电话|通信地址|通讯地址|邮寄地址|邮政信箱(?:地址)?|邮政编码|"
    r"电子邮箱|电子信箱|来信地址|邮编|邮箱)\s*(?:[:：]|(?=[\dA-Za-z(（]))"
)
DATE_ONLY_RE = re.compile(
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d〇零○一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇零○一二三四五六七八九十]{1,3}\s*日"
    r"|\d{4}\s*[-./．]\s*\d{1,2}\s*[-./．]\s*\d{1,2}"
)
ORGAN_END_RE = re.compile(
    r"(?:党组|党委|委员会|工委|党工委|总支|支部|局|厅|委|办公室|政府|院|部|公司|中心|集团|学校|大学|医院|办)$"
)
TITLE_HINT_RE = re.compile(
    r"关于.*(?:巡察|巡视|整改)|(?:巡察|巡视).*整改.*(?:通报|报告|公告|公示)$"
)
TITLE_END_RE = re.compile(r"(?:通报|报告|公告|公示|情况)$")
_SENTENCE_PUNCT = re.compile(r"[。，,；;：:！？!?]")


@dataclass(slots=True)
class Token:
    """A classified paragraph. ``body`` is the text after the marker/label."""

    type: str
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
        m = H2_RE.match(text)
        if m:
            return Token("H2", seg, cn_to_int(m.group(2)), m.group(0).strip(), m.end())
        m = H4_RE.match(text)
        if m:
            return Token("H4", seg, int(m.group(2)), m.group(0).strip(), m.end())
        return None
    if first.isdigit():
        m = H3_RE.match(text)
        if m and not DATE_ONLY_RE.match(text):
            return Token("H3", seg, int(m.group(1)), m.group(0).strip(), m.end())
        return None
    if first in _CN:
        m = H1_RE.match(text)
        if m:
            if m.group(2).isspace() and len(text) > 40 and not seg.flattened:
                return None
            return Token("H1", seg, cn_to_int(m.group(1)), m.group(0).strip(), m.end())
    return None


def _is_organ_line(text: str) -> bool:
    return (
        len(text) <= 40
        and not _SENTENCE_PUNCT.search(text)
        and ORGAN_END_RE.search(text) is not None
        and not text[0].isdigit()
    )


def classify(segments: list[Segment]) -> list[Token]:
    """Give every paragraph its token kind."""
    tokens: list[Token] = []
    seen_heading = False
    seen_opening = False
    seen_tail = False
    n = len(segments)
    for i, seg in enumerate(segments):
        text = seg.text
        near_end = i >= n - 3

        # The signature: a date alone, or an organ name alone, at the end.
        if (seen_tail or near_end) and DATE_ONLY_RE.fullmatch(text):
            tokens.append(Token("SIGDATE", seg))
            continue
        if (seen_tail or near_end) and _is_organ_line(text):
            nxt = segments[i + 1].text if i + 1 < n else ""
            if seen_tail or DATE_ONLY_RE.fullmatch(nxt):
                tokens.append(Token("ORGAN", seg))
                continue

        tok = _numbered(seg)
        if tok is not None:
            if tok.type == "H1":
                seen_heading = True
            tokens.append(tok)
            continue

        head = text[:12]
        if "整改措施" in head and MLABEL_RE.match(text):
            colon = text.find("：") if "：" in text[:8] else text.find(":")
            end = colon + 1 if 0 <= colon < 8 else 4
            while end < len(text) and text[end] in " \u3000":
                end += 1
            tokens.append(Token("MLABEL", seg, marker=text[:end].strip(), body_offset=end))
            continue
        m = STATUS_RE.match(text)
        if m:
            tokens.append(Token("STATUS", seg, marker=m.group(0), body_offset=m.end()))
            continue

        if (
            len(text) < 400
            and CLOSING_RE.search(text)
            and (seen_heading or (i > 0 and not seen_opening))
        ):
            seen_tail = True
            tokens.append(Token("CLOSING", seg))
            continue
        if DISCLOSURE_RE.match(text) or (len(text) < 120 and DISCLOSURE_RE.search(text)):
            seen_tail = True
            tokens.append(Token("DISCLOSURE", seg))
            continue
        if len(text) < 400:
            labels = CONTACT_LABEL_RE.findall(text)
            if labels and (CONTACT_LABEL_RE.match(text) or len(labels) >= 2):
                seen_tail = True
                tokens.append(Token("CONTACT", seg))
                continue

        if not seen_heading and not seen_opening:
            if len(text) <= 80 and not _SENTENCE_PUNCT.search(text):
                prev_title = bool(tokens) and tokens[-1].type == "TITLE"
                if TITLE_HINT_RE.search(text) or (
                    prev_title
                    and not TITLE_END_RE.search(tokens[-1].text)
                    and TITLE_END_RE.search(text)
                ):
                    tokens.append(Token("TITLE", seg))
                    continue
            if ("巡察" in text or "巡视" in text) and len(text) > 30:
                seen_opening = True
                tokens.append(Token("OPENING", seg))
                continue

        m = ENUM_RE.match(text)
        tokens.append(Token("TEXT", seg, enum=cn_to_int(m.group(1)) if m else None))
    return tokens
