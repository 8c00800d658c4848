"""The compliance score measures compliance: required parts and structure first,
typography last and once per kind; files that are not notices get no score."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from noticelint.lint import check_document
from noticelint.read import Document
from noticelint.report.model import FileSummary
from noticelint.report.summary import summarize
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT = sorted((ROOT / "tests" / "fixtures" / "compliant").glob("*.txt"))
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
BASE = COMPLIANT[0].read_text(encoding="utf-8")  # c01: no error, no warning


def summary(text: str, name: str = "n.txt") -> FileSummary:
    parsed, diagnostics = check_document(Document(path=name, text=text), Settings())
    return summarize(parsed, diagnostics, name)


def without(text: str, *starts: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.startswith(starts))


def test_a_compliant_notice_scores_full_marks() -> None:
    s = summary(BASE)
    assert s.score == 100.0
    assert s.score_parts is not None
    assert (s.score_parts.parts, s.score_parts.structure, s.score_parts.typography) == (45, 45, 10)


def test_missing_disclosure_and_contact_rank_below_half_width_commas() -> None:
    halfwidth = summary(BASE.replace("，", ","))
    missing = summary(without(BASE, "公开期限", "联系电话"))
    assert halfwidth.warnings > 0 and missing.warnings + missing.errors > 0
    assert halfwidth.score is not None and missing.score is not None
    assert missing.score < halfwidth.score
    assert 100 - halfwidth.score <= 6, "half-width marks cost a few points, not fifty"
    assert missing.score_parts is not None and missing.score_parts.parts < 45
    assert halfwidth.score_parts is not None and halfwidth.score_parts.parts == 45


def test_a_repeated_typographic_finding_counts_once_per_kind() -> None:
    lines = BASE.split("\n")
    once = list(lines)
    first = next(i for i in range(8, 30) if "，" in lines[i])
    once[first] = once[first].replace("，", " ，", 1)
    many = [line.replace("，", " ，") if 8 <= i < 30 else line for i, line in enumerate(lines)]
    one, lots = summary("\n".join(once)), summary("\n".join(many))
    assert lots.infos + lots.warnings > one.infos + one.warnings
    assert {d.code for d in lots.diagnostics} == {d.code for d in one.diagnostics}
    assert one.score == lots.score < 100


def test_structural_findings_cost_per_occurrence() -> None:
    one = summary(BASE.replace("2.关于落实县委", "3.关于落实县委", 1))
    assert {d.code for d in one.diagnostics} >= {"NL501"}
    assert one.score_parts is not None and one.score_parts.structure < 45


def test_non_notices_get_no_score_and_stay_out_of_the_average(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for p in CORPUS:
        shutil.copy(p, folder / p.name)
    (folder / "memo.txt").write_text("会议纪要：今天讨论了食堂的菜单。\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 200)
    out = tmp_path / "r.json"
    subprocess.run(
        [sys.executable, "-m", "noticelint", "report", str(folder), "--json", str(out), "--no-cache"],
        capture_output=True, check=False,
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    files = {Path(f["path"]).name: f for f in report["per_file"]}
    assert files["memo.txt"]["score"] is None and files["broken.txt"]["score"] is None
    assert sorted(Path(p).name for p in report["unscored"]) == ["broken.txt", "memo.txt"]
    scores = [f["score"] for f in report["per_file"] if f["score"] is not None]
    assert report["scored"] == len(CORPUS) == len(scores)
    assert report["score"] == round(sum(scores) / len(scores), 2)
    for f in report["per_file"]:
        if f["score"] is not None:
            parts = f["score_parts"]
            assert f["score"] == round(parts["parts"] + parts["structure"] + parts["typography"], 2)
