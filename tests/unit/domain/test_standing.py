"""Each indicator of DESIGN §3 at and around each boundary, and each grey rule, by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from wirausaha_desktop.domain.model import Balances, Direction, Ledger, MoveKind
from wirausaha_desktop.domain.standing import (
    BusinessFigures,
    DayCounts,
    Period,
    Status,
    Thresholds,
    business_figures,
    cash_runway,
    covers_costs,
    day_counts,
    no_top_ups,
    pay_within_profit,
    recording,
    summarise,
)

T = Thresholds()
G, Y, R, N = Status.GREEN, Status.YELLOW, Status.RED, Status.GREY
ENOUGH = DayCounts(recorded=10, open=10, closed=0)


def figures(
    sales: int = 0,
    operating: int = 0,
    owner_pay: int = 0,
    top_ups: int = 0,
    top_up_count: int = 0,
    closing: int = 0,
) -> BusinessFigures:
    return BusinessFigures(
        opening=0, sales=sales, grants=0, loans_in=0, other_in=0, operating=operating, equipment=0,
        loan_repayments=0, owner_pay=owner_pay, top_ups=top_ups, top_up_count=top_up_count, start_capital=0,
        profit=sales - operating, closing=closing,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("recorded", "open_days", "status", "value"),
    [
        (8, 10, G, 0.8),  # exactly 0.80
        (7, 10, Y, 0.7),
        (39, 49, Y, 0.7959),  # just under 0.80
        (5, 10, Y, 0.5),  # exactly 0.50
        (4, 10, R, 0.4),
        (24, 49, R, 0.4898),  # just under 0.50
        (7, 7, G, 1.0),  # O = 7 is enough
        (6, 6, N, 1.0),  # O < 7: grey
        (0, 0, N, None),  # nothing open yet: grey, value null
        (0, 7, R, 0.0),
    ],
)
def test_recording(recorded: int, open_days: int, status: Status, value: float | None) -> None:
    result = recording(DayCounts(recorded, open_days, 0), T)
    assert (result.status, result.value) == (status, value)


@pytest.mark.parametrize(
    ("sales", "operating", "days", "status", "value"),
    [
        (110_000, 100_000, ENOUGH, G, 1.1),  # exactly 1.10
        (109_999, 100_000, ENOUGH, Y, 1.1),  # just under (rounded value, exact status)
        (100_000, 100_000, ENOUGH, Y, 1.0),  # exactly 1.00
        (99_999, 100_000, ENOUGH, R, 1.0),
        (50_000, 0, ENOUGH, G, None),  # E = 0 < S: green, value null
        (0, 0, ENOUGH, N, None),  # S = E = 0: grey
        (0, 10_000, ENOUGH, R, 0.0),
        (500_000, 100_000, DayCounts(9, 20, 0), N, 5.0),  # D < 10: grey
    ],
)
def test_covers_costs(sales: int, operating: int, days: DayCounts, status: Status, value: float | None) -> None:
    result = covers_costs(figures(sales=sales, operating=operating), days, T)
    assert (result.status, result.value) == (status, value)


@pytest.mark.parametrize(
    ("top_ups", "count", "operating", "days", "status"),
    [
        (0, 0, 100_000, ENOUGH, G),
        (9_999, 1, 100_000, ENOUGH, Y),  # one top-up below 10 % of E
        (10_000, 1, 100_000, ENOUGH, R),  # exactly 10 %: not below
        (5_000, 2, 100_000, ENOUGH, R),  # two small top-ups
        (1, 1, 0, ENOUGH, R),  # E = 0: nothing is below 10 % of it
        (0, 0, 0, DayCounts(9, 9, 0), N),
        (50_000, 3, 100_000, DayCounts(9, 9, 0), N),
    ],
)
def test_no_top_ups(top_ups: int, count: int, operating: int, days: DayCounts, status: Status) -> None:
    result = no_top_ups(figures(top_ups=top_ups, top_up_count=count, operating=operating), days, T)
    assert (result.status, result.value) == (status, top_ups)


@pytest.mark.parametrize(
    ("sales", "operating", "pay", "days", "status", "value"),
    [
        (100_000, 0, 0, ENOUGH, G, 0.0),  # G = 0
        (0, 50_000, 0, ENOUGH, G, None),  # G = 0 with a loss: green, value null (P <= 0)
        (100_000, 0, 80_000, ENOUGH, G, 0.8),  # exactly 0.8 P
        (100_000, 0, 80_001, ENOUGH, Y, 0.8),  # just over 0.8 P
        (100_000, 0, 100_000, ENOUGH, Y, 1.0),  # exactly P
        (100_000, 0, 100_001, ENOUGH, R, 1.0),  # just over P
        (100_000, 100_000, 1, ENOUGH, R, None),  # P = 0 and some pay
        (50_000, 100_000, 10_000, ENOUGH, R, None),  # a loss and some pay
        (100_000, 0, 500_000, DayCounts(9, 9, 0), N, 5.0),
    ],
)
def test_pay_within_profit(
    sales: int, operating: int, pay: int, days: DayCounts, status: Status, value: float | None
) -> None:
    result = pay_within_profit(figures(sales=sales, operating=operating, owner_pay=pay), days, T)
    assert (result.status, result.value) == (status, value)


@pytest.mark.parametrize(
    ("closing", "e30", "status", "value"),
    [
        (140_000, 300_000, G, 14.0),  # exactly 14 days (daily spending Rp10.000)
        (139_999, 300_000, Y, 14.0),  # just under 14 (value rounded, status exact)
        (70_000, 300_000, Y, 7.0),  # exactly 7
        (69_999, 300_000, R, 7.0),
        (-5_000, 300_000, R, -0.5),  # overdrawn
        (1_000_000, 0, N, None),  # E30 = 0: grey, value null
    ],
)
def test_cash_runway(closing: int, e30: int, status: Status, value: float | None) -> None:
    result = cash_runway(figures(closing=closing), e30, T)
    assert (result.status, result.value) == (status, value)


def test_day_counts_closed_day_with_entries_counts_as_open() -> None:
    july = Period.month(2024, 7)
    today = dt.date(2024, 7, 10)
    recorded = frozenset({dt.date(2024, 7, d) for d in (1, 2, 3, 9, 12)})  # the 12th is after today
    closed = frozenset({dt.date(2024, 7, d) for d in (3, 4, 5, 20)})  # the 3rd has entries
    days = day_counts(july, today, recorded, closed)
    assert days == DayCounts(recorded=4, open=8, closed=2)


def test_day_counts_of_a_future_and_a_past_month() -> None:
    today = dt.date(2024, 7, 10)
    assert day_counts(Period.month(2024, 8), today, frozenset(), frozenset()) == DayCounts(0, 0, 0)
    assert day_counts(Period.month(2024, 2), today, frozenset(), frozenset()) == DayCounts(0, 29, 0)


def test_runway_window_ends_at_period_end_or_today() -> None:
    assert Period.month(2024, 6).runway_window(dt.date(2024, 7, 10)) == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert Period.month(2024, 7).runway_window(dt.date(2024, 7, 10)) == (dt.date(2024, 6, 11), dt.date(2024, 7, 10))


def test_parse_month() -> None:
    assert Period.parse_month("2024-02") == Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    for bad in ("2024-13", "2024-2", "24-02", "juli", "2024-00", ""):
        assert Period.parse_month(bad) is None


def test_business_figures_classify_every_flow() -> None:
    b, p, i, o = Ledger.BUSINESS, Ledger.PERSONAL, Direction.IN, Direction.OUT
    flows = {
        (b, i, "sales"): (500_000, 5),
        (b, i, "grant"): (1_000_000, 1),
        (b, i, "loan_in"): (2_000_000, 1),
        (b, i, "other_in"): (10_000, 1),
        (b, o, "operating"): (300_000, 6),
        (b, o, "equipment"): (700_000, 1),
        (b, o, "loan_repayment"): (100_000, 1),
        (b, o, MoveKind.OWNER_PAY.value): (150_000, 2),
        (b, i, MoveKind.TOP_UP.value): (50_000, 1),
        (b, i, MoveKind.START_CAPITAL.value): (400_000, 1),
        (p, i, MoveKind.OWNER_PAY.value): (150_000, 2),
        (p, o, MoveKind.TOP_UP.value): (50_000, 1),
        (p, o, MoveKind.START_CAPITAL.value): (400_000, 1),
    }
    result = business_figures(20_000, flows)
    assert result.profit == 200_000  # grants, loans, other money in and equipment are not profit
    assert result.top_ups == 50_000 and result.top_up_count == 1 and result.start_capital == 400_000
    assert result.closing == 20_000 + 500_000 + 1_000_000 + 2_000_000 + 10_000 + 50_000 + 400_000 - (
        300_000 + 700_000 + 100_000 + 150_000
    )
    summary = summarise(
        "Sari", Period.month(2024, 7), dt.date(2024, 7, 27), Balances(20_000, 5_000), flows,
        frozenset(), frozenset(), operating_30_days=300_000,
    )  # fmt: skip
    assert summary.personal.from_business == 150_000
    assert summary.personal.to_business == 450_000
    assert summary.personal.closing == 5_000 + 150_000 - 450_000
    assert [i.key for i in summary.indicators] == [
        "recording", "covers_costs", "no_top_ups", "pay_within_profit", "cash_runway",
    ]  # fmt: skip
