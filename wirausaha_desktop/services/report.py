"""What the printable reports show (issue 10 §1–3), gathered with the same checks as every read.

- *Rapor Usaha* and the SAK EMKM statements: whoever may read her book (she, her assigned mentor,
  the operator's command line), like ``summary``.
- *Surat keterangan pendampingan*: signed by a mentor assigned to her; made by that mentor, or by
  the operator naming (or finding) that mentor. Not by her: the letter speaks about her.

Every report made by someone other than her is one line in her access log (``report``), written
in the same transaction as the reads, so that a report that cannot be logged is not made. The
figures come from ``BookService``'s own summary, so that a report never disagrees with
``summary --json`` of the same month.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..domain import charts, repayment
from ..domain.charts import BalancePoint, MarkerGroup, MoveMarker, SpanFigures, add_months
from ..domain.goals import Goal, GoalProgress
from ..domain.model import AccessAction, Actor, Direction, Ledger, Profile, Role
from ..domain.problems import Problem, Refused
from ..domain.repayment import MonthCash, SafeRepayment
from ..domain.standing import Period, Summary
from ..domain.statements import Position, Statements, income_statement
from ..domain.validation import EARLIEST_DATE
from ..storage import books, coaching, mentors, people
from . import access
from .book import BookService
from .clock import Clock, stamp
from .coaching import CoachingService, MentorMessage

CHART_MONTHS = 6
LETTER_MONTHS = repayment.MONTHS
OFFERED_MONTHS = 4
"""Months the app offers a report for: this month and the three before it."""


@dataclass(frozen=True)
class Maker:
    """Who made the report, for its footer: her, her mentor (by name) or the kiosk's operator."""

    role: Role
    name: str


@dataclass(frozen=True)
class RaporData:
    profile: Profile
    summary: Summary
    months: tuple[SpanFigures, ...]  # the six calendar months ending with the report's month
    balance: tuple[BalancePoint, ...]  # the report's month, day by day (up to today)
    markers: tuple[MoveMarker, ...]
    marker_group: MarkerGroup
    goals: tuple[tuple[Goal, GoalProgress], ...]  # the latest session's (up to the month's end)
    goals_set_on: dt.date | None
    message: MentorMessage | None
    made_on: dt.date
    maker: Maker


@dataclass(frozen=True)
class StatementsData:
    profile: Profile
    statements: Statements
    made_on: dt.date
    maker: Maker


@dataclass(frozen=True)
class LetterData:
    profile: Profile
    mentor: str  # who signs
    coached_since: dt.date  # the first session or the assignment, whichever came first
    sessions: int  # sessions held with her, by any mentor
    last_session: dt.date
    months: tuple[MonthCash, ...]  # oldest first, ending with the letter's month
    repayment: SafeRepayment
    made_on: dt.date
    maker: Maker


@dataclass(frozen=True)
class MonthChoice:
    """The months a report may be asked for on screen, newest first, and the one proposed."""

    months: tuple[Period, ...]
    proposed: Period


class ReportService:
    def __init__(
        self, conn: sqlite3.Connection, clock: Clock, book: BookService, coaching_: CoachingService, channel: str
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._book = book
        self._coaching = coaching_
        self._channel = channel

    def offered_months(self, actor: Actor, profile_id: str) -> MonthChoice:
        """This month and the three before it; the last complete month is proposed when she recorded
        anything in it, else this month (a new book has nothing to show for last month)."""
        access.require_read(self._conn, actor, profile_id)
        today = self._today()
        months = tuple(reversed(_months_ending(Period.month(today.year, today.month), OFFERED_MONTHS)))
        last = months[1]
        recorded = books.recorded_dates(self._conn, profile_id, last.start, last.end)
        return MonthChoice(months, last if recorded else months[0])

    # -- the three reports -----------------------------------------------------------------------
    def rapor(self, actor: Actor, profile_id: str, period: Period) -> RaporData:
        with self._look(actor, profile_id, period):
            profile = self._profile(profile_id)
            summary = self._book._summary(profile_id, period)
            months, points, markers, group = self._charts(profile_id, period)
            goals, set_on, message = self._coaching_news(profile_id, period)
            return RaporData(
                profile,
                summary,
                months,
                points,
                markers,
                group,
                goals,
                set_on,
                message,
                self._today(),
                self._maker(actor),
            )

    def statements(self, actor: Actor, profile_id: str, period: Period) -> StatementsData:
        with self._look(actor, profile_id, period):
            profile = self._profile(profile_id)
            summary = self._book._summary(profile_id, period)
            flows = books.flow_totals(self._conn, profile_id, period.start, period.end)
            kinds = {c.id: c.kind for c in self._book.categories(Ledger.BUSINESS)}
            totals = books.category_totals(
                self._conn, profile_id, Ledger.BUSINESS, Direction.IN, period.start, period.end
            )
            totals += books.category_totals(
                self._conn, profile_id, Ledger.BUSINESS, Direction.OUT, period.start, period.end
            )
            income = income_statement([(name, kinds[cid], total) for cid, name, total in totals], flows)
            statements = Statements(
                period=period,
                income=income,
                opening=self._position(profile_id, period.start - dt.timedelta(days=1)),
                closing=self._position(profile_id, period.end),
                summary=summary,
            )
            return StatementsData(profile, statements, self._today(), self._maker(actor))

    def letter(self, actor: Actor, profile_id: str, period: Period, mentor_id: str | None = None) -> LetterData:
        """The letter for the three months ending with ``period``'s month."""
        access.require_read(self._conn, actor, profile_id)
        profile = self._profile(profile_id)
        if actor.role is Role.BENEFICIARY:
            raise Refused(Problem.of("letter_by_mentor"))
        signer = self._signer(actor, profile, mentor_id)
        held = [s for s in coaching.sessions_of(self._conn, profile_id) if s.held_on <= self._today()]
        if not held:
            raise Refused(Problem.of("letter_no_sessions", name=profile.name))
        with self._look(actor, profile_id, period):
            assigned = mentors.assigned_at(self._conn, signer, profile_id)
            first = min(s.held_on for s in held)
            since = min(first, _local_date(assigned)) if assigned else first
            month_cash = tuple(self._month_cash(profile_id, p) for p in _months_ending(period, LETTER_MONTHS))
            return LetterData(
                profile=profile,
                mentor=people.staff_name(self._conn, signer) or "",
                coached_since=since,
                sessions=len(held),
                last_session=max(s.held_on for s in held),
                months=month_cash,
                repayment=repayment.safe_repayment(month_cash),
                made_on=self._today(),
                maker=self._maker(actor),
            )

    # -- shared ----------------------------------------------------------------------------------
    @contextmanager
    def _look(self, actor: Actor, profile_id: str, period: Period) -> Iterator[None]:
        access.require_read(self._conn, actor, profile_id)
        if period.start > self._today():
            raise Refused(Problem.of("report_month_future", month=period.label))
        if access.is_owner(actor, profile_id):
            yield
            return
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.REPORT, now, self._channel):
            yield

    def _today(self) -> dt.date:
        return self._clock.today()

    def _profile(self, profile_id: str) -> Profile:
        found = people.profile(self._conn, profile_id)
        if found is None:
            raise Refused(Problem.of("profile_unknown"))
        return found

    def _maker(self, actor: Actor) -> Maker:
        if actor.role is Role.MENTOR and actor.id:
            return Maker(Role.MENTOR, people.staff_name(self._conn, actor.id) or "")
        if actor.role is Role.BENEFICIARY and actor.id:
            profile = people.profile(self._conn, actor.id)
            return Maker(Role.BENEFICIARY, profile.name if profile else "")
        return Maker(Role.OPERATOR, "")

    def _signer(self, actor: Actor, profile: Profile, mentor_id: str | None) -> str:
        assigned = mentors.mentors_of(self._conn, profile.id)
        if actor.role is Role.MENTOR:
            mentor_id = mentor_id or actor.id
            if mentor_id != actor.id:  # a mentor signs only her own letters
                raise Refused(Problem.of("not_allowed"))
        if mentor_id is None:
            if not assigned:
                raise Refused(Problem.of("letter_no_mentor", name=profile.name))
            if len(assigned) > 1:
                raise Refused(Problem.of("letter_choose_mentor", name=profile.name))
            return assigned[0]
        if mentor_id not in assigned:
            name = people.staff_name(self._conn, mentor_id) or ""
            raise Refused(Problem.of("letter_mentor_not_assigned", mentor=name, name=profile.name))
        return mentor_id

    def _position(self, profile_id: str, last_day: dt.date) -> Position:
        if last_day < EARLIEST_DATE:
            return Position.of(0, {})
        cash = books.balances(self._conn, profile_id, before=last_day + dt.timedelta(days=1)).business
        return Position.of(cash, books.flow_totals(self._conn, profile_id, EARLIEST_DATE, last_day))

    def _charts(
        self, profile_id: str, period: Period
    ) -> tuple[tuple[SpanFigures, ...], tuple[BalancePoint, ...], tuple[MoveMarker, ...], MarkerGroup]:
        """The standing page's chart values, for a calendar month instead of a window ending today."""
        spans = _months_ending(period, CHART_MONTHS)
        last = min(period.end, self._today())
        daily = books.daily_flow_totals(self._conn, profile_id, spans[0].start - dt.timedelta(days=29), last)
        months = charts.span_figures([row for row in daily if row[0] >= spans[0].start], spans)
        before = [
            (day, amount)
            for day, ledger, direction, kind, amount, _count in daily
            if day < period.start and ledger is Ledger.BUSINESS and direction is Direction.OUT and kind == "operating"
        ]
        in_month = [row for row in daily if row[0] >= period.start]
        opening = books.balances(self._conn, profile_id, before=period.start).business
        points, markers = charts.balance_series(opening, in_month, period.start, last, before)
        shown, group = charts.group_markers(markers)
        return tuple(months), tuple(points), tuple(shown), group

    def _coaching_news(
        self, profile_id: str, period: Period
    ) -> tuple[tuple[tuple[Goal, GoalProgress], ...], dt.date | None, MentorMessage | None]:
        """The goals of the latest session held by the month's end, and the latest message by then."""
        sessions = [s for s in coaching.sessions_of(self._conn, profile_id) if s.held_on <= period.end]
        if not sessions:
            return (), None, None
        latest = sessions[0]
        rows = [g for g in coaching.goals_of(self._conn, profile_id) if g.session_id == latest.id]
        goals = tuple(self._coaching._evaluated(profile_id, rows, self._today()))
        message = next(
            (
                MentorMessage(s.message, people.staff_name(self._conn, s.mentor_id) or "", s.held_on)
                for s in sessions
                if s.message
            ),
            None,
        )
        return goals, latest.held_on, message

    def _month_cash(self, profile_id: str, period: Period) -> MonthCash:
        summary = self._book._summary(profile_id, period)
        b = summary.business
        return MonthCash(period, b.sales, b.operating, b.owner_pay, b.loan_repayments, summary.days.recorded)


def _months_ending(period: Period, count: int) -> list[Period]:
    year, month = period.start.year, period.start.month
    return [Period.month(*add_months(year, month, -offset)) for offset in range(count - 1, -1, -1)]


def _local_date(timestamp: str) -> dt.date:
    """A stored UTC timestamp (``2024-07-01T03:00:00.000Z``) as the kiosk's calendar day."""
    moment = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    return moment.astimezone().date()
