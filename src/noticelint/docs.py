"""Rule documentation, generated from each rule's class attributes and docstring.

The same text is printed by ``noticelint rule CODE`` and written to
``docs/rules/NLxxx.md`` by ``python -m noticelint.docs``; a test fails when the
files in ``docs/rules`` are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from noticelint.rules import iter_rules
from noticelint.rules.base import Rule

_FIX = {
    "none": "无自动修复 (no fix).",
    "safe": "安全修复：`--fix` 自动应用，只改标点、空白或格式，不改变意思 (safe).",
    "unsafe": "不安全修复：仅在 `--unsafe-fixes` 时应用，可能改变措辞或结构，请人工确认 (unsafe).",
}
_SEVERITY = {"error": "错误 (error)", "warning": "警告 (warning)", "info": "提示 (info)"}


def rule_as_dict(cls: type[Rule]) -> dict[str, Any]:
    sections = cls.doc_sections()
    return {
        "code": cls.code,
        "name": cls.name,
        "severity": cls.severity,
        "fix": cls.fix,
        "norm": cls.norm,
        "summary": cls.summary(),
        "sections": {k: v for k, v in sections.items() if k != "summary"},
    }


def rule_markdown(cls: type[Rule]) -> str:
    sections = cls.doc_sections()
    out = [f"# {cls.code} {cls.name}", "", cls.summary(), ""]
    out.append(f"- 默认严重级别 (default severity): {_SEVERITY[cls.severity]}")
    out.append(f"- 依据 (norm): {cls.norm}")
    out.append(f"- 修复 (fix): {_FIX[cls.fix]}")
    for heading, body in sections.items():
        if heading == "summary":
            continue
        out += ["", f"## {heading}", "", body]
    return "\n".join(out).rstrip() + "\n"


_SEVERITY_SHORT = {"error": "错误", "warning": "警告", "info": "提示"}
_FIX_SHORT = {"none": "", "safe": "可修复", "unsafe": "不安全修复"}


def rule_table(rules: list[type[Rule]]) -> str:
    """``noticelint rule --list``: one line per rule (code, name, severity, fix, summary),
    columns aligned by display width (a Chinese character takes two cells)."""
    from rich.cells import cell_len

    rows = [
        (c.code, c.name, _SEVERITY_SHORT[c.severity], _FIX_SHORT[c.fix], c.summary()) for c in rules
    ]
    header = ("代码", "名称", "级别", "修复", "说明")
    widths = [max(cell_len(r[i]) for r in [header, *rows]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[i] + " " * (widths[i] - cell_len(row[i])) for i in range(4)]
        return "  ".join([*cells, row[4]]).rstrip()

    return "\n".join(line(r) for r in [header, *rows]) + "\n"


def write_docs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    index = [
        "# 规则目录 (rule catalogue)",
        "",
        "| code | name | severity | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for cls in iter_rules():
        path = folder / f"{cls.code}.md"
        path.write_text(rule_markdown(cls), encoding="utf-8")
        written.append(path)
        index.append(
            f"| [{cls.code}]({cls.code}.md) | {cls.name} | {cls.severity} | {cls.fix} | {cls.summary()} |"
        )
    readme = folder / "README.md"
    readme.write_text("\n".join(index) + "\n", encoding="utf-8")
    written.append(readme)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules")
    for p in write_docs(target):
        print(p)
