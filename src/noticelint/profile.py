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
    from noticelint.parse.lexicon import Lexicon
    from noticelint.parse.residue import ResidueMatcher
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
    """Heading keywords: one signal among several for a section's kind."""

    next_steps: list[str]
    clues: list[str]
    leadership: list[str]
    progress: list[str]
    problem_heading: str = Field(alias="problem-heading")
    general_problem: str = Field(alias="general-problem")
    next_steps_start: str = Field(alias="next-steps-start")
    next_steps_future: str = Field(alias="next-steps-future")

    _v = field_validator(
        "problem_heading", "general_problem", "next_steps_start", "next_steps_future"
    )(classmethod(lambda cls, v: _check_patterns(v)))


class SectionContent(_Section):
    """Words whose presence in a part's paragraphs shows what the part is about."""

    leadership: list[str]
    next_steps: list[str]
    clues: list[str]
    summary: str
    min_score: int = Field(alias="min-score", ge=1)

    _v = field_validator("summary")(classmethod(lambda cls, v: _check_patterns(v)))


class TitleSettings(_Section):
    patterns: list[str]
    example: str = ""
    hints: list[str]
    endings: list[str]

    _v = field_validator("patterns", "hints")(classmethod(lambda cls, v: _check_patterns(v)))


class ClosingFormula(_Section):
    required: list[str]
    example: str = ""
    detect: str

    _v = field_validator("required", "detect")(classmethod(lambda cls, v: _check_patterns(v)))


class OpeningPatterns(_Section):
    basis: str
    basis_object: str = Field(alias="basis-object")
    inspector: str
    feedback: str
    publication: str
    start: str

    _v = field_validator("basis", "basis_object", "inspector", "feedback", "publication", "start")(
        classmethod(lambda cls, v: _check_patterns(v))
    )


class StatusVocabulary(_Section):
    partial: list[str]
    in_progress: list[str]
    long_term: list[str]
    done: list[str]
    max_phrase_length: int = Field(alias="max-phrase-length", ge=10)
    labels: list[str]
    final_sentence: str = Field(alias="final-sentence")
    final_max_length: int = Field(alias="final-max-length", ge=4)

    _v = field_validator("final_sentence")(classmethod(lambda cls, v: _check_patterns(v)))


class ProblemSettings(_Section):
    require_status: bool = Field(alias="require-status")
    measure_label: str = Field(alias="measure-label")
    measure_labels: list[str] = Field(alias="measure-labels")
    sentence: str
    sentence_with_label: str = Field(alias="sentence-with-label")
    measure_openers: list[str] = Field(alias="measure-openers")

    _v = field_validator("sentence", "sentence_with_label")(
        classmethod(lambda cls, v: _check_patterns(v))
    )


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


class SignatureSettings(_Section):
    organ_endings: list[str] = Field(alias="organ-endings")


class WordSettings(_Section):
    allow_repeats: list[str] = Field(alias="allow-repeats")
    # One-character classifiers: 一X一X with one of them is never a repeated word (NL103).
    classifiers: list[str] = Field(default_factory=list)


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
    # Residue vocabulary (NL003; read by parse/segment.py's ResidueMatcher).
    breadcrumb_labels: list[str] = Field(default_factory=list, alias="breadcrumb-labels")
    breadcrumb_home: list[str] = Field(default_factory=list, alias="breadcrumb-home")
    breadcrumb_separators: list[str] = Field(default_factory=list, alias="breadcrumb-separators")
    date_labels: list[str] = Field(default_factory=list, alias="date-labels")
    source_labels: list[str] = Field(default_factory=list, alias="source-labels")
    counter_labels: list[str] = Field(default_factory=list, alias="counter-labels")
    font_labels: list[str] = Field(default_factory=list, alias="font-labels")
    font_sizes: list[str] = Field(default_factory=list, alias="font-sizes")
    share_labels: list[str] = Field(default_factory=list, alias="share-labels")
    page_tools: list[str] = Field(default_factory=list, alias="page-tools")
    metadata_labels: list[str] = Field(default_factory=list, alias="metadata-labels")
    metadata_block_labels: list[str] = Field(default_factory=list, alias="metadata-block-labels")

    _v = field_validator("line_patterns")(classmethod(lambda cls, v: _check_patterns(v)))


class SummarySettings(_Section):
    """NL605: how a summary of counts names its total and its parts."""

    # The count right after one of these is the total (共25个, 总计25项)…
    total_cues: list[str] = Field(default_factory=list, alias="total-cues")
    # …and after one of these when a noun goes with it (反馈的25个问题, 反馈问题25个).
    noun_total_cues: list[str] = Field(default_factory=list, alias="noun-total-cues")
    # Status words of a summary's parts besides the [status] vocabulary (完成20个).
    done: list[str] = Field(default_factory=list)
    in_progress: list[str] = Field(default_factory=list, alias="in-progress")


class RoundSummarySettings(_Section):
    """NL002: a text about a whole round of inspections is not a unit's notice (S13)."""

    # A regular expression whose group ``n`` is a number of inspected units (对23个单位
    # 开展了巡察); at least `min-units` of them, and `min-cues` of the `cues` (regular
    # expressions: the author, the round, 被巡察单位…), make a text a round summary.
    units: str = "(?!)"
    min_units: int = Field(default=5, alias="min-units", ge=2)
    cues: list[str] = Field(default_factory=list)
    min_cues: int = Field(default=1, alias="min-cues", ge=0)

    _v = field_validator("cues", "units")(classmethod(lambda cls, v: _check_patterns(v)))


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
    section_content: SectionContent = Field(alias="section-content")
    title: TitleSettings
    closing: ClosingFormula
    opening: OpeningPatterns
    status: StatusVocabulary
    problems: ProblemSettings
    disclosure: DisclosureSettings
    contact: ContactSettings
    signature: SignatureSettings
    words: WordSettings
    claims: ClaimSettings
    dates: DateSettings
    numbering: NumberingSettings = NumberingSettings()
    typography: TypographySettings = TypographySettings()
    artifacts: ArtifactSettings = ArtifactSettings()
    summary: SummarySettings = SummarySettings()
    round_summary: RoundSummarySettings = Field(RoundSummarySettings(), alias="round-summary")
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
    def lexicon(self) -> Lexicon:
        """The classifier's vocabulary, compiled once per profile."""
        from noticelint.parse.lexicon import Lexicon

        return Lexicon(self)

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


_BOOK_TITLE = re.compile(r"《[^》\n]{0,40}》")
_VOTE_HEAD = 2000
# A party committee's 巡视 (省委第三巡视组, 市委第九轮巡视): the notice answers a 巡视.
_XUNSHI_BODY = re.compile(
    r"(?:中央|省委|市委|自治区党委)(?:第[一二三四五六七八九十\d]{1,3}轮)?"
    r"(?:第?[一二三四五六七八九十\d]{1,3})?巡视(?:组|整改|反馈|意见)"
)


@cache
def _vote_residue() -> ResidueMatcher:
    """The page chrome the profile vote skips (the default profile's, built once)."""
    from noticelint.parse.residue import residue_matcher

    return residue_matcher(bundled_profile("xuncha").artifacts)


def choose_profile(text: str) -> str:
    """``xunshi`` when the title and opening speak of 巡视 more than of 巡察, else
    ``xuncha`` (rules.md, Profiles). Page chrome never votes (S11: a breadcrumb
    首页 > 巡视巡察 > … says nothing about the notice), nor do cited regulations
    (按照《巡视工作条例》 in a 巡察 notice); a 市委巡视/省委巡视 notice is ``xunshi``."""
    head = text[:_VOTE_HEAD]
    if "巡" not in head:  # the same in both scripts: no vote (nor the parser's import)
        return "xuncha"
    from noticelint.parse.residue import content_text
    from noticelint.parse.script import simplified_view

    if "巡视" not in head and "巡察" not in head:
        head = simplified_view(head)  # S12: 巡視 in a traditional-script copy
    if "巡视" not in head:
        return "xuncha"
    content = content_text(head, _vote_residue())
    content = _BOOK_TITLE.sub("", content[:800])
    if _XUNSHI_BODY.search(content):
        return "xunshi"
    return "xunshi" if content.count("巡视") > content.count("巡察") else "xuncha"


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
