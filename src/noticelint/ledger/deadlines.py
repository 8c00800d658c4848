"""Deadlines named in the measures: 2024年11月底前, 9月10日前完成 → ISO dates."""

from __future__ import annotations

import datetime as dt
import re

from noticelint.parse.dates import find_dates, infer_year


def find_deadlines(text: str, suffix: re.Pattern[str], anchor: dt.date | None) -> list[dt.date]:
    """Every date in ``text`` directly followed by ``suffix`` (前, 以前…), in text order.

    A yearless date takes its year from the last year written before it in the same
    text, else from ``anchor`` (the feedback date), as :func:`infer_year` does.
    """
    out: list[dt.date] = []
    last_year_anchor = anchor
    for ref in find_dates(text):
        if ref.year is not None:
            last_year_anchor = dt.date(ref.year, 1, 1)
        if not suffix.match(text, ref.end):
            continue
        day = ref.last_day(infer_year(ref, last_year_anchor))
        if day is not None and day not in out:
            out.append(day)
    return out
