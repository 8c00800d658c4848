"""The README's first command works on a fresh copy, on a system Python that refuses
global installs (PEP 668: Debian marks /usr/bin/python3 EXTERNALLY-MANAGED)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = Path("/usr/bin/python3")  # scripts/test.sh installs it when missing


def _readme_first_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    return blocks[0].strip()


def _fresh_copy(dest: Path) -> None:
    """The files a clone would have (tracked or new, not ignored), without .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        rel = raw.decode()
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def _externally_managed(python: Path) -> bool:
    stdlib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return (Path(stdlib) / "EXTERNALLY-MANAGED").exists()


def test_the_system_python_refuses_global_installs() -> None:
    # The premise of the test below: without the venv, `pip install .` is refused here.
    assert SYSTEM_PYTHON.exists()
    assert _externally_managed(SYSTEM_PYTHON)
    refused = subprocess.run(
        [str(SYSTEM_PYTHON), "-m", "pip", "install", "--dry-run", "--no-deps", str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0
    assert "externally-managed-environment" in refused.stderr


def test_readme_first_command_on_an_externally_managed_python(tmp_path: Path) -> None:
    command = _readme_first_command()
    assert command.startswith("bash scripts/install.sh")
    _fresh_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHON"] = str(SYSTEM_PYTHON)
    done = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    # exit 1: the bundled corpus has findings (cli.md exit codes)
    assert done.returncode == 1, done.stderr
    assert "已写入" in done.stdout + done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["files"] == 5
    assert (tmp_path / "report.html").stat().st_size > 0
    assert (tmp_path / "report.csv").stat().st_size > 0
    # the tool landed in the project's venv, not in the system interpreter
    assert (tmp_path / ".venv" / "bin" / "noticelint").exists()
