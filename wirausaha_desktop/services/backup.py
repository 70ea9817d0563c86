"""Automatic backups: rotating daily, weekly and monthly copies of the kiosk file, each verified.

Copies are made with SQLite's backup API (consistent while the app runs), checked with
``PRAGMA integrity_check`` and renamed into place only when whole, into ``backups/daily`` (7),
``backups/weekly`` (8) and ``backups/monthly`` (12) beside the file. Today's daily copy is
refreshed each time a backup runs (at start, hourly, on *Selesai*, after an import), so the newest
copy is at most an hour old on a kiosk that stays open; this week's and this month's copies are
the latest of their week and month (hard links to the daily copy where the disk allows).
``backups/safety`` holds the copies made before a migration or a restore; they are never removed.

Clean-up reads names with an exact pattern, so the copies of ``kiosk-lama.sqlite`` in the same
folder are never taken for the copies of ``kiosk.sqlite``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..domain.problems import Problem, Refused
from ..storage.database import (
    DatabaseError,
    StorageFailed,
    backup_copy,
    copy_summary,
    fsync_file,
    fsync_folder,
    open_read_only,
    problem_of,
    shm_of,
    wal_of,
)
from .clock import Clock

KEEP = {"daily": 7, "weekly": 8, "monthly": 12}
HOURLY = dt.timedelta(hours=1)


class BackupFailed(Exception):
    """A copy could not be written or did not pass its check; the live file is untouched."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(detail or problem.code)
        self.problem = problem


@dataclass(frozen=True)
class BackupResult:
    written: tuple[Path, ...]
    removed: tuple[Path, ...]

    @property
    def skipped(self) -> bool:
        return not self.written


@dataclass(frozen=True)
class BackupCopy:
    """One copy as the restore page lists it."""

    path: Path
    kind: str  # daily, weekly, monthly, safety
    taken_at: dt.datetime  # when it was written (the file's time), UTC
    entries: int | None  # entries not cancelled; None when the copy cannot be read
    profiles: int | None
    verified: bool  # passed integrity_check just now


def _patterns(stem: str) -> dict[str, re.Pattern[str]]:
    name = re.escape(stem)
    return {
        "daily": re.compile(rf"^{name}-(\d{{4}}-\d{{2}}-\d{{2}})\.sqlite$"),
        "weekly": re.compile(rf"^{name}-(\d{{4}}-W\d{{2}})\.sqlite$"),
        "monthly": re.compile(rf"^{name}-(\d{{4}}-\d{{2}})\.sqlite$"),
        "safety": re.compile(rf"^{name}-(\d{{8}}-\d{{6}})-[a-z0-9-]+\.sqlite$"),
    }


class BackupService:
    def __init__(self, path: Path | None, clock: Clock) -> None:
        self._path = path
        self._clock = clock
        self._busy = threading.Lock()
        self._last: dt.datetime | None = None
        self.last_failure: BackupFailed | None = None

    def folder(self) -> Path | None:
        return self._path.parent / "backups" if self._path is not None else None

    @property
    def last_backup_at(self) -> dt.datetime | None:
        return self._last

    def run_due(self, at_most_every: dt.timedelta | None = None) -> BackupResult:
        """Refresh today's daily copy and this week's and this month's; prune each set.

        ``at_most_every``: skip when the last copy this session is more recent than that (the
        hourly timer and *Selesai* pass ``HOURLY``; start, imports and restores pass nothing).
        Safe to call from any thread; a call while another is running is skipped.
        """
        folder = self.folder()
        if folder is None or self._path is None:
            return BackupResult((), ())
        now = self._clock.now()
        if at_most_every is not None and self._last is not None and now - self._last < at_most_every:
            return BackupResult((), ())
        if not self._busy.acquire(blocking=False):
            return BackupResult((), ())
        try:
            result = self._write_rotation(folder, self._path)
        except BackupFailed as failed:
            self.last_failure = failed
            raise
        finally:
            self._busy.release()
        self._last, self.last_failure = now, None
        return result

    def _write_rotation(self, folder: Path, path: Path) -> BackupResult:
        today = self._clock.today()
        year, week, _ = today.isocalendar()
        stem = path.stem
        daily = folder / "daily" / f"{stem}-{today.isoformat()}.sqlite"
        others = [
            folder / "weekly" / f"{stem}-{year}-W{week:02d}.sqlite",
            folder / "monthly" / f"{stem}-{today:%Y-%m}.sqlite",
        ]
        removed: list[Path] = []
        try:
            _remove_partials(folder, stem)
            _copy_live(path, daily)
            for target in others:
                link_or_copy(daily, target)
            patterns = _patterns(stem)
            for kind, keep in KEEP.items():
                removed += _prune(folder / kind, patterns[kind], keep)
        except (OSError, sqlite3.Error, DatabaseError, StorageFailed) as error:
            raise BackupFailed(_problem(error), str(error)) from error
        return BackupResult((daily, *others), tuple(removed))

    def safety_copy(self, reason: str) -> Path:
        """A verified copy before a migration: kept for good in ``backups/safety``."""
        target = self._safety_name(reason)
        if self._path is None or target is None:
            raise BackupFailed(Problem.of("backup_failed"))
        try:
            _copy_live(self._path, target)
        except (OSError, sqlite3.Error, DatabaseError) as error:
            raise BackupFailed(_problem(error), str(error)) from error
        return target

    def keep_aside(self, reason: str) -> tuple[Path, ...]:
        """The file as it is, byte for byte with its ``-wal`` (even a damaged one): before a restore."""
        target = self._safety_name(reason)
        if self._path is None or target is None or not self._path.exists():
            return ()
        staged: list[tuple[Path, Path]] = []  # (written as, renamed to)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            for source, copy in (
                (self._path, target),
                (wal_of(self._path), wal_of(target)),
                (shm_of(self._path), shm_of(target)),
            ):
                if source.exists():
                    partial = copy.with_name(copy.name + ".partial")
                    staged.append((partial, copy))
                    shutil.copyfile(source, partial)
                    fsync_file(partial)
            # The main file's name comes last: a crash never leaves a half copy, or one without its
            # -wal, under a name that copies() lists.
            for partial, copy in reversed(staged):
                os.replace(partial, copy)
            fsync_folder(target.parent)
        except OSError as error:
            for partial, copy in staged:
                for leftover in (partial, copy):
                    with suppress(OSError):
                        leftover.unlink(missing_ok=True)
            raise BackupFailed(_problem(error), str(error)) from error
        return tuple(copy for _, copy in staged)

    def _safety_name(self, reason: str) -> Path | None:
        folder = self.folder()
        if folder is None or self._path is None:
            return None
        moment = self._clock.now().astimezone()
        base = folder / "safety" / f"{self._path.stem}-{moment:%Y%m%d-%H%M%S}-{reason}"
        target, n = base.with_name(base.name + ".sqlite"), 1
        while target.exists():  # two in one second: never overwrite a kept copy
            n += 1
            target = base.with_name(f"{base.name}-{n}.sqlite")
        return target

    def backup_to(self, target: Path) -> Path:
        """A copy where the operator chooses (another disk, a USB stick); verified like the others."""
        if self._path is None:
            raise BackupFailed(Problem.of("backup_failed"))
        try:
            _copy_live(self._path, target)
        except (OSError, sqlite3.Error, DatabaseError) as error:
            raise BackupFailed(_problem(error), str(error)) from error
        return target

    def copies(self) -> list[BackupCopy]:
        """Every copy of this kiosk file, newest good first; a copy linked under two names is listed once."""
        folder = self.folder()
        if folder is None or self._path is None:
            return []
        found: list[BackupCopy] = []
        seen: set[tuple[int, int]] = set()
        for kind, pattern in _patterns(self._path.stem).items():
            place = folder / kind
            if not place.is_dir():
                continue
            for file in sorted(place.iterdir()):
                if not pattern.match(file.name):
                    continue
                try:
                    info = file.stat()
                except OSError:
                    continue
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
                found.append(_describe(file, kind, info.st_mtime))
        found.sort(key=lambda c: (not c.verified, -c.taken_at.timestamp()))
        return found


def _describe(file: Path, kind: str, mtime: float) -> BackupCopy:
    taken = dt.datetime.fromtimestamp(mtime, dt.UTC)
    try:
        entries, profiles, problems = copy_summary(file)
    except sqlite3.Error:
        return BackupCopy(file, kind, taken, None, None, False)
    return BackupCopy(file, kind, taken, entries, profiles, not problems)


def _copy_live(path: Path, target: Path) -> None:
    source = open_read_only(path)
    try:
        backup_copy(source, target)
    finally:
        source.close()


def link_or_copy(source: Path, target: Path) -> None:
    """The same bytes under a second name, renamed into place whole: a hard link costs no space; a
    copy (with the same file times, as a link would have) where links fail (FAT)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        try:
            os.link(source, partial)
        except OSError:
            shutil.copyfile(source, partial)
            shutil.copystat(source, partial)
            fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def _remove_partials(folder: Path, stem: str) -> None:
    """Leftovers of a copy that a power cut interrupted (only this file's own)."""
    patterns = _patterns(stem)
    for kind in (*KEEP, "safety"):
        place = folder / kind
        if not place.is_dir():
            continue
        for file in place.glob("*.partial*"):
            name = file.name.split(".partial", 1)[0].removesuffix("-wal").removesuffix("-shm")
            if patterns[kind].match(name):
                file.unlink(missing_ok=True)


def _prune(folder: Path, pattern: re.Pattern[str], keep: int) -> list[Path]:
    copies = sorted(
        (match.group(1), file) for file in folder.iterdir() if (match := pattern.match(file.name)) is not None
    )
    stale = [file for _, file in copies[:-keep]] if len(copies) > keep else []
    for old in stale:
        old.unlink()
    return stale


def _problem(error: BaseException) -> Problem:
    if isinstance(error, Refused):
        return error.problem
    if isinstance(error, DatabaseError):
        return Problem.of("backup_failed")
    return problem_of(error)
