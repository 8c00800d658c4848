"""Per-file records kept on disk, not in memory, and read back in path order.

A corpus run's results arrive in any order; ``report`` and ``ledger`` write their
outputs sorted by path. Each record is appended to a temporary file as it arrives;
only its path, offset and length stay in memory (a few dozen bytes per file).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO


class PathSpill:
    """Records (bytes) keyed by path; close it (or use ``with``) to drop the file."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._index: list[tuple[str, int, int]] = []  # path, offset, length

    def add(self, path: str, record: bytes) -> None:
        offset = self._file.seek(0, 2)
        self._file.write(record)
        self._index.append((path, offset, len(record)))

    def in_path_order(self) -> Iterator[bytes]:
        self._file.flush()
        for _, offset, length in sorted(self._index):
            self._file.seek(offset)
            yield self._file.read(length)

    def close(self) -> None:
        self._file.close()
