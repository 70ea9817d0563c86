"""SQLite floors measured on this machine, in the app's schema and connection settings (WAL, FULL)."""

from __future__ import annotations

import uuid
from functools import cache

from wirausaha_desktop.domain.categories import default_categories
from wirausaha_desktop.services.clock import FixedClock, stamp
from wirausaha_desktop.storage.database import connect

from . import data
from .common import copy_kiosk, median, repeat_ms

INSERT = (
    "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind,"
    " note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@cache
def sqlite_floors(the_clock: FixedClock, repeats: int = 50) -> dict[str, float]:
    """Median ms of: one-row INSERT + COMMIT (``insert_commit_ms``) and ``SELECT`` of her 200
    newest rows (``select_200_ms``), on a private copy of the busy kiosk."""
    path = copy_kiosk(data.busy_kiosk(the_clock), "floor.sqlite")
    conn = connect(path)
    try:
        profile_id = conn.execute("SELECT id FROM profiles").fetchone()[0]
        category = next(c for c in default_categories() if c.name == "Penjualan")
        today, now = the_clock.today().isoformat(), stamp(the_clock.now())

        def insert_commit() -> None:
            row = (str(uuid.uuid4()), profile_id, "business", "in", 15_000, today, category.id, None, None, "",
                   now, "floor")  # fmt: skip
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(INSERT, row)
            conn.execute("COMMIT")

        def select_200() -> None:
            conn.execute(
                "SELECT * FROM entries WHERE profile_id = ? AND ledger = 'business' AND voided_at IS NULL"
                " ORDER BY date DESC, created_at DESC LIMIT 200",
                (profile_id,),
            ).fetchall()

        return {
            "insert_commit_ms": median(repeat_ms(insert_commit, repeats)),
            "select_200_ms": median(repeat_ms(select_200, 20)),
        }
    finally:
        conn.close()
