"""The CSV contract of DESIGN §6, as pure functions: rows in, records or one problem out.

Import is all-or-nothing, so reading stops at the first bad row and names its line (the header
is line 1) and column. Rows without an ``id`` get one derived from their content and how many
identical rows came before them, so that importing the same file twice changes nothing.

Reading streams (``read_records``): a file of a million rows is read one line at a time and
nothing per row is kept but a compact counter of id-less rows. Ids repeated inside one file are
found by the import service against what it has written so far (``read_csv``, which holds every
record anyway, checks them itself).

Export neutralises spreadsheet formulas (OWASP "CSV injection"): a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, which spreadsheet programs
read as "this is text"; so does a cell that already starts with ``'``, so that import, which takes
one ``'`` off exactly such cells, gives back what was exported.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypeVar

from . import validation
from .categories import category_key
from .model import MOVE_NAMES, Category, Direction, Entry, Ledger, MoveKind
from .money import TEXT_LIMIT, parse_amount
from .problems import Problem

COLUMNS = ("id", "tanggal", "buku", "jenis", "kategori", "jumlah", "catatan")
REQUIRED = frozenset({"tanggal", "buku", "jenis", "kategori", "jumlah"})
LEDGER_WORDS = {"usaha": Ledger.BUSINESS, "pribadi": Ledger.PERSONAL}
LEDGER_NAMES = {ledger: word for word, ledger in LEDGER_WORDS.items()}
KIND_WORDS = {"masuk": Direction.IN, "keluar": Direction.OUT}
MOVE_WORD = "pindah"
IMPORT_NAMESPACE = uuid.UUID("0d7c1a55-2f4e-4b8e-9d0a-3c6f5e1b2a90")
_MOVES_BY_KEY = {category_key(name): kind for kind, name in MOVE_NAMES.items()}
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")
_FORMULA_STARTS = frozenset("=+-@\t\r")
"""What makes a spreadsheet program run a cell as a formula (OWASP's list)."""
_ESCAPED_STARTS = _FORMULA_STARTS | {"'"}
_ESCAPE = "'"
CACHE_LIMIT = 4096
"""Distinct texts a reader remembers per column before it starts afresh (memory stays bounded)."""
TEXT_SHOWN = 40
"""How much of a bad cell a problem quotes."""
PROGRESS_EVERY = 5000
"""Rows read between two progress reports."""
_V = TypeVar("_V")


class CsvRecord(NamedTuple):
    """One valid row: an entry (``category_id``) or a move (``move_kind``). A named tuple, not a
    dataclass: an import makes one per row, and the import has a speed budget (DESIGN §7)."""

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
    """A problem at one cell; the cell's text is shortened so that the message stays one short line."""
    text = params.get("text")
    if isinstance(text, str):
        flat = " ".join(text.split())
        params["text"] = flat if len(flat) <= TEXT_SHOWN else flat[: TEXT_SHOWN - 1] + "…"
    return Problem.of(code, line=line, column=column, **params)


def detect_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def neutralise(text: str) -> str:
    """The cell as exported: a leading ``'`` before a formula start or an ``'``."""
    return _ESCAPE + text if text[:1] in _ESCAPED_STARTS else text


def restore(text: str) -> str:
    """The cell as imported: one leading ``'`` taken off when ``neutralise`` could have put it there;
    any other cell (a hand-written ``'halo``) is read as it is."""
    return text[1:] if text[:1] == _ESCAPE and text[1:2] in _ESCAPED_STARTS else text


def _content_key(content: str) -> int:
    """A compact stand-in for an id-less row's content in the repeat counter: 8 bytes of BLAKE2b
    instead of the whole text. Two contents sharing a key would only share one count, which still
    gives each row its own id (the id hashes the content itself); with 8 bytes the odds of it
    happening at all in a million-row file are about 3 in 10^8."""
    return int.from_bytes(hashlib.blake2b(content.encode(), digest_size=8).digest(), "big")


def derived_id(profile_id: str, content: str, repeat: int) -> str:
    """``uuid5(IMPORT_NAMESPACE, profile, content, repeat)``, computed without ``uuid.UUID`` objects."""
    digest = hashlib.sha1(IMPORT_NAMESPACE.bytes + f"{profile_id}\x1f{content}\x1f{repeat}".encode()).hexdigest()
    variant = "89ab"[int(digest[16], 16) & 0x3]
    return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"


def read_records(
    lines: Iterable[str], categories: Iterable[Category], today: dt.date, profile_id: str, keep_going: bool = False
) -> Iterator[CsvRecord | Problem]:
    """The record of each row, in file order; a problem is the last item (reading stops there),
    unless ``keep_going`` (an import's preview, which lists the first few problems): then a bad
    row's problem is yielded and reading goes on. A bad header or unreadable CSV still ends it.

    ``lines`` are the file's lines with their line ends, as a text file opened with
    ``newline=""`` gives them (a quoted note may hold a line break). Ids are not checked against
    each other here: see the module's docstring."""
    lines = iter(lines)
    first = next(lines, "").removeprefix("\ufeff")  # the byte-order mark spreadsheet programs put first
    if not first:
        yield Problem.of("csv_empty")
        return
    reader = csv.reader(itertools.chain((first,), lines), delimiter=detect_delimiter(first))
    try:
        header_row = next(reader, None)
    except csv.Error:
        header_row = None
    if header_row is None:  # the header itself is a runaway quote
        yield Problem.of("csv_malformed", line=1)
        return
    header = [name.strip().casefold() for name in header_row]
    missing = sorted(REQUIRED - set(header))
    if missing:
        yield Problem.of("csv_missing_column", line=1, column=missing[0])
        return
    positions = [header.index(name) if name in header else -1 for name in COLUMNS]
    width = len(header)
    cells_of = _CellReader(categories, today)
    repeats: Counter[int] = Counter()
    start = 2  # the line where the next record starts (a quoted cell may span lines)
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            joined = "".join(row)
            if not joined.strip():
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            cells = [row[at].strip() if at >= 0 else "" for at in positions]  # in the order of COLUMNS
            row_id = cells[0]
            if not row_id:
                content = "\x1f".join(cells[1:])  # as written, ' included: the ids of earlier versions
                key = _content_key(content)
                repeats[key] += 1
                row_id = derived_id(profile_id, content, repeats[key])
            if _ESCAPE in joined:
                cells = [restore(cell) for cell in cells]
            record = cells_of.record(line, row_id, cells)
            yield record
            if isinstance(record, Problem) and not keep_going:
                return
    except csv.Error:  # e.g. a cell longer than the csv module's field limit
        yield Problem.of("csv_malformed", line=start)


def read_csv(
    text: str,
    categories: Iterable[Category],
    today: dt.date,
    profile_id: str,
    progress: Callable[[int], None] | None = None,
) -> list[CsvRecord] | Problem:
    """Every row of a whole text as a record, or the first problem found (a repeated id included)."""
    records: list[CsvRecord] = []
    seen_ids: set[str] = set()
    for index, record in enumerate(read_records(io.StringIO(text, newline=""), categories, today, profile_id), 1):
        if isinstance(record, Problem):
            return record
        if record.id in seen_ids:
            return _problem("csv_duplicate_id", record.line, "id")
        seen_ids.add(record.id)
        records.append(record)
        if progress and index % PROGRESS_EVERY == 0:
            progress(index)
    return records


class _CellReader:
    """Reads the cells of one row. Dates, amounts and category names repeat all through a file,
    so each distinct text is read once and remembered: reading stays linear and cheap."""

    def __init__(self, categories: Iterable[Category], today: dt.date) -> None:
        self._today = today
        self._by_name = {(c.ledger, category_key(c.name)): (c, c.direction) for c in categories}
        self._dates: dict[str, dt.date | Problem] = {}
        self._amounts: dict[str, int | Problem] = {}
        self._keys: dict[str, str] = {}

    def date(self, text: str) -> dt.date | Problem:
        found = self._dates.get(text)
        if found is None:
            day = validation.parse_date(text) if _DATE_SHAPE.fullmatch(text) else None
            if isinstance(day, dt.date):
                found = validation.date_problem(day, self._today) or day
            else:
                found = Problem.of("date_malformed", text=text)
            _remember(self._dates, text, found)
        return found

    def amount(self, text: str) -> int | Problem:
        if 0 < len(text) < 11 and text.isascii() and text.isdigit():  # how exports and spreadsheets write it
            return int(text) or parse_amount(text)
        if len(text) > TEXT_LIMIT:  # refused without int() (see money.TEXT_LIMIT), and not worth remembering
            return parse_amount(text)
        found = self._amounts.get(text)
        if found is None:
            found = parse_amount(text)
            _remember(self._amounts, text, found)
        return found

    def key(self, text: str) -> str:
        found = self._keys.get(text)
        if found is None:
            found = category_key(text)
            _remember(self._keys, text, found)
        return found

    def record(self, line: int, row_id: str, cells: list[str]) -> CsvRecord | Problem:
        """The record of one row's cells (in the order of ``COLUMNS``), or the problem of its first bad cell."""
        _, date_text, ledger_text, kind_text, category_text, amount_text, note = cells
        if not _CANONICAL_ID.fullmatch(row_id):
            try:
                row_id = str(uuid.UUID(row_id))
            except ValueError:
                return _problem("csv_bad_id", line, "id", text=row_id)
        day = self.date(date_text)
        if isinstance(day, Problem):
            return _problem(day.code, line, "tanggal", **day.params)
        ledger = LEDGER_WORDS.get(ledger_text.casefold())
        if ledger is None:
            return _problem("csv_bad_ledger", line, "buku", text=ledger_text)
        kind = kind_text.casefold()
        if kind not in KIND_WORDS and kind != MOVE_WORD:
            return _problem("csv_bad_kind", line, "jenis", text=kind_text)
        amount = self.amount(amount_text)
        if isinstance(amount, Problem):
            return _problem(amount.code, line, "jumlah", **amount.params)
        if note:
            bad_note = validation.note_problem(note)
            if bad_note is not None:
                return _problem(bad_note.code, line, "catatan", **bad_note.params)
        key = self.key(category_text)
        if kind == MOVE_WORD:
            move = _MOVES_BY_KEY.get(key)
            if move is None:
                return _problem("csv_bad_move", line, "kategori", text=category_text)
            if move.source is not ledger:
                return _problem("csv_move_wrong_ledger", line, "buku", text=category_text)
            return CsvRecord(line, row_id, day, ledger, Direction.OUT, None, move, amount, note)
        found = self._by_name.get((ledger, key))
        if found is None:
            return _problem("csv_bad_category", line, "kategori", text=category_text, ledger=LEDGER_NAMES[ledger])
        category, direction = found
        if direction is not KIND_WORDS[kind]:
            return _problem("csv_category_wrong_kind", line, "kategori", text=category.name, kind=kind)
        return CsvRecord(line, row_id, day, ledger, direction, category.id, None, amount, note)


def _remember(cache: dict[str, _V], text: str, value: _V) -> None:
    """Most files repeat a few hundred dates and amounts; one that never repeats must not grow
    the cache with its size, so a full cache starts afresh."""
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[text] = value


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
    """Comma-separated, one ``\\n`` per row. Written by hand rather than with ``csv.writer``, which
    (before Python 3.12) leaves a lone ``\\r`` unquoted: any reader then splits the row there."""
    return "".join(",".join(map(_cell, row)) + "\n" for row in rows)


def _cell(text: str) -> str:
    text = neutralise(text)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text
