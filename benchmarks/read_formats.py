"""Reading speed per input format (docs/s), one core, this process.

The five corpus seeds are converted to each format with the test fixture makers
(tests/readers/readers_fixtures.py): a Word file with plain paragraphs, a Word
file with real automatic numbering, a government web page (UTF-8 and GBK), and a
PDF typeset with reportlab's STSong-Light CID font. Each file is then read
(bytes → :class:`~noticelint.read.Document`) ``--rounds`` times; the best round
is reported, with the plain-text baseline for comparison. Reading only: parsing
and the rules cost the same for every format (see benchmarks/bench.py).

Not a test: figures depend on the machine. Usage::

    python benchmarks/read_formats.py [--rounds 5] [--check]

``--check`` also times the whole check (read + parse + rules) per format.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "readers"))

from readers_fixtures import (  # noqa: E402  (the fixture makers live with the tests)
    SEEDS,
    docx_numbered,
    docx_plain,
    html_page,
    pdf_file,
)

from noticelint.lint import check_document  # noqa: E402
from noticelint.read import read_bytes  # noqa: E402
from noticelint.settings import Settings  # noqa: E402

MAKERS: dict[str, tuple[str, Callable[[str, int], bytes]]] = {
    "txt (baseline)": (".txt", lambda text, i: text.encode("utf-8")),
    "docx": (".docx", lambda text, i: docx_plain(text)),
    "docx auto-numbered": (".docx", lambda text, i: docx_numbered(text)[0]),
    "html (UTF-8)": (".html", lambda text, i: html_page(text, i)),
    "html (GBK)": (".html", lambda text, i: html_page(text, i, encoding="gbk")),
    "pdf": (".pdf", lambda text, i: pdf_file(text, page_style=i)),
}


def _best(fn: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="also time read + parse + rules")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    settings = Settings()
    rows = []
    for name, (suffix, make) in MAKERS.items():
        files = [(make(text, i), f"seed{i}{suffix}") for i, text in enumerate(texts)]
        size = sum(len(data) for data, _ in files)
        # Warm up: the first read of a format imports its engine.
        t0 = time.perf_counter()
        read_bytes(*files[0])
        first = time.perf_counter() - t0

        def read_all(files: list[tuple[bytes, str]] = files) -> None:
            for data, path in files:
                read_bytes(data, path)

        seconds = _best(read_all, args.rounds)
        row = [name, len(files) / seconds, size / len(files) / 1024, first * 1000]
        if args.check:

            def check_all(files: list[tuple[bytes, str]] = files) -> None:
                for data, path in files:
                    check_document(read_bytes(data, path), settings)

            row.append(len(files) / _best(check_all, max(1, args.rounds // 2)))
        rows.append(row)
    head = f"{'format':<20} {'read docs/s':>12} {'KiB/doc':>9} {'first read ms':>14}"
    if args.check:
        head += f" {'check docs/s':>13}"
    print(head)
    print("-" * len(head))
    for row in rows:
        line = f"{row[0]:<20} {row[1]:>12.1f} {row[2]:>9.1f} {row[3]:>14.1f}"
        if args.check:
            line += f" {row[4]:>13.1f}"
        print(line)
    print(f"\n{len(texts)} seeds per format, best of {args.rounds} rounds, one core.")


if __name__ == "__main__":
    main()
