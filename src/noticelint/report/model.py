"""The report's data: what one file contributes, and the aggregate over a corpus.

``report --json`` writes :class:`CorpusReport` (``model_dump``); the HTML report is
rendered from the same object, so the two always agree.

Compliance score (documented in docs/report.md):

* a file's score is ``max(0, 100 − 10·E − 3·W − 0.5·I)`` where E, W, I count its
  error, warning and info diagnostics; an unreadable file scores 0;
* the corpus score is the mean of the file scores.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from noticelint.diagnostics import Diagnostic

PART_NAMES: dict[str, str] = {
    "title": "标题",
    "opening": "开头",
    "progress": "整改进展部分",
    "status_lines": "每个问题有整改进展",
    "closing": "结束语",
    "disclosure": "公开期限",
    "contact": "完整联系方式",
    "signature_organ": "落款机关",
    "signature_date": "成文日期",
}


def file_score(errors: int, warnings: int, infos: int, readable: bool = True) -> float:
    if not readable:
        return 0.0
    return max(0.0, 100.0 - 10 * errors - 3 * warnings - 0.5 * infos)


class FileSummary(BaseModel):
    """What the report keeps of one file (no text: memory stays per-file small)."""

    path: str
    readable: bool = True
    error: str | None = None  # why it could not be read
    organ: str | None = None
    date: str | None = None  # 成文日期, ISO
    year: int | None = None
    profile: str | None = None
    title: str | None = None
    areas: int = 0
    problems: int = 0
    parts: dict[str, bool] = Field(default_factory=dict)  # keys of PART_NAMES
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    score: float = 0.0
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    size: int = 0  # characters of text
    seconds: float = 0.0


class RuleRow(BaseModel):
    code: str
    name: str
    severity: str
    summary: str
    files: int  # files with at least one diagnostic of this rule
    diagnostics: int
    pass_rate: float  # share of readable files without this rule's diagnostics


class GroupRow(BaseModel):
    key: str  # organ name or year
    files: int
    errors: int
    warnings: int
    infos: int
    score: float  # mean file score


class CorpusReport(BaseModel):
    version: str
    generated: str  # ISO timestamp
    files: int
    readable: int
    unreadable: int
    errors: int
    warnings: int
    infos: int
    score: float
    completeness: dict[str, float]  # part → share of readable files that have it
    rules: list[RuleRow]
    organs: list[GroupRow]
    years: list[GroupRow]
    top: list[RuleRow]  # the most common violations
    per_file: list[FileSummary]
    #: The configuration files that governed some file of the corpus (a
    #: noticelint.toml inside the corpus governs its subtree); none with --isolated.
    configs: list[str] = Field(default_factory=list)
    isolated: bool = False
