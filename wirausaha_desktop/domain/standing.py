"""Does the business stand on its own? The figures and indicators of ``DESIGN.md`` §3.

Pure functions over totals that storage has already summed. Every comparison is made with
integers or ``Fraction`` so that a boundary (exactly 0.80, exactly 14 days) never depends on
floating-point rounding; the ``value`` reported beside a status is rounded for display only.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any

from .model import Balances, Direction, FlowKind, Ledger, MoveKind

FlowKey = tuple[Ledger, Direction, str]
"""(ledger, direction, flow kind or move kind) → summed by storage."""


class Status(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"  # "belum cukup catatan": the data cannot support a verdict


INDICATOR_KEYS = ("recording", "covers_costs", "no_top_ups", "pay_within_profit", "cash_runway")


@dataclass(frozen=True)
class Thresholds:
    """Kiosk settings with the defaults of DESIGN §3."""

    recording_green: Fraction = Fraction(4, 5)
    recording_yellow: Fraction = Fraction(1, 2)
    recording_min_open_days: int = 7
    min_recorded_days: int = 10
    covers_green: Fraction = Fraction(11, 10)
    covers_yellow: Fraction = Fraction(1)
    top_up_yellow_share: Fraction = Fraction(1, 10)
    pay_green_share: Fraction = Fraction(4, 5)
    runway_green_days: int = 14
    runway_yellow_days: int = 7


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last))

    @classmethod
    def parse_month(cls, text: str) -> Period | None:
        """``2024-07`` → July 2024; ``None`` for anything else."""
        try:
            year, month = (int(part) for part in text.strip().split("-"))
            if len(text.strip()) != 7 or not 1 <= month <= 12 or year < 1900:
                return None
            return cls.month(year, month)
        except ValueError:
            return None

    @property
    def label(self) -> str:
        return f"{self.start.year:04d}-{self.start.month:02d}"

    def elapsed_days(self, today: dt.date) -> tuple[dt.date, ...]:
        """The days of the period up to and including today."""
        last = min(self.end, today)
        count = (last - self.start).days + 1
        return tuple(self.start + dt.timedelta(days=i) for i in range(max(count, 0)))

    def runway_window(self, today: dt.date) -> tuple[dt.date, dt.date]:
        """E30's window: the 30 days ending at the period's end, or today if sooner."""
        last = min(self.end, today)
        return last - dt.timedelta(days=29), last


@dataclass(frozen=True)
class Indicator:
    key: str
    status: Status
    value: float | int | None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status.value, "value": self.value}


@dataclass(frozen=True)
class BusinessFigures:
    opening: int
    sales: int
    grants: int
    loans_in: int
    other_in: int
    operating: int
    equipment: int
    loan_repayments: int
    owner_pay: int
    top_ups: int
    top_up_count: int
    start_capital: int
    profit: int
    closing: int


@dataclass(frozen=True)
class PersonalFigures:
    opening: int
    income: int
    aid: int
    spending: int
    saving: int
    from_business: int
    to_business: int
    closing: int


@dataclass(frozen=True)
class DayCounts:
    recorded: int  # D
    open: int  # O
    closed: int  # closed days without entries, up to today


@dataclass(frozen=True)
class Summary:
    profile: str
    period: Period
    business: BusinessFigures
    personal: PersonalFigures
    days: DayCounts
    operating_30_days: int  # E30
    indicators: tuple[Indicator, ...] = field(default_factory=tuple)

    def indicator(self, key: str) -> Indicator:
        return next(i for i in self.indicators if i.key == key)

    def to_json(self) -> dict[str, Any]:
        """The summary JSON contract of DESIGN §6."""
        business = {k: v for k, v in vars(self.business).items() if k != "top_up_count"}
        return {
            "profile": self.profile,
            "month": self.period.label,
            "business": business,
            "personal": dict(vars(self.personal)),
            "days": dict(vars(self.days)),
            "indicators": {i.key: i.to_json() for i in self.indicators},
        }


def _total(flows: Mapping[FlowKey, tuple[int, int]], ledger: Ledger, direction: Direction, kind: str) -> int:
    return flows.get((ledger, direction, kind), (0, 0))[0]


def _closing(opening: int, flows: Mapping[FlowKey, tuple[int, int]], ledger: Ledger) -> int:
    balance = opening
    for (flow_ledger, direction, _kind), (amount, _count) in flows.items():
        if flow_ledger is ledger:
            balance += amount if direction is Direction.IN else -amount
    return balance


def business_figures(opening: int, flows: Mapping[FlowKey, tuple[int, int]]) -> BusinessFigures:
    b, i, o = Ledger.BUSINESS, Direction.IN, Direction.OUT
    sales = _total(flows, b, i, FlowKind.SALES.value)
    operating = _total(flows, b, o, FlowKind.OPERATING.value)
    return BusinessFigures(
        opening=opening,
        sales=sales,
        grants=_total(flows, b, i, FlowKind.GRANT.value),
        loans_in=_total(flows, b, i, FlowKind.LOAN_IN.value),
        other_in=_total(flows, b, i, FlowKind.OTHER_IN.value),
        operating=operating,
        equipment=_total(flows, b, o, FlowKind.EQUIPMENT.value),
        loan_repayments=_total(flows, b, o, FlowKind.LOAN_REPAYMENT.value),
        owner_pay=_total(flows, b, o, MoveKind.OWNER_PAY.value),
        top_ups=_total(flows, b, i, MoveKind.TOP_UP.value),
        top_up_count=flows.get((b, i, MoveKind.TOP_UP.value), (0, 0))[1],
        start_capital=_total(flows, b, i, MoveKind.START_CAPITAL.value),
        profit=sales - operating,
        closing=_closing(opening, flows, b),
    )


def personal_figures(opening: int, flows: Mapping[FlowKey, tuple[int, int]]) -> PersonalFigures:
    p, i, o = Ledger.PERSONAL, Direction.IN, Direction.OUT
    return PersonalFigures(
        opening=opening,
        income=_total(flows, p, i, FlowKind.INCOME.value),
        aid=_total(flows, p, i, FlowKind.AID.value),
        spending=_total(flows, p, o, FlowKind.SPENDING.value),
        saving=_total(flows, p, o, FlowKind.SAVING.value),
        from_business=_total(flows, p, i, MoveKind.OWNER_PAY.value),
        to_business=_total(flows, p, o, MoveKind.TOP_UP.value) + _total(flows, p, o, MoveKind.START_CAPITAL.value),
        closing=_closing(opening, flows, p),
    )


def day_counts(period: Period, today: dt.date, recorded: frozenset[dt.date], closed: frozenset[dt.date]) -> DayCounts:
    elapsed = frozenset(period.elapsed_days(today))
    recorded_days = recorded & elapsed
    closed_days = (closed & elapsed) - recorded_days  # a closed day with entries counts as open
    return DayCounts(recorded=len(recorded_days), open=len(elapsed) - len(closed_days), closed=len(closed_days))


def _ratio(numerator: int, denominator: int, digits: int = 4) -> float | None:
    return None if denominator == 0 else round(numerator / denominator, digits)


def recording(days: DayCounts, t: Thresholds) -> Indicator:
    d, o = days.recorded, days.open
    value = _ratio(d, o)
    if o < t.recording_min_open_days:
        return Indicator("recording", Status.GREY, value)
    share = Fraction(d, o)
    status = (
        Status.GREEN if share >= t.recording_green else Status.YELLOW if share >= t.recording_yellow else Status.RED
    )
    return Indicator("recording", status, value)


def covers_costs(b: BusinessFigures, days: DayCounts, t: Thresholds) -> Indicator:
    s, e = b.sales, b.operating
    value = _ratio(s, e)
    if days.recorded < t.min_recorded_days or s == e == 0:
        return Indicator("covers_costs", Status.GREY, value)
    if e == 0:
        return Indicator("covers_costs", Status.GREEN, value)
    share = Fraction(s, e)
    status = Status.GREEN if share >= t.covers_green else Status.YELLOW if share >= t.covers_yellow else Status.RED
    return Indicator("covers_costs", status, value)


def no_top_ups(b: BusinessFigures, days: DayCounts, t: Thresholds) -> Indicator:
    k = b.top_ups
    if days.recorded < t.min_recorded_days:
        return Indicator("no_top_ups", Status.GREY, k)
    if k == 0:
        status = Status.GREEN
    elif b.top_up_count == 1 and k < t.top_up_yellow_share * b.operating:
        status = Status.YELLOW
    else:
        status = Status.RED
    return Indicator("no_top_ups", status, k)


def pay_within_profit(b: BusinessFigures, days: DayCounts, t: Thresholds) -> Indicator:
    g, p = b.owner_pay, b.profit
    value = _ratio(g, p) if p > 0 else None
    if days.recorded < t.min_recorded_days:
        return Indicator("pay_within_profit", Status.GREY, value)
    if g == 0 or (p > 0 and g <= t.pay_green_share * p):
        status = Status.GREEN
    elif p > 0 and g <= p:
        status = Status.YELLOW
    else:
        status = Status.RED
    return Indicator("pay_within_profit", status, value)


def cash_runway(b: BusinessFigures, operating_30_days: int, t: Thresholds) -> Indicator:
    c, e30 = b.closing, operating_30_days
    if e30 == 0:
        return Indicator("cash_runway", Status.GREY, None)
    days_left = Fraction(30 * c, e30)
    status = (
        Status.GREEN
        if days_left >= t.runway_green_days
        else Status.YELLOW
        if days_left >= t.runway_yellow_days
        else Status.RED
    )
    return Indicator("cash_runway", status, round(30 * c / e30, 1))


def summarise(
    profile: str,
    period: Period,
    today: dt.date,
    opening: Balances,
    flows: Mapping[FlowKey, tuple[int, int]],
    recorded: frozenset[dt.date],
    closed: frozenset[dt.date],
    operating_30_days: int,
    thresholds: Thresholds | None = None,
) -> Summary:
    """Every figure and all five indicators for one profile and period."""
    thresholds = thresholds or Thresholds()
    business = business_figures(opening.business, flows)
    personal = personal_figures(opening.personal, flows)
    days = day_counts(period, today, recorded, closed)
    indicators = (
        recording(days, thresholds),
        covers_costs(business, days, thresholds),
        no_top_ups(business, days, thresholds),
        pay_within_profit(business, days, thresholds),
        cash_runway(business, operating_30_days, thresholds),
    )
    return Summary(profile, period, business, personal, days, operating_30_days, indicators)
