"""The HTML report page: self-contained, escaped, streamed, and rendered by a real Chromium.

The data is built here from the real corpus (``corpus/*.txt``) and the compliant fixtures,
plus one hostile notice whose text, title, organ and path carry script-injection payloads.
The browser tests run Debian's ``chromium`` headless: a screenshot must not be blank, the
DOM after the page's script ran must list every file and every rule, and the hostile
payloads must not have run (they would set ``data-pwned`` on ``<html>``).
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from noticelint import __version__
from noticelint.diagnostics import Diagnostic
from noticelint.lint import check_document
from noticelint.read import Document, read_path
from noticelint.report.html import render_html, short_summary, unpack
from noticelint.report.model import (
    PART_NAMES,
    CorpusReport,
    FileSummary,
    GroupRow,
    RuleRow,
    file_score,
)
from noticelint.rules import REGISTRY
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "readers"))  # readers_fixtures: the .docx builder
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
COMPLIANT = sorted((ROOT / "tests" / "fixtures" / "compliant").glob("*.txt"))

PWN = "document.documentElement.setAttribute('data-pwned','{}')"
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "</script><script>window.__pwned=3</script>",
    f"<script>{PWN.format('script')}</script>",
    f'<img src=x onerror="{PWN.format("img")}">',
    f"</script><script>{PWN.format('close')}</script>",
)
HOSTILE_ORGAN = f'中共<img src=x onerror="{PWN.format("organ")}">党组'
HOSTILE_TITLE = f"<script>{PWN.format('title')}</script>关于巡察整改进展情况的通报"
HOSTILE_PATH = f'hostile/<img src=x onerror="{PWN.format("path")}">.txt'
#: What must never appear as markup outside the JSON island.
RAW_MARKUP = ("<script>window", "<script>document", "<img src=x", "</script><script>")


# ---------------------------------------------------------------- building the report data


def _parts(parsed: Any) -> dict[str, bool]:
    notice = parsed.notice
    leaves = [p for s in notice.progress_sections() for p in s.leaf_problems()]
    contact = notice.contact
    signature = notice.signature
    return {
        "title": notice.title is not None,
        "opening": notice.opening is not None,
        "progress": bool(notice.progress_sections()),
        "status_lines": bool(leaves) and all(p.status is not None for p in leaves),
        "closing": notice.closing is not None,
        "disclosure": notice.disclosure is not None,
        "contact": contact is not None
        and bool(contact.phones and contact.address and contact.postcode and contact.email),
        "signature_organ": bool(signature and signature.organ),
        "signature_date": bool(signature and signature.date),
    }


def _summary(
    document: Document, *, organ: str | None = None, title: str | None = None
) -> tuple[FileSummary, str, Any]:
    parsed, diagnostics = check_document(document, Settings())
    return _summary_of(document, parsed, diagnostics, organ=organ, title=title)


def _summary_of(
    document: Document,
    parsed: Any,
    diagnostics: list[Diagnostic],
    *,
    organ: str | None = None,
    title: str | None = None,
) -> tuple[FileSummary, str, Any]:
    counts = {s: sum(d.severity == s for d in diagnostics) for s in ("error", "warning", "info")}
    signature = parsed.notice.signature
    date = signature.date if signature else None
    notice_title = parsed.notice.title.text if parsed.notice.title else None
    leaves = [p for s in parsed.notice.progress_sections() for p in s.leaf_problems()]
    areas = sum(len(s.areas) for s in parsed.notice.progress_sections())
    score = file_score(_parts(parsed), diagnostics, parsed.profile.score)
    summary = FileSummary(
        path=document.path,
        organ=organ or (signature.organ if signature else None),
        date=date.isoformat() if date else None,
        year=date.year if date else None,
        profile=parsed.notice.profile,
        title=title or notice_title,
        areas=areas,
        problems=len(leaves),
        parts=_parts(parsed),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        score=score.total if score else None,
        score_parts=score,
        diagnostics=diagnostics,
        size=len(document.text),
    )
    return summary, document.text, parsed


def _hostile() -> tuple[FileSummary, str]:
    """A compliant notice with the payloads in its opening, and a diagnostic over them."""
    base = (COMPLIANT[0]).read_text(encoding="utf-8")
    lines = base.split("\n")
    target = next(i for i, line in enumerate(lines) if len(line) > 60)
    payload = "".join(PAYLOADS)
    lines[target] = lines[target][:10] + payload + lines[target][10:]
    text = "\n".join(lines)
    document = Document(path=HOSTILE_PATH, text=text)
    parsed, diagnostics = check_document(document, Settings())
    marker = Diagnostic(
        path=HOSTILE_PATH,
        code="NL003",
        name=REGISTRY["NL003"].name,
        severity="warning",
        message="文本中有网页残留：<script>、onerror= 等标记",
        line=target + 1,
        column=11,
        end_line=target + 1,
        end_column=11 + len(payload),
    )
    diagnostics = sorted([*diagnostics, marker], key=Diagnostic.sort_key)
    summary, text, _ = _summary_of(
        document, parsed, diagnostics, organ=HOSTILE_ORGAN, title=HOSTILE_TITLE
    )
    return summary, text


def _word() -> tuple[FileSummary, str]:
    """A real .docx (one Word paragraph per line of corpus 001): its findings are in 第N段."""
    from readers_fixtures import docx_plain

    source = CORPUS[1].read_text(encoding="utf-8")
    path = Path(tempfile.mkdtemp()) / "word.docx"
    path.write_bytes(docx_plain(source))
    document = read_path(path)
    document = Document(path="word/通报.docx", text=document.text, medium=document.medium)
    summary, text, _ = _summary(document)
    return summary, text


def _group(rows: list[FileSummary], key: str) -> GroupRow:
    return GroupRow(
        key=key,
        files=len(rows),
        errors=sum(r.errors for r in rows),
        warnings=sum(r.warnings for r in rows),
        infos=sum(r.infos for r in rows),
        score=sum(r.score or 0 for r in rows) / len(rows),
    )


def build_report() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header (CorpusReport without per_file) and the file dicts (with "text")."""
    entries: list[tuple[FileSummary, str]] = []
    for path in [*CORPUS, *COMPLIANT]:
        document = read_path(path)
        document = Document(path=str(path.relative_to(ROOT)), text=document.text)
        summary, text, _ = _summary(document)
        entries.append((summary, text))
    entries.append(_word())
    entries.append(_hostile())
    summaries = [s for s, _ in entries]
    readable = [s for s in summaries if s.readable]

    rules = []
    for code in sorted(REGISTRY):
        rule = REGISTRY[code]
        hit = [s for s in readable if any(d.code == code for d in s.diagnostics)]
        rules.append(
            RuleRow(
                code=code,
                name=rule.name,
                severity=rule.severity,
                summary=rule.summary(),
                files=len(hit),
                diagnostics=sum(d.code == code for s in summaries for d in s.diagnostics),
                pass_rate=1 - len(hit) / len(readable),
            )
        )
    by_organ: dict[str, list[FileSummary]] = defaultdict(list)
    by_year: dict[str, list[FileSummary]] = defaultdict(list)
    for s in summaries:
        by_organ[s.organ or "（未识别）"].append(s)
        by_year[str(s.year) if s.year else "（未识别）"].append(s)
    report = CorpusReport(
        version=__version__,
        generated="2025-01-01T00:00:00+08:00",
        files=len(summaries),
        readable=len(readable),
        unreadable=len(summaries) - len(readable),
        errors=sum(s.errors for s in summaries),
        warnings=sum(s.warnings for s in summaries),
        infos=sum(s.infos for s in summaries),
        score=sum(s.score or 0 for s in summaries) / len(summaries),
        scored=sum(s.score is not None for s in summaries),
        unscored=[s.path for s in summaries if s.score is None],
        completeness={
            key: sum(s.parts.get(key, False) for s in readable) / len(readable)
            for key in PART_NAMES
        },
        rules=rules,
        organs=sorted((_group(v, k) for k, v in by_organ.items()), key=lambda g: -g.files),
        years=sorted((_group(v, k) for k, v in by_year.items()), key=lambda g: g.key),
        top=sorted((r for r in rules if r.files), key=lambda r: (-r.files, r.code))[:10],
        per_file=[],
    )
    header = report.model_dump(mode="json")
    del header["per_file"]
    files = [{**s.model_dump(mode="json"), "text": text} for s, text in entries]
    return header, files


@pytest.fixture(scope="module")
def report() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return build_report()


@pytest.fixture(scope="module")
def page(report: tuple[dict[str, Any], list[dict[str, Any]]]) -> str:
    header, files = report
    out = io.StringIO()
    render_html(header, iter(files), out)
    return out.getvalue()


ISLAND = re.compile(r'(<script type="application/json" id="files">)(.*?)(</script>)', re.S)


def _outside_island(page: str) -> str:
    return ISLAND.sub(r"\1\3", page)


# ---------------------------------------------------------------- unit checks


def test_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    outside = _outside_island(page)  # the notices' own texts could quote a web address
    assert not re.search(r"https?://", outside, re.I), "the page must not reference any URL"
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(", page, re.I)
    assert '<meta http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page
    assert '<html lang="zh-CN">' in page


def test_chinese_interface_and_score_definition(page: str) -> None:
    for label in ("总体合规得分", "按规则统计", "按机关统计", "按年份统计", "文件列表", "得分说明"):
        assert label in page
    for part in ("必备要素 45 分", "结构与内容 45 分", "文字规范 10 分", "只扣一次", "不评分"):
        assert part in page
    assert "平均值" in page


def test_charts_are_inline_svg(page: str) -> None:
    assert page.count('<svg class="chart"') == 4
    assert "<svg" in page and "<canvas" not in page


def test_rule_and_group_tables(page: str, report: tuple[dict[str, Any], Any]) -> None:
    header, _ = report
    for rule in header["rules"]:
        assert f'data-rule="{rule["code"]}"' in page
    assert 'id="rules-table" class="sortable"' in page
    assert 'id="organs-table" class="sortable"' in page
    assert 'id="years-table" class="sortable"' in page
    # a summary containing "<发文机关>" is escaped
    assert "&lt;发文机关&gt;" in page


def test_hostile_strings_are_escaped(page: str) -> None:
    outside = _outside_island(page)
    for raw in RAW_MARKUP:
        assert raw not in outside, raw
    assert "data-pwned" not in outside.replace("&#x27;data-pwned&#x27;", "")
    # the hostile organ appears in the organ table, escaped
    assert "中共&lt;img src=x onerror=&quot;" in outside
    # exactly the page's own three script elements
    assert outside.count("<script") == 3
    assert outside.count("</script>") == 3


def test_json_island_has_no_markup_and_round_trips(
    page: str, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, files = report
    match = ISLAND.search(page)
    assert match
    island = match.group(2)
    assert "<" not in island and ">" not in island and "&" not in island
    data = json.loads(island)
    assert [f["path"] for f in data] == [f["path"] for f in files]
    # the texts are not in the page until a drill-down unpacks them
    assert all("text" not in f for f in data)
    details = [unpack(f["z"]) for f in data]
    assert [d["text"] for d in details] == [f["text"] for f in files]
    hostile = data[-1]
    assert all(p in details[-1]["text"] for p in PAYLOADS)
    assert hostile["organ"] == HOSTILE_ORGAN
    expected = [
        [
            d["code"],
            d["severity"],
            d["message"],
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
        ]
        for d in files[-1]["diagnostics"]
    ]
    assert [d[:7] for d in details[-1]["diagnostics"]] == expected
    assert hostile["codes"] == sorted({d["code"] for d in files[-1]["diagnostics"]})


class _Recorder(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []
        self.last = ""

    def write(self, s: str) -> int:
        self.sizes.append(len(s))
        self.last = s
        return super().write(s)


class _Once:
    """An iterable that can be iterated only once, and checks the page is streamed."""

    def __init__(self, files: list[dict[str, Any]], out: _Recorder) -> None:
        self.files = files
        self.out = out
        self.used = False

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if self.used:
            raise AssertionError("render_html iterated the files twice")
        self.used = True
        for i, file in enumerate(self.files):
            # everything before this file is already written: the page streams
            if i == 0:
                assert 'id="files">[' in self.out.getvalue()
            else:
                assert f'"path":"{self.files[i - 1]["path"]}"' in self.out.last
            yield file


def test_streamed(report: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    header, files = report
    many = [dict(files[i % len(files)], path=f"gen/{i:05}.txt") for i in range(300)]
    out = _Recorder()
    render_html(header, _Once(many, out), out)
    page = out.getvalue()
    assert page.rstrip().endswith("</html>")
    biggest_file = max(len(json.dumps(f, ensure_ascii=False)) for f in files)
    assert max(out.sizes) < biggest_file + 200_000, "the page is written in pieces"
    assert len(out.sizes) > len(many)
    match = ISLAND.search(page)
    assert match
    assert len(json.loads(match.group(2))) == 300


def test_without_texts_and_empty_corpus(report: tuple[dict[str, Any], Any]) -> None:
    header, files = report
    out = io.StringIO()
    render_html(header, ({**f, "text": None} for f in files[:2]), out)
    match = ISLAND.search(out.getvalue())
    assert match and all(unpack(f["z"])["text"] is None for f in json.loads(match.group(2)))
    empty = dict(header, files=0, readable=0, rules=[], organs=[], years=[], top=[])
    out = io.StringIO()
    render_html(dict(empty, completeness={}), iter(()), out)
    assert "暂无数据" in out.getvalue()
    match = ISLAND.search(out.getvalue())
    assert match and json.loads(match.group(2)) == []


# ---------------------------------------------------------------- real headless Chromium

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
IN_CI = bool(os.environ.get("CI"))


def _chromium() -> str:
    if CHROMIUM:
        return CHROMIUM
    if IN_CI:
        pytest.fail("CI is set but chromium is missing: .ci/run must install Debian's chromium")
    pytest.skip("chromium is not installed (apt-get install -y chromium); not in CI, so skipped")


def _run_chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def page_file(page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def _dump_dom(page_file: Path, tmp: Path, fragment: str = "") -> str:
    result = _run_chromium(
        ["--virtual-time-budget=5000", "--dump-dom", page_file.as_uri() + fragment], tmp / "profile"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "</html>" in result.stdout, result.stderr[-2000:]
    return result.stdout


def _png_colours(data: bytes) -> int:
    """The number of distinct pixel colours of an 8-bit RGB/RGBA PNG (no Pillow needed)."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is usually present
        pass
    else:
        with Image.open(io.BytesIO(data)) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
            return len(colours or ())
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), "8-bit RGB(A) PNG expected"
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(chunks)
    stride = width * bpp
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for y in range(height):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if filt == 1:
                line[x] = (line[x] + a) & 0xFF
            elif filt == 2:
                line[x] = (line[x] + b) & 0xFF
            elif filt == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 0xFF
        if y % 4 == 0:
            seen.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp * 2))
        previous = line
    return len(seen)


def test_chromium_screenshot_is_not_blank(page_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    result = _run_chromium(
        [
            "--virtual-time-budget=5000",
            f"--screenshot={png}",
            "--window-size=1280,2000",
            page_file.as_uri(),
        ],
        tmp_path / "profile",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.exists() and png.stat().st_size > 10_000, result.stderr[-2000:]
    shutil.copy(png, page_file.with_suffix(".png"))  # kept next to the page, for a look
    assert _png_colours(png.read_bytes()) > 50, "the screenshot looks blank"


def test_chromium_rows_rendered_and_nothing_executed(
    page_file: Path, tmp_path: Path, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    header, files = report
    dom = _dump_dom(page_file, tmp_path)
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and "data-pwned" not in html_tag.group(0), "a payload ran"
    assert "<img" not in dom, "an injected element was created"
    file_rows = re.search(r'<table id="files-table">.*?</table>', dom, re.S)
    assert file_rows, "the file table is missing"
    rows = file_rows.group(0)
    assert rows.count("<tr>") == len(files) + 1  # the header row and one per file
    for path in [*CORPUS, *COMPLIANT]:
        assert f">{path.relative_to(ROOT)}</a>" in rows, path.name
    # the hostile path is shown as text
    assert "hostile/&lt;img src=x onerror=" in rows
    assert f"共 {len(files)} 份文件" in dom
    rules = re.search(r'<table id="rules-table".*?</table>', dom, re.S)
    assert rules
    for rule in header["rules"]:
        assert f">{rule['code']}</button>" in rules.group(0)
    # the rule filter was filled by the script
    assert dom.count('<option value="NL') == len(header["rules"])


def test_chromium_drill_down_highlights_and_escapes(
    page_file: Path, tmp_path: Path, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, files = report
    index = len(files) - 1  # the hostile notice
    dom = _dump_dom(page_file, tmp_path, f"#file-{index}")
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and "data-pwned" not in html_tag.group(0), "a payload ran"
    assert '<section id="detail">' in dom, "the drill-down did not open"
    text = re.search(r'<div id="detail-text" class="notice-text">(.*?)</div>', dom, re.S)
    assert text, "the notice text is missing"
    shown = text.group(1)
    assert "<mark" in shown
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in shown
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;" in shown
    assert "<script" not in shown and "<img" not in shown
    marks = re.findall(r'<mark class="([^"]*)" title="([^"]*)"', shown)
    assert any("NL003" in title for _, title in marks)
    assert len(re.findall(r'<li class="d-', dom)) == len(files[index]["diagnostics"])
    # a corpus notice: one <mark> (or point mark) per diagnostic at least
    first = files[0]
    dom = _dump_dom(page_file, tmp_path, "#file-0")
    assert f"诊断（{len(first['diagnostics'])} 条）" in dom
    shown0 = re.search(r'<div id="detail-text" class="notice-text">(.*?)</div>', dom, re.S)
    assert shown0
    codes = {d["code"] for d in first["diagnostics"]}
    titles = " ".join(re.findall(r'<mark[^>]* title="([^"]*)"', shown0.group(1)))
    assert all(code in titles for code in codes)


# ---------------------------------------------------------------- issue 15: page fixes


def _detail(dom: str) -> str:
    match = re.search(r'<div id="detail-text" class="notice-text">(.*?)</div>', dom, re.S)
    assert match, "the notice text is missing"
    return match.group(1)


def test_texts_stay_out_of_the_page_until_a_drill_down(
    page: str, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, files = report
    sentence = next(line for line in files[0]["text"].split("\n") if len(line) > 40)[:40]
    assert sentence not in page
    texts = sum(len(f["text"].encode("utf-8")) for f in files if f["text"])
    match = ISLAND.search(page)
    assert match
    # every file's list row, text and diagnostics together weigh less than the bare texts
    assert len(match.group(2).encode("utf-8")) < 0.8 * texts


def test_rule_descriptions_show_inline_code(page: str) -> None:
    rules = re.search(r'<table id="rules-table".*?</table>', page, re.S)
    assert rules
    cells = re.findall(r'<td class="summary">(.*?)</td>', rules.group(0), re.S)
    assert cells and not any("`" in c for c in cells)
    assert "<code>(一)</code>" in rules.group(0)  # NL504's `(一)`


def test_chart_labels_are_the_chinese_rule_summaries(
    page: str, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    header, _ = report
    chart = re.search(
        r'<svg class="chart"[^>]*aria-label="各规则涉及的文件数">.*?</svg>', page, re.S
    )
    assert chart
    labels = [
        "".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", t))
        for t in re.findall(r'<text text-anchor="end" class="label">(.*?)</text>', chart.group(0))
    ]
    summaries = {r["code"]: r["summary"] for r in header["rules"]}
    assert labels
    for label in labels:
        code = label.split(" ", 1)[0]
        # the whole first clause, wrapped over lines when long, never cut
        assert html.unescape(label) == f"{code} {short_summary(summaries[code])}"
    assert any(re.search(r"[\u4e00-\u9fff]", label) for label in labels)


def test_chromium_marks_cover_only_the_marks_a_finding_is_about(
    page_file: Path, tmp_path: Path, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, files = report
    index = next(
        i for i, f in enumerate(files) if any(d["code"] == "NL801" for d in f["diagnostics"])
    )
    shown = _detail(_dump_dom(page_file, tmp_path, f"#file-{index}"))
    marks = re.findall(r'<mark class="[^"]*" title="([^"]*)"[^>]*>(.*?)</mark>', shown, re.S)
    half = [text for title, text in marks if "NL801" in title]
    assert len(half) > 100  # one mark per half-width comma, colon, bracket…
    assert all(text in {",", ":", ";", "(", ")", "!", "?", "."} for text in half), set(half)


def test_chromium_word_drill_down_says_paragraph_and_shows_score_parts(
    page_file: Path, tmp_path: Path, report: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, files = report
    index = next(i for i, f in enumerate(files) if f["path"].endswith(".docx"))
    dom = _dump_dom(page_file, tmp_path, f"#file-{index}")
    locations = re.findall(r'<span class="diag-loc">([^<]*)</span>', dom)
    assert locations and all(re.fullmatch(r"第 \d+ 段", loc) for loc in locations), locations
    parts = files[index]["score_parts"]
    assert f"必备要素 {parts['parts']:g} / {parts['parts_max']:g}" in dom
    assert "结构与内容" in dom and "文字规范" in dom
    assert "<code>" in dom  # the rule's description under each finding, code shown as code
    # a plain-text notice keeps 第 N 行第 M 列
    dom = _dump_dom(page_file, tmp_path, "#file-0")
    assert re.search(r'<span class="diag-loc">第 \d+ 行第 \d+ 列</span>', dom)


def test_baselined_counts_and_unscored_files_are_shown_apart(
    report: tuple[dict[str, Any], list[dict[str, Any]]],
) -> None:
    header, files = report
    out = io.StringIO()
    render_html(
        dict(header, baselined=17, unscored=["杂项/会议纪要.txt"], score=None), iter(files[:1]), out
    )
    page = _outside_island(out.getvalue())
    assert re.search(r"已记入基线</div><div class=\"card-value\">17<", page)
    assert "不评分的文件" in page and "<li>杂项/会议纪要.txt</li>" in page
    assert 'class="ring-value">—<' in page  # no scored file: no corpus score
