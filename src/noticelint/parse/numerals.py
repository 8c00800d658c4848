"""Chinese numerals as used in sequence numbers (一 … 九十九)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(text: str) -> int | None:
    """``"十二"`` → 12; ``None`` when ``text`` is not a numeral below 100."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _DIGITS.get(tens, -1) if tens else 1
        o = _DIGITS.get(ones, -1) if ones else 0
        if t < 1 or o < 0 or "十" in ones:
            return None
        return t * 10 + o
    if len(text) == 1:
        return _DIGITS.get(text)
    return None


def cn_digits_to_int(text: str) -> int | None:
    """Digit-by-digit numerals, as in a year ``二〇二三`` → 2023."""
    value = 0
    for ch in text:
        d = _DIGITS.get(ch)
        if d is None:
            return cn_to_int(text)
        value = value * 10 + d
    return value
