"""Profiles: the word lists, patterns and thresholds the rules read, as data.

Profiles live in ``rules/*.toml`` (installed as ``noticelint/profiles``). A profile
may ``extends = "<name or path>"`` another; tables are merged key by key. Loading
validates the data with pydantic and raises :class:`ProfileError` naming the file,
the key and what was expected.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

if TYPE_CHECKING:
    from noticelint.settings import Settings

Severity = Literal["error", "warning", "info"]


class ProfileError(Exception):
    """A profile file is missing or invalid (exit code 2)."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


def _check_patterns(values: list[str] | str) -> Any:
    for value in [values] if isinstance(values, str) else values:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {value!r}: {exc}") from exc
    return values


class SectionKeywords(_Section):
    next_steps: list[str]
    clues: list[str]
    leadership: list[str]
    progress: list[str]


class TitleSettings(_Section):
    patterns: list[str]
    example: str = ""

    _v = field_validator("patterns")(classmethod(lambda cls, v: _check_patterns(v)))


class ClosingFormula(_Section):
    required: list[str]
    example: str = ""

    _v = field_validator("required")(classmethod(lambda cls, v: _check_patterns(v)))


class OpeningPatterns(_Section):
    basis: str
    basis_object: str = Field(alias="basis-object")
    inspector: str
    feedback: str
    publication: str

    _v = field_validator("basis", "basis_object", "inspector", "feedback", "publication")(
        classmethod(lambda cls, v: _check_patterns(v))
    )


class StatusVocabulary(_Section):
    partial: list[str]
    in_progress: list[str]
    long_term: list[str]
    done: list[str]
    max_phrase_length: int = Field(alias="max-phrase-length", ge=10)
    labels: list[str]


class ProblemSettings(_Section):
    require_status: bool = Field(alias="require-status")
    measure_label: str = Field(alias="measure-label")


class DisclosureSettings(_Section):
    min_days: int = Field(alias="min-days", ge=0)
    labels: list[str] = Field(default_factory=lambda: ["公开期限"])


class ContactSettings(_Section):
    required: list[Literal["phone", "address", "postcode", "email"]]
    phone_labels: list[str] = Field(alias="phone-labels")
    address_labels: list[str] = Field(alias="address-labels")
    postcode_labels: list[str] = Field(alias="postcode-labels")
    email_labels: list[str] = Field(alias="email-labels")
    canonical_labels: list[str] = Field(alias="canonical-labels")


class WordSettings(_Section):
    allow_repeats: list[str] = Field(alias="allow-repeats")


class ClaimSettings(_Section):
    all_done: list[str] = Field(alias="all-done")
    not_done: list[str] = Field(alias="not-done")

    _v = field_validator("all_done", "not_done")(classmethod(lambda cls, v: _check_patterns(v)))


class DateSettings(_Section):
    future_markers: list[str] = Field(alias="future-markers")


class NumberingSettings(_Section):
    enumeration_suffix: str = Field(default="是", alias="enumeration-suffix")


class TypographySettings(_Section):
    halfwidth_file_ratio: float = Field(default=0.5, alias="halfwidth-file-ratio", ge=0, le=1)
    max_blank_lines: int = Field(default=1, alias="max-blank-lines", ge=0)


class ArtifactSettings(_Section):
    line_patterns: list[str] = Field(default_factory=list, alias="line-patterns")

    _v = field_validator("line_patterns")(classmethod(lambda cls, v: _check_patterns(v)))


class LedgerPatterns(_Section):
    """What the 整改台账 extracts beyond the parsed structure (``[ledger]``)."""

    inspection_body: str = Field(alias="inspection-body")
    deadline_suffix: str = Field(alias="deadline-suffix")

    _v = field_validator("inspection_body", "deadline_suffix")(
        classmethod(lambda cls, v: _check_patterns(v))
    )


class ScoreSettings(_Section):
    """The compliance score's weights (``[score]``; see docs/report.md)."""

    parts: float = Field(ge=0)
    structure: float = Field(ge=0)
    typography: float = Field(ge=0)
    structure_cost: dict[Severity, float] = Field(alias="structure-cost")
    typography_cost: float = Field(alias="typography-cost", ge=0)
    typographic: list[str]

    def is_typographic(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.typographic)


class Profile(BaseModel):
    """A validated profile."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    name: str
    description: str = ""
    inspection_word: str = Field(default="巡察", alias="inspection-word")
    extends: str | None = None
    sections: SectionKeywords
    title: TitleSettings
    closing: ClosingFormula
    opening: OpeningPatterns
    status: StatusVocabulary
    problems: ProblemSettings
    disclosure: DisclosureSettings
    contact: ContactSettings
    words: WordSettings
    claims: ClaimSettings
    dates: DateSettings
    numbering: NumberingSettings = NumberingSettings()
    typography: TypographySettings = TypographySettings()
    artifacts: ArtifactSettings = ArtifactSettings()
    ledger: LedgerPatterns
    score: ScoreSettings
    severity: dict[str, Severity] = Field(default_factory=dict)
    source: str = Field(default="", exclude=True)

    @field_validator("severity")
    @classmethod
    def _codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        for code in value:
            if not re.fullmatch(r"NL\d{3}", code):
                raise ValueError(f"{code!r} is not a rule code (NLxxx)")
        return value

    @cached_property
    def closing_patterns(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.closing.required]

    @cached_property
    def contact_label_pattern(self) -> re.Pattern[str]:
        """One pattern for every contact label; the group name gives the field kind."""
        c = self.contact
        labels: list[tuple[str, str]] = []
        for kind, words in (
            ("phone", c.phone_labels),
            ("address", c.address_labels),
            ("postcode", c.postcode_labels),
            ("email", c.email_labels),
        ):
            labels.extend((w, kind) for w in words)
        labels.sort(key=lambda x: -len(x[0]))
        alt = "|".join(f"(?P<{kind}{i}>{re.escape(w)})" for i, (w, kind) in enumerate(labels))
        return re.compile(rf"(?:{alt})\s*(?P<colon>[:：])?")


def profiles_dir() -> Path:
    """Where the bundled profiles are: the wheel's copy, or the source tree's ``rules/``."""
    here = Path(__file__).resolve().parent
    bundled = here / "profiles"
    if bundled.is_dir():
        return bundled
    return here.parent.parent / "rules"


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _resolve(ref: str, relative_to: Path | None) -> Path:
    candidate = Path(ref)
    if candidate.suffix == ".toml" or "/" in ref or "\\" in ref:
        if not candidate.is_absolute() and relative_to is not None:
            candidate = relative_to / candidate
        return candidate
    return profiles_dir() / f"{ref}.toml"


def _load_raw(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    if path in seen:
        raise ProfileError(f"{path}: extends 循环引用 (circular extends)")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        names = ", ".join(available_profiles())
        raise ProfileError(f"找不到规则配置 {path} (profile not found; bundled: {names})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: TOML 语法错误：{exc}") from exc
    parent = data.get("extends")
    if parent is not None:
        if not isinstance(parent, str):
            raise ProfileError(f"{path}: key 'extends': expected a profile name or path")
        base = _load_raw(_resolve(parent, path.parent), (*seen, path))
        base.pop("name", None)
        data = _merge(base, data)
    return data


def load_profile(ref: str, relative_to: Path | None = None) -> Profile:
    """Load a profile by bundled name (``xuncha``) or by path."""
    path = _resolve(ref, relative_to)
    data = _load_raw(path)
    data.setdefault("name", path.stem)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"])
            problems.append(f"key '{key}': {err['msg']}")
        raise ProfileError(f"{path}: " + "; ".join(problems)) from exc
    return profile.model_copy(update={"source": str(path)})


@cache
def bundled_profile(name: str) -> Profile:
    """A bundled profile, loaded once per process."""
    return load_profile(name)


def choose_profile(text: str) -> str:
    """巡视 in the title or opening → xunshi, else xuncha (rules.md, Profiles)."""
    head = text[:600]
    return "xunshi" if "巡视" in head and "巡察" not in head else "xuncha"


def resolve_profile(settings: Settings, text: str) -> Profile:
    """The profile a run uses for ``text``: the one named in the settings (a bundled
    name or a path), else the one chosen from the notice itself."""
    if settings.profile is None:
        return bundled_profile(choose_profile(text))
    if settings.profile.endswith(".toml") or "/" in settings.profile:
        return _profile_file(settings.profile)
    return bundled_profile(settings.profile)


@lru_cache(maxsize=32)
def _profile_file(path: str) -> Profile:
    """A user's profile file, loaded once per process."""
    return load_profile(path)
