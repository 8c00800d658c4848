"""Hand-written compliant notices (tests/fixtures/compliant): they parse to the
structure in FACTS.toml and get no error or warning."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from noticelint.lint import check_document
from noticelint.parse import parse_document
from noticelint.read import read_path
from noticelint.settings import Settings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compliant"
FACTS = tomllib.loads((FIXTURES / "FACTS.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FACTS))
def test_compliant_notice_has_the_recorded_structure(name: str) -> None:
    facts = FACTS[name]
    parsed = parse_document(read_path(FIXTURES / f"{name}.txt"))
    n = parsed.notice
    assert n.title is not None and n.title.text == facts["title"]
    assert n.signature is not None and n.signature.organ == facts["organ"]
    assert [[s.number, s.kind] for s in n.sections] == facts["sections"]
    progress = n.progress_sections()
    leaves = [p for s in progress for p in s.leaf_problems()]
    assert sum(len(s.areas) for s in progress) == facts["areas"]
    assert len(leaves) == facts["problems"]
    assert sum(1 for p in leaves if p.status is not None) == facts["status_lines"]
    assert n.disclosure is not None
    assert [n.disclosure.start, n.disclosure.end] == [
        dt.date.fromisoformat(d) for d in facts["disclosure"]
    ]
    assert n.signature.date == dt.date.fromisoformat(facts["signature_date"])
    assert n.opening is not None
    assert n.opening.declared_areas == facts["declared_areas"]
    assert n.opening.declared_problems == facts["declared_problems"]
    assert n.profile == facts.get("profile", n.profile)


@pytest.mark.parametrize("name", sorted(FACTS))
def test_compliant_notice_gets_no_error_or_warning(name: str) -> None:
    _, diagnostics = check_document(read_path(FIXTURES / f"{name}.txt"), Settings())
    serious = [d for d in diagnostics if d.severity in ("error", "warning")]
    assert not serious, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in serious)
