"""Find the files to check: paths named on the command line, folders walked
recursively for notice suffixes, hidden and ``.gitignore``d paths skipped unless
named explicitly."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path


def _glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A .gitignore pattern (gitwildmatch subset: *, **, ?, [..], trailing /)."""
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i)
            if j == -1:
                out.append(re.escape(c))
            else:
                out.append(pattern[i : j + 1])
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


class _Ignore:
    def __init__(self, base: Path, lines: list[str]) -> None:
        self.base = base
        self.rules: list[tuple[bool, bool, re.Pattern[str]]] = []
        for raw in lines:
            line = raw.rstrip()
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            if negate:
                line = line[1:]
            dir_only = line.endswith("/")
            self.rules.append((negate, dir_only, _glob_to_regex(line)))

    def ignored(self, path: Path, is_dir: bool) -> bool | None:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        verdict: bool | None = None
        for negate, dir_only, rx in self.rules:
            if dir_only and not is_dir:
                continue
            if rx.match(rel):
                verdict = not negate
        return verdict


def _load_ignore(directory: Path) -> _Ignore | None:
    gi = directory / ".gitignore"
    try:
        return _Ignore(directory, gi.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


# Documentation files that sit beside notices in a repository are not notices.
DEFAULT_EXCLUDE = ("README.md", "README.txt", "CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md")


def discover(
    paths: list[Path], suffixes: tuple[str, ...], exclude: tuple[str, ...] = DEFAULT_EXCLUDE
) -> Iterator[Path]:
    """Yield files to check, in a stable (sorted) order. Files named on the command
    line are always checked; in folders, hidden, ignored and excluded names are skipped."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, suffixes, seen, exclude)
        else:
            key = path.absolute()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(
    root: Path, suffixes: tuple[str, ...], seen: set[Path], exclude: tuple[str, ...]
) -> Iterator[Path]:
    ignores: list[_Ignore] = []
    for parent in [*reversed(root.absolute().parents), root.absolute()]:
        ig = _load_ignore(parent)
        if ig is not None:
            ignores.append(ig)
    yield from _walk_dir(root, suffixes, seen, ignores, set(), exclude)


def _walk_dir(
    directory: Path,
    suffixes: tuple[str, ...],
    seen: set[Path],
    ignores: list[_Ignore],
    visited: set[tuple[int, int]],
    exclude: tuple[str, ...],
) -> Iterator[Path]:
    try:
        st = directory.stat()
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in visited:  # a symlink loop
        return
    visited.add(key)
    local = _load_ignore(directory.absolute())
    if local is not None and (not ignores or ignores[-1].base != local.base):
        ignores = [*ignores, local]
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in exclude:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        verdict = None
        for ig in ignores:
            v = ig.ignored(path.absolute(), is_dir)
            if v is not None:
                verdict = v
        if verdict:
            continue
        if is_dir:
            yield from _walk_dir(path, suffixes, seen, ignores, visited, exclude)
        elif path.suffix.lower() in suffixes:
            absolute = path.absolute()
            if absolute not in seen:
                seen.add(absolute)
                yield path
