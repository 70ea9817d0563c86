"""Kiosk settings (thresholds, idle lock, language, demo mark): text values by key."""

from __future__ import annotations

import sqlite3

from ..domain.model import Actor
from ..storage import people
from ..storage.database import transaction
from . import access

DEFAULTS = {"idle_lock_seconds": "180", "language": "id"}


class SettingsService:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> str | None:
        return people.setting(self._conn, key) or DEFAULTS.get(key)

    def get_int(self, key: str, fallback: int) -> int:
        value = self.get(key)
        return int(value) if value and value.isdigit() else fallback

    def set(self, actor: Actor, key: str, value: str) -> None:
        access.require_operator(actor)
        with transaction(self._conn):
            people.set_setting(self._conn, key, value)

    def set_language(self, language: str) -> None:
        """Anyone at the picker may switch the language; it is the kiosk's, not a book's."""
        with transaction(self._conn):
            people.set_setting(self._conn, "language", language)
