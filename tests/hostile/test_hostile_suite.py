"""The hostile-input suite: every kind of bad input the tests can make, generated into
one folder (``hostile_files.build``) next to compliant notices, and checked by ONE
``noticelint check`` over the folder.

The run must end normally (exit 0 or 1, no traceback, valid JSON); NL001 must fall
exactly on the files that cannot be read and on no other; the compliant notices in
the same folder must come out clean; every position must lie inside its file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hostile_files import (
    COMPLIANT,
    SCRIPT_MARK,
    SKIPPED,
    UNREADABLE,
    Case,
    build,
    compliant,
    running_as_root,
    undecodable_name,
)

from noticelint.discover import discover
from noticelint.lint import check_path
from noticelint.read import ReadError, load_bytes, read_path
from noticelint.settings import DEFAULT_SUFFIXES, Settings

ROOT = Path(__file__).resolve().parents[2]

#: The files of the folder that cannot be read, each with a word its NL001 must give.
UNREADABLE_FILES = {
    "nul-binary.txt": "二进制",
    "random.txt": "二进制",
    "picture.txt": "二进制",
    "huge-80mb.txt": "超过上限",
    "truncated.docx": "损坏",
    "fake.docx": "不是有效的 Word",
    "bomb.docx": "压缩炸弹",
    "laughs.docx": "DTD",
    "late-dtd.docx": "DTD",
    "members.docx": "部件",
    "truncated.pdf": "损坏",
    "fake.pdf": "不是有效的 PDF",
    "encrypted.pdf": "加密",
    "bomb.pdf": "压缩炸弹",
    "dangling.txt": "No such file",
}
if not running_as_root():
    UNREADABLE_FILES["locked.txt"] = "Permission denied"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
    )


def decode_json(out: bytes) -> Any:
    # A path is printed as the file system gives it (see test_undecodable_file_name).
    return json.loads(out.decode("utf-8", "surrogateescape"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, Case]]:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    started = time.perf_counter()
    cases = build(folder)
    assert time.perf_counter() - started < 10  # generating the suite is cheap
    return folder, cases


def test_the_suite_has_more_than_twenty_kinds(hostile: tuple[Path, dict[Path, Case]]) -> None:
    _, cases = hostile
    kinds = {case.kind for case in cases.values()}
    assert len(kinds) >= 22, sorted(kinds)
    expected = {p.name for p, c in cases.items() if c.expect == UNREADABLE}
    assert expected == set(UNREADABLE_FILES)


def _lines_of(path: Path) -> list[str]:
    return read_path(path).text.split("\n")


def test_one_check_over_the_hostile_folder(
    hostile: tuple[Path, dict[Path, Case]], tmp_path: Path
) -> None:
    folder, cases = hostile
    cache = tmp_path / "cache"
    started = time.perf_counter()
    result = run("check", str(folder), "--output-format", "json", "--cache-dir", str(cache))
    elapsed = time.perf_counter() - started
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1), stderr
    assert "Traceback" not in stderr, stderr
    diagnostics = decode_json(result.stdout)
    assert isinstance(diagnostics, list) and diagnostics
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in diagnostics:
        by_path[d["path"]].append(d)

    # NL001 exactly on the unreadable files, once each, with the reason.
    nl001 = {Path(p).name: ds for p, ds in by_path.items() if any(d["code"] == "NL001" for d in ds)}
    assert set(nl001) == set(UNREADABLE_FILES)
    for name, ds in nl001.items():
        assert [d["code"] for d in ds] == ["NL001"], ds
        assert UNREADABLE_FILES[name] in ds[0]["message"], ds[0]

    # What was checked: every file but the skipped paths, nothing twice (the symlink
    # loop is not followed round), nothing from outside the folder.
    for path_text in by_path:
        path = Path(path_text)
        assert path.is_relative_to(folder), path
        assert "loop" not in path.parts, path
    skipped = {str(p) for p, c in cases.items() if c.expect == SKIPPED}
    assert not skipped & set(by_path)

    # The compliant notices (plain copies, odd names, GB18030, UTF-16, .docx, the HTML
    # full of scripts) come out without an error or a warning.
    for path, case in cases.items():
        if case.expect == COMPLIANT:
            bad = [d for d in by_path.get(str(path), []) if d["severity"] != "info"]
            assert not bad, (path.name, bad)

    # Every position lies inside its file (lines of the text as read).
    for path_text, ds in by_path.items():
        path = Path(path_text)
        if path.name in UNREADABLE_FILES:
            assert all((d["line"], d["column"]) == (1, 1) for d in ds)
            continue
        lines = _lines_of(path)
        for d in ds:
            assert 1 <= d["line"] <= d["end_line"] <= len(lines), d
            assert 1 <= d["column"] <= len(lines[d["line"] - 1]) + 1, d
            assert 1 <= d["end_column"] <= len(lines[d["end_line"] - 1]) + 1, d
    assert elapsed < 60

    # The same run from the cache gives the same answer.
    again = run("check", str(folder), "--output-format", "json", "--cache-dir", str(cache))
    assert decode_json(again.stdout) == diagnostics
    assert again.returncode == result.returncode


def test_report_over_the_hostile_folder_completes(
    hostile: tuple[Path, dict[Path, Case]], tmp_path: Path
) -> None:
    folder, _ = hostile
    out = tmp_path / "report.json"
    result = run("report", str(folder), "--json", str(out), "--no-cache", "--jobs", "2")
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1), stderr
    assert "Traceback" not in stderr, stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["unreadable"] == len(UNREADABLE_FILES)
    unreadable = {Path(f["path"]).name for f in report["per_file"] if not f["readable"]}
    assert unreadable == set(UNREADABLE_FILES)


@pytest.mark.parametrize("name", ["long-line.txt", "short-lines.txt"])
def test_big_inputs_are_linted_in_seconds(
    hostile: tuple[Path, dict[Path, Case]], name: str
) -> None:
    folder, _ = hostile
    path = folder / name
    started = time.perf_counter()
    diagnostics = check_path(path, Settings())
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    assert diagnostics and all(d.code != "NL001" for d in diagnostics)


def test_the_80_mb_file_is_refused_without_being_read(
    hostile: tuple[Path, dict[Path, Case]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = hostile
    huge = folder / "huge-80mb.txt"
    opened: list[object] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    started = time.perf_counter()
    (d,) = check_path(huge, Settings())
    assert d.code == "NL001" and "超过上限" in d.message
    assert time.perf_counter() - started < 1
    assert huge not in opened


def test_scripts_and_links_never_reach_the_text(hostile: tuple[Path, dict[Path, Case]]) -> None:
    folder, _ = hostile
    text = read_path(folder / "scripts.html").text
    assert SCRIPT_MARK not in text and "javascript" not in text and "alert" not in text
    # The notice is all there; what is left of the attacks is the link text "点击".
    lines = [line for line in text.split("\n") if line != "点击"]
    notice = compliant("c04_xunshi_province").split("\n")
    assert lines == [line.strip("\u3000 ") for line in notice if line.strip()]


def test_a_dtd_anywhere_in_a_part_is_refused_and_nothing_is_expanded(
    hostile: tuple[Path, dict[Path, Case]],
) -> None:
    from noticelint.read.docx import _parse_xml

    folder, _ = hostile
    for name in ("laughs.docx", "late-dtd.docx"):
        (d,) = check_path(folder / name, Settings())
        assert d.code == "NL001" and "DTD" in d.message
    # Even past the check, the parser itself neither loads nor expands anything.
    from lxml import etree

    from noticelint.read.docx import _parser

    xml = (
        b"<!--" + b"x" * 5000 + b'--><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>T&x;M&b;E</r>'
    )
    root = etree.fromstring(xml, _parser())
    assert [(c.text, c.tail) for c in root] == [("&x;", "M"), ("&b;", "E")]  # references kept
    assert root.text == "T"
    with pytest.raises(ReadError, match="DTD"):
        _parse_xml(xml, "word/document.xml")


def test_nested_html_keeps_its_text(hostile: tuple[Path, dict[Path, Case]]) -> None:
    folder, _ = hostile
    lines = read_path(folder / "nested.html").text.split("\n")
    notice = compliant("c01_xuncha_basic").split("\n")
    assert lines == [line.strip("\u3000 ") for line in notice if line.strip()]


def test_discovery_skips_and_reports_what_it_must_not_open(
    hostile: tuple[Path, dict[Path, Case]],
) -> None:
    folder, _ = hostile
    skipped: list[tuple[Path, str]] = []
    started = time.perf_counter()
    found = list(
        discover([folder], DEFAULT_SUFFIXES, on_skip=lambda p, why: skipped.append((p, why)))
    )
    assert time.perf_counter() - started < 5
    names = {p.name for p in found}
    assert "inside.txt" in names  # a directory named x.txt is a folder
    assert "dangling.txt" in names  # reading it says why it cannot be read
    reasons = {p.name: why for p, why in skipped}
    assert "循环" in reasons["loop"]
    assert "循环" in reasons["self-loop.txt"]
    if hasattr(os, "mkfifo"):
        assert "不是普通文件" in reasons["fifo.txt"]
    assert len(skipped) == len(reasons)  # each reported once
    assert not {p for p in found if "loop" in p.parts}
    assert len(found) == len(set(found))


def test_special_paths_named_explicitly_are_nl001_not_a_hang(
    hostile: tuple[Path, dict[Path, Case]],
) -> None:
    folder, _ = hostile
    (d,) = check_path(folder / "x.txt", Settings())
    assert d.code == "NL001" and "文件夹" in d.message
    zero = Path("/dev/zero")  # stat says 0 bytes; reading never ends
    started = time.perf_counter()
    with pytest.raises(ReadError, match="不是普通文件"):
        load_bytes(zero, max_bytes=1024)
    assert time.perf_counter() - started < 1


@pytest.mark.skipif(
    running_as_root(),
    reason="running as root: root reads a mode-000 file anyway (CAP_DAC_OVERRIDE), so it "
    "cannot be made unreadable; the dangling symlink, the FIFO and the directory named "
    "x.txt cover unreadable paths instead",
)
def test_a_file_without_read_permission_is_nl001(hostile: tuple[Path, dict[Path, Case]]) -> None:
    folder, _ = hostile
    (d,) = check_path(folder / "locked.txt", Settings())
    assert d.code == "NL001" and "Permission denied" in d.message


def test_undecodable_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    bad = undecodable_name(folder, "这不是通报。".encode())  # NL002: the path is printed
    if bad is None:
        pytest.skip("the file system refuses names that are not UTF-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as under en_US.UTF-8
    result = run("check", str(folder), "--output-format", "json", "--no-cache", env=env)
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
    (d,) = decode_json(result.stdout)
    assert d["code"] == "NL002" and os.fsencode(d["path"]) == os.fsencode(bad)
    out = tmp_path / "r.json"
    result = run("report", str(folder), "--json", str(out), "--no-cache", env=env)
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
