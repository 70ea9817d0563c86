"""The book file: one profile's whole book in its own small SQLite file, and its merge into a kiosk.

The file is written with sqlite-utils (explicit STRICT tables, ``insert_all``) and merged with
``upsert_all`` by id, inside the caller's one transaction: the kiosk's triggers keep
``ledger_balances`` and ``day_totals`` right on every inserted or voided entry. sqlite-utils is
imported inside the functions that use it, never at module level (DESIGN §7: ~0,3 s at import).

A file is looked at through a read-only, ``immutable`` connection, so that reading a book file,
even a foreign or damaged one, writes nothing beside it. The format is ``docs/contracts.md``'s
"Book file".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.problems import Problem
from .database import APPLICATION_ID, KIOSK_TABLES, SQLITE_MAGIC, fsync_folder, open_copy

if TYPE_CHECKING:
    from sqlite_utils import Database

BOOK_APPLICATION_ID = 0x5742554B  # "WBUK" in the file header: a book file, not a kiosk
Row = dict[str, Any]
Tables = dict[str, list[Row]]


@dataclass(frozen=True)
class TableSpec:
    """One table of the book file: its columns in order (name → SQLite type), the nullable ones
    and its primary key."""

    name: str
    columns: tuple[tuple[str, str], ...]
    nullable: frozenset[str]
    pk: tuple[str, ...] = ("id",)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _type in self.columns)


def _spec(name: str, columns: str, nullable: str = "", pk: tuple[str, ...] = ("id",)) -> TableSpec:
    pairs = tuple((part.split(":")[0], part.split(":")[1]) for part in columns.split())
    return TableSpec(name, pairs, frozenset(nullable.split()), pk)


TABLES: tuple[TableSpec, ...] = (
    _spec(
        "profile",
        "id:TEXT name:TEXT business:TEXT pin_salt:BLOB pin_hash:BLOB created_at:TEXT consent_at:TEXT"
        " consent_method:TEXT",
        "consent_at consent_method",
    ),
    _spec("categories", "id:TEXT name:TEXT ledger:TEXT kind:TEXT sort_order:INTEGER"),
    _spec(
        "entries",
        "id:TEXT profile_id:TEXT ledger:TEXT direction:TEXT amount:INTEGER date:TEXT category_id:TEXT move_id:TEXT"
        " move_kind:TEXT note:TEXT created_at:TEXT created_by:TEXT voided_at:TEXT voided_by:TEXT void_reason:TEXT",
        "category_id move_id move_kind voided_at voided_by void_reason",
    ),
    _spec("closed_days", "profile_id:TEXT date:TEXT marked_at:TEXT", pk=("profile_id", "date")),
    _spec("mentors", "id:TEXT name:TEXT"),
    _spec(
        "coaching_sessions",
        "id:TEXT profile_id:TEXT mentor_id:TEXT held_on:TEXT started_at:TEXT notes:TEXT message:TEXT snapshot:TEXT"
        " next_session:TEXT",
        "next_session",
    ),
    _spec(
        "goals",
        "id:TEXT profile_id:TEXT session_id:TEXT kind:TEXT target:INTEGER per:TEXT category:TEXT text:TEXT"
        " set_on:TEXT due:TEXT closed_at:TEXT closed_note:TEXT",
        "target per category closed_at closed_note",
    ),
    _spec(
        "access_log",
        "id:TEXT profile_id:TEXT at:TEXT actor_role:TEXT actor_id:TEXT actor_name:TEXT action:TEXT channel:TEXT",
        "actor_id",
    ),
)
SPECS = {spec.name: spec for spec in TABLES}
MANIFEST = "manifest"


def _database(conn: sqlite3.Connection) -> Database:
    from sqlite_utils import Database

    # No plugins, no recursive triggers: the kiosk's connection keeps the settings it was opened with.
    return Database(conn, recursive_triggers=False, execute_plugins=False)


# -- reading one book out of the kiosk ----------------------------------------------------------


def book_rows(conn: sqlite3.Connection, profile_id: str) -> Tables:
    """Every row of her book, each table ordered by its primary key; categories and mentors are
    those her entries and sessions name."""
    db = _database(conn)

    def rows(sql: str) -> list[Row]:
        return list(db.query(sql, {"pid": profile_id}))

    def columns(table: str) -> str:
        return ", ".join(SPECS[table].names)

    return {
        "profile": rows(f"SELECT {columns('profile')} FROM profiles WHERE id = :pid"),
        "categories": rows(
            "SELECT id, name, ledger, kind, sort_order FROM categories"
            " WHERE id IN (SELECT category_id FROM entries WHERE profile_id = :pid) ORDER BY id"
        ),
        "entries": rows(f"SELECT {columns('entries')} FROM entries WHERE profile_id = :pid ORDER BY id"),
        "closed_days": rows(f"SELECT {columns('closed_days')} FROM closed_days WHERE profile_id = :pid ORDER BY date"),
        "mentors": rows(
            "SELECT id, name FROM staff WHERE id IN"
            " (SELECT mentor_id FROM coaching_sessions WHERE profile_id = :pid) ORDER BY id"
        ),
        "coaching_sessions": rows(
            f"SELECT {columns('coaching_sessions')} FROM coaching_sessions WHERE profile_id = :pid ORDER BY id"
        ),
        "goals": rows(f"SELECT {columns('goals')} FROM goals WHERE profile_id = :pid ORDER BY id"),
        "access_log": rows(f"SELECT {columns('access_log')} FROM access_log WHERE profile_id = :pid ORDER BY id"),
    }


# -- the file ---------------------------------------------------------------------------------


def write_book_file(
    target: Path,
    manifest: Mapping[str, str],
    tables: Tables,
    verify: Callable[[Path], None],
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the file under ``.partial``, let ``verify`` read it back, then rename it into place.

    Whatever goes wrong, the partial file is removed and ``target`` is as it was."""
    from sqlite_utils import Database

    partial = target.with_name(target.name + ".partial")
    total = max(sum(len(rows) for rows in tables.values()), 1)
    done = 0
    try:
        partial.unlink(missing_ok=True)
        db = Database(partial, recursive_triggers=False, execute_plugins=False)
        try:
            db.execute(f"PRAGMA application_id = {BOOK_APPLICATION_ID}")
            with db.atomic():
                db.table(MANIFEST).create({"key": str, "value": str}, pk="key", not_null={"key", "value"}, strict=True)
                db.table(MANIFEST).insert_all([{"key": k, "value": v} for k, v in manifest.items()])
                for spec in TABLES:
                    _create(db, spec)
                    db.table(spec.name).insert_all(tables.get(spec.name, []), batch_size=500)
                    done += len(tables.get(spec.name, []))
                    if progress:
                        progress(done, total)
        finally:
            db.close()
        verify(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


def _create(db: Database, spec: TableSpec) -> None:
    types = {"TEXT": str, "INTEGER": int, "BLOB": bytes}
    columns = {name: types[kind] for name, kind in spec.columns}
    not_null = {name for name in spec.names if name not in spec.nullable}
    pk: str | tuple[str, ...] = spec.pk[0] if len(spec.pk) == 1 else spec.pk
    db.table(spec.name).create(columns, pk=pk, not_null=not_null, strict=True)


@dataclass(frozen=True)
class BookFile:
    """A book file opened read-only: its manifest, and its tables read on demand."""

    path: Path
    manifest: Mapping[str, str]
    conn: sqlite3.Connection

    def tables(self, progress: Callable[[int, int], None] | None = None) -> Tables | Problem:
        """Every table of the format, each ordered by its primary key; ``book_invalid`` when a
        table or column is missing or a value has the wrong type."""
        db = _database(self.conn)
        found: Tables = {}
        try:
            total = max(sum(db.table(spec.name).count for spec in TABLES), 1)
            done = 0
            for spec in TABLES:
                order = ", ".join(spec.pk)
                found[spec.name] = list(db.table(spec.name).rows_where(select=", ".join(spec.names), order_by=order))
                done += len(found[spec.name])
                if progress:
                    progress(done, total)
        except sqlite3.Error:
            return Problem.of("book_invalid", path=str(self.path), what="tables")
        for spec in TABLES:
            if not all(_typed(row, spec) for row in found[spec.name]):
                return Problem.of("book_invalid", path=str(self.path), what=spec.name)
        return found

    def close(self) -> None:
        self.conn.close()


def _typed(row: Row, spec: TableSpec) -> bool:
    types = {"TEXT": str, "INTEGER": int, "BLOB": bytes}
    for name, kind in spec.columns:
        value = row[name]
        if value is None:
            if name not in spec.nullable:
                return False
        elif type(value) is not types[kind]:
            return False
    return True


def open_book_file(path: Path) -> BookFile | Problem:
    """Recognise a book file without writing anything: not a file, not SQLite, the kiosk file,
    another database, or damaged is a problem; else its manifest (the caller checks the version
    before reading the tables)."""
    try:
        if path.is_dir() or not path.exists():
            return Problem.of("file_unreadable", path=str(path))
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return Problem.of("file_unreadable", path=str(path))
    if not header.startswith(SQLITE_MAGIC):
        return Problem.of("book_not_book", path=str(path))
    try:
        conn = open_copy(path)
    except sqlite3.Error:
        return Problem.of("book_not_book", path=str(path))
    try:
        application = int(conn.execute("PRAGMA application_id").fetchone()[0])
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        if application == APPLICATION_ID or names >= KIOSK_TABLES:
            conn.close()
            return Problem.of("book_is_kiosk", path=str(path))
        if application != BOOK_APPLICATION_ID or MANIFEST not in names:
            conn.close()
            return Problem.of("book_not_book", path=str(path))
        if [str(row[0]) for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
            conn.close()
            return Problem.of("book_tampered", path=str(path))
        manifest = {str(k): str(v) for k, v in conn.execute(f"SELECT key, value FROM {MANIFEST}")}
    except sqlite3.Error:
        conn.close()
        return Problem.of("book_tampered", path=str(path))
    return BookFile(path, manifest, conn)


def holds_a_kiosk(path: Path) -> bool:
    """Whether writing ``path`` would replace a kiosk file (the live one, a backup copy) or the
    side files SQLite keeps beside one: an export is never written over those."""
    for suffix in ("-wal", "-shm", "-journal"):
        if path.name.endswith(suffix):
            return holds_a_kiosk(path.with_name(path.name.removesuffix(suffix)))
    found = open_book_file(path)
    if isinstance(found, BookFile):
        found.close()
        return False
    return found.code == "book_is_kiosk"


# -- what the kiosk holds already ----------------------------------------------------------------


def rows_by_id(conn: sqlite3.Connection, table: str, ids: Sequence[str]) -> dict[str, Row]:
    """The kiosk's rows of ``table`` (a book table of the same name) with these ids, any profile."""
    names = ", ".join(SPECS[table].names)
    found: dict[str, Row] = {}
    db = _database(conn)
    for start in range(0, len(ids), 400):
        chunk = list(ids[start : start + 400])
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT {names} FROM {table} WHERE id IN ({marks})", chunk):
            found[row["id"]] = row
    return found


def closed_days_of(conn: sqlite3.Connection, profile_id: str) -> dict[str, Row]:
    db = _database(conn)
    rows = db.query("SELECT profile_id, date, marked_at FROM closed_days WHERE profile_id = ?", [profile_id])
    return {row["date"]: row for row in rows}


def profile_row(conn: sqlite3.Connection, profile_id: str) -> Row | None:
    names = ", ".join(SPECS["profile"].names)
    return next(iter(_database(conn).query(f"SELECT {names} FROM profiles WHERE id = ?", [profile_id])), None)


def profile_id_by_name_key(conn: sqlite3.Connection, name_key: str) -> str | None:
    row = conn.execute("SELECT id FROM profiles WHERE name_key = ?", (name_key,)).fetchone()
    return str(row[0]) if row else None


def categories(conn: sqlite3.Connection) -> list[Row]:
    return list(_database(conn).query("SELECT id, name, name_key, ledger, kind FROM categories"))


def staff_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in conn.execute(f"SELECT id FROM staff WHERE id IN ({marks})", chunk))
    return found


# -- writing the merge (inside the caller's transaction) -----------------------------------------


def insert_profile(conn: sqlite3.Connection, row: Row, name_key: str) -> None:
    _database(conn).table("profiles").insert({**row, "name_key": name_key})


def set_consent(conn: sqlite3.Connection, profile_id: str, at: str, method: str) -> None:
    conn.execute("UPDATE profiles SET consent_at = ?, consent_method = ? WHERE id = ?", (at, method, profile_id))


def insert_categories(conn: sqlite3.Connection, rows: Iterable[Row], name_key: Callable[[str], str]) -> None:
    _database(conn).table("categories").insert_all(
        [{**row, "name_key": name_key(row["name"]), "builtin": 0} for row in rows]
    )


def insert_absent_mentors(conn: sqlite3.Connection, rows: Iterable[Row], at: str) -> None:
    """Mentors named by her sessions, kept here by name only: no PIN (an empty hash never matches),
    so nobody can sign in as them at this kiosk, and no assignment."""
    _database(conn).table("staff").insert_all(
        [
            {"id": row["id"], "role": "mentor", "name": row["name"], "pin_salt": b"", "pin_hash": b"", "created_at": at}
            for row in rows
        ]
    )


def upsert_rows(conn: sqlite3.Connection, table: str, rows: Sequence[Row]) -> None:
    """Rows new to the kiosk are inserted (the triggers add each live entry to the kept totals),
    rows it holds are updated to the merged values (a void carried over: the triggers take it out)."""
    if rows:
        spec = SPECS[table]
        pk: str | tuple[str, ...] = spec.pk[0] if len(spec.pk) == 1 else spec.pk
        _database(conn).table(table).upsert_all(rows, pk=pk, batch_size=200)
