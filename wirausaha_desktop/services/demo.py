"""A seeded, reproducible demo kiosk: four beneficiaries, 18 months, four different stories.

1. Bu Sari's coffee stall stands on its own: steady sales, a weekly pay of about half the week's profit.
2. Bu Rina's snack stall does not quite cover its costs and is topped up from kitchen money, several
   times a month.
3. Bu Dewi, a tailor, pays herself more than the business earns; the programme's grants pay for it.
4. Bu Ani sells phone credit and stopped recording two months ago.

Their mentor, Bu Wati, follows all four: two past sessions each (five and two weeks ago), with
notes, a message for her and goals that fit the story. Bu Rina's latest goals are already over:
the data shows one met (she records nearly every day) and one missed (the top-ups go on).

Each story holds in (nearly) every full month, not only the last one; the household ledger follows
a PKH family's month (wages, aid, food, school, arisan, savings). Amounts are rounded like prices.

The book is written through the same services as real use: profiles by the operator, entries
by the CSV import (one transaction), closed days by the book service, the mentor and her sessions
by the mentor and coaching services (on a clock set back to each session's day).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.exchange import COLUMNS, write_csv
from ..domain.goals import PROMOTION_CATEGORY, GoalKind, PayEvery
from ..domain.model import Actor, Role
from ..storage import people
from .clock import Clock, FixedClock, SystemClock
from .coaching import GoalDraft
from .kiosk import Kiosk

DEMO_SEED = 2024
DEMO_OPERATOR_PIN = "0000"
DEMO_MONTHS = 18
DEMO_NAMESPACE = uuid.UUID("5e0d7c1a-9b3f-4c21-8a6e-2d4f6b8a0c13")
"""Demo rows carry ids made from the seed, the story and the row's place in it: the same seed and day
give the same book, down to its ids (the import would otherwise derive them from the random profile id)."""
HOUSEHOLD_CASH = 500_000
"""Roughly what a family keeps at home after the monthly savings (arisan day)."""
DEMO_MENTOR = "Bu Wati"
DEMO_MENTOR_PIN = "5555"
SESSION_WEEKS_AGO = (5, 2)
"""Bu Wati's two past sessions with each of them, in weeks before the demo's today."""


class DemoRefused(Exception):
    """The target file exists and is not a demo kiosk: it is never overwritten."""


@dataclass
class _Story:
    name: str
    business: str
    pin: str
    rows: list[list[str]] = field(default_factory=list)
    closed: list[dt.date] = field(default_factory=list)
    balance: dict[str, int] = field(default_factory=lambda: {"usaha": 0, "pribadi": 0})

    def add(self, day: dt.date, ledger: str, kind: str, category: str, amount: int, note: str = "") -> None:
        """One row of her book; ``balance`` follows both ledgers so that the story can react to it."""
        self.rows.append(["", day.isoformat(), ledger, kind, category, str(amount), note])
        if kind == "pindah":
            self.balance[ledger] -= amount
            self.balance["pribadi" if ledger == "usaha" else "usaha"] += amount
        else:
            self.balance[ledger] += amount if kind == "masuk" else -amount


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def _round(amount: float, step: int = 500) -> int:
    return max(step, round(amount / step) * step)


def _household(story: _Story, rng: random.Random, day: dt.date, wage: int) -> None:
    """The personal ledger most families keep: wages, PKH aid, food, school, phone credit.

    What is left at the end of the month goes to savings (a bank account or the Mekaar group), so
    that the personal balance stays the size a PKH family actually holds at home.
    """
    if day.weekday() == 5 and wage:
        story.add(day, "pribadi", "masuk", "Gaji / upah keluarga", wage)
    if day.day == 20 and day.month in (2, 5, 8, 11):
        story.add(day, "pribadi", "masuk", "Bantuan PKH", 750_000, "tahap")
    if day.day == 12:
        story.add(day, "pribadi", "masuk", "Bantuan sembako / BPNT", 200_000)
    if rng.random() < 0.7:
        story.add(day, "pribadi", "keluar", "Makan / belanja dapur", _round(rng.uniform(30_000, 70_000), 1000))
    if day.day == 3:
        story.add(day, "pribadi", "keluar", "Sekolah anak", 75_000, "uang buku")
        story.add(day, "pribadi", "keluar", "Listrik / air / gas rumah", 60_000)
    if day.weekday() == 0 and rng.random() < 0.5:
        story.add(day, "pribadi", "keluar", "Pulsa / kuota", 25_000)
    if day.day == 25:
        story.add(day, "pribadi", "keluar", "Arisan", 100_000)
        spare = (story.balance["pribadi"] - HOUSEHOLD_CASH) // 50_000 * 50_000
        if spare > 0:
            story.add(day, "pribadi", "keluar", "Tabungan", spare)


def _savings_at_start(story: _Story, start: dt.date, capital: int) -> None:
    """What the family had saved before she started recording: the start-up capital and a little more."""
    story.add(start, "pribadi", "masuk", "Pemasukan lain", capital + HOUSEHOLD_CASH, "uang simpanan di rumah")


def _coffee_stall(rng: random.Random, start: dt.date, today: dt.date) -> _Story:
    story = _Story("Sari", "Warung kopi dan gorengan", "1111")
    _savings_at_start(story, start, 1_000_000)
    story.add(start, "pribadi", "pindah", "Modal awal", 1_000_000, "modal pertama")
    week_sales = week_costs = 0
    for day in _days(start, today):
        if day.weekday() == 6 and rng.random() < 0.5:
            story.closed.append(day)
            continue
        if rng.random() < 0.06:  # a forgotten day now and then
            continue
        sales = _round(rng.uniform(170_000, 260_000), 1000)
        story.add(day, "usaha", "masuk", "Penjualan", sales)
        week_sales += sales
        if day.day % 2 == 0:
            cost = _round(sales * rng.uniform(0.95, 1.15), 1000)
            story.add(day, "usaha", "keluar", "Kulakan / belanja dagangan", cost, "kopi, gula, tepung")
            week_costs += cost
        if day.weekday() == 1:
            story.add(day, "usaha", "keluar", "Listrik / gas / air usaha", 22_000, "gas 3 kg")
            week_costs += 22_000
        if day.day == 15:
            story.add(day, "usaha", "keluar", "Kemasan / label", 35_000, "plastik dan gelas")
            week_costs += 35_000
        if day.weekday() == 5:
            profit = week_sales - week_costs
            if profit > 0:
                pay = _round(profit * 0.55, 10_000)  # a little over half the week's profit
                story.add(day, "usaha", "pindah", "Ambil untuk pribadi", pay, "gaji mingguan")
            week_sales = week_costs = 0
        _household(story, rng, day, wage=0)
    return story


def _snack_stall(rng: random.Random, start: dt.date, today: dt.date) -> _Story:
    """Sales hardly cover the ingredients, so the stall's cash runs dry: whenever it cannot pay for
    the morning's shopping, kitchen money fills the gap (a top-up), several times a month."""
    story = _Story("Rina", "Jajanan pasar", "2222")
    _savings_at_start(story, start, 300_000)
    story.add(start, "pribadi", "pindah", "Modal awal", 300_000)
    for day in _days(start, today):
        if rng.random() < 0.08:
            continue
        sales = _round(rng.uniform(70_000, 130_000), 1000)
        cost = _round(sales * rng.uniform(0.95, 1.15), 1000)
        short = cost - story.balance["usaha"]
        if short > 0:
            top_up = math.ceil((short + rng.uniform(0, 30_000)) / 10_000) * 10_000
            story.add(day, "pribadi", "pindah", "Tambah modal", top_up, "uang dapur dipakai dulu")
        story.add(day, "usaha", "keluar", "Bahan baku", cost, "tepung, gula, minyak")
        story.add(day, "usaha", "masuk", "Penjualan", sales)
        if day.weekday() == 3:
            story.add(day, "usaha", "keluar", "Kemasan / label", 15_000, "daun dan plastik")
        _household(story, rng, day, wage=400_000)
    return story


def _tailor(rng: random.Random, start: dt.date, today: dt.date) -> _Story:
    """Orders leave her about Rp500.000 a month after materials, but she takes Rp300.000 every week
    (on the next open day if she missed Saturday), paid for by the programme's grant every four months."""
    story = _Story("Dewi", "Jahit pakaian", "3333")
    _savings_at_start(story, start, 2_000_000)
    story.add(start, "pribadi", "pindah", "Modal awal", 2_000_000, "mesin jahit sudah ada")
    pay_due = fabric_due = False
    for day in _days(start, today):
        pay_due = pay_due or day.weekday() == 5
        fabric_due = fabric_due or day.weekday() == 0
        months_in = (day.year - start.year) * 12 + day.month - start.month
        if day.day == 1 and months_in % 4 == 0:
            story.add(day, "usaha", "masuk", "Bantuan modal usaha", 2_500_000, "bantuan program, tahap")
        if day.weekday() == 4 and rng.random() < 0.6:
            story.closed.append(day)
            continue
        if rng.random() < 0.1:
            continue
        if rng.random() < 0.9:
            story.add(
                day, "usaha", "masuk", "Pesanan / katering", _round(rng.uniform(40_000, 100_000), 5000), "jahit baju"
            )
        if fabric_due:  # the week's cloth and thread, bought on the first day she works
            story.add(day, "usaha", "keluar", "Bahan baku", _round(rng.uniform(130_000, 210_000), 5000), "kain, benang")
            fabric_due = False
        if day.day == 5:
            story.add(day, "usaha", "keluar", "Listrik / gas / air usaha", 45_000)
        pay = min(300_000, story.balance["usaha"] // 50_000 * 50_000)
        if pay_due and pay > 0:
            story.add(day, "usaha", "pindah", "Ambil untuk pribadi", pay, "gaji mingguan")
            pay_due = False
        _household(story, rng, day, wage=250_000)
    return story


def _phone_credit(rng: random.Random, start: dt.date, today: dt.date) -> _Story:
    story = _Story("Ani", "Jual pulsa dan kuota", "4444")
    _savings_at_start(story, start, 500_000)
    story.add(start, "pribadi", "pindah", "Modal awal", 500_000)
    last_recorded = today - dt.timedelta(days=62)
    for day in _days(start, last_recorded):
        if rng.random() < 0.12:
            continue
        sales = _round(rng.uniform(60_000, 140_000), 1000)
        story.add(day, "usaha", "masuk", "Penjualan", sales, "pulsa dan token")
        if day.day % 3 == 0:  # she tops up her server balance with what the drawer holds
            stock = min(_round(sales * 2.6, 5000), story.balance["usaha"] // 5000 * 5000)
            if stock > 0:
                story.add(day, "usaha", "keluar", "Kulakan / belanja dagangan", stock, "saldo server")
        if day.weekday() == 5 and story.balance["usaha"] >= 100_000:
            story.add(day, "usaha", "pindah", "Ambil untuk pribadi", 100_000)
        _household(story, rng, day, wage=300_000)
    return story


STORIES: tuple[Callable[[random.Random, dt.date, dt.date], _Story], ...] = (
    _coffee_stall,
    _snack_stall,
    _tailor,
    _phone_credit,
)


def demo_start(today: dt.date) -> dt.date:
    """The first day of the month 17 months before this one: 18 calendar months of data."""
    months = today.year * 12 + today.month - 1 - (DEMO_MONTHS - 1)
    return dt.date(months // 12, months % 12 + 1, 1)


def build_demo_kiosk(path: Path, clock: Clock | None = None, seed: int = DEMO_SEED) -> None:
    """Write the demo kiosk to ``path`` (built beside it, then moved into place)."""
    clock = clock or SystemClock()
    if path.exists() and not _is_demo(path):
        raise DemoRefused("file exists and is not a demo kiosk")
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    kiosk = Kiosk.open(partial, clock)
    try:
        _fill(kiosk, clock.today(), seed)
        kiosk.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        kiosk.close()
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    partial.replace(path)


def _fill(kiosk: Kiosk, today: dt.date, seed: int) -> None:
    operator = Actor.operator()
    kiosk.profiles.create_operator(DEMO_OPERATOR_PIN)
    kiosk.settings.set(operator, "demo", "1")
    rng = random.Random(seed)
    start = demo_start(today)
    profiles: dict[str, str] = {}
    for make_story in STORIES:
        story = make_story(rng, start, today)
        profile, _ = kiosk.profiles.create(operator, story.name, story.business, story.pin, "screen")
        rows = [
            [str(uuid.uuid5(DEMO_NAMESPACE, f"{seed}:{story.name}:{i}")), *row[1:]] for i, row in enumerate(story.rows)
        ]
        kiosk.exchange.import_csv(operator, profile.id, write_csv([list(COLUMNS), *rows]))
        for day in story.closed:
            kiosk.book.mark_closed_day(Actor.beneficiary(profile.id), profile.id, day)
        profiles[story.name] = profile.id
    _mentor(kiosk, today, profiles)


@dataclass(frozen=True)
class _Visit:
    """One coaching session as Bu Wati recorded it."""

    notes: str
    message: str
    goals: tuple[GoalDraft, ...]
    next_session: dt.date


def _weekday(day: dt.date, step: int) -> dt.date:
    """``day``, or the nearest weekday in the direction of ``step`` (a mentor visits Monday to Friday)."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=step)
    return day


def session_days(today: dt.date) -> tuple[dt.date, dt.date]:
    """The days of Bu Wati's two past sessions (the same days for all four: she visits the group)."""
    first, second = (_weekday(today - dt.timedelta(weeks=weeks), -1) for weeks in SESSION_WEEKS_AGO)
    return first, second


def _visits(today: dt.date) -> dict[str, tuple[_Visit, _Visit]]:
    """Bu Wati's two sessions with each of them: what she wrote, the goals agreed, the next date.

    Each first session's next date is the second session; each second one's is still to come. Only
    Bu Rina's latest goals are over by today (due yesterday), so that the data has its say on them.
    """
    _, second = session_days(today)
    yesterday = today - dt.timedelta(days=1)

    def soon(days: int) -> dt.date:
        return _weekday(today + dt.timedelta(days=days), 1)

    return {
        "Sari": (
            _Visit(
                "Usaha sehat: penjualan stabil, gaji mingguan diambil dari untung. Sepakat: kas usaha "
                "jangan di bawah Rp1.000.000, cukup untuk belanja seminggu.",
                "Bagus sekali, Bu Sari! Usahanya sudah bisa berdiri sendiri. Pertahankan kas usahanya, ya.",
                (GoalDraft(GoalKind.KEEP_CASH, second - dt.timedelta(days=1), target=1_000_000),),
                second,
            ),
            _Visit(
                "Kas usaha tetap terjaga. Bu Sari ingin pelanggan baru dari kantor desa. Sepakat: spanduk "
                "kecil di depan warung, dan kas usaha tetap minimal Rp1.000.000.",
                "Kasnya terjaga, hebat! Semoga spanduknya mendatangkan pelanggan baru. Sampai ketemu dua minggu lagi.",
                (
                    GoalDraft(GoalKind.KEEP_CASH, soon(13), target=1_000_000),
                    GoalDraft(GoalKind.SPEND_ON, soon(13), target=75_000, category=PROMOTION_CATEGORY),
                ),
                soon(14),
            ),
        ),
        "Rina": (
            _Visit(
                "Uang dapur sering dipakai untuk belanja bahan. Harga kue belum dihitung dari modal. "
                "Sepakat: coba tanpa tambah modal sampai pertemuan berikut, dan hitung modal satu adonan.",
                "Bu Rina, terima kasih sudah rajin mencatat. Yuk coba hitung modal satu adonan sebelum pasang harga.",
                (
                    GoalDraft(GoalKind.NO_TOP_UPS, second - dt.timedelta(days=1)),
                    GoalDraft(GoalKind.FREE_TEXT, second - dt.timedelta(days=1), text="Hitung modal satu adonan"),
                ),
                second,
            ),
            _Visit(
                "Catatan rajin hampir tiap hari. Tambah modal dari uang dapur masih beberapa kali. "
                "Modal satu adonan sudah dihitung: harga kue sebaiknya naik Rp500. "
                "Sepakat: tetap mencatat, dan dua minggu tanpa tambah modal.",
                "Catatannya rapi, Bu Rina! Coba naikkan harga sedikit supaya uang dapur tidak terpakai lagi.",
                (
                    GoalDraft(GoalKind.RECORD_DAYS, yesterday, target=10),
                    GoalDraft(GoalKind.NO_TOP_UPS, yesterday),
                ),
                soon(3),
            ),
        ),
        "Dewi": (
            _Visit(
                "Ambil untuk pribadi Rp300.000 tiap minggu, padahal untung jahitan sekitar Rp150.000 seminggu. "
                "Selisihnya dari bantuan modal program. Sepakat: ambil untuk pribadi tetap Rp125.000 per minggu.",
                "Bu Dewi, jahitannya bagus dan pelanggannya setia. Yuk ambil untuk pribadi secukupnya: "
                "Rp125.000 seminggu.",
                (GoalDraft(GoalKind.OWNER_PAY, second - dt.timedelta(days=1), target=125_000, per=PayEvery.WEEK),),
                second,
            ),
            _Visit(
                "Ambil untuk pribadi masih Rp300.000 per minggu. Kas usaha masih ada karena bantuan program, "
                "padahal bantuan tidak selamanya. Sepakat lagi: Rp125.000 per minggu; tiap Sabtu hitung dulu "
                "untung minggu itu.",
                "Sedikit demi sedikit, Bu Dewi. Ambil Rp125.000 seminggu dulu, sisanya biar tinggal di usaha.",
                (
                    GoalDraft(GoalKind.OWNER_PAY, soon(12), target=125_000, per=PayEvery.WEEK),
                    GoalDraft(
                        GoalKind.FREE_TEXT,
                        soon(12),
                        text="Tiap Sabtu hitung untung jahitan sebelum ambil untuk pribadi",
                    ),
                ),
                soon(5),
            ),
        ),
        "Ani": (
            _Visit(
                "Hampir sebulan tidak mencatat: HP dipakai anak untuk sekolah. Penjualan pulsa jalan terus. "
                "Sepakat: mulai mencatat lagi di buku tulis dulu, nanti disalin di kios.",
                "Bu Ani, tidak apa-apa mulai lagi pelan-pelan. Catat penjualan hari ini saja dulu, ya.",
                (GoalDraft(GoalKind.RECORD_DAYS, second - dt.timedelta(days=1), target=12),),
                second,
            ),
            _Visit(
                "Belum mencatat lagi; buku tulisnya hilang. Sepakat: catat di kios setiap sore saat "
                "menjemput anak, 20 dari 30 hari.",
                "Bu Ani, saya tunggu catatannya. Cukup satu baris sehari: penjualan hari itu.",
                (GoalDraft(GoalKind.RECORD_DAYS, second + dt.timedelta(days=29), target=20),),
                soon(2),
            ),
        ),
    }


def _mentor(kiosk: Kiosk, today: dt.date, profiles: dict[str, str]) -> None:
    """Bu Wati, assigned to the four books, and her two past sessions with each.

    ``record_session`` dates a session by its clock, so the sessions go through the services of a
    kiosk on the same file whose clock is set back to each session's morning (WIB, UTC+7).
    """
    visits = _visits(today)
    days = session_days(today)
    clock = FixedClock(dt.datetime.combine(days[0], dt.time(1, 0), dt.UTC))  # 08:00 WIB
    back = Kiosk(kiosk.conn, kiosk.path, clock, channel=kiosk.channel)
    operator = Actor.operator()
    mentor, _ = back.mentors.create(operator, DEMO_MENTOR, DEMO_MENTOR_PIN)
    for profile_id in profiles.values():
        back.mentors.assign(operator, mentor.id, profile_id)
    wati = Actor(Role.MENTOR, mentor.id)
    for turn, day in enumerate(days):
        for order, (name, profile_id) in enumerate(profiles.items()):
            moment = dt.datetime.combine(day, dt.time(2, 0), dt.UTC) + dt.timedelta(minutes=30 * order)
            clock.advance(moment - clock.now())
            visit = visits[name][turn]
            back.coaching.record_session(wati, profile_id, visit.notes, visit.message, visit.goals, visit.next_session)


def _is_demo(path: Path) -> bool:
    """Whether ``path`` is a kiosk marked as a demo, looked at read-only: a real kiosk is never migrated
    or otherwise touched by the check."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return people.setting(conn, "demo") == "1"
    except sqlite3.Error:
        return False
    finally:
        conn.close()
