"""Code selectors (cli.md: codes or prefixes `NL`, `NL2`, `NL201`, or `ALL`; a selector
that names no rule is a usage error, exit 2, with a did-you-mean)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from noticelint.codes import RULE_CODES, UnknownCode, parse_selectors
from noticelint.rules import REGISTRY

SEED = Path(__file__).resolve().parents[1] / "corpus" / "002_10fbd8575067efed.txt"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def test_the_code_list_is_the_rule_registry() -> None:
    assert list(RULE_CODES) == sorted(REGISTRY)


@pytest.mark.parametrize("selector", ["NL", "nl", "NL2", "NL20", "NL201", "ALL", "NL8,NL3"])
def test_every_prefix_of_a_code_selects(selector: str) -> None:
    assert parse_selectors([selector])


@pytest.mark.parametrize(
    ("selector", "suggestion"), [("NL8O1", "NL801"), ("NL2011", "NL201"), ("NL999", None)]
)
def test_a_selector_that_names_no_rule_is_refused(selector: str, suggestion: str | None) -> None:
    with pytest.raises(UnknownCode) as raised:
        parse_selectors([selector])
    message = str(raised.value)
    assert f"“{selector}”不是规则代码或前缀" in message
    if suggestion:
        assert f"您是不是要写“{suggestion}”" in message


def test_select_nl_checks_every_rule() -> None:
    everything = run("check", SEED, "--output-format", "json", "--no-cache")
    nl = run("check", SEED, "--select", "NL", "--output-format", "json", "--no-cache")
    assert nl.returncode == everything.returncode == 1
    assert nl.stdout == everything.stdout


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_code_on_the_command_line_is_exit_2_with_a_suggestion(option: str) -> None:
    result = run("check", SEED, option, "NL8O1")
    assert result.returncode == 2
    assert result.stderr.endswith("\n")
    assert "您是不是要写“NL801”" in result.stderr
    assert "Value error" not in result.stderr


def test_unknown_code_in_a_config_file_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "noticelint.toml").write_text('ignore = ["NL999"]\n', encoding="utf-8")
    result = run("check", "n.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "noticelint.toml" in result.stderr
    assert "“ignore”：“NL999”不是规则代码或前缀" in result.stderr
    assert result.stderr.endswith("\n")


def test_unknown_code_in_the_severity_table_is_refused(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "noticelint.toml").write_text('[severity]\nNL2O1 = "error"\n', encoding="utf-8")
    result = run("check", "n.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "您是不是要写“NL201”" in result.stderr
