"""Regenerate the workbench screenshots in docs/ (``python scripts/screenshots.py``).

Starts ``noticelint serve`` on a free loopback port, opens the page in Debian's
chromium through Playwright, and photographs a clerk's session: seed 002 pasted and
checked (docs/serve-check.png), then its safe fixes applied (docs/serve-fix.png).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEED = next((ROOT / "corpus").glob("002_*.txt"))
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve() -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "noticelint", "serve", "--port", str(port)])
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "healthz", timeout=2).close()
            return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("noticelint serve did not start")


def main() -> None:
    from playwright.sync_api import sync_playwright

    process, url = _serve()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
            page.goto(url)
            page.fill("#source", SEED.read_text(encoding="utf-8"))
            page.wait_for_selector("#summary b.error")
            page.locator("#source").evaluate("box => box.scrollTo(0, 0)")
            page.locator('.finding[data-i="7"]').click()
            page.wait_for_timeout(400)
            page.screenshot(path=str(DOCS / "serve-check.png"))
            page.click("#fix-safe")
            page.wait_for_selector("#fix-result:not([hidden])")
            page.locator("#fix-result").scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(DOCS / "serve-fix.png"))
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    for name in ("serve-check.png", "serve-fix.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
