"""CSV import and export of one profile's book (DESIGN §6).

An import streams: records are read, checked and written a chunk at a time inside one
transaction, so that a file of a million rows never sits in memory (one chunk of records does,
besides a compact counter of id-less rows and the added ids that ``Changes`` reports), and one
bad row anywhere still rolls the whole import back (all or nothing). What would need every record
at once is asked of the database instead: before a chunk is written, one lookup finds which of
its ids (and its moves' half ids) are already used. An id this import wrote itself, in an earlier
chunk, is an id repeated inside the file; one that was in her book before is a row imported
before (skipped); anything else is a clash (``csv_id_elsewhere``, ``csv_id_taken``), refused with
its line and column rather than left to the table's primary key.
"""

from __future__ import annotations

import io
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..domain import exchange
from ..domain.exchange import CsvRecord
from ..domain.model import AccessAction, Actor, Direction, Ledger, MoveKind
from ..domain.problems import Problem, Refused
from ..storage import books, people
from ..storage.books import EntryRow, IdUse
from ..storage.database import transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total). "read": rows read, checked and written so far, as characters of
the text or bytes of the file out of its size; "write" once, when everything is committed."""

CHUNK_ROWS = 5_000
"""Records checked and written together: one id lookup and one insert per chunk, and the most
records an import holds at a time."""


@dataclass(frozen=True)
class ImportResult:
    added: int  # rows written (a move counts once)
    skipped: int  # rows already in this book
    changes: Changes


class ExchangeService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, channel: str = "app") -> None:
        self._conn = conn
        self._clock = clock
        self._channel = channel

    def import_csv(self, actor: Actor, profile_id: str, text: str, progress: Progress | None = None) -> ImportResult:
        """All rows of ``text`` or none, in one transaction; rows already in this book are skipped."""
        stream = io.StringIO(text, newline="")
        return self._import(actor, profile_id, stream, stream.tell, len(text), progress)

    def import_csv_file(
        self, actor: Actor, profile_id: str, path: Path, progress: Progress | None = None
    ) -> ImportResult:
        """``import_csv`` of a UTF-8 file (a byte-order mark is fine), read as it is imported."""
        access.require_import(self._conn, actor, profile_id)  # before the file is touched
        try:
            raw = path.open("rb")
            size = os.fstat(raw.fileno()).st_size
        except OSError as error:
            raise Refused(Problem.of("file_unreadable", path=str(path))) from error
        # Progress is the binary file's position: a text file cannot tell() while it is iterated.
        with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as lines:  # line ends as written
            return self._import(actor, profile_id, _decoded(lines, path), raw.tell, size, progress)

    def _import(
        self,
        actor: Actor,
        profile_id: str,
        lines: Iterable[str],
        position: Callable[[], int],
        total: int,
        progress: Progress | None,
    ) -> ImportResult:
        access.require_import(self._conn, actor, profile_id)
        records = exchange.read_records(lines, people.categories(self._conn), self._clock.today(), profile_id)
        who = f"{actor.role.value}:{actor.id or ''}"
        chunk: list[CsvRecord] = []
        with transaction(self._conn):
            now = stamp(self._clock.now())
            access.log_access(self._conn, actor, profile_id, AccessAction.IMPORT_CSV, now, self._channel)
            writer = _ChunkWriter(self._conn, profile_id, now, who)
            for record in records:
                if isinstance(record, Problem):
                    writer.rows_of(chunk)  # a row before the bad one may hold an earlier problem
                    raise Refused(record)
                chunk.append(record)
                if len(chunk) >= CHUNK_ROWS:
                    books.insert_entries(self._conn, writer.rows_of(chunk))
                    chunk = []
                    if progress:
                        progress("read", position(), max(total, 1))
            books.insert_entries(self._conn, writer.rows_of(chunk))
        if progress:
            progress("write", max(total, 1), max(total, 1))
        changes = Changes(profile_id=profile_id, ledgers=frozenset(writer.ledgers), added=tuple(writer.added_ids))
        return ImportResult(added=writer.added, skipped=writer.skipped, changes=changes)

    def export_csv(self, actor: Actor, profile_id: str) -> str:
        """Her whole book as CSV; an export by anyone else is written to her access log first."""
        access.require_import(self._conn, actor, profile_id)
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.EXPORT_CSV, now, self._channel):
            span = books.entry_date_range(self._conn, profile_id)
            entries = books.entries_between(self._conn, profile_id, *span) if span else []
        categories = {c.id: c for c in people.categories(self._conn)}
        return exchange.write_csv(exchange.export_rows(entries, categories))


def _decoded(lines: Iterable[str], path: Path) -> Iterator[str]:
    """The file's lines; a byte that is not UTF-8, or a read that fails, refuses the import
    wherever in the file it comes."""
    try:
        yield from lines
    except UnicodeDecodeError as error:
        raise Refused(Problem.of("file_not_utf8")) from error
    except OSError as error:
        raise Refused(Problem.of("file_unreadable", path=str(path))) from error


def half_ids(move_id: str) -> tuple[str, str]:
    """The ids of an imported move's two entries (out, in), derived from the move's id so that
    importing the same move again finds them."""
    return (
        str(uuid.uuid5(exchange.IMPORT_NAMESPACE, f"{move_id}:{Direction.OUT.value}")),
        str(uuid.uuid5(exchange.IMPORT_NAMESPACE, f"{move_id}:{Direction.IN.value}")),
    )


_ALREADY_HERE = "already_here"
"""What ``_ChunkWriter._clash`` says of a row this book holds from an earlier import (skipped)."""


class _ChunkWriter:
    """One import's running state inside its transaction: what it has added, skipped and declared.

    A row whose id her book held before the import is skipped, even when the file repeats it: it
    writes nothing either way, and telling would need every such id in memory."""

    def __init__(self, conn: sqlite3.Connection, profile_id: str, created_at: str, created_by: str) -> None:
        self._conn = conn
        self._profile_id = profile_id
        self._stamp = (created_at, created_by)
        self._first_own_rowid = books.last_entry_rowid(conn) + 1
        self._capital_declared = books.has_start_capital(conn, profile_id)
        self.added = 0
        self.skipped = 0
        self.added_ids: list[str] = []
        self.ledgers: set[Ledger] = set()

    def rows_of(self, chunk: list[CsvRecord]) -> list[EntryRow]:
        """The rows that write ``chunk``'s new records, or ``Refused`` at its first record that
        cannot be written: checked in file order, so the problem named is the first one."""
        halves = {r.id: half_ids(r.id) for r in chunk if r.move_kind is not None}
        uses = books.id_uses(self._conn, [r.id for r in chunk] + [h for pair in halves.values() for h in pair])
        claimed: dict[str, bool] = {}  # the ids this chunk writes: True for a row's own id, False for a half
        rows: list[EntryRow] = []
        profile_id, (now, who) = self._profile_id, self._stamp
        for r in chunk:
            code = self._clash(r, uses[r.id]) if r.id in uses else None
            if code == _ALREADY_HERE:
                self.skipped += 1
                continue
            if code is None and r.id in claimed:
                code = "csv_duplicate_id" if claimed[r.id] else "csv_id_taken"
            pair = halves.get(r.id) if r.move_kind is not None else None
            if code is None and pair is not None:
                code = self._half_clash(pair, claimed, uses)
            if code is not None:
                raise Refused(Problem.of(code, line=r.line, column="id"))
            claimed[r.id] = True
            self.added += 1
            if r.move_kind is None or pair is None:
                day = r.date.isoformat()
                rows.append((r.id, profile_id, r.ledger.value, r.direction.value, r.amount, day, r.category_id,
                             None, None, r.note, now, who))  # fmt: skip
                continue
            if r.move_kind is MoveKind.START_CAPITAL:
                if self._capital_declared:
                    raise Refused(Problem.of("start_capital_exists", line=r.line, column="kategori"))
                self._capital_declared = True
            claimed[pair[0]] = claimed[pair[1]] = False
            rows += _move_rows(r, pair, profile_id, now, who)
        self.added_ids += [row[0] for row in rows]
        self.ledgers.update(Ledger(ledger) for ledger in {row[2] for row in rows})
        return rows

    def _half_clash(self, pair: tuple[str, str], claimed: dict[str, bool], uses: dict[str, list[IdUse]]) -> str | None:
        """A move's half ids are derived from its id, so only a made-up file can name one elsewhere."""
        for half in pair:
            if half in uses:
                elsewhere = any(use.profile_id != self._profile_id for use in uses[half])
                return "csv_id_elsewhere" if elsewhere else "csv_id_taken"
            if half in claimed:
                return "csv_id_taken"
        return None

    def _clash(self, record: CsvRecord, uses: Iterable[IdUse]) -> str | None:
        """What it means that a record's id is already in use: ``_ALREADY_HERE``, a problem code,
        or None when it is not in use."""
        own = "entry" if record.move_kind is None else "move"
        found = None
        for use in uses:
            if use.profile_id != self._profile_id:
                return "csv_id_elsewhere"
            if use.kind != own:
                return "csv_id_taken"  # a move's id on an entry's row, an entry's id on a move's row
            if use.rowid >= self._first_own_rowid:
                return "csv_duplicate_id"  # this import wrote it: the id came earlier in the file
            found = _ALREADY_HERE
        return found


def _move_rows(r: CsvRecord, halves: tuple[str, str], profile_id: str, now: str, who: str) -> list[EntryRow]:
    """A move's two entries: out of the ledger the money leaves, into the other."""
    assert r.move_kind is not None
    kind, day = r.move_kind, r.date.isoformat()
    return [
        (halves[0], profile_id, kind.source.value, Direction.OUT.value, r.amount, day, None, r.id, kind.value, r.note,
         now, who),
        (halves[1], profile_id, kind.target.value, Direction.IN.value, r.amount, day, None, r.id, kind.value, r.note,
         now, who),
    ]  # fmt: skip
