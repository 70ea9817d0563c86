"""What importing a CSV file would do, before anything is written (issue 10 §5).

The operator's screen shows it first: how many rows, how many are new and how many her book
already holds, the money in and out of each book that the new rows add, and the first problems
by line and column. It reads exactly as ``ExchangeService.import_csv_file`` does (the same
reader, the same checks of ids against the kiosk, the same *Modal awal* rule), but only reads:
nothing is logged, nothing written, and no write lock is held. Unlike the import, it goes on
after a bad row to list a few more. The import itself stays the one all-or-nothing service call,
which checks everything again.
"""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import exchange
from ..domain.exchange import CsvRecord
from ..domain.model import Actor, Direction, Ledger, MoveKind
from ..domain.problems import Problem, Refused
from ..storage import books, people
from . import access
from .clock import Clock
from .exchange import Progress, half_ids

if TYPE_CHECKING:
    from .kiosk import Kiosk

PROBLEMS_SHOWN = 5
"""The first problems listed; the rest are counted."""
CHUNK_ROWS = 2_000
"""Records whose ids are looked up together (and between two progress reports)."""


@dataclass
class BookTotals:
    """Money the new rows put into and take out of one book (a move counts in both books)."""

    money_in: int = 0
    money_out: int = 0
    rows: int = 0


@dataclass
class CsvPreview:
    rows: int = 0  # rows read (blank lines not counted)
    new: int = 0  # rows the import would add
    already: int = 0  # rows her book holds already (skipped by the import)
    business: BookTotals = field(default_factory=BookTotals)
    personal: BookTotals = field(default_factory=BookTotals)
    problems: list[Problem] = field(default_factory=list)  # the first PROBLEMS_SHOWN, in file order
    problem_count: int = 0

    @property
    def importable(self) -> bool:
        """No problem, and something to add: the import would write these rows."""
        return self.problem_count == 0 and self.new > 0

    def book(self, ledger: Ledger) -> BookTotals:
        return self.business if ledger is Ledger.BUSINESS else self.personal


class CsvPreviewService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    @classmethod
    def of(cls, kiosk: Kiosk) -> CsvPreviewService:
        return cls(kiosk.conn, kiosk.clock)

    def preview_file(self, actor: Actor, profile_id: str, path: Path, progress: Progress | None = None) -> CsvPreview:
        """The preview of importing ``path`` (UTF-8, a byte-order mark is fine) into her book."""
        access.require_import(self._conn, actor, profile_id)
        try:
            raw = path.open("rb")
            size = os.fstat(raw.fileno()).st_size
        except OSError as error:
            raise Refused(Problem.of("file_unreadable", path=path.name)) from error
        preview = CsvPreview()
        checker = _IdChecker(self._conn, profile_id, preview)
        with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as lines:
            records = exchange.read_records(
                lines, people.categories(self._conn), self._clock.today(), profile_id, keep_going=True
            )
            chunk: list[CsvRecord] = []
            try:
                for record in records:
                    if isinstance(record, Problem):
                        checker.check(chunk)  # its problems come before this one, in file order
                        chunk = []
                        _add_problem(preview, record)
                        preview.rows += _is_row(record)
                        continue
                    preview.rows += 1
                    chunk.append(record)
                    if len(chunk) >= CHUNK_ROWS:
                        checker.check(chunk)
                        chunk = []
                        if progress:
                            progress("read", raw.tell(), max(size, 1))
            except UnicodeDecodeError:
                _add_problem(preview, Problem.of("file_not_utf8"))
            except OSError as error:
                raise Refused(Problem.of("file_unreadable", path=path.name)) from error
            checker.check(chunk)
        if progress:
            progress("read", max(size, 1), max(size, 1))
        return preview


def _is_row(problem: Problem) -> bool:
    """A bad row (line and column named) rather than a bad header or CSV that cannot be read on."""
    line = problem.params.get("line")
    return isinstance(line, int) and line > 1 and "column" in problem.params


def _add_problem(preview: CsvPreview, problem: Problem) -> None:
    preview.problem_count += 1
    if len(preview.problems) < PROBLEMS_SHOWN:
        preview.problems.append(problem)


class _IdChecker:
    """The import's checks that need the kiosk: ids already used (here: skipped; elsewhere: a
    problem), ids repeated in the file, a second *Modal awal*; then the totals of the new rows."""

    def __init__(self, conn: sqlite3.Connection, profile_id: str, preview: CsvPreview) -> None:
        self._conn = conn
        self._profile_id = profile_id
        self._preview = preview
        self._capital_declared = books.has_start_capital(conn, profile_id)
        self._claimed: dict[str, bool] = {}  # ids the new rows take: True for a row's own id, False for a half

    def check(self, chunk: Iterable[CsvRecord]) -> None:
        chunk = list(chunk)
        if not chunk:
            return
        halves = {r.id: half_ids(r.id) for r in chunk if r.move_kind is not None}
        uses = books.id_uses(self._conn, [r.id for r in chunk] + [h for pair in halves.values() for h in pair])
        for record in chunk:
            code = self._own_id_problem(record, uses)
            if code == "already":
                self._preview.already += 1
                continue
            pair = halves.get(record.id)
            if code is None and pair is not None:
                code = self._half_problem(pair, uses)
            if code is None and record.move_kind is MoveKind.START_CAPITAL:
                if self._capital_declared:
                    _add_problem(self._preview, Problem.of("start_capital_exists", line=record.line, column="kategori"))
                    continue
                self._capital_declared = True
            if code is not None:
                _add_problem(self._preview, Problem.of(code, line=record.line, column="id"))
                continue
            self._claimed[record.id] = True
            for half in pair or ():
                self._claimed[half] = False
            self._count(record)

    def _own_id_problem(self, record: CsvRecord, uses: dict[str, list[books.IdUse]]) -> str | None:
        own = "entry" if record.move_kind is None else "move"
        found = None
        for use in uses.get(record.id, ()):
            if use.profile_id != self._profile_id:
                return "csv_id_elsewhere"
            if use.kind != own:
                return "csv_id_taken"
            found = "already"
        if found is None and record.id in self._claimed:
            return "csv_duplicate_id" if self._claimed[record.id] else "csv_id_taken"
        return found

    def _half_problem(self, pair: tuple[str, str], uses: dict[str, list[books.IdUse]]) -> str | None:
        for half in pair:
            if half in uses:
                elsewhere = any(use.profile_id != self._profile_id for use in uses[half])
                return "csv_id_elsewhere" if elsewhere else "csv_id_taken"
            if half in self._claimed:
                return "csv_id_taken"
        return None

    def _count(self, record: CsvRecord) -> None:
        preview = self._preview
        preview.new += 1
        if record.move_kind is not None:
            source, target = record.move_kind.source, record.move_kind.target
            preview.book(source).money_out += record.amount
            preview.book(source).rows += 1
            preview.book(target).money_in += record.amount
            preview.book(target).rows += 1
            return
        totals = preview.book(record.ledger)
        totals.rows += 1
        if record.direction is Direction.IN:
            totals.money_in += record.amount
        else:
            totals.money_out += record.amount
