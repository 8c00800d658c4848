"""What reaches a terminal, a CI log, a spreadsheet or the disk (issue 12, classes
9, 10 and 11): control characters escaped, formulas neutralised, XML well-formed,
reports and cache entries written atomically, cache entries validated."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hostile_files import compliant

from noticelint.batch.job import Job, Options
from noticelint.batch.work import process
from noticelint.cache import ResultCache
from noticelint.diagnostics import Diagnostic
from noticelint.output.ci import render_github, render_junit
from noticelint.output.escape import csv_cell, escape_controls
from noticelint.output.machine import render_concise
from noticelint.report.outputs import atomic_output, write_csv
from noticelint.settings import Settings

ESC_NAME = "evil\x1b]52;c;cm0gLXJm\x07\x1b[2J\x0c.txt"  # OSC 52 clipboard, clear screen, FF


def _diagnostic(path: str, message: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        code="NL803",
        name="stray-whitespace",
        severity="info",
        message=message,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
    )


def test_escape_controls_shows_each_control_character() -> None:
    assert escape_controls("a\x1b[2Jb\x07\u202e") == "a\\x1b[2Jb\\x07\\u202e"
    assert escape_controls("关于整改") == "关于整改"


def test_concise_and_github_output_carry_no_raw_control_character() -> None:
    d = _diagnostic(ESC_NAME, "中文之间有多余的空格：“整\x1b]0;pwned\x07 改”")
    for out in (render_concise([d]), render_github([d])):
        assert "\x1b" not in out and "\x07" not in out and "\x0c" not in out
        assert "\\x1b" in out


def test_full_output_escapes_names_and_notice_text(tmp_path: Path) -> None:
    path = tmp_path / ESC_NAME
    path.write_text("关于整改\x1b]52;c;cm0gLXJm\x07情况 的通报\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--no-cache", str(path)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert b"\x1b" not in proc.stdout and b"\x07" not in proc.stdout
    assert b"\\x1b" in proc.stdout


def test_junit_is_well_formed_with_characters_xml_forbids() -> None:
    d = _diagnostic("form\x0cfeed.txt", "含有换页符\x0c和\x00空字符")
    xml = render_junit([d], ["form\x0cfeed.txt", "ok.txt", "bad-\udcff.txt"])
    root = ElementTree.fromstring(xml)  # raises on a forbidden character
    files = [case.get("classname") for case in root.iter("testcase")]
    assert files == ["form\\x0cfeed.txt", "ok.txt", "bad-\\udcff.txt"]


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_text(cell: str) -> None:
    assert str(csv_cell(cell)).startswith("'")
    out = io.StringIO()
    summary = {"path": cell, "errors": 0, "warnings": 0, "infos": 0, "score": 100.0}
    write_csv([{"summary": summary}], out)
    (row,) = list(csv.reader(io.StringIO(out.getvalue())))[1:]
    assert row[0].startswith("'")
    assert csv_cell(3) == 3 and csv_cell("关于") == "关于"


# --- atomic reports ----------------------------------------------------------------------


def test_a_failed_report_write_keeps_the_previous_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text('{"previous": true}', encoding="utf-8")
    with pytest.raises(OSError), atomic_output(out) as fh:
        fh.write('{"partial": ')
        raise OSError(28, "No space left on device")
    assert out.read_text(encoding="utf-8") == '{"previous": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    with atomic_output(out) as fh:
        fh.write("{}")
    assert out.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


# --- the cache -----------------------------------------------------------------------------


def _cached_run(tmp_path: Path, poison: object) -> dict[str, Any]:
    """Process a notice with 40-odd findings, replace its cache entry with ``poison``,
    and process it again."""
    path = tmp_path / "notice.txt"
    path.write_text(compliant().replace("，", ",").replace("：", ":"), encoding="utf-8")
    cache_dir = tmp_path / "cache"
    job = Job(str(path), Settings())
    options = Options(cache_dir=str(cache_dir), include_text=False)
    first = process(job, options)
    (entry,) = [p for p in cache_dir.rglob("*.json.z")]
    entry.write_bytes(zlib.compress(json.dumps(poison).encode()))
    second = process(job, options)
    assert first.summary is not None and second.summary is not None
    assert second.summary["diagnostics"] == first.summary["diagnostics"]
    return second.summary


@pytest.mark.parametrize(
    "poison",
    [
        {"summary": {}},
        {"summary": []},
        [1, 2, 3],
        "text",
        {"summary": {"path": "x", "diagnostics": "nope"}},
        {"text": None},
    ],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path: Path, poison: object) -> None:
    second = _cached_run(tmp_path, poison)
    assert second["errors"] + second["warnings"] > 0


def test_a_cache_entry_whose_counts_disagree_with_its_diagnostics_is_a_miss(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.txt"
    path.write_text("x", encoding="utf-8")
    cache = ResultCache(tmp_path / "c")
    result = process(Job(str(path), Settings()),
                     Options(cache_dir=None, include_text=False))  # fmt: skip
    good = {"summary": result.summary, "text": None}
    cache.put("ab" * 32, good)
    assert cache.get("ab" * 32) is not None
    forged = {**good, "summary": {**good["summary"], "errors": 0, "warnings": 0, "infos": 0}}
    cache.put("cd" * 32, forged)
    assert cache.get("cd" * 32) is None


def test_a_cache_write_on_a_full_disk_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path / "c")

    def full(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    cache.put("ef" * 32, {"summary": {}, "text": None})
    leftovers = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert leftovers == []
