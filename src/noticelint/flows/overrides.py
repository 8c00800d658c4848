"""The command line's overrides of the configuration, and the settings per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from noticelint.settings import Settings


class UsageError(Exception):
    """Bad options or configuration: the command exits with status 2."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Options given on the command line (None: not given, the configuration decides)."""

    config: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    profile: str | None = None
    fail_on: str | None = None
    max_file_size: str | None = None
    timeout: float | None = None
    max_memory: str | None = None
    #: Ignore every configuration file (``--isolated``).
    isolated: bool = False


class SettingsFactory:
    """The effective settings per file: configuration found upward ← command line.
    Raises :class:`UsageError` for a bad configuration, profile or option."""

    def __init__(self, overrides: Overrides) -> None:
        from noticelint.config import ConfigError, ConfigResolver
        from noticelint.settings import Settings

        if overrides.isolated and overrides.config is not None:
            raise UsageError(
                "--isolated 与 --config 不能同时使用 (--isolated ignores all configuration)"
            )
        try:
            self.resolver = ConfigResolver(overrides.config, isolated=overrides.isolated)
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        self.base = Settings()
        self.overrides = overrides
        # One Settings object per distinct result: a 100,000-file run holds 100,000 jobs.
        self._shared: dict[str, Settings] = {}
        self._checked: set[str | None] = set()

    def __call__(self, path: Path) -> Settings:
        from pydantic import ValidationError

        from noticelint.config import ConfigError, effective_settings, explain_error
        from noticelint.profile import ProfileError, resolve_profile

        o = self.overrides
        try:
            settings = effective_settings(
                self.base,
                self.resolver.for_path(path),
                path,
                cli_select=o.select,
                cli_ignore=o.ignore,
                cli_extend_select=o.extend_select,
                cli_profile=o.profile,
                cli_fail_on=o.fail_on,  # type: ignore[arg-type]
                cli_max_file_size=o.max_file_size,
                cli_timeout=o.timeout,
                cli_max_memory=o.max_memory,
            )
            if settings.profile not in self._checked:
                resolve_profile(settings, "")
                self._checked.add(settings.profile)
        except (ConfigError, ProfileError) as exc:
            raise UsageError(str(exc)) from exc
        except ValidationError as exc:
            raise UsageError("；".join(explain_error(e) for e in exc.errors())) from exc
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        return self._shared.setdefault(settings.model_dump_json(), settings)

    def max_memory(self) -> int:
        """The largest memory budget any file got (the pool's workers are shared)."""
        return max((s.max_memory for s in self._shared.values()), default=self.base.max_memory)
