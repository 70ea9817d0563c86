"""A month of CSV whose every figure was worked out by hand (see the comments)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirausaha_desktop.domain.model import Actor, Ledger, MoveKind, Profile
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.services.kiosk import Kiosk

MONTH_CSV = Path(__file__).resolve().parents[2] / "fixtures" / "sari-2024-07.csv"

# Business: opening 100.000 (June sales). July: sales 12 × 50.000 = 600.000; operating 200.000 + 150.000
# = 350.000; equipment 300.000; owner's pay 100.000; one top-up 20.000; start-up capital 500.000.
# Profit 600.000 - 350.000 = 250.000. Closing 100.000 + 600.000 + 20.000 + 500.000 - 350.000 - 300.000
# - 100.000 = 470.000.
# Personal: opening 200.000; aid 750.000; spending 80.000; saving 50.000; from business 100.000; to
# business 20.000 + 500.000; closing 200.000 + 750.000 + 100.000 - 80.000 - 50.000 - 520.000 = 400.000.
# Days (today 27 July): entries on the 1st-12th and the 20th = 13; 27 days elapsed.
EXPECTED_BUSINESS = {
    "opening": 100_000, "sales": 600_000, "grants": 0, "loans_in": 0, "other_in": 0, "operating": 350_000,
    "equipment": 300_000, "loan_repayments": 0, "owner_pay": 100_000, "top_ups": 20_000,
    "start_capital": 500_000, "profit": 250_000, "closing": 470_000,
}  # fmt: skip
EXPECTED_PERSONAL = {
    "opening": 200_000, "income": 0, "aid": 750_000, "spending": 80_000, "saving": 50_000,
    "from_business": 100_000, "to_business": 520_000, "closing": 400_000,
}  # fmt: skip


def test_summary_matches_the_hand_computation(kiosk: Kiosk, sari: Profile, operator: Actor) -> None:
    kiosk.exchange.import_csv(operator, sari.id, MONTH_CSV.read_text("utf-8"))
    summary = kiosk.book.summary(operator, sari.id, Period.month(2024, 7)).to_json()
    assert summary["profile"] == "Sari" and summary["month"] == "2024-07"
    assert summary["business"] == EXPECTED_BUSINESS
    assert summary["personal"] == EXPECTED_PERSONAL
    assert summary["days"] == {"recorded": 13, "open": 27, "closed": 0}
    assert summary["indicators"] == {
        "recording": {"status": "red", "value": 0.4815},  # 13 / 27 < 0.50
        "covers_costs": {"status": "green", "value": 1.7143},  # 600 / 350 >= 1.10
        "no_top_ups": {"status": "yellow", "value": 20_000},  # one top-up, below 10 % of 350.000
        "pay_within_profit": {"status": "green", "value": 0.4},  # 100 <= 0.8 x 250
        "cash_runway": {"status": "green", "value": 40.3},  # 30 x 470.000 / 350.000 days
    }


def test_closed_days_lift_the_record_and_voids_leave_the_figures(
    kiosk: Kiosk, sari: Profile, sari_actor: Actor, operator: Actor
) -> None:
    kiosk.exchange.import_csv(operator, sari.id, MONTH_CSV.read_text("utf-8"))
    for day in (12, 14, 15):  # the 12th has entries, so it still counts as open
        kiosk.book.mark_closed_day(sari_actor, sari.id, dt.date(2024, 7, day))
    business = kiosk.book.recent_entries(sari_actor, sari.id, Ledger.BUSINESS)
    pay = next(e for e in business if e.move_kind is MoveKind.OWNER_PAY)
    kiosk.book.void(sari_actor, pay.id, "salah catat")
    summary = kiosk.book.summary(sari_actor, sari.id, Period.month(2024, 7))
    assert summary.days.open == 25 and summary.days.closed == 2 and summary.days.recorded == 13
    assert summary.indicator("recording").status.value == "yellow"  # 13 / 25 = 0.52
    assert summary.business.owner_pay == 0 and summary.business.closing == 570_000
    assert summary.personal.closing == 300_000
