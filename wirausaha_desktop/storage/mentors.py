"""Mentors (staff with the mentor role) and which books each one follows: rows in, values out."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..domain.categories import category_key


@dataclass(frozen=True)
class MentorRow:
    id: str
    name: str
    created_at: str


_HERE = "role = 'mentor' AND length(pin_hash) > 0"
"""A mentor of this kiosk: one named only by a book brought from another kiosk has no PIN here
(``storage/transfer.insert_absent_mentors``) and is neither listed nor assignable."""


def mentors(conn: sqlite3.Connection) -> list[MentorRow]:
    rows = conn.execute(f"SELECT id, name, created_at FROM staff WHERE {_HERE}").fetchall()
    return sorted((MentorRow(*row) for row in rows), key=lambda m: category_key(m.name))


def mentor(conn: sqlite3.Connection, mentor_id: str) -> MentorRow | None:
    row = conn.execute(f"SELECT id, name, created_at FROM staff WHERE {_HERE} AND id = ?", (mentor_id,)).fetchone()
    return MentorRow(*row) if row else None


def assign(conn: sqlite3.Connection, mentor_id: str, profile_id: str, at: str) -> bool:
    """True when the assignment is new (assigning twice changes nothing)."""
    cursor = conn.execute(
        "INSERT INTO assignments (mentor_id, profile_id, assigned_at) VALUES (?, ?, ?)"
        " ON CONFLICT (mentor_id, profile_id) DO NOTHING",
        (mentor_id, profile_id, at),
    )
    return cursor.rowcount > 0


def unassign(conn: sqlite3.Connection, mentor_id: str, profile_id: str) -> bool:
    cursor = conn.execute("DELETE FROM assignments WHERE mentor_id = ? AND profile_id = ?", (mentor_id, profile_id))
    return cursor.rowcount > 0


def is_assigned(conn: sqlite3.Connection, mentor_id: str, profile_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM assignments WHERE mentor_id = ? AND profile_id = ?", (mentor_id, profile_id)
    ).fetchone()
    return row is not None


def assigned_profiles(conn: sqlite3.Connection, mentor_id: str) -> list[str]:
    rows = conn.execute("SELECT profile_id FROM assignments WHERE mentor_id = ?", (mentor_id,)).fetchall()
    return [row[0] for row in rows]


def assigned_at(conn: sqlite3.Connection, mentor_id: str, profile_id: str) -> str | None:
    """When the operator assigned this mentor to her (UTC timestamp), or None."""
    row = conn.execute(
        "SELECT assigned_at FROM assignments WHERE mentor_id = ? AND profile_id = ?", (mentor_id, profile_id)
    ).fetchone()
    return str(row[0]) if row else None


def mentors_of(conn: sqlite3.Connection, profile_id: str) -> list[str]:
    rows = conn.execute("SELECT mentor_id FROM assignments WHERE profile_id = ?", (profile_id,)).fetchall()
    return [row[0] for row in rows]
