"""The rule framework: one small class per rule, registered by its code.

A rule's docstring *is* its documentation (as in ruff): a one-line summary, then
the sections ``## 检查什么 (What it does)``, ``## 为什么 (Why it matters)``,
``## 错误示例 (Bad)`` and ``## 正确示例 (Good)``. ``noticelint rule CODE`` and
``docs/rules/`` are generated from it, together with the class attributes
(code, name, default severity, fix safety, the norm it rests on).

Rules ask for the parts they inspect: they receive a :class:`Context` whose
``notice`` is the typed model, and report through :meth:`Context.report`.

Work several rules share on one document (a family's scan, the residue found by
NL003, the simplified view of a traditional-script text) is computed once and kept
in the context's :class:`Memo`, keyed by the function that computes it. Write such
a function as ``def scan(ctx: Context) -> Scan`` and decorate it with
:func:`per_document`; every call on the same context returns the first result.
There is no other cache of per-document work: the memo is dropped with the
context (:meth:`Context.close`), so nothing outlives the document.

Rules work on character offsets of ``ctx.text``: ``ctx.span(start, end)`` for a
report, ``ctx.replace/insert/delete`` for a fix. Line and column are computed
only there, at the edge.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Literal, TypeVar, cast

from noticelint.diagnostics import CompactEdits, Diagnostic, Edit, Fix, Severity
from noticelint.model import Notice
from noticelint.parse import Parsed
from noticelint.parse.script import quote_original
from noticelint.profile import Profile
from noticelint.span import Span

FixSafety = Literal["none", "safe", "unsafe"]
T = TypeVar("T")


class Rule:
    """Base class of all rules."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    fix: ClassVar[FixSafety] = "none"
    norm: ClassVar[str] = "convention"
    #: Structural rules are suppressed when the text is not a notice (NL002).
    structural: ClassVar[bool] = True

    def check(self, ctx: Context) -> None:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[0].strip()

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's ``## `` sections, keyed by their heading."""
        doc = inspect.getdoc(cls) or ""
        sections: dict[str, str] = {}
        current = "summary"
        lines: list[str] = []
        for line in doc.splitlines():
            m = re.match(r"##\s+(.*)", line)
            if m:
                sections[current] = "\n".join(lines).strip()
                current, lines = m.group(1).strip(), []
            else:
                lines.append(line)
        sections[current] = "\n".join(lines).strip()
        return sections


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry under its code."""
    if cls.code in REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    doc = inspect.getdoc(cls)
    if not doc or "## " not in doc:
        raise ValueError(f"rule {cls.code} must document itself (docstring with ## sections)")
    REGISTRY[cls.code] = cls
    return cls


class Memo:
    """Per-document work shared by rules, computed once per document.

    Keyed by the function that computes a value (so the key names the work and
    carries its type); a ``None`` result is remembered like any other."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[Callable[..., object], object] = {}

    def get_or(self, compute: Callable[[Context], T], ctx: Context) -> T:
        """``compute(ctx)``, computed on the first call for this document only."""
        values = self._values
        if compute in values:
            return cast(T, values[compute])
        value = values[compute] = compute(ctx)
        return value

    def clear(self) -> None:
        self._values.clear()


def per_document(compute: Callable[[Context], T]) -> Callable[[Context], T]:
    """Decorator: ``compute(ctx)`` runs once per document, later calls share it."""

    @functools.wraps(compute)
    def shared(ctx: Context) -> T:
        return ctx.memo.get_or(compute, ctx)

    return shared


@dataclass(slots=True)
class Context:
    """What a rule sees of one document, and where it reports."""

    parsed: Parsed
    profile: Profile
    rule: type[Rule] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Work shared by several rules on this document (see :func:`per_document`).
    memo: Memo = field(default_factory=Memo)

    def close(self) -> None:
        """Drop the per-document work (shared scans refer back to this context:
        breaking the cycle lets reference counting free the document at once)."""
        self.memo.clear()
        self.rule = None

    @property
    def notice(self) -> Notice:
        return self.parsed.notice

    @property
    def text(self) -> str:
        return self.parsed.document.text

    def span(self, start: int, end: int) -> Span:
        return self.parsed.index.span(start, end)

    def start_of(self, span: Span) -> int:
        """The character offset where ``span`` (of the model, which keeps line and
        column for the outputs) starts: rules work on offsets."""
        return self.parsed.index.offset(span.line, span.column)

    def end_of(self, span: Span) -> int:
        """The character offset where ``span`` ends (exclusive)."""
        return self.parsed.index.offset(span.end_line, span.end_column)

    def line_start(self, offset: int) -> int:
        """The offset of the first character of the line holding ``offset``."""
        return self.text.rfind("\n", 0, offset) + 1

    def first_line_span(self) -> Span:
        """The first character of the first paragraph (where a missing part would go)."""
        segs = self.parsed.segmentation.segments
        if segs:
            return self.span(segs[0].start, segs[0].start + 1)
        return Span(line=1, column=1, end_line=1, end_column=1)

    def anchor(self, *spans: Span | None) -> Span:
        """Where to report a missing tail part: the first of ``spans`` that exists,
        else the last paragraph of the document."""
        for span in spans:
            if span is not None:
                return span
        segs = self.parsed.segmentation.segments
        return self.span(segs[-1].start, segs[-1].end) if segs else self.first_line_span()

    def edit(self, start: int, end: int, content: str) -> Edit:
        """Replace ``text[start:end]`` (character offsets) with ``content``."""
        position = self.parsed.index.position
        line, column = position(start)
        end_line, end_column = position(end) if end > start else (line, column)
        return Edit(
            line=line, column=column, end_line=end_line, end_column=end_column, content=content
        )

    replace = edit

    def insert(self, at: int, content: str) -> Edit:
        return self.edit(at, at, content)

    def delete(self, start: int, end: int) -> Edit:
        return self.edit(start, end, "")

    def char_edits(self, marks: list[tuple[int, str]], table: dict[str, str]) -> CompactEdits:
        """One-character replacements (``table[ch]`` at each ``(offset, ch)``), kept
        compact until an output, ``--fix`` or ``--diff`` reads them."""
        return CompactEdits(marks, table, self.parsed.index.place)

    def report(
        self,
        message: str,
        span: Span,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        code: str | None = None,
    ) -> None:
        rule = self.rule
        assert rule is not None
        parsed = self.parsed
        document = parsed.document
        if parsed.index.text is not document.text:
            # the parser read a simplified view (S12): quote the characters as written
            message = quote_original(message, parsed.index.text, document.text)
        self.diagnostics.append(
            Diagnostic(
                path=document.path,
                code=code or rule.code,
                name=rule.name,
                severity=severity or rule.severity,
                message=message,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                fix=fix,
            )
        )


def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """The profile's ``patterns`` (a word list of regular expressions), compiled once
    per list rather than looked up in ``re``'s cache at every search."""
    return _compiled(tuple(patterns))


@functools.lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def quote(text: str, limit: int = 30) -> str:
    """Quote offending text in a message, shortened to ``limit`` characters."""
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


def iter_rules() -> Iterator[type[Rule]]:
    yield from (REGISTRY[c] for c in sorted(REGISTRY))
