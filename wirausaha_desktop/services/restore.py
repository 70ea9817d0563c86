"""Putting a backup copy back as the kiosk file, so that nothing is lost on the way.

1. The copy is checked first (a kiosk file, not newer, ``integrity_check`` clean); a bad copy
   changes nothing.
2. The current file is kept aside as it is, byte for byte, with its ``-wal`` and ``-shm`` (even a
   damaged one) in ``backups/safety``; it is never removed.
3. The copy is written beside the kiosk file under a temporary name, synced and checked again.
   It is written through SQLite's backup API, not copied byte for byte: a copy kept aside by an
   earlier restore has its ``-wal`` beside it, and what that ``-wal`` holds comes along.
4. The old ``-wal`` is first folded into the old file where SQLite can (a crash leaves one hot),
   then the old ``-wal`` and ``-shm`` are removed: left beside the restored file, SQLite would
   replay the old file's pages onto it (the damage a hand copy produced).
5. The checked copy is renamed over the kiosk file, and the folder synced.

A crash at any step leaves either the old file or the restored one, whole, and the old one is in
``backups/safety`` either way. The caller holds the instance lock and has closed every connection.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..domain.problems import Problem, Refused
from ..storage.database import (
    DatabaseError,
    backup_copy,
    connect,
    copy_summary,
    fsync_folder,
    inspect_file,
    open_copy,
    problem_of,
    shm_of,
    wal_of,
)
from .backup import BackupFailed, BackupService
from .clock import Clock


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    kept_aside: tuple[Path, ...]
    entries: int
    profiles: int


def check_copy(source: Path) -> tuple[int, int]:
    """Entries and profiles of a copy that can be restored; ``Refused`` with the reason otherwise."""
    if not source.is_file():
        raise Refused(Problem.of("backup_missing", path=str(source)))
    report = inspect_file(source, thorough=True)
    if report.problem is not None:
        raise Refused(Problem.of("backup_unusable", path=str(source), why=report.problem.code))
    entries, profiles, problems = copy_summary(source)
    if problems:
        raise Refused(Problem.of("backup_unusable", path=str(source), why="kiosk_damaged"))
    return entries, profiles


def restore_file(kiosk_file: Path, source: Path, clock: Clock) -> RestoreResult:
    """Replace ``kiosk_file`` with the backup ``source``; see the module docstring for the steps."""
    if source.resolve() == kiosk_file.resolve():
        raise Refused(Problem.of("backup_is_kiosk"))
    check_copy(source)
    try:
        kept = BackupService(kiosk_file, clock).keep_aside("sebelum-pulih")
    except BackupFailed as failed:
        raise Refused(failed.problem) from failed
    staging = kiosk_file.with_name(kiosk_file.name + ".restoring")
    try:
        _stage(source, staging)
        entries, profiles, problems = copy_summary(staging)
        if problems:
            raise Refused(Problem.of("backup_unusable", path=str(source), why="kiosk_damaged"))
        _fold_wal(kiosk_file)
        for side in (wal_of(kiosk_file), shm_of(kiosk_file)):
            side.unlink(missing_ok=True)
        os.replace(staging, kiosk_file)
        fsync_folder(kiosk_file.parent)
    except DatabaseError as error:  # the staged copy failed its integrity check
        raise Refused(Problem.of("backup_unusable", path=str(source), why="kiosk_damaged")) from error
    except (OSError, sqlite3.Error) as error:
        raise Refused(problem_of(error)) from error
    finally:
        with suppress(OSError):
            staging.unlink(missing_ok=True)
    return RestoreResult(source, kept, entries, profiles)


def _stage(source: Path, staging: Path) -> None:
    """The copy as one whole file (its ``-wal`` included), fsynced and checked (``backup_copy``)."""
    partial = staging.with_name(staging.name + ".partial")
    for leftover in (staging, partial, partial.with_name(partial.name + "-journal")):  # a crash's
        leftover.unlink(missing_ok=True)
    conn = open_copy(source)
    try:
        backup_copy(conn, staging)
    finally:
        conn.close()


def _fold_wal(kiosk_file: Path) -> None:
    """Write what the old file's ``-wal`` holds into the old file (the last connection to close
    checkpoints and removes it), so that a crash after the ``-wal`` is removed and before the
    rename leaves the old file whole. A file SQLite cannot open is left as it is (kept aside)."""
    if not wal_of(kiosk_file).exists():
        return
    with suppress(DatabaseError, sqlite3.Error):
        connect(kiosk_file).close()


def operator_pin_matches(source: Path, pin: str) -> bool | None:
    """Whether ``pin`` is the operator's PIN in the copy ``source`` (None: that copy has no operator).

    When the kiosk file itself is damaged, the operator proves who she is against the copy she
    restores; the wrong tries are counted by the caller for this session (nothing can be written).
    """
    from ..storage import people
    from ..storage.database import open_copy
    from .pins import pin_matches

    conn = open_copy(source)
    try:
        found = people.operator_pin_in_copy(conn)
    finally:
        conn.close()
    if found is None:
        return None
    return pin_matches(pin, *found)
