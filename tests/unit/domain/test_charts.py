from __future__ import annotations

import datetime as dt
import itertools

import pytest

from wirausaha_desktop.domain.caseload import previous_window, rolling_window
from wirausaha_desktop.domain.charts import (
    DayMark,
    MarkerGroup,
    MoveMarker,
    PeriodChoice,
    SpanFigures,
    balance_series,
    calendar_span,
    chart_months,
    chart_spans,
    group_markers,
    monthly_figures,
    period_of,
    previous_period,
    recording_calendar,
    recording_streak,
    span_figures,
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


@pytest.mark.parametrize("today", [dt.date(2026, 12, 1), dt.date(2026, 12, 15), dt.date(2026, 12, 31), TODAY])
def test_the_rolling_choice_is_the_caseloads_30_days_ending_today(today: dt.date) -> None:
    window = period_of(PeriodChoice.LAST_30_DAYS, today)
    assert window == rolling_window(today) == Period(today - dt.timedelta(days=29), today)
    before = previous_period(window, PeriodChoice.LAST_30_DAYS)
    assert before == previous_window(window)
    assert before.end == window.start - dt.timedelta(days=1) and (before.end - before.start).days == 29
    assert next(iter(PeriodChoice)) is PeriodChoice.LAST_30_DAYS  # first in the selector


def test_a_rolling_window_that_is_a_whole_month_is_still_compared_with_the_30_days_before() -> None:
    november = period_of(PeriodChoice.LAST_30_DAYS, dt.date(2026, 11, 30))
    assert november == Period.month(2026, 11)
    assert previous_period(november, PeriodChoice.LAST_30_DAYS) == Period(dt.date(2026, 10, 2), dt.date(2026, 10, 31))
    assert previous_period(november) == Period.month(2026, 10)


def test_chart_spans_are_blocks_of_30_days_for_the_rolling_choice_and_months_otherwise() -> None:
    today = dt.date(2026, 12, 1)
    spans = chart_spans(PeriodChoice.LAST_30_DAYS, period_of(PeriodChoice.LAST_30_DAYS, today), today)
    assert len(spans) == 6 and spans[-1] == Period(dt.date(2026, 11, 2), today)
    assert all(b.start == a.end + dt.timedelta(days=1) for a, b in itertools.pairwise(spans))
    assert all((s.end - s.start).days == 29 for s in spans)
    months = chart_spans(PeriodChoice.LAST_MONTH, period_of(PeriodChoice.LAST_MONTH, today), today)
    assert months[0] == Period.month(2026, 6) and months[-1] == Period.month(2026, 11)


def test_span_figures_sum_each_block() -> None:
    spans = [Period(dt.date(2026, 10, 3), dt.date(2026, 11, 1)), Period(dt.date(2026, 11, 2), dt.date(2026, 12, 1))]
    daily = [
        (dt.date(2026, 11, 1), B, IN, "sales", 10_000, 1),
        (dt.date(2026, 11, 2), B, IN, "sales", 20_000, 1),
        (dt.date(2026, 12, 1), B, OUT, "owner_pay", 5_000, 1),
        (dt.date(2026, 12, 2), B, IN, "sales", 99_000, 1),  # after the last span: not counted
    ]
    figures = span_figures(daily, spans, whole_months=False)
    assert [(f.sales, f.owner_pay, f.whole_month) for f in figures] == [(10_000, 0, False), (20_000, 5_000, False)]


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
    assert [(m.start.month, m.sales, m.operating, m.owner_pay) for m in months] == [
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
    month = SpanFigures.month(2024, 7, sales, operating, pay)
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


def test_many_markers_are_summed_per_week_then_per_month() -> None:
    few = [MoveMarker(dt.date(2026, 11, d), 10_000, 100_000 + d, False) for d in (7, 14, 21)]
    assert group_markers(few) == (few, MarkerGroup.DAY)
    # Rina: a top-up most days for six weeks -> one marker per week, on its last move, with its total
    daily = [MoveMarker(dt.date(2026, 10, 19) + dt.timedelta(days=i), 10_000, i, True) for i in range(42)]
    weekly, group = group_markers(daily)
    assert group is MarkerGroup.WEEK and len(weekly) == 6
    assert [(m.day.weekday(), m.amount, m.count) for m in weekly] == [(6, 70_000, 7)] * 6
    assert weekly[0].balance == 6  # the balance on the week's last move day
    # six months of weekly pay: 26 weeks is still too many -> one per month
    pay = [MoveMarker(dt.date(2026, 6, 6) + dt.timedelta(weeks=i), 50_000, 0, False) for i in range(26)]
    monthly, group = group_markers(pay)
    assert group is MarkerGroup.MONTH and len(monthly) <= 7
    assert sum(m.amount for m in monthly) == 26 * 50_000 and sum(m.count for m in monthly) == 26


def test_recording_calendar_and_streak() -> None:
    recorded = frozenset({dt.date(2024, 7, d) for d in (20, 22, 24, 25, 26)})
    closed = frozenset({dt.date(2024, 7, 21), dt.date(2024, 7, 23)})
    calendar = recording_calendar(Period.month(2024, 7), TODAY, recorded, closed)
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


def test_the_streak_stays_within_the_calendars_days() -> None:
    every_day = frozenset(dt.date(2026, 10, 1) + dt.timedelta(days=i) for i in range(62))  # 1 Oct - 1 Dec
    today = dt.date(2026, 12, 1)
    rolling = recording_calendar(period_of(PeriodChoice.LAST_30_DAYS, today), today, every_day, frozenset())
    assert (rolling.start, rolling.end, len(rolling.days)) == (dt.date(2026, 11, 2), today, 30)
    assert rolling.streak == 30
    this_month = recording_calendar(Period.month(2026, 12), today, every_day, frozenset())
    assert this_month.streak == 1  # only the 1st of December is in December
    last_month = recording_calendar(Period.month(2026, 11), today, every_day - {dt.date(2026, 11, 30)}, frozenset())
    assert last_month.streak == 0  # the month's last day is over and was missed
    assert calendar_span(period_of(PeriodChoice.LAST_3_MONTHS, today), today) == Period.month(2026, 12)
    assert calendar_span(period_of(PeriodChoice.LAST_30_DAYS, today), today) == Period(dt.date(2026, 11, 2), today)
