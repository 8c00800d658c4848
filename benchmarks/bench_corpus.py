"""Corpus benchmarks for ``check`` and ``report``: docs/s, MB/s, peak RSS, the ratio
to a read+decode baseline measured in the same run, and the single-file cold start
(the pre-commit case). Prints the targets beside the measured figures.

    python benchmarks/bench_corpus.py [--docs 2000] [--report-docs 100000]

``--report-docs`` generates that many notices (benchmarks/generate.py) and runs
``noticelint report`` over them in a child process to measure its peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402

from noticelint.read.text import decode_text  # noqa: E402
from noticelint.report.aggregate import Aggregator  # noqa: E402
from noticelint.report.runner import default_jobs, run_jobs  # noqa: E402
from noticelint.report.summary import Job, Options  # noqa: E402
from noticelint.settings import Settings  # noqa: E402

ROOT = HERE.parent


def _baseline(paths: list[Path]) -> float:
    t0 = time.perf_counter()
    for p in paths:
        decode_text(p.read_bytes(), str(p))
    return time.perf_counter() - t0


def _check(paths: list[Path], workers: int) -> float:
    jobs = [Job(str(p), Settings()) for p in paths]
    options = Options(cache_dir=None, include_text=False)
    t0 = time.perf_counter()
    for _ in run_jobs(jobs, options, workers=workers):
        pass
    return time.perf_counter() - t0


def _report(paths: list[Path], workers: int) -> float:
    jobs = [Job(str(p), Settings()) for p in paths]
    options = Options(cache_dir=None, include_text=True)
    t0 = time.perf_counter()
    with Aggregator() as agg:
        for r in run_jobs(jobs, options, workers=workers):
            agg.add(r)
        agg.header()
        for _ in agg.results():
            pass
    return time.perf_counter() - t0


def _child(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(before, after) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--report-docs", type=int, default=0)
    args = ap.parse_args()
    workers = default_jobs()
    exe = str(Path(sys.executable).parent / "noticelint")
    with tempfile.TemporaryDirectory() as tmp:
        paths = write(Path(tmp) / "c", args.docs)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        n = len(paths)
        _check(paths[:50], 1)  # warm up
        base = _baseline(paths)
        one = _check(paths, 1)
        many = _check(paths, workers)
        rep = _report(paths, workers)
        rows = [
            ("baseline read+decode", n / base, mb / base, "", ""),
            ("check, 1 job", n / one, mb / one, "≥ 1,500 docs/s", f"{one / base:.1f}x"),
            (
                f"check, {workers} jobs",
                n / many,
                mb / many,
                f"≥ {1.8 * n / one:,.0f} docs/s (1.8×)",
                f"{many / base:.1f}x",
            ),
            (f"report, {workers} jobs", n / rep, mb / rep, "", f"{rep / base:.1f}x"),
        ]
        single = paths[0]
        cold = []
        for cache in ("--no-cache", None):
            args_ = [exe, "check", str(single), "--output-format", "concise"]
            if cache:
                args_.append(cache)
            walls = sorted(_child(args_)[0] for _ in range(5))
            cold.append(walls[len(walls) // 2])
        py = sorted(_child([sys.executable, "-c", "pass"])[0] for _ in range(5))[2]
    print(f"machine: {os.cpu_count()} cores; corpus: {n} generated notices, {mb:.1f} MB")
    print(f"{'run':<26}{'docs/s':>10}{'MB/s':>9}  {'target':<26}{'vs baseline':>12}")
    for name, dps, mbs, target, ratio in rows:
        print(f"{name:<26}{dps:>10,.0f}{mbs:>9.1f}  {target:<26}{ratio:>12}")
    print(
        f"single-file cold start: {cold[0] * 1000:.0f} ms (no cache), {cold[1] * 1000:.0f} ms "
        f"(cached); target ≤ 150 ms; bare `python -c pass` here: {py * 1000:.0f} ms"
    )
    if args.report_docs:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "big"
            t0 = time.perf_counter()
            big = write(folder, args.report_docs)
            gen = time.perf_counter() - t0
            size = sum(p.stat().st_size for p in big) / 1e6
            wall, rss = _child(
                [exe, "report", str(folder), "--json", str(Path(tmp) / "r.json"), "--no-cache"]
            )
        print(
            f"report over {len(big):,} notices ({size:.0f} MB, generated in {gen:.0f} s): "
            f"{wall:.0f} s, {len(big) / wall:,.0f} docs/s, peak RSS {rss:.0f} MB (target ≤ 150 MB)"
        )


if __name__ == "__main__":
    main()
