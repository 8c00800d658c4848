"""Fixtures for the workbench tests: the app under Starlette's TestClient, and a real
uvicorn server on a free loopback port for the browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import CHROMIUM, CHROMIUM_ARGS, free_port

from noticelint.settings import Settings


@pytest.fixture(scope="package")
def client() -> Iterator[object]:
    from starlette.testclient import TestClient

    from noticelint.serve.app import create_app

    app = create_app(Settings(timeout=5.0, max_bytes=2 * 1024 * 1024), workers=1)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="package")
def server() -> Iterator[str]:
    """``noticelint serve`` itself, as a clerk starts it, on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "noticelint", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "healthz", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, err = process.communicate()
                pytest.fail(f"noticelint serve did not start: {err.decode()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: scripts/test.sh installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, server: str, tmp_path: Path) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1440, "height": 900}, accept_downloads=True, locale="zh-CN"
    )
    page = context.new_page()
    page.goto(server)
    yield page
    context.close()
