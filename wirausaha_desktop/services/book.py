"""Recording in the two ledgers, moving money between them, voiding, closed days, figures."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

from ..domain import unusual, validation
from ..domain.model import AccessAction, Actor, Balances, Category, Direction, Entry, FlowKind, Ledger, MoveKind, Role
from ..domain.problems import Problem, Refused
from ..domain.standing import Period, Summary, Thresholds, summarise
from ..storage import books, people
from ..storage.database import transaction
from . import access
from .changes import Changes
from .clock import Clock, stamp


def _refuse_first(*problems: Problem | None) -> None:
    for problem in problems:
        if problem is not None:
            raise Refused(problem)


class BookService:
    def __init__(
        self, conn: sqlite3.Connection, clock: Clock, thresholds: Thresholds | None = None, channel: str = "app"
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._channel = channel
        self._thresholds = thresholds or Thresholds()
        self._categories: dict[str, Category] | None = None

    # -- categories ----------------------------------------------------------------------
    def categories(self, ledger: Ledger | None = None, direction: Direction | None = None) -> list[Category]:
        if self._categories is None:
            self._categories = {c.id: c for c in people.categories(self._conn)}
        return [
            c
            for c in self._categories.values()
            if (ledger is None or c.ledger is ledger) and (direction is None or c.direction is direction)
        ]

    def category(self, category_id: str) -> Category:
        self.categories()
        assert self._categories is not None
        found = self._categories.get(category_id)
        if found is None:
            raise Refused(Problem.of("category_unknown"))
        return found

    # -- writing ---------------------------------------------------------------------------
    def record_entry(
        self, actor: Actor, profile_id: str, category_id: str, amount: int, day: dt.date, note: str = ""
    ) -> Changes:
        """Money in or out of one ledger; the category decides which ledger and direction."""
        access.require_write(self._conn, actor, profile_id)
        category = self.category(category_id)
        note = note.strip()
        _refuse_first(
            validation.amount_problem(amount),
            validation.date_problem(day, self._clock.today()),
            validation.note_problem(note),
        )
        entry_id = str(uuid.uuid4())
        row = (
            entry_id,
            profile_id,
            category.ledger.value,
            category.direction.value,
            amount,
            day.isoformat(),
            category.id,
            None,
            None,
            note,
            stamp(self._clock.now()),
            _who(actor),
        )
        with transaction(self._conn):
            books.insert_entries(self._conn, [row])
        return Changes(profile_id=profile_id, ledgers=frozenset({category.ledger}), added=(entry_id,))

    def move_money(
        self, actor: Actor, profile_id: str, kind: MoveKind, amount: int, day: dt.date, note: str = ""
    ) -> Changes:
        """Both halves of a move (out of one ledger, into the other) are written together or not at all."""
        access.require_write(self._conn, actor, profile_id)
        note = note.strip()
        _refuse_first(
            validation.amount_problem(amount),
            validation.date_problem(day, self._clock.today()),
            validation.note_problem(note),
        )
        if kind is MoveKind.START_CAPITAL and self._has_start_capital(profile_id):
            raise Refused(Problem.of("start_capital_exists"))
        move_id = str(uuid.uuid4())
        now, who = stamp(self._clock.now()), _who(actor)
        halves = [
            (str(uuid.uuid4()), kind.source, Direction.OUT),
            (str(uuid.uuid4()), kind.target, Direction.IN),
        ]
        rows = [
            (
                i,
                profile_id,
                ledger.value,
                direction.value,
                amount,
                day.isoformat(),
                None,
                move_id,
                kind.value,
                note,
                now,
                who,
            )
            for i, ledger, direction in halves
        ]
        with transaction(self._conn):
            books.insert_entries(self._conn, rows)
        return Changes(
            profile_id=profile_id,
            ledgers=frozenset(Ledger),
            added=tuple(i for i, _, _ in halves),
        )

    def has_start_capital(self, actor: Actor, profile_id: str) -> bool:
        """*Modal awal* is declared once (DESIGN §2): her screen stops offering it after that."""
        access.require_read(self._conn, actor, profile_id)
        return self._has_start_capital(profile_id)

    def _has_start_capital(self, profile_id: str) -> bool:
        return books.has_live_move(self._conn, profile_id, Ledger.BUSINESS, Direction.IN, MoveKind.START_CAPITAL.value)

    def void(self, actor: Actor, entry_id: str, reason: str) -> Changes:
        """Cancel an entry, keeping it visible with who, when and why; a move is voided whole."""
        target = books.entry(self._conn, entry_id)
        if target is None:
            raise Refused(Problem.of("entry_unknown"))
        access.require_write(self._conn, actor, target.profile_id)
        reason = " ".join(reason.split())
        _refuse_first(validation.reason_problem(reason))
        if target.voided:
            raise Refused(Problem.of("entry_already_voided"))
        group = books.move_entries(self._conn, target.move_id) if target.move_id else [target]
        ids = tuple(e.id for e in group)
        with transaction(self._conn):
            books.void_entries(self._conn, ids, stamp(self._clock.now()), _who(actor), reason)
        return Changes(profile_id=target.profile_id, ledgers=frozenset(e.ledger for e in group), voided=ids)

    def mark_closed_day(self, actor: Actor, profile_id: str, day: dt.date) -> Changes:
        """ "Usaha tutup hari ini": the day does not count against her record."""
        access.require_write(self._conn, actor, profile_id)
        _refuse_first(validation.date_problem(day, self._clock.today()))
        with transaction(self._conn):
            books.add_closed_day(self._conn, profile_id, day, stamp(self._clock.now()))
        return Changes(profile_id=profile_id, closed_days=(day,))

    def unmark_closed_day(self, actor: Actor, profile_id: str, day: dt.date) -> Changes:
        access.require_write(self._conn, actor, profile_id)
        with transaction(self._conn):
            books.remove_closed_day(self._conn, profile_id, day)
        return Changes(profile_id=profile_id, closed_days=(day,))

    # -- reading ---------------------------------------------------------------------------
    def balances(self, actor: Actor, profile_id: str) -> Balances:
        access.require_read(self._conn, actor, profile_id)
        return books.balances(self._conn, profile_id)

    def recent_entries(
        self, actor: Actor, profile_id: str, ledger: Ledger, limit: int = 200, include_voided: bool = False
    ) -> list[Entry]:
        access.require_read(self._conn, actor, profile_id)
        return books.recent_entries(self._conn, profile_id, ledger, limit, include_voided)

    def entry(self, actor: Actor, entry_id: str) -> Entry:
        found = books.entry(self._conn, entry_id)
        if found is None:
            raise Refused(Problem.of("entry_unknown"))
        access.require_read(self._conn, actor, found.profile_id)
        return found

    def is_closed(self, actor: Actor, profile_id: str, day: dt.date) -> bool:
        access.require_read(self._conn, actor, profile_id)
        return day in books.closed_dates(self._conn, profile_id, day, day)

    def recorded_on(self, actor: Actor, profile_id: str, day: dt.date) -> bool:
        """Whether she recorded anything that day (a day marked closed with entries counts as open)."""
        access.require_read(self._conn, actor, profile_id)
        return day in books.recorded_dates(self._conn, profile_id, day, day)

    def usual_amounts(
        self, actor: Actor, profile_id: str, ledger: Ledger, direction: Direction
    ) -> dict[str, list[int]]:
        """Her amounts of the last ``LOOKBACK_DAYS`` days by category id, for ``unusual.second_look``."""
        access.require_read(self._conn, actor, profile_id)
        return books.amounts_by_choice(self._conn, profile_id, ledger, direction, self._lookback_start())

    def usual_move_amounts(self, actor: Actor, profile_id: str) -> dict[str, list[int]]:
        """The same for moves, by move kind (each counted once: its business half)."""
        access.require_read(self._conn, actor, profile_id)
        since, kinds = self._lookback_start(), {kind.value for kind in MoveKind}
        found: dict[str, list[int]] = {}
        for direction in Direction:
            amounts = books.amounts_by_choice(self._conn, profile_id, Ledger.BUSINESS, direction, since)
            found.update((key, values) for key, values in amounts.items() if key in kinds)
        return found

    def _lookback_start(self) -> dt.date:
        return self._clock.today() - dt.timedelta(days=unusual.LOOKBACK_DAYS - 1)

    def default_category(self, ledger: Ledger, direction: Direction) -> str | None:
        """The choice the dialog opens on: *Penjualan* for business money in (most of her entries)."""
        if (ledger, direction) != (Ledger.BUSINESS, Direction.IN):
            return None
        return next((c.id for c in self.categories(ledger, direction) if c.kind is FlowKind.SALES), None)

    def open_for_mentor(self, actor: Actor, profile_id: str) -> None:
        """Her mentor opens her book on screen (read-only): allowed only for an assigned mentor, and
        written to her access log (*Siapa yang melihat?*) before anything of the book is shown."""
        access.require_read(self._conn, actor, profile_id)
        if actor.role is not Role.MENTOR:
            raise Refused(Problem.of("not_allowed"))
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.VIEW_BOOK, now, self._channel):
            pass

    def summary(self, actor: Actor, profile_id: str, period: Period) -> Summary:
        """Every figure and indicator of DESIGN §3 for one period; a look by anyone else is logged."""
        access.require_read(self._conn, actor, profile_id)
        if access.is_owner(actor, profile_id):
            return self._summary(profile_id, period)
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.SUMMARY, now, self._channel):
            return self._summary(profile_id, period)

    def _summary(self, profile_id: str, period: Period) -> Summary:
        profile = people.profile(self._conn, profile_id)
        assert profile is not None
        today = self._clock.today()
        elapsed_end = min(period.end, today)
        window_start, window_end = period.runway_window(today)
        return summarise(
            profile=profile.name,
            period=period,
            today=today,
            opening=books.balances(self._conn, profile_id, before=period.start),
            flows=books.flow_totals(self._conn, profile_id, period.start, period.end),
            recorded=books.recorded_dates(self._conn, profile_id, period.start, elapsed_end),
            closed=books.closed_dates(self._conn, profile_id, period.start, elapsed_end),
            operating_30_days=books.operating_total(self._conn, profile_id, window_start, window_end),
            thresholds=self._thresholds,
        )


def _who(actor: Actor) -> str:
    return f"{actor.role.value}:{actor.id or ''}"
