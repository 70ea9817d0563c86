"""*File kios rusak* and *Pulihkan dari cadangan*: pick a verified copy and put it back as the kiosk file.

The same page serves two moments: at start, when the kiosk file cannot be used (``RecoveryWindow``
hosts it, and the operator proves who she is with the PIN kept in the copy she restores), and
from a running kiosk, where the operator is already signed in (``KioskWindow`` hosts it). The page
lists the copies and runs the restore on a worker thread; its host closes every connection to
the kiosk file first and opens the restored file afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Actor
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.clock import Clock
from ..services.errors import problem_for
from ..services.kiosk import Kiosk
from ..services.profiles import MAX_WRONG_PINS, Lock
from . import fmt, icons, theme
from .background import Background
from .dialogs import Ask
from .models import BackupColumn, BackupModel
from .pin_page import PinPage
from .widgets import big_button, label, name_widget

if TYPE_CHECKING:
    from ..services.backup import BackupCopy
    from ..services.restore import RestoreResult
    from .window import KioskWindow

LOCKED_CODE = "restore_pin_locked"


def restored_text(result: RestoreResult) -> str:
    """What the operator is told after a restore: how many entries, and where the old file is."""
    text = _("Dipulihkan: {entries} catatan.", entries=fmt.whole_number(result.entries))
    if result.kept_aside:
        text += "\n" + _("File kios yang lama disimpan di {path}", path=str(result.kept_aside[0]))
    return text


class RecoveryPage(QWidget):
    """``recoveryPage``: what happened, the copies newest good first, *Pulihkan*."""

    restore_chosen = Signal(object)  # BackupCopy: the host checks who may, then calls ``restore``
    back_requested = Signal()
    copies_listed = Signal()
    restored = Signal(object)  # RestoreResult
    restore_failed = Signal(object)  # Problem; the kiosk file is as it was

    def __init__(self, problem: Problem | None, back_text: str) -> None:
        super().__init__()
        self.setObjectName("recoveryPage")
        self._background = Background(self)
        if problem is not None:
            title = _("File kios rusak")
            text = "\n\n".join(
                [
                    describe(problem),
                    _("File yang rusak tidak dihapus: file itu disimpan di folder cadangan dengan nama "
                      "bertanggal. Pilih cadangan yang utuh (biasanya yang paling atas), lalu tekan Pulihkan. "
                      "Perlu PIN petugas kios."),
                ]
            )  # fmt: skip
        else:
            title = _("Pulihkan dari cadangan")
            text = _("Pilih cadangan, lalu tekan Pulihkan. File kios yang sekarang disimpan dulu di folder "
                     "cadangan (tidak dihapus). Catatan yang dibuat sesudah waktu cadangan itu tidak ada di "
                     "cadangan.")  # fmt: skip
        self.title = label(title, "title", wrap=True)
        self.title.setObjectName("recoveryTitle")
        self.text = label(text, wrap=True)
        self.text.setObjectName("recoveryText")
        self.text.setStyleSheet("font-size: 14pt;")

        self.model = BackupModel()
        self.table = name_widget(QTableView(), "backupList", _("Daftar cadangan"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setStyleSheet("QTableView { font-size: 15pt; }")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(56)
        self.table.setIconSize(QSize(32, 32))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BackupColumn.TAKEN, QHeaderView.ResizeMode.Stretch)
        for narrow in (BackupColumn.KIND, BackupColumn.ENTRIES, BackupColumn.STATE):
            header.setSectionResizeMode(narrow, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._refresh_button())
        self.table.doubleClicked.connect(lambda _index: self._choose())

        self.empty = label("", "hint", wrap=True)
        self.empty.setObjectName("noBackups")
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("recoveryMessage")
        self.back = big_button(back_text, "recoveryBack", None, back_text)
        self.back.clicked.connect(self.back_requested.emit)
        self.restore_button = big_button(
            _("Pulihkan"), "restoreButton", icons.verdict(True), _("Pulihkan cadangan yang dipilih")
        )
        self.restore_button.setStyleSheet(f"QPushButton {{ font-weight: bold; border: 3px solid {theme.MONEY_IN}; }}")
        self.restore_button.clicked.connect(self._choose)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button, 2)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self._busy = False
        self.empty.setText(_("Mencari cadangan…"))
        self._refresh_button()

    # -- the list -----------------------------------------------------------------------------
    def load(self, list_copies: Callable[[], list[BackupCopy]]) -> None:
        """List the copies on a worker thread: each one is opened and checked (tens of ms each)."""
        self.empty.setText(_("Mencari cadangan…"))
        self.empty.show()
        self._background.run("backup-copies", list_copies, self._copies_found)

    def _copies_found(self, copies: list[BackupCopy] | None, error: BaseException | None) -> None:
        if error is not None:
            problem = problem_for(error)
            if problem is None:
                raise error
            self.show_problem(problem)
            copies = []
        self.set_copies(copies or [])
        self.copies_listed.emit()

    def set_copies(self, copies: list[BackupCopy]) -> None:
        self.model.set_copies(copies)
        self.empty.setText(
            "" if copies else _("Belum ada cadangan untuk file kios ini. Tidak ada yang bisa dipulihkan di sini.")
        )
        self.empty.setVisible(not copies)
        first_good = next((row for row, copy in enumerate(copies) if copy.verified), None)
        if first_good is not None:
            self.table.selectRow(first_good)
        self._refresh_button()

    def selected_copy(self) -> BackupCopy | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.copy_at(rows[0].row()) if rows else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _refresh_button(self) -> None:
        copy = self.selected_copy()
        self.restore_button.setEnabled(not self._busy and copy is not None and copy.verified)
        if copy is not None and not copy.verified and not self._busy:
            self.message.setText(_("Cadangan ini rusak dan tidak bisa dipakai. Pilih cadangan yang utuh."))
        elif not self._busy and self.message.property("about_copy"):
            self.message.clear()
        self.message.setProperty("about_copy", copy is not None and not copy.verified)

    def _choose(self) -> None:
        copy = self.selected_copy()
        if copy is not None and copy.verified and not self._busy:
            self.message.clear()
            self.restore_chosen.emit(copy)

    # -- the restore --------------------------------------------------------------------------
    def restore(self, kiosk_file: Path, copy: BackupCopy, clock: Clock) -> None:
        """Put ``copy`` back as ``kiosk_file`` on a worker thread; the host has closed the kiosk."""
        from ..services.restore import restore_file

        self.set_busy(True)
        self._background.run("restore", lambda: restore_file(kiosk_file, copy.path, clock), self._restore_done)

    def _restore_done(self, result: RestoreResult | None, error: BaseException | None) -> None:
        self.set_busy(False)
        if error is not None:
            problem = problem_for(error)
            if problem is None:
                raise error
            self.show_problem(problem)
            self.restore_failed.emit(problem)
            return
        assert result is not None
        self.restored.emit(result)

    def set_busy(self, busy: bool) -> None:
        """*Memulihkan…* and a wait cursor while the restore runs; nothing can be pressed meanwhile."""
        if busy and not self._busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        elif not busy and self._busy:
            QGuiApplication.restoreOverrideCursor()
        self._busy = busy
        self.back.setEnabled(not busy)
        self.table.setEnabled(not busy)
        if busy:
            self.message.setText(_("Memulihkan… Jangan matikan komputer."))
        self._refresh_button()

    @property
    def busy(self) -> bool:
        return self._busy

    def show_problem(self, problem: Problem) -> None:
        self.message.setText(describe(problem))

    def say(self, text: str) -> None:
        self.message.setText(text)


class RestorePinGuard:
    """Wrong operator PINs at the recovery page, counted in memory: the damaged file cannot record them."""

    def __init__(self) -> None:
        self.wrong = 0

    @property
    def locked(self) -> bool:
        return self.wrong >= MAX_WRONG_PINS

    def check(self, source: Path, pin: str) -> Actor | Problem:
        from ..services.restore import operator_pin_matches

        if self.locked:
            return Problem.of(LOCKED_CODE)
        try:
            matches = operator_pin_matches(source, pin)
        except Exception as error:  # a copy that cannot be read: its words, or a bug
            problem = problem_for(error)
            if problem is None:
                raise
            return problem
        if matches is not False:
            self.wrong = 0
            return Actor.operator()
        self.wrong += 1
        left = MAX_WRONG_PINS - self.wrong
        return Problem.of("pin_wrong", tries_left=left) if left > 0 else Problem.of(LOCKED_CODE)

    def lock(self) -> Lock | None:
        return Lock(dt.datetime.max.replace(tzinfo=dt.UTC), Problem.of(LOCKED_CODE)) if self.locked else None


def restore_words(problem: Problem) -> str:
    if problem.code == LOCKED_CODE:
        return _("Terlalu banyak PIN salah. Pemulihan dikunci sampai aplikasi dibuka ulang.")
    return describe(problem)


class RecoveryWindow(QMainWindow):
    """The kiosk file cannot be used: the operator restores a copy, then the normal picker opens."""

    kiosk_opened = Signal(object)  # the KioskWindow on the restored file

    def __init__(
        self,
        kiosk_file: Path,
        clock: Clock,
        problem: Problem,
        open_window: Callable[[Kiosk], KioskWindow],
    ) -> None:
        super().__init__()
        self.setObjectName("recoveryWindow")
        self.setWindowTitle(_("Wirausaha: File kios rusak"))
        self.setMinimumSize(1000, 580)
        self._file, self._clock, self._open_window = kiosk_file, clock, open_window
        self.kiosk_window: KioskWindow | None = None
        self.guard = RestorePinGuard()
        self._chosen: BackupCopy | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.page = RecoveryPage(problem, _("Tutup aplikasi"))
        self.page.back_requested.connect(self.close)
        self.page.restore_chosen.connect(self._ask_who)
        self.page.restored.connect(self._open_restored)
        self.page.restore_failed.connect(lambda _problem: self.stack.setCurrentWidget(self.page))
        self.pin = PinPage()
        self.pin.back_requested.connect(lambda: self.stack.setCurrentWidget(self.page))
        self.pin.unlocked.connect(lambda _actor: self._restore())
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.pin)
        from ..services.backup import BackupService

        backups = BackupService(kiosk_file, clock)
        self.page.load(backups.copies)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _ask_who(self, copy: BackupCopy) -> None:
        """The copy's own operator PIN proves who restores it; a copy without one asks to be sure."""
        from ..services.restore import operator_pin_matches

        self._chosen = copy
        try:
            has_pin = operator_pin_matches(copy.path, "") is not None
        except Exception as error:
            problem = problem_for(error)
            if problem is None:
                raise
            self.page.show_problem(problem)
            return
        if not has_pin:
            question = _("Cadangan ini tidak punya PIN petugas, jadi tidak bisa diperiksa siapa yang memulihkan. "
                         "Pulihkan cadangan dari {when}?", when=fmt.date_time(copy.taken_at))  # fmt: skip
            if Ask.confirm(self, _("Pulihkan cadangan"), question, yes=_("Ya, pulihkan"), no=_("Tidak")):
                self._restore()
            return
        self.pin.ask(
            _("PIN petugas kios"),
            icons.action("operator"),
            lambda pin: self.guard.check(copy.path, pin),
            self.guard.lock,
            lambda _lock: 0,
            restore_words,
        )
        self.pin.hint.setText(_("Masukkan PIN petugas kios untuk memulihkan cadangan."))
        self.stack.setCurrentWidget(self.pin)

    def _restore(self) -> None:
        if self._chosen is None:
            return
        self.stack.setCurrentWidget(self.page)
        self.page.restore(self._file, self._chosen, self._clock)

    def _open_restored(self, result: RestoreResult) -> None:
        try:
            kiosk = Kiosk.open(self._file, self._clock)
        except Exception as error:
            problem = problem_for(error)
            if problem is None:
                raise
            self.page.show_problem(problem)
            return
        window = self._open_window(kiosk)
        self.kiosk_window = window
        if self.isMaximized():
            window.showMaximized()
        else:
            window.resize(self.size())
            window.show()
        self.hide()
        self.kiosk_opened.emit(window)
        Ask.inform(window, _("Dipulihkan"), restored_text(result))
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.page.busy:  # a restore half-way must finish: the file is being replaced
            event.ignore()
            return
        self.pin.stop()
        super().closeEvent(event)
