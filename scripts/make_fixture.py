"""Write ``tests/fixtures/kiosk-vN.sqlite``: a kiosk file as schema version N made it (STYLE §5).

Run once when version N ships (``python scripts/make_fixture.py N``); an existing fixture is never
rewritten, so that each migration test starts from a file that its schema really wrote, not from
today's idea of it. Migrations carry their own literals (storage/migrations.py), so building
version N today gives the same file version N gave then.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from wirausaha_desktop.services.pins import hash_pin
from wirausaha_desktop.storage.database import connect
from wirausaha_desktop.storage.migrations import migrate

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PROFILE = "11111111-1111-4111-8111-111111111111"
PENJUALAN = "223bcd89-a790-5b8f-9f3a-6c79c63f9066"
BAHAN_BAKU = "570c8b55-2196-5f0d-b04e-4820811daf2e"


def build(version: int, target: Path) -> None:
    conn = connect(target)
    migrate(conn, upto=version)
    salt, digest = hash_pin("1234", b"fixed-salt-v1-00")
    conn.execute(
        "INSERT INTO profiles (id, name, name_key, business, pin_salt, pin_hash, created_at)"
        " VALUES (?, 'Sari', 'sari', 'Warung kopi', ?, ?, '2024-01-05T02:00:00.000000Z')",
        (PROFILE, salt, digest),
    )
    rows = [
        ("e1", "business", "in", 150_000, "2024-01-05", PENJUALAN, None, None),
        ("e2", "business", "out", 60_000, "2024-01-05", BAHAN_BAKU, None, None),
        ("m1-out", "business", "out", 50_000, "2024-01-06", None, "m1", "owner_pay"),
        ("m1-in", "personal", "in", 50_000, "2024-01-06", None, "m1", "owner_pay"),
    ]
    conn.executemany(
        "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind,"
        " note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '2024-01-06T02:00:00.000000Z', 'v1')",
        [(i, PROFILE, ledger, d, a, day, c, m, k) for i, ledger, d, a, day, c, m, k in rows],
    )
    conn.execute("INSERT INTO closed_days VALUES (?, '2024-01-07', '2024-01-07T02:00:00.000000Z')", (PROFILE,))
    if version >= 2:
        op_salt, op_digest = hash_pin("2468", b"fixed-salt-op-00")
        conn.execute(
            "INSERT INTO staff (id, role, name, pin_salt, pin_hash, created_at)"
            " VALUES ('22222222-2222-4222-8222-222222222222', 'operator', 'Operator', ?, ?,"
            " '2024-01-05T01:00:00.000000Z')",
            (op_salt, op_digest),
        )
        conn.execute("UPDATE profiles SET failed_pins = 2 WHERE id = ?", (PROFILE,))
    if version >= 4:
        conn.execute(
            "INSERT INTO access_log (id, profile_id, at, actor_role, actor_id, actor_name, action, channel)"
            " VALUES ('33333333-3333-4333-8333-333333333333', ?, '2024-01-08T02:00:00.000000Z', 'operator', NULL,"
            " 'Petugas kios', 'summary', 'cli')",
            (PROFILE,),
        )
    if version >= 5:
        wati_salt, wati_digest = hash_pin("5555", b"fixed-salt-mt-00")
        conn.execute(
            "INSERT INTO staff (id, role, name, pin_salt, pin_hash, created_at)"
            " VALUES ('44444444-4444-4444-8444-444444444444', 'mentor', 'Bu Wati', ?, ?,"
            " '2024-01-05T01:30:00.000000Z')",
            (wati_salt, wati_digest),
        )
        conn.execute(
            "INSERT INTO assignments VALUES ('44444444-4444-4444-8444-444444444444', ?, '2024-01-05T01:40:00.000000Z')",
            (PROFILE,),
        )
        conn.execute(
            "INSERT INTO coaching_sessions (id, profile_id, mentor_id, held_on, started_at, notes, message,"
            " next_session) VALUES ('55555555-5555-4555-8555-555555555555', ?,"
            " '44444444-4444-4444-8444-444444444444', '2024-01-08', '2024-01-08T02:00:00.000000Z',"
            " 'Catatan sesi', 'Semangat, Bu!', '2024-02-05')",
            (PROFILE,),
        )
        conn.execute(
            "INSERT INTO goals (id, profile_id, session_id, kind, target, set_on, due) VALUES"
            " ('66666666-6666-4666-8666-666666666666', ?, '55555555-5555-4555-8555-555555555555',"
            " 'record_days', 20, '2024-01-08', '2024-02-05')",
            (PROFILE,),
        )
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with sqlite3.connect(target) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == version
    check.close()


def main() -> None:
    version = int(sys.argv[1])
    target = FIXTURES / f"kiosk-v{version}.sqlite"
    if target.exists():
        raise SystemExit(f"{target} exists: a shipped fixture is never rewritten")
    build(version, target)
    print(target)


if __name__ == "__main__":
    main()
