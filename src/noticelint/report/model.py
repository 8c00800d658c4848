"""The report's data: what one file contributes, and the aggregate over a corpus.

``report --json`` writes :class:`CorpusReport` (``model_dump``); the HTML report is
rendered from the same object, so the two always agree.

Compliance score (documented in docs/report.md; weights in the profile's ``[score]``):

* a file that is not a notice (NL001 unreadable, NL002 no notice structure) has no
  score and is left out of every average;
* otherwise the score is the sum of three parts: the required parts present (share of
  :data:`PART_NAMES` × ``parts``), the structure (``structure`` minus a cost per
  finding of a structural rule, by severity) and the typography (``typography`` minus
  a cost per *kind* of typographic finding, however often it occurs);
* the corpus score (and an organ's or a year's) is the mean over the scored files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from noticelint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from noticelint.profile import ScoreSettings

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


#: Codes that say a file is not a notice: no score.
UNSCORED_CODES = frozenset({"NL001", "NL002"})
SCORE_PART_NAMES: dict[str, str] = {
    "parts": "必备要素",
    "structure": "结构与内容",
    "typography": "文字规范",
}


class ScoreParts(BaseModel):
    """A file's score and the points of each part (maximum in ``*_max``)."""

    parts: float
    parts_max: float
    structure: float
    structure_max: float
    typography: float
    typography_max: float

    @property
    def total(self) -> float:
        return round(self.parts + self.structure + self.typography, 2)


def file_score(
    parts: Mapping[str, bool], diagnostics: Iterable[Diagnostic], weights: ScoreSettings
) -> ScoreParts | None:
    """The compliance score of one file (None for a file that is not a notice)."""
    diagnostics = list(diagnostics)
    if any(d.code in UNSCORED_CODES for d in diagnostics):
        return None
    present = sum(bool(parts.get(name)) for name in PART_NAMES) / len(PART_NAMES)
    structural = [d for d in diagnostics if not weights.is_typographic(d.code)]
    kinds = {d.code for d in diagnostics if weights.is_typographic(d.code)}
    lost = sum(weights.structure_cost.get(d.severity, 0.0) for d in structural)
    return ScoreParts(
        parts=round(weights.parts * present, 2),
        parts_max=weights.parts,
        structure=round(max(0.0, weights.structure - lost), 2),
        structure_max=weights.structure,
        typography=round(max(0.0, weights.typography - weights.typography_cost * len(kinds)), 2),
        typography_max=weights.typography,
    )


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
    score: float | None = None  # None: not a notice (NL001/NL002), left out of averages
    score_parts: ScoreParts | None = None
    baselined: int = 0  # findings hidden by `report --baseline`
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
    score: float | None  # mean score of its scored files (None: none scored)


class CorpusReport(BaseModel):
    version: str
    generated: str  # ISO timestamp
    files: int
    readable: int
    unreadable: int
    errors: int
    warnings: int
    infos: int
    score: float | None  # mean over the scored files
    scored: int  # files with a score
    unscored: list[str]  # paths of files that are not notices (no score), listed apart
    baselined: int | None = None  # findings hidden by --baseline (None: no baseline)
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
