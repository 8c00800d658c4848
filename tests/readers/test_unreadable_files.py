"""Corrupt, encrypted, truncated and fake files of each format: exactly one NL001 with
a reason, through ``check_path`` and through the command line, never a traceback."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from readers_fixtures import REPO, SEEDS, W, docx_plain, html_page, pdf_file, raw_docx

from noticelint.lint import check_path
from noticelint.settings import Settings


def _seed(i: int = 2) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


def _random(n: int = 4096) -> bytes:
    return random.Random(5).randbytes(n)


def _corrupt_docx() -> bytes:
    return raw_docx("", document=f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>未闭合')


def _encrypted_docx() -> bytes:
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 1024
    )


def _no_document_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "not a word file")
    return out.getvalue()


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    # name: (suffix, bytes, a word the reason must contain)
    "docx-corrupt-xml": (".docx", _corrupt_docx, "损坏"),
    "docx-encrypted": (".docx", _encrypted_docx, "加密"),
    "docx-truncated": (".docx", lambda: _half(docx_plain(_seed())), "损坏"),
    "docx-fake-text": (".docx", lambda: _seed().encode("utf-8"), "不是有效的 Word"),
    "docx-fake-random": (".docx", _random, "不是有效的 Word"),
    "docx-zip-without-document": (".docx", _no_document_docx, "document.xml"),
    "html-random-bytes": (".html", _random, "二进制"),
    "html-fake-pdf": (".html", lambda: pdf_file(_seed()), "不是网页"),
    "html-fake-docx": (".htm", lambda: docx_plain(_seed()), "不是网页"),
    "html-without-markup": (".html", lambda: _seed().encode("utf-8"), "HTML"),
    "pdf-corrupt": (".pdf", lambda: b"%PDF-1.7\n" + _random(), "PDF"),
    "pdf-encrypted": (".pdf", lambda: pdf_file(_seed(), encrypt="pw"), "加密"),
    "pdf-truncated": (".pdf", lambda: _half(pdf_file(_seed())), "PDF"),
    "pdf-fake-text": (".pdf", lambda: _seed().encode("utf-8"), "不是有效的 PDF"),
    "pdf-fake-random": (".pdf", _random, "不是有效的 PDF"),
    "pdf-fake-html": (".pdf", lambda: html_page(_seed()), "网页"),
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("unreadable")
    out = {}
    for name, (suffix, make, _) in CASES.items():
        path = folder / (name + suffix)
        path.write_bytes(make())
        out[name] = path
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_check_path_gives_one_nl001_with_a_reason(name: str, bad_files: dict[str, Path]) -> None:
    diagnostics = check_path(bad_files[name], Settings(select=["ALL"]))
    assert [d.code for d in diagnostics] == ["NL001"], diagnostics
    message = diagnostics[0].message
    assert CASES[name][2] in message, message
    assert diagnostics[0].line == 1


def test_cli_reports_nl001_for_every_bad_file(bad_files: dict[str, Path], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    paths = [str(p) for p in bad_files.values()]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "noticelint",
            "check",
            "--output-format",
            "json",
            "--no-cache",
            *paths,
        ],
        cwd=REPO,
        capture_output=True,
        env=env,
        timeout=300,
    )
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr, stderr
    assert proc.returncode == 1, stderr
    diagnostics = json.loads(proc.stdout.decode("utf-8"))
    by_path: dict[str, list[str]] = {}
    for d in diagnostics:
        by_path.setdefault(Path(d["path"]).name, []).append(d["code"])
    assert by_path == {p.name: ["NL001"] for p in bad_files.values()}
    for d in diagnostics:
        assert d["message"].startswith("无法读取：") and len(d["message"]) > 8
