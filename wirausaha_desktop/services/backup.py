"""Automatic backups: a daily and a weekly copy of the kiosk file, each checked after writing.

Copies are made with SQLite's backup API (consistent while the app runs) into
``backups/daily`` (the last 7 days) and ``backups/weekly`` (the last 8 weeks), beside the file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..storage.database import DatabaseError, backup_copy, open_read_only
from .clock import Clock

KEEP_DAILY = 7
KEEP_WEEKLY = 8


class BackupFailed(Exception):
    """A copy could not be written or did not pass its check; the live file is untouched."""


@dataclass(frozen=True)
class BackupResult:
    written: tuple[Path, ...]
    removed: tuple[Path, ...]


class BackupService:
    def __init__(self, conn: sqlite3.Connection, path: Path | None, clock: Clock) -> None:
        self._conn = conn
        self._path = path
        self._clock = clock

    def folder(self) -> Path | None:
        return self._path.parent / "backups" if self._path is not None else None

    def run_due(self) -> BackupResult:
        """Write today's daily copy and this week's weekly copy if they are not there yet.

        Safe to call from any thread: it reads the file through a connection of its own.
        """
        folder = self.folder()
        if folder is None or self._path is None:
            return BackupResult((), ())
        today = self._clock.today()
        year, week, _ = today.isocalendar()
        stem = self._path.stem
        wanted = [
            (folder / "daily" / f"{stem}-{today.isoformat()}.sqlite", KEEP_DAILY),
            (folder / "weekly" / f"{stem}-{year}-W{week:02d}.sqlite", KEEP_WEEKLY),
        ]
        written: list[Path] = []
        removed: list[Path] = []
        try:
            # Its own read-only connection, so that the GUI can run this on a worker thread.
            source = open_read_only(self._path)
            try:
                for target, keep in wanted:
                    if not target.exists():
                        backup_copy(source, target)
                        written.append(target)
                    removed += _prune(target.parent, f"{stem}-", keep)
            finally:
                source.close()
        except (OSError, sqlite3.Error, DatabaseError) as error:
            raise BackupFailed(str(error)) from error
        return BackupResult(tuple(written), tuple(removed))

    def backup_to(self, target: Path) -> Path:
        """A copy where the operator chooses (another disk, a USB stick)."""
        backup_copy(self._conn, target)
        return target


def _prune(folder: Path, prefix: str, keep: int) -> list[Path]:
    copies = sorted(p for p in folder.glob(f"{prefix}*.sqlite"))
    stale = copies[:-keep] if len(copies) > keep else []
    for old in stale:
        old.unlink()
    return stale
