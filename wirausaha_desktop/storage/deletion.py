"""Deleting one book on request (DESIGN §8): the one hard delete, and its line without content.

Her rows go table by table inside the caller's one transaction: entries first (the
``ledger_balances`` and ``day_totals`` triggers fire on DELETE and leave her zeroed rows behind),
then every other table of hers, then the categories only her entries named (custom ones from her
CSV files), then her profile. ``secure_delete`` is on while it runs, so the freed cells are
zeroed, and ``VACUUM`` afterwards leaves no free page that still holds them.

The same SQL cleans a backup copy of any schema version: a table the copy does not have yet is
skipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .database import BUSY_SECONDS

HER_TABLES = (
    "entries",
    "ledger_balances",
    "day_totals",
    "closed_days",
    "goals",
    "coaching_sessions",
    "assignments",
    "access_log",
)
"""Every table with her ``profile_id``, children before parents (goals name her sessions)."""


@dataclass(frozen=True)
class BookSize:
    """What deleting her book takes away, as people count it (a move once, cancelled ones too)."""

    entries: int
    sessions: int


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def book_size(conn: sqlite3.Connection, profile_id: str) -> BookSize:
    entries = conn.execute(
        "SELECT count(*) FROM entries WHERE profile_id = ? AND (move_id IS NULL OR direction = 'out')", (profile_id,)
    ).fetchone()[0]
    sessions = 0
    if "coaching_sessions" in _tables(conn):
        row = conn.execute("SELECT count(*) FROM coaching_sessions WHERE profile_id = ?", (profile_id,)).fetchone()
        sessions = row[0]
    return BookSize(int(entries), int(sessions))


def holds_profile(conn: sqlite3.Connection, profile_id: str) -> bool:
    return conn.execute("SELECT 1 FROM profiles WHERE id = ?", (profile_id,)).fetchone() is not None


def secure_delete(conn: sqlite3.Connection, on: bool) -> None:
    """Freed cells are overwritten with zeros (a connection setting; set outside the transaction)."""
    conn.execute(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def delete_book(conn: sqlite3.Connection, profile_id: str) -> None:
    """All her rows and her profile; call inside one transaction."""
    tables = _tables(conn)
    categories = [
        str(row[0])
        for row in conn.execute(
            "SELECT DISTINCT category_id FROM entries WHERE profile_id = ? AND category_id IS NOT NULL", (profile_id,)
        )
    ]
    for table in HER_TABLES:
        if table in tables:
            conn.execute(f"DELETE FROM {table} WHERE profile_id = ?", (profile_id,))
    _delete_her_categories(conn, categories, "goals" in tables)
    conn.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))


def _delete_her_categories(conn: sqlite3.Connection, ids: list[str], has_goals: bool) -> None:
    """A category someone added (not built in) that nothing else names any more went with her book."""
    goals = " AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.category = categories.id)" if has_goals else ""
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"DELETE FROM categories WHERE id IN ({marks}) AND builtin = 0"
            f" AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.category_id = categories.id){goals}",
            chunk,
        )


def rows_of(conn: sqlite3.Connection, profile_id: str) -> dict[str, int]:
    """Her rows left in each table (all zero after ``delete_book``); for checks and tests."""
    tables = _tables(conn)
    found = {
        table: int(conn.execute(f"SELECT count(*) FROM {table} WHERE profile_id = ?", (profile_id,)).fetchone()[0])
        for table in HER_TABLES
        if table in tables
    }
    found["profiles"] = 1 if holds_profile(conn, profile_id) else 0
    return found


def log_deletion(conn: sqlite3.Connection, deletion_id: str, at: str, by: str, channel: str, size: BookSize) -> None:
    conn.execute(
        "INSERT INTO deletions (id, deleted_at, deleted_by, channel, entries, sessions) VALUES (?, ?, ?, ?, ?, ?)",
        (deletion_id, at, by, channel, size.entries, size.sessions),
    )


@dataclass(frozen=True)
class DeletionRecord:
    at: str
    by: str
    channel: str
    entries: int
    sessions: int


def deletions(conn: sqlite3.Connection) -> list[DeletionRecord]:
    rows = conn.execute(
        "SELECT deleted_at, deleted_by, channel, entries, sessions FROM deletions ORDER BY deleted_at DESC"
    ).fetchall()
    return [DeletionRecord(*row) for row in rows]


def open_for_cleaning(path: Path) -> sqlite3.Connection:
    """A backup copy (set aside under another name) opened to delete her rows from it."""
    return sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)


def fold_into_one_file(conn: sqlite3.Connection) -> None:
    """A copy's ``-wal`` folded into it, and the copy left as one file (as the backups are written)."""
    conn.execute("PRAGMA journal_mode = DELETE")


def vacuum(conn: sqlite3.Connection) -> None:
    """Rebuild the file without free pages (outside any transaction)."""
    conn.execute("VACUUM")


def checkpoint(conn: sqlite3.Connection) -> bool:
    """Fold the ``-wal`` into the file and empty it; False when another connection still reads."""
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return int(busy) == 0


def integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows
