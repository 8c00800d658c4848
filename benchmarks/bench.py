"""Throughput of the lint pipeline on one core.

Builds N documents from the corpus (copies of the seeds written to a temporary
folder), then times, in this one process:

* baseline: open + read + decode (the floor any linter pays);
* full: read → segment → classify → LALR parse → model → every rule → JSON.

Prints docs/s and MB/s for each and the ratio of full to baseline. Not a test:
figures depend on the machine. Usage::

    python benchmarks/bench.py [--docs 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from noticelint.lint import check_document
from noticelint.output.machine import render_json
from noticelint.read import read_path
from noticelint.read.text import decode_text
from noticelint.rules import REGISTRY
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, n: int) -> list[Path]:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    paths = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{seed.name}"
        path.write_bytes(seed.read_bytes())
        paths.append(path)
    return paths


def _time(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(Path(tmp), args.docs)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6

        def baseline() -> None:
            for p in paths:
                decode_text(p.read_bytes(), str(p))

        def full() -> None:
            for p in paths:
                _, diags = check_document(read_path(p), settings)
                render_json(diags)

        full()  # warm up: build the parser, compile patterns
        t_base = _time(baseline, args.repeat)
        t_full = _time(full, args.repeat)
    n = len(paths)
    print(f"documents: {n} ({size_mb:.1f} MB), rules: {len(REGISTRY)}, best of {args.repeat}")
    print(f"{'stage':<28}{'docs/s':>10}{'MB/s':>10}")
    print(f"{'baseline read+decode':<28}{n / t_base:>10.0f}{size_mb / t_base:>10.1f}")
    print(f"{'read→parse→rules→JSON':<28}{n / t_full:>10.0f}{size_mb / t_full:>10.1f}")
    print(f"ratio full/baseline: {t_full / t_base:.1f}x slower; target ≥ 1,500 docs/s")


if __name__ == "__main__":
    main()
