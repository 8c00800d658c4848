"""`noticelint check --watch`: a real process watches a folder; a saved change is
re-checked and its findings printed; Ctrl-C ends it cleanly."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

SEED = Path(__file__).resolve().parents[2] / "corpus" / "002_10fbd8575067efed.txt"
COMPLIANT = Path(__file__).resolve().parents[1] / "fixtures" / "compliant" / "c01_xuncha_basic.txt"
WAIT = 60.0


def lines_of(stream: IO[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def wait_for(lines: queue.Queue[str], needle: str, seen: list[str]) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"{needle!r} never printed; got {''.join(seen)!r}")


def start_watch(folder: Path) -> tuple[subprocess.Popen[str], queue.Queue[str], queue.Queue[str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "noticelint",
            "check",
            "--watch",
            "--output-format=concise",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    out: queue.Queue[str] = queue.Queue()
    err: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None and proc.stderr is not None
    threading.Thread(target=lines_of, args=(proc.stdout, out), daemon=True).start()
    threading.Thread(target=lines_of, args=(proc.stderr, err), daemon=True).start()
    return proc, out, err


def test_a_configuration_change_rechecks_everything(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "东港.txt")
    proc, out, err = start_watch(tmp_path)
    seen_out: list[str] = []
    seen_err: list[str] = []
    try:
        wait_for(out, "NL801", seen_out)
        wait_for(out, "检查了 1 个文件", seen_out)  # the end of the first round
        wait_for(err, "正在监视", seen_err)
        (tmp_path / "noticelint.toml").write_text('ignore = ["NL8"]\n', encoding="utf-8")
        wait_for(err, "配置已更改", seen_err)
        after: list[str] = []
        wait_for(out, "检查了 1 个文件", after)
        assert after and not any(": NL8" in line for line in after)
        assert any(": NL" in line for line in after)  # the other findings remain
    finally:
        proc.kill()
        proc.wait()


def test_watch_rechecks_a_changed_file_and_prints_its_findings(tmp_path: Path) -> None:
    notice = tmp_path / "通报.txt"
    shutil.copyfile(COMPLIANT, notice)
    proc, out, err = start_watch(tmp_path)
    seen_out: list[str] = []
    seen_err: list[str] = []
    try:
        assert "未发现问题" in wait_for(out, "检查了 1 个文件", seen_out)
        wait_for(err, "正在监视", seen_err)

        text = notice.read_text(encoding="utf-8")
        notice.write_text(text.replace("统一部署，", "统一部署,", 1), encoding="utf-8")

        finding = wait_for(out, "NL801", seen_out)
        assert finding.startswith(f"{notice}:2:") and "半角逗号" in finding
        wait_for(out, "检查了 1 个文件，发现", seen_out)
        wait_for(err, "重新检查 1 个文件", seen_err)

        proc.send_signal(signal.SIGINT)  # Ctrl-C
        assert proc.wait(timeout=WAIT) == 0
        wait_for(err, "已停止监视", seen_err)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    rest = "".join(seen_err) + "".join(iter_queue(err))
    assert "Traceback" not in rest


def iter_queue(q: queue.Queue[str]) -> list[str]:
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    return items


def test_watch_refuses_stdin_and_fix(tmp_path: Path) -> None:
    for extra in (["-"], ["--fix", str(tmp_path)]):
        result = subprocess.run(
            [sys.executable, "-m", "noticelint", "check", "--watch", *extra],
            capture_output=True,
            text=True,
            encoding="utf-8",
            input="",
            check=False,
        )
        assert result.returncode == 2
        assert "--watch" in result.stderr
