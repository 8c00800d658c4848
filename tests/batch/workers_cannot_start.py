"""Fault injection for the pool tests (imported by each worker as it starts, through
``NOTICELINT_WORKER_PRELOAD``): every worker exits as soon as it starts."""

from __future__ import annotations

import os

import noticelint.batch.pool


def _exit_at_once(*args: object) -> None:
    os._exit(3)


noticelint.batch.pool._serve = _exit_at_once  # type: ignore[assignment]
