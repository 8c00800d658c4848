"""What a user reads from each output (issue 16, user-facing items): concise with the
Chinese severity, JUnit with one testcase per finding, the report CSV as a
spreadsheet opens it, ``full`` at 80 columns, page numbers for PDFs, empty files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

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
