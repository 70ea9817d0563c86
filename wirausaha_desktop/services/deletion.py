"""*Hapus buku*: her book deleted on request, through the kiosk operator (DESIGN §8, the consent's promise).

Only the operator may. The decision (she is still here, how much goes) and the delete are one
transaction: every row of hers (entries, the kept balances and day totals, closed days, coaching
sessions, goals, assignments, her access log, the categories only her entries named, the profile)
and one line in ``deletions`` with no name, no id and no content. ``secure_delete`` is on while it
runs; then ``VACUUM`` rebuilds the file without free pages and the ``-wal`` is folded in and
emptied, so her rows are not left in the file's free space.

**Backups hold her book too.** Every copy of this kiosk under ``backups/`` (daily, weekly, monthly
and the safety copies) that still has her profile is rewritten without her: copied aside (with its
``-wal``), her rows deleted the same way, vacuumed, ``integrity_check``-ed, and renamed into place
under every name it has (daily, weekly and monthly copies are often hard links of one file); the
file's time is kept, so the restore page still says when the copy was taken. The safety copies
are "never removed", and they are not: they are kept, without her book, because keeping what she
asked to delete would break the promise the consent made. A copy that cannot be opened or fails its
check after the rewrite is left as it was and named in the result, so the operator is told which
file still holds it. Copies outside this kiosk's folder (a flashdisk, the export folder, another
kiosk's copies) are out of reach; the confirm says so.

No verified backup is taken first: that would keep exactly what she asked to delete. She may take
her book with her first (*Simpan file buku dulu*: ``services.transfer``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.model import Actor, Profile
from ..domain.problems import Problem, Refused
from ..storage import deletion as store
from ..storage import people
from ..storage.database import DatabaseError, fsync_file, fsync_folder, open_copy, shm_of, transaction, wal_of
from . import access
from .backup import link_or_copy
from .changes import Changes
from .clock import Clock, stamp

if TYPE_CHECKING:
    from .backup import BackupService

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): ``delete`` (0/1, 1/1), ``vacuum`` (0/1, 1/1), ``copies`` (n of all)."""
BACKUP_KINDS = ("daily", "weekly", "monthly", "safety")
_WORK = ".deleting"
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"  # services.clock.stamp


@dataclass(frozen=True)
class DeletionPlan:
    """What the confirm names before anything is deleted."""

    profile: Profile
    entries: int  # as people count them: a move once, cancelled ones too
    sessions: int
    copies: int  # backup copies of this kiosk that still hold her book


@dataclass(frozen=True)
class DeletionResult:
    name: str
    entries: int
    sessions: int
    cleaned: tuple[Path, ...]  # backup copies rewritten without her book (one name per copy)
    left: tuple[Path, ...]  # copies that could not be cleaned: they still hold her book
    file_folded: bool  # the live file's -wal was emptied (False: another program still reads it)
    vacuum_seconds: float
    changes: Changes


@dataclass(frozen=True)
class DeletionLine:
    """One line of the deletion log as the operator sees it: when, and how much; never whose."""

    at: dt.datetime  # UTC
    channel: str
    entries: int
    sessions: int


class BookDeletion:
    def __init__(
        self, conn: sqlite3.Connection, clock: Clock, backups: BackupService | None = None, channel: str = "app"
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._backups = backups
        self._channel = channel

    def plan(self, actor: Actor, profile_id: str) -> DeletionPlan:
        """Counts only (no content is read, so no look is logged in a book that is about to go)."""
        access.require_operator(actor)
        profile = people.profile(self._conn, profile_id)
        if profile is None:
            raise Refused(Problem.of("profile_unknown"))
        size = store.book_size(self._conn, profile_id)
        return DeletionPlan(profile, size.entries, size.sessions, len(self._copies_holding(profile_id)))

    def log(self, actor: Actor) -> list[DeletionLine]:
        access.require_operator(actor)
        return [
            DeletionLine(dt.datetime.strptime(r.at, STAMP).replace(tzinfo=dt.UTC), r.channel, r.entries, r.sessions)
            for r in store.deletions(self._conn)
        ]

    def delete(self, actor: Actor, profile_id: str, progress: Progress | None = None) -> DeletionResult:
        """Her whole book, here and in this kiosk's backup copies; the line in ``deletions``."""
        access.require_operator(actor)
        tell = progress or (lambda _stage, _done, _total: None)
        tell("delete", 0, 1)
        store.secure_delete(self._conn, True)
        try:
            with transaction(self._conn):  # the decision and the delete: nothing changes in between
                profile = people.profile(self._conn, profile_id)
                if profile is None:
                    raise Refused(Problem.of("profile_unknown"))
                size = store.book_size(self._conn, profile_id)
                store.delete_book(self._conn, profile_id)
                store.log_deletion(
                    self._conn, str(uuid.uuid4()), stamp(self._clock.now()), actor.role.value, self._channel, size
                )
        finally:
            store.secure_delete(self._conn, False)
        tell("delete", 1, 1)
        tell("vacuum", 0, 1)
        started = time.perf_counter()
        store.vacuum(self._conn)
        folded = store.checkpoint(self._conn)
        seconds = time.perf_counter() - started
        tell("vacuum", 1, 1)
        cleaned, left = self._clean_copies(profile_id, tell)
        return DeletionResult(
            profile.name,
            size.entries,
            size.sessions,
            tuple(cleaned),
            tuple(left),
            folded,
            seconds,
            Changes(profile_id=profile_id, profiles=True),
        )

    # -- the backup copies ----------------------------------------------------------------------
    def _names(self) -> dict[tuple[int, int], list[Path]]:
        """Every backup file by its inode: one copy may be linked as daily, weekly and monthly."""
        folder = self._backups.folder() if self._backups is not None else None
        found: dict[tuple[int, int], list[Path]] = {}
        if folder is None:
            return found
        for kind in BACKUP_KINDS:
            place = folder / kind
            if not place.is_dir():
                continue
            for file in sorted(place.glob("*.sqlite")):
                with suppress(OSError):
                    info = file.stat()
                    found.setdefault((info.st_dev, info.st_ino), []).append(file)
        return found

    def _copies_holding(self, profile_id: str) -> list[Path]:
        if self._backups is None:
            return []
        holding = []
        for copy in self._backups.copies():
            try:
                conn = open_copy(copy.path)
                try:
                    if store.holds_profile(conn, profile_id):
                        holding.append(copy.path)
                finally:
                    conn.close()
            except sqlite3.Error:
                holding.append(copy.path)  # unreadable: it may hold her; cleaning will say
        return holding

    def _clean_copies(self, profile_id: str, tell: Progress) -> tuple[list[Path], list[Path]]:
        holding = self._copies_holding(profile_id)
        names = self._names()
        cleaned: list[Path] = []
        left: list[Path] = []
        tell("copies", 0, len(holding))
        for done, path in enumerate(holding, start=1):
            try:
                info = path.stat()
                linked = names.get((info.st_dev, info.st_ino), [path])
                if _rewrite(path, linked, profile_id):
                    cleaned.append(path)
            except (OSError, sqlite3.Error, DatabaseError, Refused):
                left.append(path)
            tell("copies", done, len(holding))
        return cleaned, left


def _rewrite(path: Path, linked: list[Path], profile_id: str) -> bool:
    """One copy without her book, under every name it has; False when it never held her."""
    work = path.with_name(path.name + _WORK)
    sides = (work, wal_of(work), shm_of(work), work.with_name(work.name + "-journal"))
    for leftover in sides:
        leftover.unlink(missing_ok=True)
    try:
        shutil.copyfile(path, work)
        if wal_of(path).exists():  # a copy kept byte for byte before a restore carries its -wal
            shutil.copyfile(wal_of(path), wal_of(work))
        conn = store.open_for_cleaning(work)
        try:
            if not store.holds_profile(conn, profile_id):
                return False
            store.secure_delete(conn, True)
            with transaction(conn):
                store.delete_book(conn, profile_id)
            store.fold_into_one_file(conn)
            store.vacuum(conn)
            problems = store.integrity(conn)
        finally:
            conn.close()
        if problems:
            raise DatabaseError(f"cleaned copy failed its integrity check: {problems[0]}")
        fsync_file(work)
        info = path.stat()
        os.utime(work, ns=(info.st_atime_ns, info.st_mtime_ns))  # the restore page dates a copy by its time
        for name in linked:
            for side in (wal_of(name), shm_of(name)):  # pages of the old copy must never be read over the new one
                side.unlink(missing_ok=True)
            link_or_copy(work, name)
        for folder in {name.parent for name in linked}:
            with suppress(OSError):
                fsync_folder(folder)
        return True
    finally:
        for leftover in sides:
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
