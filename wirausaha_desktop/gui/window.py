"""The kiosk's top-level window: who is at the screen decides which page shows.

Pages: first start (operator PIN) → picker → PIN → consent (once) → the book → standing page.
Idle for a while, or *Selesai*, and the window goes back to the picker with nothing left on screen.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from .. import i18n
from ..domain.model import Actor, Profile, Role
from ..domain.problems import Problem, Refused
from ..i18n import _
from ..services.kiosk import Kiosk
from . import icons, theme
from .picker import PickerPage

if TYPE_CHECKING:
    from ..services.backup import BackupService
    from .access_pages import ConsentPage, NewProfilePage, SetupPage
    from .book_page import BookPage
    from .pin_page import PinPage
    from .standing_page import StandingPage

log = logging.getLogger("wirausaha")
BACKUP_DELAY_MS = 5_000
WARM_UP_MS = 150

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


def _run_backups(backups: BackupService) -> None:
    """A failure is logged for the operator, never shown to her."""
    from ..services.backup import BackupFailed

    try:
        result = backups.run_due()
    except BackupFailed as error:
        log.error("automatic backup failed: %s", error)
        return
    for path in result.written:
        log.info("backup written: %s", path)


class KioskWindow(QMainWindow):
    locked = Signal()  # back at the picker, nothing of a book on screen

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.kiosk = kiosk
        self._operator: Actor | None = None
        self._pending_profile: tuple[str, str, str] | None = None
        self._consent_for: Profile | None = None
        self._after_operator: str = ""
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.setMinimumSize(1000, 580)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self.set_idle_seconds(kiosk.settings.get_int("idle_lock_seconds", 180))
        self._build_pages()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_start()
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.timeout.connect(self._back_up)
        self._backup_timer.start(BACKUP_DELAY_MS)
        self._warm_up_timer = QTimer(self)
        self._warm_up_timer.setSingleShot(True)
        self._warm_up_timer.timeout.connect(self._warm_up)
        self._warm_up_timer.start(WARM_UP_MS)

    def _warm_up(self) -> None:
        """While she looks for her card, build the PIN page and the book, so that unlocking is quick."""
        self._page("pin")
        self._page("book")

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing keeps running against the kiosk file once the window is gone."""
        self._backup_timer.stop()
        self._warm_up_timer.stop()
        self._idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)

    def _back_up(self) -> None:
        """Today's automatic copies on a worker thread, so that a big file never freezes the screen."""
        threading.Thread(target=_run_backups, args=(self.kiosk.backups,), name="backup", daemon=True).start()

    # -- pages --------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        """Only the picker is built before the first paint; other pages on first use (start-up budget)."""
        self.setWindowTitle(_("Wirausaha: Buku Usaha dan Buku Pribadi"))
        self._pages: dict[str, QWidget] = {}
        self.picker = PickerPage()
        self.stack.addWidget(self.picker)
        self.standing: StandingPage | None = None
        self.picker.profile_chosen.connect(self._ask_profile_pin)
        self.picker.add_profile_requested.connect(self._start_new_profile)
        self.picker.language_chosen.connect(self.set_language)

    def _page(self, name: str) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            page = self._make_page(name)
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def _make_page(self, name: str) -> QWidget:
        from .access_pages import ConsentPage, NewProfilePage, SetupPage
        from .book_page import BookPage
        from .pin_page import PinPage

        if name == "pin":
            pin = PinPage()
            pin.back_requested.connect(self.show_picker)
            pin.unlocked.connect(self._unlocked)
            return pin
        if name == "setup":
            setup = SetupPage()
            setup.operator_pin_chosen.connect(self._create_operator)
            setup.cancelled.connect(self.show_picker)
            return setup
        if name == "new_profile":
            new_profile = NewProfilePage()
            new_profile.submitted.connect(self._profile_details_given)
            new_profile.cancelled.connect(self.show_picker)
            return new_profile
        if name == "consent":
            consent = ConsentPage()
            consent.accepted.connect(self._consent_given)
            consent.declined.connect(self.show_picker)
            return consent
        book = BookPage(self.kiosk)
        book.lock_requested.connect(self.lock)
        book.standing_requested.connect(self.show_standing)
        return book

    @property
    def pin(self) -> PinPage:
        return cast("PinPage", self._page("pin"))

    @property
    def setup(self) -> SetupPage:
        return cast("SetupPage", self._page("setup"))

    @property
    def new_profile(self) -> NewProfilePage:
        return cast("NewProfilePage", self._page("new_profile"))

    @property
    def consent(self) -> ConsentPage:
        return cast("ConsentPage", self._page("consent"))

    @property
    def book(self) -> BookPage:
        return cast("BookPage", self._page("book"))

    def _rebuild_pages(self) -> None:
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self._build_pages()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_start(self) -> None:
        if not self.kiosk.profiles.list() and not self.kiosk.profiles.has_operator():
            self._after_operator = "new_profile"
            self.setup.reset(can_cancel=False)
            self.stack.setCurrentWidget(self.setup)
        else:
            self.show_picker()

    def show_picker(self) -> None:
        self._operator = None
        self._pending_profile = self._consent_for = None
        if "pin" in self._pages:
            self.pin.stop()
        if "book" in self._pages:
            self.book.close_book()
        self.picker.set_profiles(self.kiosk.profiles.list())
        self.stack.setCurrentWidget(self.picker)
        self._idle.stop()

    def lock(self) -> None:
        """Selesai, or idle too long: back to the picker, nothing of a book left on screen."""
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                dialog.close()
        if self.standing is not None:
            self.stack.removeWidget(self.standing)
            self.standing.deleteLater()
            self.standing = None
        self.show_picker()
        self.locked.emit()

    def set_language(self, language: str) -> None:
        i18n.set_language(language)
        self.kiosk.settings.set_language(language)
        self._rebuild_pages()
        self.show_start()  # a brand-new kiosk still asks for the operator's PIN first

    # -- idle lock ----------------------------------------------------------------------------
    def set_idle_seconds(self, seconds: int) -> None:
        self._idle.setInterval(max(1, seconds) * 1000)

    def idle_seconds(self) -> int:
        return self._idle.interval() // 1000

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.stack.currentWidget() is not self.picker:
            self._idle.start()
        return False

    def _someone_at_the_screen(self) -> None:
        self._idle.start()

    # -- unlocking ----------------------------------------------------------------------------
    def _ask_profile_pin(self, profile: Profile) -> None:
        self._after_operator = ""
        profiles = self.kiosk.profiles
        self.pin.ask(
            profile.name,
            icons.glyph(icons.initials(profile.name), theme.BUSINESS),
            lambda pin: profiles.unlock(profile.id, pin),
            lambda: profiles.lock_of(profile.id),
            lambda lock: lock.seconds_left(self.kiosk.clock.now()),
        )
        self.stack.setCurrentWidget(self.pin)
        self._someone_at_the_screen()

    def _start_new_profile(self) -> None:
        if not self.kiosk.profiles.has_operator():
            self._after_operator = "new_profile"
            self.setup.reset(can_cancel=True)
            self.stack.setCurrentWidget(self.setup)
            return
        self._after_operator = "new_profile"
        profiles = self.kiosk.profiles
        self.pin.ask(
            _("Petugas kios"),
            icons.glyph("OP", theme.MUTED),
            profiles.unlock_operator,
            profiles.operator_lock,
            lambda lock: lock.seconds_left(self.kiosk.clock.now()),
        )
        self.stack.setCurrentWidget(self.pin)
        self._someone_at_the_screen()

    def _create_operator(self, pin: str) -> None:
        try:
            self.kiosk.profiles.create_operator(pin)
        except Refused as refused:
            self.setup.show_problem(refused.problem)
            return
        result = self.kiosk.profiles.unlock_operator(pin)
        if isinstance(result, Actor):
            self._unlocked(result)

    def _unlocked(self, actor: Actor) -> None:
        self._someone_at_the_screen()
        if actor.role is Role.OPERATOR:
            self._operator = actor
            self.new_profile.reset()
            self.stack.setCurrentWidget(self.new_profile)
            return
        assert actor.id is not None
        profile = self.kiosk.profiles.get(actor.id)
        if profile.consent_at is None:
            self._consent_for = profile
            self.consent.for_person(profile.name)
            self.stack.setCurrentWidget(self.consent)
            return
        self._open_book(actor, profile)

    def _open_book(self, actor: Actor, profile: Profile) -> None:
        self.book.open_book(actor, profile)
        self.stack.setCurrentWidget(self.book)

    # -- new profile and consent ------------------------------------------------------------
    def _profile_details_given(self, name: str, business: str, pin: str) -> None:
        if self._operator is None:
            self.show_picker()
            return
        clash = next(
            (p for p in self.kiosk.profiles.list() if p.name.casefold() == " ".join(name.split()).casefold()), None
        )
        if clash is not None:
            self.new_profile.show_problem(Problem.of("name_taken", name=clash.name))
            return
        self._pending_profile = (name, business, pin)
        self.consent.for_person(" ".join(name.split()))
        self.stack.setCurrentWidget(self.consent)

    def _consent_given(self) -> None:
        if self._pending_profile is not None and self._operator is not None:
            name, business, pin = self._pending_profile
            try:
                self.kiosk.profiles.create(self._operator, name, business, pin, "screen")
            except Refused as refused:
                self.new_profile.show_problem(refused.problem)
                self.stack.setCurrentWidget(self.new_profile)
                return
            self.show_picker()
            return
        if self._consent_for is not None:
            profile = self._consent_for
            actor = Actor.beneficiary(profile.id)
            self.kiosk.profiles.record_consent(actor, profile.id)
            self._consent_for = None
            self._open_book(actor, self.kiosk.profiles.get(profile.id))
            return
        self.show_picker()

    # -- the standing page ------------------------------------------------------------------
    def show_standing(self) -> None:
        actor, profile = self.book.actor, self.book.profile
        if actor is None or profile is None:
            return
        from .standing_page import StandingPage

        if self.standing is None:
            self.standing = StandingPage(self.kiosk)
            self.standing.back_requested.connect(self._back_to_book)
            self.stack.addWidget(self.standing)
        self.standing.open_for(actor, profile)
        self.stack.setCurrentWidget(self.standing)

    def _back_to_book(self) -> None:
        self.book.refresh()
        self.stack.setCurrentWidget(self.book)
