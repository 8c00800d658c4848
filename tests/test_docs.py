"""Rule documentation: every rule documents itself, and docs/rules is up to date."""

from __future__ import annotations

import re
from pathlib import Path

from noticelint.docs import rule_markdown
from noticelint.rules import REGISTRY, iter_rules

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "spec" / "rules.md"
REQUIRED = {
    "检查什么 (What it does)",
    "为什么 (Why it matters)",
    "错误示例 (Bad)",
    "正确示例 (Good)",
}


def test_every_rule_has_the_four_documentation_sections_and_examples() -> None:
    for cls in iter_rules():
        sections = cls.doc_sections()
        assert set(sections) >= REQUIRED, cls.code
        assert "```text" in sections["错误示例 (Bad)"], cls.code
        assert "```text" in sections["正确示例 (Good)"], cls.code
        assert re.search(r"[\u4e00-\u9fff]", cls.summary()), cls.code
        assert re.fullmatch(r"NL\d{3}", cls.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.name)


def test_rule_codes_names_and_severities_match_the_catalogue() -> None:
    if not SPEC.exists():  # the catalogue sits beside the repository in CI and locally
        return
    rows = re.findall(
        r"^\| (NL\d{3}) \| ([a-z-]+) \| (\w+) \|", SPEC.read_text(encoding="utf-8"), re.M
    )
    spec = {code: (name, sev) for code, name, sev in rows}
    for code, cls in REGISTRY.items():
        assert code in spec, f"{code} is not in rules.md"
        assert (cls.name, cls.severity) == spec[code], code


def test_docs_rules_folder_is_generated_from_the_rules() -> None:
    folder = ROOT / "docs" / "rules"
    stale = []
    for cls in iter_rules():
        page = folder / f"{cls.code}.md"
        if not page.exists() or page.read_text(encoding="utf-8") != rule_markdown(cls):
            stale.append(cls.code)
    assert not stale, f"docs/rules is stale for {stale}: run `python -m noticelint.docs docs/rules`"
    pages = {p.stem for p in folder.glob("NL*.md")}
    assert pages == set(REGISTRY), "docs/rules has pages for rules that no longer exist"
