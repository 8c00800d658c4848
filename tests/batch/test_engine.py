"""The lean engine keeps what the old one printed: JSON written straight from a
file-wide fix's offsets is byte for byte the standard library's encoding of the
diagnostic, the pool's streamed output is the in-process output, and checking a
document leaves no reference cycle behind (nothing for the cyclic GC to do)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notice_support import COMPLIANT_DIR, CORPUS_DIR
from noticelint.diagnostics import CompactEdits, Edit
from noticelint.lint import check_document
from noticelint.output.machine import diagnostic_json
from noticelint.read import read_path
from noticelint.settings import Settings

NOTICES = sorted(CORPUS_DIR.glob("*.txt")) + sorted(COMPLIANT_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_json_from_offsets_is_the_standard_encoding(path: Path) -> None:
    document = read_path(path)
    _, diagnostics = check_document(document, Settings())
    for d in diagnostics:
        assert diagnostic_json(d) == json.dumps(d.as_dict(), ensure_ascii=False)


def test_a_file_wide_fix_is_kept_compact_and_expands_to_the_edits_one_by_one() -> None:
    path = next(p for p in NOTICES if p.name.startswith("000"))  # half-width throughout
    parsed, diagnostics = check_document(read_path(path), Settings())
    (whole,) = [d for d in diagnostics if d.code == "NL801"]
    assert whole.fix is not None and isinstance(whole.fix.edits, CompactEdits)
    index = parsed.index
    one_by_one = []
    for offset, ch in whole.fix.edits.marks:
        line, column = index.position(offset)
        content = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}.get(ch, ch)
        one_by_one.append(
            Edit(line=line, column=column, end_line=line, end_column=column + 1, content=content)
        )
    assert len(one_by_one) > 200
    assert list(whole.fix.edits) == one_by_one


def test_checking_a_document_leaves_no_reference_cycles() -> None:
    documents = [read_path(p) for p in NOTICES]
    settings = Settings()
    check_document(documents[0], settings)  # warm up: compiled patterns, the parser
    gc.collect()
    gc.disable()
    try:
        for document in documents:
            check_document(document, settings)
            assert gc.collect() == 0, f"{document.path}: per-document cycles left for the GC"
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(6):
        for src in NOTICES:
            shutil.copy(src, folder / f"{i}_{src.name}")
    return folder


def _check(corpus: Path, *args: str) -> tuple[int, str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", str(corpus), "--no-cache", *args],
        capture_output=True,
        env=env,
        timeout=600,
    )
    return proc.returncode, proc.stdout.decode()


@pytest.mark.parametrize("fmt", ["json", "junit", "full"])
def test_the_pool_streams_the_same_output_as_one_process(corpus: Path, fmt: str) -> None:
    one = _check(corpus, "--output-format", fmt, "-j", "1")
    two = _check(corpus, "--output-format", fmt, "-j", "2")
    assert one[1].count(".txt") >= 60
    assert two == one


def test_checking_one_file_builds_neither_the_cli_app_nor_a_pool() -> None:
    """The pre-commit case (`noticelint check 通报.txt`) starts fast: the typer app, the
    rich console (for concise output) and multiprocessing are not even imported."""
    script = (
        "import runpy, sys\n"
        "sys.argv = ['noticelint', 'check', sys.argv[1], '--output-format', 'concise',"
        " '--no-cache']\n"
        "try:\n"
        "    runpy.run_module('noticelint', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('MODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(NOTICES[-1])], capture_output=True, timeout=120
    )
    out = proc.stdout.decode()
    assert "检查了 1 个文件" in out
    modules = set(out.split("MODULES", 1)[1].split())
    assert "noticelint" in modules
    assert not modules & {"typer", "click", "rich", "multiprocessing"}, modules


def test_nl505_numeral_led_pattern_finds_what_the_look_behind_pattern_found() -> None:
    """NL505's enumerations (一是、二是…) were found by a pattern led by a look-behind;
    the numeral-led pattern plus a test on the character before finds the same matches."""
    import random
    import re

    from noticelint.rules.numbering.enumeration_sequence import _enum_pattern, _enumerations

    rnd = random.Random(11)
    for suffix in ("是", "、", "要"):
        old = re.compile(rf"(?<!\w)([一二三四五六七八九十]{{1,3}}){re.escape(suffix)}")
        alphabet = "一二三四五六七八九十统之第a1 ，。_" + suffix
        texts = ["统一是、第一是、之一是", "一是加强；二是完善；十一是落实"]
        texts += [
            "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(20000)
        ]
        for text in texts:
            want = [(m.span(), m.group(1)) for m in old.finditer(text)]
            found = _enumerations(text, _enum_pattern(suffix))
            got = [((s, e), text[s : e - len(suffix)]) for s, e in found]
            assert got == want, text
