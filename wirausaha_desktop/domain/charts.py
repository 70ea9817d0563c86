"""What the standing page's charts show, as plain data computed from daily totals.

Plot functions (``gui/charts.py``) draw exactly these values and compute nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .model import Direction, FlowKind, Ledger, MoveKind
from .standing import Period

DailyTotal = tuple[dt.date, Ledger, Direction, str, int, int]
"""(date, ledger, direction, flow or move kind, sum, count) for one day: what storage sums."""


class PeriodChoice(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    LAST_3_MONTHS = "last_3_months"
    LAST_6_MONTHS = "last_6_months"
    LAST_12_MONTHS = "last_12_months"

    @property
    def months(self) -> int:
        return {"this_month": 1, "last_month": 1, "last_3_months": 3, "last_6_months": 6, "last_12_months": 12}[
            self.value
        ]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period_of(choice: PeriodChoice, today: dt.date) -> Period:
    """The calendar months the choice covers, ending with this month (or last month)."""
    end_year, end_month = (today.year, today.month)
    if choice is PeriodChoice.LAST_MONTH:
        end_year, end_month = add_months(end_year, end_month, -1)
    start_year, start_month = add_months(end_year, end_month, -(choice.months - 1))
    return Period(Period.month(start_year, start_month).start, Period.month(end_year, end_month).end)


def previous_period(period: Period) -> Period:
    """The same number of whole months just before ``period`` (for the arrows)."""
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    start = add_months(period.start.year, period.start.month, -months)
    end = add_months(period.start.year, period.start.month, -1)
    return Period(Period.month(*start).start, Period.month(*end).end)


def chart_months(period: Period) -> int:
    """Monthly charts show 6 months for short periods and 12 for long ones."""
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return 6 if months <= 3 else 12


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    sales: int
    operating: int
    owner_pay: int

    @property
    def profit(self) -> int:
        return self.sales - self.operating

    @property
    def pay_within_profit(self) -> int:
        return min(self.owner_pay, max(self.profit, 0))

    @property
    def kept_in_business(self) -> int:
        return max(self.profit - self.owner_pay, 0)

    @property
    def pay_over_profit(self) -> int:
        """The red overflow: pay taken beyond what the business earned."""
        return max(self.owner_pay - max(self.profit, 0), 0)


def monthly_figures(daily: Iterable[DailyTotal], last_year: int, last_month: int, months: int) -> list[MonthFigures]:
    sums: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, ledger, direction, kind, amount, _count in daily:
        if ledger is not Ledger.BUSINESS:
            continue
        bucket = sums[(day.year, day.month)]
        if direction is Direction.IN and kind == FlowKind.SALES.value:
            bucket["sales"] += amount
        elif direction is Direction.OUT and kind == FlowKind.OPERATING.value:
            bucket["operating"] += amount
        elif direction is Direction.OUT and kind == MoveKind.OWNER_PAY.value:
            bucket["owner_pay"] += amount
    result = []
    for offset in range(months - 1, -1, -1):
        year, month = add_months(last_year, last_month, -offset)
        bucket = sums.get((year, month), {})
        result.append(
            MonthFigures(year, month, bucket.get("sales", 0), bucket.get("operating", 0), bucket.get("owner_pay", 0))
        )
    return result


@dataclass(frozen=True)
class BalancePoint:
    day: dt.date
    balance: int  # business balance at the end of the day
    safe_level: int  # 14 days of operating spending, from the 30 days ending that day


@dataclass(frozen=True)
class MoveMarker:
    day: dt.date
    amount: int
    balance: int  # where on the line to put the marker
    from_personal: bool  # ▲ money came from personal, ▼ money went to personal


def balance_series(
    opening: int,
    daily: Sequence[DailyTotal],
    start: dt.date,
    end: dt.date,
    operating_before: Sequence[tuple[dt.date, int]] = (),
    safe_days: int = 14,
) -> tuple[list[BalancePoint], list[MoveMarker]]:
    """Business balance day by day from ``start`` to ``end`` and the moves between the books.

    ``operating_before`` gives (date, operating total) for the 29 days before ``start`` so that the
    first points' safe level sees a whole 30-day window.
    """
    change: dict[dt.date, int] = defaultdict(int)
    operating: dict[dt.date, int] = defaultdict(int)
    moves: dict[tuple[dt.date, bool], int] = defaultdict(int)
    for day, amount in operating_before:
        operating[day] += amount
    for day, ledger, direction, kind, amount, _count in daily:
        if ledger is not Ledger.BUSINESS:
            continue
        change[day] += amount if direction is Direction.IN else -amount
        if kind == FlowKind.OPERATING.value and direction is Direction.OUT:
            operating[day] += amount
        if kind in (MoveKind.TOP_UP.value, MoveKind.START_CAPITAL.value, MoveKind.OWNER_PAY.value):
            moves[(day, kind != MoveKind.OWNER_PAY.value)] += amount
    points: list[BalancePoint] = []
    markers: list[MoveMarker] = []
    balance = opening
    window = sum(amount for day, amount in operating.items() if start - dt.timedelta(days=29) <= day < start)
    day = start
    while day <= end:
        balance += change.get(day, 0)
        window += operating.get(day, 0)
        window -= operating.get(day - dt.timedelta(days=30), 0)
        points.append(BalancePoint(day, balance, window * safe_days // 30))
        for from_personal in (True, False):
            if (day, from_personal) in moves:
                markers.append(MoveMarker(day, moves[(day, from_personal)], balance, from_personal))
        day += dt.timedelta(days=1)
    return points, markers


class DayMark(StrEnum):
    RECORDED = "recorded"
    MISSED = "missed"
    CLOSED = "closed"
    COMING = "coming"  # after today


@dataclass(frozen=True)
class RecordingCalendar:
    year: int
    month: int
    days: tuple[tuple[dt.date, DayMark], ...]
    streak: int  # consecutive open days with entries, ending today (closed days neither break nor count)


def recording_calendar(
    year: int, month: int, today: dt.date, recorded: frozenset[dt.date], closed: frozenset[dt.date]
) -> RecordingCalendar:
    period = Period.month(year, month)
    days = []
    day = period.start
    while day <= period.end:
        if day > today:
            mark = DayMark.COMING
        elif day in recorded:
            mark = DayMark.RECORDED
        elif day in closed:
            mark = DayMark.CLOSED
        else:
            mark = DayMark.MISSED
        days.append((day, mark))
        day += dt.timedelta(days=1)
    return RecordingCalendar(year, month, tuple(days), recording_streak(today, recorded, closed))


def recording_streak(today: dt.date, recorded: frozenset[dt.date], closed: frozenset[dt.date]) -> int:
    """Days in a row with entries up to today; a closed day is skipped, and today may still come."""
    streak = 0
    day = today
    if day not in recorded:
        day -= dt.timedelta(days=1)  # today is not over yet
    while True:
        if day in recorded:
            streak += 1
        elif day not in closed:
            return streak
        day -= dt.timedelta(days=1)
        if (today - day).days > 3660:
            return streak
