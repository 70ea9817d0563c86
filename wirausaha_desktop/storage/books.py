"""Entries, moves and closed days of one profile's book, and the sums the figures need.

Every figure query filters on ``voided_at IS NULL`` and a profile id so that SQLite answers it
from the partial covering index ``entries_figures``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ..domain.model import Balances, Direction, Entry, Ledger, MoveKind
from ..domain.standing import FlowKey

EntryRow = tuple[str, str, str, str, int, str, str | None, str | None, str | None, str, str, str]
"""(id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind, note,
created_at, created_by): the order ``insert_entries`` takes."""

_ENTRY_COLUMNS = (
    "id, profile_id, ledger, direction, amount, date, note, category_id, move_id, move_kind,"
    " created_at, voided_at, void_reason"
)
_SIGNED = "SUM(CASE direction WHEN 'in' THEN amount ELSE -amount END)"


def _entry(row: tuple) -> Entry:
    return Entry(
        id=row[0],
        profile_id=row[1],
        ledger=Ledger(row[2]),
        direction=Direction(row[3]),
        amount=row[4],
        date=dt.date.fromisoformat(row[5]),
        note=row[6],
        category_id=row[7],
        move_id=row[8],
        move_kind=MoveKind(row[9]) if row[9] else None,
        created_at=row[10],
        voided_at=row[11],
        void_reason=row[12],
    )


def insert_entries(conn: sqlite3.Connection, rows: Iterable[EntryRow]) -> None:
    conn.executemany(
        "INSERT INTO entries (id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind,"
        " note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def entry(conn: sqlite3.Connection, entry_id: str) -> Entry | None:
    row = conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
    return _entry(row) if row else None


def move_entries(conn: sqlite3.Connection, move_id: str) -> list[Entry]:
    rows = conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE move_id = ? ORDER BY ledger", (move_id,))
    return [_entry(row) for row in rows]


def void_entries(conn: sqlite3.Connection, ids: Sequence[str], at: str, by: str, reason: str) -> None:
    conn.executemany(
        "UPDATE entries SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
        [(at, by, reason, entry_id) for entry_id in ids],
    )


def recent_entries(
    conn: sqlite3.Connection, profile_id: str, ledger: Ledger, limit: int, include_voided: bool
) -> list[Entry]:
    voided = "" if include_voided else "AND voided_at IS NULL"
    rows = conn.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE profile_id = ? AND ledger = ? {voided}"
        " ORDER BY date DESC, created_at DESC, rowid DESC LIMIT ?",
        (profile_id, ledger.value, limit),
    )
    return [_entry(row) for row in rows]


def entries_between(conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date) -> list[Entry]:
    """Every live entry of the profile in [start, end], oldest first (export, reports)."""
    rows = conn.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE profile_id = ? AND voided_at IS NULL"
        " AND date BETWEEN ? AND ? ORDER BY date, created_at, rowid",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return [_entry(row) for row in rows]


def entry_date_range(conn: sqlite3.Connection, profile_id: str) -> tuple[dt.date, dt.date] | None:
    first, last = conn.execute(
        "SELECT min(date), max(date) FROM entries WHERE profile_id = ? AND voided_at IS NULL", (profile_id,)
    ).fetchone()
    return (dt.date.fromisoformat(first), dt.date.fromisoformat(last)) if first else None


class IdUse(NamedTuple):
    """Where an id is already used: as the id of an ``entry`` (no move), of a move's ``half``, or
    as a ``move`` id; by which profile; and the entry's rowid (an import's own rows are those
    above the largest rowid before it began)."""

    profile_id: str
    kind: str
    rowid: int


def id_uses(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[IdUse]]:
    """Every use of each of ``ids`` as an entry id or a move id (a move's id is found once per half)."""
    uses: dict[str, list[IdUse]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for found, profile_id, kind, rowid in conn.execute(
            "SELECT id, profile_id, CASE WHEN move_id IS NULL THEN 'entry' ELSE 'half' END, rowid"
            f" FROM entries WHERE id IN ({marks})"
            f" UNION ALL SELECT move_id, profile_id, 'move', rowid FROM entries WHERE move_id IN ({marks})",
            chunk + chunk,
        ):
            uses.setdefault(found, []).append(IdUse(profile_id, kind, rowid))
    return uses


def last_entry_rowid(conn: sqlite3.Connection) -> int:
    """The largest rowid of ``entries`` (0 when empty): rows inserted after this call get larger ones."""
    return int(conn.execute("SELECT coalesce(max(rowid), 0) FROM entries").fetchone()[0])


def has_start_capital(conn: sqlite3.Connection, profile_id: str) -> bool:
    """Whether the profile's book holds a live *Modal awal* (declared once, DESIGN §2)."""
    row = conn.execute(
        "SELECT 1 FROM entries WHERE profile_id = ? AND move_kind = 'start_capital' AND voided_at IS NULL LIMIT 1",
        (profile_id,),
    ).fetchone()
    return row is not None


def balances(conn: sqlite3.Connection, profile_id: str, before: dt.date | None = None) -> Balances:
    """Balance of each ledger over every live entry, or over those dated before ``before``."""
    limit = "AND date < ?" if before else ""
    params: tuple = (profile_id, before.isoformat()) if before else (profile_id,)
    sums = dict(
        conn.execute(
            f"SELECT ledger, {_SIGNED} FROM entries WHERE profile_id = ? AND voided_at IS NULL {limit} GROUP BY ledger",
            params,
        ).fetchall()
    )
    return Balances(business=sums.get("business") or 0, personal=sums.get("personal") or 0)


def has_live_move(conn: sqlite3.Connection, profile_id: str, ledger: Ledger, direction: Direction, kind: str) -> bool:
    """Whether one live half of a move of ``kind`` is in the book: from the kept day totals (a row
    there exists only while it holds live entries), not a sum over every entry (~15 ms on 20,000)."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM day_totals WHERE profile_id = ? AND ledger = ? AND direction = ?"
        " AND is_move = 1 AND what = ?)",
        (profile_id, ledger.value, direction.value, kind),
    ).fetchone()
    return bool(row[0])


def flow_totals(
    conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date
) -> dict[FlowKey, tuple[int, int]]:
    """Sum and count of live entries in [start, end] by ledger, direction and flow or move kind."""
    rows = conn.execute(
        "SELECT e.ledger, e.direction, COALESCE(c.kind, e.move_kind), SUM(e.amount), COUNT(*)"
        " FROM entries e LEFT JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date BETWEEN ? AND ?"
        " GROUP BY e.ledger, e.direction, 3",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return {(Ledger(r[0]), Direction(r[1]), r[2]): (r[3], r[4]) for r in rows}


def category_totals(
    conn: sqlite3.Connection, profile_id: str, ledger: Ledger, direction: Direction, start: dt.date, end: dt.date
) -> list[tuple[str, str, int]]:
    """(category id, name, total) of one ledger and direction in [start, end], largest first."""
    rows = conn.execute(
        "SELECT c.id, c.name, SUM(e.amount) FROM entries e JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date BETWEEN ? AND ?"
        " AND e.ledger = ? AND e.direction = ? GROUP BY c.id ORDER BY 3 DESC, c.name",
        (profile_id, start.isoformat(), end.isoformat(), ledger.value, direction.value),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def daily_flow_totals(
    conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date
) -> list[tuple[dt.date, Ledger, Direction, str, int, int]]:
    """Per day: (date, ledger, direction, kind, sum, count) of live entries in [start, end]."""
    rows = conn.execute(
        "SELECT e.date, e.ledger, e.direction, COALESCE(c.kind, e.move_kind), SUM(e.amount), COUNT(*)"
        " FROM entries e LEFT JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date BETWEEN ? AND ?"
        " GROUP BY e.date, e.ledger, e.direction, 4 ORDER BY e.date",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return [(dt.date.fromisoformat(r[0]), Ledger(r[1]), Direction(r[2]), r[3], r[4], r[5]) for r in rows]


def operating_total(conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date) -> int:
    row = conn.execute(
        "SELECT SUM(e.amount) FROM entries e JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date BETWEEN ? AND ? AND c.kind = 'operating'",
        (profile_id, start.isoformat(), end.isoformat()),
    ).fetchone()
    return int(row[0] or 0)


def recorded_dates(conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date) -> frozenset[dt.date]:
    rows = conn.execute(
        "SELECT DISTINCT date FROM entries WHERE profile_id = ? AND voided_at IS NULL AND date BETWEEN ? AND ?",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return frozenset(dt.date.fromisoformat(r[0]) for r in rows)


def closed_dates(conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date) -> frozenset[dt.date]:
    rows = conn.execute(
        "SELECT date FROM closed_days WHERE profile_id = ? AND date BETWEEN ? AND ?",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return frozenset(dt.date.fromisoformat(r[0]) for r in rows)


def add_closed_day(conn: sqlite3.Connection, profile_id: str, day: dt.date, at: str) -> bool:
    cursor = conn.execute(
        "INSERT OR IGNORE INTO closed_days (profile_id, date, marked_at) VALUES (?, ?, ?)",
        (profile_id, day.isoformat(), at),
    )
    return cursor.rowcount > 0


def remove_closed_day(conn: sqlite3.Connection, profile_id: str, day: dt.date) -> bool:
    cursor = conn.execute("DELETE FROM closed_days WHERE profile_id = ? AND date = ?", (profile_id, day.isoformat()))
    return cursor.rowcount > 0


def amounts_by_choice(
    conn: sqlite3.Connection, profile_id: str, ledger: Ledger, direction: Direction, since: dt.date
) -> dict[str, list[int]]:
    """Her live amounts of one ledger and direction since ``since``, by category id or move kind
    (to ask "Benar Rp…?" on an amount far above her usual); read from the covering index."""
    rows = conn.execute(
        "SELECT coalesce(category_id, move_kind), amount FROM entries WHERE profile_id = ? AND date >= ?"
        " AND ledger = ? AND direction = ? AND voided_at IS NULL",
        (profile_id, since.isoformat(), ledger.value, direction.value),
    )
    found: dict[str, list[int]] = {}
    for choice, amount in rows:
        found.setdefault(choice, []).append(amount)
    return found


# -- many profiles at once (the mentor's caseload: one query per figure, not one per profile) ------

_CHUNK = 400
_LEDGERS = {ledger.value: ledger for ledger in Ledger}
_DIRECTIONS = {direction.value: direction for direction in Direction}


def _chunks(ids: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        yield chunk, ",".join("?" * len(chunk))


def ledger_balances_many(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Balances]:
    """Each profile's balances over every live entry, from the table the triggers keep (migration 5)."""
    sums: dict[str, dict[str, int]] = {pid: {} for pid in ids}
    for chunk, marks in _chunks(ids):
        for profile_id, ledger, balance in conn.execute(
            f"SELECT profile_id, ledger, balance FROM ledger_balances WHERE profile_id IN ({marks})", chunk
        ):
            sums[profile_id][ledger] = balance
    return {pid: Balances(sums[pid].get("business", 0), sums[pid].get("personal", 0)) for pid in ids}


def signed_after_many(conn: sqlite3.Connection, ids: Sequence[str], day: dt.date) -> dict[str, Balances]:
    """Each profile's live entries dated after ``day`` (none, unless the PC's clock went back)."""
    sums: dict[str, dict[str, int]] = {pid: {} for pid in ids}
    for chunk, marks in _chunks(ids):
        for profile_id, ledger, total in conn.execute(
            # Without the hint the planner picks entries_balance (no date in it) and reads every entry.
            f"SELECT profile_id, ledger, {_SIGNED} FROM entries INDEXED BY entries_figures"
            f" WHERE profile_id IN ({marks}) AND voided_at IS NULL AND date > ? GROUP BY profile_id, ledger",
            [*chunk, day.isoformat()],
        ):
            sums[profile_id][ledger] = total or 0
    return {pid: Balances(sums[pid].get("business", 0), sums[pid].get("personal", 0)) for pid in ids}


def flow_totals_many(
    conn: sqlite3.Connection, ids: Sequence[str], start: dt.date, end: dt.date, split: dt.date | None = None
) -> tuple[dict[str, dict[FlowKey, tuple[int, int]]], dict[str, dict[FlowKey, tuple[int, int]]]]:
    """Per profile, the flows of [start, split) and of [split, end] (or all of [start, end] in the
    second when ``split`` is None), from the per-day totals the triggers keep (migration 6): a few
    rows per book-day instead of every entry."""
    first: dict[str, dict[FlowKey, tuple[int, int]]] = {pid: {} for pid in ids}
    second: dict[str, dict[FlowKey, tuple[int, int]]] = {pid: {} for pid in ids}
    cut = (split or start).isoformat()
    # Summed per category id here and mapped to flow kinds in Python: no join per row.
    kinds = dict(conn.execute("SELECT id, kind FROM categories").fetchall())
    for chunk, marks in _chunks(ids):
        for pid, later, ledger, direction, is_move, what, total, count in conn.execute(
            "SELECT profile_id, date >= ?, ledger, direction, is_move, what, SUM(total), SUM(entries)"
            f" FROM day_totals WHERE profile_id IN ({marks}) AND date BETWEEN ? AND ?"
            " GROUP BY profile_id, 2, ledger, direction, is_move, what",
            [cut, *chunk, start.isoformat(), end.isoformat()],
        ):
            key = (_LEDGERS[ledger], _DIRECTIONS[direction], what if is_move else kinds[what])
            into = (second if later else first)[pid]
            so_far = into.get(key, (0, 0))
            into[key] = (so_far[0] + total, so_far[1] + count)
    return first, second


def dates_many(
    conn: sqlite3.Connection, ids: Sequence[str], start: dt.date, end: dt.date, closed: bool
) -> dict[str, frozenset[dt.date]]:
    """Days with a live entry (or, with ``closed``, days marked closed) per profile in [start, end]."""
    table = "closed_days" if closed else "day_totals"  # a day_totals row exists only while it holds entries
    found: dict[str, set[dt.date]] = {pid: set() for pid in ids}
    for chunk, marks in _chunks(ids):
        for pid, day in conn.execute(
            f"SELECT DISTINCT profile_id, date FROM {table} WHERE profile_id IN ({marks}) AND date BETWEEN ? AND ?",
            [*chunk, start.isoformat(), end.isoformat()],
        ):
            found[pid].add(dt.date.fromisoformat(day))
    return {pid: frozenset(days) for pid, days in found.items()}


def operating_totals_many(conn: sqlite3.Connection, ids: Sequence[str], start: dt.date, end: dt.date) -> dict[str, int]:
    found = dict.fromkeys(ids, 0)
    for chunk, marks in _chunks(ids):
        for pid, total in conn.execute(
            "SELECT d.profile_id, SUM(d.total) FROM day_totals d JOIN categories c ON c.id = d.what"
            f" WHERE d.profile_id IN ({marks}) AND d.date BETWEEN ? AND ? AND d.is_move = 0"
            " AND c.kind = 'operating' GROUP BY d.profile_id",
            [*chunk, start.isoformat(), end.isoformat()],
        ):
            found[pid] = int(total or 0)
    return found


def last_entry_dates(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dt.date | None]:
    """The date of each profile's latest live entry (None: she never recorded anything). One
    query per profile: each is a single step down the covering index, where a grouped query over
    all of them would read every entry."""
    found: dict[str, dt.date | None] = {}
    for pid in ids:
        day = conn.execute(
            "SELECT MAX(date) FROM entries WHERE profile_id = ? AND voided_at IS NULL", (pid,)
        ).fetchone()[0]
        found[pid] = dt.date.fromisoformat(day) if day else None
    return found


def daily_category_spending(
    conn: sqlite3.Connection, profile_id: str, start: dt.date, end: dt.date
) -> list[tuple[dt.date, str, str, int]]:
    """Per day and category: (date, category id, name, total) of live business operating costs."""
    rows = conn.execute(
        "SELECT e.date, c.id, c.name, SUM(e.amount) FROM entries e JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date BETWEEN ? AND ? AND e.ledger = 'business'"
        " AND e.direction = 'out' AND c.kind = 'operating' GROUP BY e.date, c.id ORDER BY e.date",
        (profile_id, start.isoformat(), end.isoformat()),
    )
    return [(dt.date.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]


def last_business_spending(conn: sqlite3.Connection, profile_id: str, end: dt.date) -> dict[str, dt.date]:
    """Category name → the last day up to ``end`` with live business money out in it, ever (the
    packaging and promotion tips). One row per category: the covering index answers it."""
    rows = conn.execute(
        "SELECT c.name, MAX(e.date) FROM entries e JOIN categories c ON c.id = e.category_id"
        " WHERE e.profile_id = ? AND e.voided_at IS NULL AND e.date <= ? AND e.ledger = 'business'"
        " AND e.direction = 'out' GROUP BY c.id",
        (profile_id, end.isoformat()),
    )
    return {r[0]: dt.date.fromisoformat(r[1]) for r in rows}
