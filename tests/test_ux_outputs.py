"""What a user reads from each output (issue 16, user-facing items): concise with the
Chinese severity, JUnit with one testcase per finding, the report CSV as a
spreadsheet opens it, ``full`` at 80 columns, page numbers for PDFs, empty files."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from rich.cells import cell_len

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"
SEED_002 = CORPUS / "002_10fbd8575067efed.txt"
SEED_004 = CORPUS / "004_c1a0f492ae13c4e0.txt"
COMPLIANT = REPO_ROOT / "tests" / "fixtures" / "compliant" / "c01_xuncha_basic.txt"


def run(
    *args: str | Path, cwd: Path = REPO_ROOT, stdin: bytes = b"", columns: int = 200
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def check_json(*args: str | Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(
        run("check", "--no-cache", "--output-format", "json", *args).stdout
    )
    return found


# --- concise ------------------------------------------------------------------------------


def test_concise_is_one_line_a_finding_with_the_chinese_severity() -> None:
    lines = run("check", "--no-cache", "--output-format", "concise", SEED_002).stdout.splitlines()
    expected = check_json(SEED_002)
    *findings, summary = lines
    assert len(findings) == len(expected)
    label = {"error": "错误", "warning": "警告", "info": "提示"}
    for line, d in zip(findings, expected, strict=True):
        head = f"{SEED_002}:{d['line']}:{d['column']}: {d['code']} [{label[d['severity']]}] "
        assert line == head + d["message"]
    assert summary.startswith("检查了 1 个文件")


# --- JUnit ------------------------------------------------------------------------------------


def test_junit_lists_every_finding_as_a_testcase_and_a_clean_file_as_one_passing_case(
    tmp_path: Path,
) -> None:
    shutil.copy(SEED_002, tmp_path / "有问题.txt")
    shutil.copy(COMPLIANT, tmp_path / "合规.txt")
    result = run("check", "--no-cache", "--output-format", "junit", ".", cwd=tmp_path)
    expected = check_json(tmp_path / "有问题.txt")
    assert len(expected) > 5
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert int(suite.get("tests", "")) == len(cases) == len(expected) + 1
    assert int(suite.get("failures", "")) == len(expected)
    failing = [c for c in cases if c.find("failure") is not None]
    assert [c.get("classname") for c in failing] == ["有问题.txt"] * len(expected)
    for case, d in zip(failing, expected, strict=True):
        assert case.get("name") == f"{d['code']} 有问题.txt:{d['line']}:{d['column']}"
        failure = case.find("failure")
        assert failure is not None and failure.get("message") == d["message"]
        assert failure.get("type") == d["code"]
    [passing] = [c for c in cases if c.find("failure") is None]
    assert passing.get("classname") == "合规.txt"


# --- the report CSV ---------------------------------------------------------------------


def test_report_csv_opens_in_a_spreadsheet_with_the_title_and_0_1_flags(tmp_path: Path) -> None:
    folder = tmp_path / "通报"
    folder.mkdir()
    shutil.copy(COMPLIANT, folder / "合规.txt")
    shutil.copy(CORPUS / "000_e23c9cdf383bc865.txt", folder / "无标题.txt")
    (folder / "公式.txt").write_text("@" + COMPLIANT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "损坏.txt").write_bytes(b"\x00\x01\x02" * 2000)
    out = tmp_path / "报告.csv"
    run("report", folder, "--csv", out, "--no-cache")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the Chinese
    rows = {Path(r["path"]).name: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert rows["合规.txt"]["title"] == COMPLIANT.read_text(encoding="utf-8").splitlines()[0]
    assert rows["合规.txt"]["has_title"] == "1" and rows["合规.txt"]["readable"] == "1"
    assert rows["无标题.txt"]["title"] == "" and rows["无标题.txt"]["has_title"] == "0"
    assert rows["损坏.txt"]["readable"] == "0"
    assert rows["公式.txt"]["title"].startswith("'@中共桐溪县")  # shown as text, not run
    flags = [k for k in rows["合规.txt"] if k == "readable" or k.startswith("has_")]
    assert len(flags) == 10
    for row in rows.values():
        assert {row[k] for k in flags} <= {"0", "1"}, row


# --- a half-width mark is reported once (NL801 owns it; NL804 only when NL801 is off) ---------


def test_each_half_width_comma_is_reported_and_counted_as_fixable_once() -> None:
    found = check_json(SEED_002)
    assert [d["code"] for d in found].count("NL801") == 9
    assert "NL804" not in {d["code"] for d in found}
    places = [(e["line"], e["column"]) for d in found if d["fix"] for e in d["fix"]["edits"]]
    assert len(places) == len(set(places))  # no mark is fixed by two findings
    fixable = sum(1 for d in found if d["fix"])
    summary = run("check", "--no-cache", SEED_002).stdout.splitlines()[-1]
    assert f"其中 {fixable} 个可自动修复" in summary
    # With NL801 off, the once-per-file NL804 still tells the office that widths are mixed.
    without = check_json("--ignore", "NL801", SEED_002)
    [mixed] = [d for d in without if d["code"] == "NL804"]
    assert "逗号全角“，”218处、半角6处" in mixed["message"]


# --- after --fix: what --unsafe-fixes would still do ------------------------------------------


def test_fix_says_how_many_remaining_findings_need_unsafe_fixes(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    shutil.copy(SEED_002, draft)
    result = run("check", "--no-cache", "--fix", draft)
    left = check_json(draft)
    unsafe = [d for d in left if d["fix"] and d["fix"]["applicability"] == "unsafe"]
    assert unsafe and all(d["fix"]["applicability"] == "unsafe" for d in left if d["fix"])
    assert f"{len(unsafe)} 个问题可用 --unsafe-fixes 修复" in result.stderr
    again = run("check", "--no-cache", "--fix", "--unsafe-fixes", draft)
    assert "--unsafe-fixes 修复" not in again.stderr
    assert not [d for d in check_json(draft) if d["fix"]]


# --- an empty file --------------------------------------------------------------------------


def _empty_docx() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def test_an_empty_file_says_it_is_empty_not_that_it_is_not_a_notice(tmp_path: Path) -> None:
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "空白.txt").write_bytes("\ufeff  \n\n\t\u3000\r\n".encode())
    (tmp_path / "空.docx").write_bytes(_empty_docx())
    for name in ("空.txt", "空白.txt", "空.docx"):
        [only] = check_json(tmp_path / name)
        assert (only["code"], only["severity"], only["line"]) == ("NL002", "error", 1), name
        assert only["message"] == "文件为空：没有可检查的文字 (empty file)", name
    for stdin in (b"", b"  \n"):
        result = run("check", "--no-cache", "--output-format", "concise", "-", stdin=stdin)
        assert result.returncode == 1
        first, summary = result.stdout.splitlines()
        assert summary.startswith("检查了 1 个文件")
        assert first == "-:1:1: NL002 [错误] 文件为空：没有可检查的文字 (empty file)"
    notice = run("check", "--no-cache", "--output-format", "concise", SEED_002).stdout
    assert "文件为空" not in notice


# --- full output at 80 columns ----------------------------------------------------------------


def _blocks(out: str) -> list[list[str]]:
    """The findings of ``full`` output: blocks of lines separated by a blank line."""
    blocks, current = [], []
    for line in out.splitlines():
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks  # the summary (the last block) is left out


def _under_carets(excerpt: str, carets: str) -> str:
    """The characters of ``excerpt`` whose cells lie under the ``^`` of ``carets``."""
    first, last = carets.index("^"), carets.rindex("^")
    out, cell = [], 0
    for ch in excerpt:
        if first <= cell <= last:
            out.append(ch)
        cell += cell_len(ch)
    return "".join(out)


def _assert_fits_and_points(path: Path, columns: int = 80) -> int:
    """Every line of ``full`` output fits ``columns`` cells (a path is never cut, so
    the file is named relative to its folder), and the carets of each finding stand
    under the text of its span. Returns how many excerpts were cut."""
    result = run("check", "--no-cache", path.name, cwd=path.parent, columns=columns)
    found = check_json(path)
    source = path.read_text(encoding="utf-8").split("\n")
    for line in result.stdout.splitlines():
        assert cell_len(line) <= columns, line
    blocks = _blocks(result.stdout)
    assert len(blocks) == len(found)
    cut = 0
    for block, d in zip(blocks, found, strict=True):
        assert block[0].startswith(f"{path.name}:{d['line']}:{d['column']}: {d['code']} [")
        [at] = [i for i, line in enumerate(block) if line.startswith(f"{d['line']:>5} │ ")]
        excerpt, carets = block[at][8:], block[at + 1][8:]
        assert block[at + 1].startswith("      │ ")
        text = source[d["line"] - 1]
        end = d["end_column"] - 1 if d["end_line"] == d["line"] else len(text)
        span = text[d["column"] - 1 : end] or text[d["column"] - 1 : d["column"]]
        under = _under_carets(excerpt, carets)
        assert under and span.startswith(under.rstrip("…")), (d, excerpt, carets)
        cut += "…" in excerpt
    return cut


def test_full_output_fits_80_columns_on_a_6400_character_line() -> None:
    assert _assert_fits_and_points(SEED_004) >= 10


def test_full_output_fits_80_columns_with_a_finding_at_the_end_of_a_long_chinese_line(
    tmp_path: Path,
) -> None:
    text = COMPLIANT.read_text(encoding="utf-8").split("\n")
    long = max(range(len(text)), key=lambda i: len(text[i]))
    assert len(text[long]) > 100
    text[long] = text[long][:-4] + "," + text[long][-3:]  # a half-width comma near its end
    path = tmp_path / "长段落.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    assert _assert_fits_and_points(path) >= 1
    out = run("check", "--no-cache", path.name, cwd=tmp_path, columns=80).stdout
    [excerpt] = [ln for ln in out.splitlines() if ln.startswith(f"{long + 1:>5} │ …")]
    assert excerpt.endswith(text[long][-8:])  # the end of the line is shown, cut at the start
