"""One kiosk file recognised, opened, migrated and wrapped in its services: the one way in.

The GUI and every CLI command open the file here. A file is looked at read-only first; only a
recognised kiosk file is ever written (DESIGN §5; ``storage.database.inspect_file``):

- missing: a new kiosk is built under a temporary name and renamed into place when whole;
- empty, not SQLite, another program's database, from a newer app, damaged: refused with one
  plain problem (``UnusableFile``), the file untouched;
- read-only (the file or its folder): opened to look at; every write is refused with words;
- older schema: a verified safety copy in ``backups/safety``, then the migrations.
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.model import AccessRecord, Actor
from ..domain.problems import Problem, Refused
from ..storage import database, migrations, people
from .clock import Clock, SystemClock
from .profiles import ProfileService
from .settings import SettingsService

if TYPE_CHECKING:
    from .backup import BackupService
    from .book import BookService
    from .caseload import CaseloadService
    from .coaching import CoachingService
    from .deletion import BookDeletion
    from .exchange import ExchangeService
    from .mentor_figures import MentorFiguresService
    from .mentors import MentorService
    from .readiness import ReadinessService
    from .report import ReportService
    from .standing import StandingService
    from .tips import TipService

RESTORABLE = frozenset({"kiosk_empty", "kiosk_not_sqlite", "kiosk_damaged"})
"""Refusals after which the operator is offered a restore (a foreign or newer file is not ours to replace)."""
ACCESS_LOG_LIMIT = 200
CLI_BUSY_MS = 30_000


class Kiosk:
    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        clock: Clock,
        read_only: bool = False,
        channel: str = "app",
    ) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.read_only = read_only
        self.channel = channel
        self._pages: database.PageCheck | None = None
        self.profiles = ProfileService(conn, clock, channel)
        self.settings = SettingsService(conn)

    # The picker needs only profiles and settings; the rest loads on first use (start-up budget).
    @cached_property
    def book(self) -> BookService:
        from .book import BookService

        return BookService(self.conn, self.clock, channel=self.channel)

    @cached_property
    def exchange(self) -> ExchangeService:
        from .exchange import ExchangeService

        return ExchangeService(self.conn, self.clock, self.channel)

    @cached_property
    def standing(self) -> StandingService:
        from .standing import StandingService

        return StandingService(self.conn, self.clock, self.book)

    @cached_property
    def mentors(self) -> MentorService:
        from .mentors import MentorService

        return MentorService(self.conn, self.clock)

    @cached_property
    def coaching(self) -> CoachingService:
        from .coaching import CoachingService

        return CoachingService(self.conn, self.clock, self.book, self.channel)

    @cached_property
    def mentor_figures(self) -> MentorFiguresService:
        from .mentor_figures import MentorFiguresService

        return MentorFiguresService(self.conn, self.clock, self.book, self.settings)

    @cached_property
    def readiness(self) -> ReadinessService:
        from .readiness import ReadinessService

        return ReadinessService(self.conn, self.clock, self.book, self.coaching, self.channel)

    @cached_property
    def report(self) -> ReportService:
        from .report import ReportService

        return ReportService(self.conn, self.clock, self.book, self.coaching, self.channel)

    @cached_property
    def tips(self) -> TipService:
        from .tips import TipService

        return TipService(self.conn, self.clock, self.channel)

    @cached_property
    def caseload(self) -> CaseloadService:
        from .caseload import CaseloadService

        return CaseloadService(self.conn, self.clock, self.coaching.goal_counts, channel=self.channel)

    @cached_property
    def backups(self) -> BackupService:
        from .backup import BackupService

        return BackupService(self.path, self.clock)

    @cached_property
    def deletion(self) -> BookDeletion:
        from .deletion import BookDeletion

        return BookDeletion(self.conn, self.clock, self.backups if self.path is not None else None, self.channel)

    @classmethod
    def open(
        cls, path: Path | str, clock: Clock | None = None, channel: str = "app", check_pages: bool = True
    ) -> Kiosk:
        """Recognise, open (or create) and migrate the file.

        Raises ``database.UnusableFile`` (a ``Refused`` with the problem) when it is not a usable
        kiosk; the file is then exactly as it was.

        ``check_pages=False`` (the app's start, issue 11 §7) leaves SQLite's page check of the whole
        file until after the picker is painted: ``check_pages()`` runs it, and a write before that
        runs it first. A file that needs a migration is always checked before it is changed.
        """
        file, clock = Path(path), clock or SystemClock()
        if str(path) == ":memory:":  # tests and tools: a kiosk that lives only in memory
            memory = database.connect(":memory:")
            migrations.migrate(memory)
            return cls(memory, None, clock, channel=channel)
        report = database.inspect_file(file, pages=check_pages)
        changes_it = report.version < migrations.LATEST_VERSION or not report.wal_mode  # an upgrade, a WAL switch
        if report.problem is None and not report.pages_checked and not report.read_only and changes_it:
            report = database.inspect_file(file)  # opening it writes: never into a damaged file
        if report.problem is not None:
            raise database.UnusableFile(report.problem)
        if not report.exists:
            if report.read_only:
                raise database.UnusableFile(Problem.of("kiosk_folder_read_only", path=str(file.parent)))
            try:
                database.create_file(file, migrations.migrate)
            except (OSError, sqlite3.Error) as error:
                raise database.UnusableFile(database.problem_of(error)) from error
            report = database.inspect_file(file)
        if report.read_only:
            if report.version < migrations.LATEST_VERSION:
                raise database.UnusableFile(Problem.of("kiosk_read_only_old", path=str(file)))
            kiosk = cls(database.connect_read_only(file), file, clock, read_only=True, channel=channel)
            kiosk._defer_page_check(report)
            return kiosk
        try:
            conn = database.connect(file)
        except (database.DatabaseError, sqlite3.Error) as error:
            raise database.UnusableFile(Problem.of("kiosk_unreadable", path=str(file))) from error
        if channel == "cli":  # an admin job waits for the app's short transactions rather than fail at once
            database.wait_when_busy(conn, CLI_BUSY_MS)
        kiosk = cls(conn, file, clock, channel=channel)
        try:
            migrations.migrate(conn, file, before_upgrade=kiosk._copy_before_upgrade)
        except BaseException as error:
            conn.close()
            if isinstance(error, Refused):
                raise database.UnusableFile(error.problem) from error
            if isinstance(error, database.DatabaseError | sqlite3.Error):
                raise database.UnusableFile(Problem.of("kiosk_unreadable", path=str(file))) from error
            raise
        kiosk._defer_page_check(report)
        return kiosk

    def _defer_page_check(self, report: database.FileReport) -> None:
        if not report.pages_checked and self.path is not None:
            self._pages = database.defer_page_check(self.conn, self.path, self.read_only)

    @property
    def pages_pending(self) -> bool:
        """The page check ``open(check_pages=False)`` left for later has not run yet."""
        return self._pages is not None and not self._pages.done

    def check_pages(self) -> Problem | None:
        """The page check left for later (None at once when there is none): ``kiosk_damaged`` or None.

        Safe on a worker thread: it reads through a connection of its own."""
        return None if self._pages is None else self._pages.run()

    def _copy_before_upgrade(self, found: int, upto: int) -> None:
        from .backup import BackupFailed

        try:
            self.backups.safety_copy(f"sebelum-v{upto}")
        except BackupFailed as failed:  # no verified copy, no upgrade: the file stays as it was
            raise Refused(failed.problem) from failed

    def integrity_problems(self) -> list[str]:
        return database.integrity_problems(self.conn)

    def access_log(self, actor: Actor, profile_id: str) -> list[AccessRecord]:
        """*Siapa yang melihat buku saya?*: only she reads the log of her own book."""
        from . import access

        if not access.is_owner(actor, profile_id):
            raise Refused(Problem.of("not_allowed"))
        return people.access_records(self.conn, profile_id, ACCESS_LOG_LIMIT)

    def close(self) -> None:
        self.conn.close()


def check_file(path: Path) -> Problem | None:
    """``wirausaha check``: only reads (integrity_check, foreign keys); None when the file is whole."""
    if not path.exists():
        return Problem.of("kiosk_missing", path=str(path))
    report = database.inspect_file(path, thorough=True)
    if report.problem is not None:
        return report.problem
    try:
        conn = database.open_copy(path)
        try:
            problems = database.integrity_problems(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return Problem.of("kiosk_damaged", path=str(path))
    return Problem.of("kiosk_damaged", path=str(path)) if problems else None
