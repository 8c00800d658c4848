"""The five real notices in corpus/: structure facts from the issue, and
snapshots of ``parse`` and ``check`` JSON.

Snapshots live in tests/snapshots/. After an intended change, regenerate them with
``NOTICELINT_UPDATE_SNAPSHOTS=1 pytest tests/test_seeds.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from noticelint.lint import check_document
from noticelint.model import Notice, notice_adapter
from noticelint.output.machine import render_json
from noticelint.parse import parse_document
from noticelint.parse.pipeline import Parsed
from noticelint.read import read_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
UPDATE = os.environ.get("NOTICELINT_UPDATE_SNAPSHOTS") == "1"


def _seed(prefix: str) -> Parsed:
    name = next(n for n in SEEDS if n.startswith(prefix))
    doc = read_path(CORPUS / name)
    return parse_document(doc)


def _leaves(notice: Notice) -> int:
    return sum(len(s.leaf_problems()) for s in notice.progress_sections())


def _areas(notice: Notice) -> int:
    return sum(len(s.areas) for s in notice.progress_sections())


def test_the_corpus_holds_the_five_seeds() -> None:
    assert [n[:3] for n in SEEDS] == ["000", "001", "002", "003", "004"]


def test_seed_000_no_title_three_sections_four_areas_38_problems() -> None:
    n = _seed("000").notice
    assert n.title is None
    assert [(s.number, s.kind) for s in n.sections] == [
        (1, "leadership"),
        (2, "progress"),
        (3, "clues"),
    ]
    assert _areas(n) == 4
    assert _leaves(n) == 38
    assert n.opening is not None
    assert (n.opening.declared_areas, n.opening.declared_problems) == (4, 38)
    assert n.opening.declared_measures == 127
    c = n.contact
    assert c is not None
    assert c.phones == ["87366129", "87382129"]
    assert c.address and c.postcode == "362100" and c.email
    assert n.disclosure is None
    # 整改进展情况 introduces a narrative of measures: in measures, status null.
    leaf = n.sections[1].leaf_problems()[0]
    assert leaf.status is None
    assert leaf.measures and leaf.measures[0].text.startswith("一是")


def test_seed_001_five_areas_items_numbered_1_to_44_and_disclosure() -> None:
    n = _seed("001").notice
    assert n.title is None
    progress = n.progress_sections()
    assert len(progress) == 1
    assert len(progress[0].areas) == 5
    numbers = [p.number for p in progress[0].all_problems()]
    assert numbers == list(range(1, 45))
    d = n.disclosure
    assert d is not None
    assert (d.start, d.end) == (dt.date(2025, 8, 8), dt.date(2025, 8, 28))


def test_seed_002_two_line_title_sections_1_and_3_status_on_3_to_7() -> None:
    n = _seed("002").notice
    assert n.title is not None
    assert n.title.lines == 2
    assert n.title.text == "中共东港市教育局党组党组关于市委巡察整改落实进展情况的通报"
    assert [s.number for s in n.sections] == [1, 3]
    problems = n.sections[0].all_problems()
    assert len(problems) == 11
    with_status = [p.number for p in problems if p.status is not None]
    assert with_status == [3, 4, 5, 6, 7]
    assert n.contact is not None
    assert n.contact.postcode is None
    assert n.contact.email == "466368334@qq.com"
    # [bookmark: _GoBack]（4） is measure (4), not residue in the text
    third = problems[2]
    assert [m.number for m in third.measures] == [1, 2, 3, 4, 5, 6, 7]


def test_seed_003_blank_lines_three_areas_twelve_problems_disclosure() -> None:
    n = _seed("003").notice
    assert n.title is not None
    assert _areas(n) == 3
    assert _leaves(n) == 12
    d = n.disclosure
    assert d is not None
    assert (d.start, d.end) == (dt.date(2023, 7, 25), dt.date(2023, 8, 15))
    assert n.signature is not None
    assert n.signature.date == dt.date(2023, 7, 25)


def test_seed_004_flattened_line_three_areas_eight_problems_eight_status_lines() -> None:
    parsed = _seed("004")
    n = parsed.notice
    assert parsed.segmentation.flattened_lines == [4]
    assert _areas(n) == 3
    assert _leaves(n) == 8
    statuses = [p.status for s in n.progress_sections() for p in s.leaf_problems()]
    assert all(statuses)
    assert n.opening is not None
    assert (n.opening.declared_areas, n.opening.declared_problems) == (3, 8)
    assert n.signature is not None
    assert n.signature.organ == "中共博山区教育和体育局党组"
    assert n.signature.date == dt.date(2023, 1, 12)


def _structure(n: Notice) -> list[object]:
    out: list[object] = [n.title.text if n.title else None]
    for s in n.sections:
        out.append((s.number, s.kind, s.heading))
        for a in s.areas:
            out.append((a.number, a.heading))
            for p in a.problems:
                out.append(
                    (p.number, p.heading, len(p.measures), p.status.class_ if p.status else None)
                )
        for p in s.problems:
            out.append((p.number, p.heading, len(p.measures)))
    out.append(n.contact.phones if n.contact else None)
    out.append((n.signature.organ, n.signature.date) if n.signature else None)
    return out


def test_seed_004_has_the_same_structure_as_with_line_breaks() -> None:
    parsed = _seed("004")
    unflattened = "\n".join(seg.text for seg in parsed.segmentation.segments)
    from noticelint.parse import parse_text

    again = parse_text(unflattened, "004-unflattened.txt")
    assert again.segmentation.flattened_lines == []
    assert _structure(again.notice) == _structure(parsed.notice)


def _snapshot(name: str, content: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        if not UPDATE and os.environ.get("CI"):
            pytest.fail(f"snapshot {name} is missing (run with NOTICELINT_UPDATE_SNAPSHOTS=1)")
        path.write_text(content, encoding="utf-8")
    assert content == path.read_text(encoding="utf-8"), f"snapshot {name} differs"


@pytest.mark.parametrize("seed", SEEDS)
def test_parse_json_snapshot(seed: str) -> None:
    doc = read_path(CORPUS / seed)
    parsed = parse_document(doc)
    parsed.notice.path = f"corpus/{seed}"
    out = parsed.notice.to_json()
    # The JSON validates back into the model (the pydantic edge).
    assert notice_adapter().validate_json(out).path == f"corpus/{seed}"
    _snapshot(f"{seed[:3]}.parse.json", out + "\n")


@pytest.mark.parametrize("seed", SEEDS)
def test_check_json_snapshot(seed: str) -> None:
    doc = read_path(CORPUS / seed)
    from noticelint.read import Document

    doc = Document(path=f"corpus/{seed}", text=doc.text)
    _, diagnostics = check_document(doc, Settings())
    _snapshot(f"{seed[:3]}.check.json", render_json(diagnostics) + "\n")
    for d in json.loads(render_json(diagnostics)):
        assert set(d) == {
            "path", "code", "name", "severity", "message",
            "line", "column", "end_line", "end_column", "fix",
        }  # fmt: skip
