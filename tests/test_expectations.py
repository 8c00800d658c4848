"""The seeds' reviewed expectations (tests/expectations/NNN.toml): each real notice
gets exactly the diagnostics listed, no more and no fewer. A diagnostic a careful
reviewer would reject is a bug to fix, not an expectation to add."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from noticelint.lint import check_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXPECT = Path(__file__).resolve().parent / "expectations"
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_gets_exactly_the_reviewed_diagnostics(seed: Path) -> None:
    data = tomllib.loads((EXPECT / f"{seed.name[:3]}.toml").read_text(encoding="utf-8"))
    expected = sorted((e["line"], e["column"], e["code"]) for e in data.get("expect", []))
    assert all(e["reason"].strip() for e in data.get("expect", []))
    found = sorted((d.line, d.column, d.code) for d in check_path(seed, Settings()))
    missing = sorted(set(expected) - set(found))
    unexpected = sorted(set(found) - set(expected))
    assert not missing and not unexpected, f"missing {missing}; not reviewed {unexpected}"
    assert len(found) == len(expected)
