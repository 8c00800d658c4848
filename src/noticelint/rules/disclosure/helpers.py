"""The analysis the disclosure rules share (scans, patterns, small helpers)."""

from __future__ import annotations


def fmt(d: object) -> str:
    import datetime as dt

    assert isinstance(d, dt.date)
    return f"{d.year}年{d.month}月{d.day}日"
