"""Helpers shared by the workbench tests (a module of its own: every test folder has a
``conftest``, so importing names from one by that name depends on collection order)."""

from __future__ import annotations

import socket
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
