"""The mentor's caseload as pure rules: the rolling window, the trend word, and who needs her first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .standing import Indicator, Period, Status, Summary

WINDOW_DAYS = 30
_POINTS = {Status.GREEN: 2, Status.YELLOW: 1, Status.RED: 0}


class Trend(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


def rolling_window(today: dt.date, days: int = WINDOW_DAYS) -> Period:
    """The 30 days ending today (DESIGN §3): the lights never go grey just because a month began."""
    return Period(today - dt.timedelta(days=days - 1), today)


def previous_window(window: Period) -> Period:
    """The same number of days just before ``window``."""
    length = (window.end - window.start).days + 1
    return Period(window.start - dt.timedelta(days=length), window.start - dt.timedelta(days=1))


def trend(now: tuple[Indicator, ...], before: tuple[Indicator, ...]) -> Trend | None:
    """Better, the same or worse, over the lights that are not grey in both periods (green 2,
    yellow 1, red 0 points); None when no light can be compared (nothing to say)."""
    earlier = {i.key: i.status for i in before}
    pairs = [
        (_POINTS[i.status], _POINTS[earlier[i.key]])
        for i in now
        if i.status in _POINTS and earlier.get(i.key) in _POINTS
    ]
    if not pairs:
        return None
    difference = sum(a for a, _ in pairs) - sum(b for _, b in pairs)
    return Trend.BETTER if difference > 0 else Trend.WORSE if difference < 0 else Trend.SAME


@dataclass(frozen=True)
class CaseloadRow:
    """One beneficiary as her mentor's list shows her; every figure from her own book."""

    profile_id: str
    name: str
    business: str
    days_silent: int | None  # days since her last entry; None: nothing was ever recorded
    recorded_days: int  # D over the window
    open_days: int  # O over the window
    summary: Summary  # the window's figures and five lights
    trend: Trend | None
    open_goals: int
    goals_met: int
    goals_overdue: int
    next_session: dt.date | None

    @property
    def red_lights(self) -> int:
        return sum(1 for i in self.summary.indicators if i.status is Status.RED)


def needs_her_first(row: CaseloadRow) -> tuple[int, int, int, str]:
    """The default order: most red lights, then longest silence (never recorded first), then most
    overdue goals; then by name, so that the order is stable."""
    silence = 1_000_000 if row.days_silent is None else row.days_silent
    return (-row.red_lights, -silence, -row.goals_overdue, row.name.casefold())
