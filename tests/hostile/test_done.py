"""Issue 12's definition of done: a folder holding every hostile input plus ordinary
notices gives a complete report under a 3 GB address-space limit, in bounded time,
with every hostile file listed with its reason — with one process and with a pool."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bombs import (
    docx_numbering_bomb,
    html_deep_nesting,
    html_many_attributes,
    html_print_links,
    pdf_inflate_bombs,
    pdf_shared_dense_stream,
    quadratic_text_lines,
)
from hostile_files import build
from test_hostile_suite import UNREADABLE_FILES

ROOT = Path(__file__).resolve().parents[2]
ADDRESS_SPACE = 3_000_000_000

#: The second round's files that cannot be read, each with a word of its reason.
NEW_UNREADABLE = {
    **{name: "压缩炸弹" for name in pdf_inflate_bombs(1)},
    "shared-stream-pages.pdf": "各页",
    "attributes.html": "属性",
    "nesting.html": "嵌套",
}
#: Files that used to blow a budget and are now read (bounded) and checked.
NEW_READABLE = ["numbering-bomb.docx", "print-links.html", *quadratic_text_lines(1)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("done") / "corpus"
    build(folder)
    for name, data in pdf_inflate_bombs(1024).items():
        (folder / name).write_bytes(data)
    made = {
        "shared-stream-pages.pdf": pdf_shared_dense_stream(),
        "attributes.html": html_many_attributes(),
        "nesting.html": html_deep_nesting(),
        "numbering-bomb.docx": docx_numbering_bomb(),
        "print-links.html": html_print_links(),
        **quadratic_text_lines(40),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    ordinary = folder / "ordinary"
    ordinary.mkdir()
    for seed in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(seed, ordinary / seed.name)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    return folder


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_complete_report_under_a_3_gb_address_space(
    corpus: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "report", str(corpus), "--json", str(out),
         "--no-cache", "--jobs", jobs, "--timeout", "30"],
        cwd=ROOT,
        capture_output=True,
        timeout=900,  # bounded: the run used to hang for ever or die
        preexec_fn=_limited,
    )  # fmt: skip
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1), stderr
    assert "Traceback" not in stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    files = {Path(f["path"]).name: f for f in report["per_file"]}
    expected = {**UNREADABLE_FILES, **NEW_UNREADABLE}
    unreadable = {name: f["error"] for name, f in files.items() if not f["readable"]}
    assert set(unreadable) == set(expected), sorted(set(unreadable) ^ set(expected))
    for name, reason in expected.items():
        assert reason in unreadable[name], (name, unreadable[name])
    for name in NEW_READABLE:
        assert files[name]["readable"], (name, files[name]["error"])
    seeds = sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))
    assert all(files[name]["readable"] for name in seeds)
    assert "passwd.txt" not in files and not any("root:" in str(f) for f in files.values())
    assert not any(Path(f["path"]).is_relative_to("/etc") for f in report["per_file"])
    assert "passwd.txt" in stderr and "之外" in stderr  # skipped with its reason
