"""Coaching sessions and their goals: rows in, values out."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SessionRow:
    id: str
    profile_id: str
    mentor_id: str
    held_on: dt.date
    started_at: str
    notes: str
    message: str
    snapshot: str  # JSON: the indicators at that moment
    next_session: dt.date | None


@dataclass(frozen=True)
class GoalRow:
    id: str
    profile_id: str
    session_id: str
    kind: str
    target: int | None
    per: str | None
    category: str | None
    text: str
    set_on: dt.date
    due: dt.date
    closed_at: str | None


_SESSION = "id, profile_id, mentor_id, held_on, started_at, notes, message, snapshot, next_session"
_GOAL = "id, profile_id, session_id, kind, target, per, category, text, set_on, due, closed_at"


def _session(row: tuple) -> SessionRow:
    values = list(row)
    values[3] = dt.date.fromisoformat(values[3])
    values[8] = dt.date.fromisoformat(values[8]) if values[8] else None
    return SessionRow(*values)


def _goal(row: tuple) -> GoalRow:
    values = list(row)
    values[8] = dt.date.fromisoformat(values[8])
    values[9] = dt.date.fromisoformat(values[9])
    return GoalRow(*values)


def insert_session(conn: sqlite3.Connection, session: SessionRow) -> None:
    conn.execute(
        f"INSERT INTO coaching_sessions ({_SESSION}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session.id,
            session.profile_id,
            session.mentor_id,
            session.held_on.isoformat(),
            session.started_at,
            session.notes,
            session.message,
            session.snapshot,
            session.next_session.isoformat() if session.next_session else None,
        ),
    )


def insert_goal(conn: sqlite3.Connection, goal: GoalRow) -> None:
    conn.execute(
        f"INSERT INTO goals ({_GOAL}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            goal.id,
            goal.profile_id,
            goal.session_id,
            goal.kind,
            goal.target,
            goal.per,
            goal.category,
            goal.text,
            goal.set_on.isoformat(),
            goal.due.isoformat(),
            goal.closed_at,
        ),
    )


def sessions_of(conn: sqlite3.Connection, profile_id: str) -> list[SessionRow]:
    rows = conn.execute(
        f"SELECT {_SESSION} FROM coaching_sessions WHERE profile_id = ? ORDER BY held_on DESC, started_at DESC",
        (profile_id,),
    ).fetchall()
    return [_session(row) for row in rows]


def goals_of(conn: sqlite3.Connection, profile_id: str) -> list[GoalRow]:
    rows = conn.execute(f"SELECT {_GOAL} FROM goals WHERE profile_id = ? ORDER BY due, rowid", (profile_id,)).fetchall()
    return [_goal(row) for row in rows]


def latest_sessions(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, SessionRow]:
    """Each profile's most recent session (for the caseload's next-session date)."""
    found: dict[str, SessionRow] = {}
    for start in range(0, len(ids), 400):
        chunk = list(ids[start : start + 400])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {_SESSION} FROM coaching_sessions WHERE profile_id IN ({marks}) ORDER BY held_on, started_at",
            chunk,
        ):
            session = _session(row)
            found[session.profile_id] = session  # ordered oldest first: the last one wins
    return found


def open_goals(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[GoalRow]]:
    found: dict[str, list[GoalRow]] = {pid: [] for pid in ids}
    for start in range(0, len(ids), 400):
        chunk = list(ids[start : start + 400])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {_GOAL} FROM goals WHERE profile_id IN ({marks}) AND closed_at IS NULL ORDER BY due, rowid", chunk
        ):
            goal = _goal(row)
            found[goal.profile_id].append(goal)
    return found
