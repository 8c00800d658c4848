"""The ledger as an xlsx workbook (xlsxwriter, constant-memory mode: rows are
streamed to disk as written, so a 100,000-problem ledger needs no more memory than
a small one).

Sheet 台账: one row per problem, frozen header, autofilter over every column, set
widths, wrapped long texts, 进展类别 cells coloured by status class, dates as date
cells. Sheet 汇总: per organ the notices, problems and share of each status class.
Sheet 未列入 (only when there are any): files that are not notices or unreadable.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from noticelint.ledger.collect import SHARES, OrganTally
from noticelint.ledger.rows import COLUMNS
from noticelint.ledger.writers import (
    DATE_COLUMNS,
    HEADERS,
    STATUS_COLOURS,
    WIDTHS,
    WRAPPED,
    atomic_path,
    cell_text,
    iso_date,
)

DATE_WIDTH = 11


class _Formats:
    """The workbook's cell formats (created once per workbook)."""

    def __init__(self, book: Any) -> None:
        base = {"valign": "top", "font_name": "等线", "font_size": 10}
        self.header = book.add_format({**base, "bold": True, "bg_color": "#D9D9D9", "border": 1})
        self.plain = book.add_format(base)
        self.wrapped = book.add_format({**base, "text_wrap": True})
        self.date = book.add_format({**base, "num_format": "yyyy-mm-dd"})
        self.percent = book.add_format({**base, "num_format": "0.0%"})
        self.total = book.add_format({**base, "bold": True})
        self.total_percent = book.add_format({**base, "bold": True, "num_format": "0.0%"})
        self.flag = book.add_format({**base, "text_wrap": True, "font_color": "#9C0006"})
        self.status = {
            key: book.add_format({**base, "bg_color": colour, "border": 1})
            for key, colour in STATUS_COLOURS.items()
        }


def write_xlsx(
    rows: Iterable[dict[str, Any]],
    summary: list[OrganTally],
    skipped: list[dict[str, Any]],
    target: Path,
) -> int:
    """Write the workbook; returns the number of ledger rows written."""
    import xlsxwriter

    with atomic_path(target) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp), {"constant_memory": True, "strings_to_formulas": False}
        )
        fmt = _Formats(book)
        count = _ledger_sheet(book.add_worksheet("台账"), rows, fmt)
        _summary_sheet(book.add_worksheet("汇总"), summary, fmt)
        if skipped:
            _skipped_sheet(book.add_worksheet("未列入"), skipped, fmt)
        book.close()
    return count


def _ledger_sheet(sheet: Any, rows: Iterable[dict[str, Any]], fmt: _Formats) -> int:
    for col, name in enumerate(COLUMNS):
        width = DATE_WIDTH if name in DATE_COLUMNS else WIDTHS.get(name, 12)
        sheet.set_column(col, col, width, fmt.wrapped if name in WRAPPED else fmt.plain)
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 20)
    _print_setup(sheet)
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, HEADERS[name], fmt.header)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.set_row(count, _row_height(row))
        for col, name in enumerate(COLUMNS):
            _write_cell(sheet, count, col, name, row, fmt)
    sheet.autofilter(0, 0, max(count, 1), len(COLUMNS) - 1)
    return count


LINE_HEIGHT = 13.5  # points, at the 10 pt font
MAX_LINES = 10


def _row_height(row: dict[str, Any]) -> float:
    """A height that shows the wrapped texts (up to ``MAX_LINES`` lines): spreadsheet
    programs do not all size rows of wrapped text themselves."""
    lines = 1
    for name in WRAPPED:
        text = cell_text(name, row.get(name))
        per_line = max(1, WIDTHS.get(name, 12) // 2 - 1)  # a Chinese character is 2 units
        wrapped = sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))
        lines = max(lines, wrapped)
    return LINE_HEIGHT * min(lines, MAX_LINES) + 3


def _print_setup(sheet: Any) -> None:
    """Printed (or exported to PDF): A3 landscape, all columns on one page width, the
    header repeated on every page."""
    sheet.set_landscape()
    sheet.set_paper(8)  # A3
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def _write_cell(sheet: Any, r: int, c: int, name: str, row: dict[str, Any], fmt: _Formats) -> None:
    value = row.get(name)
    if name == "status_class":
        sheet.write_string(r, c, SHARES.get(value, str(value)), fmt.status[value])
    elif name in DATE_COLUMNS and (day := iso_date(value)) is not None:
        sheet.write_datetime(r, c, day, fmt.date)
    elif isinstance(value, int) and not isinstance(value, bool):
        sheet.write_number(r, c, value, fmt.plain)
    elif value is None or value == []:
        sheet.write_blank(r, c, None, fmt.wrapped if name in WRAPPED else fmt.plain)
    else:
        style = fmt.flag if name == "flags" else fmt.wrapped if name in WRAPPED else fmt.plain
        sheet.write_string(r, c, cell_text(name, value), style)


SUMMARY_HEADERS = ["机关", "通报数", "问题数", *(f"{label}占比" for label in SHARES.values())]


def _summary_sheet(sheet: Any, summary: list[OrganTally], fmt: _Formats) -> None:
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, len(SUMMARY_HEADERS) - 1, 12)
    sheet.freeze_panes(1, 1)
    _print_setup(sheet)
    for col, name in enumerate(SUMMARY_HEADERS):
        sheet.write_string(0, col, name, fmt.header)
    for r, tally in enumerate(summary, start=1):
        last = r == len(summary)
        text, percent = (fmt.total, fmt.total_percent) if last else (fmt.plain, fmt.percent)
        sheet.write_string(r, 0, tally.organ, text)
        sheet.write_number(r, 1, tally.notices, text)
        sheet.write_number(r, 2, tally.problems, text)
        for col, key in enumerate(SHARES, start=3):
            sheet.write_number(r, col, tally.share(key), percent)
    sheet.autofilter(0, 0, max(len(summary) - 1, 1), len(SUMMARY_HEADERS) - 1)


def _skipped_sheet(sheet: Any, skipped: list[dict[str, Any]], fmt: _Formats) -> None:
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 1, 60, fmt.wrapped)
    sheet.write_string(0, 0, "文件", fmt.header)
    sheet.write_string(0, 1, "未列入台账的原因", fmt.header)
    for r, item in enumerate(sorted(skipped, key=lambda s: str(s["path"])), start=1):
        sheet.write_string(r, 0, str(item["path"]), fmt.plain)
        sheet.write_string(r, 1, str(item["reason"]), fmt.wrapped)
