"""The main screen: Buku Usaha and Buku Pribadi side by side, Pindahkan Uang between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ..domain.model import Actor, Direction, Entry, Ledger, MoveKind, Profile, Role
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.kiosk import Kiosk
from . import fmt, icons, theme
from .book_words import (
    category_choice,
    closed_day_words,
    mentor_figures_text,
    mentor_view_text,
    move_choices,
    read_only_short_text,
)
from .dialogs import Ask
from .entry_details import EntryDetailsDialog
from .entry_dialog import Draft, EntryDialog
from .ledger_panel import LedgerPanel, ledger_title
from .models import move_name
from .move_column import MoveColumn
from .my_goals import MyGoalsPanel
from .operations import OperationBus
from .undo_toast import UndoToast
from .widgets import Banner, big_button, fit_over, label, tool_button

if TYPE_CHECKING:
    from .access_log import AccessLogDialog
    from .report_dialog import ReportDialog

UNDO_SECONDS = 10  # how long a save can be undone with one tap
DONE_SECONDS = 4  # how long "Catatan dibatalkan" stays after an undo
RECENT_LIMIT = 200
GOALS_AFTER_SAVE_MS = 60
COMPACT_BELOW_PX = 700


class BookPage(QWidget):
    lock_requested = Signal()
    standing_requested = Signal()
    caseload_requested = Signal()  # a mentor: back to her list
    session_requested = Signal()  # a mentor: start the coaching session for this book

    def __init__(self, kiosk: Kiosk, operations: OperationBus) -> None:
        super().__init__()
        self.setObjectName("bookPage")
        self._kiosk = kiosk
        self._operations = operations
        operations.changed.connect(self._changed)
        self._actor: Actor | None = None
        self._profile: Profile | None = None
        self._hidden = False
        self._show_voided = {Ledger.BUSINESS: False, Ledger.PERSONAL: False}
        categories = {c.id: c for c in kiosk.book.categories()}

        self.who = label("", "title")
        self.today_text = label("", "hint")
        self.standing_button = big_button(
            _("Apakah usaha saya\nmandiri?"),
            "openStanding",
            icons.action("standing"),
            _("Apakah usaha saya mandiri?"),
        )
        self.standing_button.clicked.connect(self.standing_requested.emit)
        self.eye_button = tool_button(_("Sembunyikan"), "hideAmounts", icons.eye(False), _("Sembunyikan jumlah uang"))
        self.eye_button.setCheckable(True)
        self.eye_button.toggled.connect(self.set_amounts_hidden)
        self.access_button = tool_button(
            _("Siapa yang\nmelihat?"), "whoViewed", icons.action("who_viewed"), _("Siapa yang melihat buku saya?")
        )
        self.access_button.setToolTip(_("Siapa yang melihat buku saya?"))
        self.access_button.clicked.connect(self.show_access_log)
        self.lock_button = tool_button(_("Selesai"), "lockButton", icons.padlock(), _("Selesai dan kunci buku"))
        self.lock_button.setMinimumWidth(130)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        header = self._header = QHBoxLayout()
        names = self._names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.who)
        names.addWidget(self.today_text)
        header.addLayout(names, 1)
        header.addWidget(self.standing_button)
        header.addWidget(self.access_button)
        header.addWidget(self.eye_button)
        header.addWidget(self.lock_button)

        self.business = LedgerPanel(Ledger.BUSINESS, categories)
        self.personal = LedgerPanel(Ledger.PERSONAL, categories)
        self.business.twins = self.personal.twins = [self.business, self.personal]
        for panel in (self.business, self.personal):
            panel.money_requested.connect(self.open_entry_dialog)
            panel.void_requested.connect(self.void_entry)
            panel.entry_requested.connect(self.show_entry)
            panel.show_voided_changed.connect(lambda on, ledger=panel.ledger: self._set_show_voided(ledger, on))

        middle_box = self.middle = MoveColumn()
        middle_box.move_requested.connect(self.open_move_dialog)
        middle_box.session_requested.connect(self.session_requested.emit)
        middle_box.caseload_requested.connect(self.caseload_requested.emit)
        middle_box.reports_requested.connect(self.open_reports)
        middle_box.closed_button.toggled.connect(self._closed_toggled)
        self.move_button, self.closed_button = middle_box.move_button, middle_box.closed_button
        self.start_capital_button = middle_box.start_capital_button
        self.start_session, self.back_to_caseload = middle_box.start_session, middle_box.back_to_caseload
        self.mentor_reports = middle_box.mentor_reports
        self._writers: list[QWidget] = [self.move_button, *middle_box.move_buttons, self.closed_button]
        self._writers.append(self.access_button)
        for ledger_panel in (self.business, self.personal):
            self._writers += [ledger_panel.money_in, ledger_panel.money_out, ledger_panel.void_button]

        # The undo bar has a row of its own under the book it was saved in (``_place_toast``); the
        # middle column spans both rows, so the bar takes none of its height at 1024×600.
        body = self._body = QGridLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.business, 0, 0)
        body.addWidget(middle_box, 0, 1, 2, 1)
        body.addWidget(self.personal, 0, 2)
        body.setColumnStretch(0, 1)
        body.setColumnStretch(2, 1)
        body.setRowStretch(0, 1)

        self.message = label("", "error", wrap=True)
        self.message.setObjectName("bookMessage")
        self.toast = UndoToast()  # in the layout under a book: it never covers a button
        self.toast.undo_requested.connect(self.undo_last)
        self._toast_words: Callable[[bool], str] | None = None  # the toast's words, hidden amounts or not
        self._place_toast(Ledger.BUSINESS)
        self.read_only_banner = Banner("readOnlyBanner", icons.warning(), theme.MONEY_OUT, compact=True)
        if kiosk.read_only:
            self.read_only_banner.say(read_only_short_text())
        self.mentor_figures = label("", wrap=True)  # her mentor only: pay against household spending and the UMK
        self.mentor_figures.setObjectName("mentorFigures")
        self.mentor_figures.setStyleSheet("font-size: 12pt;")
        self.mentor_figures.hide()
        self.read_only_banner.add_line(self.mentor_figures)
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        self.my_goals = MyGoalsPanel()
        outer.addWidget(self.read_only_banner)
        outer.addLayout(header)
        outer.addWidget(self.my_goals)
        outer.addLayout(body, 1)
        outer.addWidget(self.message)
        self._start_capital_declared = False
        self.dialog: EntryDialog | None = None
        self.details: EntryDetailsDialog | None = None
        self.access_dialog: AccessLogDialog | None = None
        self.report_dialog: ReportDialog | None = None

    def _fit_header(self) -> None:
        """The two questions on one line each where the screen is wide, on two lines at 1024 px."""
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        for wide in (True, False):
            self.standing_button.setText(_("Apakah usaha saya mandiri?") if wide else _("Apakah usaha saya\nmandiri?"))
            self.access_button.setText(_("Siapa yang melihat buku saya?") if wide else _("Siapa yang\nmelihat?"))
            buttons = (self.standing_button, self.access_button, self.eye_button, self.lock_button)
            spacing = self._header.spacing() * len(buttons)
            needed = self._names.sizeHint().width() + sum(b.sizeHint().width() for b in buttons) + spacing
            if needed <= room:
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()
        self.my_goals.set_compact(self.height() < COMPACT_BELOW_PX)

    # -- opening and closing ------------------------------------------------------------------
    def open_book(self, actor: Actor, profile: Profile) -> None:
        self._actor, self._profile = actor, profile
        self._hidden = False
        self.eye_button.setChecked(False)
        for panel in (self.business, self.personal):
            panel.show_voided.setChecked(False)
        self.who.setText(_("Buku {name}", name=profile.name))
        self._set_mentor_view(actor, profile)
        self.my_goals.set_amounts_hidden(False)
        self.refresh()
        self._fit_header()  # the date's length decides too

    def _show_my_goals(self) -> None:
        """Her goals, her mentor's last message and one tip; her mentor has them on the session page."""
        if self._actor is None or self._profile is None or self.mentor_view:
            self.my_goals.clear()
            return
        actor, profile_id = self._actor, self._profile.id
        goals = self._operations.query(lambda: self._kiosk.coaching.current_goals(actor, profile_id)) or []
        message = self._operations.query(lambda: self._kiosk.coaching.last_message(actor, profile_id))
        tip = self._operations.query(lambda: self._kiosk.tips.first_tip(actor, profile_id))
        self.my_goals.show_for(goals, message, tip)

    def _set_mentor_view(self, actor: Actor, profile: Profile) -> None:
        """Her mentor sees the same page with every write hidden (the services refuse them anyway)."""
        mentor = actor.role is Role.MENTOR and actor.id is not None
        for widget in self._writers:
            widget.setVisible(not mentor)
        self.start_session.setVisible(mentor)
        self.back_to_caseload.setVisible(mentor)
        self.mentor_reports.setVisible(mentor)
        if mentor and actor.id is not None:
            self.read_only_banner.say(mentor_view_text(profile.name, self._kiosk.mentors.get(actor.id).name))
        else:
            self.read_only_banner.say(read_only_short_text() if self._kiosk.read_only else None)
        figures = (
            self._operations.query(lambda: self._kiosk.mentor_figures.figures(actor, profile.id)) if mentor else None
        )
        self.mentor_figures.setText(mentor_figures_text(figures) if figures else "")
        self.mentor_figures.setAccessibleName(self.mentor_figures.text())
        self.mentor_figures.setVisible(figures is not None)

    @property
    def mentor_view(self) -> bool:
        return self._actor is not None and self._actor.role is Role.MENTOR

    def close_book(self) -> None:
        """Nothing of her book stays on screen after Selesai."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.access_dialog is not None:
            self.access_dialog.reject()
            self.access_dialog = None
        if self.details is not None:
            self.details.reject()
            self.details = None
        if self.report_dialog is not None:
            self.report_dialog.reject()
        self._actor = self._profile = None
        self.mentor_figures.clear()
        self.mentor_figures.hide()
        self.my_goals.clear()
        self.toast.dismiss()
        self.message.clear()
        for panel in (self.business, self.personal):
            panel.set_entries([], hidden=True)
            panel.set_balance(0, hidden=True)
        self.who.clear()

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def profile(self) -> Profile | None:
        return self._profile

    def _changed(self, changes: Changes) -> None:
        """Every write's broadcast: only a change to the book on screen is redrawn."""
        if self._profile is not None and changes.profile_id == self._profile.id:
            self.refresh(changes)

    def refresh(self, changes: Changes | None = None) -> None:
        """Redraw what ``changes`` touched (everything when None)."""
        if self._actor is None or self._profile is None:
            return
        today = self._kiosk.clock.today()
        self.today_text.setText(fmt.long_date(today))
        touched = changes.ledgers if changes is not None else frozenset(Ledger)
        if touched:
            self._show_balances()
            # Declared once (DESIGN §2): not offered again, which also gives her books the room.
            declared = self._kiosk.book.has_start_capital(self._actor, self._profile.id)
            self._start_capital_declared = declared
            self.start_capital_button.setVisible(not self.mentor_view and not declared)
        for panel in (self.business, self.personal):
            if panel.ledger in touched:
                entries = self._kiosk.book.recent_entries(
                    self._actor, self._profile.id, panel.ledger, RECENT_LIMIT, self._show_voided[panel.ledger]
                )
                panel.set_entries(entries, self._hidden)
        if changes is None:
            self._show_my_goals()
        elif changes.touches_figures:  # a sale may meet a goal or end a tip: after the save is painted
            QTimer.singleShot(GOALS_AFTER_SAVE_MS, self._show_my_goals)
        if changes is None or changes.closed_days or touched:  # an entry today changes what the button says
            closed = self._kiosk.book.is_closed(self._actor, self._profile.id, today)
            self.closed_button.blockSignals(True)
            self.closed_button.setChecked(closed)
            self.closed_button.blockSignals(False)
            self._render_closed(closed)

    def _show_balances(self) -> None:
        if self._actor is None or self._profile is None:
            return
        balances = self._kiosk.book.balances(self._actor, self._profile.id)
        for panel in (self.business, self.personal):
            panel.set_balance(balances.of(panel.ledger), self._hidden)

    # -- privacy ------------------------------------------------------------------------------
    def set_amounts_hidden(self, hidden: bool) -> None:
        self._hidden = hidden
        if self.eye_button.isChecked() != hidden:  # set from another page: the eye shows it too
            self.eye_button.blockSignals(True)
            self.eye_button.setChecked(hidden)
            self.eye_button.blockSignals(False)
        self.eye_button.setIcon(icons.eye(hidden))  # what a tap does: show (an eye) or hide (the monkey)
        self.eye_button.setText(_("Tampilkan") if hidden else _("Sembunyikan"))
        self.eye_button.setAccessibleName(_("Tampilkan jumlah uang") if hidden else _("Sembunyikan jumlah uang"))
        for panel in (self.business, self.personal):
            panel.set_amounts_hidden(hidden)
        self.my_goals.set_amounts_hidden(hidden)
        if self._toast_words is not None and self.toast.isVisible():
            self.toast.text.setText(self._toast_words(hidden))
        if self.details is not None:
            self.details.set_amounts_hidden(hidden)
        self.mentor_figures.setVisible(bool(self.mentor_figures.text()) and not hidden)
        self._show_balances()

    def amounts_hidden(self) -> bool:
        return self._hidden

    # -- recording ----------------------------------------------------------------------------
    def open_entry_dialog(self, ledger: Ledger, direction: Direction) -> EntryDialog | None:
        if self._actor is None or self._profile is None:
            return None
        actor, profile = self._actor, self._profile
        categories = self._kiosk.book.categories(ledger, direction)
        word = _("Uang Masuk") if direction is Direction.IN else _("Uang Keluar")
        heading = _("Uang masuk dari mana?") if direction is Direction.IN else _("Uang keluar untuk apa?")

        def submit(draft: Draft, refused: Callable[[Problem], None]) -> Changes | None:
            return self._operations.run(
                lambda: self._kiosk.book.record_entry(
                    actor, profile.id, draft.choice_id, draft.amount, draft.day, draft.note
                ),
                refused,
                self._clear_message,
            )

        usual = self._kiosk.book.usual_amounts(actor, profile.id, ledger, direction)
        title = f"{ledger_title(ledger)}: {word}"
        preselect = self._kiosk.book.default_category(ledger, direction)  # Penjualan: a sale in three taps
        return self._show_dialog(EntryDialog(self, title, [category_choice(c) for c in categories], heading,
                                             self._kiosk.clock.today(), usual, submit, preselect))  # fmt: skip

    def open_move_dialog(self, kind: str | None) -> EntryDialog | None:
        if self._actor is None or self._profile is None:
            return None
        actor, profile = self._actor, self._profile

        def submit(draft: Draft, refused: Callable[[Problem], None]) -> Changes | None:
            return self._operations.run(
                lambda: self._kiosk.book.move_money(
                    actor, profile.id, MoveKind(draft.choice_id), draft.amount, draft.day, draft.note
                ),
                refused,
                self._clear_message,
            )

        usual = self._kiosk.book.usual_move_amounts(actor, profile.id)
        choices = move_choices(start_capital=not self._start_capital_declared)
        preselect = kind if any(c.id == kind for c in choices) else None
        return self._show_dialog(EntryDialog(self, _("Pindahkan Uang"), choices, _("Pindah ke mana?"),
                                             self._kiosk.clock.today(), usual, submit, preselect))  # fmt: skip

    def _show_dialog(self, dialog: EntryDialog) -> EntryDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        fit_over(dialog, self.window(), 1000, 620)
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: EntryDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, changes: Changes) -> None:
        """After the broadcast redrew the book: "Tersimpan" with the undo button."""
        if self._actor is None or not changes.added:
            return
        entry = self._kiosk.book.entry(self._actor, changes.added[0])
        self._toast_words = lambda hidden: _("Tersimpan: {what}", what=self._entry_words(entry, hidden))
        self._place_toast(entry.ledger if entry.move_kind is None else entry.move_kind.source)
        self.toast.show_saved(self._toast_words(self._hidden), changes, UNDO_SECONDS)

    def _place_toast(self, ledger: Ledger) -> None:
        """Under the book the save went into (a move: the book the money left)."""
        self._body.addWidget(self.toast, 1, 0 if ledger is Ledger.BUSINESS else 2)

    def _entry_words(self, entry: Entry, hidden: bool) -> str:
        """ "Penjualan Rp15.000": what the entry was for and how much."""
        panel = self.business if entry.ledger is Ledger.BUSINESS else self.personal
        what = panel.model.category_text(entry) if entry.move_kind is None else move_name(entry.move_kind)
        return f"{what} {fmt.money(entry.amount, hidden)}"

    def undo_last(self, entry_id: str) -> None:
        """Undo keeps the record: the entry is voided with the reason "Diurungkan"; the bar says it was."""
        actor = self._actor
        if actor is None:
            return
        entry = self._kiosk.book.entry(actor, entry_id)
        if self._write(lambda: self._kiosk.book.void(actor, entry_id, _("Diurungkan"))):
            self._toast_words = lambda hidden: _("Catatan dibatalkan: {what}", what=self._entry_words(entry, hidden))
            self.toast.show_done(self._toast_words(self._hidden), DONE_SECONDS)

    def void_entry(self, entry_id: str) -> None:
        if self._actor is None:
            return
        entry = self._kiosk.book.entry(self._actor, entry_id)
        panel = self.business if entry.ledger is Ledger.BUSINESS else self.personal
        description = f"{fmt.short_date(entry.date)}, {panel.model.category_text(entry)}, {fmt.money(entry.amount)}"
        question = _("Batalkan catatan ini?\n{entry}", entry=description)
        if not Ask.confirm(self, _("Batalkan catatan"), question, yes=_("Ya, batalkan"), no=_("Tidak")):
            return
        reason = Ask.void_reason(self, description)
        if reason is None:
            return
        actor = self._actor
        self._write(lambda: self._kiosk.book.void(actor, entry_id, reason))

    def _write(self, action: Callable[[], Changes]) -> bool:
        """Run a write; a refusal (read-only file, full disk…) is shown in words and changes nothing."""
        return self._operations.run(action, self._show_problem, self._clear_message) is not None

    def _show_problem(self, problem: Problem) -> None:
        self.message.setText(describe(problem))

    def _clear_message(self, _changes: Changes) -> None:
        self.message.clear()

    # -- one entry in full ---------------------------------------------------------------------
    def show_entry(self, entry_id: str) -> EntryDetailsDialog | None:
        """A tap on a row: the whole entry (the row cuts a long note), with *Batalkan* for her."""
        if self._actor is None:
            return None
        entry = self._kiosk.book.entry(self._actor, entry_id)
        if entry.move_kind is not None:
            what = move_name(entry.move_kind)
        else:
            category = self._kiosk.book.category(entry.category_id or "")
            what = category.name
        can_void = not self.mentor_view and not self._kiosk.read_only
        dialog = self.details = EntryDetailsDialog(self, entry, ledger_title(entry.ledger), what, self._hidden,
                                                   can_void)  # fmt: skip
        dialog.void_requested.connect(self.void_entry)
        dialog.finished.connect(lambda _result: self._details_closed(dialog))
        fit_over(dialog, self.window(), 680, dialog.sizeHint().height())
        dialog.open()
        return dialog

    def _details_closed(self, dialog: EntryDetailsDialog) -> None:
        if self.details is dialog:
            self.details = None
        dialog.deleteLater()

    # -- who looked at her book ---------------------------------------------------------------
    def show_access_log(self) -> AccessLogDialog | None:
        if self._actor is None or self._profile is None:
            return None
        from .access_log import AccessLogDialog

        actor, profile_id = self._actor, self._profile.id
        records = self._operations.query(lambda: self._kiosk.access_log(actor, profile_id), self._show_problem)
        if records is None:
            return None
        dialog = self.access_dialog = AccessLogDialog(self, records)
        dialog.finished.connect(lambda _result: self._access_log_closed(dialog))
        dialog.resize(min(900, self.window().width() - 40), min(620, self.window().height() - 40))
        dialog.open()
        return dialog

    def _access_log_closed(self, dialog: AccessLogDialog) -> None:
        if self.access_dialog is dialog:
            self.access_dialog = None
        dialog.deleteLater()

    def open_reports(self) -> None:
        """Her mentor's *Laporan* (Rapor Usaha, the SAK EMKM statements, the letter); closed at *Selesai*."""
        if self._actor is not None and self._profile is not None:
            from .report_dialog import open_report

            self.report_dialog = open_report(self, self._kiosk, self._actor, self._profile, self._operations)
            self.report_dialog.finished.connect(lambda _result: setattr(self, "report_dialog", None))

    def _set_show_voided(self, ledger: Ledger, on: bool) -> None:
        self._show_voided[ledger] = on
        self.refresh(Changes(ledgers=frozenset({ledger})))

    # -- closed day ---------------------------------------------------------------------------
    def _closed_toggled(self, closed: bool) -> None:
        if self._actor is None or self._profile is None:
            return
        actor, profile, today = self._actor, self._profile, self._kiosk.clock.today()
        if closed:
            saved = self._write(lambda: self._kiosk.book.mark_closed_day(actor, profile.id, today))
        else:
            saved = self._write(lambda: self._kiosk.book.unmark_closed_day(actor, profile.id, today))
        if not saved:  # the button goes back to what the book says
            self.closed_button.blockSignals(True)
            self.closed_button.setChecked(not closed)
            self.closed_button.blockSignals(False)
            self._render_closed(not closed)

    def _render_closed(self, closed: bool) -> None:
        """Two short lines that fit the middle column; a closed day with entries says it counts as open."""
        recorded = (
            closed
            and self._actor is not None
            and self._profile is not None
            and self._kiosk.book.recorded_on(self._actor, self._profile.id, self._kiosk.clock.today())
        )
        text, name = closed_day_words(closed, bool(recorded))
        self.closed_button.setText(text)
        self.closed_button.setAccessibleName(name)
        self.closed_button.setToolTip(name)
