"""Moving a book between kiosks: one profile's whole book out to a book file, and merged back in by id.

*Export* (the operator's job, logged in her access log in the same transaction as the read) writes
her profile (with the PIN hash and salt, so she unlocks with her own PIN at the new kiosk, and her
consent), every entry with its void, her closed days, coaching sessions, goals, her access log,
and the categories and mentors those rows name. A manifest says what the file is (format name and
version, schema version, app version, when) and holds a SHA-256 over a canonical dump of every row,
so that a file altered after export is refused.

*Import* merges by id and is all or nothing, in one transaction: rows new to this kiosk are added,
a void made elsewhere is applied, nothing is duplicated or lost, and importing the same file again
changes nothing at all (not even a line in her access log). A file that is not a book file, from a
newer format or schema, altered, or whose rows clash with this kiosk's is refused before anything
is written. A verified safety copy of the kiosk is taken before the import writes. The merge rules,
and what does not travel (assignments, lock-outs), are in ``docs/contracts.md``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain import validation
from ..domain.categories import category_key
from ..domain.model import AccessAction, Actor, Ledger, MoveKind
from ..domain.problems import Problem, Refused
from ..storage import migrations
from ..storage import transfer as store
from ..storage.database import transaction
from ..storage.transfer import SPECS, TABLES, BookFile, Row, Tables
from . import access
from .changes import Changes
from .clock import Clock, stamp
from .profiles import BUSINESS_LIMIT, NAME_LIMIT

if TYPE_CHECKING:
    from .backup import BackupService
    from .kiosk import Kiosk

FORMAT = "wirausaha-book"
FORMAT_VERSION = 1
Progress = Callable[[int, int], None]
"""progress(done, total): rows read (then written) so far; total grows once the rows to write are known."""

_VOID = ("voided_at", "voided_by", "void_reason")
_GOAL_CLOSING = ("closed_at", "closed_note")
_MERGED = ("entries", "coaching_sessions", "goals", "access_log")
"""Tables merged by their ``id``; closed days by (profile, date)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    profile_id: str
    counts: Mapping[str, int]  # rows per book-file table (a move is two entries)
    records: int  # entries as people count them: a move once, voided ones included
    checksum: str


@dataclass(frozen=True)
class BookPreview:
    """What a book file holds and what importing it would do, read without writing anything.

    ``state``: ``new`` (no such profile here), ``known`` (her profile is here: the file merges into
    it) or ``clash`` (another profile here has her name: ask whether she is the same person; the
    import then needs another name)."""

    name: str
    business: str
    exported_at: str
    counts: Mapping[str, int]
    state: str


@dataclass(frozen=True)
class ImportResult:
    profile_id: str
    name: str
    new_profile: bool
    added: Mapping[str, int]  # rows new to this kiosk, per book-file table (a move is two entries)
    records: int  # entries new to this kiosk as people count them (a move once)
    voided: int  # entries live here that the file brought voided, as people count them (a move once)
    backup: Path | None  # the safety copy taken before writing (None when nothing was written)
    changes: Changes
    written: bool = True  # False: the kiosk held all of it already, and nothing was written

    @property
    def unchanged(self) -> bool:
        return not self.written


@dataclass
class _Plan:
    """What an import writes, worked out from the file and the kiosk before anything is written."""

    profile_id: str
    name: str
    new_profile: Row | None = None
    consent: tuple[str, str] | None = None
    categories: list[Row] = field(default_factory=list)
    mentors: list[Row] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=dict)  # table → rows to upsert
    added: dict[str, int] = field(default_factory=dict)
    voided: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.categories) + len(self.mentors) + sum(len(rows) for rows in self.rows.values())

    @property
    def nothing(self) -> bool:
        return self.new_profile is None and self.consent is None and not self.size


class TransferService:
    def __init__(
        self, conn: sqlite3.Connection, clock: Clock, backups: BackupService | None = None, channel: str = "app"
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._backups = backups
        self._channel = channel

    @classmethod
    def of(cls, kiosk: Kiosk) -> TransferService:
        """The service over an open kiosk; a kiosk on disk gets its safety copy before an import."""
        return cls(kiosk.conn, kiosk.clock, kiosk.backups if kiosk.path is not None else None, kiosk.channel)

    # -- export ----------------------------------------------------------------------------------
    def export_book(
        self, actor: Actor, profile_id: str, target: Path, progress: Progress | None = None
    ) -> ExportResult:
        """Her whole book into ``target`` (written whole or not at all); logged in her access log."""
        access.require_operator(actor)
        access.require_read(self._conn, actor, profile_id)
        if store.holds_a_kiosk(target):
            raise Refused(Problem.of("export_over_kiosk", path=str(target)))
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.EXPORT_BOOK, now, self._channel):
            tables = store.book_rows(self._conn, profile_id)
        manifest = {
            "format": FORMAT,
            "format_version": str(FORMAT_VERSION),
            "schema_version": str(migrations.schema_version(self._conn)),
            "app_version": __version__,
            "exported_at": now,
            "profile_id": profile_id,
        }
        manifest["checksum"] = checksum(manifest, tables)

        def verify(written: Path) -> None:  # the file reads back, whole, as what was meant
            book = store.open_book_file(written)
            if isinstance(book, Problem):
                raise Refused(Problem.of("file_unwritable", path=str(target)))
            try:
                found = book.tables()
            finally:
                book.close()
            if isinstance(found, Problem) or checksum(book.manifest, found) != manifest["checksum"]:
                raise Refused(Problem.of("file_unwritable", path=str(target)))

        try:
            store.write_book_file(target, manifest, tables, verify, progress)
        except (OSError, sqlite3.Error) as error:
            raise Refused(Problem.of("file_unwritable", path=str(target))) from error
        counts = {name: len(rows) for name, rows in tables.items()}
        return ExportResult(target, profile_id, counts, _records(tables["entries"]), manifest["checksum"])

    # -- import ----------------------------------------------------------------------------------
    def preview(self, actor: Actor, path: Path) -> BookPreview:
        """Read and check a book file, and say what importing it would do; writes nothing."""
        access.require_operator(actor)
        manifest, tables = self._read(path, None)
        profile = tables["profile"][0]
        local = store.profile_row(self._conn, profile["id"])
        if local is not None:
            state = "known"
        else:
            state = "clash" if store.profile_id_by_name_key(self._conn, category_key(profile["name"])) else "new"
        counts = {name: len(rows) for name, rows in tables.items()}
        return BookPreview(profile["name"], profile["business"], manifest["exported_at"], counts, state)

    def import_book(
        self, actor: Actor, path: Path, name: str | None = None, progress: Progress | None = None
    ) -> ImportResult:
        """Merge the book file into this kiosk by id, all or nothing.

        ``name``: the name to give her profile when it is new to this kiosk and its own name is
        taken by another profile (``book_name_clash``). A book is never merged into another
        profile's id: if she is the same person, her two books stay apart under two names."""
        access.require_operator(actor)
        manifest, tables = self._read(path, progress)
        plan = self._plan(manifest, tables, name)
        if plan.nothing:
            nothing = Changes(profile_id=plan.profile_id)
            return ImportResult(plan.profile_id, plan.name, False, {}, 0, 0, None, nothing, written=False)
        backup = self._safety_copy()
        read = sum(len(rows) for rows in tables.values())
        with transaction(self._conn):
            plan = self._plan(manifest, tables, name)  # again, under the write lock: the kiosk may have moved on
            if not plan.nothing:
                self._write(actor, plan, read, progress)
        voided = set(plan.voided)
        new_entries = [row for row in plan.rows.get("entries", []) if row["id"] not in voided]
        voided_entries = [row for row in plan.rows.get("entries", []) if row["id"] in voided]
        changes = Changes(
            profile_id=plan.profile_id,
            ledgers=frozenset(Ledger),
            added=tuple(row["id"] for row in new_entries),
            voided=tuple(plan.voided),
            profiles=True,
        )
        return ImportResult(
            profile_id=plan.profile_id,
            name=plan.name,
            new_profile=plan.new_profile is not None,
            added=dict(plan.added),
            records=_records(new_entries),
            voided=_records(voided_entries),
            backup=backup,
            changes=changes,
        )

    def _read(self, path: Path, progress: Progress | None) -> tuple[Mapping[str, str], Tables]:
        """The manifest and every table of a book file that passed every check, or ``Refused``."""
        book = store.open_book_file(path)
        if isinstance(book, Problem):
            raise Refused(book)
        try:
            return book.manifest, _checked_tables(book, progress)
        finally:
            book.close()

    def _safety_copy(self) -> Path | None:
        if self._backups is None:
            return None
        from .backup import BackupFailed

        try:
            return self._backups.safety_copy("sebelum-impor-buku")
        except BackupFailed as failed:
            raise Refused(Problem.of("book_backup_failed", why=failed.problem.code)) from failed

    def _plan(self, manifest: Mapping[str, str], tables: Tables, rename: str | None) -> _Plan:
        profile = tables["profile"][0]
        pid = profile["id"]
        local = store.profile_row(self._conn, pid)
        plan = _Plan(pid, local["name"] if local else profile["name"])
        if local is None:
            plan.name = _new_name(self._conn, profile["name"], rename)
            plan.new_profile = {**profile, "name": plan.name}
        elif local["consent_at"] is None and profile["consent_at"] is not None:
            plan.consent = (profile["consent_at"], profile["consent_method"])
        plan.categories = self._new_categories(tables)
        plan.mentors = self._absent_mentors(tables)
        for table in _MERGED:
            self._merge_by_id(plan, table, tables[table])
        here = store.closed_days_of(self._conn, pid)
        days = [row for row in tables["closed_days"] if row["date"] not in here]
        if days:
            plan.rows["closed_days"] = days
            plan.added["closed_days"] = len(days)
        return plan

    def _new_categories(self, tables: Tables) -> list[Row]:
        """Categories her entries use that this kiosk lacks; one that differs from this kiosk's
        (another flow kind under the same id, or the same name under another id) is refused."""
        here = {row["id"]: row for row in store.categories(self._conn)}
        by_name = {(row["ledger"], row["name_key"]): row["id"] for row in here.values()}
        new: list[Row] = []
        for row in tables["categories"]:
            found = here.get(row["id"])
            if found is not None:
                if (found["ledger"], found["kind"]) != (row["ledger"], row["kind"]):
                    raise Refused(Problem.of("book_category_clash", name=row["name"]))
                continue
            if by_name.get((row["ledger"], category_key(row["name"])), row["id"]) != row["id"]:
                raise Refused(Problem.of("book_category_clash", name=row["name"]))
            new.append(row)
        return new

    def _absent_mentors(self, tables: Tables) -> list[Row]:
        """The mentors her sessions name that this kiosk does not know: kept by name only."""
        present = store.staff_ids(self._conn, [row["id"] for row in tables["mentors"]])
        return [row for row in tables["mentors"] if row["id"] not in present]

    def _merge_by_id(self, plan: _Plan, table: str, rows: list[Row]) -> None:
        here = store.rows_by_id(self._conn, table, [row["id"] for row in rows])
        upserts: list[Row] = []
        added = 0
        for row in rows:
            ours = here.get(row["id"])
            if ours is None:
                upserts.append(row)
                added += 1
                continue
            if ours["profile_id"] != plan.profile_id:
                raise Refused(Problem.of("book_id_elsewhere"))
            merged = _merged(table, ours, row)
            if merged is not None:
                upserts.append(merged)
                if table == "entries":
                    plan.voided.append(row["id"])
        if upserts:
            plan.rows[table] = upserts
        if added:
            plan.added[table] = added

    def _write(self, actor: Actor, plan: _Plan, read: int, progress: Progress | None) -> None:
        total, done = read + plan.size, read
        if plan.new_profile is not None:
            store.insert_profile(self._conn, plan.new_profile, category_key(plan.name))
        elif plan.consent is not None:
            store.set_consent(self._conn, plan.profile_id, *plan.consent)
        now = stamp(self._clock.now())
        store.insert_categories(self._conn, plan.categories, category_key)
        store.insert_absent_mentors(self._conn, plan.mentors, now)
        done += len(plan.categories) + len(plan.mentors)
        for spec in TABLES:  # in the file's order: profile, categories, entries … then what names them
            rows = plan.rows.get(spec.name, [])
            for start in range(0, len(rows), 2_000):
                store.upsert_rows(self._conn, spec.name, rows[start : start + 2_000])
                done += len(rows[start : start + 2_000])
                if progress:
                    progress(done, total)
        access.log_access(self._conn, actor, plan.profile_id, AccessAction.IMPORT_BOOK, now, self._channel)
        if progress:
            progress(total, total)


# -- the checks on a file, before anything is written ---------------------------------------------


def _checked_tables(book: BookFile, progress: Progress | None) -> Tables:
    manifest = book.manifest
    path = str(book.path)
    if manifest.get("format") != FORMAT:
        raise Refused(Problem.of("book_not_book", path=path))
    try:
        format_version = int(manifest["format_version"])
        schema_version = int(manifest["schema_version"])
    except (KeyError, ValueError) as error:
        raise Refused(Problem.of("book_invalid", path=path, what="manifest")) from error
    if format_version > FORMAT_VERSION or schema_version > migrations.LATEST_VERSION:
        raise Refused(Problem.of("book_newer", path=path, format=format_version, schema=schema_version))
    if any(key not in manifest for key in ("checksum", "profile_id", "exported_at")):
        raise Refused(Problem.of("book_invalid", path=path, what="manifest"))
    tables = book.tables(progress)
    if isinstance(tables, Problem):
        raise Refused(tables)
    if checksum(manifest, tables) != manifest["checksum"]:
        raise Refused(Problem.of("book_tampered", path=path))
    problem = _content_problem(manifest["profile_id"], tables)
    if problem is not None:
        raise Refused(Problem.of("book_invalid", path=path, what=problem))
    return tables


def _content_problem(profile_id: str, tables: Tables) -> str | None:
    """What makes a book file's content unusable (the checksum proves only that nobody changed it
    after export; a made-up file can carry a right checksum), or None."""
    if len(tables["profile"]) != 1 or tables["profile"][0]["id"] != profile_id:
        return "profile"
    profile = tables["profile"][0]
    name, business = validation.clean_name(profile["name"]), validation.clean_name(profile["business"])
    if not isinstance(name, str) or name != profile["name"] or not name or len(name) > NAME_LIMIT:
        return "name"
    if not isinstance(business, str) or business != profile["business"] or len(business) > BUSINESS_LIMIT:
        return "business"
    for table in ("entries", "closed_days", "coaching_sessions", "goals", "access_log"):
        if any(row["profile_id"] != profile_id for row in tables[table]):
            return table
    named = {row["id"] for row in tables["categories"]}
    for row in tables["entries"]:
        if row["category_id"] is not None and row["category_id"] not in named:
            return "categories"
        if validation.note_problem(row["note"]) is not None:
            return "note"
    if not _moves_whole(tables["entries"]):
        return "moves"
    sessions = {row["id"] for row in tables["coaching_sessions"]}
    if {row["mentor_id"] for row in tables["coaching_sessions"]} - {row["id"] for row in tables["mentors"]}:
        return "mentors"
    if any(row["session_id"] not in sessions for row in tables["goals"]):
        return "goals"
    return None


def _moves_whole(entries: list[Row]) -> bool:
    """Each move is two entries: out of the ledger the money leaves, into the other, the same
    amount and day, voided together."""
    moves: dict[str, list[Row]] = {}
    for row in entries:
        if row["move_id"] is not None:
            moves.setdefault(row["move_id"], []).append(row)
    for halves in moves.values():
        if len(halves) != 2:
            return False
        out, into = sorted(halves, key=lambda r: r["direction"] != "out")
        try:
            kind = MoveKind(out["move_kind"])
        except ValueError:
            return False
        if (out["direction"], into["direction"]) != ("out", "in") or into["move_kind"] != out["move_kind"]:
            return False
        if (out["ledger"], into["ledger"]) != (kind.source.value, kind.target.value):
            return False
        if (out["amount"], out["date"], out["voided_at"] is None) != (
            into["amount"],
            into["date"],
            into["voided_at"] is None,
        ):
            return False
    return True


def _records(entries: list[Row]) -> int:
    return sum(1 for row in entries if row["move_id"] is None or row["direction"] == "out")


def _new_name(conn: sqlite3.Connection, own: str, rename: str | None) -> str:
    """Her name at this kiosk: her own, or ``rename`` when another profile here has hers."""
    if rename is None:
        if store.profile_id_by_name_key(conn, category_key(own)) is not None:
            raise Refused(Problem.of("book_name_clash", name=own))
        return own
    cleaned = validation.clean_name(rename)
    if isinstance(cleaned, Problem):
        raise Refused(cleaned)
    if not cleaned:
        raise Refused(Problem.of("name_empty"))
    if len(cleaned) > NAME_LIMIT:
        raise Refused(Problem.of("name_too_long", limit=NAME_LIMIT))
    if store.profile_id_by_name_key(conn, category_key(cleaned)) is not None:
        raise Refused(Problem.of("name_taken", name=cleaned))
    return cleaned


def _merged(table: str, ours: Row, theirs: Row) -> Row | None:
    """The row after merging the file's version into the kiosk's, or None when the kiosk's stands.

    An entry never changes once written, except to be voided: the same id with another amount,
    date, book or category is a conflict, and a void made at either kiosk stays. A goal may be
    closed at either kiosk; sessions and access-log lines never change."""
    if table == "entries":
        fixed = [c for c in SPECS["entries"].names if c not in _VOID]
        if any(ours[c] != theirs[c] for c in fixed):
            raise Refused(Problem.of("book_conflict"))
        if ours["voided_at"] is None and theirs["voided_at"] is not None:
            return {**ours, **{c: theirs[c] for c in _VOID}}
        return None
    if table == "goals" and ours["closed_at"] is None and theirs["closed_at"] is not None:
        return {**ours, **{c: theirs[c] for c in _GOAL_CLOSING}}
    return None


# -- the checksum ---------------------------------------------------------------------------------


def checksum(manifest: Mapping[str, str], tables: Tables) -> str:
    """SHA-256 (hex) over a canonical dump: every manifest field but the checksum, sorted by key,
    then each table in the format's order, its rows sorted by primary key, each row one line of
    compact JSON ``[table, [values in column order]]`` with a blob as ``{"blob": hex}``."""
    digest = hashlib.sha256()

    def line(value: Any) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")

    for key in sorted(k for k in manifest if k != "checksum"):
        line(["manifest", key, manifest[key]])
    for spec in TABLES:
        names = spec.names
        rows = sorted(tables.get(spec.name, []), key=lambda row: tuple(str(row[k]) for k in spec.pk))
        for row in rows:
            line([spec.name, [_canonical(row[name]) for name in names]])
    return digest.hexdigest()


def _canonical(value: Any) -> Any:
    return {"blob": value.hex()} if isinstance(value, bytes) else value
