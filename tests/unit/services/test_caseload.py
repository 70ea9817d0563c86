"""The caseload reads every beneficiary at once; its figures must equal her own summary's."""

from __future__ import annotations

import datetime as dt

from tests.helpers import category_id
from wirausaha_desktop.domain.caseload import Trend, previous_window, rolling_window
from wirausaha_desktop.domain.model import AccessAction, Actor, MoveKind, Role
from wirausaha_desktop.services.caseload import CaseloadService
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage.database import integrity_problems


def _no_goals(_pid: str, _goals: object, _today: dt.date) -> tuple[int, int]:
    return (0, 0)


def test_caseload_figures_equal_each_books_own_summary_and_only_assigned_books_appear(
    kiosk: Kiosk, clock: FixedClock
) -> None:
    operator = Actor.operator()
    wati, _ = kiosk.mentors.create(operator, "Bu Wati", "5555")
    today = clock.today()
    made = {}
    for n, name in enumerate(("Sari", "Rina", "Dewi", "Ani")):
        profile, _ = kiosk.profiles.create(operator, name, "Warung", "1234", "paper")
        made[name] = profile
        actor = Actor.beneficiary(profile.id)
        if name == "Ani":
            continue  # never recorded anything
        for back in range(0, 70, 1 + n):
            day = today - dt.timedelta(days=back)
            kiosk.book.record_entry(actor, profile.id, category_id(kiosk, "Penjualan"), 50_000 + n * 1000, day)
            kiosk.book.record_entry(actor, profile.id, category_id(kiosk, "Bahan baku"), 30_000, day)
        kiosk.book.move_money(actor, profile.id, MoveKind.OWNER_PAY, 40_000 * (n + 1), today - dt.timedelta(days=3))
        kiosk.book.move_money(actor, profile.id, MoveKind.TOP_UP, 10_000, today - dt.timedelta(days=40))
        wrong = kiosk.book.record_entry(actor, profile.id, category_id(kiosk, "Penjualan"), 999_000, today)
        kiosk.book.void(actor, wrong.added[0], "Salah jumlah")
    for name in ("Sari", "Dewi", "Ani"):
        kiosk.mentors.assign(operator, wati.id, made[name].id)
    mentor = Actor(Role.MENTOR, wati.id)
    rows = CaseloadService(kiosk.conn, clock, _no_goals).rows(mentor)
    assert {r.name for r in rows} == {"Sari", "Dewi", "Ani"}
    window = rolling_window(today)
    for row in rows:
        own = kiosk.book.summary(Actor.beneficiary(row.profile_id), row.profile_id, window)
        assert row.summary == own, row.name
        before = kiosk.book.summary(Actor.beneficiary(row.profile_id), row.profile_id, previous_window(window))
        assert row.trend is None or isinstance(row.trend, Trend)
        assert before.business.closing == own.business.opening
    ani = next(r for r in rows if r.name == "Ani")
    assert ani.days_silent is None
    assert rows[0].name == "Ani" or rows[0].red_lights >= rows[-1].red_lights
    sari = next(r for r in rows if r.name == "Sari")
    assert sari.days_silent == 0
    log = kiosk.access_log(Actor.beneficiary(made["Sari"].id), made["Sari"].id)
    assert [r.action for r in log] == [AccessAction.CASELOAD]
    CaseloadService(kiosk.conn, clock, _no_goals).rows(mentor)  # again today: not logged twice
    assert len(kiosk.access_log(Actor.beneficiary(made["Sari"].id), made["Sari"].id)) == 1
    assert kiosk.access_log(Actor.beneficiary(made["Rina"].id), made["Rina"].id) == []


def test_the_kept_balances_follow_every_write_and_void(kiosk: Kiosk, clock: FixedClock) -> None:
    operator = Actor.operator()
    sari, _ = kiosk.profiles.create(operator, "Sari", "Warung", "1234", "paper")
    actor = Actor.beneficiary(sari.id)
    sale = kiosk.book.record_entry(actor, sari.id, category_id(kiosk, "Penjualan"), 70_000, clock.today())
    move = kiosk.book.move_money(actor, sari.id, MoveKind.OWNER_PAY, 20_000, clock.today())
    kiosk.book.void(actor, sale.added[0], "Tidak jadi")
    kept = kiosk.conn.execute("SELECT ledger, balance FROM ledger_balances ORDER BY ledger").fetchall()
    assert kept == [("business", -20_000), ("personal", 20_000)]
    kiosk.book.void(actor, move.added[0], "Tidak jadi")
    assert kiosk.book.balances(actor, sari.id).business == 0
    kept = kiosk.conn.execute("SELECT ledger, balance FROM ledger_balances ORDER BY ledger").fetchall()
    assert kept == [("business", 0), ("personal", 0)]


def _day_totals(kiosk: Kiosk) -> list[tuple[object, ...]]:
    return kiosk.conn.execute(
        "SELECT date, ledger, direction, is_move, total, entries FROM day_totals ORDER BY date, ledger, direction"
    ).fetchall()


def test_the_kept_day_totals_follow_every_write_and_void_and_a_drift_is_caught(kiosk: Kiosk, clock: FixedClock) -> None:
    operator = Actor.operator()
    sari, _ = kiosk.profiles.create(operator, "Sari", "Warung", "1234", "paper")
    actor = Actor.beneficiary(sari.id)
    today, yesterday = clock.today(), clock.today() - dt.timedelta(days=1)
    sales = category_id(kiosk, "Penjualan")
    first = kiosk.book.record_entry(actor, sari.id, sales, 70_000, today)
    kiosk.book.record_entry(actor, sari.id, sales, 30_000, today)
    kiosk.book.record_entry(actor, sari.id, sales, 5_000, yesterday)
    kiosk.book.move_money(actor, sari.id, MoveKind.OWNER_PAY, 20_000, today)
    y, t = yesterday.isoformat(), today.isoformat()
    assert _day_totals(kiosk) == [
        (y, "business", "in", 0, 5_000, 1),
        (t, "business", "in", 0, 100_000, 2),
        (t, "business", "out", 1, 20_000, 1),
        (t, "personal", "in", 1, 20_000, 1),
    ]
    kiosk.book.void(actor, first.added[0], "Salah catat")
    assert _day_totals(kiosk)[1] == (t, "business", "in", 0, 30_000, 1)
    yesterdays = kiosk.conn.execute("SELECT id FROM entries WHERE date = ?", (y,)).fetchone()[0]
    kiosk.book.void(actor, yesterdays, "Salah catat")
    assert [row[0] for row in _day_totals(kiosk)] == [t, t, t]  # a day with no live entry has no row
    assert integrity_problems(kiosk.conn) == []
    kiosk.conn.execute("UPDATE day_totals SET total = total + 1 WHERE direction = 'in' AND ledger = 'business'")
    assert integrity_problems(kiosk.conn) == [f"kept day total: {sari.id} {t}"]
