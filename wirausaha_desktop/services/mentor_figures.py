"""The mentor's figures beside her book (issue 8 §4): owner's pay against household spending and
against the UMK (the kiosk setting ``umk_monthly``), over the rolling 30 days. Her mentor only."""

from __future__ import annotations

import sqlite3

from ..domain.caseload import rolling_window
from ..domain.mentor_figures import MentorFigures, mentor_figures
from ..domain.model import Actor
from ..domain.problems import Problem, Refused
from . import access
from .book import BookService
from .clock import Clock
from .settings import SettingsService

UMK_SETTING = "umk_monthly"


class MentorFiguresService:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, book: BookService, settings: SettingsService) -> None:
        self._conn = conn
        self._clock = clock
        self._book = book
        self._settings = settings

    def set_umk(self, actor: Actor, amount: int) -> None:
        """The operator sets the kiosk's UMK per month (the district's minimum wage); whole Rupiah > 0."""
        if amount <= 0:
            raise Refused(Problem.of("amount_zero"))
        self._settings.set(actor, UMK_SETTING, str(amount))

    def umk(self) -> int | None:
        """The UMK per month in whole Rupiah; None when the operator has not set it."""
        value = self._settings.get(UMK_SETTING)
        return int(value) if value and value.isdigit() else None

    def figures(self, actor: Actor, profile_id: str) -> MentorFigures:
        access.require_mentor_of(self._conn, actor, profile_id)
        window = rolling_window(self._clock.today())
        return mentor_figures(self._book._summary(profile_id, window), self.umk())
