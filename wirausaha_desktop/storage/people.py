"""Profiles, staff, categories and settings: rows in, values out."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..domain.categories import category_key
from ..domain.model import AccessAction, AccessRecord, Category, FlowKind, Ledger, Profile, Role

_PROFILE_COLUMNS = "id, name, business, created_at, consent_at, consent_method"


@dataclass(frozen=True)
class PinRecord:
    """What is needed to check a PIN and apply the lock-out; never leaves storage/services."""

    id: str
    salt: bytes
    hash: bytes
    failed: int
    locked_until: str | None
    lockouts: int = 0  # lock-outs in a row since her last good PIN (each one lasts longer)


def _profile(row: tuple) -> Profile:
    return Profile(*row)


def insert_profile(conn: sqlite3.Connection, profile: Profile, salt: bytes, pin_hash: bytes) -> None:
    conn.execute(
        "INSERT INTO profiles (id, name, name_key, business, pin_salt, pin_hash, created_at, consent_at,"
        " consent_method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            profile.id,
            profile.name,
            category_key(profile.name),
            profile.business,
            salt,
            pin_hash,
            profile.created_at,
            profile.consent_at,
            profile.consent_method,
        ),
    )


def profile(conn: sqlite3.Connection, profile_id: str) -> Profile | None:
    row = conn.execute(f"SELECT {_PROFILE_COLUMNS} FROM profiles WHERE id = ?", (profile_id,)).fetchone()
    return _profile(row) if row else None


def profile_by_name(conn: sqlite3.Connection, name: str) -> Profile | None:
    row = conn.execute(f"SELECT {_PROFILE_COLUMNS} FROM profiles WHERE name_key = ?", (category_key(name),)).fetchone()
    return _profile(row) if row else None


def profiles(conn: sqlite3.Connection) -> list[Profile]:
    rows = conn.execute(f"SELECT {_PROFILE_COLUMNS} FROM profiles ORDER BY name_key").fetchall()
    return [_profile(row) for row in rows]


def profile_pin(conn: sqlite3.Connection, profile_id: str) -> PinRecord | None:
    row = conn.execute(
        "SELECT id, pin_salt, pin_hash, failed_pins, locked_until, lockouts FROM profiles WHERE id = ?", (profile_id,)
    ).fetchone()
    return PinRecord(*row) if row else None


def set_profile_lock(
    conn: sqlite3.Connection, profile_id: str, failed: int, locked_until: str | None, lockouts: int
) -> None:
    conn.execute(
        "UPDATE profiles SET failed_pins = ?, locked_until = ?, lockouts = ? WHERE id = ?",
        (failed, locked_until, lockouts, profile_id),
    )


def set_consent(conn: sqlite3.Connection, profile_id: str, at: str, method: str) -> None:
    conn.execute("UPDATE profiles SET consent_at = ?, consent_method = ? WHERE id = ?", (at, method, profile_id))


def insert_staff(
    conn: sqlite3.Connection, staff_id: str, role: Role, name: str, salt: bytes, pin_hash: bytes, at: str
) -> None:
    conn.execute(
        "INSERT INTO staff (id, role, name, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (staff_id, role.value, name, salt, pin_hash, at),
    )


def staff_pins(conn: sqlite3.Connection, role: Role) -> list[PinRecord]:
    rows = conn.execute(
        "SELECT id, pin_salt, pin_hash, failed_pins, locked_until, lockouts FROM staff WHERE role = ?"
        " ORDER BY created_at",
        (role.value,),
    ).fetchall()
    return [PinRecord(*row) for row in rows]


def set_staff_lock(
    conn: sqlite3.Connection, staff_id: str, failed: int, locked_until: str | None, lockouts: int
) -> None:
    conn.execute(
        "UPDATE staff SET failed_pins = ?, locked_until = ?, lockouts = ? WHERE id = ?",
        (failed, locked_until, lockouts, staff_id),
    )


def categories(conn: sqlite3.Connection) -> list[Category]:
    rows = conn.execute(
        "SELECT id, name, ledger, kind, sort_order FROM categories ORDER BY ledger, sort_order, name_key"
    ).fetchall()
    return [Category(row[0], row[1], Ledger(row[2]), FlowKind(row[3]), row[4]) for row in rows]


def insert_categories(conn: sqlite3.Connection, new: Iterable[Category]) -> None:
    conn.executemany(
        "INSERT INTO categories (id, name, name_key, ledger, kind, sort_order, builtin) VALUES (?, ?, ?, ?, ?, ?, 0)",
        [(c.id, c.name, category_key(c.name), c.ledger.value, c.kind.value, c.sort_order) for c in new],
    )


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def insert_access(
    conn: sqlite3.Connection, record_id: str, profile_id: str, record: AccessRecord, actor_id: str | None
) -> None:
    conn.execute(
        "INSERT INTO access_log (id, profile_id, at, actor_role, actor_id, actor_name, action, channel)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record_id,
            profile_id,
            record.at,
            record.role.value,
            actor_id,
            record.who,
            record.action.value,
            record.channel,
        ),
    )


def access_records(conn: sqlite3.Connection, profile_id: str, limit: int) -> list[AccessRecord]:
    rows = conn.execute(
        "SELECT at, actor_role, actor_name, action, channel FROM access_log WHERE profile_id = ?"
        " ORDER BY at DESC LIMIT ?",
        (profile_id, limit),
    ).fetchall()
    return [AccessRecord(at, Role(role), who, AccessAction(action), channel) for at, role, who, action, channel in rows]


def reset_profile_pin(conn: sqlite3.Connection, profile_id: str, salt: bytes | None, pin_hash: bytes | None) -> None:
    """Lift the lock-out (and, given a new hash, replace the PIN)."""
    if salt is not None and pin_hash is not None:
        conn.execute("UPDATE profiles SET pin_salt = ?, pin_hash = ? WHERE id = ?", (salt, pin_hash, profile_id))
    conn.execute("UPDATE profiles SET failed_pins = 0, lockouts = 0, locked_until = NULL WHERE id = ?", (profile_id,))


def reset_staff_pin(conn: sqlite3.Connection, staff_id: str, salt: bytes | None, pin_hash: bytes | None) -> None:
    """A mentor's lock-out lifted (and, given a new hash, her PIN replaced)."""
    if salt is not None and pin_hash is not None:
        conn.execute("UPDATE staff SET pin_salt = ?, pin_hash = ? WHERE id = ?", (salt, pin_hash, staff_id))
    conn.execute("UPDATE staff SET failed_pins = 0, lockouts = 0, locked_until = NULL WHERE id = ?", (staff_id,))


def staff_name(conn: sqlite3.Connection, staff_id: str) -> str | None:
    row = conn.execute("SELECT name FROM staff WHERE id = ?", (staff_id,)).fetchone()
    return str(row[0]) if row else None


def operator_pin_in_copy(conn: sqlite3.Connection) -> tuple[bytes, bytes] | None:
    """The operator's (salt, hash) in a backup copy of any schema version (version 1 had no staff)."""
    try:
        row = conn.execute(
            "SELECT pin_salt, pin_hash FROM staff WHERE role = 'operator' ORDER BY created_at"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return (bytes(row[0]), bytes(row[1])) if row else None


def staff_pin(conn: sqlite3.Connection, staff_id: str) -> PinRecord | None:
    row = conn.execute(
        "SELECT id, pin_salt, pin_hash, failed_pins, locked_until, lockouts FROM staff WHERE id = ?", (staff_id,)
    ).fetchone()
    return PinRecord(*row) if row else None


def has_access_since(conn: sqlite3.Connection, profile_id: str, actor_id: str | None, action: str, since: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM access_log WHERE profile_id = ? AND actor_id IS ? AND action = ? AND at >= ? LIMIT 1",
        (profile_id, actor_id, action, since),
    ).fetchone()
    return row is not None


def accessed_since(conn: sqlite3.Connection, actor_id: str | None, action: str, since: str) -> set[str]:
    """The profiles whose access log has ``action`` by this actor since ``since`` (one query)."""
    rows = conn.execute(
        "SELECT DISTINCT profile_id FROM access_log WHERE actor_id IS ? AND action = ? AND at >= ?",
        (actor_id, action, since),
    ).fetchall()
    return {row[0] for row in rows}


def profiles_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Profile]:
    found: dict[str, Profile] = {}
    for start in range(0, len(ids), 400):
        chunk = list(ids[start : start + 400])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {_PROFILE_COLUMNS} FROM profiles WHERE id IN ({marks})", chunk):
            found[row[0]] = _profile(row)
    return found
