"""A mentor at the kiosk (issue 8 §2–§5): her card and PIN → her caseload → a family's book,
read-only → the coaching session → back to her list. *Selesai* (or idle) locks back to the picker.

The window owns one ``MentorFlow``; it builds its pages on first use and keeps the mentor who
unlocked. Who may see what is checked by the services on every call, not by this flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.model import Actor, Profile
from ..i18n import _
from ..services.mentors import Mentor
from . import icons
from .operations import shown_in

if TYPE_CHECKING:  # goals and tips load with the mentor's pages, not before the picker is painted
    from ..domain.goals import Goal, GoalProgress
    from ..domain.tips import Tip
    from .caseload_page import CaseloadPage
    from .readiness_page import ReadinessPage
    from .session_page import SessionPage
    from .window import KioskWindow


class MentorFlow:
    def __init__(self, window: KioskWindow) -> None:
        self._window = window
        self.actor: Actor | None = None
        self._caseload: CaseloadPage | None = None
        self._session: SessionPage | None = None
        self._readiness: ReadinessPage | None = None

    @property
    def caseload(self) -> CaseloadPage:
        if self._caseload is None:
            from .caseload_page import CaseloadPage

            self._caseload = CaseloadPage()
            self._caseload.book_requested.connect(self.open_book)
            self._caseload.lock_requested.connect(self._window.lock)
            self._window.stack.addWidget(self._caseload)
        return self._caseload

    @property
    def session(self) -> SessionPage:
        if self._session is None:
            from .session_page import SessionPage

            self._session = SessionPage(self._window.kiosk, self._window.operations)
            self._session.back_requested.connect(self._back_to_book)
            self._session.saved.connect(self._session_saved)
            self._session.readiness_requested.connect(self.open_readiness)
            self._window.stack.addWidget(self._session)
        return self._session

    @property
    def readiness(self) -> ReadinessPage:
        if self._readiness is None:
            from .readiness_page import ReadinessPage

            self._readiness = ReadinessPage(self._window.kiosk, self._window.operations)
            self._readiness.back_requested.connect(lambda: self._window.stack.setCurrentWidget(self.session))
            self._window.stack.addWidget(self._readiness)
        return self._readiness

    def _mentor_name(self) -> str:
        assert self.actor is not None and self.actor.id is not None
        return self._window.kiosk.mentors.get(self.actor.id).name

    # -- unlocking ----------------------------------------------------------------------------
    def ask_pin(self, mentor: Mentor) -> None:
        window, profiles = self._window, self._window.kiosk.profiles
        colour = window.picker.colour_of(mentor)  # her card's colour, on the PIN page too
        window.pin.ask(
            mentor.name,
            icons.glyph(icons.initials(mentor.name), colour),
            lambda pin: profiles.unlock_mentor(mentor.id, pin),
            lambda: profiles.mentor_lock(mentor.id),
            lambda lock: lock.seconds_left(window.kiosk.clock.now()),
            colour=colour,
        )
        window.stack.setCurrentWidget(window.pin)

    def unlocked(self, actor: Actor) -> None:
        self.actor = actor
        self.show_caseload()

    # -- her list, a book, a session ----------------------------------------------------------
    def show_caseload(self, message: str = "") -> None:
        actor, window = self.actor, self._window
        if actor is None:
            window.show_picker()
            return
        window.book.close_book()
        page = self.caseload
        rows = window.operations.query(lambda: window.kiosk.caseload.rows(actor), shown_in(page.message))
        page.show_rows(actor, self._mentor_name(), rows or [])
        if message:
            page.message.setText(message)
        window.stack.setCurrentWidget(page)

    def open_book(self, profile_id: str) -> None:
        """Her own book page, read-only; the look goes into her access log first."""
        actor, window = self.actor, self._window
        if actor is None:
            window.show_picker()
            return

        def look() -> Profile:
            window.kiosk.book.open_for_mentor(actor, profile_id)
            return window.kiosk.profiles.get(profile_id)

        shown = window.operations.query(look, shown_in(self.caseload.message))
        if shown is None:
            return
        window.book.open_book(actor, shown)
        window.stack.setCurrentWidget(window.book)

    def start_session(self) -> None:
        actor, window = self.actor, self._window
        profile = window.book.profile
        if actor is None or profile is None:
            return
        coaching = window.kiosk.coaching

        tips = window.kiosk.tips

        def read() -> tuple[list[tuple[Goal, GoalProgress]], str, list[Tip]]:
            sessions = coaching.sessions(actor, profile.id)
            last_notes = sessions[0].notes if sessions else ""
            return coaching.current_goals(actor, profile.id), last_notes, tips.tips(actor, profile.id)

        found = window.operations.query(read, shown_in(window.book.message))
        if found is None:
            return
        previous, last_notes, all_tips = found
        today = window.kiosk.clock.today()
        self.session.start(actor, profile, self._mentor_name(), today, previous, last_notes, all_tips)
        window.stack.setCurrentWidget(self.session)

    def open_readiness(self) -> None:
        """The graduation readiness checklist for the book of the session (her mentor only)."""
        actor, window = self.actor, self._window
        profile = window.book.profile
        if actor is None or profile is None:
            return
        readiness = window.kiosk.readiness
        page = self.readiness
        shown = window.operations.query(lambda: readiness.readiness(actor, profile.id, {}), self.session.show_problem)
        if shown is None:
            return
        page.show_readiness(actor, profile, shown)
        window.stack.setCurrentWidget(page)

    def _back_to_book(self) -> None:
        self._window.book.refresh()
        self._window.stack.setCurrentWidget(self._window.book)

    def _session_saved(self, profile_id: str) -> None:
        name = self._window.kiosk.profiles.get(profile_id).name
        self.show_caseload(_("Sesi dengan {name} tersimpan.", name=name))

    def close(self) -> None:
        """Back at the picker: nothing of her list or a session stays on screen."""
        self.actor = None
        if self._caseload is not None:
            self._caseload.clear()
        if self._session is not None:
            self._session.close_session()
        if self._readiness is not None:
            self._readiness.close_page()
