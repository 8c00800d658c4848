"""A results cache keyed on file content, settings, profile and version.

A second run over an unchanged corpus reads each file, hashes it, and takes the
result from here instead of parsing and linting again. Entries are small
zlib-compressed JSON files under ``$XDG_CACHE_HOME/noticelint`` (or
``~/.cache/noticelint``), written atomically; a corrupt entry is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticelint import __version__

if TYPE_CHECKING:
    from noticelint.profile import Profile
    from noticelint.settings import Settings


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "noticelint"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The installed code itself (every source, grammar, profile and data file's size
    and modification time, e.g. parse/t2s.txt), so that a changed rule never serves a
    stale result."""
    from noticelint.profile import profiles_dir

    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for folder in (package, profiles_dir()):
        for line in sorted(_source_stats(str(folder))):
            h.update(line.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


_SOURCE_SUFFIXES = (".py", ".lark", ".toml", ".txt")


def _source_stats(folder: str) -> Iterator[str]:
    """``relative/path:size:mtime_ns`` of every source and data file under ``folder``
    (os.scandir: a third of the time pathlib takes on every cached run)."""
    pending = [""]
    while pending:
        relative = pending.pop()
        with os.scandir(os.path.join(folder, relative)) as entries:
            for entry in entries:
                name = os.path.join(relative, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(name)
                elif entry.name.endswith(_SOURCE_SUFFIXES):
                    st = entry.stat()
                    yield f"{name}:{st.st_size}:{st.st_mtime_ns}\n"


#: Settings that bound a run but never change a file's findings (not in cache keys).
RUN_LIMITS = {"config_sources", "timeout", "max_memory"}


def settings_fingerprint(settings: Settings, profile: Profile | None) -> str:
    """What, besides the file's bytes, decides a file's result."""
    h = hashlib.sha256()
    h.update(code_fingerprint().encode())
    h.update(settings.model_dump_json(exclude=RUN_LIMITS).encode())
    if profile is not None:
        h.update(profile.model_dump_json().encode())
    return h.hexdigest()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, data: bytes, fingerprint: str, kind: str) -> str:
        h = hashlib.sha256(data)
        h.update(fingerprint.encode())
        h.update(kind.encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json.z"

    def get(self, key: str) -> Any | None:
        """The entry stored under ``key``; ``None`` (a miss) when there is none or it is
        not a well-formed result (:func:`valid_entry`)."""
        try:
            raw = self._path(key).read_bytes()
            # surrogatepass: a path with an undecodable byte (os.fsdecode) round-trips
            value = json.loads(zlib.decompress(raw).decode("utf-8", "surrogatepass"))
        except (OSError, ValueError, zlib.error, RecursionError):
            return None
        return value if valid_entry(value) else None

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` atomically (a temporary file renamed into place); on any
        failure — a full disk included — nothing is left behind."""
        path = self._path(key)
        payload = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(zlib.compress(payload, 3))
            os.replace(tmp, path)
            tmp = None
        except OSError:
            pass  # a cache that cannot be written is only slower
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def valid_entry(value: Any) -> bool:
    """A cached result has the shape the code writes: ``{"summary": FileSummary with
    every field, "text": str | None}``, and its counts agree with its diagnostics.
    Anything else (an older layout, a hand-edited or truncated entry) is a miss."""
    from pydantic import ValidationError

    from noticelint.report.model import FileSummary

    if not isinstance(value, dict) or not isinstance(value.get("summary"), dict):
        return False
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        return False
    summary = value["summary"]
    if not set(FileSummary.model_fields) <= set(summary):
        return False
    try:
        parsed = FileSummary.model_validate(summary)
    except (ValidationError, ValueError, TypeError):
        return False
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in parsed.diagnostics:
        counts[d.severity] += 1
    return (parsed.errors, parsed.warnings, parsed.infos) == (
        counts["error"],
        counts["warning"],
        counts["info"],
    )
