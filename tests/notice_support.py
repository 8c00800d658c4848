"""Shared helpers for the noticelint tests (``from notice_support import lint, …``).

Helpers live here, not in ``conftest.py``: several test folders have a conftest of
their own, and importing from a module called ``conftest`` then depends on the order
in which pytest loads them.


``lint(text)`` runs every rule over a text as if it were a file called
``draft.txt``. The compliant fixtures in ``tests/fixtures/compliant`` are the
clean baselines: the rule tests inject exactly one defect into one of them with
a string edit and compare the codes against the baseline's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from pathlib import Path

from noticelint.diagnostics import Diagnostic, Edit
from noticelint.lint import check_document
from noticelint.read import Document
from noticelint.settings import Settings

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
COMPLIANT_DIR = TESTS_DIR / "fixtures" / "compliant"
COMPLIANT_NAMES = sorted(p.stem for p in COMPLIANT_DIR.glob("*.txt"))
CORPUS_DIR = REPO_ROOT / "corpus"

CJK = re.compile(r"[\u4e00-\u9fff]")


def lint(
    text: str, *, select: list[str] | None = None, profile: str | None = None
) -> list[Diagnostic]:
    """All diagnostics for ``text``, checked as a file called ``draft.txt``."""
    settings = Settings(select=select or ["ALL"], profile=profile)
    return check_document(Document(path="draft.txt", text=text), settings)[1]


def codes(diags: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in diags]


def only(diags: Iterable[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code]


def compliant_text(name: str) -> str:
    """The text of a compliant fixture (``c01_xuncha_basic`` or ``c01_xuncha_basic.txt``)."""
    if not name.endswith(".txt"):
        name += ".txt"
    return (COMPLIANT_DIR / name).read_text(encoding="utf-8")


@cache
def _baseline(text: str, profile: str | None) -> tuple[Diagnostic, ...]:
    return tuple(lint(text, profile=profile))


def baseline(text: str, profile: str | None = None) -> list[Diagnostic]:
    """``lint(text)``, computed once per text (the clean baseline of a fixture)."""
    return list(_baseline(text, profile))


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with the single occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"expected exactly one {old!r} in the text"
    return text.replace(old, new)


def drop_lines(text: str, *needles: str) -> str:
    """``text`` without the lines that contain any of ``needles`` (each must match once)."""
    lines = text.split("\n")
    for needle in needles:
        assert sum(needle in line for line in lines) == 1, f"{needle!r} must be on one line"
    return "\n".join(line for line in lines if not any(n in line for n in needles))


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line that contains ``needle``."""
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str) -> int:
    """The 1-based column (in characters) of ``needle`` on its line."""
    line = text.split("\n")[line_of(text, needle) - 1]
    return line.index(needle) + 1


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits (1-based line/column positions in ``text``). Edits must not overlap;
    identical edits of two diagnostics (NL801 and NL804 on one mark) count once."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    ranges = sorted(
        {(offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in edits}
    )
    for (_, end, _), (start, _, _) in pairwise(ranges):
        assert end <= start, f"overlapping edits: {ranges}"
    out, pos = [], 0
    for start, end, content in ranges:
        out += [text[pos:start], content]
        pos = end
    return "".join([*out, text[pos:]])


def fix_all(text: str, diags: Iterable[Diagnostic]) -> str:
    """``text`` with the edits of every diagnostic's fix applied."""
    return apply_edits(text, [e for d in diags if d.fix for e in d.fix.edits])


def assert_well_formed(diags: Iterable[Diagnostic], text: str) -> None:
    """Messages are Chinese and every span lies inside ``text``."""
    lines = text.split("\n")
    for d in diags:
        assert CJK.search(d.message), f"message is not Chinese: {d}"
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.end_line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d
        assert (d.end_line, d.end_column) >= (d.line, d.column), d


def assert_fires(
    bad: str,
    code: str,
    *,
    base: str,
    line: int,
    column: int | None = None,
    count: int = 1,
    implied: Iterable[str] = (),
    profile: str | None = None,
) -> list[Diagnostic]:
    """``code`` fires ``count`` times on ``bad``, first at ``line`` (and ``column``),
    and the defect adds no code to ``base``'s other than ``code`` and ``implied``."""
    diags = lint(bad, profile=profile)
    hits = only(diags, code)
    assert len(hits) == count, f"expected {count}× {code}, got {diags}"
    assert hits[0].line == line, hits[0]
    if column is not None:
        assert hits[0].column == column, hits[0]
    new = set(codes(diags)) - set(codes(baseline(base, profile)))
    unexpected = new - {code, *implied}
    assert not unexpected, f"unrelated codes {sorted(unexpected)}: {diags}"
    assert_well_formed(diags, bad)
    return hits
