"""Writing a fixed file without ever losing the original.

The new bytes go to a temporary file in the same folder, which is flushed and
synced, given the original's permissions, and then moved over the original with
``os.replace`` (atomic on POSIX and Windows). If the file changed on disk since
it was read (size or modification time), nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ConcurrentModification(Exception):
    """The file changed on disk after it was read; the fix was not written."""


@dataclass(frozen=True)
class Stamp:
    """What the file looked like when it was read."""

    size: int
    mtime_ns: int
    mode: int

    @classmethod
    def of(cls, path: Path) -> Stamp:
        st = path.stat()
        return cls(st.st_size, st.st_mtime_ns, st.st_mode)


def write_atomic(path: Path, data: bytes, stamp: Stamp | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions."""
    if stamp is not None:
        now = Stamp.of(path)
        if (now.size, now.mtime_ns) != (stamp.size, stamp.mtime_ns):
            raise ConcurrentModification(
                f"{path}: 文件在读取后被修改，未写入修复 (changed on disk)"
            )
    mode = stamp.mode if stamp is not None else path.stat().st_mode
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(
        prefix=_temp_prefix(path.name), suffix=".noticelint", dir=folder
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode & 0o7777)
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temp_prefix(name: str) -> str:
    """``.<name>.`` with the name shortened to 64 bytes: the temporary file's name must
    fit the file system's limit (255 bytes) even when the original's nearly fills it."""
    while len(os.fsencode(name)) > 64:
        name = name[:-1]
    return f".{name}."


def _replace(tmp: Path, path: Path) -> None:
    """The final step, separate so tests can inject a failure just before it."""
    os.replace(tmp, path)
