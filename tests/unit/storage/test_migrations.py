from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, Balances, Ledger
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage.database import DatabaseError, connect
from wirausaha_desktop.storage.migrations import LATEST_VERSION, migrate, schema_version

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SARI = "11111111-1111-4111-8111-111111111111"


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_a_file_made_by_each_schema_opens_with_its_book_intact(tmp_path: Path, clock: FixedClock, version: int) -> None:
    """STYLE §5: every shipped schema's own file (tests/fixtures, scripts/make_fixture.py) opens whole."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / f"kiosk-v{version}.sqlite", path)
    kiosk = Kiosk.open(path, clock)
    try:
        assert schema_version(kiosk.conn) == LATEST_VERSION
        sari = Actor.beneficiary(SARI)
        assert kiosk.book.balances(sari, SARI) == Balances(business=40_000, personal=50_000)
        assert isinstance(kiosk.profiles.unlock(SARI, "1234"), Actor)
        assert kiosk.profiles.get(SARI).consent_at is None  # asked at her first unlock
        assert len(kiosk.book.recent_entries(sari, SARI, Ledger.BUSINESS)) == 3
        added = kiosk.book.record_entry(sari, SARI, category_id(kiosk, "Penjualan"), 5_000, clock.today())
        assert added.added
        assert kiosk.profiles.has_operator() == (version >= 2)
        assert len(kiosk.access_log(sari, SARI)) == (1 if version >= 4 else 0)
        assert kiosk.integrity_problems() == []
    finally:
        kiosk.close()
    safety = sorted((tmp_path / "backups" / "safety").glob("old-*.sqlite"))
    if version == LATEST_VERSION:
        assert safety == []  # nothing to upgrade, nothing copied
        return
    assert [p.name.endswith(f"-sebelum-v{LATEST_VERSION}.sqlite") for p in safety] == [True]
    with sqlite3.connect(safety[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == version
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_migration_one_seeds_todays_default_categories(kiosk: Kiosk) -> None:
    """Migration 1's rows are frozen literals; if a default category changes, this fails: add a migration."""
    from wirausaha_desktop.domain.categories import category_key, default_categories
    from wirausaha_desktop.storage.migrations import _V1_CATEGORIES

    today = [
        (c.id, c.name, category_key(c.name), c.ledger.value, c.kind.value, c.sort_order) for c in default_categories()
    ]
    assert list(_V1_CATEGORIES) == today


def test_a_failed_safety_copy_stops_the_upgrade_and_leaves_the_file_as_it_was(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirausaha_desktop.domain.problems import Refused
    from wirausaha_desktop.services import backup

    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "kiosk-v1.sqlite", path)

    def no_room(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "backup_copy", no_room)
    with pytest.raises(Refused) as refused:
        Kiosk.open(path, clock)
    assert refused.value.problem.code == "disk_full"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_new_file_has_explicit_strict_tables_and_the_covering_index(kiosk: Kiosk) -> None:
    db = sqlite_utils.Database(kiosk.conn)
    assert {"profiles", "categories", "entries", "closed_days", "settings", "staff"} <= set(db.table_names())
    assert "STRICT" in db["entries"].schema
    plan = " ".join(
        str(row[3])
        for row in kiosk.conn.execute(
            "EXPLAIN QUERY PLAN SELECT ledger, SUM(amount) FROM entries WHERE profile_id = ? AND voided_at IS NULL"
            " AND date BETWEEN ? AND ? GROUP BY ledger",
            ("x", "2024-01-01", "2024-01-31"),
        )
    )
    assert "COVERING INDEX entries_figures" in plan
    balance_plan = " ".join(
        str(row[3])
        for row in kiosk.conn.execute(
            "EXPLAIN QUERY PLAN SELECT ledger, SUM(CASE direction WHEN 'in' THEN amount ELSE -amount END)"
            " FROM entries WHERE profile_id = ? AND voided_at IS NULL GROUP BY ledger",
            ("x",),
        )
    )
    assert "COVERING INDEX entries_balance" in balance_plan
    assert kiosk.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert kiosk.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert kiosk.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_the_database_refuses_a_float_or_non_positive_amount(kiosk: Kiosk) -> None:
    for amount in (1500.5, 0, -1):
        with pytest.raises(sqlite3.DatabaseError):
            kiosk.conn.execute(
                "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, created_at,"
                " created_by) VALUES ('x', 'p', 'business', 'in', ?, '2024-01-01', NULL, 'now', 'test')",
                (amount,),
            )


def test_a_file_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(DatabaseError, match="knows up to"):
        migrate(conn, path)
    conn.close()


def test_a_foreign_sqlite_file_or_a_text_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(DatabaseError):
        Kiosk.open(other)
    text = tmp_path / "text.sqlite"
    text.write_text("bukan database " * 100)
    with pytest.raises(DatabaseError):
        Kiosk.open(text)


def test_migrations_are_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirausaha_desktop.storage import migrations

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("crash during migration")

    path = tmp_path / "k.sqlite"
    conn = connect(path)
    migrate(conn, path, upto=1)
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    with pytest.raises(RuntimeError):
        migrations.migrate(conn, path, upto=2)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()
