"""Latency of ``noticelint server``: didChange → publishDiagnostics, over stdio.

Starts the real server process, opens the largest seed, then sends N full-text
changes one at a time (each a different text: one more full stop made half-width)
and times each from writing the didChange to reading the publishDiagnostics of
that version. Runs twice:

* ``--debounce-ms 0``: the re-check itself (protocol + engine), the target ≤ 100 ms;
* the default debounce: what an editor waits after the last keystroke (debounce +
  re-check).

The baseline, measured in this process in the same run, is ``check_document`` on the
same texts (the engine alone); the ratio shows what the server adds. Not a test:
figures depend on the machine. Usage::

    python benchmarks/lsp_latency.py [--changes 60]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

from noticelint.lint import check_document
from noticelint.lsp.server import DEFAULT_DEBOUNCE_MS
from noticelint.read import Document
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def send(stdin: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps(message).encode("utf-8")
    stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stdin.flush()


def receive(stdout: IO[bytes]) -> dict[str, Any]:
    length = 0
    while True:
        line = stdout.readline()
        if not line:
            raise RuntimeError("the server closed its output")
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
        elif line.strip() == b"" and length:
            message: dict[str, Any] = json.loads(stdout.read(length))
            return message


def wait_for_version(stdin: IO[bytes], stdout: IO[bytes], version: int) -> None:
    while True:
        message = receive(stdout)
        if "id" in message and "method" in message:  # client/registerCapability
            send(stdin, {"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif (
            message.get("method") == "textDocument/publishDiagnostics"
            and message["params"].get("version") == version
        ):
            return


def variants(text: str, n: int) -> list[str]:
    """``n`` different texts: the first k full stops made half-width."""
    return [text.replace("。", ".", k % 40 + 1) for k in range(n)]


def measure(seed: Path, texts: list[str], debounce_ms: int) -> list[float]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticelint", "server", "--debounce-ms", str(debounce_ms)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout
    uri = seed.resolve().as_uri()
    send(
        stdin,
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "processId": None,
                "rootUri": seed.parent.resolve().as_uri(),
                "capabilities": {},
            },
        },
    )
    receive(stdout)
    send(stdin, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(
        stdin,
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": uri,
                    "languageId": "plaintext",
                    "version": 1,
                    "text": seed.read_text("utf-8"),
                }
            },
        },
    )
    wait_for_version(stdin, stdout, 1)
    latencies = []
    for version, text in enumerate(texts, start=2):
        start = time.perf_counter()
        send(
            stdin,
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}],
                },
            },
        )
        wait_for_version(stdin, stdout, version)
        latencies.append(time.perf_counter() - start)
    send(stdin, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    receive(stdout)
    send(stdin, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)
    return latencies


def baseline(texts: list[str]) -> list[float]:
    settings = Settings()
    check_document(Document(path="warm-up.txt", text=texts[0]), settings)
    out = []
    for text in texts:
        start = time.perf_counter()
        check_document(Document(path="seed.txt", text=text), settings)
        out.append(time.perf_counter() - start)
    return out


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--changes", type=int, default=60)
    args = ap.parse_args()
    seed = max((ROOT / "corpus").glob("*.txt"), key=lambda s: s.stat().st_size)
    texts = variants(seed.read_text("utf-8"), args.changes)
    engine = baseline(texts)
    rows = [
        ("engine alone, in process (baseline)", engine),
        ("server, --debounce-ms 0", measure(seed, texts, 0)),
        (
            f"server, default debounce ({DEFAULT_DEBOUNCE_MS} ms)",
            measure(seed, texts, DEFAULT_DEBOUNCE_MS),
        ),
    ]
    base = statistics.median(engine)
    print(f"seed: {seed.name} ({seed.stat().st_size:,} bytes), {args.changes} changes")
    print("| run | p50 ms | p95 ms | p50 ×baseline |")
    print("|---|---:|---:|---:|")
    for name, values in rows:
        ratio = statistics.median(values) / base
        print(f"| {name} | {p(values, 0.5):.1f} | {p(values, 0.95):.1f} | {ratio:.1f}× |")


if __name__ == "__main__":
    main()
