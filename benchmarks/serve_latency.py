"""Re-check latency of the workbench (``noticelint serve``): what a clerk waits for
after a pause in typing.

Starts ``noticelint serve`` on a free loopback port and posts the largest seed to
``/api/check`` as the page does (JSON ``{"text"}``), ``--rounds`` times, each time
with one character typed at a different place (so no cache can answer). Reports the
median, p95 and max round trip, next to the in-process baseline — ``check_document``
on the same texts in this process — so the server's own cost (HTTP, worker hand-off,
JSON) is visible as the difference.

Not a test: figures depend on the machine. Usage::

    python benchmarks/serve_latency.py [--rounds 100]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0


def _largest_seed() -> Path:
    return max((ROOT / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _edited(text: str, k: int) -> str:
    """The text with one character typed at the ``k``-th place (spread over the text)."""
    at = (k * 7919) % len(text)
    return text[:at] + "的" + text[at:]


def _post(url: str, text: str) -> float:
    body = json.dumps({"text": text, "filename": "通报.txt"}).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        json.loads(response.read())
    return (time.perf_counter() - started) * 1000


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _baseline(texts: list[str]) -> list[float]:
    from noticelint.lint import check_document
    from noticelint.read import Document
    from noticelint.settings import Settings

    settings = Settings()
    check_document(Document(path="warm.txt", text=texts[0]), settings)
    out = []
    for text in texts:
        started = time.perf_counter()
        check_document(Document(path="通报.txt", text=text), settings)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    seed = _largest_seed()
    text = seed.read_text(encoding="utf-8")
    texts = [_edited(text, k) for k in range(args.rounds)]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "noticelint", "serve", "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        for k in range(3):  # both workers warm
            _post(url + "api/check", _edited(text, -k - 1))
        served = [_post(url + "api/check", t) for t in texts]
    finally:
        server.terminate()
        server.wait(timeout=10)
    base = _baseline(texts)
    print(f"seed: {seed.name} ({len(text)} characters, {len(text.encode()) // 1024} KB UTF-8)")
    print(f"rounds: {args.rounds}")
    print("| measure | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|")
    for name, values in (
        ("in-process check_document (baseline)", base),
        ("POST /api/check", served),
    ):
        print(
            f"| {name} | {statistics.median(values):.1f} | {_percentile(values, 0.95):.1f} | "
            f"{max(values):.1f} |"
        )
    p95 = _percentile(served, 0.95)
    print(
        f"p95 {p95:.1f} ms vs target {TARGET_MS:.0f} ms: {'met' if p95 <= TARGET_MS else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
