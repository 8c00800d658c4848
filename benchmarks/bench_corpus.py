"""Corpus benchmarks for ``check`` and ``report``, whole processes as a user runs
them: docs/s, the ratio to autocorrect-py (the peer, run in the same session on
the same files), two jobs against one, peak memory of the whole process tree
(parent and workers), and the single-file cold start.

    python benchmarks/bench_corpus.py [--docs 1000] [--repeat 3] [--memory 10000,30000]
                                      [--scaling 5000]

``--memory`` generates corpora of those sizes (benchmarks/generate.py) and runs
``check --output-format json`` and ``report --json`` over each, sampling the peak
resident memory of every process of the run: the peak must not grow with the
corpus. ``--scaling N`` compares two jobs with one on N files. Best of ``--repeat``
for the timings; the machine is shared, so compare
ratios measured in one session, not absolute figures across sessions.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402

ROOT = HERE.parent
NOTICELINT = [sys.executable, "-m", "noticelint"]
#: The runs' environment: byte-code caching on, as in an installed package (pip writes
#: the .pyc files at install time); a sandbox's PYTHONDONTWRITEBYTECODE would make
#: every start compile the package's sources again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _hwm_mb(pid: int) -> float:
    """The peak resident memory of one process so far (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the run's processes together, once they are waited
    for) and the largest peak RSS (MB) of any process of the run."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=stdout, stderr=subprocess.DEVNULL, env=ENV)
    peaks: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in _tree(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0.0), _hwm_mb(pid))
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    return wall, _children_cpu() - cpu0, max(peaks.values(), default=0.0)


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``repeat`` runs."""
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def speed(docs: int, repeat: int) -> None:
    """One core is compared in CPU seconds (a shared machine's waiting is not the
    program's cost); two jobs against one in wall seconds (that is the point)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c"
        paths = write(folder, docs)
        n = len(paths)
        check = [*NOTICELINT, "check", str(folder), "--output-format", "json", "--no-cache"]
        peer = [sys.executable, str(HERE / "peer_autocorrect.py"), str(folder)]
        run([*check, "-j", "1"])  # warm the page cache and the .pyc files
        peer_wall, peer_cpu = best(peer, repeat)
        one_wall, one_cpu = best([*check, "-j", "1"], repeat)
        two_wall, _ = best([*check, "-j", "2"], repeat)
        report_wall, _ = best(
            [*NOTICELINT, "report", str(folder), "--json", str(Path(tmp) / "r.json"),
             "--no-cache", "-j", "2"],
            repeat,
        )  # fmt: skip
        single = str(paths[0])
        cold_wall, cold_cpu = best(
            [*NOTICELINT, "check", single, "--output-format", "concise", "--no-cache"], 5
        )
        bare_wall, bare_cpu = best([sys.executable, "-c", "pass"], 5)
    print(f"{n} generated notices, best of {repeat}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'run':<28}{'docs/s (CPU)':>13}{'docs/s (wall)':>14}  ratio")
    print(f"{'autocorrect-py (peer)':<28}{n / peer_cpu:>13.0f}{n / peer_wall:>14.0f}")
    print(
        f"{'check json, 1 job':<28}{n / one_cpu:>13.0f}{n / one_wall:>14.0f}  "
        f"{peer_cpu / one_cpu:.2f}× peer in CPU time (target ≥ 1.0)"
    )
    print(
        f"{'check json, 2 jobs':<28}{'':>13}{n / two_wall:>14.0f}  "
        f"{one_wall / two_wall:.2f}× one job in wall time (target ≥ 1.8)"
    )
    print(f"{'report, 2 jobs':<28}{'':>13}{n / report_wall:>14.0f}")
    print(
        f"cold start `check one.txt`: {cold_wall * 1000:.0f} ms wall, {cold_cpu * 1000:.0f} ms "
        f"CPU (target ≤ 250 ms); bare `python -c pass`: {bare_wall * 1000:.0f} ms wall, "
        f"{bare_cpu * 1000:.0f} ms CPU"
    )


def scaling(docs: int, repeat: int) -> None:
    """Two jobs against one on a larger corpus: the start-up (interpreter, imports, the
    engine's warm-up: ~0.2 s, paid once by both) weighs less, so this is the ratio a
    long run sees; on 1,000 files it is a fifth of a two-job run."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c"
        n = len(write(folder, docs))
        check = [*NOTICELINT, "check", str(folder), "--output-format", "json", "--no-cache"]
        run([*check, "-j", "1"])  # warm the page cache and the .pyc files
        one_wall, _ = best([*check, "-j", "1"], repeat)
        two_wall, _ = best([*check, "-j", "2"], repeat)
    print(
        f"{n} notices: 1 job {n / one_wall:.0f} docs/s, 2 jobs {n / two_wall:.0f} docs/s (wall): "
        f"{one_wall / two_wall:.2f}× (target ≥ 1.8); load average {os.getloadavg()[0]:.1f}"
    )


def memory(sizes: list[int]) -> None:
    print(f"{'corpus':>8}  {'check json peak MB':>19}  {'report peak MB':>15}  (target ≤ 250)")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "c"
            write(folder, size)
            check = [*NOTICELINT, "check", str(folder), "--output-format", "json", "--no-cache"]
            _, _, check_peak = run([*check, "-j", "2"])
            report = [*NOTICELINT, "report", str(folder), "--json", str(Path(tmp) / "r.json"),
                      "--no-cache", "-j", "2"]  # fmt: skip
            _, _, report_peak = run(report)
        print(f"{size:>8}  {check_peak:>19.0f}  {report_peak:>15.0f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--memory", default="", help="corpus sizes, e.g. 10000,30000")
    ap.add_argument("--scaling", type=int, default=0, help="two jobs against one on N files")
    args = ap.parse_args()
    if args.docs:
        speed(args.docs, args.repeat)
    if args.scaling:
        scaling(args.scaling, args.repeat)
    if args.memory:
        memory([int(s) for s in args.memory.split(",")])


if __name__ == "__main__":
    main()
