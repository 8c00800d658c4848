"""Where a rule's documentation lives, and the hover text that shows it.

``codeDescription.href`` of a finding points at ``docs/rules/NLxxx.md``: the copy
installed with the package (``noticelint/docs/rules``) or the one in the source
tree, as a ``file://`` URI. The project names no web address of its own, so when
neither copy is present the finding carries no link (the hover still shows the
rule's documentation, generated from the rule itself).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from noticelint.diagnostics import Diagnostic

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def rules_folder() -> Path | None:
    """``docs/rules`` of the installed package or of the source tree, if present."""
    for folder in (_PACKAGE / "docs" / "rules", _PACKAGE.parent.parent / "docs" / "rules"):
        if (folder / "README.md").is_file():
            return folder
    return None


def rule_href(code: str) -> str | None:
    folder = rules_folder()
    if folder is not None:
        page = folder / f"{code}.md"
        if page.is_file():
            return page.as_uri()
    return None


def hover_markdown(findings: list[Diagnostic]) -> str:
    """The findings at one place, then each rule's documentation (what, why, bad and
    good examples), as Markdown."""
    from noticelint.docs import rule_markdown
    from noticelint.rules import REGISTRY

    parts = [f"**{d.code}** `{d.name}`：{d.message}" for d in findings]
    seen: set[str] = set()
    for d in findings:
        if d.code in seen:
            continue
        seen.add(d.code)
        rule = REGISTRY.get(d.code)
        if rule is None:
            continue
        # headings two levels down: a hover is a small box under the findings
        doc = rule_markdown(rule).replace("\n## ", "\n#### ")
        doc = "##" + doc if doc.startswith("# ") else doc
        href = rule_href(d.code)
        parts += ["---", doc, *([f"[{d.code} 文档]({href})"] if href else [])]
    return "\n\n".join(parts)
