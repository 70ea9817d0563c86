"""One kiosk file opened, migrated and wrapped in its services."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..storage import database, migrations
from .backup import BackupService
from .book import BookService
from .clock import Clock, SystemClock
from .exchange import ExchangeService
from .profiles import ProfileService
from .settings import SettingsService
from .standing import StandingService


class Kiosk:
    def __init__(self, conn: sqlite3.Connection, path: Path | None, clock: Clock) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.profiles = ProfileService(conn, clock)
        self.book = BookService(conn, clock)
        self.exchange = ExchangeService(conn, clock)
        self.settings = SettingsService(conn)
        self.standing = StandingService(conn, clock, self.book)
        self.backups = BackupService(conn, path, clock)

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
