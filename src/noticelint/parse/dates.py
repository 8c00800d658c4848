"""Dates as notices write them: 2024年4月3日, 4月3日, 2023年12月, 6月下旬, ranges with 至."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from noticelint.parse.anchored import AnchoredPattern, led_by
from noticelint.parse.numerals import cn_digits_to_int, cn_to_int

_CN_DIGIT = "〇零○一二三四五六七八九十"
# The leading (?=\d) is for speed: it lets the regex engine skip to digits.
DATE_RE = re.compile(
    r"(?=\d)(?<![\d.])(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(上旬|中旬|下旬|底|初|中))?"
)
_ISO_LIKE = re.compile(r"(?<!\d)(\d{4})\s*([-./．])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
_CN_DATE = re.compile(rf"([{_CN_DIGIT}]{{4}})年([{_CN_DIGIT}]{{1,3}})月([{_CN_DIGIT}]{{1,3}})日")
#: The marks between the two dates of a range (2024年3月11日至5月20日), spaced or not.
RANGE_MARKS = ("至", "到", "—", "–", "-", "－", "～", "~")
RANGE_SEP = r"\s*(?:" + "|".join(re.escape(mark) for mark in RANGE_MARKS) + r")\s*"


def _date_lead(ch: str) -> bool:
    return ch.isdecimal() or ch.isspace() or ch == "年"


#: :data:`DATE_RE`, found from the 月 every date holds after its digits, 年 and spaces:
#: ``DATES.matches(text)`` are its matches in ``text`` (bare months too), in order.
DATES = AnchoredPattern(DATE_RE, led_by("月", r"[\d\s]"), _date_lead, str.isdecimal)


#: 二〇二四年二月三十日 (spaced or not), found from its 年.
CN_DATES = AnchoredPattern(
    re.compile(
        rf"([{_CN_DIGIT}]{{4}})\s*年\s*([{_CN_DIGIT}]{{1,3}})\s*月\s*([{_CN_DIGIT}]{{1,3}})\s*日"
    ),
    led_by("年", rf"[{_CN_DIGIT}\s]"),
    lambda ch: ch in _CN_DIGIT or ch.isspace(),  # 二〇二四 年
    _CN_DIGIT.__contains__,
)

#: 2024-02-30, 2024/2/30, 2024.2.30, found from the separator after the year.
SEPARATED_DATES = AnchoredPattern(
    re.compile(r"(?=[12])(?<![\d.])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])"),
    led_by("-./", r"\d{4}"),
    str.isdecimal,
    "12".__contains__,
)


@dataclass(slots=True)
class DateRef:
    """A date as written; ``year`` may be missing (inferred later)."""

    start: int  # offset in the string it was found in
    end: int
    year: int | None
    month: int
    day: int | None
    part: str | None  # 上旬/中旬/下旬/底/初/中

    def first_day(self, year: int | None = None) -> dt.date | None:
        y = self.year or year
        if y is None or not 1 <= self.month <= 12:
            return None
        if self.day is not None:
            return safe_date(y, self.month, self.day)
        day = {"中旬": 11, "下旬": 21, "中": 11, "底": 21}.get(self.part or "", 1)
        return dt.date(y, self.month, day)

    def last_day(self, year: int | None = None) -> dt.date | None:
        y = self.year or year
        if y is None or not 1 <= self.month <= 12:
            return None
        if self.day is not None:
            return safe_date(y, self.month, self.day)
        last = calendar.monthrange(y, self.month)[1]
        day = {"上旬": 10, "中旬": 20, "初": 10, "中": 20}.get(self.part or "", last)
        return dt.date(y, self.month, day)

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        year = self.year or 2000  # a leap year: 2月29日 without a year is possible
        return safe_date(year, self.month, self.day) is not None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateRef]:
    """Every date in ``text`` (Arabic numerals, optional year, day or 旬)."""
    out: list[DateRef] = []
    for m in DATES.matches(text):
        year, month, day, part = m.group(1), m.group(2), m.group(3), m.group(4)
        if year is None and day is None and part is None:
            continue  # "12月" alone is too ambiguous (e.g. 12月份)
        out.append(
            DateRef(
                m.start(),
                m.end(),
                int(year) if year else None,
                int(month),
                int(day) if day else None,
                part,
            )
        )
    return out


@dataclass(slots=True)
class DateRange:
    start: DateRef
    end: DateRef
    span: tuple[int, int]


_RANGE_RE = re.compile(DATE_RE.pattern + RANGE_SEP + DATE_RE.pattern)


def find_ranges(text: str) -> list[DateRange]:
    out: list[DateRange] = []
    for m in _RANGE_RE.finditer(text):
        g = m.groups()
        a = DateRef(m.start(), m.end(1) if g[0] else m.start(2), None, 0, None, None)
        a.year = int(g[0]) if g[0] else None
        a.month = int(g[1])
        a.day = int(g[2]) if g[2] else None
        a.part = g[3]
        b = DateRef(m.start(), m.end(), int(g[4]) if g[4] else None, int(g[5]), None, g[7])
        b.day = int(g[6]) if g[6] else None
        if a.day is None and a.part is None and a.year is None:
            continue
        out.append(DateRange(a, b, (m.start(), m.end())))
    return out


def parse_signature_date(text: str) -> tuple[dt.date | None, str]:
    """Parse a 成文日期 line. Returns the date (or None) and its written form:
    ``"arabic"``, ``"leading-zero"``, ``"chinese"``, ``"numeric"`` or ``"unknown"``."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        form = "leading-zero" if m.group(2).startswith("0") or m.group(3).startswith("0") else ""
        return safe_date(y, mo, d), form or ("arabic" if " " not in s else "spaced")
    m = _CN_DATE.fullmatch(s)
    if m:
        cy = cn_digits_to_int(m.group(1))
        cm = cn_to_int(m.group(2))
        cd = cn_to_int(m.group(3))
        if cy is not None and cm is not None and cd is not None:
            return safe_date(cy, cm, cd), "chinese"
        return None, "chinese"
    m = _ISO_LIKE.fullmatch(s)
    if m:
        return safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4))), "numeric"
    return None, "unknown"


def infer_year(ref: DateRef, anchor: dt.date | None) -> int | None:
    """The year of a yearless date, taken from the nearest earlier date ``anchor``:
    the same year, or the next one when the month is earlier than the anchor's."""
    if ref.year is not None:
        return ref.year
    if anchor is None:
        return None
    return anchor.year + 1 if ref.month < anchor.month else anchor.year


# --- collapsed dates (S10) ---------------------------------------------------------

# A year glued to the rest: 2024717日 (年 and 月 lost) or 2024年717日 (月 lost).
_COLLAPSED_YEAR = re.compile(r"(?=[12])(?<![\d.．\-－/])((?:19|20)\d{2})(年?)(\d{1,4})日")
# A month and day glued: 830日 (8月30日). Only where a date can stand — after a
# preposition, a range mark, a list mark or at a clause start — and not before a
# word that makes it a number of days (120日内, 100日以上, 30日后).
_COLLAPSED_MONTH_DAY = re.compile(
    r"(?:(?<=[于至到—－\-~～、，,；;：:（(和及与或自从起\s。])|^)(\d{3,4})日"
    r"(?!内|以内|之内|左右|以上|以下|余|多|后|之后|以后|元|均|常|益|趋|夜|用|志)",
    re.M,
)


def _year_run_lead(ch: str) -> bool:
    return ch.isdecimal() or ch == "年"


#: The collapsed-date patterns, found from their 日: after five digits or after 年 and
#: one to four (2024717日, 2024年830日); after three digits or four (830日, 1230日).
COLLAPSED_YEAR = AnchoredPattern(
    _COLLAPSED_YEAR,
    (re.compile(r"日(?:(?<=\d{5}日)|(?<=年\d日)|(?<=年\d{2}日)|(?<=年\d{3}日)|(?<=年\d{4}日))"),),
    _year_run_lead,
    "12".__contains__,
)
COLLAPSED_MONTH_DAY = AnchoredPattern(
    _COLLAPSED_MONTH_DAY, led_by("日", r"\d{3}"), str.isdecimal, str.isdecimal
)


@dataclass(slots=True)
class CollapsedDate:
    """A date whose 年/月 a website or a copy lost (2024717日, 830日)."""

    start: int
    end: int
    readings: list[str]  # what it can have meant: ["2024年7月17日"]
    lost: str  # the characters lost: "年月" | "月"


def _month_day_readings(digits: str, year: int | None) -> list[str]:
    """The month/day splits of ``digits`` that are real dates (1–2 digit month)."""
    out = []
    for k in (1, 2):
        month, day = digits[:k], digits[k:]
        if not day or len(day) > 2 or month.startswith("0"):
            continue
        if safe_date(year or 2024, int(month), int(day)) is not None:  # 2024: 2月29日
            prefix = f"{year}年" if year is not None else ""
            out.append(f"{prefix}{int(month)}月{int(day)}日")
    return out


def find_collapsed_dates(text: str) -> list[CollapsedDate]:
    """Every collapsed date in ``text``, each at its own span, in order.

    A digit run glued to 日 that cannot be a day and splits into a real date: a year
    followed by month and day (2024717日, 2024年830日) or, in date position, a month
    followed by a day (于830日, 至1230日). ``30日``/``17日`` alone, numbers of days
    (历时120日, 100日内) and long digit runs (12345日) are not dates that lost 年/月.
    Shared by NL608 (reports them) and NL105 (a slot holding one is not missing)."""
    found: list[CollapsedDate] = []
    if "日" not in text:
        return found
    taken: set[int] = set()
    for m in COLLAPSED_YEAR.matches(text):
        digits = m.group(3)
        if (not m.group(2) and len(digits) < 2) or (m.group(2) and len(digits) < 3):
            continue  # 2024年17日 lacks only 月 and is not a run; 202417日 is ambiguous
        readings = _month_day_readings(digits, int(m.group(1)))
        if readings:
            found.append(
                CollapsedDate(m.start(), m.end(), readings, "月" if m.group(2) else "年月")
            )
            taken.add(m.end())
    for m in COLLAPSED_MONTH_DAY.matches(text):
        if m.end() in taken:
            continue
        readings = _month_day_readings(m.group(1), None)
        if readings:
            found.append(CollapsedDate(m.start(1), m.end(), readings, "月"))
    found.sort(key=lambda c: c.start)
    return found
