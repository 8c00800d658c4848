"""Run settings: which rules, which profile, what fails the run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from noticelint.codes import parse_selectors
from noticelint.diagnostics import Severity
from noticelint.read import DEFAULT_MAX_BYTES

DEFAULT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    profile: str | None = None  # None: chosen from the notice (xuncha / xunshi)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = "warning"
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    #: Seconds one file may take in a corpus run before it is given up (NL001 timeout).
    timeout: float = Field(default=30.0, ge=0)
    suffixes: tuple[str, ...] = DEFAULT_SUFFIXES
    config_sources: list[str] = Field(default_factory=list)

    _v = field_validator("select", "ignore", "extend_select")(
        classmethod(lambda c, v: parse_selectors(v))
    )

    def enabled(self, code: str) -> bool:
        def match(prefixes: list[str]) -> int:
            best = -1
            for p in prefixes:
                if p == "ALL":
                    best = max(best, 0)
                elif code.startswith(p):
                    best = max(best, len(p))
            return best

        selected = max(match(self.select), match(self.extend_select))
        ignored = match(self.ignore)
        return selected >= 0 and selected > ignored
