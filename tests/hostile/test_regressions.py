"""Regressions: every crash, hang or blow-up the hostile suite, the hypothesis
fuzzers and the atheris target (fuzz/fuzz_pipeline.py) found, with the input inline.

An atheris input starts with its route byte (``byte % 4``: 0 .txt, 1 .html, 2 .docx,
3 .pdf; ``byte & 4``: wrapped, see fuzz_pipeline.py); ``replay`` runs it exactly as
the fuzz target does.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from noticelint.lint import check_bytes
from noticelint.read import ReadError
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "fuzz"))


def replay(data: bytes) -> None:
    """Run one input through the atheris target (no fuzzing engine needed; atheris
    comes with the dev extra, so this never skips)."""
    from fuzz_pipeline import one_input

    one_input(data)


# --- found by the hostile suite ------------------------------------------------------


def test_more_than_ninety_nine_headings_do_not_crash_the_numbering_rules() -> None:
    # IndexError in rules/numbering.cn_numeral: the 100th "一、" expected "一百、".
    text = "\n".join(f"{'一二三四五六七八九'[i % 9]}、情况" for i in range(130))
    diagnostics = check_bytes(text.encode(), "many.txt", Settings())
    assert any("一百" in d.message for d in diagnostics if d.code == "NL501")


def test_a_dtd_after_the_first_4_kb_of_a_part_is_refused() -> None:
    # The DTD check looked at the first 4 KB only; past a long comment the part was
    # parsed (safely, nothing expanded) but the text after an entity reference was lost.
    import io
    import zipfile

    xml = (
        b'<?xml version="1.0"?><!--' + b"x" * 5000 + b'--><!DOCTYPE w:document [<!ENTITY e "E">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>A&e;B</w:t></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", xml)
    (d,) = check_bytes(out.getvalue(), "late.docx", Settings())
    assert d.code == "NL001" and "DTD" in d.message


def test_spaces_between_chinese_on_a_long_line_are_linear() -> None:
    # NL803 counted 《 and “ from the start of the line for every space, and its
    # snippets searched the whole line for a line break: quadratic on a long line.
    from noticelint.rules.typography.helpers import OpenMarks, excerpt

    line = "月 " * 1_500_000  # 3 MB
    started = time.perf_counter()
    marks = OpenMarks(line)
    for pos in range(1, len(line), 300):
        assert not marks.inside(0, pos)
        assert excerpt(line, pos, pos + 1, 4, 4)
    assert time.perf_counter() - started < 2
    assert OpenMarks("《学党纪 明规矩》 “一 二” 三").inside(0, 4)
    assert not OpenMarks("《学党纪》 明规矩").inside(0, 6)
    assert excerpt("甲乙\n丙丁戊己\n庚", 4, 5, 4, 4) == "丙丁戊己"


def test_a_fifo_in_a_folder_is_not_opened(tmp_path: Path) -> None:
    # The folder walk yielded a FIFO named .txt; reading it blocked the run for ever.
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "n.txt").write_text("一、情况\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", str(tmp_path), "--no-cache"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1) and b"pipe.txt" not in result.stdout


def test_a_deflate_bomb_pdf_is_refused_before_pdfium_inflates_it() -> None:
    # A 1 MB PDF with a 1 GB content stream took 2 GB of memory in PDFium (a 10 MB
    # file could take 10 GB): the Flate streams are now measured first, chunk by chunk.
    import zlib

    from hostile_files import pdf_bomb

    from noticelint.read.pdf import MAX_INFLATED_STREAM, MAX_INFLATED_TOTAL, _check_streams
    from noticelint.read.pdf_streams import measure

    def inflated(data: bytes) -> int:
        return measure(data, MAX_INFLATED_STREAM, MAX_INFLATED_TOTAL).largest

    started = time.perf_counter()
    (d,) = check_bytes(pdf_bomb(256), "bomb.pdf", Settings())
    assert d.code == "NL001" and "压缩炸弹" in d.message
    assert time.perf_counter() - started < 5
    # Two layers of Flate (/Filter [/FlateDecode /FlateDecode]) are counted too.
    inner = zlib.compress(b" " * (80 << 20), 9)
    outer = zlib.compress(inner, 9)
    assert inflated(b"stream\n" + outer) > MAX_INFLATED_STREAM
    with pytest.raises(ReadError, match="压缩炸弹"):
        _check_streams(b"%PDF-1.4\n4 0 obj\n<< >>\nstream\n" + outer + b"\nendstream\n")
    # An ordinary stream is measured exactly.
    small = zlib.compress("正文".encode() * 1000)
    assert inflated(b"stream\n" + small) == 6000


def test_a_file_whose_name_nearly_fills_the_limit_can_be_fixed(tmp_path: Path) -> None:
    # The temporary file was named ".<name>.<random>.noticelint": over 255 bytes for a
    # long (Chinese) name, so --fix could not write ("File name too long").
    from noticelint.atomic import Stamp
    from noticelint.lint import fix_file
    from noticelint.read import read_path

    path = tmp_path / ("通" * 80 + ".txt")  # 244 bytes
    path.write_text("一、情况\n这是内容,有半角逗号。\n", encoding="utf-8")
    outcome = fix_file(
        read_path(path), Settings(), unsafe=False, write=True, path=path, stamp=Stamp.of(path)
    )
    assert outcome.written, outcome.note
    assert "内容，有" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


# --- found by the hostile suite, fixed in the CLI and the report ---------------------------


def test_the_cache_tells_a_renamed_file_from_the_original(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "fixtures" / "compliant" / "c01_xuncha_basic.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(text)
    (tmp_path / "b.docx").write_bytes(text)  # not a Word file: NL001
    options = ["--output-format", "concise", "--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", str(tmp_path), *options],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert b"b.docx:1:1: NL001" in result.stdout


# --- found by atheris (fuzz/run.sh) ----------------------------------------------------
# Nothing yet: 21 minutes, 80,000 inputs (see docs/reliability.md). The seeds at least
# replay cleanly, so the target itself cannot rot unnoticed.


def test_a_traditional_script_notice_keeps_its_offsets_through_the_target() -> None:
    """Found by atheris: the target held paragraphs to the text as written, but a
    traditional-script notice is parsed through its simplified view (S12) — the same
    length, other characters. The paragraphs must match the view, offset for offset."""
    text = (
        "中共東嶺縣財政局黨組關於縣委巡察整改進展情況的通報\n"
        "根據縣委統一部署，縣委第二巡察組於2024年3月對縣財政局黨組開展了常規巡察。\n"
        "一、加強組織領導，壓實整改責任\n"
        "（一）提高政治站位。局黨組召開專題會議研究部署整改工作。\n"
    )
    replay(b"\x00" + text.encode("utf-8"))


def test_the_fuzz_seeds_replay_through_the_target() -> None:
    seeds = sorted((ROOT / "fuzz" / "corpus").iterdir())
    assert seeds and sum(p.stat().st_size for p in seeds) < 200_000
    for seed in seeds:
        replay(seed.read_bytes())
    replay(b"")
    replay(b"\x06<w:document/>")  # wrapped .docx without a body: NL001, not a crash
