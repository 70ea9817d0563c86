"""Per-profile figures on a big kiosk (200 profiles × 3 years, ~3 M entries) against the same
profile alone in a one-profile kiosk: budget ≤ 1.2× for every figure (DESIGN §7).

The big file is built fast, in the app's own schema: rows generated inside SQLite (random UUID-shaped
ids, real category ids, weekly owner-pay moves as linked pairs), secondary indexes dropped and rebuilt,
no journal, rows interleaved day by day across profiles as a real kiosk fills up. The one-profile
kiosk gets exactly the measured profile's rows. What is measured is the real services
(``BookService``, ``StandingService``). ``WIRAUSAHA_BENCH_BIG_PROFILES`` and
``WIRAUSAHA_BENCH_BIG_YEARS`` shrink it for a quick look.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from wirausaha_desktop.domain.categories import category_id
from wirausaha_desktop.domain.charts import PeriodChoice
from wirausaha_desktop.domain.model import Actor, Ledger, Profile
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.clock import FixedClock, stamp
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.pins import hash_pin
from wirausaha_desktop.storage import people
from wirausaha_desktop.storage.database import transaction

from . import data
from .common import Result, at_most_ratio, fresh_path, info, median

NAME = "big_kiosk"
PROFILES = int(os.environ.get("WIRAUSAHA_BENCH_BIG_PROFILES", "200"))
YEARS = int(os.environ.get("WIRAUSAHA_BENCH_BIG_YEARS", "3"))
MEASURED = PROFILES // 2  # a profile in the middle of the file
REPEATS = 15


def _profiles(count: int, created_at: str) -> list[Profile]:
    rng = random.Random(7)
    return [
        Profile(
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            f"Ibu {i:03d}",
            "Warung",
            created_at,
            created_at,
            "paper",
        )
        for i in range(count)
    ]


# One profile-day has up to 14 slots: 9 sales, 2 stock purchases, gas, kitchen, transport; each
# slot is skipped with 7 % chance (a quiet day). Saturdays add the week's owner pay (a move).
_SLOTS = (
    *[(Ledger.BUSINESS, "in", name) for name in ("Penjualan", "Penjualan", "Pesanan / katering") * 3],
    (Ledger.BUSINESS, "out", "Kulakan / belanja dagangan"),
    (Ledger.BUSINESS, "out", "Bahan baku"),
    (Ledger.BUSINESS, "out", "Listrik / gas / air usaha"),
    (Ledger.PERSONAL, "out", "Makan / belanja dapur"),
    (Ledger.PERSONAL, "out", "Transport"),
)
_AMOUNT = {"in": "500 * (10 + abs(random()) % 70)", "out": "1000 * (20 + abs(random()) % 130)"}
_RANDOM_ID = (
    "printf('%08x-%04x-4%03x-a%03x-%012x', random() & 4294967295, random() & 65535, random() & 4095,"
    " random() & 4095, random() & 281474976710655)"
)
_COLUMNS = (
    "id, profile_id, ledger, direction, amount, date, category_id, move_id, move_kind, note, created_at, created_by"
)


def _empty_kiosk(path: Path, the_clock: FixedClock, profiles: list[Profile]) -> None:
    kiosk = Kiosk.open(path, the_clock)
    salt, digest = hash_pin(data.PIN)
    with transaction(kiosk.conn):
        for profile in profiles:
            people.insert_profile(kiosk.conn, profile, salt, digest)
    kiosk.close()


def _bulk(path: Path) -> sqlite3.Connection:
    """A raw connection for building: no journal, no sync (a half-built file is thrown away)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    return conn


def build_big(path: Path, the_clock: FixedClock, profiles: list[Profile]) -> int:
    """Every profile's book for 3 years, day by day in the order a shared kiosk fills up, generated
    inside SQLite (Python-side rows cost ~30 µs each on a small machine; this is ~4× faster)."""
    _empty_kiosk(path, the_clock, profiles)
    days = data.days_back(the_clock.today(), YEARS)
    conn = _bulk(path)
    try:
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("CREATE TEMP TABLE pids (n INTEGER PRIMARY KEY, id TEXT NOT NULL)")
        conn.executemany("INSERT INTO temp.pids VALUES (?, ?)", list(enumerate(p.id for p in profiles)))
        conn.execute("CREATE TEMP TABLE slots (j INTEGER PRIMARY KEY, ledger TEXT, direction TEXT, category_id TEXT)")
        conn.executemany(
            "INSERT INTO temp.slots VALUES (?, ?, ?, ?)",
            [(j, ledger.value, way, category_id(ledger, name)) for j, (ledger, way, name) in enumerate(_SLOTS)],
        )
        params = {"start": days[0].isoformat(), "last": len(days) - 1, "now": stamp(the_clock.now())}
        conn.execute("BEGIN")
        conn.execute(
            f"""WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < :last)
            INSERT INTO entries ({_COLUMNS})
            SELECT {_RANDOM_ID}, p.id, s.ledger, s.direction,
                   CASE s.direction WHEN 'in' THEN {_AMOUNT["in"]} ELSE {_AMOUNT["out"]} END,
                   date(:start, '+' || d.i || ' days'), s.category_id, NULL, NULL, '', :now, 'operator:'
            FROM d, temp.pids AS p, temp.slots AS s
            WHERE abs(random()) % 100 >= 7
            ORDER BY d.i, p.n, s.j""",
            params,
        )
        for way, ledger in (("out", "business"), ("in", "personal")):  # a move: two halves, one move id
            conn.execute(
                f"""WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < :last)
                INSERT INTO entries ({_COLUMNS})
                SELECT lower(hex(randomblob(18))), p.id, '{ledger}', '{way}', 500000,
                       date(:start, '+' || d.i || ' days'), NULL, printf('move-%03d-%05d', p.n, d.i), 'owner_pay', '',
                       :now, 'operator:'
                FROM d, temp.pids AS p WHERE d.i % 7 = 5""",
                params,
            )
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def build_alone(path: Path, the_clock: FixedClock, big: Path, profile: Profile) -> int:
    """The same profile, with exactly the rows it has in ``big``, alone in a kiosk."""
    _empty_kiosk(path, the_clock, [profile])
    conn = _bulk(path)
    try:
        conn.execute("ATTACH DATABASE ? AS big", (str(big),))
        conn.execute("BEGIN")
        conn.execute("INSERT INTO main.entries SELECT * FROM big.entries WHERE profile_id = ? ORDER BY rowid",
                     (profile.id,))  # fmt: skip
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE big")
        conn.execute("PRAGMA journal_mode = WAL")
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def _figures(kiosk: Kiosk, profile_id: str, today) -> dict[str, Callable[[], object]]:  # type: ignore[no-untyped-def]
    actor = Actor.beneficiary(profile_id)
    last_month = Period.month(today.year - (today.month == 1), (today.month - 2) % 12 + 1)
    return {
        "monthly summary (BookService.summary, last month)": lambda: kiosk.book.summary(actor, profile_id, last_month),
        "balances (BookService.balances)": lambda: kiosk.book.balances(actor, profile_id),
        "recent 200 entries (BookService.recent_entries)": lambda: kiosk.book.recent_entries(
            actor, profile_id, Ledger.BUSINESS, 200
        ),
        "standing lights, this month (StandingService.lights)": lambda: kiosk.standing.lights(
            actor, profile_id, PeriodChoice.THIS_MONTH
        ),
        "chart data, 12 months (StandingService.charts)": lambda: kiosk.standing.charts(
            actor, profile_id, PeriodChoice.LAST_12_MONTHS
        ),
    }


def run() -> list[Result]:
    the_clock = data.clock()
    profiles = _profiles(PROFILES, stamp(the_clock.now()))
    started = time.perf_counter()
    big_path = fresh_path("big.sqlite")
    big_rows = build_big(big_path, the_clock, profiles)
    build_seconds = time.perf_counter() - started
    small_path = fresh_path("one-profile.sqlite")
    small_rows = build_alone(small_path, the_clock, big_path, profiles[MEASURED])
    results = [
        info(NAME, f"big kiosk: {PROFILES} profiles × {YEARS} years, entries", big_rows, "rows",
             note=f"built in {build_seconds:.0f} s; measured profile has {small_rows:,} entries"),
    ]  # fmt: skip
    big, small = Kiosk.open(big_path, the_clock), Kiosk.open(small_path, the_clock)
    try:
        pid = profiles[MEASURED].id
        big_figures, small_figures = _figures(big, pid, the_clock.today()), _figures(small, pid, the_clock.today())
        for label in big_figures:
            on_big, on_small = big_figures[label], small_figures[label]
            assert repr(on_big()) == repr(on_small()), f"{label}: the two kiosks disagree"
            big_ms, small_ms = [], []
            for _ in range(REPEATS):
                for action, samples in ((on_small, small_ms), (on_big, big_ms)):
                    start = time.perf_counter()
                    action()
                    samples.append((time.perf_counter() - start) * 1000)
            results.append(
                at_most_ratio(NAME, label, median(big_ms), median(small_ms), 1.2, "ms", "same on a one-profile kiosk")
            )
    finally:
        big.close()
        small.close()
    return results
