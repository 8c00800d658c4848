"""The peer's whole process, for bench_corpus.py: autocorrect-py (the Rust CJK
typography linter) over every file named on the command line, its findings
written as JSON — the same job as ``noticelint check --output-format json``.

    python benchmarks/peer_autocorrect.py FOLDER
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import autocorrect_py


def main() -> None:
    out = []
    for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), "text")
        for line in result.lines:
            out.append(
                {
                    "path": str(path),
                    "line": line.line,
                    "column": line.col,
                    "old": line.old,
                    "new": line.new,
                    "severity": str(line.severity),
                }
            )
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
