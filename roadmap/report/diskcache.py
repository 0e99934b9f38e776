"""Rendered PDFs shared by every web process of an installation: files under the instance
folder, named by owner (the assessment) and content digest, the oldest evicted."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

SUFFIX = ".pdf"
PARTIAL = ".part"  # a file being written; one left by a process that died goes after an hour
LOCK = ".lock"  # held by the process rendering that PDF right now
POLL = 0.02  # seconds between two looks at a lock held by another process


class DiskReportCache:
    """Files `<owner>-<digest>.pdf` in `directory`: at most `size` of them, none older than
    `max_age` seconds (counted from the last time one was served).

    Any process may read a file another wrote: each is written to a temporary name, then
    renamed, so a reader sees a whole PDF or none. The PDFs hold what people wrote, so the
    folder is private to the app's user, and an assessment's files go when it is deleted."""

    def __init__(self, directory: Path, size: int, max_age: float) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._size, self._max_age = max(1, size), max_age
        self._lock = threading.Lock()
        self._puts = 0
        self.hits = 0

    def _path(self, key: str, owner: str | None) -> Path:
        return self.directory / f"{owner or '_'}-{key}{SUFFIX}"

    def get(self, key: str, owner: str | None = None) -> bytes | None:
        path = self._path(key, owner)
        try:
            pdf = path.read_bytes()
        except FileNotFoundError:
            return None
        with contextlib.suppress(OSError):  # served: the file is young again
            os.utime(path)
        with self._lock:
            self.hits += 1
        return pdf

    @contextlib.contextmanager
    def rendering(
        self, key: str, owner: str | None = None, timeout: float = 30.0
    ) -> Iterator[bool]:
        """Hold the lock of this PDF while rendering it, so that a process asking for the same
        report waits for this render's file instead of rendering it a second time.

        An advisory lock (flock) on `<name>.lock`: the kernel drops it if the holder dies, so
        no lock outlives its render. Yields True when held; False after `timeout` seconds of
        waiting (the caller renders anyway: a stuck process never blocks downloads for good)."""
        path = self._path(key, owner).with_suffix(LOCK)
        deadline = time.monotonic() + timeout
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            yield False
                            return
                        time.sleep(POLL)
                try:
                    same = os.fstat(fd).st_ino == os.stat(path).st_ino
                except FileNotFoundError:
                    same = False
                if not same:  # the previous holder removed this file as it finished: retry
                    continue
                try:
                    yield True
                finally:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)  # before unlocking: a waiter then sees it is gone
                return
            finally:
                os.close(fd)

    def put(self, key: str, pdf: bytes, owner: str | None = None) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=PARTIAL)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(pdf)
            os.replace(tmp, self._path(key, owner))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.evict()

    def _entries(self) -> list[os.DirEntry]:
        with os.scandir(self.directory) as entries:
            return [e for e in entries if e.name.endswith((SUFFIX, PARTIAL, LOCK))]

    def evict(self, now: float | None = None) -> int:
        """Remove files beyond the size or past the age limit; returns how many went."""
        now = time.time() if now is None else now
        dated, stale = [], []
        for entry in self._entries():
            with contextlib.suppress(FileNotFoundError):
                mtime = entry.stat().st_mtime
                if entry.name.endswith((PARTIAL, LOCK)):  # LOCK: left by a killed process
                    if now - mtime > 3600:
                        stale.append(entry.path)
                else:
                    dated.append((mtime, entry.path))
        dated.sort(reverse=True)  # newest first
        stale += [p for i, (m, p) in enumerate(dated) if i >= self._size or now - m > self._max_age]
        for path in stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        return len(stale)

    def forget(self, owners: Iterable[object]) -> int:
        """Remove every PDF of these owners (deleted assessments); returns how many went."""
        prefixes = tuple(f"{owner}-" for owner in owners)
        if not prefixes:
            return 0
        removed = 0
        for entry in self._entries():
            if entry.name.startswith(prefixes) and entry.name.endswith(SUFFIX):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed += 1
        return removed
