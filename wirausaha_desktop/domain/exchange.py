"""The CSV contract of DESIGN §6, as pure functions: rows in, records or one problem out.

Import is all-or-nothing, so reading stops at the first bad row and names its line (the header
is line 1) and column. Rows without an ``id`` get one derived from their content and how many
identical rows came before them, so that importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import validation
from .categories import category_key
from .model import MOVE_NAMES, Category, Direction, Entry, Ledger, MoveKind
from .money import parse_amount
from .problems import Problem

COLUMNS = ("id", "tanggal", "buku", "jenis", "kategori", "jumlah", "catatan")
REQUIRED = frozenset({"tanggal", "buku", "jenis", "kategori", "jumlah"})
LEDGER_WORDS = {"usaha": Ledger.BUSINESS, "pribadi": Ledger.PERSONAL}
LEDGER_NAMES = {ledger: word for word, ledger in LEDGER_WORDS.items()}
KIND_WORDS = {"masuk": Direction.IN, "keluar": Direction.OUT}
MOVE_WORD = "pindah"
IMPORT_NAMESPACE = uuid.UUID("0d7c1a55-2f4e-4b8e-9d0a-3c6f5e1b2a90")
_MOVES_BY_KEY = {category_key(name): kind for kind, name in MOVE_NAMES.items()}


@dataclass(frozen=True)
class CsvRecord:
    """One valid row: an entry (``category_id``) or a move (``move_kind``)."""

    line: int
    id: str
    date: dt.date
    ledger: Ledger  # for a move: the ledger the money leaves
    direction: Direction
    category_id: str | None
    move_kind: MoveKind | None
    amount: int
    note: str


def _problem(code: str, line: int, column: str, **params: object) -> Problem:
    return Problem.of(code, line=line, column=column, **params)


def detect_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def read_csv(
    text: str,
    categories: Iterable[Category],
    today: dt.date,
    profile_id: str,
    progress: Callable[[int], None] | None = None,
) -> list[CsvRecord] | Problem:
    """Every row as a record, or the first problem found."""
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(header_line))
    try:
        header = [name.strip().casefold() for name in next(reader)]
    except StopIteration:
        return Problem.of("csv_empty")
    missing = sorted(REQUIRED - set(header))
    if missing:
        return Problem.of("csv_missing_column", line=1, column=missing[0])
    position = {name: header.index(name) for name in COLUMNS if name in header}
    by_name = {(c.ledger, category_key(c.name)): c for c in categories}
    seen_ids: set[str] = set()
    repeats: Counter[str] = Counter()
    records: list[CsvRecord] = []
    for index, row in enumerate(reader):
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        cells = {name: row[at].strip() for name, at in position.items()}
        record = _read_row(line, cells, by_name, today)
        if isinstance(record, Problem):
            return record
        if not record.id:
            content = "\x1f".join(cells.get(name, "") for name in COLUMNS[1:])
            repeats[content] += 1
            derived = uuid.uuid5(IMPORT_NAMESPACE, f"{profile_id}\x1f{content}\x1f{repeats[content]}")
            record = _with_id(record, str(derived))
        if record.id in seen_ids:
            return _problem("csv_duplicate_id", line, "id")
        seen_ids.add(record.id)
        records.append(record)
        if progress and index % 5000 == 4999:
            progress(index + 1)
    return records


def _with_id(record: CsvRecord, new_id: str) -> CsvRecord:
    return CsvRecord(
        record.line,
        new_id,
        record.date,
        record.ledger,
        record.direction,
        record.category_id,
        record.move_kind,
        record.amount,
        record.note,
    )


def _read_row(
    line: int, cells: dict[str, str], by_name: dict[tuple[Ledger, str], Category], today: dt.date
) -> CsvRecord | Problem:
    row_id = cells.get("id", "")
    if row_id:
        try:
            row_id = str(uuid.UUID(row_id))
        except ValueError:
            return _problem("csv_bad_id", line, "id", text=row_id)
    day = validation.parse_date(cells["tanggal"])
    if isinstance(day, Problem):
        return _problem("date_malformed", line, "tanggal", text=cells["tanggal"])
    late = validation.date_problem(day, today)
    if late:
        return _problem(late.code, line, "tanggal", **late.params)
    ledger = LEDGER_WORDS.get(cells["buku"].casefold())
    if ledger is None:
        return _problem("csv_bad_ledger", line, "buku", text=cells["buku"])
    kind = cells["jenis"].casefold()
    if kind not in KIND_WORDS and kind != MOVE_WORD:
        return _problem("csv_bad_kind", line, "jenis", text=cells["jenis"])
    amount = parse_amount(cells["jumlah"])
    if isinstance(amount, Problem):
        return _problem(amount.code, line, "jumlah", **amount.params)
    note = cells.get("catatan", "")
    too_long = validation.note_problem(note)
    if too_long:
        return _problem(too_long.code, line, "catatan", **too_long.params)
    key = category_key(cells["kategori"])
    if kind == MOVE_WORD:
        move = _MOVES_BY_KEY.get(key)
        if move is None:
            return _problem("csv_bad_move", line, "kategori", text=cells["kategori"])
        if move.source is not ledger:
            return _problem("csv_move_wrong_ledger", line, "buku", text=cells["kategori"])
        return CsvRecord(line, row_id, day, ledger, Direction.OUT, None, move, amount, note)
    category = by_name.get((ledger, key))
    if category is None:
        return _problem("csv_bad_category", line, "kategori", text=cells["kategori"], ledger=LEDGER_NAMES[ledger])
    direction = KIND_WORDS[kind]
    if category.direction is not direction:
        return _problem("csv_category_wrong_kind", line, "kategori", text=category.name, kind=kind)
    return CsvRecord(line, row_id, day, ledger, direction, category.id, None, amount, note)


def export_rows(entries: Iterable[Entry], categories: dict[str, Category]) -> Iterator[list[str]]:
    """One row per live entry and one per move (its leaving half, with the move's id)."""
    yield list(COLUMNS)
    for entry in entries:
        if entry.move_kind is not None:
            if entry.direction is Direction.IN:
                continue
            kind, category, row_id = MOVE_WORD, MOVE_NAMES[entry.move_kind], entry.move_id
        else:
            assert entry.category_id is not None
            kind = "masuk" if entry.direction is Direction.IN else "keluar"
            category, row_id = categories[entry.category_id].name, entry.id
        yield [
            row_id or "",
            entry.date.isoformat(),
            LEDGER_NAMES[entry.ledger],
            kind,
            category,
            str(entry.amount),
            entry.note,
        ]


def write_csv(rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()
