"""One app per kiosk file: a lock file beside it, held for as long as the app (or a restore) runs.

The operating system releases the lock when the process ends, however it ends, so a crash never
leaves a stale lock behind (``fcntl.flock`` on Linux, ``msvcrt.locking`` on Windows). The lock
file itself is never deleted: removing it while another process waits on it would let two in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from ..domain.problems import Problem, Refused


def lock_path(kiosk_file: Path) -> Path:
    return kiosk_file.with_name(kiosk_file.name + ".lock")


class InstanceLock:
    def __init__(self, handle: IO[bytes] | None) -> None:
        self._handle = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    @classmethod
    def acquire(cls, kiosk_file: Path) -> InstanceLock:
        """Take the lock, or raise ``Refused(app_already_open)``. A folder where no lock file can be
        made (read-only) gives a lock that holds nothing: such a kiosk is opened read-only anyway."""
        path = lock_path(kiosk_file)
        handle: IO[bytes]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = path.open("a+b")
        except OSError:
            try:
                handle = path.open("rb")
            except OSError:
                return cls(None)
        if not _try_lock(handle):
            handle.close()
            raise Refused(Problem.of("app_already_open"))
        try:
            if handle.writable():
                handle.seek(0)
                handle.truncate()
                handle.write(f"{os.getpid()}\n".encode())
                handle.flush()
        except OSError:
            pass  # the pid is only a note for people; the lock is what counts
        return cls(handle)

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
