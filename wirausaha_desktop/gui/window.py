"""The kiosk's top-level window: who is at the screen decides which page shows.

Pages: first start (operator PIN) → picker → PIN → consent (once) → the book → standing page;
picker → *Petugas kios* → operator PIN → the operator's menu (profiles, backups, restore, PINs).
Idle for a while, or *Selesai*, and the window goes back to the picker with nothing left on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from .. import i18n
from ..domain.model import Actor, Profile, Role
from ..domain.problems import Problem, Refused
from ..i18n import _
from ..messages import describe
from ..services.kiosk import Kiosk
from . import icons
from .backup_schedule import BackupReport, BackupSchedule, warning_text
from .dialogs import Ask
from .idle_lock import IdleLock
from .mentor_flow import MentorFlow
from .operations import OperationBus
from .picker import PickerPage, read_only_text
from .profile_flow import ProfileFlow
from .restore_flow import RestoreFlow

if TYPE_CHECKING:
    from ..services.mentors import Mentor
    from .access_pages import ConsentPage, NewProfilePage, SetupPage
    from .book_page import BookPage
    from .csv_page import CsvPage
    from .delete_page import DeletePage
    from .operator_page import OperatorPage, ProfileLocksPage
    from .pin_page import PinPage
    from .recovery_page import RecoveryPage
    from .settings_page import KioskSettingsPage
    from .standing_page import StandingPage

log = logging.getLogger("wirausaha")
WARM_UP_MS = 150


def _hide_amounts_on(page: QWidget, hidden: bool) -> None:
    """A page that shows amounts has ``set_amounts_hidden``; the others have nothing to hide."""
    setter = getattr(page, "set_amounts_hidden", None)
    if callable(setter):
        setter(hidden)


class KioskWindow(QMainWindow):
    locked = Signal()  # back at the picker, nothing of a book on screen
    pages_damaged = Signal(object)  # Problem: the page check after the first paint found damage (gui.launch)

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.kiosk = kiosk
        self._operator: Actor | None = None
        self.profile_flow = ProfileFlow(self)  # a new profile's details, then her consent
        self._after_operator: str = ""
        self.restore_flow = RestoreFlow(self)  # a restore while the app runs: the file is replaced
        self._amounts_hidden = False  # her eye on the book page: hides amounts on every page of her session
        self.close_guard: Callable[[], bool] | None = None  # kiosk mode: may it close now? (gui.kiosk_mode)
        self._operator_closes = False  # the operator, PIN given, chose *Tutup aplikasi*
        self.operations = OperationBus(self)  # every write goes through it; pages subscribe to .changed
        self.operations.refused.connect(self._write_refused)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.setMinimumSize(960, 520)  # a 1024×600 screen less a window manager's panel and title bar
        self._idle = IdleLock(self, kiosk.settings.get_int("idle_lock_seconds", 180), self.lock)
        self.backups = BackupSchedule(self, lambda: self.kiosk.backups)
        self.backups.finished.connect(self._backed_up)
        self._build_pages()
        # taps restart the idle lock away from the picker only (gui.idle_lock: the filter's cost)
        self.stack.currentChanged.connect(lambda _i: self._idle.watch(self.stack.currentWidget() is not self.picker))
        self.show_start()
        self.backups.start()  # also on a read-only file: its copies can still be written elsewhere
        self._warm_up_timer = QTimer(self)
        self._warm_up_timer.setSingleShot(True)
        self._warm_up_timer.timeout.connect(self._warm_up)
        self._warm_up_timer.start(WARM_UP_MS)

    def _warm_up(self) -> None:
        """While she looks for her card, check the file's pages on a worker thread (``Kiosk.open``
        left it for after the first paint) and build the PIN page and the book, so that unlocking is quick."""
        kiosk = self.kiosk
        if kiosk.pages_pending:
            from .background import Background

            self._page_check = Background(self)
            self._page_check.run(
                "page-check", kiosk.check_pages, lambda problem, error: self._pages_checked(kiosk, problem, error)
            )
        self._page("pin")
        self._page("book")

    def _pages_checked(self, kiosk: Kiosk, problem: Problem | None, error: BaseException | None) -> None:
        """The worker's verdict on ``kiosk``'s file: only heard while that file is still the one open
        (a restore meanwhile opened another, checked whole)."""
        if kiosk is not self.kiosk:
            return
        if error is not None:  # no verdict: the first write runs the check itself
            log.error("the page check failed: %r", error)
            return
        if problem is not None:
            self.pages_damaged.emit(problem)

    def _write_refused(self, problem: Problem) -> None:
        """A write the page check refused (it came before the worker's verdict): the same way out."""
        if problem.code == "kiosk_damaged":
            self.pages_damaged.emit(problem)

    def close_dialogs(self) -> bool:
        """Close every dialog and sheet of this window; whether one was open."""
        closed = False
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                dialog.close()
                closed = True
        return closed

    def close_for_recovery(self) -> None:
        """The file turned out damaged after it was opened: close it, with no kiosk-mode PIN to ask."""
        self._operator_closes = True
        self.close()
        self.kiosk.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing keeps running against the kiosk file once the window is gone."""
        if self.restore_flow.busy:  # a restore half-way must finish: the file is being replaced
            event.ignore()
            return
        if self.close_guard is not None and not self._operator_closes and not self.close_guard():  # kiosk mode: PIN
            event.ignore()
            return
        self.backups.stop()
        self._warm_up_timer.stop()
        self._idle.stop()
        self._idle.watch(False)
        super().closeEvent(event)

    def _backed_up(self, report: BackupReport) -> None:
        if not report.skipped:
            self.picker.backup_warning.say(warning_text(self.backups.problem))

    # -- pages --------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        """Only the picker is built before the first paint; other pages on first use (start-up budget)."""
        self.setWindowTitle(_("Wirausaha: Buku Usaha dan Buku Pribadi"))
        self._pages: dict[str, QWidget] = {}
        self.picker = PickerPage()
        self.stack.addWidget(self.picker)
        self.standing: StandingPage | None = None
        self.picker.profile_chosen.connect(self._ask_profile_pin)
        self.mentor = MentorFlow(self)  # her card, her PIN, her caseload, a book read-only, a session
        self.picker.mentor_chosen.connect(self._ask_mentor_pin)
        self.picker.add_profile_requested.connect(self._start_new_profile)
        self.picker.operator_menu_requested.connect(self._start_operator_menu)
        self.picker.language_chosen.connect(self.set_language)
        self.picker.read_only_banner.say(read_only_text() if self.kiosk.read_only else None)
        self.picker.backup_warning.say(warning_text(self.backups.problem))

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
        from .operator_page import OperatorPage, ProfileLocksPage
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
            new_profile.submitted.connect(self.profile_flow.details_given)
            new_profile.cancelled.connect(self.show_picker)
            return new_profile
        if name == "consent":
            consent = ConsentPage()
            consent.accepted.connect(self.profile_flow.consent_given)
            consent.declined.connect(self.show_picker)
            return consent
        if name == "operator":
            menu = OperatorPage(self.backups)
            menu.add_profile_requested.connect(self._operator_adds_profile)
            menu.restore_requested.connect(self.show_restore)
            menu.locks_requested.connect(lambda: self._operator_job("locks"))
            menu.csv_requested.connect(self._show_csv)
            menu.delete_requested.connect(lambda: self._operator_job("delete"))
            menu.close_app_requested.connect(self.close_by_operator)
            menu.settings_requested.connect(lambda: self._operator_job("settings"))
            menu.back_requested.connect(self.show_picker)
            return menu
        if name in ("locks", "csv", "delete", "settings"):  # the operator's jobs: each learns who she is
            from .csv_page import CsvPage
            from .delete_page import DeletePage
            from .settings_page import KioskSettingsPage

            job: ProfileLocksPage | CsvPage | DeletePage | KioskSettingsPage
            if name == "locks":
                job = ProfileLocksPage(self.kiosk, self.operations)
            elif name == "settings":
                job = KioskSettingsPage(self.kiosk, self.operations)
            else:
                job = (CsvPage if name == "csv" else DeletePage)(self.kiosk, self.operations, self.backups)
            job.back_requested.connect(self.show_operator_page)
            return job
        book = BookPage(self.kiosk, self.operations)
        book.eye_button.toggled.connect(self.set_amounts_hidden)
        book.lock_requested.connect(self.lock)
        book.standing_requested.connect(self.show_standing)
        book.caseload_requested.connect(lambda: self.mentor.show_caseload())
        book.session_requested.connect(self.mentor.start_session)
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

    @property
    def operator_page(self) -> OperatorPage:
        return cast("OperatorPage", self._page("operator"))

    @property
    def locks(self) -> ProfileLocksPage:
        return cast("ProfileLocksPage", self._page("locks"))

    @property
    def csv_page(self) -> CsvPage:
        return cast("CsvPage", self._page("csv"))

    @property
    def delete_page(self) -> DeletePage:
        return cast("DeletePage", self._page("delete"))

    @property
    def restore_page(self) -> RecoveryPage | None:
        return self.restore_flow.page

    def _rebuild_pages(self) -> None:
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.restore_flow.forget_page()
        self._build_pages()

    @property
    def operator(self) -> Actor | None:
        """The operator who unlocked the menu, until the picker is back."""
        return self._operator

    @operator.setter
    def operator(self, actor: Actor | None) -> None:
        self._operator = actor

    def let_go_of_the_file(self) -> None:
        """Before a restore replaces the file: no timer, page or connection may touch it."""
        self.backups.paused = True
        self._idle.stop()
        if "pin" in self._pages:
            self.pin.stop()
        self.book.close_book()
        self.kiosk.close()

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
        self.profile_flow.reset()
        if "pin" in self._pages:
            self.pin.stop()
        if "book" in self._pages:
            self.book.close_book()
        self.mentor.close()
        self.picker.set_profiles(self.kiosk.profiles.list(), self.kiosk.mentors.list())
        self.stack.setCurrentWidget(self.picker)
        self._idle.stop()

    def lock(self) -> None:
        """Selesai, or idle too long: back to the picker, nothing of a book left on screen."""
        if self.restore_flow.busy:  # the file is being replaced; the restore returns to the picker itself
            return
        self.close_dialogs()
        if self.standing is not None:
            self.stack.removeWidget(self.standing)
            self.standing.deleteLater()
            self.standing = None
        self.show_picker()
        self.picker.back_to_indonesian()  # the next person starts in Indonesian (the pages are rebuilt)
        self.set_amounts_hidden(False)  # the next person starts with amounts shown
        self.locked.emit()
        self.backups.run_hourly()

    # -- privacy ------------------------------------------------------------------------------
    def set_amounts_hidden(self, hidden: bool) -> None:
        """*Sembunyikan* follows her: every page of her session that shows amounts, and any opened later."""
        self._amounts_hidden = hidden
        pages: list[QWidget] = list(self._pages.values())
        if self.standing is not None:
            pages.append(self.standing)
        for page in pages:
            _hide_amounts_on(page, hidden)

    def amounts_hidden(self) -> bool:
        return self._amounts_hidden

    def set_language(self, language: str) -> None:
        i18n.set_language(language)
        try:
            self.kiosk.settings.set_language(language)
        except Refused as refused:  # a read-only file: the screen switches anyway, for this session
            log.warning("language not saved: %s", refused.problem.code)
        self._rebuild_pages()
        self.show_start()  # a brand-new kiosk still asks for the operator's PIN first

    # -- idle lock (gui.idle_lock) -------------------------------------------------------------
    def set_idle_seconds(self, seconds: int) -> None:
        self._idle.set_seconds(seconds)

    def idle_seconds(self) -> int:
        return self._idle.seconds()

    def watching_activity(self) -> bool:
        """Whether taps and keys restart the idle lock (everywhere but the picker)."""
        return self._idle.watching()

    # -- unlocking ----------------------------------------------------------------------------
    def _ask_profile_pin(self, profile: Profile) -> None:
        self._after_operator = ""
        profiles = self.kiosk.profiles
        colour = self.picker.colour_of(profile)  # her card's colour, on the PIN page too
        self.pin.ask(
            profile.name,
            icons.glyph(icons.initials(profile.name), colour),
            lambda pin: profiles.unlock(profile.id, pin),
            lambda: profiles.lock_of(profile.id),
            lambda lock: lock.seconds_left(self.kiosk.clock.now()),
            colour=colour,
        )
        self.stack.setCurrentWidget(self.pin)
        self._idle.someone_is_here()

    def _ask_mentor_pin(self, mentor: Mentor) -> None:
        self._after_operator = ""
        self.mentor.ask_pin(mentor)
        self._idle.someone_is_here()

    def _start_new_profile(self) -> None:
        self._ask_operator_pin("new_profile")

    def _start_operator_menu(self) -> None:
        self._ask_operator_pin("operator")

    def _ask_operator_pin(self, then: str) -> None:
        """The operator's PIN first (a kiosk without one sets it now); then ``then``'s page."""
        self._after_operator = then
        if not self.kiosk.profiles.has_operator():
            self.setup.reset(can_cancel=True)
            self.stack.setCurrentWidget(self.setup)
            return
        profiles = self.kiosk.profiles
        self.pin.ask(
            _("Petugas kios"),
            icons.action("operator"),
            profiles.unlock_operator,
            profiles.operator_lock,
            lambda lock: lock.seconds_left(self.kiosk.clock.now()),
        )
        self.stack.setCurrentWidget(self.pin)
        self._idle.someone_is_here()

    def _create_operator(self, pin: str) -> None:
        profiles = self.kiosk.profiles
        if self.operations.run(lambda: profiles.create_operator(pin), self.setup.show_problem) is None:
            return
        result = self.kiosk.profiles.unlock_operator(pin)
        if isinstance(result, Actor):
            self._unlocked(result)

    def _unlocked(self, actor: Actor) -> None:
        self._idle.someone_is_here()
        if actor.role is Role.OPERATOR:
            self._operator = actor
            if self._after_operator == "operator":
                self.operator_page.reset()
                self.stack.setCurrentWidget(self.operator_page)
                return
            self.new_profile.reset()
            self.stack.setCurrentWidget(self.new_profile)
            return
        if actor.role is Role.MENTOR:
            self.mentor.unlocked(actor)
            return
        assert actor.id is not None
        profile = self.kiosk.profiles.get(actor.id)
        if profile.consent_at is None:
            self.profile_flow.ask_consent(profile)
            return
        self.open_book(actor, profile)

    def open_book(self, actor: Actor, profile: Profile) -> None:
        self.book.open_book(actor, profile)
        self.stack.setCurrentWidget(self.book)

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
        _hide_amounts_on(self.standing, self._amounts_hidden)
        self.stack.setCurrentWidget(self.standing)

    def _back_to_book(self) -> None:
        self.book.refresh()
        self.stack.setCurrentWidget(self.book)

    # -- the operator's menu ------------------------------------------------------------------
    def close_by_operator(self) -> None:
        """*Tutup aplikasi* from the operator's menu (her PIN is given): asked once, then closed for real,
        also in kiosk mode (``kiosk-run`` then ends too: the app exits 0)."""
        if self._operator is None:
            self.show_picker()
            return
        question = _("Tutup aplikasi sekarang? Kios tidak bisa dipakai sampai aplikasi dibuka lagi.")
        if not Ask.confirm(self, _("Tutup aplikasi"), question, yes=_("Ya, tutup"), no=_("Tidak")):
            return
        self._operator_closes = True
        if not self.close():
            self._operator_closes = False

    def show_operator_page(self) -> None:
        if self._operator is None:
            self.show_picker()
            return
        self.stack.setCurrentWidget(self.operator_page)

    def _operator_adds_profile(self) -> None:
        self._after_operator = "new_profile"
        self.new_profile.reset()
        self.stack.setCurrentWidget(self.new_profile)

    def _operator_job(self, name: str) -> None:
        """Locks, CSV or deleting a book: only after her PIN, and the page learns who she is."""
        if self._operator is None:
            self.show_picker()
            return
        page = cast("ProfileLocksPage | CsvPage | DeletePage | KioskSettingsPage", self._page(name))
        page.open_for(self._operator)
        self.stack.setCurrentWidget(page)

    def _show_csv(self) -> None:
        self._operator_job("csv")

    # -- restore from a running kiosk (gui.restore_flow) ---------------------------------------
    def show_restore(self, problem: Problem | None = None) -> RecoveryPage:
        """The list of copies (made fresh each time: the copies change)."""
        return self.restore_flow.show(problem)

    def reopen(self) -> bool:
        """Open the kiosk file again after a restore (or a failed one); every page starts afresh."""
        from ..services.errors import problem_for

        path, clock = self.kiosk.path, self.kiosk.clock
        self.restore_flow.busy, self.backups.paused = False, False
        try:
            kiosk = Kiosk.open(path or ":memory:", clock)
        except Exception as error:
            problem = problem_for(error)
            if problem is None:
                raise
            Ask.warn(self, _("File kios tidak bisa dibuka"), describe(problem))
            self.close()
            return False
        self.kiosk = kiosk
        i18n.set_language(kiosk.settings.get("language") or "id")
        self.set_idle_seconds(kiosk.settings.get_int("idle_lock_seconds", 180))
        self._rebuild_pages()
        return True
