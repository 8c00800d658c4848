"""User configuration: ``noticelint.toml`` or ``[tool.noticelint]`` in ``pyproject.toml``.

The configuration that applies to a file is the closest one found walking up from
the file's folder (``noticelint.toml`` wins over ``pyproject.toml`` in the same
folder). ``extend = "../base.toml"`` inherits from another file; tables and keys
are merged key by key, the extending file winning. Command-line options override
the file: ``--select`` replaces, ``--ignore``/``--extend-select`` add.
``--isolated`` reads no configuration file at all.

Keys::

    profile = "xuncha"            # or "xunshi", "strict", or a path to a profile .toml
    select = ["ALL"]              # codes or prefixes
    ignore = ["NL204"]
    extend-select = []
    fail-on = "warning"           # error | warning | info
    max-file-size = "10MB"        # larger files are NL001
    timeout = 30                  # seconds per file (0: none; at most 86400)
    max-memory = "2GB"            # address space of a reader of an untrusted file
    [per-file-ignores]
    "drafts/*.txt" = ["NL201"]    # globs relative to the config file's folder
    [severity]
    NL101 = "error"
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from noticelint.codes import check_code, parse_selectors
from noticelint.diagnostics import Severity
from noticelint.settings import Settings, check_timeout

CONFIG_NAMES = ("noticelint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file is unreadable or invalid (exit code 2)."""


class FileConfig(BaseModel):
    """The keys of a configuration file, validated (its validator is built when a
    file is first read: a run without configuration files never builds it)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    extend: str | None = None
    profile: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = Field(default=None, alias="extend-select")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    max_file_size: int | str | None = Field(default=None, alias="max-file-size")
    timeout: float | None = None
    max_memory: int | str | None = Field(default=None, alias="max-memory")

    @field_validator("max_file_size", "max_memory")
    @classmethod
    def _size(cls, value: int | str | None) -> int | str | None:
        if value is not None:
            parse_size(value)
        return value

    @field_validator("timeout")
    @classmethod
    def _timeout(cls, value: float | None) -> float | None:
        return None if value is None else check_timeout(value)

    _codes = field_validator("select", "ignore", "extend_select")(
        classmethod(lambda cls, v: None if v is None else parse_selectors(v))
    )

    @field_validator("per_file_ignores")
    @classmethod
    def _pfi(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {glob: parse_selectors(codes) for glob, codes in value.items()}

    @field_validator("severity")
    @classmethod
    def _sev(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        return {check_code(k): v for k, v in value.items()}


def parse_size(value: int | str) -> int:
    """``10485760``, ``"10MB"``, ``"512 KB"`` → bytes."""
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("must be a positive number of bytes")
        return value
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?i?B?)\s*", value, re.I)
    if not m:
        raise ValueError(f"{value!r} is not a size (e.g. 10MB, 512KB, 1048576)")
    unit = m.group(2).upper().rstrip("B").rstrip("I")
    factor = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[unit]
    return int(float(m.group(1)) * factor)


def config_keys() -> list[str]:
    """The keys a configuration file may hold, as written in the file."""
    return sorted(f.alias or name for name, f in FileConfig.model_fields.items())


_EXPECTED = {
    "string_type": "一个字符串",
    "list_type": '一个列表（如 ["NL201"]）',
    "dict_type": "一个表",
    "int_type": "一个整数",
    "int_parsing": "一个整数",
    "float_type": "一个数",
    "float_parsing": "一个数",
    "finite_number": "一个有限的数",
    "bool_type": "true 或 false",
}


def explain_error(err: ErrorDetails, prefix: str = "") -> str:
    """One validation error in Chinese, naming the dotted key (``tool.noticelint.ignor``)
    and, for an unknown key, the key that was probably meant."""
    key = prefix + ".".join(str(p) for p in err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        import difflib  # only for a wrong key: a valid configuration never loads it

        last = str(err["loc"][-1]) if err["loc"] else ""
        message = f"未知的配置项“{key}”"
        near = difflib.get_close_matches(last, config_keys(), n=1, cutoff=0.5)
        if near:
            message += f"，您是不是要写“{prefix}{near[0]}”？"
        else:
            message += f"（可用：{'、'.join(config_keys())}）"
        return message
    if kind == "literal_error":
        allowed = str(err.get("ctx", {}).get("expected", ""))
        allowed = allowed.replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"“{key}”的值应为 {allowed} 之一，实际为 {err['input']!r}"
    if kind in _EXPECTED:
        return f"“{key}”应为{_EXPECTED[kind]}，实际为 {err['input']!r}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = err.get("ctx", {})
        limit = bound.get("ge", bound.get("gt"))
        relation = "不小于" if kind == "greater_than_equal" else "大于"
        return f"“{key}”应{relation} {limit}，实际为 {err['input']!r}"
    reason = str(err.get("ctx", {}).get("error", "")) or err["msg"]
    return f"“{key}”：{reason}"


class ResolvedConfig(BaseModel):
    """A configuration file with its ``extend`` chain merged in."""

    model_config = ConfigDict(defer_build=True)

    config: FileConfig
    root: Path  # folder the file lives in (per-file-ignores are relative to it)
    sources: list[str]


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取配置文件：{exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误：{exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("noticelint")
        return table if isinstance(table, dict) else None
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def load_config(path: Path, _seen: tuple[Path, ...] = ()) -> ResolvedConfig | None:
    """Load a configuration file and its ``extend`` chain; None if pyproject has no table."""
    path = path.resolve()
    if path in _seen:
        raise ConfigError(f"{path}: key 'extend': 循环引用 (circular extend)")
    table = _read_table(path)
    if table is None:
        return None
    sources = [str(path)]
    parent_ref = table.get("extend")
    if parent_ref is not None:
        if not isinstance(parent_ref, str):
            raise ConfigError(f"{path}: key 'extend': expected a path to another config file")
        parent_path = (path.parent / parent_ref).resolve()
        if not parent_path.is_file():
            raise ConfigError(f"{path}: key 'extend': file not found: {parent_path}")
        parent = _read_table(parent_path) or {}
        grand = load_config(parent_path, (*_seen, path)) if parent.get("extend") else None
        base = grand.config.model_dump(by_alias=True, exclude_unset=True) if grand else parent
        base = {k: v for k, v in base.items() if k != "extend"}
        # a profile path in the parent is relative to the parent's folder
        prof = base.get("profile")
        if isinstance(prof, str) and (prof.endswith(".toml") or "/" in prof):
            base["profile"] = str((parent_path.parent / prof).resolve())
        table = _merge(base, table)
        sources = [*(grand.sources if grand else [str(parent_path)]), str(path)]
    try:
        config = FileConfig.model_validate(table)
    except ValidationError as exc:
        prefix = "tool.noticelint." if path.name == "pyproject.toml" else ""
        problems = [explain_error(err, prefix) for err in exc.errors()]
        raise ConfigError(f"{path}：配置有误\n  - " + "\n  - ".join(problems)) from exc
    prof = config.profile
    if prof is not None and (prof.endswith(".toml") or "/" in prof):
        config.profile = str((path.parent / prof).resolve())
    return ResolvedConfig(config=config, root=path.parent, sources=sources)


class ConfigResolver:
    """Finds and caches the configuration for each folder during one run."""

    def __init__(self, explicit: Path | None = None, *, isolated: bool = False) -> None:
        #: ``--isolated``: no configuration file is read at all (as ruff's flag).
        self.isolated = isolated
        self._explicit = load_config(explicit) if explicit is not None else None
        if explicit is not None and self._explicit is None:
            raise ConfigError(
                f"{explicit}: 没有 [tool.noticelint] 配置 (no [tool.noticelint] table)"
            )
        self._cache: dict[Path, ResolvedConfig | None] = {}

    def for_path(self, path: Path) -> ResolvedConfig | None:
        if self._explicit is not None:
            return self._explicit
        if self.isolated:
            return None
        try:
            folder = path.resolve().parent if not path.is_dir() else path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: use the folder as written
            folder = path.absolute().parent
        return self._find(folder)

    def _find(self, folder: Path) -> ResolvedConfig | None:
        """The closest configuration at or above ``folder`` (iterative: a corpus may
        nest a thousand folders deep)."""
        walked: list[Path] = []
        found: ResolvedConfig | None = None
        current = folder
        while True:
            if current in self._cache:
                found = self._cache[current]
                break
            walked.append(current)
            found = self._here(current)
            if found is not None or current.parent == current:
                break
            current = current.parent
        for seen in walked:
            self._cache[seen] = found
        return found

    @staticmethod
    def _here(folder: Path) -> ResolvedConfig | None:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                found = load_config(candidate)
                if found is not None:
                    return found
        return None


def effective_settings(
    base: Settings,
    resolved: ResolvedConfig | None,
    path: Path | None,
    *,
    cli_select: list[str] | None = None,
    cli_ignore: list[str] | None = None,
    cli_extend_select: list[str] | None = None,
    cli_profile: str | None = None,
    cli_fail_on: Severity | None = None,
    cli_max_file_size: str | None = None,
    cli_timeout: float | None = None,
    cli_max_memory: str | None = None,
) -> Settings:
    """The settings for one file: defaults ← configuration file ← command line."""
    select = ["ALL"]
    ignore: list[str] = []
    extend_select: list[str] = []
    severity: dict[str, Severity] = {}
    profile = None
    fail_on: Severity = "warning"
    sources: list[str] = []
    max_bytes = base.max_bytes
    timeout = base.timeout
    max_memory = base.max_memory
    if resolved is not None:
        cfg = resolved.config
        sources = resolved.sources
        select = cfg.select or select
        ignore = list(cfg.ignore or [])
        extend_select = list(cfg.extend_select or [])
        severity = dict(cfg.severity)
        profile = cfg.profile
        fail_on = cfg.fail_on or fail_on
        if cfg.max_file_size is not None:
            max_bytes = parse_size(cfg.max_file_size)
        if cfg.timeout is not None:
            timeout = cfg.timeout
        if cfg.max_memory is not None:
            max_memory = parse_size(cfg.max_memory)
        if path is not None:
            try:
                rel = path.resolve().relative_to(resolved.root).as_posix()
            except ValueError:
                rel = path.as_posix()
            for glob, codes in cfg.per_file_ignores.items():
                if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(path.name, glob):
                    ignore.extend(codes)
    if cli_max_file_size is not None:
        max_bytes = parse_size(cli_max_file_size)
    if cli_timeout is not None:
        timeout = check_timeout(cli_timeout)
    if cli_max_memory is not None:
        max_memory = parse_size(cli_max_memory)
    if cli_select:
        select = cli_select
    ignore.extend(cli_ignore or [])
    extend_select.extend(cli_extend_select or [])
    return base.model_copy(
        update={
            "select": parse_selectors(select),
            "ignore": parse_selectors(ignore),
            "extend_select": parse_selectors(extend_select),
            "severity": severity,
            "profile": cli_profile or profile,
            "fail_on": cli_fail_on or fail_on,
            "config_sources": sources,
            "max_bytes": max_bytes,
            "timeout": timeout,
            "max_memory": max_memory,
        }
    )
