"""Coaching sessions: notes, a message for her, agreed goals, and whether her data shows them met.

A mentor records a session for a book assigned to her; the indicators at that moment are stored
with it (the last 30 days' lights), and the session is written to her access log. Goals are
measured against her own entries by ``domain.goals.evaluate``, never by the mentor's say-so.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import goals as goal_rules
from ..domain.caseload import rolling_window
from ..domain.goals import CategorySpend, DatedAmount, Goal, GoalEvidence, GoalKind, GoalProgress, GoalStatus
from ..domain.model import AccessAction, Actor, Direction, FlowKind, Ledger, MoveKind
from ..domain.problems import Problem, Refused
from ..storage import books, coaching, people
from ..storage.coaching import GoalRow, SessionRow
from ..storage.database import transaction
from . import access
from .book import BookService
from .changes import Changes
from .clock import Clock, stamp

NOTES_LIMIT = 2000
MESSAGE_LIMIT = 300


@dataclass(frozen=True)
class GoalDraft:
    """A goal as the mentor agrees it in the session (the service gives it its id and dates)."""

    kind: GoalKind
    due: dt.date
    target: int | None = None
    per: goal_rules.PayEvery | None = None
    category: str | None = None
    text: str = ""


@dataclass(frozen=True)
class MentorMessage:
    text: str
    mentor: str  # her mentor's name, as the message is signed
    held_on: dt.date


class CoachingService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, book: BookService, channel: str = "app") -> None:
        self._conn = conn
        self._clock = clock
        self._book = book
        self._channel = channel

    # -- writing -----------------------------------------------------------------------------
    def record_session(
        self,
        actor: Actor,
        profile_id: str,
        notes: str,
        message: str,
        drafts: Sequence[GoalDraft],
        next_session: dt.date | None,
    ) -> Changes:
        """The session, its snapshot of the lights and its goals, in one transaction."""
        access.require_mentor_of(self._conn, actor, profile_id)
        today = self._clock.today()
        notes, message = notes.strip(), " ".join(message.split())
        if len(notes) > NOTES_LIMIT:
            raise Refused(Problem.of("notes_too_long", limit=NOTES_LIMIT))
        if len(message) > MESSAGE_LIMIT:
            raise Refused(Problem.of("message_too_long", limit=MESSAGE_LIMIT))
        if next_session is not None and next_session < today:
            raise Refused(Problem.of("next_session_past", date=next_session.isoformat()))
        session_id = str(uuid.uuid4())
        new_goals = [
            Goal(
                id=str(uuid.uuid4()),
                kind=d.kind,
                target=d.target,
                per=d.per,
                category=d.category,
                text=" ".join(d.text.split()),
                set_on=today,
                due=d.due,
            )
            for d in drafts
        ]
        for goal in new_goals:
            problems = goal_rules.goal_problems(goal)
            if problems:
                raise Refused(problems[0])
        summary = self._book._summary(profile_id, rolling_window(today))
        snapshot = json.dumps({i.key: i.status.value for i in summary.indicators}, sort_keys=True)
        assert actor.id is not None
        now = stamp(self._clock.now())
        with transaction(self._conn):
            access.log_access(self._conn, actor, profile_id, AccessAction.SESSION, now, self._channel)
            coaching.insert_session(
                self._conn,
                SessionRow(session_id, profile_id, actor.id, today, now, notes, message, snapshot, next_session),
            )
            for goal in new_goals:
                coaching.insert_goal(self._conn, _row(goal, profile_id, session_id))
        return Changes(profile_id=profile_id, profiles=True)

    # -- reading -----------------------------------------------------------------------------
    def sessions(self, actor: Actor, profile_id: str) -> list[SessionRow]:
        """Her sessions, newest first: for her mentor only (notes are the mentor's working notes)."""
        access.require_mentor_of(self._conn, actor, profile_id)
        return coaching.sessions_of(self._conn, profile_id)

    def goals(self, actor: Actor, profile_id: str) -> list[tuple[Goal, GoalProgress]]:
        """Every goal of her book with what the data shows today; she and her mentor may read them."""
        if not access.is_owner(actor, profile_id):
            access.require_mentor_of(self._conn, actor, profile_id)
        return self._evaluated(profile_id, coaching.goals_of(self._conn, profile_id), self._clock.today())

    def current_goals(self, actor: Actor, profile_id: str) -> list[tuple[Goal, GoalProgress]]:
        """The goals of her latest session (what her main screen shows, with their progress)."""
        if not access.is_owner(actor, profile_id):
            access.require_mentor_of(self._conn, actor, profile_id)
        latest = coaching.sessions_of(self._conn, profile_id)
        if not latest:
            return []
        rows = [g for g in coaching.goals_of(self._conn, profile_id) if g.session_id == latest[0].id]
        return self._evaluated(profile_id, rows, self._clock.today())

    def last_message(self, actor: Actor, profile_id: str) -> MentorMessage | None:
        """The latest message her mentor left for her, signed with the mentor's name."""
        if not access.is_owner(actor, profile_id):
            access.require_mentor_of(self._conn, actor, profile_id)
        for session in coaching.sessions_of(self._conn, profile_id):
            if session.message:
                name = people.staff_name(self._conn, session.mentor_id) or ""
                return MentorMessage(session.message, name, session.held_on)
        return None

    def goal_counts(self, profile_id: str, open_goals: Sequence[GoalRow], today: dt.date) -> tuple[int, int]:
        """(met, missed) among her open goals: for the caseload (its caller checks who may read)."""
        evaluated = self._evaluated(profile_id, list(open_goals), today)
        met = sum(1 for _, p in evaluated if p.status is GoalStatus.MET)
        missed = sum(1 for _, p in evaluated if p.status is GoalStatus.MISSED)
        return met, missed

    # -- shared ------------------------------------------------------------------------------

    def _evaluated(self, profile_id: str, rows: list[GoalRow], today: dt.date) -> list[tuple[Goal, GoalProgress]]:
        goals = [_goal(row) for row in rows]
        span = goal_rules.facts_needed(goals, today)
        evidence = self._evidence(profile_id, span.start, today) if span else GoalEvidence(since=today)
        return [(goal, goal_rules.evaluate(goal, evidence, today)) for goal in goals]

    def _evidence(self, profile_id: str, since: dt.date, today: dt.date) -> GoalEvidence:
        daily = books.daily_flow_totals(self._conn, profile_id, since, today)
        owner_pay: list[DatedAmount] = []
        top_ups: list[DatedAmount] = []
        sales: list[DatedAmount] = []
        changes: dict[dt.date, int] = {}
        for day, ledger, direction, kind, total, _count in daily:
            if ledger is not Ledger.BUSINESS:
                continue
            changes[day] = changes.get(day, 0) + (total if direction is Direction.IN else -total)
            if direction is Direction.OUT and kind == MoveKind.OWNER_PAY.value:
                owner_pay.append(DatedAmount(day, total))
            elif direction is Direction.IN and kind == MoveKind.TOP_UP.value:
                top_ups.append(DatedAmount(day, total))
            elif direction is Direction.IN and kind == FlowKind.SALES.value:
                sales.append(DatedAmount(day, total))
        spending = tuple(
            CategorySpend(day, cid, name, total)
            for day, cid, name, total in books.daily_category_spending(self._conn, profile_id, since, today)
        )
        return GoalEvidence(
            since=since,
            recorded=books.recorded_dates(self._conn, profile_id, since, today),
            closed=books.closed_dates(self._conn, profile_id, since, today),
            owner_pay=tuple(owner_pay),
            top_ups=tuple(top_ups),
            sales=tuple(sales),
            business_spending=spending,
            business_opening=books.balances(self._conn, profile_id, before=since).business,
            business_changes=tuple(DatedAmount(day, amount) for day, amount in sorted(changes.items())),
        )


def _row(goal: Goal, profile_id: str, session_id: str) -> GoalRow:
    return GoalRow(
        goal.id,
        profile_id,
        session_id,
        goal.kind.value,
        goal.target,
        goal.per.value if goal.per else None,
        goal.category,
        goal.text,
        goal.set_on,
        goal.due,
        None,
    )


def _goal(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        kind=GoalKind(row.kind),
        target=row.target,
        per=goal_rules.PayEvery(row.per) if row.per else None,
        category=row.category,
        text=row.text,
        set_on=row.set_on,
        due=row.due,
    )
