"""Fixing a Word draft inside its runs: text edits land in the w:t elements, formatting stays."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import docx_drafts
from noticelint.lint import check_document
from noticelint.read import read_bytes
from noticelint.settings import Settings
from noticelint.write.docx import fix_docx


def _lint(document):  # type: ignore[no-untyped-def]
    return check_document(document, Settings())[1]


@pytest.fixture(scope="module")
def draft() -> bytes:
    return docx_drafts.draft_docx()


@pytest.fixture(scope="module")
def fixed(draft: bytes):  # type: ignore[no-untyped-def]
    return fix_docx(draft, "draft.docx", _lint, unsafe=True)


def _lines(data: bytes) -> list[str]:
    return read_bytes(data, "draft.docx").text.split("\n")


def test_the_half_width_comma_in_its_own_run_becomes_full_width(fixed) -> None:  # type: ignore[no-untyped-def]
    line = _lines(fixed.data)[docx_drafts.COMMA_LINE - 1]
    assert "校服供应企业，6月26日" in line
    assert "," not in line


def test_an_edit_spanning_two_runs_is_applied_in_both(draft: bytes, fixed) -> None:  # type: ignore[no-untyped-def]
    assert _lines(draft)[0] == "中共东港市教育局党组党组关于市委巡察整改"
    assert _lines(fixed.data)[0] == "中共东港市教育局党组关于市委巡察整改"
    import docx

    title = docx.Document(io.BytesIO(fixed.data)).paragraphs[0]
    assert [r.text for r in title.runs] == ["中共东港市教育局党组", "关于市委巡察整改"]


def test_a_line_in_a_table_cell_is_fixed_in_the_cell(fixed) -> None:  # type: ignore[no-untyped-def]
    import docx

    table = docx.Document(io.BytesIO(fixed.data)).tables[0]
    assert table.cell(0, 0).text.startswith("整改进展情况：整改完成")


def test_formatting_of_every_run_is_unchanged(draft: bytes, fixed) -> None:  # type: ignore[no-untyped-def]
    before = docx_drafts.run_formats(draft)
    after = docx_drafts.run_formats(fixed.data)
    assert after == before
    assert (True, None, 22.0, "SimSun") in after  # the bold 二号 title is still there
    assert (None, True, None, None) in after  # the comma's italic run too


def test_word_numbering_cannot_be_edited_and_is_listed_not_applied(fixed) -> None:  # type: ignore[no-untyped-def]
    import docx

    last = docx.Document(io.BytesIO(fixed.data)).paragraphs[-1]
    assert last.style.name == "List Number"
    reasons = {n.code: n.reason for n in fixed.not_applied}
    assert "NL503" in reasons
    assert "自动" in reasons["NL503"]
    assert _lines(fixed.data)[-1] == "1. 落实整改责任，建立问题清单。"


def test_every_other_part_of_the_package_is_copied_byte_for_byte(draft: bytes, fixed) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(io.BytesIO(draft)) as a, zipfile.ZipFile(io.BytesIO(fixed.data)) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert changed == ["word/document.xml"]


def test_fixing_twice_changes_nothing(fixed) -> None:  # type: ignore[no-untyped-def]
    again = fix_docx(fixed.data, "draft.docx", _lint, unsafe=True)
    assert again.applied == 0
    assert again.data == fixed.data


def test_safe_fixes_leave_the_unsafe_ones(draft: bytes) -> None:
    safe = fix_docx(draft, "draft.docx", _lint, unsafe=False)
    assert safe.applied > 0
    assert _lines(safe.data)[0] == "中共东港市教育局党组党组关于市委巡察整改"  # NL103 is unsafe
    assert "NL103" in {d.code for d in safe.diagnostics}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args], capture_output=True, text=True, check=False
    )


def test_check_fix_writes_the_fixed_docx_and_a_second_run_changes_nothing(
    tmp_path: Path, draft: bytes
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(draft)
    before = _cli("check", "--output-format", "json", str(path))
    assert '"NL801"' in before.stdout

    first = _cli("check", "--fix", "--output-format", "concise", str(path))
    assert "NL503" in first.stderr  # named as not applied
    fixed = path.read_bytes()
    assert fixed != draft
    assert "校服供应企业，6月26日" in _lines(fixed)[docx_drafts.COMMA_LINE - 1]
    assert docx_drafts.run_formats(fixed) == docx_drafts.run_formats(draft)
    assert not list(tmp_path.glob("*.tmp*"))

    second = _cli("check", "--fix", "--output-format", "json", str(path))
    assert path.read_bytes() == fixed
    assert '"NL503"' in second.stdout  # the finding that could not be fixed is still reported


def test_check_diff_on_a_docx_shows_the_edits_and_writes_nothing(
    tmp_path: Path, draft: bytes
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(draft)
    result = _cli("check", "--diff", str(path))
    assert result.returncode == 1
    assert "+" in result.stdout and "校服供应企业，6月26日" in result.stdout
    assert path.read_bytes() == draft


def test_check_fix_on_html_writes_nothing_and_still_reports_the_fixable_findings(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notice.html"
    lines = docx_drafts.seed_lines()
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    path.write_text(page, encoding="utf-8")
    checked = _cli("check", "--output-format", "json", str(path))
    fixed = _cli("check", "--fix", "--output-format", "json", str(path))
    assert path.read_text(encoding="utf-8") == page
    assert "不会被修改" in fixed.stderr
    assert '"NL801"' in checked.stdout
    assert fixed.stdout == checked.stdout


def _paragraph_properties(data: bytes) -> list[bytes]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return [etree.tostring(p) for p in root.iterfind(".//w:pPr", ns)] + [
        etree.tostring(r) for r in root.iterfind(".//w:rPr", ns)
    ]


def test_a_document_numbered_by_word_keeps_its_numbering_and_properties() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
    from readers_fixtures import docx_numbered

    data, _ = docx_numbered(docx_drafts.SEED.read_text(encoding="utf-8"))
    result = fix_docx(data, "numbered.docx", _lint, unsafe=False)
    assert result.applied > 0
    assert _paragraph_properties(result.data) == _paragraph_properties(data)
    assert len(_lines(result.data)) == len(_lines(data))
    assert _word_labels(result.data) == _word_labels(data)  # the numbers Word generates
    assert len(_word_labels(data)) > 20


def _word_labels(data: bytes) -> list[str]:
    from noticelint.read.docx import line_pieces, load_body

    return [
        pieces[0][0] for pieces in line_pieces(load_body(data)) if pieces and pieces[0][1] is None
    ]
