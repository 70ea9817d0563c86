"""CSV import and export of one profile's book (DESIGN §6)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ..domain import exchange, validation
from ..domain.model import Actor, Direction, Ledger, MoveKind
from ..domain.problems import Problem, Refused
from ..storage import books, people
from ..storage.books import EntryRow
from ..storage.database import transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is "read" or "write"."""


@dataclass(frozen=True)
class ImportResult:
    added: int  # rows written (a move counts once)
    skipped: int  # rows already in this book
    changes: Changes


class ExchangeService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def import_csv(self, actor: Actor, profile_id: str, text: str, progress: Progress | None = None) -> ImportResult:
        """All rows or none, in one transaction; rows already in this book are skipped."""
        access.require_import(self._conn, actor, profile_id)
        total = max(text.count("\n"), 1)
        records = exchange.read_csv(
            text,
            people.categories(self._conn),
            self._clock.today(),
            profile_id,
            (lambda done: progress("read", done, total)) if progress else None,
        )
        if isinstance(records, Problem):
            raise Refused(records)
        owners = books.owners_of(self._conn, [r.id for r in records])
        foreign = next((r for r in records if owners.get(r.id, profile_id) != profile_id), None)
        if foreign is not None:
            raise Refused(Problem.of("csv_id_elsewhere", line=foreign.line, column="id"))
        new = [r for r in records if r.id not in owners]
        _refuse_second_start_capital(self._conn, profile_id, new)
        now, who = stamp(self._clock.now()), f"{actor.role.value}:{actor.id or ''}"
        rows: list[EntryRow] = []
        for r in new:
            if r.move_kind is None:
                rows.append(
                    (
                        r.id,
                        profile_id,
                        r.ledger.value,
                        r.direction.value,
                        r.amount,
                        r.date.isoformat(),
                        r.category_id,
                        None,
                        None,
                        r.note,
                        now,
                        who,
                    )
                )
                continue
            for ledger, direction in ((r.move_kind.source, Direction.OUT), (r.move_kind.target, Direction.IN)):
                half = str(uuid.uuid5(exchange.IMPORT_NAMESPACE, f"{r.id}:{direction.value}"))
                rows.append(
                    (
                        half,
                        profile_id,
                        ledger.value,
                        direction.value,
                        r.amount,
                        r.date.isoformat(),
                        None,
                        r.id,
                        r.move_kind.value,
                        r.note,
                        now,
                        who,
                    )
                )
        step = 20_000
        with transaction(self._conn):
            for start in range(0, len(rows), step):
                books.insert_entries(self._conn, rows[start : start + step])
                if progress:
                    progress("write", min(start + step, len(rows)), len(rows))
        changes = Changes(
            profile_id=profile_id,
            ledgers=frozenset(Ledger(row[2]) for row in rows),
            added=tuple(row[0] for row in rows),
        )
        return ImportResult(added=len(new), skipped=len(records) - len(new), changes=changes)

    def export_csv(self, actor: Actor, profile_id: str) -> str:
        access.require_import(self._conn, actor, profile_id)
        span = books.entry_date_range(self._conn, profile_id)
        entries = books.entries_between(self._conn, profile_id, *span) if span else []
        categories = {c.id: c for c in people.categories(self._conn)}
        return exchange.write_csv(exchange.export_rows(entries, categories))


def _refuse_second_start_capital(conn: sqlite3.Connection, profile_id: str, new: list[exchange.CsvRecord]) -> None:
    """*Modal awal* is declared once (DESIGN §2), by hand or by import alike."""
    declared = [r for r in new if r.move_kind is MoveKind.START_CAPITAL]
    if not declared:
        return
    flows = books.flow_totals(conn, profile_id, validation.EARLIEST_DATE, dt.date.max)
    already = (Ledger.BUSINESS, Direction.IN, MoveKind.START_CAPITAL.value) in flows
    second = declared[0] if already else declared[1] if len(declared) > 1 else None
    if second is not None:
        raise Refused(Problem.of("start_capital_exists", line=second.line, column="kategori"))
