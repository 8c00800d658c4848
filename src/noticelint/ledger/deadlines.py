"""Deadlines named in the measures: 2024年11月底前, 9月10日前完成 → ISO dates."""

from __future__ import annotations

import datetime as dt
import re

from noticelint.parse.dates import DateRef, find_dates, infer_year

#: A bare month (``11月``) is a date only as a deadline (``11月前``); ``find_dates``
#: leaves it out as too ambiguous elsewhere (``12月份``).
_BARE_MONTH = re.compile(r"(?<![\d年.])(\d{1,2})\s*月")


def _refs(text: str) -> list[DateRef]:
    """Every date of ``text``, bare months included, in text order."""
    refs = find_dates(text)
    taken = {ref.start for ref in refs}
    for m in _BARE_MONTH.finditer(text):
        if m.start() not in taken:
            refs.append(DateRef(m.start(), m.end(), None, int(m.group(1)), None, None))
    return sorted(refs, key=lambda ref: ref.start)


def find_deadlines(text: str, suffix: re.Pattern[str], anchor: dt.date | None) -> list[dt.date]:
    """Every date in ``text`` directly followed by ``suffix`` (前, 以前…), in text order.

    A yearless date takes its year from the last year written before it in the same
    text, else from ``anchor`` (the feedback date), as :func:`infer_year` does; a date
    without a day is the last day of its month (``11月底前`` → 11月30日).
    """
    out: list[dt.date] = []
    year_anchor = anchor
    for ref in _refs(text):
        if ref.year is not None:
            year_anchor = dt.date(ref.year, 1, 1)
        if not suffix.match(text, ref.end):
            continue
        day = ref.last_day(infer_year(ref, year_anchor))
        if day is not None and day not in out:
            out.append(day)
    return out
