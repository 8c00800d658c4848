"""Find the files to check: paths named on the command line, folders walked
recursively for notice suffixes, hidden and ``.gitignore``d paths skipped unless
named explicitly.

Walking a folder is safe against hostile trees: a directory reached a second time
(a symlink loop, or two links to one folder) is not walked again; FIFOs, sockets
and devices are never opened (reading a FIFO blocks, a device may never end); a
folder that cannot be listed and a symlink that loops are left out. Each of these
is passed to ``on_skip`` with the reason, once. A dangling symlink with a notice
suffix is yielded like a file, so that reading it reports NL001 with the reason.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from noticelint.read import is_descriptor_link

#: Called with a path the walk leaves out and the reason (in Chinese).
OnSkip = Callable[[Path, str], None]


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


def _ignore_skip(path: Path, reason: str) -> None:
    return None


def discover(
    paths: list[Path],
    suffixes: tuple[str, ...],
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
    on_skip: OnSkip | None = None,
) -> Iterator[Path]:
    """Yield files to check, in a stable (sorted) order. Files named on the command
    line are always checked (a pipe such as ``<(cat x.txt)`` included; a symlink is
    resolved to its target); in folders, hidden, ignored and excluded names are
    skipped, and so are paths that are not regular files, links that lead out of the
    walked folder, and folders that cannot be walked (reported to ``on_skip``)."""
    seen: set[Path] = set()
    skip = on_skip or _ignore_skip
    for path in paths:
        if path.is_dir():
            yield from _walk(path, suffixes, seen, exclude, skip)
            continue
        if path.is_symlink() and path.exists() and not is_descriptor_link(path):
            # Readers never follow a link (O_NOFOLLOW): name the file it points to.
            path = Path(os.path.realpath(path))
        key = path.absolute()
        if key not in seen:
            seen.add(key)
            yield path


class _Walk:
    """The state of one folder walk (iterative: a tree 10,000 folders deep is fine)."""

    def __init__(
        self, root: Path, suffixes: tuple[str, ...], exclude: tuple[str, ...], skip: OnSkip
    ) -> None:
        self.root = Path(os.path.realpath(root))
        self.suffixes = suffixes
        self.exclude = exclude
        self.skip = skip
        self.visited: set[tuple[int, int]] = set()

    def inside(self, target: Path) -> bool:
        return target == self.root or self.root in target.parents

    def enter(
        self, directory: Path, ignores: list[_Ignore]
    ) -> tuple[Iterator[os.DirEntry[str]], list[_Ignore]] | None:
        """The sorted entries of ``directory`` and the ignore rules that apply there,
        or ``None`` when it was entered before or cannot be listed."""
        try:
            st = directory.stat()
        except OSError as exc:
            self.skip(
                directory, f"无法访问文件夹：{exc.strerror or exc}，已跳过 (cannot access folder)"
            )
            return None
        key = (st.st_dev, st.st_ino)
        if key in self.visited:
            self.skip(
                directory,
                "文件夹已检查过（符号链接循环或重复链接），不再进入 (symlink loop or repeated folder)",
            )
            return None
        self.visited.add(key)
        local = _load_ignore(directory.absolute())
        if local is not None and (not ignores or ignores[-1].base != local.base):
            ignores = [*ignores, local]
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            self.skip(
                directory,
                f"无法列出文件夹内容：{exc.strerror or exc}，已跳过 (cannot list folder)",
            )
            return None
        return iter(entries), ignores

    def link_target(self, path: Path) -> Path | None:
        """Where the symlink ``path`` leads, when that is inside the walked folder;
        ``None`` (reported) when it leads out of it."""
        target = Path(os.path.realpath(path))
        if self.inside(target):
            return target
        self.skip(
            path,
            "符号链接指向被检查的文件夹之外，不读取 (symlink leads out of the folder)",
        )
        return None


def _walk(
    root: Path,
    suffixes: tuple[str, ...],
    seen: set[Path],
    exclude: tuple[str, ...],
    skip: OnSkip,
) -> Iterator[Path]:
    ignores: list[_Ignore] = []
    for parent in [*reversed(root.absolute().parents), root.absolute()]:
        ig = _load_ignore(parent)
        if ig is not None:
            ignores.append(ig)
    walk = _Walk(root, suffixes, exclude, skip)
    first = walk.enter(root, ignores)
    stack = [first] if first is not None else []
    while stack:
        entries, ignores = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        found = _visit(walk, entry, ignores)
        if isinstance(found, Path):
            absolute = found.absolute()
            if absolute not in seen:
                seen.add(absolute)
                yield found
        elif found is not None:
            stack.append(found)


def _visit(
    walk: _Walk, entry: os.DirEntry[str], ignores: list[_Ignore]
) -> Path | tuple[Iterator[os.DirEntry[str]], list[_Ignore]] | None:
    """One entry of a folder: a file to check, a folder to enter, or nothing."""
    if entry.name.startswith(".") or entry.name in walk.exclude:
        return None
    path = Path(entry.path)
    try:
        is_dir = entry.is_dir()
    except OSError:  # a symlink to itself (ELOOP): left out below
        is_dir = False
    verdict = None
    for ig in ignores:
        v = ig.ignored(path.absolute(), is_dir)
        if v is not None:
            verdict = v
    if verdict:
        return None
    is_link = entry.is_symlink()
    if is_dir:
        if is_link and walk.link_target(path) is None:
            return None
        return walk.enter(path, ignores)
    if path.suffix.lower() not in walk.suffixes:
        return None
    problem = _not_a_file(entry)
    if problem is not None:
        walk.skip(path, problem)
        return None
    if is_link and os.path.lexists(path) and os.path.exists(path):
        return walk.link_target(path)
    return path


def _not_a_file(entry: os.DirEntry[str]) -> str | None:
    """Why ``entry`` must not be opened, or ``None`` for a regular file (through
    symlinks) and for a dangling symlink (reading it reports NL001: no such file)."""
    try:
        if entry.is_file():
            return None
        mode = entry.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "符号链接循环，无法解析，已跳过 (symlink loop)"
        return None
    if stat.S_ISREG(mode):
        return None
    return "不是普通文件（管道、套接字或设备），不读取 (not a regular file: FIFO, socket or device)"
