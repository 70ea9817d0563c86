"""The one SQLite file: opening it safely and running one transaction per action.

Only the standard library's ``sqlite3`` is imported here, so that opening the kiosk stays off
the start-up budget; ``sqlite_utils`` is loaded by the migrations and admin jobs that use it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DatabaseError(Exception):
    """The file cannot be used as a kiosk (not SQLite, damaged, or from a newer app)."""


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) the kiosk file with WAL, FULL sync and foreign keys on."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseError(str(error)) from error
    if str(path) != ":memory:" and mode.lower() != "wal":
        conn.close()
        raise DatabaseError(f"journal mode is {mode}, not WAL")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One action = one transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check``; an empty list means healthy."""
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    problems = [] if rows == ["ok"] else rows
    problems += [f"foreign key: {row[0]} row {row[1]} → {row[2]}" for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def backup_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the live file (SQLite backup API), checked after writing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with sqlite3.connect(str(partial)) as copy:
        conn.backup(copy)
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
    copy.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"backup copy failed its integrity check: {verdict}")
    partial.replace(target)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A separate connection that cannot write (for backups from another thread)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
