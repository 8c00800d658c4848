"""A large report's page keeps the drill-downs beside it: ``report.html`` holds the
tables, charts and one summary row per file; each file's text and diagnostics are in
``report.files/shard-NNNNN.js``, loaded with ``<script src>`` when a drill-down of
theirs opens (this works from ``file://`` under the page's CSP; Chromium proves it).

The corpus is the real notices and the compliant fixtures, cycled to 300 files (more
than ``EMBED_LIMIT``), and checked by ``noticelint report`` itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from notice_support import COMPLIANT_DIR, CORPUS_DIR
from noticelint.report.html import unpack
from noticelint.report.outputs import EMBED_LIMIT, SHARD_SIZE, write_html

SEEDS = sorted(CORPUS_DIR.glob("*.txt")) + sorted(COMPLIANT_DIR.glob("*.txt"))
COUNT = 300
ISLAND = re.compile(r'<script type="application/json" id="files">(.*?)</script>', re.S)
CHROMIUM = "/usr/bin/chromium"


def _corpus(folder: Path, count: int) -> list[Path]:
    """``count`` notices named ``n0000_<seed>.txt``…, the seeds cycled."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"n{i:04d}_{seed.stem[:12]}.txt"
        shutil.copyfile(seed, path)
        paths.append(path)
    return paths


def _report(corpus: Path, page: Path, *extra: str) -> dict[str, Any]:
    """Run ``noticelint report`` as a user does; the JSON report it wrote beside."""
    out = page.with_suffix(".json")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "noticelint", "report", str(corpus), "--html", str(page)),
            *("--json", str(out), "--no-cache", "--jobs", "1", *extra),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return report


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("big")
    _corpus(root / "通报", COUNT)
    page = root / "out" / "report.html"
    page.parent.mkdir()
    return page, _report(root / "通报", page)


def _island(page: Path) -> list[dict[str, Any]]:
    match = ISLAND.search(page.read_text("utf-8"))
    assert match
    rows: list[dict[str, Any]] = json.loads(match.group(1))
    return rows


def _shard(folder: Path, index: int) -> list[str]:
    body = (folder / f"shard-{index:05d}.js").read_text("ascii")
    match = re.fullmatch(rf"noticelintShard\({index},(\[.*\])\);\n", body, re.S)
    assert match, body[:200]
    packed: list[str] = json.loads(match.group(1))
    return packed


def test_the_page_keeps_summary_rows_and_the_texts_go_to_shards(
    big: tuple[Path, dict[str, Any]],
) -> None:
    page, report = big
    folder = page.with_name("report.files")
    assert COUNT > EMBED_LIMIT
    rows = _island(page)
    assert len(rows) == COUNT
    assert all("z" not in row and "text" not in row for row in rows)
    # small: a summary row is well under a kilobyte and a half; no notice text in the page
    island = len(ISLAND.search(page.read_text("utf-8")).group(1).encode())  # type: ignore[union-attr]
    assert island / COUNT < 1024
    first = SEEDS[0].read_text("utf-8").split("\n")
    sentence = next(line for line in first if len(line) > 30)[:30]
    assert sentence not in page.read_text("utf-8")
    shards = sorted(p.name for p in folder.iterdir())
    assert shards == [f"shard-{i:05d}.js" for i in range(-(-COUNT // SHARD_SIZE))]
    # every row says where its drill-down is, and the shard holds that file's text and findings
    per_file = {f["path"]: f for f in report["per_file"]}
    for i, row in enumerate(rows):
        assert row["s"] == [i // SHARD_SIZE, i % SHARD_SIZE]
    for i in (0, 149, COUNT - 1):
        row = rows[i]
        detail = unpack(_shard(folder, row["s"][0])[row["s"][1]])
        seed = SEEDS[int(Path(row["path"]).name[1:5]) % len(SEEDS)]
        assert detail["text"].strip() == seed.read_text("utf-8").strip()
        codes = sorted(d[0] for d in detail["diagnostics"])
        assert codes == sorted(d["code"] for d in per_file[row["path"]]["diagnostics"])
    # the page's CSP lets its own hashed script run and scripts from its own folder, nothing else
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page.read_text())
    assert csp and "script-src 'sha256-" in csp.group(1) and "'self'" in csp.group(1)
    assert "default-src 'none'" in csp.group(1) and "http" not in csp.group(1)
    assert re.findall(r"<script(?: [^>]*)?>", page.read_text()).count("<script>") == 1


def test_a_new_run_replaces_the_old_sidecar_and_a_failed_run_keeps_it(
    tmp_path: Path, big: tuple[Path, dict[str, Any]]
) -> None:
    page = tmp_path / "报告.html"
    folder = tmp_path / "报告.files"
    corpus = tmp_path / "c"
    _corpus(corpus, EMBED_LIMIT + 1)
    shards = [f"shard-{i:05d}.js" for i in range(-(-(EMBED_LIMIT + 1) // SHARD_SIZE))]
    _report(corpus, page)
    assert sorted(p.name for p in folder.iterdir()) == shards
    (folder / "shard-00099.js").write_text("noticelintShard(99,[]);\n")  # as a bigger run left it
    _report(corpus, page)
    assert sorted(p.name for p in folder.iterdir()) == shards
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "c",
        "报告.files",
        "报告.html",
        "报告.json",
    ]

    # an interrupted run (the files' iterator fails half-way) leaves the previous page and folder
    before = page.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}
    header = json.loads(page.with_suffix(".json").read_text("utf-8"))
    files = header.pop("per_file")

    def failing() -> Iterator[dict[str, Any]]:
        for i, f in enumerate(files):
            if i == EMBED_LIMIT // 2:
                raise OSError(28, "No space left on device")
            yield {**f, "text": "正文"}

    with pytest.raises(OSError):
        write_html(page, header, failing())
    assert (page.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "c",
        "报告.files",
        "报告.html",
        "报告.json",
    ]

    # a small corpus embeds its drill-downs again, and the stale shards go
    small = tmp_path / "small"
    _corpus(small, 3)
    _report(small, page)
    assert not folder.exists()
    assert all("z" in row and "s" not in row for row in _island(page))


def test_chromium_filters_and_opens_a_drill_down_from_a_shard(
    big: tuple[Path, dict[str, Any]],
) -> None:
    """From file://, as an analyst opens it: filter the list, open a file of a late shard,
    see its text with the findings' marks; only that shard was loaded."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: scripts/test.sh installs it")
    from playwright.sync_api import sync_playwright

    page_path, report = big
    index = 287  # shard 5
    target = next(
        f for f in report["per_file"] if Path(f["path"]).name.startswith(f"n{index:04d}_")
    )
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(locale="zh-CN")
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on(
                "console",
                lambda m: errors.append(m.text) if m.type == "error" else None,
            )
            page.goto(page_path.as_uri())
            page.wait_for_selector("#files-table tbody tr")
            assert page.locator("#files-table tbody tr").count() == 100  # first page of rows
            assert page.locator('script[src*="shard-"]').count() == 0
            page.fill("#file-q", f"n{index:04d}_")
            page.wait_for_function(
                "document.querySelectorAll('#files-table tbody tr').length === 1"
            )
            page.locator("#files-table tbody a").first.click()
            page.wait_for_selector("#detail-text mark")
            shards = page.eval_on_selector_all(
                'script[src*="shard-"]', "els => els.map(e => e.getAttribute('src'))"
            )
            assert shards == ["report.files/shard-00005.js"]
            titles = page.eval_on_selector_all(
                "#detail-text mark", "els => els.map(e => e.title).join(' ')"
            )
            assert all(d["code"] in titles for d in target["diagnostics"])
            text = page.inner_text("#detail-text")
            assert text.split("\n")[0].strip() in SEEDS[index % len(SEEDS)].read_text("utf-8")
            assert page.locator("#diag-list li").count() == len(target["diagnostics"])
        finally:
            browser.close()
    assert not errors, errors


def test_a_failed_page_rename_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the page's own rename fails (after the folders were swapped), the
    previous page keeps its own shards."""
    page = tmp_path / "report.html"
    corpus = tmp_path / "c"
    _corpus(corpus, EMBED_LIMIT + 1)
    _report(corpus, page)
    folder = tmp_path / "report.files"
    before = page.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}
    header = json.loads(page.with_suffix(".json").read_text("utf-8"))
    files = [{**f, "text": "另一份正文"} for f in header.pop("per_file")]
    real_replace = os.replace

    def refuse_the_page(src: Any, dst: Any) -> None:
        if Path(dst) == page:
            raise OSError(30, "Read-only file system")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_the_page)
    with pytest.raises(OSError):
        write_html(page, header, iter(files))
    monkeypatch.undo()
    assert (page.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "c",
        "report.files",
        "report.html",
        "report.json",
    ]
