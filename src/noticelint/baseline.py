"""A baseline of accepted findings (``check --write-baseline`` / ``--baseline``).

An entry is keyed by the file's path, the rule code and a *fingerprint* of the text
the finding is about: the characters of its span plus a few characters either side
on the same line, with white space removed — never its line number, so inserting or
deleting lines elsewhere in the file never brings an old finding back. Identical
findings in one file (the same code over the same text) are told apart by an
occurrence index in document order. The file is sorted, indented JSON, so a change
of the baseline reads well in a diff.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from noticelint.diagnostics import Diagnostic

VERSION = 1
#: Characters of the same line kept either side of a finding's span.
CONTEXT = 8
_SPACE = re.compile(r"\s+")

#: The text of a file by path (its lines), or None when it cannot be read.
TextSource = Callable[[str], list[str] | None]


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a noticelint baseline."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    occurrence: int

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "code": self.code,
            "fingerprint": self.fingerprint,
            "occurrence": self.occurrence,
        }


def _excerpt(lines: list[str], d: Diagnostic) -> str:
    """The span's text with ``CONTEXT`` characters either side on its lines."""
    if not lines or not 1 <= d.line <= len(lines):
        return ""
    last = min(max(d.end_line, d.line), len(lines))
    first_line, last_line = lines[d.line - 1], lines[last - 1]
    start = max(0, d.column - 1 - CONTEXT)
    if last == d.line:
        end = max(d.end_column - 1, d.column - 1) + CONTEXT
        return first_line[start:end]
    middle = lines[d.line : last - 1]
    return "\n".join([first_line[start:], *middle, last_line[: d.end_column - 1 + CONTEXT]])


def fingerprint(lines: list[str], d: Diagnostic) -> str:
    text = _SPACE.sub("", _excerpt(lines, d))
    return hashlib.sha256(f"{d.code}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entries_for(
    diagnostics: Iterable[Diagnostic], texts: TextSource
) -> list[tuple[Entry, Diagnostic]]:
    """Each diagnostic with its baseline entry (occurrences counted in document order)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    cache: dict[str, list[str]] = {}
    out = []
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        if d.path not in cache:
            cache[d.path] = texts(d.path) or []
        key = (_norm(d.path), d.code, fingerprint(cache[d.path], d))
        out.append((Entry(*key, seen[key]), d))
        seen[key] += 1
    return out


def _norm(path: str) -> str:
    """``./a/b.txt`` and ``a/b.txt`` are one file (pre-commit passes the latter)."""
    return Path(os.path.normpath(path)).as_posix() if path != "-" else path


class Baseline:
    """The recorded entries; :meth:`split` tells new findings from recorded ones."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries = set(entries)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data["findings"]
            return cls(
                Entry(str(e["path"]), str(e["code"]), str(e["fingerprint"]), int(e["occurrence"]))
                for e in items
            )
        except FileNotFoundError as exc:
            raise BaselineError(f"{path}: 基线文件不存在 (no such baseline file)") from exc
        except OSError as exc:
            raise BaselineError(f"{path}: 无法读取基线：{exc.strerror or exc}") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise BaselineError(
                f"{path}: 不是 noticelint 基线文件 (not a baseline): {exc}"
            ) from exc

    def split(
        self, diagnostics: Iterable[Diagnostic], texts: TextSource
    ) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """(new, baselined): findings not in the baseline, and those that are."""
        new: list[Diagnostic] = []
        old: list[Diagnostic] = []
        for entry, d in entries_for(diagnostics, texts):
            (old if entry in self.entries else new).append(d)
        return new, old

    def updated(
        self, diagnostics: Iterable[Diagnostic], texts: TextSource, paths: set[str]
    ) -> Baseline:
        """The entries of files not in ``paths`` kept, those of ``paths`` replaced by
        the current findings (a finding that no longer occurs drops out)."""
        checked = {_norm(p) for p in paths}
        kept = {e for e in self.entries if e.path not in checked}
        return Baseline(kept | {entry for entry, _ in entries_for(diagnostics, texts)})

    def dumps(self) -> str:
        items = [e.as_dict() for e in sorted(self.entries)]
        data = {"version": VERSION, "tool": "noticelint", "findings": items}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def write(self, path: Path) -> None:
        """Write atomically (a temporary file moved over the old baseline)."""
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(self.dumps())
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
