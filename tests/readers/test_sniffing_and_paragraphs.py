"""Readers chosen by content when the suffix says nothing, and Word diagnostics
located by paragraph (第N段)."""

from __future__ import annotations

import re
from pathlib import Path

from noticelint.lint import check_path
from noticelint.read import read_bytes, sniff
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_sniffing_by_first_bytes() -> None:
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff(b"  <html lang='zh'>") == "html"
    assert sniff("根据县委统一部署".encode()) is None


def test_an_html_page_read_from_stdin_is_read_as_html() -> None:
    page = "<html><body><div id='zoom'><p>一、整改工作情况</p><p>欢迎监督。</p></div></body></html>"
    doc = read_bytes(page.encode("utf-8"), "-")
    assert doc.medium == "html" and "<p>" not in doc.text


def test_word_diagnostics_say_paragraph(tmp_path: Path) -> None:
    import docx

    text = (ROOT / "corpus" / "002_10fbd8575067efed.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "通报.docx"
    document.save(str(path))
    diags = check_path(path, Settings())
    assert diags
    for d in diags:  # each message names its paragraph(s) once, in 段, never in 行
        places = re.findall(r"第(\d+)(?:—\d+)?段", d.message)
        assert places and len(places) == len(set(places)), d.message
        assert not re.search(r"第\d+(?:—\d+)?行", d.message), d.message
    nl504 = [d for d in diags if d.code == "NL504"]
    assert nl504 and "行" not in nl504[0].message.split("（第")[0].replace("行政", "")
