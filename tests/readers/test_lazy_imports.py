"""Checking a .txt never imports the code of the other formats (a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys

from readers_fixtures import SEEDS

HEAVY = ["docx", "lxml", "selectolax", "pypdfium2", "pypdfium2_raw", "reportlab"]
READERS = ["noticelint.read.docx", "noticelint.read.html", "noticelint.read.pdf"]

SCRIPT = """
import json, sys
from pathlib import Path
from noticelint.lint import check_path
from noticelint.settings import Settings
diagnostics = check_path(Path(sys.argv[1]), Settings(select=["ALL"]))
loaded = sorted({name.split(".")[0] for name in sys.modules} | {
    name for name in sys.modules if name.startswith("noticelint.read.")
})
print(json.dumps({"count": len(diagnostics), "modules": loaded}))
"""


def test_checking_a_txt_imports_no_format_reader() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEEDS[0])],
        capture_output=True,
        timeout=120,
        check=True,
    )
    result = json.loads(proc.stdout)
    assert result["count"] > 0
    modules = set(result["modules"])
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    assert not modules & set(READERS), sorted(modules & set(READERS))


READ_SCRIPT = SCRIPT.replace(
    "from noticelint.lint import check_path", "from noticelint.read import read_path"
).replace(
    'diagnostics = check_path(Path(sys.argv[1]), Settings(select=["ALL"]))',
    "diagnostics = read_path(Path(sys.argv[1])).text.splitlines()",
)


def test_each_reader_imports_only_its_own_engine(tmp_path) -> None:
    from readers_fixtures import docx_plain, html_page

    text = SEEDS[2].read_text(encoding="utf-8")
    cases = {"a.docx": docx_plain(text), "a.html": html_page(text)}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-c", READ_SCRIPT, str(path)],
            capture_output=True,
            timeout=120,
            check=True,
        )
        modules = set(json.loads(proc.stdout)["modules"])
        assert "pypdfium2" not in modules
        if name.endswith(".docx"):
            assert "selectolax" not in modules and "lxml" in modules
        else:
            assert "lxml" not in modules and "selectolax" in modules


def test_checking_a_docx_or_html_decodes_it_in_the_sandbox_not_here(tmp_path) -> None:
    """check_path hands native decoding to the sandbox process: no engine is loaded
    in the checking process itself (a native abort cannot take it down)."""
    from readers_fixtures import docx_plain, html_page

    text = SEEDS[2].read_text(encoding="utf-8")
    for name, data in {"a.docx": docx_plain(text), "a.html": html_page(text)}.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(path)], capture_output=True, timeout=120, check=True
        )
        result = json.loads(proc.stdout)
        assert result["count"] > 0
        assert not set(result["modules"]) & set(HEAVY)
