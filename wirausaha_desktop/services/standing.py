"""The standing page's data: this period's summary, the one before it, and every chart's values."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ..domain import charts
from ..domain.charts import (
    BalancePoint,
    MarkerGroup,
    MoveMarker,
    PeriodChoice,
    RecordingCalendar,
    SpanFigures,
)
from ..domain.model import Actor, Direction, Ledger
from ..domain.standing import Period, Status, Summary
from ..storage import books
from . import access
from .book import BookService
from .clock import Clock

_RANK = {Status.RED: 0, Status.YELLOW: 1, Status.GREEN: 2}


@dataclass(frozen=True)
class Trend:
    """Against the period before: +1 better, -1 worse, 0 the same, None when either is grey."""

    key: str
    change: int | None


@dataclass(frozen=True)
class Lights:
    """What the indicator panel needs; fast to compute (a handful of indexed queries)."""

    choice: PeriodChoice
    summary: Summary
    previous: Summary
    trends: tuple[Trend, ...]

    def trend(self, key: str) -> Trend:
        return next(t for t in self.trends if t.key == key)


@dataclass(frozen=True)
class ChartData:
    months: tuple[SpanFigures, ...]  # calendar months, or blocks of 30 days for the rolling choice
    balance: tuple[BalancePoint, ...]
    markers: tuple[MoveMarker, ...]
    marker_group: MarkerGroup  # one marker per move, or summed per week or month when there are many
    spending_by_category: tuple[tuple[str, int], ...]
    calendar: RecordingCalendar


def compare(now: Status, before: Status) -> int | None:
    if now is Status.GREY or before is Status.GREY:
        return None
    return (_RANK[now] > _RANK[before]) - (_RANK[now] < _RANK[before])


class StandingService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, book: BookService) -> None:
        self._conn = conn
        self._clock = clock
        self._book = book

    def period(self, choice: PeriodChoice) -> Period:
        return charts.period_of(choice, self._clock.today())

    def lights(self, actor: Actor, profile_id: str, choice: PeriodChoice) -> Lights:
        period = self.period(choice)
        summary = self._book.summary(actor, profile_id, period)
        previous = self._book.summary(actor, profile_id, charts.previous_period(period, choice))
        trends = tuple(
            Trend(now.key, compare(now.status, before.status))
            for now, before in zip(summary.indicators, previous.indicators, strict=True)
        )
        return Lights(choice, summary, previous, trends)

    def charts(self, actor: Actor, profile_id: str, choice: PeriodChoice) -> ChartData:
        access.require_read(self._conn, actor, profile_id)
        today = self._clock.today()
        period = self.period(choice)
        last = min(period.end, today)
        spans = charts.chart_spans(choice, period, today)
        start = spans[0].start
        daily = books.daily_flow_totals(self._conn, profile_id, start - dt.timedelta(days=29), last)
        before = [(d, a) for d, led, di, k, a, _c in daily if d < start and k == "operating" and di is Direction.OUT]
        in_range = [row for row in daily if row[0] >= start]
        opening = books.balances(self._conn, profile_id, before=start).business
        points, markers = charts.balance_series(opening, in_range, start, last, before)
        shown_markers, group = charts.group_markers(markers)
        categories = books.category_totals(self._conn, profile_id, Ledger.BUSINESS, Direction.OUT, period.start, last)
        span = charts.calendar_span(period, today)
        recorded = books.recorded_dates(self._conn, profile_id, span.start, min(span.end, today))
        closed = books.closed_dates(self._conn, profile_id, span.start, min(span.end, today))
        return ChartData(
            months=tuple(charts.span_figures(in_range, spans, whole_months=not choice.rolling)),
            balance=tuple(points),
            markers=tuple(shown_markers),
            marker_group=group,
            spending_by_category=tuple((name, total) for _id, name, total in categories),
            calendar=charts.recording_calendar(span, today, recorded, closed),
        )
