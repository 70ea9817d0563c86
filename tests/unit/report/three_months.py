"""Three months of Bu Sari's book whose every figure was worked out by hand, and her mentor.

Today is Saturday 27 July 2024 (the shared clock). Business ledger, days 1–12 of each month:

| month | sales          | operating (kulakan 400.000 + bunga 20.000) | Ambil untuk pribadi | cicilan pokok |
|-------|----------------|---------------------------------------------|---------------------|---------------|
| May   | 12 × 100.000 = 1.200.000 | 420.000                            | 300.000             | 0             |
| June  | 12 × 90.000 = 1.080.000  | 420.000                            | 300.000             | 100.000       |
| July  | 12 × 80.000 = 960.000    | 420.000                            | 300.000             | 100.000       |

Also Modal awal 500.000 and a loan (Pinjaman) of 1.000.000 on 1 May, an etalase (Beli alat)
250.000 on 15 June. Profit: 780.000, 660.000, 540.000. Left over (profit − pay − principal):
480.000, 260.000, 140.000; average 293.333; 30 % of it is 88.000 (880.000 × 3 / 10 / 3), below
the lowest month's 140.000, so the safe instalment is Rp88.000.

Position at the end of June: kas 1.200.000 + 1.080.000 + 1.000.000 + 500.000 − 840.000 − 600.000
− 100.000 − 250.000 = 1.990.000. End of July: 1.990.000 + 960.000 − 420.000 − 300.000 − 100.000 =
2.130.000; peralatan 250.000; utang 1.000.000 − 200.000 = 800.000; ekuitas 2.380.000 − 800.000 =
1.580.000 = modal awal 500.000 − prive 900.000 + saldo laba (3.240.000 − 1.260.000 = 1.980.000).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.helpers import category_id
from wirausaha_desktop.domain.model import Actor, Ledger, MoveKind, Profile, Role
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk

SALES_PER_DAY = {5: 100_000, 6: 90_000, 7: 80_000}


@dataclass(frozen=True)
class Book:
    kiosk: Kiosk
    sari: Profile
    owner: Actor
    wati: Actor
    wati_id: str


def fill_three_months(kiosk: Kiosk, sari: Profile) -> None:
    owner = Actor.beneficiary(sari.id)
    book = kiosk.book

    def cat(name: str) -> str:
        return category_id(kiosk, name, Ledger.BUSINESS)

    book.move_money(owner, sari.id, MoveKind.START_CAPITAL, 500_000, dt.date(2024, 5, 1))
    book.record_entry(owner, sari.id, cat("Pinjaman (KUR, Mekaar, koperasi)"), 1_000_000, dt.date(2024, 5, 1))
    book.record_entry(owner, sari.id, cat("Beli alat (gerobak, etalase, kompor)"), 250_000, dt.date(2024, 6, 15))
    for month, per_day in SALES_PER_DAY.items():
        for day in range(1, 13):
            book.record_entry(owner, sari.id, cat("Penjualan"), per_day, dt.date(2024, month, day))
        book.record_entry(owner, sari.id, cat("Kulakan / belanja dagangan"), 400_000, dt.date(2024, month, 2))
        book.record_entry(owner, sari.id, cat("Bunga / biaya admin"), 20_000, dt.date(2024, month, 3))
        book.move_money(owner, sari.id, MoveKind.OWNER_PAY, 300_000, dt.date(2024, month, 5))
        if month > 5:
            book.record_entry(owner, sari.id, cat("Cicilan pinjaman (pokok)"), 100_000, dt.date(2024, month, 6))


def make_book(kiosk: Kiosk, sari: Profile, operator: Actor, clock: FixedClock) -> Book:
    """Her book, and Bu Wati assigned on 1 June with sessions on 1 June and today."""
    fill_three_months(kiosk, sari)
    mentor, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    wati = Actor(Role.MENTOR, mentor.id)
    back = dt.timedelta(days=56)  # Saturday 1 June 2024
    clock.advance(-back)
    kiosk.mentors.assign(operator, mentor.id, sari.id)
    kiosk.coaching.record_session(wati, sari.id, "Awal pendampingan.", "", [], None)
    clock.advance(back)
    kiosk.coaching.record_session(wati, sari.id, "Cicilan lancar.", "Hebat, Bu Sari! Terus catat ya.", [], None)
    return Book(kiosk, sari, Actor.beneficiary(sari.id), wati, mentor.id)
