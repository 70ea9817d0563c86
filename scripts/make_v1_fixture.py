"""Write tests/fixtures/kiosk-v1.sqlite: a kiosk file as schema version 1 made it.

Run once when version 1 shipped; kept so that the migration test always starts from a file that
the first schema wrote, not from today's idea of it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirausaha_desktop.domain.categories import category_id
from wirausaha_desktop.domain.model import Ledger
from wirausaha_desktop.services.pins import hash_pin
from wirausaha_desktop.storage.database import connect
from wirausaha_desktop.storage.migrations import migrate

TARGET = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "kiosk-v1.sqlite"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = connect(TARGET)
    migrate(conn, upto=1)
    salt, digest = hash_pin("1234", b"fixed-salt-v1-00")
    profile = "11111111-1111-4111-8111-111111111111"
    conn.execute(
        "INSERT INTO profiles (id, name, name_key, business, pin_salt, pin_hash, created_at)"
        " VALUES (?, 'Sari', 'sari', 'Warung kopi', ?, ?, '2024-01-05T02:00:00.000000Z')",
        (profile, salt, digest),
    )
    rows = [
        ("e1", Ledger.BUSINESS, "in", 150_000, "2024-01-05", category_id(Ledger.BUSINESS, "Penjualan"), None, None),
        ("e2", Ledger.BUSINESS, "out", 60_000, "2024-01-05", category_id(Ledger.BUSINESS, "Bahan baku"), None, None),
        ("m1-out", Ledger.BUSINESS, "out", 50_000, "2024-01-06", None, "m1", "owner_pay"),
        ("m1-in", Ledger.PERSONAL, "in", 50_000, "2024-01-06", None, "m1", "owner_pay"),
    ]
    conn.executemany(
        "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind,"
        " note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '2024-01-06T02:00:00.000000Z', 'v1')",
        [(i, profile, ledger.value, d, a, day, c, m, k) for i, ledger, d, a, day, c, m, k in rows],
    )
    conn.execute("INSERT INTO closed_days VALUES (?, '2024-01-07', '2024-01-07T02:00:00.000000Z')", (profile,))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with sqlite3.connect(TARGET) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    print(TARGET)


if __name__ == "__main__":
    main()
