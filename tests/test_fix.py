"""Fixes: applying them, writing them safely, and proving they are lossless and idempotent."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticelint import atomic
from noticelint.atomic import ConcurrentModification, Stamp, write_atomic
from noticelint.diagnostics import Diagnostic, Edit, Fix
from noticelint.fix import apply_edits, fix_document, selected_edits
from noticelint.lint import check_document, fix_file
from noticelint.read import Document, read_bytes, read_path
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
COMPLIANT = sorted((ROOT / "tests" / "fixtures" / "compliant").glob("*.txt"))
SEED_002 = ROOT / "corpus" / "002_10fbd8575067efed.txt"
SETTINGS = Settings()


def lint(doc: Document) -> list[Diagnostic]:
    return check_document(doc, SETTINGS)[1]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        check=False,
    )


def _diag(edits: list[Edit], applicability: str = "safe") -> Diagnostic:
    return Diagnostic(
        path="x.txt", code="NL999", name="test", severity="warning", message="测试",
        line=1, column=1, end_line=1, end_column=1,
        fix=Fix(applicability=applicability, message="m", edits=edits),  # type: ignore[arg-type]
    )  # fmt: skip


def test_edits_apply_to_the_files_own_line_breaks() -> None:
    raw = "第一行\r\n第二行,内容\r\n第三行\r\n"
    edit = Edit(line=2, column=4, end_line=2, end_column=5, content="，")
    assert apply_edits(raw, [[edit]], "\r\n") == "第一行\r\n第二行，内容\r\n第三行\r\n"
    insert = Edit(line=1, column=4, end_line=1, end_column=4, content="\n新行")
    assert apply_edits(raw, [[insert]], "\r\n") == "第一行\r\n新行\r\n第二行,内容\r\n第三行\r\n"


def test_overlapping_fixes_wait_for_the_next_pass_and_unsafe_needs_opt_in() -> None:
    a = _diag([Edit(line=1, column=1, end_line=1, end_column=3, content="甲")])
    b = _diag([Edit(line=1, column=2, end_line=1, end_column=4, content="乙")])
    c = _diag([Edit(line=1, column=5, end_line=1, end_column=6, content="丙")], "unsafe")
    assert len(selected_edits([a, b, c], unsafe=False)) == 1
    assert len(selected_edits([a, b, c], unsafe=True)) == 2


def test_a_fix_loop_that_never_settles_is_reported_not_silent() -> None:
    doc = Document(path="x.txt", text="甲\n")

    def always(d: Document) -> list[Diagnostic]:
        return [_diag([Edit(line=1, column=1, end_line=1, end_column=2, content=d.text[0] + "甲")])]

    result = fix_document(doc, always, max_passes=3)
    assert result.passes == 3 and not result.converged


def _gb18030_crlf(tmp_path: Path) -> tuple[Path, bytes]:
    text = SEED_002.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("gb18030")
    path = tmp_path / "通报 草稿.txt"
    path.write_bytes(data)
    path.chmod(0o640)
    return path, data


def test_fix_keeps_encoding_line_breaks_permissions_and_is_idempotent(tmp_path: Path) -> None:
    path, before = _gb18030_crlf(tmp_path)
    result = run("check", str(path), "--fix", "--output-format", "json")
    after = path.read_bytes()
    assert after != before
    assert (path.stat().st_mode & 0o777) == 0o640
    decoded = after.decode("gb18030")  # still GB18030
    assert decoded.count("\r\n") == before.decode("gb18030").count("\r\n")
    assert "\n" not in decoded.replace("\r\n", "")
    remaining = {d["code"] for d in json.loads(result.stdout)}
    assert "NL405" not in remaining and "NL703" not in remaining
    again = run("check", str(path), "--fix", "--output-format", "json")
    assert path.read_bytes() == after  # a second --fix changes nothing
    assert json.loads(again.stdout) == json.loads(result.stdout)
    assert not list(tmp_path.glob(".*.noticelint"))  # no temporary file left behind


def test_fix_keeps_a_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    text = SEED_002.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run("check", str(path), "--fix")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not path.read_bytes()[3:].startswith(b"\xef\xbb\xbf")


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    path, before = _gb18030_crlf(tmp_path)
    result = run("check", str(path), "--diff")
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    assert out.startswith("---") and "\n+++ " in out and "\n@@ " in out
    assert "+整改措施：" in out
    assert path.read_bytes() == before
    clean = ROOT / "tests" / "fixtures" / "compliant" / "c01_xuncha_basic.txt"
    assert run("check", str(clean), "--diff").returncode == 0


def test_unsafe_fixes_apply_only_with_the_option(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(SEED_002.read_bytes())
    run("check", str(path), "--fix", "--select", "NL103")
    assert "党组党组" in path.read_text(encoding="utf-8")
    run("check", str(path), "--fix", "--unsafe-fixes", "--select", "NL103")
    assert "党组党组" not in path.read_text(encoding="utf-8")


def test_stdin_fix_writes_the_fixed_text_to_stdout() -> None:
    data = SEED_002.read_bytes()
    result = run("check", "-", "--stdin-filename", "draft.txt", "--fix", stdin=data)
    fixed = result.stdout.decode("utf-8")
    assert "整改措施：" in fixed and fixed != data.decode("utf-8")
    findings = [ln for ln in result.stderr.decode("utf-8").splitlines() if ": NL" in ln]
    assert findings  # in concise form, the severity in Chinese
    assert all(
        re.match(r"draft\.txt:\d+:\d+: NL\d{3} \[(错误|警告|提示)\] ", ln) for ln in findings
    )


def test_a_failure_before_the_replace_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _gb18030_crlf(tmp_path)

    def boom(tmp: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_replace", boom)
    outcome = fix_file(
        read_path(path), SETTINGS, unsafe=False, write=True, path=path, stamp=Stamp.of(path)
    )
    assert not outcome.written and outcome.note and "无法写入" in outcome.note
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_file_changed_on_disk_after_reading_is_not_written(tmp_path: Path) -> None:
    path, before = _gb18030_crlf(tmp_path)
    stamp = Stamp.of(path)
    document = read_path(path)
    path.write_bytes(before + "新增一行\r\n".encode("gb18030"))
    os.utime(path, ns=(stamp.mtime_ns + 10_000_000, stamp.mtime_ns + 10_000_000))
    outcome = fix_file(document, SETTINGS, unsafe=False, write=True, path=path, stamp=stamp)
    assert not outcome.written and outcome.note and "修改" in outcome.note
    assert path.read_bytes().endswith("新增一行\r\n".encode("gb18030"))
    with pytest.raises(ConcurrentModification):
        write_atomic(path, b"x", stamp)


# --- properties --------------------------------------------------------------------

PERTURB = [
    ("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")"), ("。\n", "。  \n"),
    ("整改措施：", " 整改措施"), ("电子邮箱：", "电子邮箱"), ("\n\n", "\n\n\n\n"),
    ("2024年9月2日\n", "2024年09月02日\n"), ("“", '"'), ("”", '"'),
]  # fmt: skip


@st.composite
def drafts(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(COMPLIANT + CORPUS))
    text = path.read_text(encoding="utf-8")
    for old, new in draw(st.lists(st.sampled_from(PERTURB), max_size=6)):
        n = text.count(old)
        if n:
            k = draw(st.integers(0, n - 1))
            i = -1
            for _ in range(k + 1):
                i = text.find(old, i + 1)
            text = text[:i] + new + text[i + len(old) :]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return text, newline


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.booleans())
def test_fixing_is_idempotent_and_lossless(draft: tuple[str, str], unsafe: bool) -> None:
    text, newline = draft
    data = text.replace("\n", newline).encode("utf-8")
    doc = read_bytes(data, "draft.txt")
    first = fix_document(doc, lint, unsafe=unsafe)
    assert first.converged
    # Idempotent: fixing the fixed text changes nothing.
    second = fix_document(first.document, lint, unsafe=unsafe)
    assert second.applied == 0
    assert second.document.original == first.document.original
    # Lossless: the line breaks stay the file's own; edits on CRLF text are the
    # same edits as on the normalised text.
    fixed_raw = first.document.original
    if newline == "\r\n":
        assert "\n" not in fixed_raw.replace("\r\n", "")
    # One pass applied to the raw text equals the same pass on the normalised text.
    fixes = selected_edits(lint(doc), unsafe=unsafe)
    on_raw = apply_edits(doc.original, fixes, doc.newline)
    on_text = apply_edits(doc.text, fixes, "\n")
    assert on_raw.replace("\r\n", "\n") == on_text
    # Nothing but punctuation, white space, labels and dates changes: every Chinese
    # character of the draft survives, in order, except in doubled words (unsafe).
    if not unsafe:
        from noticelint.parse import parse_document

        kept = doc.text
        for a in sorted(parse_document(doc).segmentation.artifacts, key=lambda a: -a.start):
            kept = kept[: a.start] + kept[a.end :]  # residue is deleted by NL003 (safe)
        han = [c for c in kept if "\u4e00" <= c <= "\u9fff"]
        han_fixed = [c for c in first.document.text if "\u4e00" <= c <= "\u9fff"]
        assert _subsequence_with_label_changes(han, han_fixed)


def _subsequence_with_label_changes(before: list[str], after: list[str]) -> bool:
    """Safe fixes may rename a contact label (邮编→邮政编码): compare without labels."""
    import re

    def strip(chars: list[str]) -> str:
        s = "".join(chars)
        for label in (
            "邮政编码",
            "邮编",
            "电子邮箱",
            "电子信箱",
            "邮箱",
            "联系电话",
            "联系方式",
            "电话",
        ):
            s = s.replace(label, "")
        return re.sub(r"\s", "", s)

    return strip(before) == strip(after)


@pytest.mark.parametrize("path", CORPUS + COMPLIANT, ids=lambda p: p.name[:12])
def test_fixing_every_notice_converges_and_is_idempotent(path: Path) -> None:
    doc = read_path(path)
    first = fix_document(doc, lint, unsafe=True)
    assert first.converged
    assert fix_document(first.document, lint, unsafe=True).applied == 0


def test_every_output_format_carries_the_same_diagnostics() -> None:
    def rows(fmt: str) -> list[tuple[str, int, int, str]]:
        out = run("check", "corpus", "--output-format", fmt).stdout.decode("utf-8")
        if fmt == "json":
            return [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(out)]
        if fmt == "jsonl":
            data = [json.loads(line) for line in out.splitlines()]
            return [(d["path"], d["line"], d["column"], d["code"]) for d in data]
        if fmt == "sarif":
            results = json.loads(out)["runs"][0]["results"]
            return [
                (
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"],
                    r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                    r["ruleId"],
                )
                for r in results
            ]
        import re

        if fmt == "github":
            pat = re.compile(r"file=([^,]+),line=(\d+),col=(\d+).*?::(NL\d{3}) ")
        elif fmt == "junit":
            pat = re.compile(r">([^<>]+?):(\d+):(\d+): (NL\d{3}) \[")
        else:  # concise
            pat = re.compile(r"^(.+?):(\d+):(\d+): (NL\d{3}) ", re.M)
        return [(p, int(a), int(b), c) for p, a, b, c in pat.findall(out)]

    reference = rows("json")
    assert reference
    for fmt in ("jsonl", "sarif", "github", "junit", "concise"):
        assert rows(fmt) == reference, fmt
