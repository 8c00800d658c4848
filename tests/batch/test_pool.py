"""Workers that cannot hang the run: a worker that dies (SIGKILL, a native abort), hangs
in native code or runs out of its memory budget costs only the file it was on —
that file gets NL001, every other file its normal result, and the run completes.

The faults are injected into the worker processes only (tests/batch/worker_faults.py,
imported by each worker as it starts), never into the code a user runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notice_support import COMPLIANT_DIR, CORPUS_DIR

HERE = Path(__file__).resolve().parent


def _corpus(folder: Path, faulty: list[str], copies: int = 12) -> list[Path]:
    """Enough notices for the pool (more than PARALLEL_MIN_FILES), plus the faulty ones."""
    sources = sorted(COMPLIANT_DIR.glob("*.txt")) + sorted(CORPUS_DIR.glob("*.txt"))
    paths = []
    for i in range(copies):
        for src in sources:
            dest = folder / f"{i:02d}_{src.name}"
            shutil.copy(src, dest)
            paths.append(dest)
    for name in faulty:
        dest = folder / name
        shutil.copy(sources[0], dest)
        paths.append(dest)
    return paths


def _run(
    *args: str | Path, faults: bool = True, module: str = "worker_faults"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    if faults:
        env["NOTICELINT_WORKER_PRELOAD"] = module
        env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", *map(str, args)],
        capture_output=True,
        env=env,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode()
    )


def _by_path(out: str) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for d in json.loads(out):
        found.setdefault(str(d["path"]), []).append(d)
    return found


@pytest.mark.parametrize("culprit", ["abort-工作进程崩溃.txt", "sigkill-被系统终止.txt"])
def test_a_dead_worker_costs_only_the_file_it_was_on(tmp_path: Path, culprit: str) -> None:
    _corpus(tmp_path, [culprit])
    clean = _run(
        "check", tmp_path, "--output-format", "json", "--no-cache", "-j", "1", faults=False
    )
    result = _run("check", tmp_path, "--output-format", "json", "--no-cache", "-j", "2")
    assert result.returncode == clean.returncode == 1, result.stderr
    found, expected = _by_path(result.stdout), _by_path(clean.stdout)
    (died,) = found.pop(str(tmp_path / culprit))
    assert died["code"] == "NL001"
    assert "处理该文件的进程意外退出 (worker died)" in str(died["message"])
    expected.pop(str(tmp_path / culprit), None)  # a compliant copy: no findings
    assert found == expected  # every other file: exactly its normal findings


def test_a_worker_stuck_in_native_code_is_killed_after_its_budget(tmp_path: Path) -> None:
    _corpus(tmp_path, ["hang-卡死.txt"], copies=8)
    result = _run(
        "check", tmp_path, "--output-format", "json", "--no-cache", "-j", "2", "--timeout", "1"
    )
    found = _by_path(result.stdout)
    (stuck,) = found[str(tmp_path / "hang-卡死.txt")]
    assert stuck["code"] == "NL001" and "处理超时" in str(stuck["message"])
    assert len(found) > 1


def test_a_file_over_the_memory_budget_gets_nl001_and_the_worker_goes_on(
    tmp_path: Path,
) -> None:
    _corpus(tmp_path, ["hog-吃内存.txt"], copies=8)
    result = _run(
        "check", tmp_path, "--output-format", "json", "--no-cache", "-j", "2",
        "--max-memory", "1GB",
    )  # fmt: skip
    found = _by_path(result.stdout)
    (hog,) = found[str(tmp_path / "hog-吃内存.txt")]
    assert hog["code"] == "NL001" and "内存超过上限" in str(hog["message"])
    assert "worker died" not in result.stdout


def test_report_completes_when_a_worker_dies(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paths = _corpus(corpus, ["abort-工作进程崩溃.txt"], copies=8)
    out = tmp_path / "report.json"
    result = _run("report", corpus, "--json", out, "--no-cache", "-j", "2")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["files"] == len(paths)
    rows = {row["path"]: row for row in report["per_file"]}
    died = rows[str(corpus / "abort-工作进程崩溃.txt")]
    assert died["readable"] is False and "worker died" in died["error"]
    assert report["unreadable"] == 1


def test_workers_that_cannot_start_end_the_run_with_a_clear_message(tmp_path: Path) -> None:
    _corpus(tmp_path, [], copies=6)
    result = _run(
        "check", tmp_path, "--no-cache", "-j", "2", module="workers_cannot_start"
    )  # fmt: skip
    assert result.returncode == 2
    assert "工作进程启动后立即退出" in result.stderr and "--jobs 1" in result.stderr
