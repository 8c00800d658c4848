"""Hand-written notices in the layouts real notices use (tests/fixtures/variants;
design/real-variants.md S1–S13, cli.md v2 implicit sections).

Each notice is correct, so it must parse to the facts in FACTS.toml (read by a
person, not by the parser), get no error and no warning, and keep its sections and
leaf problems when flattened onto one line. Then each relevant rule's defect is
injected into one or more notices and exactly that code must fire, at the expected
line, and nothing else new. Residue (S7, S11), a traditional-script copy (S12) and a
round summary about many units (S13) are checked at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_support import REPO_ROOT, assert_well_formed, codes, line_of, lint, only
from noticelint.lint import check_document
from noticelint.parse import parse_document, parse_text
from noticelint.read import Document, read_bytes, read_path
from noticelint.settings import Settings

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
FACTS: dict[str, dict[str, Any]] = tomllib.loads(
    (VARIANTS / "FACTS.toml").read_text(encoding="utf-8")
)
NAMES = sorted(FACTS)
STATUS_LABELS = ("整改进展情况", "整改进展", "整改进度", "整改情况")
SERIOUS = ("error", "warning")


def path_of(name: str) -> Path:
    return VARIANTS / FACTS[name]["file"]


def text_of(name: str) -> str:
    return path_of(name).read_text(encoding="utf-8")


def test_every_variant_file_has_its_facts_and_every_fact_its_file() -> None:
    files = {p.name for p in VARIANTS.iterdir() if p.suffix in (".txt", ".md")}
    assert files == {FACTS[name]["file"] for name in NAMES}
    assert all(FACTS[name]["file"].rsplit(".", 1)[0] == name for name in NAMES)


# --- facts as read from `parse --format json` ---------------------------------------


def _leaves(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in problems:
        out.extend(_leaves(p["children"]) if p["children"] else [p])
    return out


def _section_leaves(section: dict[str, Any]) -> list[dict[str, Any]]:
    return _leaves(section["problems"]) + [
        leaf for area in section["areas"] for leaf in _leaves(area["problems"])
    ]


def _numbering(progress: list[dict[str, Any]]) -> str:
    groups = [[p["number"] for p in a["problems"]] for s in progress for a in s["areas"]]
    flat = [n for g in groups for n in g]
    if flat and all(n is None for n in flat):
        return "none"
    if len(groups) > 1 and flat == list(range(1, len(flat) + 1)):
        return "continuous"
    if groups and all(g == list(range(1, len(g) + 1)) for g in groups):
        return "restart"
    return f"other {groups}"


def _status_form(status: dict[str, Any], lines: list[str]) -> str:
    """Where a status phrase stands: after a label, after 【整改进展】, or as the last
    sentence of the measures (then its span points at the phrase, cli.md v2)."""
    span = status["span"]
    line = lines[span["line"] - 1].lstrip("　 #")
    if line.startswith("【整改进展】"):
        return "bracket"
    if line.startswith(STATUS_LABELS):
        return "label"
    phrase = lines[span["line"] - 1][span["column"] - 1 : span["end_column"] - 1]
    on_measures = line.startswith("整改措施") and span["line"] == span["end_line"]
    if on_measures and span["column"] > len("整改措施：") + 1 and phrase.strip("。"):
        return "sentence"
    return f"other: {line[:20]}"


def facts_from_json(notice: dict[str, Any], source: str) -> dict[str, Any]:
    """The FACTS.toml view of one `parse --format json` object."""
    lines = source.split("\n")
    sections = notice["sections"]
    progress = [s for s in sections if s["kind"] == "progress"]
    leaves = [leaf for s in progress for leaf in _section_leaves(s)]
    title, opening = notice["title"] or {}, notice["opening"] or {}
    contact, signature = notice["contact"] or {}, notice["signature"] or {}
    disclosure = notice["disclosure"] or {}
    forms = {_status_form(p["status"], lines) for p in leaves if p["status"]}
    return {
        "profile": notice["profile"],
        "title": title.get("text"),
        "title_organ": title.get("organ"),
        "title_lines": title["span"]["end_line"] - title["span"]["line"] + 1 if title else None,
        "opening": {
            "inspection_start": opening.get("inspection_start"),
            "inspection_end": opening.get("inspection_end"),
            "feedback_date": opening.get("feedback_date"),
            "declared_areas": opening.get("declared_areas"),
            "declared_problems": opening.get("declared_problems"),
            "publication": opening.get("has_publication"),
            "lines": [opening["span"]["line"], opening["span"]["end_line"]] if opening else None,
        },
        "sections": [
            {
                "number": s["number"],
                "kind": s["kind"],
                "areas": len(s["areas"]),
                "leaves": len(_section_leaves(s)),
            }
            for s in sections
        ],
        "problems": len(leaves),
        "without_status": sum(1 for p in leaves if p["status"] is None),
        "numbering": _numbering(progress),
        "statuses": dict(Counter(p["status"]["class"] for p in leaves if p["status"])),
        "status_form": forms.pop() if len(forms) == 1 else sorted(forms) or None,
        "disclosure": [disclosure.get("start"), disclosure.get("end")],
        "contact": {k: contact.get(k) for k in ("phones", "address", "postcode", "email")},
        "signature": {"organ": signature.get("organ"), "date": signature.get("date")},
    }


def expected_facts(name: str) -> dict[str, Any]:
    """FACTS.toml's table for ``name`` in the shape of :func:`facts_from_json`."""
    f = FACTS[name]
    opening = {
        "declared_areas": None,
        "declared_problems": None,
        **f["opening"],
    }
    numbering = f["numbering"]
    return {
        "profile": f["profile"],
        "title": f["title"],
        "title_organ": f["title_organ"],
        "title_lines": f["title_lines"],
        "opening": opening,
        "sections": [
            {
                "number": s.get("number"),
                "kind": s["kind"],
                "areas": s.get("areas", 0),
                "leaves": s.get("leaves", 0),
            }
            for s in f["sections"]
        ],
        "problems": f["problems"],
        "without_status": f.get("without_status", 0),
        "numbering": numbering,
        "statuses": f["statuses"],
        "status_form": f.get("status_form"),
        "disclosure": f["disclosure"],
        "contact": f["contact"],
        "signature": f["signature"],
    }


def _differences(got: dict[str, Any], want: dict[str, Any]) -> dict[str, Any]:
    return {k: {"want": want[k], "got": got[k]} for k in want if got[k] != want[k]}


def _json_of(name: str) -> dict[str, Any]:
    notice = parse_document(read_path(path_of(name))).notice
    return dict(json.loads(notice.to_json()))


@pytest.mark.parametrize("name", NAMES)
def test_variant_parses_to_the_recorded_facts(name: str) -> None:
    got = facts_from_json(_json_of(name), text_of(name))
    want = expected_facts(name)
    if FACTS[name]["numbering"] == "per-section":  # S9: each 一、 is the problem
        got["numbering"] = "per-section"
    assert not _differences(got, want), json.dumps(
        _differences(got, want), ensure_ascii=False, indent=1
    )


@pytest.mark.parametrize("name", ["v04_s4_s6_hospital", "v08_markdown_culture"])
def test_variant_facts_through_the_cli(name: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "noticelint", "parse", str(path_of(name)), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    got = facts_from_json(json.loads(run.stdout), text_of(name))
    assert not _differences(got, expected_facts(name)), json.dumps(
        _differences(got, expected_facts(name)), ensure_ascii=False, indent=1
    )


@pytest.mark.parametrize("name", NAMES)
def test_variant_gets_no_error_or_warning(name: str) -> None:
    _, diagnostics = check_document(read_path(path_of(name)), Settings())
    serious = [d for d in diagnostics if d.severity in SERIOUS]
    assert not serious, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in serious)


def _flattened(name: str) -> str:
    """Title on its own line (a two-line title joined), the body on one line (seed 004)."""
    lines = [line.strip(" \u3000") for line in text_of(name).splitlines() if line.strip()]
    head = FACTS[name]["title_lines"]
    return "".join(lines[:head]) + "\n" + " ".join(lines[head:])


ENCODINGS = {
    "utf-8-bom-crlf": lambda text: "\ufeff".encode() + text.replace("\n", "\r\n").encode(),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16": lambda text: text.encode("utf-16"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("name", ["v03_s3_slogan_township", "v13_notify_as_follows_veterans"])
def test_variant_saved_by_another_editor_has_the_same_facts(name: str, encoding: str) -> None:
    """Word and Windows editors save notices as GB18030, UTF-16 or with a BOM and CRLF:
    the reader decodes them to the same text, so the facts and lines are the same."""
    data = ENCODINGS[encoding](text_of(name))
    document = read_bytes(data, FACTS[name]["file"])
    assert document.text == text_of(name)
    notice = parse_document(document).notice
    got = facts_from_json(json.loads(notice.to_json()), document.text)
    assert not _differences(got, expected_facts(name))


# Markdown headings only exist at the start of a line: a flattened .md is not Markdown.
FLATTENABLE = [n for n in NAMES if FACTS[n]["file"].endswith(".txt")]


@pytest.mark.parametrize("name", FLATTENABLE)
def test_variant_flattened_onto_one_line_keeps_sections_and_leaves(name: str) -> None:
    notice = parse_text(_flattened(name), FACTS[name]["file"]).notice
    got = facts_from_json(json.loads(notice.to_json()), _flattened(name))
    want = expected_facts(name)
    assert got["sections"] == want["sections"]
    assert got["problems"] == want["problems"]


def test_s6_organ_and_title_joined_by_a_space_are_one_title() -> None:
    # Web pages put a space where the organ line ended (real-variants.md S6).
    name = "v04_s4_s6_hospital"
    text = text_of(name).replace("委员会\n关于", "委员会 关于", 1)
    notice = parse_text(text, FACTS[name]["file"]).notice
    assert notice.title is not None
    assert notice.title.organ == FACTS[name]["title_organ"]
    found = lint(text)
    assert not [d for d in found if d.severity in SERIOUS], [
        (d.line, d.code, d.message) for d in found
    ]


def test_check_through_the_cli_passes_every_variant() -> None:
    paths = [str(path_of(name)) for name in NAMES]
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", *paths, "--output-format", "concise"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.data())
def test_variant_lines_deleted_duplicated_or_swapped_never_break_the_linter(
    name: str, data: st.DataObject
) -> None:
    lines = text_of(name).split("\n")
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    text = "\n".join(lines)
    assert_well_formed(lint(text), text)


# --- one defect, one finding --------------------------------------------------------


@dataclass(frozen=True)
class Defect:
    """``edits`` turn notice ``name`` into a draft with one defect; ``code`` must fire
    ``count`` times, each at the line holding ``at``; ``absent`` must not fire; no
    other code may appear that the clean notice does not have, except ``allowed``."""

    name: str
    edits: tuple[tuple[str, ...], ...]
    code: str
    at: str
    count: int = 1
    severity: str | None = None
    absent: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    words: tuple[str, ...] = field(default=())  # the message names the defect


def apply(text: str, edits: tuple[tuple[str, ...], ...]) -> str:
    """("drop", needle): delete the one line holding needle; ("replace", old, new)."""
    for edit in edits:
        if edit[0] == "drop":
            lines = text.split("\n")
            hits = [i for i, line in enumerate(lines) if edit[1] in line]
            assert len(hits) == 1, f"{edit[1]!r} must be on exactly one line"
            del lines[hits[0]]
            text = "\n".join(lines)
        else:
            _, old, new = edit
            assert text.count(old) == 1, f"expected exactly one {old!r}"
            text = text.replace(old, new)
    return text


CLOSING = "欢迎广大干部群众对巡察整改落实情况进行监督。"

DEFECTS = {
    "NL201-township-no-disclosure": Defect(
        "v03_s3_slogan_township",
        (("drop", "公开期限："),),
        "NL201",
        at=CLOSING,
        severity="warning",
    ),
    "NL201-contact-per-line": Defect(
        "v11_contact_brackets_health", (("drop", "公开期限："),), "NL201", at=CLOSING
    ),
    "NL112-summary-notice-no-closing": Defect(
        "v02_s2_summary_counts",
        (("drop", CLOSING),),
        "NL112",
        at="联系电话：",
        severity="error",
    ),
    "NL112-markdown-no-closing": Defect(
        # The paragraph goes with its blank line (else NL803 rightly reports two).
        "v08_markdown_culture",
        (("replace", CLOSING + "如有意见建议，请及时向我们反映。\n\n", ""),),
        "NL112",
        at="联系电话：",
    ),
    "NL303-mobile-one-digit-short": Defect(
        "v13_notify_as_follows_veterans",
        (("replace", "13905531276", "1390553127"),),
        "NL303",
        at="联系电话：",
        words=("1390553127",),
    ),
    "NL303-phone-before-workday-note": Defect(
        "v11_contact_brackets_health",
        (("replace", "0595-27358160", "0595-273581"),),
        "NL303",
        at="联系电话：",
        words=("0595-273581",),
    ),
    "NL501-restart-skips-2": Defect(
        "v10_restart_reduplication",
        (("replace", "2.关于落实中央八项规定精神", "3.关于落实中央八项规定精神"),),
        "NL501",
        at="3.关于落实中央八项规定精神",
    ),
    "NL501-continuous-skips-9": Defect(
        "v09_continuous_noyear",
        (("replace", "9.关于干部交流轮岗", "10.关于干部交流轮岗"),),
        "NL501",
        at="10.关于干部交流轮岗",
    ),
    "NL501-top-level-skips-三": Defect(
        "v03_s3_slogan_township",
        (("replace", "三、下一步工作打算", "四、下一步工作打算"),),
        "NL501",
        at="四、下一步工作打算",
    ),
    "NL608-collapsed-feedback-date": Defect(
        "v10_restart_reduplication",
        (("replace", "2024年6月27日，县委第三巡察组", "2024627日，县委第三巡察组"),),
        "NL608",
        at="2024627日",
        absent=("NL105",),
        words=("2024627日",),
    ),
    "NL608-two-collapsed-period-dates": Defect(
        "v04_s4_s6_hospital",
        (("replace", "2025年2月24日至2025年4月25日", "2025224日至2025425日"),),
        "NL608",
        at="2025224日",
        count=2,
        absent=("NL105",),
    ),
    "NL605-wrong-completion-rate": Defect(
        "v02_s2_summary_counts",
        (("replace", "完成率75%", "完成率80%"),),
        "NL605",
        at="完成率80%",
        severity="error",
        words=("75%",),
    ),
    "NL605-parts-do-not-add-up": Defect(
        "v15_s1_county_summary",
        (("replace", "正在推进1个，完成率80%", "正在推进2个，完成率80%"),),
        "NL605",
        at="正在推进2个",
    ),
    "NL111-S1-organisation-paragraphs-deleted": Defect(
        "v01_s1_province_xunshi",
        (("drop", "厅党组把抓好巡视整改"), ("drop", "厅党组坚持以上率下")),
        "NL111",
        at="（一）贯彻落实党中央决策部署和省委工作要求方面",
        severity="warning",
        words=("组织领导",),
    ),
    "NL111-S2-organisation-and-summary-deleted": Defect(
        "v02_s2_summary_counts",
        (("drop", "巡察反馈意见后，局党组高度重视"), ("drop", "县委巡察组反馈的8个问题")),
        "NL111",
        at="一、巡察反馈问题整改进展情况",
        severity="warning",
        words=("组织领导",),
    ),
    "NL111-S1-next-steps-paragraph-deleted": Defect(
        # Reported where the last remaining section starts (its first area: S1 has no
        # 一、 heading), as for a numbered notice at its last section heading.
        "v15_s1_county_summary",
        (("drop", "下一步，局党组将坚持问题导向"),),
        "NL111",
        at="（一）贯彻落实教育方针和县委决策部署方面",
        severity="warning",
        words=("下一步",),
    ),
    "NL114-next-steps-heading-deleted": Defect(
        "v03_s3_slogan_township",
        (
            ("drop", "三、下一步工作打算"),
            ("replace", "镇党委将持续巩固巡察整改成果", "下一步，镇党委将持续巩固巡察整改成果"),
        ),
        "NL114",
        at="下一步，镇党委将",
        absent=("NL111",),
    ),
    "NL114-S9-next-steps-heading-deleted": Defect(
        "v06_s9_district_xunshi",
        (("drop", "五、下一步工作打算"),),
        "NL114",
        at="下一步，区委将",
        absent=("NL111",),
    ),
    "NL103-党组党组-in-title": Defect(
        "v10_restart_reduplication",
        (("replace", "水利局党组关于", "水利局党组党组关于"),),
        "NL103",
        at="党组党组关于",
        words=("党组党组",),
        # NL604 compares organs after dropping repeated words (rules.md), so it should
        # stay silent, but the repeat is NL103's finding either way.
        allowed=("NL604",),
    ),
}


def _leadership_moved_after_progress() -> tuple[tuple[str, ...], ...]:
    """v17's slogan-headed leadership section moved after its slogan-headed progress
    section (and both renumbered): kinds by content, so the order is wrong (NL110)."""
    lines = text_of("v17_s8_narrative_slogans_audit").split("\n")
    heading = "一、提高政治站位，扛牢整改责任"
    body = lines[lines.index(heading) + 1]
    return (
        ("replace", f"{heading}\n{body}\n", ""),
        ("replace", "二、聚焦反馈问题，推动真改实改", "一、聚焦反馈问题，推动真改实改"),
        (
            "replace",
            "三、巩固整改成果，推动长效常治",
            f"二、提高政治站位，扛牢整改责任\n{body}\n三、巩固整改成果，推动长效常治",
        ),
    )


DEFECTS["NL110-slogan-sections-swapped"] = Defect(
    "v17_s8_narrative_slogans_audit",
    _leadership_moved_after_progress(),
    "NL110",
    at="二、提高政治站位，扛牢整改责任",
    severity="error",
)


@pytest.mark.parametrize("case", list(DEFECTS))
def test_injected_defect_fires_once_at_its_line(case: str) -> None:
    defect = DEFECTS[case]
    base = text_of(defect.name)
    bad = apply(base, defect.edits)
    found = lint(bad)
    hits = only(found, defect.code)
    report = "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
    assert [d.line for d in hits] == [line_of(bad, defect.at)] * defect.count, report
    new = Counter(codes(found)) - Counter(codes(lint(base)))
    for code in defect.allowed:
        new.pop(code, None)
    assert new == Counter({defect.code: defect.count}), report
    for code in defect.absent:
        assert code not in codes(found), report
    if defect.severity:
        assert {d.severity for d in hits} == {defect.severity}
    for word in defect.words:
        assert any(word in d.message for d in hits), report


def test_numeral_classifier_reduplication_is_never_a_repeated_word() -> None:
    text = text_of("v10_restart_reduplication")
    assert all(word in text for word in ("一项一项", "一件一件", "一条一条", "一步一步"))
    assert "NL103" not in codes(lint(text))


# --- residue: repeated titles (S7) and page chrome (S11) ----------------------------


def _prepend(name: str, *lines: str) -> str:
    return "\n".join([*lines, text_of(name)])


def _assert_one_residue_finding(bad: str, name: str, line: int) -> None:
    """One NL003 at ``line``, nothing else new, and the structure unchanged."""
    found = lint(bad)
    report = "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
    assert [d.line for d in only(found, "NL003")] == [line], report
    new = Counter(codes(found)) - Counter(codes(lint(text_of(name))))
    assert new == Counter({"NL003": 1}), report
    notice = parse_text(bad, FACTS[name]["file"]).notice
    got = facts_from_json(json.loads(notice.to_json()), bad)
    want = expected_facts(name)
    for key in ("profile", "title", "title_organ", "sections", "problems", "signature"):
        assert got[key] == want[key], (key, got[key], want[key])


@pytest.mark.parametrize("copies", [1, 2], ids=["title-twice", "title-three-times"])
def test_s7_title_repeated_by_the_page_is_one_residue_finding(copies: int) -> None:
    name = "v12_public_supervision_civil"
    bad = _prepend(name, *[FACTS[name]["title"]] * copies)
    # The first copy is the title; the copies after it are the page's residue (one
    # block, one finding at its first line).
    _assert_one_residue_finding(bad, name, line=2)


def test_s7_one_line_page_heading_above_a_two_line_title() -> None:
    name = "v04_s4_s6_hospital"
    bad = _prepend(name, FACTS[name]["title"])
    # Line 1 is the title; lines 2–3 repeat it over two lines (one residue block).
    _assert_one_residue_finding(bad, name, line=2)


PAGE_CHROME = {
    # A breadcrumb naming 巡视 must not make a 巡察 notice `xunshi` (S11).
    "breadcrumb-share-fontsize-views": (
        "v03_s3_slogan_township",
        (
            "当前位置：首页 > 巡视巡察 > 巡视整改公开",
            "发布时间：2024-10-14 16:20",
            "分享到：",
            "字号：大 中 小",
            "浏览量：1288",
        ),
    ),
    "government-information-metadata-block": (
        "v09_continuous_noyear",
        (
            "索引号：11440000MB2D55667X/2022-00345",
            "主题分类：党建工作",
            "发布单位：桐川县交通运输局",
            "成文日期：2022-09-13",
            "公开方式：主动公开",
            "有效性：有效",
        ),
    ),
    "combined-source-line-and-breadcrumb": (
        "v06_s9_district_xunshi",
        (
            "您现在的位置：首页 > 信息公开 > 巡察整改",
            "来源：中共青屿区委 发布时间：2021-10-25 浏览量：356 字号：大 中 小",
            "朗读",
        ),
    ),
}


@pytest.mark.parametrize("case", list(PAGE_CHROME))
def test_s11_page_chrome_above_the_title_is_one_residue_finding(case: str) -> None:
    name, chrome = PAGE_CHROME[case]
    _assert_one_residue_finding(_prepend(name, *chrome), name, line=1)


# --- traditional script (S12) and round summaries (S13) ----------------------------

STRUCTURAL_FAMILIES = ("NL1", "NL2", "NL3", "NL4", "NL5", "NL6", "NL7")


@pytest.mark.parametrize("name", ["v12_public_supervision_civil", "v01_s1_province_xunshi"])
def test_s12_traditional_copy_parses_or_gets_one_clear_diagnostic(name: str) -> None:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(text_of(name))
    assert "巡察" in traditional or "巡視" in traditional
    assert traditional != text_of(name)
    found = lint(traditional)
    serious = [d for d in found if d.severity in SERIOUS]
    report = "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
    assert len(serious) <= 1, report
    if serious:  # "the script is unsupported", once, about the whole file
        (d,) = serious
        assert d.line == 1 and "繁体" in d.message, report
    else:  # read through a simplified view: the same structure
        notice = parse_text(traditional, FACTS[name]["file"]).notice
        got = facts_from_json(json.loads(notice.to_json()), traditional)
        assert got["sections"] == expected_facts(name)["sections"]
        assert got["problems"] == FACTS[name]["problems"]


@pytest.mark.parametrize(
    "file",
    ["s13_round_summary.txt", "s13_discipline_commission_round.txt"],
    ids=["inspection-office-round-summary", "discipline-commission-check-report"],
)
def test_s13_round_summary_gets_one_diagnostic_and_no_skeleton_errors(file: str) -> None:
    path = VARIANTS / "not_a_notice" / file
    text = path.read_text(encoding="utf-8")
    _, found = check_document(Document(path=path.name, text=text), Settings(select=["ALL"]))
    report = "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
    serious = [d for d in found if d.severity in SERIOUS]
    assert len(serious) == 1, report
    assert serious[0].line == 1, report
    assert not [d for d in found if d.code.startswith(STRUCTURAL_FAMILIES)], report
