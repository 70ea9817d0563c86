"""Numbered, append-only schema migrations; the version lives in ``PRAGMA user_version``.

Never edit a migration that has shipped: add the next one. Each runs in one transaction with the
version bump, so a crash leaves the file at the old version, whole. Before an existing file is
upgraded, a copy is written beside it with the SQLite backup API.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..domain.categories import category_key, default_categories
from ..domain.model import FlowKind, MoveKind
from .database import DatabaseError, backup_copy, transaction

_KINDS = ", ".join(f"'{k.value}'" for k in FlowKind)
_MOVES = ", ".join(f"'{k.value}'" for k in MoveKind)
_ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def _v1_the_book(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE profiles (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            name_key TEXT NOT NULL UNIQUE,
            business TEXT NOT NULL DEFAULT '',
            pin_salt BLOB NOT NULL,
            pin_hash BLOB NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT"""
    )
    conn.execute(
        f"""CREATE TABLE categories (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            ledger TEXT NOT NULL CHECK (ledger IN ('business', 'personal')),
            kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
            sort_order INTEGER NOT NULL DEFAULT 0,
            builtin INTEGER NOT NULL DEFAULT 0,
            UNIQUE (ledger, name_key)
        ) STRICT"""
    )
    conn.execute(
        f"""CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            ledger TEXT NOT NULL CHECK (ledger IN ('business', 'personal')),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            amount INTEGER NOT NULL CHECK (amount > 0 AND amount <= 10000000000),
            date TEXT NOT NULL CHECK (date GLOB {_ISO_DATE}),
            category_id TEXT REFERENCES categories (id),
            move_id TEXT,
            move_kind TEXT CHECK (move_kind IN ({_MOVES})),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            voided_at TEXT,
            voided_by TEXT,
            void_reason TEXT,
            CHECK ((category_id IS NULL) <> (move_id IS NULL)),
            CHECK ((move_id IS NULL) = (move_kind IS NULL)),
            CHECK ((voided_at IS NULL) = (void_reason IS NULL))
        ) STRICT"""
    )
    # Covers every per-profile figure, so a profile's queries do not slow down as the kiosk grows.
    conn.execute(
        """CREATE INDEX entries_figures ON entries
           (profile_id, date, ledger, direction, category_id, move_kind, amount, voided_at)
           WHERE voided_at IS NULL"""
    )
    conn.execute("CREATE INDEX entries_recent ON entries (profile_id, ledger, date, created_at)")
    conn.execute("CREATE INDEX entries_moves ON entries (move_id) WHERE move_id IS NOT NULL")
    conn.execute(
        f"""CREATE TABLE closed_days (
            profile_id TEXT NOT NULL REFERENCES profiles (id),
            date TEXT NOT NULL CHECK (date GLOB {_ISO_DATE}),
            marked_at TEXT NOT NULL,
            PRIMARY KEY (profile_id, date)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
    conn.executemany(
        "INSERT INTO categories (id, name, name_key, ledger, kind, sort_order, builtin) VALUES (?, ?, ?, ?, ?, ?, 1)",
        [
            (c.id, c.name, category_key(c.name), c.ledger.value, c.kind.value, c.sort_order)
            for c in default_categories()
        ],
    )


def _v2_kiosk_access(conn: sqlite3.Connection) -> None:
    """Consent, PIN lock-out that survives a restart, and the kiosk's staff (operator, mentors)."""
    conn.execute("ALTER TABLE profiles ADD COLUMN consent_at TEXT")
    conn.execute("ALTER TABLE profiles ADD COLUMN consent_method TEXT CHECK (consent_method IN ('screen', 'paper'))")
    conn.execute("ALTER TABLE profiles ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE profiles ADD COLUMN locked_until TEXT")
    conn.execute(
        """CREATE TABLE staff (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('operator', 'mentor')),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            pin_salt BLOB NOT NULL,
            pin_hash BLOB NOT NULL,
            failed_pins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        ) STRICT"""
    )


def _v3_balance_index(conn: sqlite3.Connection) -> None:
    """Balances read only this index: a save stays fast however long the book and the kiosk grow."""
    conn.execute(
        """CREATE INDEX entries_balance ON entries (profile_id, ledger, direction, amount, voided_at)
           WHERE voided_at IS NULL"""
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_the_book, _v2_kiosk_access, _v3_balance_index)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None = None, upto: int = LATEST_VERSION) -> int:
    """Bring the file to ``upto`` (the latest by default); return the version it was at."""
    try:
        found = schema_version(conn)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(str(error)) from error
    if found > LATEST_VERSION:
        raise DatabaseError(f"file has schema version {found}, this app knows up to {LATEST_VERSION}")
    if found == 0 and conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
        raise DatabaseError("file is an SQLite database but not a Wirausaha kiosk")
    if found > 0 and found < upto and path is not None:
        backup_copy(conn, path.with_name(f"{path.name}.before-v{upto}.bak"))
    for version in range(found + 1, upto + 1):
        with transaction(conn):
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
    return found
