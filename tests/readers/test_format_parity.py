"""Parity: a notice gives the same structure and the same findings whether it is
read as text, as a Word file (typed or auto-numbered), as a saved web page (UTF-8 or
GBK) or as a PDF.

Only the rules about the medium itself may differ: NL003 (scrape residue such as the
发布日期 line or 【打印本页】, which the web reader leaves out as page furniture),
NL004 (a flattened line: PDF layout can split one) and the NL8xx typography family
(white space that the text file has and a page or PDF cannot keep: runs of spaces,
trailing spaces).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from readers_fixtures import SEEDS, docx_numbered, docx_plain, html_page, pdf_file

from noticelint.lint import check_document
from noticelint.model import Notice
from noticelint.read import Document, read_bytes
from noticelint.settings import Settings

MEDIUM_CODES = ("NL003", "NL004", "NL8")


def facts(notice: Notice) -> dict[str, Any]:
    progress = notice.progress_sections()
    leaves = [p for s in progress for p in s.leaf_problems()]
    disclosure: tuple[dt.date | None, dt.date | None] | None = None
    if notice.disclosure is not None:
        disclosure = (notice.disclosure.start, notice.disclosure.end)
    return {
        "title": notice.title.text if notice.title else None,
        "sections": [(s.number, s.kind) for s in notice.sections],
        "areas": sum(len(s.areas) for s in progress),
        "leaf problems": len(leaves),
        "statuses": sum(1 for p in leaves if p.status is not None),
        "disclosure": disclosure,
        "phones": notice.contact.phones if notice.contact else None,
        "signature": (notice.signature.organ, notice.signature.date) if notice.signature else None,
    }


def lint(document: Document) -> tuple[dict[str, Any], set[str]]:
    parsed, diagnostics = check_document(document, Settings(select=["ALL"]))
    return facts(parsed.notice), {d.code for d in diagnostics}


Maker = Callable[[str, int], tuple[bytes, str]]

FORMATS: dict[str, Maker] = {
    "docx": lambda text, i: (docx_plain(text), ".docx"),
    "docx-autonumber": lambda text, i: (docx_numbered(text)[0], ".docx"),
    "html": lambda text, i: (html_page(text, i), ".html"),
    "html-gbk": lambda text, i: (html_page(text, i + 1, encoding="gbk"), ".htm"),
    "pdf": lambda text, i: (pdf_file(text, page_style=i), ".pdf"),
}


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_same_structure_and_findings_in_every_format(seed: Path, fmt: str, tmp_path) -> None:
    text = seed.read_text(encoding="utf-8")
    index = SEEDS.index(seed)
    want_facts, want_codes = lint(Document(path=seed.name, text=text))
    data, suffix = FORMATS[fmt](text, index)
    path = tmp_path / (seed.stem + suffix)
    path.write_bytes(data)
    document = read_bytes(path.read_bytes(), str(path))
    got_facts, got_codes = lint(document)
    assert got_facts == want_facts
    differ = {c for c in want_codes ^ got_codes if not c.startswith(MEDIUM_CODES)}
    assert not differ, f"{fmt}: codes differ beyond the medium rules: {sorted(differ)}"


def test_parity_facts_are_not_trivial() -> None:
    """The facts compared above describe real structure (guards the comparison)."""
    notice_facts, codes = lint(Document(path="000.txt", text=SEEDS[0].read_text("utf-8")))
    assert notice_facts["areas"] == 4 and notice_facts["leaf problems"] == 38
    assert codes


def test_cli_gives_the_same_findings_for_every_format(tmp_path: Path) -> None:
    """``noticelint check`` on the Word (auto-numbered), web and PDF forms of a notice."""
    import json
    import os
    import subprocess
    import sys

    text = SEEDS[0].read_text(encoding="utf-8")
    files = {
        "notice.txt": text.encode("utf-8"),
        "notice.docx": docx_numbered(text)[0],
        "notice.html": html_page(text, 2),
        "notice.pdf": pdf_file(text),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--output-format", "json", "--no-cache"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr.decode("utf-8")
    codes: dict[str, set[str]] = {name: set() for name in files}
    for d in json.loads(proc.stdout.decode("utf-8")):
        codes[Path(d["path"]).name].add(d["code"])
    want = {c for c in codes["notice.txt"] if not c.startswith(MEDIUM_CODES)}
    assert want
    for name in files:
        assert {c for c in codes[name] if not c.startswith(MEDIUM_CODES)} == want, name
