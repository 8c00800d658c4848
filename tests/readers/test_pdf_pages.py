"""A finding in a PDF names the page and the printed line on it (第3页第12行), as a
finding in a Word file names its paragraph; JSON keeps the line and column of the
extracted text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from readers_fixtures import REPO, pdf_file

from noticelint.read import read_bytes

COMPLIANT = REPO / "tests" / "fixtures" / "compliant" / "c01_xuncha_basic.txt"


def _printed_lines(data: bytes) -> list[list[str]]:
    """Each page's printed lines as PDFium reads them, top to bottom."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for page in pdf:
            text = page.get_textpage().get_text_range()
            pages.append([ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()])
        return pages
    finally:
        pdf.close()


def _check_json(path: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--no-cache", "--output-format=json", path],
        capture_output=True,
        env=env,
        timeout=120,
    )
    found: list[dict[str, object]] = json.loads(proc.stdout.decode("utf-8"))
    return found


def test_a_finding_on_page_three_says_so(tmp_path: Path) -> None:
    text = COMPLIANT.read_text(encoding="utf-8")
    last = text.rindex("整改")  # a half-width comma near the end: the last page
    text = text[:last] + "整改,抓好" + text[last + 2 :]
    data = pdf_file(text, size=16.0)
    pages = _printed_lines(data)
    assert len(pages) >= 3
    [(page, row)] = [
        (p, r) for p, lines in enumerate(pages, 1) for r, ln in enumerate(lines, 1) if "," in ln
    ]
    assert page >= 3
    path = tmp_path / "通报.pdf"
    path.write_bytes(data)
    [comma] = [d for d in _check_json(path) if d["code"] == "NL801"]
    assert f"（第{page}页第{row}行）" in str(comma["message"])
    # line and column are those of the extracted text, as for every other medium
    extracted = read_bytes(data, "通报.pdf").text.split("\n")
    line, column = comma["line"], comma["column"]
    assert isinstance(line, int) and isinstance(column, int)
    assert extracted[line - 1][column - 1] == ","


def test_a_message_that_names_lines_names_pages_in_a_pdf(tmp_path: Path) -> None:
    text = COMPLIANT.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines.insert(len(lines) // 2, "| | |")  # scrape residue: NL003 names its line
    data = pdf_file("\n".join(lines), size=16.0)
    path = tmp_path / "通报.pdf"
    path.write_bytes(data)
    [residue] = [d for d in _check_json(path) if d["code"] == "NL003"]
    message = str(residue["message"])
    assert "页第" in message and "（第" in message, message
    assert f"第{residue['line']}行" not in message
