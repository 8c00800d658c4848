"""Diagnostics and fixes as data (the shape of ``check --output-format json``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Edit(BaseModel):
    """Replace the text between two positions of the original text with ``content``."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


class Fix(BaseModel):
    model_config = ConfigDict(frozen=True)

    applicability: Applicability
    message: str
    edits: list[Edit]


class Diagnostic(BaseModel):
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
