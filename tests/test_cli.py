"""The command line, run as a subprocess (contract: shared/spec/cli.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import noticelint
from noticelint.rules import REGISTRY

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"
COMPLIANT = REPO_ROOT / "tests" / "fixtures" / "compliant"
C01 = COMPLIANT / "c01_xuncha_basic.txt"
SEED_002 = CORPUS / "002_10fbd8575067efed.txt"

JSON_KEYS = {
    "path",
    "code",
    "name",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
}
CONCISE_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>NL\d{3}) "
    r"\[(?P<label>错误|警告|提示)\] (?P<message>.+)$"
)
LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(
    *args: str | Path, cwd: Path = REPO_ROOT, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m noticelint ARGS`` with ``stdin`` as raw bytes; output decoded as UTF-8."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def check_json(*args: str | Path, cwd: Path = REPO_ROOT) -> tuple[int, list[dict[str, Any]]]:
    proc = run("check", *args, "--output-format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def corpus_json() -> list[dict[str, Any]]:
    proc = run("check", "corpus", "--output-format", "json")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


# --- check: output formats -----------------------------------------------------------


def test_check_corpus_json_exits_1_with_sorted_array_of_contract_objects(
    corpus_json: list[dict[str, Any]],
) -> None:
    assert isinstance(corpus_json, list) and corpus_json
    for obj in corpus_json:
        assert set(obj) == JSON_KEYS
        assert re.fullmatch(r"NL\d{3}", obj["code"])
        assert obj["severity"] in {"error", "warning", "info"}
        assert CJK.search(obj["message"])
        assert obj["line"] >= 1 and obj["column"] >= 1
        assert obj["path"].startswith("corpus/")
    keys = [(o["path"], o["line"], o["column"], o["code"]) for o in corpus_json]
    assert keys == sorted(keys)
    assert {o["path"] for o in corpus_json} >= {"corpus/000_e23c9cdf383bc865.txt"}
    assert not any(o["path"].endswith("README.md") for o in corpus_json)


def test_check_corpus_jsonl_carries_the_same_objects(corpus_json: list[dict[str, Any]]) -> None:
    proc = run("check", "corpus", "--output-format", "jsonl")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert [json.loads(line) for line in lines] == corpus_json


def test_check_corpus_concise_lines_are_path_line_col_code_chinese_severity_message(
    corpus_json: list[dict[str, Any]],
) -> None:
    proc = run("check", "corpus", "--output-format", "concise")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    *findings, summary = lines
    assert len(findings) == len(corpus_json)
    for line, obj in zip(findings, corpus_json, strict=True):
        m = CONCISE_LINE.match(line)
        assert m, line
        assert m["path"] == obj["path"]
        assert (int(m["line"]), int(m["column"])) == (obj["line"], obj["column"])
        assert m["code"] == obj["code"] and m["label"] == LABEL[obj["severity"]]
        assert m["message"] == obj["message"]
    assert summary.startswith("检查了 5 个文件")


def test_check_full_output_shows_location_code_caret_and_chinese_summary(
    corpus_json: list[dict[str, Any]],
) -> None:
    proc = run("check", "corpus")  # full is the default format
    assert proc.returncode == 1
    out = proc.stdout
    first = corpus_json[0]
    assert f"{first['path']}:{first['line']}:{first['column']}: {first['code']}" in out
    assert any(re.fullmatch(r"\s*│\s*\^+\s*", line) for line in out.splitlines())
    summary = out.rstrip().splitlines()[-1]
    assert re.match(r"检查了 5 个文件，发现 \d+ 个问题", summary), summary


# --- check: rule selection and exit codes ----------------------------------------------


def test_check_select_prefix_only_reports_that_family(corpus_json: list[dict[str, Any]]) -> None:
    _, found = check_json("corpus", "--select", "NL2")
    assert found
    assert all(o["code"].startswith("NL2") for o in found)
    assert found == [o for o in corpus_json if o["code"].startswith("NL2")]


def test_check_ignore_comma_list_removes_those_codes(corpus_json: list[dict[str, Any]]) -> None:
    assert {"NL201", "NL302"} <= {o["code"] for o in corpus_json}
    _, found = check_json("corpus", "--ignore", "NL201,NL302")
    assert found == [o for o in corpus_json if o["code"] not in {"NL201", "NL302"}]


def test_check_fail_on_error_exits_0_when_only_warnings_are_found(
    corpus_json: list[dict[str, Any]],
) -> None:
    # Seed 002's only error is NL501 (一、 then 三、); without it only warnings remain.
    errors = [(o["path"][-24:], o["code"]) for o in corpus_json if o["severity"] == "error"]
    assert errors == [("002_10fbd8575067efed.txt", "NL501")]
    args = ("check", "corpus", "--ignore", "NL501", "--output-format", "json")
    proc = run(*args, "--fail-on", "error")
    assert proc.returncode == 0, proc.stderr
    expected = [o for o in corpus_json if o["code"] != "NL501"]
    assert json.loads(proc.stdout) == expected  # findings are still printed
    assert run(*args).returncode == 1  # the default --fail-on warning fails


def test_check_compliant_fixture_exits_0_even_with_fail_on_info() -> None:
    proc = run("check", C01, "--fail-on", "info", "--output-format", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_check_missing_path_exits_2() -> None:
    proc = run("check", "no/such/通报.txt")
    assert proc.returncode == 2
    assert "no/such/通报.txt" in proc.stderr


def test_check_bad_select_code_exits_2() -> None:
    proc = run("check", "corpus", "--select", "XX1")
    assert proc.returncode == 2
    assert "XX1" in proc.stderr


# --- check: discovery -----------------------------------------------------------------


def test_check_folder_is_walked_recursively_skipping_hidden_ignored_and_readme(
    tmp_path: Path,
) -> None:
    root = tmp_path / "notices"
    (root / "a" / "b").mkdir(parents=True)
    (root / ".x").mkdir()
    (root / "build").mkdir()
    shutil.copy(SEED_002, root / "a" / "b" / "deep.txt")
    shutil.copy(SEED_002, root / "top.md")
    shutil.copy(C01, root / "a" / "clean.txt")
    shutil.copy(SEED_002, root / ".x" / "hidden.txt")
    shutil.copy(SEED_002, root / "a" / "ignored.txt")
    shutil.copy(SEED_002, root / "build" / "out.txt")
    shutil.copy(SEED_002, root / "README.md")
    shutil.copy(SEED_002, root / "a" / "notes.rst")  # not a notice suffix
    (root / ".gitignore").write_text("a/ignored.txt\nbuild/\n", encoding="utf-8")

    _, found = check_json("notices", cwd=tmp_path)
    assert {o["path"] for o in found} == {"notices/a/b/deep.txt", "notices/top.md"}
    proc = run("check", "notices", "--output-format", "concise", cwd=tmp_path)
    # deep.txt, top.md and the clean a/clean.txt
    assert proc.stdout.splitlines()[-1].startswith("检查了 3 个文件")


def test_check_hidden_file_named_explicitly_is_checked(tmp_path: Path) -> None:
    (tmp_path / ".x").mkdir()
    shutil.copy(SEED_002, tmp_path / ".x" / "hidden.txt")
    _, found = check_json(".x/hidden.txt", cwd=tmp_path)
    assert {o["path"] for o in found} == {".x/hidden.txt"}


def test_check_stdin_uses_stdin_filename() -> None:
    data = SEED_002.read_bytes()
    named = run(
        "check", "-", "--stdin-filename", "draft.txt", "--output-format", "json", stdin=data
    )
    assert named.returncode == 1
    found = json.loads(named.stdout)
    assert found and {o["path"] for o in found} == {"draft.txt"}
    from_file = json.loads(run("check", SEED_002, "--output-format", "json").stdout)
    strip = [{k: v for k, v in o.items() if k != "path"} for o in from_file]
    assert [{k: v for k, v in o.items() if k != "path"} for o in found] == strip


def test_check_stdin_without_filename_reports_dash() -> None:
    proc = run("check", "-", "--output-format", "concise", stdin=SEED_002.read_bytes())
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("-:")


def test_check_unreadable_file_gives_nl001_and_other_files_are_still_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "bad.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    shutil.copy(SEED_002, tmp_path / "seed.txt")
    shutil.copy(C01, tmp_path / "clean.txt")
    proc = run("check", ".", "--output-format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    bad = [o for o in found if o["path"].endswith("bad.txt")]
    assert [(o["code"], o["line"], o["column"]) for o in bad] == [("NL001", 1, 1)]
    assert any(o["path"].endswith("seed.txt") for o in found)
    assert not any(o["path"].endswith("clean.txt") for o in found)
    assert "Traceback" not in proc.stderr


def test_check_unreadable_file_alone_exits_1() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    proc = run("check", "-", "--stdin-filename", "图片.txt", "--output-format", "json", stdin=png)
    assert proc.returncode == 1
    assert [(o["path"], o["code"]) for o in json.loads(proc.stdout)] == [("图片.txt", "NL001")]


# --- parse -------------------------------------------------------------------------------


def test_parse_json_has_the_contract_top_level_keys() -> None:
    proc = run("parse", C01, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {
        "path",
        "title",
        "opening",
        "sections",
        "closing",
        "disclosure",
        "contact",
        "signature",
    } <= set(data)
    assert data["title"]["text"] == "中共桐溪县财政局党组关于县委第二轮巡察整改进展情况的通报"
    assert [(s["number"], s["kind"]) for s in data["sections"]] == [
        (1, "leadership"),
        (2, "progress"),
        (3, "next_steps"),
    ]
    assert data["disclosure"]["start"] == "2024-09-02"
    assert data["signature"]["date"] == "2024-09-02"
    assert set(data["sections"][0]["span"]) == {"line", "column", "end_line", "end_column"}


def test_parse_tree_prints_the_headings() -> None:
    proc = run("parse", C01, "--format", "tree")
    assert proc.returncode == 0, proc.stderr
    for heading in (
        "中共桐溪县财政局党组关于县委第二轮巡察整改进展情况的通报",
        "一、 加强巡察整改组织领导情况",
        "二、 巡察反馈问题整改进展情况",
        "三、 下一步工作打算",
        "（二） 全面从严治党和党风廉政建设方面",
    ):
        assert heading in proc.stdout


def test_parse_missing_file_exits_2() -> None:
    assert run("parse", "no-such-file.txt").returncode == 2


# --- rule / version ------------------------------------------------------------------------


def test_rule_prints_the_documentation_with_its_sections() -> None:
    proc = run("rule", "NL201")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("# NL201 missing-disclosure-period")
    for section in (
        "## 检查什么 (What it does)",
        "## 为什么 (Why it matters)",
        "## 错误示例 (Bad)",
        "## 正确示例 (Good)",
    ):
        assert section in out
    assert "公开期限" in out


def test_rule_unknown_code_exits_2() -> None:
    assert run("rule", "NL999").returncode == 2


def test_rule_all_json_lists_every_registered_code() -> None:
    proc = run("rule", "--all", "--output-format", "json")
    assert proc.returncode == 0, proc.stderr
    rules = json.loads(proc.stdout)
    assert [r["code"] for r in rules] == sorted(REGISTRY)
    for r in rules:
        assert r["name"] == REGISTRY[r["code"]].name
        assert r["severity"] in {"error", "warning", "info"}
        assert CJK.search(r["summary"])


def test_version_prints_the_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"noticelint {noticelint.__version__}"
