"""The typed document model: what the parser recognised, with source spans.

``noticelint parse --format json`` prints :meth:`Notice.to_json`; the field names
and shapes are the contract of ``cli.md``. Models are built by trusted code with
``model_construct`` (no re-validation on the hot path); tests validate round trips.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from noticelint.span import Span

SectionKind = Literal["leadership", "progress", "clues", "next_steps", "other"]
StatusClass = Literal["done", "long_term", "partial", "in_progress", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, arbitrary_types_allowed=True)


class Title(_Model):
    text: str
    organ: str | None = None
    span: Span
    lines: int = 1


class Opening(_Model):
    text: str
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    feedback_date: dt.date | None = None
    declared_areas: int | None = None
    declared_problems: int | None = None
    declared_measures: int | None = None
    span: Span
    has_basis: bool = False
    has_period: bool = False
    has_inspector: bool = False
    has_feedback: bool = False
    has_publication: bool = False


class Measure(_Model):
    number: int | None = None
    text: str
    span: Span


class Status(_Model):
    text: str
    class_: StatusClass = Field(default="unknown", alias="class")
    span: Span
    label: str = ""
    narrative: bool = False


class Problem(_Model):
    number: int | None = None
    heading: str
    span: Span
    marker: str = ""
    level: int = 3  # 3 for "1.", 4 for "（1）"
    measures: list[Measure] = Field(default_factory=list)
    status: Status | None = None
    children: list[Problem] = Field(default_factory=list)
    detail: str = Field(default="", exclude=True)
    measure_labels: list[Span] = Field(default_factory=list, exclude=True)
    status_lines: list[Status] = Field(default_factory=list, exclude=True)

    def leaves(self) -> list[Problem]:
        if not self.children:
            return [self]
        out: list[Problem] = []
        for child in self.children:
            out.extend(child.leaves())
        return out


class Area(_Model):
    number: int | None = None
    heading: str
    span: Span
    marker: str = ""
    problems: list[Problem] = Field(default_factory=list)
    paragraphs: list[Measure] = Field(default_factory=list, exclude=True)


class Section(_Model):
    number: int | None = None
    heading: str
    kind: SectionKind = "other"
    span: Span
    marker: str = ""
    areas: list[Area] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    paragraphs: list[Measure] = Field(default_factory=list, exclude=True)

    def all_problems(self) -> list[Problem]:
        out = list(self.problems)
        for area in self.areas:
            out.extend(area.problems)
        return out

    def leaf_problems(self) -> list[Problem]:
        out: list[Problem] = []
        for problem in self.all_problems():
            out.extend(problem.leaves())
        return out


class Closing(_Model):
    text: str
    span: Span


class Disclosure(_Model):
    start: dt.date | None = None
    end: dt.date | None = None
    text: str
    span: Span
    period_text: str = Field(default="", exclude=True)
    well_formed: bool = Field(default=False, exclude=True)
    invalid: str | None = Field(default=None, exclude=True)


class ContactField(_Model):
    kind: str  # phone | address | postcode | email
    label: str
    value: str
    span: Span


class Contact(_Model):
    phones: list[str] = Field(default_factory=list)
    address: str | None = None
    postcode: str | None = None
    email: str | None = None
    span: Span
    fields: list[ContactField] = Field(default_factory=list, exclude=True)


class Signature(_Model):
    organ: str | None = None
    date: dt.date | None = None
    span: Span
    organ_span: Span | None = Field(default=None, exclude=True)
    date_span: Span | None = Field(default=None, exclude=True)
    date_text: str | None = Field(default=None, exclude=True)


class TailPart(_Model):
    """One paragraph of the tail, in document order (for NL113)."""

    kind: Literal["closing", "disclosure", "contact", "organ", "date"]
    span: Span
    offset: int
    after_last_section: bool


class Notice(_Model):
    path: str
    title: Title | None = None
    opening: Opening | None = None
    sections: list[Section] = Field(default_factory=list)
    closing: Closing | None = None
    disclosure: Disclosure | None = None
    contact: Contact | None = None
    signature: Signature | None = None
    profile: str = "xuncha"
    orphans: list[Problem] = Field(default_factory=list, exclude=True)
    tail: list[TailPart] = Field(default_factory=list, exclude=True)
    unparsed: list[Span] = Field(default_factory=list, exclude=True)

    def progress_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "progress"]

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)
