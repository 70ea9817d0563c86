"""Tips from her own data: the facts of the last 30 days gathered for ``domain.tips`` (issue 8 §7).

The rules are pure and live in the domain; this service only reads her book into one
``TipEvidence`` (the rolling 30 days ending today, and the same span before it for the cost trend)
and asks them. She sees the first tip on her main screen; her mentor sees them all in the session.
A look by anyone but her is written to her access log, like every look at her figures.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from types import MappingProxyType

from ..domain import tips as tip_rules
from ..domain.caseload import previous_window, rolling_window
from ..domain.goals import DatedAmount
from ..domain.model import AccessAction, Actor, Category, Direction, FlowKind, Ledger, MoveKind
from ..domain.tips import BusinessOut, Tip, TipEvidence, TipRule
from ..storage import books, people
from . import access
from .clock import Clock, stamp

_COST_KINDS = frozenset({FlowKind.OPERATING, FlowKind.EQUIPMENT, FlowKind.LOAN_REPAYMENT})


class TipService:
    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock,
        channel: str = "app",
        rules: Sequence[TipRule] = tip_rules.RULES,
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._channel = channel
        self._rules = tuple(rules)

    def first_tip(self, actor: Actor, profile_id: str) -> Tip | None:
        """The one tip for her main screen (the most important that fires), or None."""
        return tip_rules.first_tip(self._read(actor, profile_id), self._rules)

    def tips(self, actor: Actor, profile_id: str) -> list[Tip]:
        """Every tip that fires today, most important first (her mentor's view in the session)."""
        return tip_rules.tips_for(self._read(actor, profile_id), self._rules)

    def _read(self, actor: Actor, profile_id: str) -> TipEvidence:
        access.require_read(self._conn, actor, profile_id)
        if access.is_owner(actor, profile_id):
            return self.evidence(profile_id)
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.SUMMARY, now, self._channel):
            return self.evidence(profile_id)

    def evidence(self, profile_id: str) -> TipEvidence:
        """The facts the rules read, for today (callers check who may read; tests look at it)."""
        today = self._clock.today()
        period = rolling_window(today)
        before = previous_window(period)
        profile = people.profile(self._conn, profile_id)
        assert profile is not None
        categories = {c.id: c for c in people.categories(self._conn)}
        entries = books.entries_between(self._conn, profile_id, period.start, today)

        sales = operating = owner_pay = 0
        top_ups: list[DatedAmount] = []
        business_out: list[BusinessOut] = []
        for e in entries:
            if e.ledger is not Ledger.BUSINESS:
                continue
            if e.move_kind is MoveKind.OWNER_PAY and e.direction is Direction.OUT:
                owner_pay += e.amount
            elif e.move_kind is MoveKind.TOP_UP and e.direction is Direction.IN:
                top_ups.append(DatedAmount(e.date, e.amount))
            category = categories.get(e.category_id or "")
            if e.move_id is not None or category is None:
                continue
            if category.kind is FlowKind.SALES:
                sales += e.amount
            elif category.kind in _COST_KINDS:
                operating += e.amount if category.kind is FlowKind.OPERATING else 0
                business_out.append(_out(e.date, e.amount, category, e.note))

        span = books.entry_date_range(self._conn, profile_id)
        last_entry = span[1] if span else None
        # Her book begins when her profile was made, or earlier if entries were brought in from paper.
        started = dt.date.fromisoformat(profile.created_at[:10])
        book_started = min(started, span[0]) if span else started
        quiet_from = (last_entry or book_started - dt.timedelta(days=1)) + dt.timedelta(days=1)
        closed = books.closed_dates(self._conn, profile_id, quiet_from, today) if quiet_from <= today else frozenset()

        previous: dict[str, int] = defaultdict(int)
        for _day, _cid, name, amount in books.daily_category_spending(self._conn, profile_id, before.start, before.end):
            previous[name] += amount

        return TipEvidence(
            today=today,
            period=period,
            book_started=book_started,
            recorded_days=len({e.date for e in entries}),
            sales=sales,
            operating=operating,
            owner_pay=owner_pay,
            top_ups=tuple(top_ups),
            business_out=tuple(business_out),
            previous_operating_by_category=MappingProxyType(dict(previous)),
            last_entry=last_entry,
            closed=closed,
            last_spent=MappingProxyType(books.last_business_spending(self._conn, profile_id, today)),
        )


def _out(day: dt.date, amount: int, category: Category, note: str) -> BusinessOut:
    return BusinessOut(day, amount, category.name, category.kind, note, category.id)
