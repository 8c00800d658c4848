"""The pre-commit hooks, run by the real ``pre-commit`` in a temporary git repository
whose config points at this repository by local path and ``rev`` = HEAD."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPLIANT = ROOT / "tests" / "fixtures" / "compliant" / "c01_xuncha_basic.txt"

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None and not os.environ.get("CI"),
    reason="pre-commit is installed by scripts/test.sh (required in CI)",
)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _repo(tmp_path: Path, hook: str, args: str = "") -> Path:
    head = _git(ROOT, "rev-parse", "HEAD")
    repo = tmp_path / "notices"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.com")
    _git(repo, "config", "user.name", "test")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: {hook}\n{args}",
        encoding="utf-8",
    )
    return repo


def _run(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    _git(repo, "add", "-A")
    return subprocess.run(
        ["pre-commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_hook_passes_a_compliant_notice_and_fails_one_without_disclosure_period(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo = _repo(tmp_path, "noticelint")
    shutil.copy(COMPLIANT, repo / "通报.txt")
    ok = _run(repo, pre_commit_home)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    text = COMPLIANT.read_text(encoding="utf-8")
    bad = "\n".join(line for line in text.split("\n") if not line.startswith("公开期限"))
    (repo / "通报.txt").write_text(bad, encoding="utf-8")
    failed = _run(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "NL201" in failed.stdout


def test_fix_hook_rewrites_the_file_and_fails_so_the_change_is_reviewed(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo = _repo(tmp_path, "noticelint-fix")
    text = COMPLIANT.read_text(encoding="utf-8")
    (repo / "通报.txt").write_text(
        text.replace("2024年9月2日\n", "2024年09月02日\n"), encoding="utf-8"
    )
    result = _run(repo, pre_commit_home)
    assert result.returncode == 1  # pre-commit fails a hook that modified files
    assert (repo / "通报.txt").read_text(encoding="utf-8") == text
    again = _run(repo, pre_commit_home)
    assert again.returncode == 0, again.stdout + again.stderr


def test_hook_with_a_baseline_reports_only_new_findings(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo = _repo(tmp_path, "noticelint", "    args: [--baseline, .noticelint-baseline.json]\n")
    text = COMPLIANT.read_text(encoding="utf-8")
    old = "\n".join(line for line in text.split("\n") if not line.startswith("公开期限"))
    (repo / "通报.txt").write_text(old, encoding="utf-8")
    written = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "通报.txt",
         "--write-baseline", ".noticelint-baseline.json"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    ok = _run(repo, pre_commit_home)
    assert ok.returncode == 0, ok.stdout + ok.stderr  # NL201 is in the baseline
    (repo / "通报.txt").write_text("\n" + old.replace("一是", "一是是", 1), encoding="utf-8")
    failed = _run(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "NL103" in failed.stdout and "NL201" not in failed.stdout
