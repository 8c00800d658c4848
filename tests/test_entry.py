"""The entry point's fast path: a plain ``check`` call (the pre-commit and CI case)
runs without building the typer application, with the same meaning and output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notice_support import CORPUS_DIR
from noticelint.entry import _plain_check

PLAIN = [
    (["a.txt"], {"targets": [Path("a.txt")]}),
    (
        ["--output-format", "json", "--no-cache", "-j", "2", "通报"],
        {"targets": [Path("通报")], "output": "json", "no_cache": True, "jobs": 2},
    ),
    (["--jobs=1", "--fix", "a.txt"], {"targets": [Path("a.txt")], "jobs": 1, "fix": True}),
    (["--output-format=concise", "a.txt", "b.txt"],
     {"targets": [Path("a.txt"), Path("b.txt")], "output": "concise"}),
]  # fmt: skip

FOR_TYPER = [
    [],  # no target: the current folder, typer's default
    ["--config", "x.toml", "a.txt"],  # an option the fast path does not know
    ["-j", "two", "a.txt"],  # a bad number: typer explains
    ["-j", "２", "a.txt"],  # a full-width digit is not a number of workers here
    ["--output-format", "xml", "a.txt"],  # a bad format: typer lists the good ones
    ["-"],  # standard input
]


@pytest.mark.parametrize(("args", "expected"), PLAIN)
def test_a_plain_check_call_is_read_without_typer(
    args: list[str], expected: dict[str, object]
) -> None:
    assert _plain_check(args) == expected


@pytest.mark.parametrize("args", FOR_TYPER)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert _plain_check(args) is None


def test_the_fast_path_and_typer_give_the_same_output(tmp_path: Path) -> None:
    for seed in sorted(CORPUS_DIR.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}

    def run(*extra: str) -> subprocess.CompletedProcess[bytes]:
        cmd = [sys.executable, "-m", "noticelint", "check", str(tmp_path)]
        cmd += ["--output-format", "json", "--no-cache", "-j", "1", *extra]
        return subprocess.run(cmd, capture_output=True, env=env, cwd=tmp_path, timeout=300)

    fast, typer = run(), run("--isolated")  # --isolated: typer's path, no config here
    assert fast.returncode == typer.returncode == 1
    assert fast.stdout == typer.stdout and fast.stdout.startswith(b"[\n")
