"""Small helpers shared by tests."""

from __future__ import annotations

from wirausaha_desktop.domain.model import Ledger
from wirausaha_desktop.services.kiosk import Kiosk


def category_id(kiosk: Kiosk, name: str, ledger: Ledger | None = None) -> str:
    return next(c.id for c in kiosk.book.categories(ledger) if c.name == name)


def count_rows(kiosk: Kiosk, table: str) -> int:
    return int(kiosk.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
