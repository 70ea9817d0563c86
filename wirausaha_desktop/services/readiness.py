"""Graduation readiness for her mentor (issue 8 §8): the checklist, and the mentor's decision.

The checklist reads the last three complete calendar months of her book (``domain.readiness``);
it shows readiness and **never decides**. The mentor's judged items and her decision note are
kept as a coaching session (its notes), so that they stay in the family's session history;
nothing new is added to the schema.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from ..domain import readiness as rules
from ..domain.model import AccessAction, Actor
from ..domain.problems import Problem, Refused
from ..domain.readiness import JUDGED_ITEMS, MONTHS, Readiness
from ..domain.standing import Period
from . import access
from .book import BookService
from .changes import Changes
from .clock import Clock, stamp
from .coaching import CoachingService

DECISION_TITLE = "Kesiapan lulus (keputusan pendamping)"
JUDGED_NAMES = {
    "packaging": "Kemasan",
    "marketing_channel": "Saluran pemasaran",
    "permits": "Izin usaha (NIB / PIRT)",
    "savings": "Tabungan",
}
ANSWERS = {True: "ya", False: "tidak", None: "belum tahu"}


def last_complete_months(today: dt.date, count: int = MONTHS) -> tuple[Period, ...]:
    """The ``count`` calendar months before today's month, oldest first."""
    year, month = today.year, today.month
    periods = []
    for _ in range(count):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        periods.append(Period.month(year, month))
    return tuple(reversed(periods))


def decision_notes(judged: Mapping[str, bool | None], decision_note: str) -> str:
    """The plain text block stored as the session's notes."""
    lines = [DECISION_TITLE]
    lines += [f"- {JUDGED_NAMES[code]}: {ANSWERS[judged.get(code)]}" for code in JUDGED_ITEMS]
    lines.append(f"Keputusan: {' '.join(decision_note.split())}")
    return "\n".join(lines)


class ReadinessService:
    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock,
        book: BookService,
        coaching: CoachingService | None = None,
        channel: str = "app",
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._book = book
        self._coaching = coaching or CoachingService(conn, clock, book, channel)
        self._channel = channel

    def readiness(self, actor: Actor, profile_id: str, judged: Mapping[str, bool | None]) -> Readiness:
        """The checklist over the last three complete months: for her assigned mentor only; the
        look goes into her access log."""
        access.require_mentor_of(self._conn, actor, profile_id)
        periods = last_complete_months(self._clock.today())
        now = stamp(self._clock.now())
        with access.logged_look(self._conn, actor, profile_id, AccessAction.SUMMARY, now, self._channel):
            summaries = [self._book._summary(profile_id, period) for period in periods]
        return rules.readiness(summaries, judged, self._book._thresholds)

    def record_decision(
        self, actor: Actor, profile_id: str, judged: Mapping[str, bool | None], decision_note: str
    ) -> Changes:
        """The mentor's judged items and decision note, kept as a session in her history."""
        access.require_mentor_of(self._conn, actor, profile_id)
        unknown = set(judged) - set(JUDGED_ITEMS)
        if unknown:
            raise ValueError(f"not a judged readiness item: {sorted(unknown)}")
        if not decision_note.strip():
            raise Refused(Problem.of("decision_note_needed"))
        notes = decision_notes(judged, decision_note)
        return self._coaching.record_session(actor, profile_id, notes=notes, message="", drafts=[], next_session=None)
