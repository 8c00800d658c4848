"""A deterministic corpus generator: variations of the bundled notices, any size.

Each generated notice starts from one of the corpus seeds or compliant fixtures
and is varied with a seeded random generator: organ and place names, dates
(shifted by whole years), counts, punctuation width, paragraphs dropped or
duplicated, blank lines. The same ``--seed`` and ``--docs`` always give the same
files, byte for byte.

    python benchmarks/generate.py OUT_DIR --docs 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "compliant").glob("*.txt")
)
PLACES = [
    "惠安县",
    "云安区",
    "东港市",
    "博山区",
    "桐溪县",
    "青川县",
    "南岭市",
    "西塘区",
    "临河县",
    "北湖区",
]
BODIES = [
    "教育局",
    "财政局",
    "卫生健康委员会",
    "住房和城乡建设局",
    "自然资源局",
    "统计局",
    "交通运输局",
]
HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
YEAR = re.compile(r"(20[12]\d)年")


def variant(text: str, rng: random.Random) -> str:
    place, body = rng.choice(PLACES), rng.choice(BODIES)
    text = re.sub(
        r"中共([^\s，,。]{2,12}?)(教育局|财政局|卫生健康委员会|统计局)党组",
        f"中共{place}{body}党组",
        text,
    )
    shift = rng.randint(-2, 2)
    text = YEAR.sub(lambda m: f"{int(m.group(1)) + shift}年", text)
    lines = text.split("\n")
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(lines))
        if rng.random() < 0.5:
            del lines[i]
        else:
            lines.insert(i, lines[i])
    if rng.random() < 0.3:
        lines = [line.translate(HALF) for line in lines]
    if rng.random() < 0.3:
        lines = [line + "\n" if line else line for line in lines]
    return "\n".join(lines)


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    for i in range(n):
        k = i % len(texts)
        yield f"{i:06d}_{SOURCES[k].stem[:12]}.txt", variant(texts[k], rng)


def write(folder: Path, n: int, seed: int = 1) -> list[Path]:
    paths = []
    for j, (name, text) in enumerate(generate(n, seed)):
        sub = folder / f"{j // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = write(args.out, args.docs, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} notices, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
