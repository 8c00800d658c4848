"""What a new user trips over (issue 16): each item as the user meets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from noticelint.rules import REGISTRY

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_002 = REPO_ROOT / "corpus" / "002_10fbd8575067efed.txt"


def run(*args: str | Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_check_without_paths_checks_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "草稿").mkdir()
    shutil.copy(SEED_002, tmp_path / "草稿" / "通报.txt")
    result = run("check", "--output-format", "concise", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "草稿/通报.txt:" in result.stdout


def test_check_without_paths_in_an_empty_folder_says_nothing_was_found(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "没有找到" in result.stderr
    assert result.stderr.endswith("\n")


def test_rule_list_prints_one_line_per_rule() -> None:
    result = run("rule", "--list")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(REGISTRY) + 1  # a header, then one line each
    by_code = {line.split()[0]: line for line in lines[1:]}
    assert sorted(by_code) == sorted(REGISTRY)
    assert "missing-disclosure-period" in by_code["NL201"]
    assert "警告" in by_code["NL201"]
    assert "可修复" in by_code["NL801"]


def test_report_without_outputs_says_it_wrote_nothing() -> None:
    result = run("report", SEED_002, "--no-cache")
    assert result.returncode == 1
    assert "未写入报告文件" in result.stderr
    assert "--html" in result.stderr


def test_parse_tree_never_prints_python_none() -> None:
    # seed 002 declares no counts and has no postcode
    result = run("parse", SEED_002)
    assert result.returncode == 0
    assert "None" not in result.stdout
    assert "未写明问题数" in result.stdout
    assert "邮编 无" in result.stdout


def test_word_sources_name_the_paragraph_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SEED_002.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "通报.docx"
    document.save(str(path))
    result = run("check", path, "--output-format", "concise", "--no-cache", "--select", "NL003")
    [line] = [x for x in result.stdout.splitlines() if "NL003" in x]
    assert line.count("第20段") == 1, line
    assert "行" not in line.split("NL003", 1)[1]


def test_unsafe_fixes_alone_writes_nothing(tmp_path: Path) -> None:
    # as in ruff: --unsafe-fixes widens --fix/--diff, it does not imply --fix
    draft = tmp_path / "草稿.txt"
    draft.write_bytes(SEED_002.read_bytes())
    result = run("check", draft, "--unsafe-fixes", "--output-format", "concise", "--no-cache")
    assert result.returncode == 1
    assert draft.read_bytes() == SEED_002.read_bytes()
    fixed = run("check", draft, "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert fixed.returncode in (0, 1)
    assert draft.read_bytes() != SEED_002.read_bytes()
