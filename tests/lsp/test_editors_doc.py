"""docs/editors.md holds configurations people paste: they must parse, and the VS
Code problem matcher must read what ``check --output-format concise`` prints."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
SEED = ROOT / "corpus" / "002_10fbd8575067efed.txt"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def without_comments(jsonc: str) -> str:
    return re.sub(r"^\s*//.*$", "", jsonc, flags=re.M)


def tasks() -> list[dict[str, object]]:
    [tasks_json] = [b for b in blocks("jsonc") if '"tasks"' in b]
    return list(json.loads(without_comments(tasks_json))["tasks"])


def test_the_json_and_toml_blocks_parse() -> None:
    for block in blocks("jsonc"):
        json.loads(without_comments(block))
    [helix] = blocks("toml")
    config = tomllib.loads(helix)
    assert config["language-server"]["noticelint"] == {"command": "noticelint", "args": ["server"]}
    assert {"txt"} <= {t for lang in config["language"] for t in lang.get("file-types", [])}


def test_the_problem_matcher_reads_concise_output() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "noticelint",
            "check",
            "--no-cache",
            "--output-format=concise",
            str(SEED),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    lines = result.stdout.splitlines()
    findings = lines[:-1]
    assert findings
    for task in tasks():
        matcher = task["problemMatcher"]
        assert isinstance(matcher, dict)
        pattern = matcher["pattern"]
        regexp = re.compile(pattern["regexp"])
        for line in findings:
            m = regexp.match(line)
            assert m, line
            assert m.group(pattern["file"]) == str(SEED)
            assert m.group(pattern["severity"]) in {"error", "warning", "info"}
            assert re.fullmatch(r"NL\d{3}", m.group(pattern["code"]))
        assert not regexp.match(lines[-1])  # the summary is not a problem
        background = matcher.get("background")
        if background:
            assert re.match(background["endsPattern"], lines[-1])
            assert re.match(background["beginsPattern"], "[09:15:02] 检查 3 个文件 (checking)")
            assert re.match(
                background["beginsPattern"], "[09:15:07] 重新检查 1 个文件 (re-checking)"
            )
