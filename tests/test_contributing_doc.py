"""The contributor's guide and the architecture page name files that exist: a guide
that sends a newcomer to a moved module is worse than none (issue 16, item 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ROOTS = ("src/", "tests/", "benchmarks/", "scripts/", "fuzz/", "docs/", "rules/", ".ci/")
# Named in the guide but made by a run, not kept in the repository.
MADE_BY_RUNS = {"fuzz/crashes/"}


def named_paths(doc: str) -> list[str]:
    text = (REPO / doc).read_text(encoding="utf-8")
    paths = re.findall(r"`([^`\s]+)`", text)
    return [
        p
        for p in paths
        if p.startswith(ROOTS) and not re.search(r"[<*]|NLx|nlx", p) and p not in MADE_BY_RUNS
    ]


def stage_table_entries() -> list[str]:
    """The first column of architecture.md's stage table (``read/``, ``tokens.py``…)."""
    text = (REPO / "docs/architecture.md").read_text(encoding="utf-8")
    table = text.split("```", 2)[1]
    entries: list[str] = []
    for line in table.splitlines()[1:]:
        first = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        if len(line) - len(line.lstrip()) <= 2 and first:  # not a continuation line
            entries.extend(e.strip() for e in first.split(","))
    return entries


@pytest.mark.parametrize("doc", ["docs/contributing.md", "docs/architecture.md"])
def test_every_path_the_page_names_exists(doc: str) -> None:
    paths = named_paths(doc)
    assert len(paths) >= 5  # the page still sends readers somewhere
    missing = [p for p in paths if not (REPO / p.split(":")[0]).exists()]
    assert missing == []


def test_every_module_of_the_stage_table_exists() -> None:
    entries = stage_table_entries()
    assert len(entries) >= 20
    package = REPO / "src" / "noticelint"
    missing = [
        e
        for e in entries
        if not any(
            (base / e.split("<")[0].split("*")[0]).exists()
            for base in (package, package / "parse", REPO)
        )
    ]
    assert missing == []
