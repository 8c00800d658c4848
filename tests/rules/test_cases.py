"""Table-driven rule cases: every row of tests/rules/cases/*.toml is one test.

Adding a case is adding a row. A file holds one rule family (NL2.toml …); each
``[[case]]`` is a draft and the findings it must get:

    [[case]]
    name = "NL202 hyphen dates"                  # unique in its file; the test id
    base = "c01_xuncha_basic"                    # a fixture stem (compliant/ or variants/)
    edit = [["replace", "公开期限：2024年9月2日至9月23日。", "公开期限：2024-09-02至2024-09-23。"],
            ["drop", "电子邮箱"]]                # drop = delete the one line holding it
    expect = ["NL202@公开期限:1"]                 # the new findings, exactly
    severity = "warning"                          # optional: of every expected finding
    message = ["“2024-09-02至2024-09-23”"]        # optional: each in an expected message
    covers = ["2024-09-02至2024-09-23"]          # optional: each the exact text an
                                                  #   expected finding spans (one line)
    implied = ["NL603"]                           # optional: may also appear, need not
    absent = ["NL205"]                            # optional: must not appear at all
    profile = "strict"                            # optional: profile name or path
    select = ["NL8"]                              # optional: codes/prefixes (default ALL)

or, instead of ``base`` + ``edit``, the whole draft as ``text`` (a TOML multi-line string).

``expect`` lists the findings the draft gets *beyond its base's* (a ``text`` case has
no base: all its findings). An entry is ``CODE``, ``CODE@LINE`` or ``CODE@NEEDLE``
(the first line of the draft holding NEEDLE), optionally ``:COLUMN``; a code listed
twice must fire twice. ``expect = []`` is a good case: the edit adds nothing. Every
``old`` of a replace and every ``drop`` needle must occur exactly once, so a table
cannot silently stop testing when a fixture changes.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from notice_support import TESTS_DIR, codes, lint
from noticelint.diagnostics import Diagnostic

CASES_DIR = Path(__file__).resolve().parent / "cases"
FIXTURE_DIRS = [TESTS_DIR / "fixtures" / "compliant", TESTS_DIR / "fixtures" / "variants"]
KEYS = {
    "name",
    "base",
    "edit",
    "text",
    "expect",
    "severity",
    "message",
    "implied",
    "absent",
    "profile",
    "select",
    "covers",
}
WHERE = re.compile(r"^(?P<code>NL\d{3})(?:@(?P<where>.+?))?(?::(?P<column>\d+))?$")


@dataclass(frozen=True)
class Expected:
    code: str
    where: str | None
    column: int | None


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        rows = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        names = [row.get("name") for row in rows]
        assert len(set(names)) == len(names), f"{path.name}: duplicate case names"
        for row in rows:
            params.append(pytest.param(row, id=f"{path.stem}::{row.get('name')}"))
    return params


def _fixture(stem: str) -> str:
    for folder in FIXTURE_DIRS:
        for path in sorted(folder.glob(f"{stem}.*")):
            if path.suffix in (".txt", ".md"):
                return path.read_text(encoding="utf-8")
    raise AssertionError(f"no fixture called {stem!r}")


def _apply(text: str, edits: list[list[str]]) -> str:
    for edit in edits:
        if edit[0] == "drop":
            lines = text.split("\n")
            hits = [i for i, line in enumerate(lines) if edit[1] in line]
            assert len(hits) == 1, f"drop: {edit[1]!r} must be on exactly one line"
            del lines[hits[0]]
            text = "\n".join(lines)
        elif edit[0] == "replace":
            _, old, new = edit
            assert text.count(old) == 1, f"replace: expected exactly one {old!r}"
            text = text.replace(old, new)
        else:
            raise AssertionError(f"unknown edit {edit[0]!r} (replace | drop)")
    return text


def _parse(entry: str) -> Expected:
    m = WHERE.match(entry)
    assert m, f"bad expect entry {entry!r} (CODE, CODE@LINE, CODE@NEEDLE, then :COLUMN)"
    column = m["column"]
    return Expected(m["code"], m["where"], int(column) if column else None)


def _line(text: str, where: str) -> int:
    if where.isdigit():
        return int(where)
    for number, line in enumerate(text.split("\n"), 1):
        if where in line:
            return number
    raise AssertionError(f"{where!r} is not in the draft")


def _describe(found: list[Diagnostic]) -> str:
    return "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)


@pytest.mark.parametrize("case", _load())
def test_rule_case(case: dict[str, Any]) -> None:
    unknown = set(case) - KEYS
    assert not unknown, f"unknown keys {sorted(unknown)}"
    assert ("text" in case) != ("base" in case), "a case has either text or base (+ edit)"
    select, profile = case.get("select"), case.get("profile")
    if "text" in case:
        draft, before = case["text"], []
    else:
        base = _fixture(case["base"])
        draft = _apply(base, case.get("edit", []))
        before = lint(base, select=select, profile=profile)
    found = lint(draft, select=select, profile=profile)
    report = _describe(found)

    expected = [_parse(e) for e in case["expect"]]
    new = Counter(codes(found)) - Counter(codes(before))
    for code in case.get("implied", []):
        new.pop(code, None)
    assert new == Counter(e.code for e in expected), report
    for code in case.get("absent", []):
        assert code not in codes(found), report

    unclaimed = [d for d in found if d.code in {e.code for e in expected}]
    for e in expected:
        match = [
            d
            for d in unclaimed
            if d.code == e.code
            and (e.where is None or d.line == _line(draft, e.where))
            and (e.column is None or d.column == e.column)
        ]
        assert match, f"no {e.code} at {e.where}:{e.column}\n{report}"
        unclaimed.remove(match[0])
    hits = [d for d in found if d.code in {e.code for e in expected}]
    if "severity" in case:
        assert {d.severity for d in hits} == {case["severity"]}, report
    for words in case.get("message", []):
        assert any(words in d.message for d in hits), f"{words!r} in no message\n{report}"
    spanned = [_covered(draft, d) for d in hits]
    for words in case.get("covers", []):
        assert words in spanned, f"no finding spans exactly {words!r}: {spanned}\n{report}"


def _covered(text: str, d: Diagnostic) -> str | None:
    """The text a single-line finding spans (None for a multi-line one)."""
    if d.line != d.end_line:
        return None
    return text.split("\n")[d.line - 1][d.column - 1 : d.end_column - 1]
