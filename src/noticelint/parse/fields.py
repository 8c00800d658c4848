"""Field extraction from recognised paragraphs: opening facts, 公开期限, contact
fields, status class, section kind. Pure functions of text and profile."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from noticelint.model import StatusClass
from noticelint.parse.dates import (
    DATE_RE,
    RANGE_SEP,
    DateRef,
    find_collapsed_dates,
    find_dates,
    find_ranges,
    infer_year,
    safe_date,
)
from noticelint.parse.numerals import cn_to_int
from noticelint.profile import Profile

_NUM = r"(\d{1,3}|[一二三四五六七八九十两]{1,3})"
DECLARED_AREAS_RE = re.compile(_NUM + r"\s*(?:个)?(?:大)?(?:方面|类|大类|个方面|领域)")
DECLARED_PROBLEMS_RE = re.compile(_NUM + r"\s*(?:个|项|条)?(?:具体)?问题")
DECLARED_PROBLEMS_ALT = re.compile(r"问题\s*" + _NUM + r"\s*(?:个|项|条)")
DECLARED_MEASURES_RE = re.compile(
    r"整改措施\s*(?:共)?\s*" + _NUM + r"\s*(?:条|项|个)|" + _NUM + r"\s*(?:条|项)\s*整改措施"
)
_SENTENCE_END = re.compile(r"[。！？!?]")
_COUNT_AFTER = re.compile(
    r"(?:指出|反馈|发现)(?:的)?问题\s*(?:共|共计|总计)?\s*" + _NUM + r"\s*(?:个|项|条)"
)


def num(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else cn_to_int(text.replace("两", "二"))


def heading_parts(body: str) -> tuple[str, str, int]:
    """A heading paragraph's heading, the text that follows it on the same line, and
    where the heading ends (after its 。, if any)."""
    m = _SENTENCE_END.search(body)
    if m is None:
        return body.strip(), "", len(body)
    return body[: m.start()].strip(), body[m.end() :].strip(), m.end()


def classify_status(text: str, profile: Profile) -> tuple[StatusClass, bool]:
    """The status class of a status line's text, and whether the text is a
    narrative of measures rather than a status phrase."""
    body = text.strip()
    vocab = profile.status
    narrative = (
        len(body) > vocab.max_phrase_length
        or body.startswith(("一是", "（1）", "(1)", "1.", "1、"))
        or "一是" in body[:20]
    )
    if narrative:
        return "unknown", True
    first_end = _SENTENCE_END.search(body)
    if first_end is not None and first_end.end() < len(body.rstrip("。！？!?")):
        # Several sentences: a narrative unless the first is itself a status phrase
        # (已完成整改。将长期坚持。); a narrative's last sentence may be its status.
        first, _ = classify_status(body[: first_end.start()], profile)
        if first == "unknown":
            return "unknown", True
    if "除" in body and "外" in body:
        return "partial", False
    for cls, words in profile.lexicon.status_classes:
        if words.search(body) is not None:
            return cls, False
    if body.startswith("除") and ("完成" in body):
        return "partial", False
    return "unknown", False


@dataclass(slots=True)
class OpeningFacts:
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    feedback_date: dt.date | None = None
    declared_areas: int | None = None
    declared_problems: int | None = None
    declared_measures: int | None = None
    has_basis: bool = False
    has_period: bool = False
    has_inspector: bool = False
    has_feedback: bool = False
    has_publication: bool = False
    period_span: tuple[int, int] | None = None


# 指出了四个方面38个问题, 3大类8个问题
_AREAS_AND_PROBLEMS = re.compile(
    _NUM
    + r"\s*(?:个)?(?:大)?(?:方面|类|领域)\s*(?:的)?\s*(?:共)?\s*"
    + _NUM
    + r"\s*(?:个|项|条)(?:具体)?问题"
)
# 指出…38个问题
_FOUND_PROBLEMS = re.compile(
    r"(?:指出|反馈|发现)[^。]{0,12}?" + _NUM + r"\s*(?:个|项|条)(?:具体)?问题"
)


def declared_counts(text: str) -> tuple[int | None, int | None, int | None]:
    """Counts such as 指出了四个方面38个问题, 3大类8个问题, 整改措施127条 (the patterns
    are only searched in a text holding 问题 or 整改措施, which each of them holds)."""
    areas = problems = measures = None
    if "问题" in text:
        m = _AREAS_AND_PROBLEMS.search(text)
        if m:
            areas, problems = num(m.group(1)), num(m.group(2))
        if problems is None:
            found = _FOUND_PROBLEMS.search(text)
            if found:
                problems = num(found.group(1))
            else:  # 反馈问题共4个
                found = _COUNT_AFTER.search(text)
                problems = num(found.group(1)) if found else None
    if "整改措施" in text:
        measured = DECLARED_MEASURES_RE.search(text)
        if measured:
            measures = num(measured.group(1) or measured.group(2))
    return areas, problems, measures


_RANGE_MARK = frozenset("至到—–-－～~")


def _collapsed_period(text: str) -> bool:
    """Whether a collapsed date stands at either end of a date range."""
    for c in find_collapsed_dates(text):
        before = text[max(0, c.start - 2) : c.start]
        after = text[c.end : c.end + 2]
        if any(ch in _RANGE_MARK for ch in before + after):
            return True
    return False


def opening_facts(text: str, profile: Profile) -> OpeningFacts:
    facts = OpeningFacts()
    lex = profile.lexicon
    facts.has_basis = lex.opening_basis.search(text) is not None
    facts.has_inspector = lex.opening_inspector.search(text) is not None
    facts.has_publication = lex.publication.search(text) is not None
    ranges = find_ranges(text)
    # A period whose dates the website collapsed (2024717日至830日) is there: NL608
    # reports the dates, NL105 must not call the period missing (S10).
    facts.has_period = not ranges and _collapsed_period(text)
    if ranges:
        r = ranges[0]
        facts.has_period = True
        facts.period_span = r.span
        facts.inspection_start = r.start.first_day()
        anchor = facts.inspection_start
        end_year = infer_year(r.end, anchor) if anchor else r.end.year
        facts.inspection_end = r.end.last_day(end_year)
    # The feedback date: the last date before 反馈 in its sentence, outside the period.
    for fm in lex.opening_feedback.finditer(text):
        facts.has_feedback = True
        sent_start = max(text.rfind("。", 0, fm.start()) + 1, 0)
        best: DateRef | None = None
        for ref in find_dates(text[sent_start : fm.start()]):
            pos = sent_start + ref.start
            if facts.period_span and facts.period_span[0] <= pos < facts.period_span[1]:
                continue
            if ref.day is not None:
                best = ref
        if best is not None:
            year = infer_year(best, facts.inspection_end or facts.inspection_start)
            facts.feedback_date = safe_date(year, best.month, best.day or 1) if year else None
            break
    facts.declared_areas, facts.declared_problems, facts.declared_measures = declared_counts(text)
    return facts


# --- 公开期限 ---------------------------------------------------------------

DISCLOSURE_WELL_FORMED = re.compile(
    r"公开期限[:：](\d{4})年([1-9]\d?)月([1-9]\d?)日至(?:(\d{4})年)?([1-9]\d?)月([1-9]\d?)日"
)
_DISCLOSURE_ANY = re.compile(
    r"(?:公开期限|公示期限|公开时间|公示时间)\s*[:：]?\s*(?P<period>[^。；;\n]*)"
)
_ISO_RANGE = re.compile(
    r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})" + RANGE_SEP + r"(?:(\d{4})[-./])?(\d{1,2})[-./](\d{1,2})"
)


@dataclass(slots=True)
class DisclosureFacts:
    start: dt.date | None = None
    end: dt.date | None = None
    period_text: str = ""
    well_formed: bool = False
    invalid: str | None = None  # why the dates are impossible


def disclosure_facts(text: str) -> DisclosureFacts:
    facts = DisclosureFacts()
    m = _DISCLOSURE_ANY.search(text)
    if not m:
        return facts
    facts.period_text = m.group("period").strip()
    facts.well_formed = bool(DISCLOSURE_WELL_FORMED.match(text, m.start()))
    period = m.group("period")
    parts: tuple[int | None, ...] | None = None
    ranges = find_ranges(period)
    if ranges:
        r = ranges[0]
        if r.start.day is not None and r.end.day is not None:
            sy = r.start.year
            ey = r.end.year or (sy + 1 if sy and r.end.month < r.start.month else sy)
            parts = (sy, r.start.month, r.start.day, ey, r.end.month, r.end.day)
    else:
        im = _ISO_RANGE.search(period)
        if im:
            sy = int(im.group(1))
            ey = int(im.group(4)) if im.group(4) else sy
            parts = (sy, int(im.group(2)), int(im.group(3)), ey, int(im.group(5)), int(im.group(6)))
    if parts is None:
        return facts
    sy_, sm, sd, ey_, em, ed = parts
    if sy_ is None or ey_ is None or sm is None or sd is None or em is None or ed is None:
        return facts
    facts.start = safe_date(sy_, sm, sd)
    facts.end = safe_date(ey_, em, ed)
    if facts.start is None:
        facts.invalid = f"起始日期{sy_}年{sm}月{sd}日不存在"
    elif facts.end is None:
        facts.invalid = f"截止日期{ey_}年{em}月{ed}日不存在"
    elif facts.end <= facts.start:
        facts.invalid = "截止日期不晚于起始日期"
    return facts


# --- contact block -----------------------------------------------------------

# Where a contact value ends: the field's sentence ends.
_VALUE_END = re.compile(r"[；;。]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
EMAIL_LOOSE = re.compile(r"[^\s:：;；,，。、]+@[^\s;；,，。、]*")
PHONE_TOKEN = re.compile(r"[0-9０-９][0-9０-９\-－—()（） ]{2,}[0-9０-９]|\d{3,}")


@dataclass(slots=True)
class FieldHit:
    kind: str
    label: str
    value: str
    start: int  # offset of the label in the paragraph
    end: int  # end of the value
    colon: bool


@dataclass(slots=True)
class ContactFacts:
    fields: list[FieldHit] = field(default_factory=list)


def contact_fields(text: str, profile: Profile) -> list[FieldHit]:
    hits: list[tuple[re.Match[str], str]] = []
    kinds = profile.lexicon.contact_kinds
    for m in _label_matches(text, profile):
        kind = kinds.get(m.group(0).rstrip(":：").rstrip()) or _matched_kind(m)
        # A bare generic label (电话, 地址, 邮箱) counts only when a value follows.
        after = text[m.end() : m.end() + 1]
        has_value = after.isdigit() or (after.isascii() and after.isalnum())
        if not m.group("colon") and not has_value and (kind != "address" or m.group(0) == "地址"):
            continue
        hits.append((m, kind))
    out: list[FieldHit] = []
    for i, (m, kind) in enumerate(hits):
        nxt = hits[i + 1][0].start() if i + 1 < len(hits) else len(text)
        value = text[m.end() : nxt]
        end = _VALUE_END.search(value)
        if end is not None:
            value = value[: end.start()]
        value = value.rstrip("，,、 \u3000")
        label = m.group(0).rstrip(":： ")
        out.append(
            FieldHit(
                kind,
                label,
                clean_value(value),
                m.start(),
                m.end() + len(value),
                bool(m.group("colon")),
            )
        )
    # A postcode written inside the address: "…，邮政编码527500" is found above; a
    # bare six-digit run at the end of an address is also a postcode.
    return out


def _label_matches(text: str, profile: Profile) -> Iterator[re.Match[str]]:
    """``profile.contact_label_pattern.finditer(text)``, the pattern tried only where
    the first character of a label stands (its own search tries every label at every
    character, several times slower on a contact line)."""
    pattern = profile.contact_label_pattern
    starts = profile.lexicon.contact_starts
    if starts is None:  # no labels, or an empty one that matches anywhere
        yield from pattern.finditer(text)
        return
    pos = 0
    while (start := starts.search(text, pos)) is not None:
        m = pattern.match(text, start.start())
        if m is None:
            pos = start.start() + 1
        else:
            yield m
            pos = m.end()


def _matched_kind(m: re.Match[str]) -> str:
    """The kind in the name of the label group that matched (phone3 → phone)."""
    return next(k.rstrip("0123456789") for k, v in m.groupdict().items() if v and k != "colon")


# A bracketed note in a value: （工作日受理）, （邮政编码：…） — not a (0595) area code.
_BRACKET_NOTE = re.compile(r"[（(][^（）()]*[^\d\s（）()\-－][^（）()]*[）)]")
_OPEN = "（("
_CLOSE = "）)"


def clean_value(value: str) -> str:
    """A contact value without the notes and brackets around it: a phone followed by
    （工作日受理）, an address holding （邮政编码：…） (the bracket belongs to neither
    value), a postcode left with the closing bracket."""
    value = _BRACKET_NOTE.sub("", value).strip(" \u3000，,、")
    while value and value[-1] in _OPEN:
        value = value[:-1].rstrip(" \u3000，,、")
    while (
        value
        and value[-1] in _CLOSE
        and sum(value.count(c) for c in _OPEN) < sum(value.count(c) for c in _CLOSE)
    ):
        value = value[:-1].rstrip()
    while value and value[0] in _CLOSE:
        value = value[1:].lstrip()
    return value


_PHONE_SEPARATOR = re.compile(r"[或、,，/；;]|\s{2,}")


def split_phones(value: str) -> list[str]:
    return [p.strip() for p in _PHONE_SEPARATOR.split(value) if p.strip()]


PHONE_VALID = re.compile(
    r"(?:0\d{2,3}[-－—]?)?[2-9]\d{6,7}"  # fixed line, optional area code
    r"|(?:\(0\d{2,3}\)|（0\d{2,3}）)[2-9]\d{6,7}"
    r"|1[3-9]\d{9}"  # mobile
    r"|[48]00[-－]?\d{3}[-－]?\d{4}"  # service numbers
    r"|12345|12388|12380|110|12315"
)


def phone_is_valid(number: str) -> bool:
    n = number.replace(" ", "").translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
    return PHONE_VALID.fullmatch(n) is not None


def signature_organ_from_title(title: str) -> str | None:
    i = title.find("关于")
    if i <= 0:
        return None
    return title[:i].strip()


def normalise_organ(organ: str) -> str:
    """Drop a leading 中共 and immediately repeated words (党组党组) for comparison."""
    o = re.sub(r"\s+", "", organ)
    if o.startswith("中共"):
        o = o[2:]
    o = re.sub(r"(.{2,4})\1", r"\1", o)
    return o


__all__ = [
    "DATE_RE",
    "EMAIL_LOOSE",
    "EMAIL_RE",
    "ContactFacts",
    "DisclosureFacts",
    "OpeningFacts",
    "classify_status",
    "contact_fields",
    "declared_counts",
    "disclosure_facts",
    "heading_parts",
    "normalise_organ",
    "opening_facts",
    "phone_is_valid",
    "signature_organ_from_title",
    "split_phones",
]
