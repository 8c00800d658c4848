""" "Ignore this rule in this file": an entry in the configuration's ``per-file-ignores``.

The entry goes into the configuration that applies to the file — the closest
``noticelint.toml``, or ``pyproject.toml`` with a ``[tool.noticelint]`` table, as
``check`` finds it — keyed by the file's path relative to that file's folder. When
no configuration applies, a ``noticelint.toml`` is created next to the file.

The file is edited with tomlkit, so its comments, order and layout stay, and is
written atomically (a temporary file moved over the original); if it changed on
disk between reading and writing, nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from noticelint.atomic import Stamp, write_atomic
from noticelint.config import ConfigResolver


class IgnoreError(Exception):
    """The configuration cannot be read or written; the message is for the user."""


def glob_for(name: str) -> str:
    """A glob that matches exactly ``name`` (``*``, ``?`` and ``[`` escaped)."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def config_for(path: Path) -> tuple[Path, Path]:
    """The configuration file to edit for ``path`` and the folder its globs are
    relative to: the one ``check`` uses, else a new ``noticelint.toml`` beside it."""
    try:
        resolved = ConfigResolver().for_path(path)
    except Exception as exc:  # a broken configuration: say which and why
        raise IgnoreError(str(exc)) from exc
    if resolved is None:
        folder = path.resolve().parent
        return folder / "noticelint.toml", folder
    return Path(resolved.sources[-1]), resolved.root


def _settings_table(doc: tomlkit.TOMLDocument, config: Path) -> Any:
    if config.name != "pyproject.toml":
        return doc
    tool = doc.get("tool")
    if not isinstance(tool, Table) or not isinstance(tool.get("noticelint"), Table):
        raise IgnoreError(f"{config}: 没有 [tool.noticelint] 表 (no [tool.noticelint] table)")
    return tool["noticelint"]


def add_ignore(path: Path, code: str) -> Path:
    """Add ``code`` to the ``per-file-ignores`` of ``path``; the file written."""
    config, root = config_for(path)
    try:
        key = glob_for(path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        key = glob_for(path.name)
    stamp = Stamp.of(config) if config.exists() else None
    try:
        text = config.read_text(encoding="utf-8") if stamp is not None else ""
        doc = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
        raise IgnoreError(f"{config}: 无法读取配置：{exc}") from exc
    table = _settings_table(doc, config)
    ignores = table.get("per-file-ignores")
    if ignores is None:
        ignores = tomlkit.table()
        table["per-file-ignores"] = ignores
    codes = ignores.get(key)
    if codes is None:
        ignores[key] = [code]
    elif code not in codes:
        codes.append(code)
    _write(config, tomlkit.dumps(doc).encode("utf-8"), stamp)
    return config


def _write(config: Path, data: bytes, stamp: Stamp | None) -> None:
    try:
        if stamp is not None:
            write_atomic(config, data, stamp)
            return
        fd, tmp = tempfile.mkstemp(prefix=".noticelint.", suffix=".toml", dir=config.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, config)
    except Exception as exc:
        raise IgnoreError(f"{config}: 无法写入配置：{exc}") from exc
