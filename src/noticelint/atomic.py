"""Writing a fixed file without ever losing the original or anyone's edit.

The new bytes go to a temporary file in the same folder, which is written,
given the original's permissions, owner and group, flushed and synced, and then
moved over the original with ``os.replace`` (atomic on POSIX). Before the move,
the file on disk is compared with what was read — device, inode, size,
modification time and a digest of its bytes — so an edit made by another writer
at any time up to the rename is never overwritten (:class:`ConcurrentModification`).

Some files are not rewritten at all (:class:`WriteRefused`, with the reason): a
symlink (the walk names its target instead), a file with several hard links
(replacing it would split them), a read-only file (mode without any write bit),
anything but a regular file. The temporary file is removed on every failure,
including SIGTERM and Ctrl-C during the write.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class ConcurrentModification(Exception):
    """The file changed on disk after it was read; the fix was not written."""


class WriteRefused(Exception):
    """The file is of a kind a fix must not replace; the message says why."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Stamp:
    """What the file looked like when it was read."""

    size: int
    mtime_ns: int
    mode: int
    dev: int = 0
    ino: int = 0
    uid: int = -1
    gid: int = -1
    #: sha256 of the bytes read, when known (then compared again before the rename).
    content: str | None = None

    @classmethod
    def of(cls, path: Path, data: bytes | None = None) -> Stamp:
        st = path.stat()
        return cls(
            st.st_size,
            st.st_mtime_ns,
            st.st_mode,
            st.st_dev,
            st.st_ino,
            st.st_uid,
            st.st_gid,
            None if data is None else digest(data),
        )

    def same_file(self, other: Stamp) -> bool:
        return (self.dev, self.ino, self.size, self.mtime_ns) == (
            other.dev,
            other.ino,
            other.size,
            other.mtime_ns,
        )


def _changed(path: Path) -> ConcurrentModification:
    return ConcurrentModification(f"{path}: 文件在读取后被修改，未写入修复 (changed on disk)")


def _check_unchanged(path: Path, stamp: Stamp) -> None:
    """Raise :class:`ConcurrentModification` unless ``path`` is still what was read."""
    try:
        now = Stamp.of(path)
    except OSError as exc:
        raise _changed(path) from exc
    if not stamp.same_file(now):
        raise _changed(path)
    if stamp.content is not None:
        try:
            with path.open("rb") as fh:
                current = fh.read(stamp.size + 1)
        except OSError as exc:
            raise _changed(path) from exc
        if digest(current) != stamp.content:
            raise _changed(path)


def check_writable(path: Path) -> os.stat_result:
    """The file's own status; :class:`WriteRefused` when a fix must not replace it."""
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        raise WriteRefused(f"{path}: 是符号链接，不替换链接本身；请修复它指向的文件 (symlink)")
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(f"{path}: 不是普通文件，不写入 (not a regular file)")
    if st.st_nlink > 1:
        raise WriteRefused(
            f"{path}: 有 {st.st_nlink} 个硬链接，改写会拆开它们，未写入修复；"
            "可用 --diff 查看修改 (hard links)"
        )
    if not st.st_mode & 0o222:
        raise WriteRefused(f"{path}: 文件是只读的，未写入修复 (read-only file)")
    return st


class _Terminated(BaseException):
    """SIGTERM arrived while a temporary file existed."""


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception while the temporary file exists (main thread
    only), so that it is removed; the signal is delivered again afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt from None  # if the previous handler returned
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_atomic(path: Path, data: bytes, stamp: Stamp | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its mode, owner and group."""
    st = check_writable(path)
    if stamp is not None:
        _check_unchanged(path, stamp)
    with _terminate_cleanly():
        fd, tmp_name = tempfile.mkstemp(
            prefix=_temp_prefix(path.name), suffix=".noticelint", dir=path.parent
        )
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                _same_owner(fh.fileno(), st)
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                os.fsync(fh.fileno())
            if stamp is not None:
                _check_unchanged(path, stamp)  # up to the rename: another writer's edit wins
            _replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _same_owner(fd: int, st: os.stat_result) -> None:
    """Give the temporary file the original's owner and group (a fix run as root must
    not hand a user's file to root); refuse when that is not allowed."""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except PermissionError as exc:
        raise WriteRefused(
            "无法保留文件的所有者和组，未写入修复 (cannot keep owner and group)"
        ) from exc


def _temp_prefix(name: str) -> str:
    """``.<name>.`` with the name shortened to 64 bytes: the temporary file's name must
    fit the file system's limit (255 bytes) even when the original's nearly fills it."""
    while len(os.fsencode(name)) > 64:
        name = name[:-1]
    return f".{name}."


def _replace(tmp: Path, path: Path) -> None:
    """The final step, separate so tests can inject a failure just before it."""
    os.replace(tmp, path)
