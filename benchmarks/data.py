"""Books to measure on: seeded stories of a busy warung, written as CSV (for the import service)
or as raw entry rows (for bulk-building a big kiosk fast).

A story records every sale separately (what makes a book big), buys stock every other day, pays
herself weekly (a move), pays rent monthly and keeps a household ledger beside it. The same seed
gives the same rows, ids included, so a profile in a 200-profile kiosk and the same profile alone
in a one-profile kiosk hold identical books.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirausaha_desktop.domain.categories import default_categories
from wirausaha_desktop.domain.exchange import COLUMNS, IMPORT_NAMESPACE, LEDGER_NAMES, write_csv
from wirausaha_desktop.domain.model import MOVE_NAMES, Actor, Direction, Ledger, MoveKind
from wirausaha_desktop.services.clock import Clock, FixedClock

from .common import fresh_path

Record = tuple[str, str, Ledger, Direction, int, str | None, MoveKind | None, str]
"""(id, ISO date, ledger (a move: the one it leaves), direction, amount, category name, move kind, note)"""

PIN = "1357"
OPERATOR_PIN = "0000"
YEARS = 3

_B, _P = Ledger.BUSINESS, Ledger.PERSONAL
_IN, _OUT = Direction.IN, Direction.OUT
_SALES = (
    "Penjualan",
    "Penjualan",
    "Penjualan",
    "Pesanan / katering",
    "Penjualan online (GoFood, GrabFood, ShopeeFood, Shopee)",
)
_STOCK = ("Kulakan / belanja dagangan", "Bahan baku", "Kemasan / label")
_CATEGORY_IDS = {(c.ledger, c.name): c.id for c in default_categories()}
_NOTES = ("", "", "", "pagi", "sore", "langganan", "kopi, gula, tepung", "pesanan tetangga")


def clock() -> FixedClock:
    """Now, fixed for the run: every "today" in one run is the same day."""
    return FixedClock(dt.datetime.now(dt.UTC).replace(microsecond=0))


def _round(amount: float, step: int = 500) -> int:
    return max(step, round(amount / step) * step)


class Story:
    """One warung's book, day by day; ``sales_per_day`` decides how big it gets."""

    def __init__(self, seed: int, sales_per_day: float, moves: bool = True) -> None:
        self.rng = random.Random(seed)
        self.sales_per_day = sales_per_day
        self.moves = moves
        self.week_profit = 0

    def _id(self) -> str:
        """A random version-4 UUID in text, drawn from the story's own generator (fast)."""
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def day(self, day: dt.date) -> list[Record]:
        rng, iso, rows = self.rng, day.isoformat(), []
        if rng.random() < 0.07:  # closed or forgotten
            return rows
        notes, random_ = _NOTES, rng.random

        def add(ledger: Ledger, direction: Direction, amount: int, category: str | None, move: MoveKind | None = None):
            note = notes[int(random_() * len(notes))]
            rows.append((self._id(), iso, ledger, direction, amount, category, move, note))

        sales = max(1, round(rng.gauss(self.sales_per_day, self.sales_per_day * 0.25)))
        for _ in range(sales):
            amount = 500 * int(10 + random_() * 70)
            add(_B, _IN, amount, _SALES[int(random_() * len(_SALES))])
            self.week_profit += amount
        for _ in range(1 + (day.day % 2 == 0)):
            cost = _round(rng.uniform(0.25, 0.45) * sales * 22_000, 1000)
            add(_B, _OUT, cost, rng.choice(_STOCK))
            self.week_profit -= cost
        if day.weekday() == 1:
            add(_B, _OUT, 22_000, "Listrik / gas / air usaha")
        if day.day == 1:
            add(_B, _OUT, 300_000, "Sewa tempat")
        if day.weekday() == 5:
            if self.moves and self.week_profit > 0:
                add(_B, _OUT, _round(self.week_profit * 0.5, 10_000), None, MoveKind.OWNER_PAY)
            self.week_profit = 0
        add(_P, _OUT, _round(rng.uniform(30_000, 70_000), 1000), "Makan / belanja dapur")
        if rng.random() < 0.5:
            add(_P, _OUT, _round(rng.uniform(5_000, 30_000), 1000), rng.choice(("Transport", "Pulsa / kuota", "Rokok")))
        if day.day == 12:
            add(_P, _IN, 200_000, "Bantuan sembako / BPNT")
        if day.day == 25:
            add(_P, _OUT, 100_000, "Arisan")
        return rows


def days_back(today: dt.date, years: int = YEARS) -> list[dt.date]:
    start = today - dt.timedelta(days=365 * years)
    return [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]


def sales_per_day_for(entries: int, days: int) -> float:
    """About how many sales a day make ``entries`` rows over ``days`` days (measured on the story)."""
    return max(1.0, entries / (days * 0.93) - 3.6)


def story_records(seed: int, entries: int, today: dt.date, years: int = YEARS, moves: bool = True) -> list[Record]:
    days = days_back(today, years)
    story = Story(seed, sales_per_day_for(entries, len(days)), moves)
    return [record for day in days for record in story.day(day)]


def csv_text(records: Iterable[Record]) -> str:
    def row(r: Record) -> list[str]:
        record_id, iso, ledger, direction, amount, category, move, note = r
        if move is not None:
            return [record_id, iso, LEDGER_NAMES[ledger], "pindah", MOVE_NAMES[move], str(amount), note]
        kind = "masuk" if direction is Direction.IN else "keluar"
        return [record_id, iso, LEDGER_NAMES[ledger], kind, category or "", f"{amount:,}".replace(",", "."), note]

    return write_csv([list(COLUMNS), *(row(r) for r in records)])


def entry_rows(records: Iterable[Record], profile_id: str, created_at: str, created_by: str) -> Iterator[tuple]:
    """The rows ``ExchangeService.import_csv`` would write for ``records`` (a move gives two)."""
    ids = _CATEGORY_IDS
    for record_id, iso, ledger, direction, amount, category, move, note in records:
        if move is None:
            yield (record_id, profile_id, ledger.value, direction.value, amount, iso, ids[ledger, category],
                   None, None, note, created_at, created_by)  # fmt: skip
            continue
        for half_ledger, half_direction in ((move.source, _OUT), (move.target, _IN)):
            half = str(uuid.uuid5(IMPORT_NAMESPACE, f"{record_id}:{half_direction.value}"))
            yield (half, profile_id, half_ledger.value, half_direction.value, amount, iso, None, record_id,
                   move.value, note, created_at, created_by)  # fmt: skip


# -- kiosks ---------------------------------------------------------------------------------------
_built: dict[str, Path] = {}


def new_kiosk(path: Path, the_clock: Clock):  # type: ignore[no-untyped-def]
    from wirausaha_desktop.services.kiosk import Kiosk

    kiosk = Kiosk.open(path, the_clock)
    kiosk.profiles.create_operator(OPERATOR_PIN)
    return kiosk


def busy_kiosk(the_clock: FixedClock, entries: int = 20_000) -> Path:
    """One profile, "Sari" (PIN ``PIN``), ~``entries`` entries over 3 years, written by the CSV import
    service; built once per run and checkpointed. Copy it (``copy_kiosk``) before writing to it."""
    key = f"busy-{entries}"
    if key not in _built:
        path = fresh_path(f"{key}.sqlite")
        kiosk = new_kiosk(path, the_clock)
        try:
            profile, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi dan gorengan", PIN, "screen")
            records = story_records(11, entries, the_clock.today())
            kiosk.exchange.import_csv(Actor.operator(), profile.id, csv_text(records))
            kiosk.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            kiosk.close()
        _built[key] = path
    return _built[key]


def demo_kiosk(the_clock: FixedClock) -> Path:
    """The seeded demo kiosk (four profiles), as ``wirausaha demo`` builds it."""
    if "demo" not in _built:
        from wirausaha_desktop.services.demo import build_demo_kiosk

        path = fresh_path("demo.sqlite")
        build_demo_kiosk(path, the_clock)
        _built["demo"] = path
    return _built["demo"]


def count_entries(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
