"""Configurable limits: the file-size limit and the per-file time budget."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from noticelint.batch.budget import OverBudget, within_budget
from noticelint.batch.job import Job, Options
from noticelint.batch.work import process
from noticelint.config import parse_size
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_sizes_parse_with_units() -> None:
    assert parse_size("10MB") == 10 * 1024**2
    assert parse_size("512 KB") == 512 * 1024
    assert parse_size(2048) == 2048
    with pytest.raises(ValueError):
        parse_size("lots")


def test_file_size_limit_from_the_command_line_and_the_config(tmp_path: Path) -> None:
    seed = ROOT / "corpus" / "000_e23c9cdf383bc865.txt"  # 52 KB
    target = tmp_path / "n.txt"
    target.write_bytes(seed.read_bytes())
    data = json.loads(
        run(
            "check", str(target), "--max-file-size", "20KB", "--output-format", "json", "--no-cache"
        ).stdout
    )
    assert [d["code"] for d in data] == ["NL001"] and "超过上限" in data[0]["message"]
    (tmp_path / "noticelint.toml").write_text('max-file-size = "20KB"\n', encoding="utf-8")
    data = json.loads(run("check", str(target), "--output-format", "json", "--no-cache").stdout)
    assert [d["code"] for d in data] == ["NL001"]
    assert run("check", str(target), "--max-file-size", "huge").returncode == 2


def test_a_file_over_its_time_budget_is_nl001_timeout_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import noticelint.lint

    real = noticelint.lint.check_document

    def slow(document, settings):  # type: ignore[no-untyped-def]
        if "slow" in document.path:
            time.sleep(5)
        return real(document, settings)

    monkeypatch.setattr(noticelint.lint, "check_document", slow)
    seed = (ROOT / "corpus" / "003_fa3816b82ff57ea8.txt").read_bytes()
    (tmp_path / "slow.txt").write_bytes(seed)
    (tmp_path / "fast.txt").write_bytes(seed)
    settings = Settings(timeout=0.5)
    options = Options(cache_dir=str(tmp_path / "cache"), include_text=False)
    started = time.perf_counter()
    slow_result = process(Job(str(tmp_path / "slow.txt"), settings), options)
    assert time.perf_counter() - started < 3
    assert slow_result.summary is not None
    (d,) = slow_result.summary["diagnostics"]
    assert d["code"] == "NL001" and "超时" in d["message"]
    fast = process(Job(str(tmp_path / "fast.txt"), settings), options)
    assert fast.summary is not None and fast.summary["readable"]
    # a timeout is not cached: the next run tries the file again
    monkeypatch.setattr(noticelint.lint, "check_document", real)
    again = process(Job(str(tmp_path / "slow.txt"), settings), options)
    assert again.summary is not None and again.summary["readable"]


def test_budget_zero_means_no_budget() -> None:
    assert within_budget(0, lambda: 42) == 42
    with pytest.raises(OverBudget):
        within_budget(0.05, lambda: time.sleep(1))
