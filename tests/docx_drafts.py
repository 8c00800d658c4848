"""A clerk's draft as a Word file, made with python-docx (shared by the docx-fixer and
the workbench tests).

Built from seed 002, as Word would hold it: the title set in bold 二号 runs split in
the middle of the repeated word (“党组党|组”: the NL103 fix spans two runs), a
half-width comma typed in a run of its own between bold runs, a progress line inside
a table cell, and paragraphs numbered by Word (the ``List Number`` style) whose
numbers are not text at all.
"""

from __future__ import annotations

import io
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = next(CORPUS.glob("002_*.txt"))

TITLE_RUNS = ("中共东港市教育局党组党", "组关于市委巡察整改")
COMMA_LINE = 14  # “…校服供应企业,6月26日…”: the half-width comma NL801 fixes
TABLE_LINE = 24  # “整改进展情况:整改完成…”: typed in a table cell
NUMBERED = "（1） 落实整改责任，建立问题清单。"  # Word numbers it; the space after is typed


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def draft_docx() -> bytes:
    import docx
    from docx.shared import Pt

    lines = seed_lines()
    document = docx.Document()
    title = document.add_paragraph()
    for text in TITLE_RUNS:
        run = title.add_run(text)
        run.bold = True
        run.font.size = Pt(22)
        run.font.name = "SimSun"
    for number, line in enumerate(lines[1:], start=2):
        if number == COMMA_LINE:
            before, after = line.split(",", 1)
            paragraph = document.add_paragraph()
            paragraph.add_run(before).bold = True
            comma = paragraph.add_run(",")
            comma.italic = True
            paragraph.add_run(after).bold = True
        elif number == TABLE_LINE:
            table = document.add_table(rows=1, cols=1)
            table.cell(0, 0).paragraphs[0].add_run(line).font.size = Pt(16)
        else:
            document.add_paragraph(line)
    document.add_paragraph(NUMBERED.split("）", 1)[1], style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def run_formats(data: bytes) -> list[tuple[bool | None, bool | None, float | None, str | None]]:
    """Bold, italic, size (pt) and font name of every run, tables included, in order."""
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [
        (r.bold, r.italic, r.font.size.pt if r.font.size else None, r.font.name)
        for p in paragraphs
        for r in p.runs
    ]
