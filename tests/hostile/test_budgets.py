"""Every untrusted decode runs under the per-file time and memory budget, in every
mode, and survives a native abort (issue 12, classes 1–4 and 6).

The budgets asserted here are generous ceilings (seconds where the old code took
minutes or never ended), never tight timings."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from bombs import (
    docx_numbering_bomb,
    html_deep_nesting,
    html_many_attributes,
    html_print_links,
    pdf_document,
    pdf_inflate_bombs,
    pdf_shared_dense_stream,
    quadratic_text_lines,
    spaces_flate,
)
from hostile_files import compliant, docx_of

from noticelint.lint import check_bytes, check_path, fix_path
from noticelint.read import ReadError, read_bytes
from noticelint.read.isolate import read_untrusted
from noticelint.read.sandbox import Sandbox
from noticelint.settings import Settings

_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"


def _big_pdf(megabytes: int) -> bytes:
    """A PDF under the inflate limits whose one stream still takes megabytes."""
    return pdf_document(
        [_PAGE], {4: (b"/Filter /FlateDecode", b"stream\n" + spaces_flate(megabytes))}
    )


# --- the sandbox ---------------------------------------------------------------------


def test_the_sandbox_reads_a_word_file_and_is_reused() -> None:
    sandbox = Sandbox(2 * 1024**3)
    try:
        data = docx_of(compliant())
        first = sandbox.read(data, "a.docx", max_bytes=10**7, timeout=60)
        child = sandbox._child
        second = sandbox.read(data, "b.docx", max_bytes=10**7, timeout=60)
        assert first.text == second.text and "整改" in first.text
        assert sandbox._child is child  # one process for many files
    finally:
        sandbox.close()


def test_a_native_abort_under_the_memory_limit_is_nl001_and_the_next_file_is_read() -> None:
    # 60 MB of content is within the inflate limits; under a 120 MB address space
    # PDFium cannot allocate it and abort()s — the whole process, were it not a child.
    sandbox = Sandbox(120 * 1024**2)
    try:
        with pytest.raises(ReadError, match=r"reader crashed|over the memory budget"):
            sandbox.read(_big_pdf(60), "big.pdf", max_bytes=10**7, timeout=60)
        page = b"<html><body><p>\xe5\x85\xb3\xe4\xba\x8e\xe6\x95\xb4\xe6\x94\xb9</p></body></html>"
        assert sandbox.read(page, "ok.html", max_bytes=10**7, timeout=60).text == "关于整改"
    finally:
        sandbox.close()


def test_a_reader_killed_by_a_signal_is_reader_crashed() -> None:
    sandbox = Sandbox(2 * 1024**3)
    slow = pdf_shared_dense_stream(pages=400)  # within the content budget, but slow
    try:
        sandbox.read(
            b"<html><body><p>x</p></body></html>", "warm.html", max_bytes=10**7, timeout=60
        )
        child = sandbox._child
        assert child is not None
        timer = threading.Timer(0.5, os.kill, (child.pid, signal.SIGSEGV))
        timer.start()
        with pytest.raises(ReadError, match="reader crashed") as caught:
            sandbox.read(slow, "slow.pdf", max_bytes=10**7, timeout=120)
        timer.join()
        assert "SIGSEGV" in str(caught.value)
        assert sandbox._child is None or sandbox._child.pid != child.pid
    finally:
        sandbox.close()


def test_a_reader_over_the_time_budget_is_stopped() -> None:
    sandbox = Sandbox(2 * 1024**3)
    try:
        started = time.monotonic()
        with pytest.raises(ReadError, match="over the time budget"):
            sandbox.read(
                pdf_shared_dense_stream(pages=400), "slow.pdf", max_bytes=10**7, timeout=0.5
            )
        assert time.monotonic() - started < 30
    finally:
        sandbox.close()


def test_a_reader_over_budget_is_not_cached(tmp_path: Path) -> None:
    from noticelint.batch.job import Job, Options
    from noticelint.batch.work import process

    path = tmp_path / "slow.pdf"
    path.write_bytes(pdf_shared_dense_stream(pages=400))
    cache = tmp_path / "cache"
    result = process(Job(str(path), Settings(timeout=0.5)), Options(str(cache), False))
    assert result.summary is not None and "over the time budget" in result.summary["error"]
    assert not [p for p in cache.rglob("*") if p.is_file()]  # may fit next time


def test_read_untrusted_takes_a_path_or_bytes_and_keeps_text_in_process(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(compliant(), encoding="utf-8")
    settings = Settings()
    assert read_untrusted(path, str(path), settings).text == compliant()
    assert read_untrusted(path.read_bytes(), "-", settings).text == compliant()
    with pytest.raises(ReadError, match="超过上限"):
        read_untrusted(b"x" * 100, "a.txt", Settings(max_bytes=10))


# --- decoding bombs, each closed at its root ---------------------------------------------


@pytest.fixture(scope="module")
def inflate_bombs() -> dict[str, bytes]:
    return pdf_inflate_bombs(1024)


@pytest.mark.parametrize(
    "name",
    [
        "bomb-stream-cr.pdf",
        "bomb-stream-spaces.pdf",
        "bomb-hex-flate.pdf",
        "bomb-a85-flate.pdf",
        "bomb-flate4.pdf",
        "bomb-indirect-filter.pdf",
    ],
)
def test_pdf_inflate_bombs_are_refused_by_their_decoded_size(
    inflate_bombs: dict[str, bytes], name: str
) -> None:
    # Each decodes to 1 GB; before the fix all but the last got past the guard.
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_bytes(inflate_bombs[name], name)


def test_ordinary_filter_chains_are_measured_exactly() -> None:
    import base64
    import zlib

    from noticelint.read.pdf_streams import measure

    body = "整改措施：".encode() * 500
    for entries, raw in [
        (b"/Filter /FlateDecode", zlib.compress(body)),
        (b"/Filter [/AHx /Fl]", zlib.compress(body).hex().encode() + b">"),
        (b"/Filter [/ASCII85Decode /FlateDecode]", base64.a85encode(zlib.compress(body)) + b"~>"),
        (b"/Filter /RunLengthDecode", bytes([127]) + body[:128] + bytes([129, 65]) + b"\x80"),
        # data whose first byte is white space (a run length of 10): found by the fuzzer
        (b"/Filter /RL", bytes([9]) + body[:10] + b"\x80"),
    ]:
        doc = pdf_document([_PAGE], {4: (entries, b"stream\r\n" + raw)})
        sizes = measure(doc, 1 << 26, 1 << 28)
        expected = {b"/Filter /RunLengthDecode": 256, b"/Filter /RL": 10}.get(entries, len(body))
        assert sizes.by_object[4] == expected, entries


def test_many_pages_sharing_one_dense_stream_are_refused_by_the_content_budget() -> None:
    with pytest.raises(ReadError, match=r"各页|page content budget"):
        read_bytes(pdf_shared_dense_stream(), "pages.pdf")


def test_a_docx_numbering_bomb_reads_small() -> None:
    data = docx_numbering_bomb()
    assert len(data) < 4000
    document = read_bytes(data, "numbering.docx")
    lines = document.text.split("\n")
    assert len(lines) == 40 and all(line.endswith("整改") for line in lines)
    assert max(len(line) for line in lines) <= 64 + 2
    assert len(document.text) < 16 * len(data)


def test_word_counters_stay_in_words_range() -> None:
    from noticelint.read.docx import MAX_COUNTER, format_number

    assert format_number(27, "upperLetter") == "AA"
    assert len(format_number(MAX_COUNTER, "upperLetter")) <= 64


def test_the_print_link_line_is_linear() -> None:
    from noticelint.read.html import _PRINT_LINKS

    started = time.monotonic()
    assert _PRINT_LINKS.fullmatch("打印 " * 5000 + "x") is None  # 2^5000 steps before
    assert _PRINT_LINKS.fullmatch("【打印本页】 【关闭窗口】")
    assert time.monotonic() - started < 5
    assert read_bytes(html_print_links(), "print.html").text.startswith("打印 打印")


@pytest.mark.parametrize(
    ("maker", "reason"),
    [(html_many_attributes, "属性"), (html_deep_nesting, "嵌套")],
)
def test_markup_that_makes_lexbor_quadratic_is_refused_first(maker: object, reason: str) -> None:
    assert callable(maker)
    started = time.monotonic()
    with pytest.raises(ReadError, match=reason):
        read_bytes(maker(), "page.html")
    assert time.monotonic() - started < 10


# --- the time budget in every mode -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(quadratic_text_lines(1)))
def test_lines_that_were_quadratic_are_checked_within_the_budget(name: str) -> None:
    data = quadratic_text_lines(40)[name]
    found = check_bytes(data, name, Settings(timeout=60))
    assert not any("超时" in d.message for d in found)  # 40 KB took 74 s before


def test_stdin_check_and_fix_are_under_the_time_budget(tmp_path: Path) -> None:
    """A file slower than the budget is NL001 "处理超时" in check_path, check_bytes
    (stdin) and fix_path (--fix/--diff), not an endless run."""
    data = ("整 " * 40_000 + "\n").encode()  # 40,000 findings: seconds of work
    tight = Settings(timeout=0.05)
    path = tmp_path / "slow.txt"
    path.write_bytes(data)
    for found in (
        check_bytes(data, "-", tight),
        check_path(path, tight),
        fix_path(path, tight, unsafe=False, write=True).diagnostics,
    ):
        assert [d.code for d in found] == ["NL001"] and "超时" in found[0].message
    assert path.read_bytes() == data
