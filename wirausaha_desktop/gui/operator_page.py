"""The kiosk operator's pages: her menu (profiles, backups, restore, PINs, CSV) and the PIN locks page.

Reached from the picker (*Petugas kios*) after the operator PIN. The window does the work that
touches the kiosk file as a whole (backups, restore); these pages only ask and show.
"""

from __future__ import annotations

import datetime as dt
import math

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..domain.model import Actor, Profile
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.kiosk import Kiosk
from ..services.profiles import Lock
from . import icons, theme
from .access_pages import pin_field, pin_pair_problem
from .backup_schedule import BackupReport, BackupSchedule, failure_text
from .keypad import DigitPad
from .operations import OperationBus
from .widgets import MessageLine, big_button, label


class OperatorPage(QWidget):
    """``operatorPage``: big buttons for the operator's jobs at the kiosk."""

    add_profile_requested = Signal()
    restore_requested = Signal()
    locks_requested = Signal()
    csv_requested = Signal()
    delete_requested = Signal()  # her book deleted on request (gui.delete_page)
    close_app_requested = Signal()  # the operator closes the app (kiosk mode has no other way out)
    settings_requested = Signal()  # kiosk mode, the UMK, where files may go
    back_requested = Signal()

    def __init__(self, backups: BackupSchedule) -> None:
        super().__init__()
        self.setObjectName("operatorPage")
        self._backups = backups
        self.title = label(_("Petugas kios"), "title")
        hint = label(_("Pekerjaan petugas kios. Buku orang lain tidak dibuka di sini."), "hint", wrap=True)
        self.add_profile = big_button(
            _("Tambah profil"), "operatorAddProfile", icons.glyph("+", theme.BUSINESS), _("Tambah profil baru"),
            height=72,
        )  # fmt: skip
        self.back_up = big_button(
            _("Buat cadangan sekarang"), "backupNow", icons.verdict(True), _("Buat cadangan file kios sekarang"),
            height=72,
        )  # fmt: skip
        self.restore = big_button(
            _("Pulihkan dari cadangan"), "openRestore", icons.arrow(theme.MOVE, False),
            _("Pulihkan file kios dari cadangan"), height=72,
        )  # fmt: skip
        self.locks = big_button(
            _("Buka kunci / ganti PIN"), "profileLocks", icons.padlock(), _("Buka kunci PIN atau ganti PIN profil"),
            height=72,
        )  # fmt: skip
        self.csv = big_button(
            _("Buku dan file CSV"), "openCsv", icons.arrow(theme.BUSINESS, True),
            _("Ekspor buku ke CSV atau impor CSV ke buku"), height=72,
        )  # fmt: skip
        self.delete_book = big_button(
            _("Hapus buku"), "deleteBook", icons.warning(), _("Hapus buku seseorang atas permintaannya"), height=72
        )
        self.back = big_button(_("Kembali"), "operatorBack", None, _("Kembali ke daftar nama"))
        self.close_app = big_button(
            _("Tutup aplikasi"),
            "closeApp",
            None,
            _("Tutup aplikasi (kios tidak bisa dipakai)"),  # not the lock
        )
        self.settings = big_button(_("Pengaturan kios"), "kioskSettings", None, _("Mode kios, UMK, folder ekspor"))
        self.message = MessageLine("operatorMessage", bold=False, hidden_when_empty=False)
        for button, signal in (
            (self.add_profile, self.add_profile_requested),
            (self.restore, self.restore_requested),
            (self.locks, self.locks_requested),
            (self.csv, self.csv_requested),
            (self.delete_book, self.delete_requested),
            (self.close_app, self.close_app_requested),
            (self.settings, self.settings_requested),
            (self.back, self.back_requested),
        ):
            button.clicked.connect(signal.emit)
        self.back_up.clicked.connect(self.back_up_now)
        for job in (self.add_profile, self.back_up, self.restore, self.locks, self.csv, self.delete_book):
            job.setStyleSheet("QPushButton { font-size: 15pt; min-height: 72px; }")

        grid = QGridLayout()
        grid.setSpacing(14)
        grid.addWidget(self.add_profile, 0, 0)
        grid.addWidget(self.locks, 0, 1)
        grid.addWidget(self.back_up, 1, 0)
        grid.addWidget(self.restore, 1, 1)
        grid.addWidget(self.csv, 2, 0)
        grid.addWidget(self.delete_book, 2, 1)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(hint)
        column.addSpacing(8)
        column.addLayout(grid)
        column.addWidget(self.message)
        column.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_app)
        bottom.addWidget(self.settings)
        bottom.addStretch(1)
        bottom.addWidget(self.back)
        column.addLayout(bottom)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 12)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)

    def reset(self) -> None:
        self.message.clear()
        self.back_up.setEnabled(True)

    def back_up_now(self) -> None:
        """*Buat cadangan sekarang*: a full rotation on a worker thread, then where it went, or why not."""
        self.back_up.setEnabled(False)
        self._say(_("Membuat cadangan…"), failed=False)
        if not self._backups.run(then=self._backed_up):
            self._backed_up(None)

    def _backed_up(self, report: BackupReport | None) -> None:
        if not shiboken6.isValid(self):  # the page was rebuilt (language, restore) while the copy was made
            return
        self.back_up.setEnabled(True)
        if report is None:  # paused: a restore is replacing the file
            self._say(_("Cadangan tidak bisa dibuat sekarang. Coba lagi sebentar lagi."), failed=True)
        elif report.problem is not None:
            self._say(failure_text(report.problem), failed=True)
        elif report.skipped:
            self._say(_("Cadangan lain sedang dibuat. Tunggu sebentar, lalu coba lagi."), failed=True)
        else:
            self._say(_("Cadangan sudah dibuat dan diperiksa: utuh.\n{path}", path=str(report.written[0])), False)

    def _say(self, text: str, failed: bool) -> None:
        self.message.say(text, failed)


def lock_text(lock: Lock | None, now: dt.datetime) -> str:
    if lock is None:
        return _("Tidak terkunci")
    if lock.reason is not None:
        return _("Terkunci sampai aplikasi dibuka ulang")
    minutes = max(1, math.ceil(lock.seconds_left(now) / 60))
    return _("Terkunci, {minutes} menit lagi", minutes=minutes)


class ProfileLocksPage(QWidget):
    """``profileLocksPage``: each profile with its lock; lift it, or set a new PIN (typed twice)."""

    back_requested = Signal()

    def __init__(self, kiosk: Kiosk, operations: OperationBus) -> None:
        super().__init__()
        self.setObjectName("profileLocksPage")
        self._kiosk = kiosk
        self._operations = operations
        operations.changed.connect(self._changed)
        self._operator: Actor | None = None
        self._profiles: list[Profile] = []
        self._resetting: Profile | None = None
        self.title = label(_("Buka kunci / ganti PIN"), "title")
        hint = label(
            _("PIN tidak pernah ditampilkan. Setiap buka kunci dan ganti PIN tercatat, dan pemilik buku bisa "
              "melihatnya."),
            "hint",
            wrap=True,
        )  # fmt: skip
        self.rows = QWidget()
        self.rows.setObjectName("profileLockRows")
        self._grid = QGridLayout(self.rows)
        self._grid.setSpacing(10)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")

        self.form = QWidget()
        self.form.setObjectName("newPinForm")
        self.form_title = label("", wrap=True)
        self.form_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.new_pin = pin_field("newPinInput", _("PIN baru"))
        self.new_pin_again = pin_field("newPinConfirm", _("Ulangi PIN baru"))
        self.new_pin.setPlaceholderText(_("PIN baru (4-6 angka)"))
        self.new_pin_again.setPlaceholderText(_("Ulangi PIN baru"))
        self.save_pin = big_button(_("Simpan PIN baru"), "saveNewPin")
        self.cancel_pin = big_button(_("Batal"), "cancelNewPin", None, _("Batal, PIN tidak diganti"))
        self.save_pin.clicked.connect(self._save_pin)
        self.new_pin_again.returnPressed.connect(self._save_pin)
        self.cancel_pin.clicked.connect(self._close_form)
        self.pad = DigitPad("newPin", [self.new_pin, self.new_pin_again], key_height=52)
        answers = QHBoxLayout()
        answers.addWidget(self.cancel_pin, 1)
        answers.addWidget(self.save_pin, 2)
        fields = QVBoxLayout()
        fields.addWidget(self.form_title)
        fields.addWidget(self.new_pin)
        fields.addWidget(self.new_pin_again)
        fields.addStretch(1)
        fields.addLayout(answers)
        form_row = QHBoxLayout(self.form)  # the PINs typed on the pad beside them
        form_row.setContentsMargins(0, 0, 0, 0)
        form_row.setSpacing(20)
        form_row.addLayout(fields, 1)
        form_row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignBottom)
        self.form.hide()

        self.message = MessageLine("locksMessage", hidden_when_empty=False)
        self.back = big_button(_("Kembali"), "locksBack", None, _("Kembali ke menu petugas"))
        self.back.clicked.connect(self.back_requested.emit)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 12)
        column.addWidget(self.title)
        column.addWidget(hint)
        column.addWidget(scroll, 1)
        column.addWidget(self.form)
        column.addWidget(self.message)
        column.addWidget(self.back)

    def open_for(self, operator: Actor) -> None:
        self._operator = operator
        self.message.clear()
        self._close_form()
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.profiles and self._operator is not None and self.isVisible():  # open_for redraws the rest
            self.refresh()

    def refresh(self) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:  # out of the page at once (tests and screen readers find only the new rows)
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._profiles = self._kiosk.profiles.list()
        now = self._kiosk.clock.now()
        for row, profile in enumerate(self._profiles):
            lock = self._kiosk.profiles.lock_of(profile.id)
            name = label(profile.name)
            name.setStyleSheet("font-size: 15pt; font-weight: bold;")
            state = QWidget()
            state_row = QHBoxLayout(state)
            state_row.setContentsMargins(0, 0, 0, 0)
            mark = QLabel()
            mark.setPixmap((icons.padlock(theme.MONEY_OUT) if lock else icons.verdict(True)).pixmap(28, 28))
            words = label(lock_text(lock, now), "error" if lock else "hint", wrap=True)
            words.setObjectName(f"lockState_{row}")
            state_row.addWidget(mark)
            state_row.addWidget(words, 1)
            lift = big_button(_("Buka kunci"), f"liftLock_{row}", None, _("Buka kunci PIN {name}", name=profile.name))
            lift.setEnabled(lock is not None)
            lift.clicked.connect(lambda _checked=False, p=profile: self._lift(p))
            reset = big_button(_("Ganti PIN"), f"resetPin_{row}", None, _("Ganti PIN {name}", name=profile.name))
            reset.clicked.connect(lambda _checked=False, p=profile: self._open_form(p))
            for column, widget in enumerate((name, state, lift, reset)):
                self._grid.addWidget(widget, row, column)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 3)
        self._grid.setColumnStretch(2, 2)
        self._grid.setColumnStretch(3, 2)
        if not self._profiles:
            self._grid.addWidget(label(_("Belum ada profil."), "hint"), 0, 0)

    def _lift(self, profile: Profile) -> None:
        operator = self._operator
        if operator is None:
            return
        if self._operations.run(lambda: self._kiosk.profiles.lift_lock(operator, profile.id), self._refused) is None:
            return
        self._say(_("Kunci PIN {name} sudah dibuka.", name=profile.name), failed=False)

    def _open_form(self, profile: Profile) -> None:
        self._resetting = profile
        self.form_title.setText(_("PIN baru untuk {name}: ketik dua kali.", name=profile.name))
        self.new_pin.clear()
        self.new_pin_again.clear()
        self.message.clear()
        self.pad.reset()
        self.form.show()
        self.new_pin.setFocus()

    def _close_form(self) -> None:
        self._resetting = None
        self.new_pin.clear()
        self.new_pin_again.clear()
        self.form.hide()

    def _save_pin(self) -> None:
        profile, operator = self._resetting, self._operator
        if profile is None or operator is None:
            return
        pin = self.new_pin.text()
        problem = pin_pair_problem(pin, self.new_pin_again.text())
        if problem is not None:
            self._pin_refused(problem)
            return
        if self._operations.run(lambda: self._kiosk.profiles.reset_pin(operator, profile.id, pin),
                                self._pin_refused) is None:  # fmt: skip
            return
        self._close_form()
        self._say(_("PIN baru untuk {name} tersimpan. Beri tahu dia PIN-nya.", name=profile.name), failed=False)

    def _pin_refused(self, problem: Problem) -> None:
        self.new_pin.clear()
        self.new_pin_again.clear()
        self.new_pin.setFocus()
        self._refused(problem)

    def _refused(self, problem: Problem) -> None:
        self._say(describe(problem), failed=True)

    def _say(self, text: str, failed: bool) -> None:
        self.message.say(text, failed)
