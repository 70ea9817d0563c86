"""One kiosk file opened, migrated and wrapped in its services."""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import database, migrations
from .clock import Clock, SystemClock
from .profiles import ProfileService
from .settings import SettingsService

if TYPE_CHECKING:
    from .backup import BackupService
    from .book import BookService
    from .exchange import ExchangeService
    from .standing import StandingService


class Kiosk:
    def __init__(self, conn: sqlite3.Connection, path: Path | None, clock: Clock) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.profiles = ProfileService(conn, clock)
        self.settings = SettingsService(conn)

    # The picker needs only profiles and settings; the rest loads on first use (start-up budget).
    @cached_property
    def book(self) -> BookService:
        from .book import BookService

        return BookService(self.conn, self.clock)

    @cached_property
    def exchange(self) -> ExchangeService:
        from .exchange import ExchangeService

        return ExchangeService(self.conn, self.clock)

    @cached_property
    def standing(self) -> StandingService:
        from .standing import StandingService

        return StandingService(self.conn, self.clock, self.book)

    @cached_property
    def backups(self) -> BackupService:
        from .backup import BackupService

        return BackupService(self.conn, self.path, self.clock)

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None) -> Kiosk:
        """Open (or create) the file and bring its schema up to date.

        Raises ``database.DatabaseError`` when the file is not a usable kiosk.
        """
        file = Path(path)
        conn = database.connect(file)
        try:
            migrations.migrate(conn, file)
        except BaseException:
            conn.close()
            raise
        return cls(conn, file, clock or SystemClock())

    def integrity_problems(self) -> list[str]:
        return database.integrity_problems(self.conn)

    def close(self) -> None:
        self.conn.close()
