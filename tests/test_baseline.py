"""The baseline: `check --write-baseline` records today's findings, `check --baseline`
shows only new ones — however many lines are inserted or deleted elsewhere."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder of real notices (all with findings) and a baseline of them."""
    folder = tmp_path / "notices"
    folder.mkdir()
    for p in CORPUS:
        shutil.copy(p, folder / p.name)
    result = run("check", "notices", "--write-baseline", ".noticelint-baseline.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def _edit(path: Path, edit: object) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    edit(lines)  # type: ignore[operator]
    path.write_text("\n".join(lines), encoding="utf-8")


def _new(repo: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    result = run(
        "check", "notices", "--baseline", ".noticelint-baseline.json",
        "--output-format", "json", *extra, cwd=repo,
    )  # fmt: skip
    return result.returncode, json.loads(result.stdout)


def test_a_baselined_corpus_reports_nothing(repo: Path) -> None:
    assert run("check", "notices", cwd=repo).returncode == 1  # the findings are real
    code, found = _new(repo)
    assert (code, found) == (0, [])


def test_inserted_and_deleted_lines_never_resurface_a_finding(repo: Path) -> None:
    target = repo / "notices" / CORPUS[3].name  # paragraphs separated by blank lines

    def shift(lines: list[str]) -> None:
        measure = next(i for i, line in enumerate(lines) if "三是规范职业教育实训工作" in line)
        assert not lines[measure + 1].strip()
        del lines[measure : measure + 2]  # a last measure (三是…) and its blank line deleted
        lines[10:10] = ["  此段为后来补充的说明", ""]  # a paragraph inserted near the top

    before = json.loads(run("check", str(target), "--output-format", "json", cwd=repo).stdout)
    _edit(target, shift)
    after = json.loads(run("check", str(target), "--output-format", "json", cwd=repo).stdout)
    assert len(after) == len(before)
    assert [d["line"] for d in after] != [d["line"] for d in before], "the lines did move"
    code, found = _new(repo)
    assert found == [] and code == 0


def test_exactly_an_injected_defect_is_reported(repo: Path) -> None:
    target = repo / "notices" / CORPUS[1].name

    def inject(lines: list[str]) -> None:
        lines.insert(0, "")
        row = next(i for i, line in enumerate(lines) if i > 25 and "一是" in line)
        lines[row] = lines[row].replace("一是", "一是是", 1)

    _edit(target, inject)
    code, found = _new(repo)
    assert code == 1
    assert [(d["path"], d["code"]) for d in found] == [(f"notices/{target.name}", "NL103")]
    assert "一是是" in str(found[0]["message"])


def test_a_second_identical_finding_is_new(repo: Path) -> None:
    """Duplicates are told apart by their occurrence: one more of the same is new."""
    target = repo / "notices" / CORPUS[1].name
    text = target.read_text(encoding="utf-8")
    assert text.count("四是是") == 1
    target.write_text(text + "\n四是是补充一段。\n", encoding="utf-8")
    code, found = _new(repo, "--select", "NL103")
    assert [d["code"] for d in found] == ["NL103"] and code == 1


def test_the_file_is_sorted_stable_and_drops_fixed_findings(repo: Path) -> None:
    baseline = repo / ".noticelint-baseline.json"
    first = baseline.read_bytes()
    data = json.loads(first)
    entries = data["findings"]
    keys = [(e["path"], e["code"], e["fingerprint"], e["occurrence"]) for e in entries]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all("line" not in e for e in entries)
    assert (
        first.decode("utf-8")
        == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
    run("check", "notices", "--write-baseline", baseline.name, cwd=repo)
    assert baseline.read_bytes() == first, "rewriting an unchanged corpus changes nothing"
    target = repo / "notices" / CORPUS[1].name
    target.write_text(
        target.read_text(encoding="utf-8").replace("四是是", "四是"), encoding="utf-8"
    )
    run("check", "notices", "--write-baseline", baseline.name, cwd=repo)
    after = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert len(after) == len(entries) - 1
    assert (
        sum(e["code"] == "NL103" for e in after) == sum(e["code"] == "NL103" for e in entries) - 1
    )


def test_writing_for_some_files_keeps_the_others(repo: Path) -> None:
    baseline = repo / ".noticelint-baseline.json"
    total = len(json.loads(baseline.read_text(encoding="utf-8"))["findings"])
    one = f"notices/{CORPUS[0].name}"
    assert run("check", one, "--write-baseline", baseline.name, cwd=repo).returncode == 0
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == total
    # pre-commit passes the changed files only, with the hook's args in front
    result = run("check", "--baseline", baseline.name, one, "--output-format", "concise", cwd=repo)
    assert result.returncode == 0, result.stdout


def test_report_shows_new_and_baselined_counts_apart(repo: Path) -> None:
    target = repo / "notices" / CORPUS[1].name
    target.write_text(
        target.read_text(encoding="utf-8").replace("一是", "一是是", 1), encoding="utf-8"
    )
    out = repo / "r.json"
    result = run(
        "report", "notices", "--baseline", ".noticelint-baseline.json", "--json", str(out),
        "--no-cache", cwd=repo,
    )  # fmt: skip
    assert result.returncode == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    total = len(json.loads((repo / ".noticelint-baseline.json").read_text())["findings"])
    assert report["warnings"] + report["errors"] + report["infos"] == 1
    assert report["baselined"] == total
    assert f"另有 {total} 个已记入基线" in result.stderr
    per_file = {Path(f["path"]).name: f for f in report["per_file"]}
    assert [d["code"] for d in per_file[target.name]["diagnostics"]] == ["NL103"]


def test_a_missing_or_broken_baseline_is_a_usage_error(repo: Path) -> None:
    result = run("check", "notices", "--baseline", "nope.json", cwd=repo)
    assert result.returncode == 2 and "基线文件不存在" in result.stderr
    (repo / "bad.json").write_text("[1, 2]", encoding="utf-8")
    result = run("check", "notices", "--baseline", "bad.json", cwd=repo)
    assert result.returncode == 2 and "不是 noticelint 基线文件" in result.stderr


def test_stdin_with_a_baseline(repo: Path) -> None:
    text = CORPUS[1].read_bytes()
    name = f"notices/{CORPUS[1].name}"
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "-", "--stdin-filename", name,
         "--baseline", ".noticelint-baseline.json", "--output-format", "json"],
        cwd=repo, input=text, capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
