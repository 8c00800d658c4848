"""Run settings: which rules, which profile, what fails the run."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator

from noticelint.codes import parse_selectors
from noticelint.diagnostics import Severity
from noticelint.read import DEFAULT_MAX_BYTES

DEFAULT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
#: Address space one reader of an untrusted file may use (``max-memory``).
DEFAULT_MAX_MEMORY = 2 * 1024**3
#: The longest per-file time budget accepted (a day); beyond it is a typo, not a budget.
MAX_TIMEOUT = 86400.0


def check_timeout(value: float) -> float:
    """A per-file time budget in seconds: finite, 0 (none) up to a day."""
    if not math.isfinite(value) or value < 0 or value > MAX_TIMEOUT:
        raise ValueError(
            f"--timeout/timeout 必须是 0（不限）到 {MAX_TIMEOUT:g} 之间的秒数，而不是 {value!r} "
            "(timeout must be a number of seconds between 0 and 86400)"
        )
    return value


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
    timeout: float = 30.0
    #: Bytes of address space a reader of an untrusted file may use (RLIMIT_AS of the
    #: reading sandbox and of pool workers); beyond it the file is NL001.
    max_memory: int = Field(default=DEFAULT_MAX_MEMORY, gt=0)
    suffixes: tuple[str, ...] = DEFAULT_SUFFIXES
    config_sources: list[str] = Field(default_factory=list)

    _v = field_validator("select", "ignore", "extend_select")(
        classmethod(lambda c, v: parse_selectors(v))
    )
    _t = field_validator("timeout")(classmethod(lambda c, v: check_timeout(v)))

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
