"""What the standing page's charts show, as plain data computed from daily totals.

Plot functions (``gui/charts.py``) draw exactly these values and compute nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .caseload import previous_window, rolling_window
from .model import Direction, FlowKind, Ledger, MoveKind
from .standing import Period

DailyTotal = tuple[dt.date, Ledger, Direction, str, int, int]
"""(date, ledger, direction, flow or move kind, sum, count) for one day: what storage sums."""


class PeriodChoice(StrEnum):
    LAST_30_DAYS = "last_30_days"  # the default: the lights never go grey because a month began
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    LAST_3_MONTHS = "last_3_months"
    LAST_6_MONTHS = "last_6_months"
    LAST_12_MONTHS = "last_12_months"

    @property
    def rolling(self) -> bool:
        return self is PeriodChoice.LAST_30_DAYS

    @property
    def months(self) -> int:
        """Calendar months covered (a rolling choice covers about one)."""
        return {"last_3_months": 3, "last_6_months": 6, "last_12_months": 12}.get(self.value, 1)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period_of(choice: PeriodChoice, today: dt.date) -> Period:
    """The 30 days ending today (the mentor's caseload uses the very same window), or the calendar
    months the choice covers, ending with this month (or last month)."""
    if choice.rolling:
        return rolling_window(today)
    end_year, end_month = (today.year, today.month)
    if choice is PeriodChoice.LAST_MONTH:
        end_year, end_month = add_months(end_year, end_month, -1)
    start_year, start_month = add_months(end_year, end_month, -(choice.months - 1))
    return Period(Period.month(start_year, start_month).start, Period.month(end_year, end_month).end)


def previous_period(period: Period, choice: PeriodChoice | None = None) -> Period:
    """What the trend words compare with: the 30 days before a rolling window, else the same number
    of whole months just before ``period``."""
    if choice is not None and choice.rolling:
        return previous_window(period)
    months = _months_in(period)
    start = add_months(period.start.year, period.start.month, -months)
    end = add_months(period.start.year, period.start.month, -1)
    return Period(Period.month(*start).start, Period.month(*end).end)


def _months_in(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def chart_months(period: Period) -> int:
    """Monthly charts show 6 months for short periods and 12 for long ones."""
    return 6 if _months_in(period) <= 3 else 12


def chart_spans(choice: PeriodChoice, period: Period, today: dt.date) -> list[Period]:
    """The bars of the monthly charts, oldest first: six blocks of 30 days ending today for the rolling
    choice (so that its last bar is exactly what the lights judge), else 6 or 12 calendar months
    ending with the period's last month."""
    if choice.rolling:
        spans = [period]
        while len(spans) < 6:
            spans.append(previous_window(spans[-1]))
        return spans[::-1]
    last = min(period.end, today)
    months = chart_months(period)
    return [Period.month(*add_months(last.year, last.month, -offset)) for offset in range(months - 1, -1, -1)]


@dataclass(frozen=True)
class SpanFigures:
    """One bar of the monthly charts: a calendar month, or a block of 30 days."""

    start: dt.date
    end: dt.date
    sales: int
    operating: int
    owner_pay: int
    whole_month: bool = True

    @classmethod
    def month(cls, year: int, month: int, sales: int, operating: int, owner_pay: int) -> SpanFigures:
        period = Period.month(year, month)
        return cls(period.start, period.end, sales, operating, owner_pay)

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


def span_figures(daily: Iterable[DailyTotal], spans: Sequence[Period], whole_months: bool = True) -> list[SpanFigures]:
    """Sales, operating costs and owner's pay of the business in each span."""
    sums: list[defaultdict[str, int]] = [defaultdict(int) for _span in spans]
    for day, ledger, direction, kind, amount, _count in daily:
        if ledger is not Ledger.BUSINESS:
            continue
        index = next((i for i, span in enumerate(spans) if span.start <= day <= span.end), None)
        if index is None:
            continue
        bucket = sums[index]
        if direction is Direction.IN and kind == FlowKind.SALES.value:
            bucket["sales"] += amount
        elif direction is Direction.OUT and kind == FlowKind.OPERATING.value:
            bucket["operating"] += amount
        elif direction is Direction.OUT and kind == MoveKind.OWNER_PAY.value:
            bucket["owner_pay"] += amount
    return [
        SpanFigures(span.start, span.end, b["sales"], b["operating"], b["owner_pay"], whole_months)
        for span, b in zip(spans, sums, strict=True)
    ]


def monthly_figures(daily: Iterable[DailyTotal], last_year: int, last_month: int, months: int) -> list[SpanFigures]:
    spans = [Period.month(*add_months(last_year, last_month, -offset)) for offset in range(months - 1, -1, -1)]
    return span_figures(daily, spans)


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
    count: int = 1  # moves summed into this marker (a week's or a month's when there are many)
    start_capital: bool = False  # ▲ includes the declared start-up capital (Modal awal)


class MarkerGroup(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


MARKER_LIMIT = 12
"""At most this many markers of each direction on the balance chart: beyond it they become a blur."""


def group_markers(markers: Sequence[MoveMarker], limit: int = MARKER_LIMIT) -> tuple[list[MoveMarker], MarkerGroup]:
    """One marker per move, or, when either direction has more than ``limit``, one per week
    (Monday to Sunday), or one per month if that is still too many. A grouped marker sits on the
    group's last move, at that day's balance, and carries the group's total."""
    for group in MarkerGroup:
        grouped = _grouped(markers, group)
        if max(_direction_counts(grouped), default=0) <= limit:
            return grouped, group
    return grouped, MarkerGroup.MONTH


def _direction_counts(markers: Sequence[MoveMarker]) -> tuple[int, int]:
    ups = sum(1 for m in markers if m.from_personal)
    return ups, len(markers) - ups


def _grouped(markers: Sequence[MoveMarker], group: MarkerGroup) -> list[MoveMarker]:
    if group is MarkerGroup.DAY:
        return list(markers)

    def key(marker: MoveMarker) -> tuple[bool, tuple[int, int]]:
        if group is MarkerGroup.WEEK:
            iso = marker.day.isocalendar()
            return marker.from_personal, (iso.year, iso.week)
        return marker.from_personal, (marker.day.year, marker.day.month)

    result: dict[tuple[bool, tuple[int, int]], MoveMarker] = {}
    for marker in sorted(markers, key=lambda m: m.day):
        earlier = result.get(key(marker))
        if earlier is None:
            result[key(marker)] = marker
            continue
        result[key(marker)] = MoveMarker(
            marker.day,
            earlier.amount + marker.amount,
            marker.balance,
            marker.from_personal,
            earlier.count + marker.count,
            earlier.start_capital or marker.start_capital,
        )
    return sorted(result.values(), key=lambda m: (m.day, not m.from_personal))


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
    counts: dict[tuple[dt.date, bool], int] = defaultdict(int)
    capital_days: set[dt.date] = set()
    for day, amount in operating_before:
        operating[day] += amount
    for day, ledger, direction, kind, amount, count in daily:
        if ledger is not Ledger.BUSINESS:
            continue
        change[day] += amount if direction is Direction.IN else -amount
        if kind == FlowKind.OPERATING.value and direction is Direction.OUT:
            operating[day] += amount
        if kind in (MoveKind.TOP_UP.value, MoveKind.START_CAPITAL.value, MoveKind.OWNER_PAY.value):
            moves[(day, kind != MoveKind.OWNER_PAY.value)] += amount
            counts[(day, kind != MoveKind.OWNER_PAY.value)] += count
            if kind == MoveKind.START_CAPITAL.value:
                capital_days.add(day)
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
                key = (day, from_personal)
                capital = from_personal and day in capital_days
                markers.append(MoveMarker(day, moves[key], balance, from_personal, max(counts[key], 1), capital))
        day += dt.timedelta(days=1)
    return points, markers


class DayMark(StrEnum):
    RECORDED = "recorded"
    MISSED = "missed"
    CLOSED = "closed"
    COMING = "coming"  # after today


@dataclass(frozen=True)
class RecordingCalendar:
    start: dt.date
    end: dt.date  # inclusive: a calendar month, or the 30 days of the rolling window
    days: tuple[tuple[dt.date, DayMark], ...]
    streak: int  # consecutive open days with entries within these days, ending today or at the end


def calendar_span(period: Period, today: dt.date) -> Period:
    """The days the recording calendar shows: the whole period when it is a month or less, else
    the period's last month (up to today)."""
    if (period.end - period.start).days < 31:
        return period
    last = min(period.end, today)
    return Period.month(last.year, last.month)


def recording_calendar(
    span: Period, today: dt.date, recorded: frozenset[dt.date], closed: frozenset[dt.date]
) -> RecordingCalendar:
    days = []
    day = span.start
    while day <= span.end:
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
    streak = recording_streak(min(span.end, today), recorded, closed, since=span.start, today=today)
    return RecordingCalendar(span.start, span.end, tuple(days), streak)


def recording_streak(
    last: dt.date,
    recorded: frozenset[dt.date],
    closed: frozenset[dt.date],
    since: dt.date | None = None,
    today: dt.date | None = None,
) -> int:
    """Days in a row with entries up to ``last``, counted no further back than ``since``; a closed
    day is skipped, and ``last`` may still come when it is today (it is not over yet)."""
    today = last if today is None else today
    since = last - dt.timedelta(days=3660) if since is None else since
    streak = 0
    day = last
    if day == today and day not in recorded:
        day -= dt.timedelta(days=1)
    while day >= since:
        if day in recorded:
            streak += 1
        elif day not in closed:
            return streak
        day -= dt.timedelta(days=1)
    return streak
