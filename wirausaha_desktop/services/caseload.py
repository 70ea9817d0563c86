"""The mentor's caseload: each assigned beneficiary's lights over the last 30 days, who needs her first.

Every figure is read for all her beneficiaries at once (one query per figure, not one per
beneficiary), so that 250 families with two years of books each stay quick (DESIGN §7: ≤ 300 ms).
Each beneficiary's access log gets one line a day for a mentor who looked at her lights here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence

from ..domain import caseload as rules
from ..domain.caseload import CaseloadRow
from ..domain.model import AccessAction, Actor, Balances, Direction, FlowKind, Ledger, Profile, Role
from ..domain.problems import Problem, Refused
from ..domain.standing import FlowKey, Period, Summary, Thresholds, summarise
from ..storage import books, coaching, mentors, people
from ..storage.coaching import GoalRow
from ..storage.database import transaction
from . import access
from .clock import Clock, stamp

GoalCounts = Callable[[str, Sequence[GoalRow], dt.date], tuple[int, int]]
"""(profile id, open goals, today) → (met, overdue): the data's verdict on her open goals."""


class CaseloadService:
    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock,
        goal_counts: GoalCounts,
        thresholds: Thresholds | None = None,
        channel: str = "app",
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._channel = channel
        self._goal_counts = goal_counts
        self._thresholds = thresholds or Thresholds()

    def rows(self, actor: Actor, mentor_id: str | None = None, today: dt.date | None = None) -> list[CaseloadRow]:
        """A mentor's assigned beneficiaries, who needs her first at the top
        (``domain.caseload.needs_her_first``). A mentor sees her own; the operator (the CLI's
        ``caseload --mentor``) names the mentor, and the looks are logged as the operator's."""
        if actor.role is Role.MENTOR and actor.id is not None and mentor_id in (None, actor.id):
            mentor_id = actor.id
        elif actor.role is not Role.OPERATOR or mentor_id is None:
            raise Refused(Problem.of("not_allowed"))
        if mentors.mentor(self._conn, mentor_id) is None:
            raise Refused(Problem.of("mentor_unknown"))
        today = today or self._clock.today()
        ids = mentors.assigned_profiles(self._conn, mentor_id)
        by_id = people.profiles_by_id(self._conn, ids)
        profiles = {pid: by_id[pid] for pid in ids if pid in by_id}
        ids = list(profiles)
        window = rules.rolling_window(today)
        before = rules.previous_window(window)
        flows_before, flows_now = books.flow_totals_many(self._conn, ids, before.start, window.end, window.start)
        # Opening balances from the kept balance, minus what came since: no sum over her history.
        totals = books.ledger_balances_many(self._conn, ids)
        later = books.signed_after_many(self._conn, ids, window.end)
        opening_now = {pid: _minus(_minus(totals[pid], later[pid]), _net(flows_now[pid])) for pid in ids}
        opening_before = {pid: _minus(opening_now[pid], _net(flows_before[pid])) for pid in ids}
        # Days with entries and closed days of both windows, each read once for the 60 days.
        days = (
            books.dates_many(self._conn, ids, before.start, min(window.end, today), closed=False),
            books.dates_many(self._conn, ids, before.start, min(window.end, today), closed=True),
        )
        now_summaries = self._summaries(profiles, window, today, opening_now, flows_now, days)
        before_summaries = self._summaries(profiles, before, today, opening_before, flows_before, days)
        last = books.last_entry_dates(self._conn, ids)
        sessions = coaching.latest_sessions(self._conn, ids)
        # Her current goals are those agreed at the latest session; a new session takes over the last.
        goals = {
            pid: [g for g in found if pid in sessions and g.session_id == sessions[pid].id]
            for pid, found in coaching.open_goals(self._conn, ids).items()
        }
        found = []
        for pid, profile in profiles.items():
            summary = now_summaries[pid]
            last_day = last[pid]
            met, overdue = self._goal_counts(pid, goals[pid], today)
            latest = sessions.get(pid)
            found.append(
                CaseloadRow(
                    profile_id=pid,
                    name=profile.name,
                    business=profile.business,
                    days_silent=(today - last_day).days if last_day else None,
                    recorded_days=summary.days.recorded,
                    open_days=summary.days.open,
                    summary=summary,
                    trend=rules.trend(summary.indicators, before_summaries[pid].indicators),
                    open_goals=len(goals[pid]),
                    goals_met=met,
                    goals_overdue=overdue,
                    next_session=latest.next_session if latest else None,
                )
            )
        self._log_looks(actor, ids)
        return sorted(found, key=rules.needs_her_first)

    def _summaries(
        self,
        profiles: dict[str, Profile],
        period: Period,
        today: dt.date,
        opening: dict[str, Balances],
        flows: dict[str, dict[FlowKey, tuple[int, int]]],
        days: tuple[dict[str, frozenset[dt.date]], dict[str, frozenset[dt.date]]],
    ) -> dict[str, Summary]:
        ids = list(profiles)
        elapsed_end = min(period.end, today)
        runway_start, runway_end = period.runway_window(today)
        recorded = {pid: frozenset(d for d in days[0][pid] if period.start <= d <= elapsed_end) for pid in ids}
        closed = {pid: frozenset(d for d in days[1][pid] if period.start <= d <= elapsed_end) for pid in ids}
        if (runway_start, runway_end) == (period.start, period.end):  # a 30-day window is its own E30
            operating = {pid: _operating(flows[pid]) for pid in ids}
        else:
            operating = books.operating_totals_many(self._conn, ids, runway_start, runway_end)
        return {
            pid: summarise(
                profile=profile.name,
                period=period,
                today=today,
                opening=opening[pid],
                flows=flows[pid],
                recorded=recorded[pid],
                closed=closed[pid],
                operating_30_days=operating[pid],
                thresholds=self._thresholds,
            )
            for pid, profile in profiles.items()
        }

    def _log_looks(self, actor: Actor, ids: Sequence[str]) -> None:
        """One line a day per beneficiary: a list she appears in is a look at her figures."""
        now = self._clock.now()
        midnight = stamp(dt.datetime.combine(self._clock.today(), dt.time(), now.tzinfo))
        seen = people.accessed_since(self._conn, actor.id, AccessAction.CASELOAD.value, midnight)
        fresh = [pid for pid in ids if pid not in seen]
        if not fresh:
            return
        with transaction(self._conn):
            for pid in fresh:
                access.log_access(self._conn, actor, pid, AccessAction.CASELOAD, stamp(now), self._channel)


def _net(flows: dict[FlowKey, tuple[int, int]]) -> Balances:
    """What a period's flows added to each ledger (in minus out, moves included)."""
    net = {Ledger.BUSINESS: 0, Ledger.PERSONAL: 0}
    for (ledger, direction, _kind), (total, _count) in flows.items():
        net[ledger] += total if direction is Direction.IN else -total
    return Balances(net[Ledger.BUSINESS], net[Ledger.PERSONAL])


def _minus(a: Balances, b: Balances) -> Balances:
    return Balances(a.business - b.business, a.personal - b.personal)


def _operating(flows: dict[FlowKey, tuple[int, int]]) -> int:
    """E of DESIGN §3: business money out of flow kind ``operating``."""
    return sum(
        total
        for (ledger, direction, kind), (total, _count) in flows.items()
        if ledger is Ledger.BUSINESS and direction is Direction.OUT and kind == FlowKind.OPERATING.value
    )
