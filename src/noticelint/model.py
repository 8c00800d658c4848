"""The typed document model: what the parser recognised, with source spans.

``noticelint parse --format json`` prints :meth:`Notice.to_json`; the field names
and shapes are the contract of ``cli.md``. The models are slotted dataclasses
(cheap to build on the hot path: a document has hundreds of nodes) serialised and
validated by pydantic at the edge (:func:`notice_adapter`). Fields marked
``Internal`` are for the rules and are left out of the JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Literal, TypeVar

from pydantic import Field, TypeAdapter

from noticelint.span import Span

T = TypeVar("T")
Internal = Annotated[T, Field(exclude=True)]

SectionKind = Literal["leadership", "progress", "clues", "next_steps", "other"]
StatusClass = Literal["done", "long_term", "partial", "in_progress", "unknown"]


@dataclass(slots=True, kw_only=True)
class Title:
    text: str
    organ: str | None = None
    span: Span
    lines: int = 1


@dataclass(slots=True, kw_only=True)
class Opening:
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


@dataclass(slots=True, kw_only=True)
class Measure:
    number: int | None = None
    text: str
    span: Span


@dataclass(slots=True, kw_only=True)
class Status:
    text: str
    class_: Annotated[StatusClass, Field(alias="class")] = "unknown"
    span: Span
    label: str = ""
    narrative: bool = False


@dataclass(slots=True, kw_only=True)
class Problem:
    number: int | None = None
    heading: str
    span: Span
    marker: str = ""
    level: int = 3  # 3 for "1.", 4 for "（1）"
    measures: list[Measure] = field(default_factory=list)
    status: Status | None = None
    children: list[Problem] = field(default_factory=list)
    detail: Internal[str] = ""
    measure_labels: Internal[list[Span]] = field(default_factory=list)
    status_lines: Internal[list[Status]] = field(default_factory=list)

    def leaves(self) -> list[Problem]:
        if not self.children:
            return [self]
        out: list[Problem] = []
        for child in self.children:
            out.extend(child.leaves())
        return out


@dataclass(slots=True, kw_only=True)
class Area:
    number: int | None = None
    heading: str
    span: Span
    marker: str = ""
    problems: list[Problem] = field(default_factory=list)
    paragraphs: Internal[list[Measure]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Section:
    number: int | None = None
    heading: str
    kind: SectionKind = "other"
    span: Span
    marker: str = ""
    areas: list[Area] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    paragraphs: Internal[list[Measure]] = field(default_factory=list)

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


@dataclass(slots=True, kw_only=True)
class Closing:
    text: str
    span: Span


@dataclass(slots=True, kw_only=True)
class Disclosure:
    start: dt.date | None = None
    end: dt.date | None = None
    text: str
    span: Span
    period_text: Internal[str] = ""
    well_formed: Internal[bool] = False
    invalid: Internal[str | None] = None


@dataclass(slots=True, kw_only=True)
class ContactField:
    kind: str  # phone | address | postcode | email
    label: str
    value: str
    span: Span


@dataclass(slots=True, kw_only=True)
class Contact:
    phones: list[str] = field(default_factory=list)
    address: str | None = None
    postcode: str | None = None
    email: str | None = None
    span: Span
    fields: Internal[list[ContactField]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Signature:
    organ: str | None = None
    date: dt.date | None = None
    span: Span
    organ_span: Internal[Span | None] = None
    date_span: Internal[Span | None] = None
    date_text: Internal[str | None] = None


TailKind = Literal["closing", "disclosure", "contact", "organ", "date"]


@dataclass(slots=True, kw_only=True)
class TailPart:
    """One paragraph of the tail, in document order (for NL113)."""

    kind: TailKind
    span: Span
    offset: int
    after_last_section: bool


@dataclass(slots=True, kw_only=True)
class Notice:
    path: str
    title: Title | None = None
    opening: Opening | None = None
    sections: list[Section] = field(default_factory=list)
    closing: Closing | None = None
    disclosure: Disclosure | None = None
    contact: Contact | None = None
    signature: Signature | None = None
    profile: str = "xuncha"
    orphans: Internal[list[Problem]] = field(default_factory=list)
    tail: Internal[list[TailPart]] = field(default_factory=list)
    unparsed: Internal[list[Span]] = field(default_factory=list)

    def progress_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "progress"]

    def to_json(self, *, indent: int | None = 2) -> str:
        return notice_adapter().dump_json(self, by_alias=True, indent=indent).decode("utf-8")


@cache
def notice_adapter() -> TypeAdapter[Notice]:
    """pydantic's serialiser and validator for :class:`Notice` (built once, lazily)."""
    return TypeAdapter(Notice)
