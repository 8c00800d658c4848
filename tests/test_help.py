"""``--help`` is readable in an 80-column terminal (issue 16, item 5).

Every line fits 80 cells (a Han character takes two), no Python type names as
metavars, no sentence cut off with "…", Chinese help in full-width punctuation.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from noticelint.helpformat import wrap_cells

KEY_OPTIONS = {
    "": ("--version", "check", "report", "ledger", "parse", "rule", "serve", "config", "server"),
    "check": ("--select CODES", "--output-format", "--fix", "--max-file-size SIZE", "路径..."),
    "report": ("--html FILE", "--csv FILE", "--jobs N", "--timeout SECONDS", "路径..."),
    "parse": ("--format", "--profile PROFILE", "FILE"),
    "rule": ("--list", "--all", "CODE"),
    "ledger": ("--xlsx FILE", "--json FILE", "--select CODES"),
    "serve": ("--host HOST", "--port PORT", "--open"),
    "server": ("--debounce-ms MS",),
    "config": ("--config FILE", "路径"),
}


def help_text(command: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    args = [sys.executable, "-m", "noticelint", *([command] if command else []), "--help"]
    result = subprocess.run(
        args, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", list(KEY_OPTIONS), ids=lambda c: c or "noticelint")
def test_help_fits_80_columns_and_names_its_options(command: str) -> None:
    text = help_text(command)
    too_wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert too_wide == []
    assert "<list[" not in text
    assert not re.search(r"<(bool|str|int|float|path)>", text)
    body = text.split("\n", 1)[1].replace("路径...", "路径")  # the usage line repeats metavars
    assert "…" not in body and "..." not in body  # click and rich mark a cut with these
    assert "``" not in text and "**" not in text
    for option in KEY_OPTIONS[command]:
        assert option in text


@pytest.mark.parametrize("command", [c for c in KEY_OPTIONS if c])
def test_chinese_help_uses_full_width_punctuation(command: str) -> None:
    half_width_after_han = re.compile(r"[\u4e00-\u9fff]([,:;()]|\.(?!\.\.))")  # not 路径...
    assert half_width_after_han.findall(help_text(command)) == []


def test_wrapping_never_starts_a_line_with_a_closing_mark() -> None:
    text = "达到此严重级别即以退出码一结束，默认警告。（失败级别）"
    lines = wrap_cells(text, 18)
    assert "".join(lines) == text
    assert all(cell_len(line) <= 18 for line in lines)
    assert not any(line[0] in "，。）" for line in lines)
    assert not any(line[-1] == "（" for line in lines)


def test_wrapping_keeps_a_default_note_on_one_line() -> None:
    assert wrap_cells("tree（结构树）或 json。 [default: tree]", 24) == [
        "tree（结构树）或 json。",
        "[default: tree]",
    ]
