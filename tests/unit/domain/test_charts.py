from __future__ import annotations

import datetime as dt

import pytest

from wirausaha_desktop.domain.charts import (
    DayMark,
    MonthFigures,
    PeriodChoice,
    balance_series,
    chart_months,
    monthly_figures,
    period_of,
    previous_period,
    recording_calendar,
    recording_streak,
)
from wirausaha_desktop.domain.model import Direction, Ledger
from wirausaha_desktop.domain.standing import Period

B, P, IN, OUT = Ledger.BUSINESS, Ledger.PERSONAL, Direction.IN, Direction.OUT
TODAY = dt.date(2024, 7, 27)


@pytest.mark.parametrize(
    ("choice", "start", "end"),
    [
        (PeriodChoice.THIS_MONTH, dt.date(2024, 7, 1), dt.date(2024, 7, 31)),
        (PeriodChoice.LAST_MONTH, dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
        (PeriodChoice.LAST_3_MONTHS, dt.date(2024, 5, 1), dt.date(2024, 7, 31)),
        (PeriodChoice.LAST_6_MONTHS, dt.date(2024, 2, 1), dt.date(2024, 7, 31)),
        (PeriodChoice.LAST_12_MONTHS, dt.date(2023, 8, 1), dt.date(2024, 7, 31)),
    ],
)
def test_period_choices_are_whole_calendar_months(choice: PeriodChoice, start: dt.date, end: dt.date) -> None:
    assert period_of(choice, TODAY) == Period(start, end)


def test_previous_period_has_the_same_number_of_months() -> None:
    assert previous_period(Period.month(2024, 1)) == Period.month(2023, 12)
    three = period_of(PeriodChoice.LAST_3_MONTHS, TODAY)
    assert previous_period(three) == Period(dt.date(2024, 2, 1), dt.date(2024, 4, 30))
    assert chart_months(three) == 6
    assert chart_months(period_of(PeriodChoice.LAST_6_MONTHS, TODAY)) == 12


def test_monthly_figures_keep_only_sales_operating_and_pay_of_the_business() -> None:
    daily = [
        (dt.date(2024, 6, 3), B, IN, "sales", 100_000, 2),
        (dt.date(2024, 6, 3), B, IN, "grant", 900_000, 1),  # not sales
        (dt.date(2024, 6, 4), B, OUT, "operating", 40_000, 1),
        (dt.date(2024, 6, 4), B, OUT, "equipment", 500_000, 1),  # not operating
        (dt.date(2024, 7, 1), B, OUT, "owner_pay", 30_000, 1),
        (dt.date(2024, 7, 1), P, IN, "owner_pay", 30_000, 1),  # the personal half is not counted twice
        (dt.date(2024, 7, 2), P, IN, "income", 70_000, 1),
    ]
    months = monthly_figures(daily, 2024, 7, 3)
    assert [(m.month, m.sales, m.operating, m.owner_pay) for m in months] == [
        (5, 0, 0, 0),
        (6, 100_000, 40_000, 0),
        (7, 0, 0, 30_000),
    ]
    assert months[1].profit == 60_000


@pytest.mark.parametrize(
    ("sales", "operating", "pay", "within", "kept", "over"),
    [
        (100, 40, 20, 20, 40, 0),  # pay within profit
        (100, 40, 60, 60, 0, 0),  # exactly all of it
        (100, 40, 90, 60, 0, 30),  # 30 over the profit
        (10, 40, 25, 0, 0, 25),  # a loss: all pay is overflow
    ],
)
def test_pay_split(sales: int, operating: int, pay: int, within: int, kept: int, over: int) -> None:
    month = MonthFigures(2024, 7, sales, operating, pay)
    assert (month.pay_within_profit, month.kept_in_business, month.pay_over_profit) == (within, kept, over)


def test_balance_series_runs_day_by_day_with_safe_level_and_markers() -> None:
    start, end = dt.date(2024, 7, 1), dt.date(2024, 7, 4)
    before = [(dt.date(2024, 6, 20), 30_000)]  # inside the 30-day window of the first days
    daily = [
        (dt.date(2024, 7, 1), B, IN, "sales", 50_000, 1),
        (dt.date(2024, 7, 2), B, OUT, "operating", 30_000, 1),
        (dt.date(2024, 7, 3), B, IN, "top_up", 20_000, 1),
        (dt.date(2024, 7, 4), B, OUT, "owner_pay", 10_000, 1),
        (dt.date(2024, 7, 4), P, IN, "owner_pay", 10_000, 1),
    ]
    points, markers = balance_series(100_000, daily, start, end, before)
    assert [p.balance for p in points] == [150_000, 120_000, 140_000, 130_000]
    # 14 days of spending: 14 x (operating in the 30 days ending that day) / 30
    assert [p.safe_level for p in points] == [14_000, 28_000, 28_000, 28_000]
    assert [(m.day.day, m.amount, m.balance, m.from_personal) for m in markers] == [
        (3, 20_000, 140_000, True),
        (4, 10_000, 130_000, False),
    ]


def test_recording_calendar_and_streak() -> None:
    recorded = frozenset({dt.date(2024, 7, d) for d in (20, 22, 24, 25, 26)})
    closed = frozenset({dt.date(2024, 7, 21), dt.date(2024, 7, 23)})
    calendar = recording_calendar(2024, 7, TODAY, recorded, closed)
    marks = dict(calendar.days)
    assert marks[dt.date(2024, 7, 20)] is DayMark.RECORDED
    assert marks[dt.date(2024, 7, 21)] is DayMark.CLOSED
    assert marks[dt.date(2024, 7, 19)] is DayMark.MISSED
    assert marks[dt.date(2024, 7, 27)] is DayMark.MISSED  # today, not yet recorded
    assert marks[dt.date(2024, 7, 28)] is DayMark.COMING
    assert len(calendar.days) == 31
    # today not over yet; 26, 25, 24 recorded, 23 closed (skipped), 22 recorded, 21 closed, 20 recorded
    assert calendar.streak == 5
    assert recording_streak(TODAY, recorded | {TODAY}, closed) == 6
    assert recording_streak(TODAY, frozenset(), frozenset()) == 0
