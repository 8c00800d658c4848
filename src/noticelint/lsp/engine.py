"""Checking and fixing an editor's text exactly as ``check`` and ``check --fix`` do.

The text the editor holds is encoded as UTF-8 and handed to the same reader,
configuration lookup (the closest ``noticelint.toml`` / ``pyproject.toml`` walking
up from the file's folder), rules and fixer as the command line, so a finding in
the editor is the finding ``check`` prints for the same text. Configuration is
cached per folder until :meth:`Engine.reload` (a configuration file changed, a
document was saved, a rule was ignored).

The engine is not thread-safe: the server calls it from one worker thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from noticelint.config import ConfigError, ConfigResolver, effective_settings
from noticelint.diagnostics import Diagnostic
from noticelint.lint import check_document, fix_file, unreadable_diagnostics
from noticelint.profile import ProfileError, resolve_profile
from noticelint.read import Document, ReadError, read_bytes
from noticelint.settings import Settings

#: A small notice checked once at start-up, so the first real check finds the
#: parser built and the rules' patterns compiled.
_WARM_UP = "关于某某巡察整改进展情况的通报\n一、组织领导\n1.问题：某某。\n整改情况：已完成。\n"


@dataclass(frozen=True, slots=True)
class Checked:
    """The findings for one version of one document."""

    version: int | None
    text: str  # the editor's text that was checked
    document: Document | None  # what the rules saw (None when unreadable or misconfigured)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: A configuration or profile error: nothing was checked (``check`` exits 2).
    problem: str | None = None


class Engine:
    """Configuration per file, checking and fixing."""

    def __init__(self) -> None:
        self._resolver = ConfigResolver()

    def reload(self) -> None:
        """Forget the cached configuration: the next check reads the files again."""
        self._resolver = ConfigResolver()

    def warm_up(self) -> None:
        check_document(Document(path="warm-up.txt", text=_WARM_UP), Settings())

    def settings_for(self, path: Path) -> Settings:
        """The settings ``check`` would use for ``path``; :class:`ConfigError` if the
        configuration (or the profile it names) is broken."""
        try:
            settings = effective_settings(Settings(), self._resolver.for_path(path), path)
            resolve_profile(settings, "")
        except ProfileError as exc:
            raise ConfigError(str(exc)) from exc
        except ValidationError as exc:
            raise ConfigError("; ".join(str(e["msg"]) for e in exc.errors())) from exc
        except ValueError as exc:
            raise ConfigError(str(exc)) from exc
        return settings

    def read(self, path: Path, text: str, settings: Settings) -> Document:
        """The editor's text as the reader decodes the same file (:class:`ReadError`).

        A lone surrogate (possible in JSON) becomes "?": one character for one, so
        positions stay put."""
        data = text.encode("utf-8", errors="replace")
        return read_bytes(data, str(path), max_bytes=settings.max_bytes)

    def check(self, path: Path, text: str, version: int | None) -> Checked:
        try:
            settings = self.settings_for(path)
        except ConfigError as exc:
            return Checked(version, text, None, problem=str(exc))
        try:
            document = self.read(path, text, settings)
        except ReadError as exc:
            return Checked(version, text, None, unreadable_diagnostics(str(path), exc, settings))
        try:
            diagnostics = check_document(document, settings)[1]
        except ProfileError as exc:
            return Checked(version, text, None, problem=str(exc))
        return Checked(version, text, document, diagnostics)

    def fix_all(self, path: Path, text: str) -> str | None:
        """The text after ``check --fix`` (safe fixes, repeated until stable), in the
        editor's own line breaks; None when nothing changes or it cannot be checked."""
        try:
            settings = self.settings_for(path)
            document = self.read(path, text, settings)
        except (ConfigError, ReadError):
            return None
        if document.medium != "text":
            return None
        outcome = fix_file(document, settings, unsafe=False, write=False)
        if outcome.fixed is None:
            return None
        fixed = outcome.fixed.original
        return fixed if fixed != text else None
