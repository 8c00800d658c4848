"""Diagnostics and fixes as data (the shape of ``check --output-format json``).

Inside the pipeline these are plain slotted classes: a rule may report hundreds of
findings per document, and validating each as a pydantic model cost more than the
rule itself. The public JSON is written from them by :mod:`noticelint.output.machine`.

A fix's edits may be *compact*: a file-wide fix (NL801 turns every half-width mark
of a file full-width: hundreds of edits) is kept as offsets plus a replacement map
and expanded into :class:`Edit` objects only when something reads ``fix.edits`` —
the outputs that print fixes, ``--fix`` and ``--diff``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any, Literal, overload

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


#: The order findings are reported in — path, line, column, code — as a C-level key
#: (``Diagnostic.sort_key`` returns the same tuple).
BY_POSITION = attrgetter("path", "line", "column", "code")


class Edit:
    """Replace the text between two positions of the original text with ``content``."""

    __slots__ = ("column", "content", "end_column", "end_line", "line")

    def __init__(
        self, *, line: int, column: int, end_line: int, end_column: int, content: str
    ) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.content = content

    def key(self) -> tuple[int, int, int, int, str]:
        return (self.line, self.column, self.end_line, self.end_column, self.content)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Edit) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        return (
            f"Edit(line={self.line}, column={self.column}, end_line={self.end_line}, "
            f"end_column={self.end_column}, content={self.content!r})"
        )


class CompactEdits(Sequence[Edit]):
    """One-character replacements at many offsets, expanded into edits on first use.

    ``marks`` are ``(offset, character)`` pairs sorted by offset, ``table`` maps a
    character to its replacement and ``place`` gives each mark its line and column
    (:meth:`noticelint.span.LineIndex.place`).
    """

    __slots__ = ("_expanded", "_place", "marks", "table")

    def __init__(
        self,
        marks: list[tuple[int, str]],
        table: dict[str, str],
        place: Callable[[list[tuple[int, str]]], list[tuple[int, int, str]]],
    ) -> None:
        self.marks = marks
        self.table = table
        self._place = place
        self._expanded: list[Edit] | None = None

    def rows(self) -> list[tuple[int, int, str]]:
        """``(line, column, character)`` of each mark, without building edits."""
        return self._place(self.marks)

    def _edits(self) -> list[Edit]:
        if self._expanded is None:
            table = self.table
            self._expanded = [
                Edit(
                    line=line,
                    column=column,
                    end_line=line,
                    end_column=column + 1,
                    content=table[ch],
                )
                for line, column, ch in self.rows()
            ]
        return self._expanded

    def __len__(self) -> int:
        return len(self.marks)

    @overload
    def __getitem__(self, index: int) -> Edit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Edit]: ...
    def __getitem__(self, index: int | slice) -> Edit | Sequence[Edit]:
        return self._edits()[index]

    def __iter__(self) -> Iterator[Edit]:
        return iter(self._edits())


class Fix:
    """A set of edits applied together or not at all."""

    __slots__ = ("applicability", "edits", "message")

    def __init__(
        self, *, applicability: Applicability, message: str, edits: Sequence[Edit]
    ) -> None:
        self.applicability = applicability
        self.message = message
        self.edits = edits

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Fix)
            and (self.applicability, self.message) == (other.applicability, other.message)
            and list(self.edits) == list(other.edits)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Fix(applicability={self.applicability!r}, message={self.message!r}, edits=[{len(self.edits)}])"


class Diagnostic:
    """One finding: where, which rule, how severe, what to do, and maybe a fix."""

    __slots__ = (
        "code",
        "column",
        "end_column",
        "end_line",
        "fix",
        "line",
        "message",
        "name",
        "path",
        "severity",
    )

    def __init__(
        self,
        *,
        path: str,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.code = code
        self.name = name
        self.severity: Severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.fix = fix

    def sort_key(self) -> tuple[str, int, int, str]:
        return BY_POSITION(self)

    def replace(self, **changes: object) -> Diagnostic:
        """A copy with some attributes changed."""
        new = Diagnostic.__new__(Diagnostic)
        for name in Diagnostic.__slots__:
            setattr(new, name, changes.get(name, getattr(self, name)))
        return new

    def as_dict(self) -> dict[str, Any]:
        """The public JSON object."""
        fix = self.fix
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": None
            if fix is None
            else {
                "applicability": fix.applicability,
                "message": fix.message,
                "edits": [
                    {
                        "line": e.line,
                        "column": e.column,
                        "end_line": e.end_line,
                        "end_column": e.end_column,
                        "content": e.content,
                    }
                    for e in fix.edits
                ],
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """The inverse of :meth:`as_dict` (a cached or transmitted result)."""
        fix = data.get("fix")
        return cls(
            path=data["path"],
            code=data["code"],
            name=data["name"],
            severity=data["severity"],
            message=data["message"],
            line=data["line"],
            column=data["column"],
            end_line=data["end_line"],
            end_column=data["end_column"],
            fix=None
            if fix is None
            else Fix(
                applicability=fix["applicability"],
                message=fix["message"],
                edits=[Edit(**e) for e in fix["edits"]],
            ),
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: object, handler: object) -> Any:
        """Where a pydantic model holds diagnostics (the report's per-file summary),
        they are taken as they are (or from their JSON dict) and dumped as JSON dicts."""
        from pydantic_core import core_schema

        def coerce(value: object) -> Diagnostic:
            if isinstance(value, Diagnostic):
                return value
            if isinstance(value, dict):
                try:
                    return cls.from_dict(value)
                except (KeyError, TypeError, AttributeError) as exc:
                    raise ValueError(f"not a diagnostic: {exc}") from exc
            raise ValueError("not a diagnostic")

        return core_schema.no_info_plain_validator_function(
            coerce,
            serialization=core_schema.plain_serializer_function_ser_schema(Diagnostic.as_dict),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Diagnostic) and all(
            getattr(self, n) == getattr(other, n) for n in Diagnostic.__slots__
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Diagnostic({self.path}:{self.line}:{self.column}: {self.code} "
            f"[{self.severity}] {self.message})"
        )
