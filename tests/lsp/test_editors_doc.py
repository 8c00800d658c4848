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


def _check(fmt: str) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "noticelint",
            "check",
            "--no-cache",
            f"--output-format={fmt}",
            str(SEED),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return result.stdout


def test_the_problem_matchers_read_concise_output_with_its_chinese_severities() -> None:
    """concise shows 错误/警告/提示; VS Code only knows English severity names, so each
    task has one matcher per severity: every finding is matched by exactly one of them,
    and that matcher's severity is the finding's."""
    lines = _check("concise").splitlines()
    findings = lines[:-1]
    expected = json.loads(_check("json"))
    assert findings and len(findings) == len(expected)
    assert {"[警告]", "[提示]"} <= {w for line in findings for w in re.findall(r"\[..\]", line)}
    for task in tasks():
        matchers = task["problemMatcher"]
        assert isinstance(matchers, list) and len(matchers) == 3
        for line, obj in zip(findings, expected, strict=True):
            hits = []
            for matcher in matchers:
                pattern = matcher["pattern"]
                m = re.match(pattern["regexp"], line)
                if m:
                    hits.append(matcher["severity"])
                    assert m.group(pattern["file"]) == str(SEED)
                    assert int(m.group(pattern["line"])) == obj["line"]
                    assert int(m.group(pattern["column"])) == obj["column"]
                    assert m.group(pattern["code"]) == obj["code"]
                    assert m.group(pattern["message"]) == obj["message"]
            assert hits == [obj["severity"]], line
        for matcher in matchers:
            assert not re.match(matcher["pattern"]["regexp"], lines[-1])  # the summary
            background = matcher.get("background")
            if background:
                assert re.match(background["endsPattern"], lines[-1])
                assert re.match(background["beginsPattern"], "[09:15:02] 检查 3 个文件 (checking)")
                assert re.match(
                    background["beginsPattern"], "[09:15:07] 重新检查 1 个文件 (re-checking)"
                )
