"""The ``serve`` command: loopback by default, a warning otherwise, nothing for ``check``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from serve_support import free_port, seed


def test_check_does_not_import_the_web_stack() -> None:
    code = (
        "import sys\n"
        "from noticelint.cli import main\n"
        f"sys.argv = ['noticelint', 'check', '--output-format', 'concise', r'{seed('004')}']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in ('starlette', 'uvicorn', 'python_multipart') if m in sys.modules]\n"
        "sys.stderr.write('LOADED=' + ','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED=" in result.stderr
    assert result.stderr.rsplit("LOADED=", 1)[1].strip() == ""


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "noticelint", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/healthz"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    return process, url


def test_a_non_loopback_host_is_served_with_a_warning() -> None:
    process, url = _start("--host", "0.0.0.0")
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.status == 200
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "警告" in err and "loopback" in err


def test_on_loopback_a_foreign_host_name_is_refused() -> None:
    """A page on another site that rebinds its DNS name to 127.0.0.1 gets nothing."""
    process, url = _start()
    try:
        request = urllib.request.Request(url, headers={"Host": "evil.example:80"})
        try:
            urllib.request.urlopen(request, timeout=5)
            status = 200
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status == 400
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_a_port_in_use_is_a_clear_usage_error() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "noticelint", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert "无法监听" in result.stderr


def test_open_starts_the_browser_on_the_page(tmp_path: Path) -> None:
    """``--open`` hands the page's address to the user's browser ($BROWSER here)."""
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": str(browser)}
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "noticelint", "serve", "--port", str(port), "--open"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        for _ in range(300):
            if opened.exists() and opened.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.2)
        assert opened.read_text(encoding="utf-8").strip() == f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)
