"""The workbench's worker processes: a memory cap each, real formats still read under it."""

from __future__ import annotations

import sys
from pathlib import Path

from serve_support import seed

from noticelint.serve.tasks import Upload
from noticelint.serve.worker import WorkerPool
from noticelint.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))


def _address_space_limit(pid: int) -> int:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            return int(line.split()[3])
    raise AssertionError("no address-space line in /proc/PID/limits")


def test_each_worker_runs_under_the_memory_cap_and_still_reads_a_pdf() -> None:
    from readers_fixtures import pdf_file

    cap = 1536 * 1024**2
    pool = WorkerPool(Settings(timeout=60), size=1, memory=cap)
    try:
        text = seed("004").read_text(encoding="utf-8")
        pdf = pdf_file(text)
        result = pool.run(("check", Upload(data=pdf, filename="通报.pdf", pasted=False), False))
        (worker,) = pool.workers
        assert _address_space_limit(worker.process.pid or 0) == cap
    finally:
        pool.close()
    assert result["medium"] == "pdf"
    assert "NL001" not in {d["code"] for d in result["diagnostics"]}
    assert result["summary"]["problems"] > 0
