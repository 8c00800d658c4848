"""What a corpus run sends to its workers and what comes back (all picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from noticelint.settings import Settings


@dataclass(frozen=True, slots=True)
class Job:
    """One file to process."""

    path: str
    settings: Settings


@dataclass(frozen=True, slots=True)
class Options:
    """How every file of a run is processed.

    ``output`` names the ``check`` output format each file is rendered for (None:
    a ``report`` run, which wants the per-file summary instead); ``statistics``
    asks only for counts per rule. ``color_system`` and ``width`` are the parent's
    terminal, for the ``full`` format.
    """

    cache_dir: str | None
    include_text: bool = False
    output: str | None = None
    statistics: bool = False
    color_system: str | None = None
    width: int = 80
    terminal: bool = False
    #: Also send the diagnostics themselves (``check --baseline`` compares them).
    keep_diagnostics: bool = False


@dataclass(slots=True)
class RuleCount:
    """How many findings of one rule a file has (``check --statistics``)."""

    code: str
    name: str
    count: int
    fixable: int


@dataclass(slots=True)
class FileResult:
    """One file's result: what the parent needs to write, count and decide the exit
    code — never the diagnostics as objects (the parent's memory stays flat)."""

    path: str
    fail: bool = False
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    fixable: int = 0
    profile: str | None = None
    #: ``check``: this file's part of the output, already rendered.
    output: str = ""
    statistics: list[RuleCount] = field(default_factory=list)
    #: ``report``: the per-file summary (``FileSummary`` as JSON) and maybe the text.
    summary: dict[str, Any] | None = None
    text: str | None = None
    #: The diagnostics as JSON objects, only when the run asks for them.
    diagnostics: list[dict[str, Any]] | None = None

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos
