"""PIN entry with an on-screen pad (touch) and the keyboard; shows the lock-out countdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..domain.model import Actor
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.profiles import Lock
from .widgets import big_button, label, name_widget

CheckPin = Callable[[str], "Actor | Problem"]
CurrentLock = Callable[[], "Lock | None"]
SecondsLeft = Callable[[Lock], int]
Words = Callable[[Problem], str]


class PinPage(QWidget):
    unlocked = Signal(object)  # Actor
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pinPage")
        self._check: CheckPin | None = None
        self._current_lock: CurrentLock | None = None
        self._seconds_left: SecondsLeft | None = None
        self._words: Words = describe

        self.avatar = QLabel()
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = label("", "title", wrap=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label(_("Masukkan PIN Anda"), "hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_input = name_widget(QLineEdit(), "pinInput", _("PIN"))
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.pin_input))
        self.pin_input.setMaxLength(6)
        self.pin_input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_input.setFixedWidth(300)
        font = self.pin_input.font()
        font.setPointSize(24)
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 8)
        self.pin_input.setFont(font)
        self.pin_input.returnPressed.connect(self.try_unlock)
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        pad = QGridLayout()
        pad.setSpacing(8)
        for digit in range(10):
            button = name_widget(QPushButton(str(digit)), f"pinDigit_{digit}", _("Angka {digit}", digit=digit))
            button.setFixedSize(92, 60)
            button.setStyleSheet("QPushButton { font-size: 20pt; }")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, d=digit: self.pin_input.insert(str(d)))
            row, col = (3, 1) if digit == 0 else ((digit - 1) // 3, (digit - 1) % 3)
            pad.addWidget(button, row, col)
        erase = name_widget(QPushButton("⌫"), "pinErase", _("Hapus satu angka"))
        erase.setFixedSize(92, 60)
        erase.setStyleSheet("QPushButton { font-size: 20pt; }")
        erase.clicked.connect(self.pin_input.backspace)
        pad.addWidget(erase, 3, 0)
        self.unlock_button = name_widget(QPushButton(_("Buka")), "unlockButton", _("Buka buku"))
        self.unlock_button.setFixedSize(92, 60)
        self.unlock_button.setStyleSheet("QPushButton { font-weight: bold; background: #d9f2e9; }")
        self.unlock_button.clicked.connect(self.try_unlock)
        pad.addWidget(self.unlock_button, 3, 2)

        self.back = big_button(_("Kembali"), "backToPicker", None, _("Kembali ke daftar nama"))
        self.back.setFixedWidth(200)
        self.back.clicked.connect(self.back_requested.emit)

        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.avatar)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.pin_input, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.message)
        column.addLayout(pad)
        column.setAlignment(pad, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._show_lock)

    def ask(
        self,
        title: str,
        icon: QIcon,
        check: CheckPin,
        current_lock: CurrentLock,
        seconds_left: SecondsLeft,
        words: Words = describe,
    ) -> None:
        """Prepare the page for one person (a profile or the operator); ``words`` puts problems into words."""
        self._check, self._current_lock, self._seconds_left = check, current_lock, seconds_left
        self._words = words
        self.title.setText(title)
        self.avatar.setPixmap(icon.pixmap(88, 88))
        self.pin_input.clear()
        self.message.clear()
        self._show_lock()
        self.pin_input.setFocus()

    def stop(self) -> None:
        self._timer.stop()
        self.pin_input.clear()
        self.message.clear()

    def try_unlock(self) -> None:
        if self._check is None or not self.unlock_button.isEnabled():
            return
        pin = self.pin_input.text()
        self.pin_input.clear()
        if not pin:
            self.message.setText(_("Ketik PIN dulu."))
            return
        result = self._check(pin)
        if isinstance(result, Problem):
            self.message.setText(self._words(result))
            self._show_lock()  # a try that locked the profile (or the restore) disables the pad at once
            return
        self.stop()
        self.unlocked.emit(result)

    def _show_lock(self) -> None:
        lock = self._current_lock() if self._current_lock else None
        locked = lock is not None and self._seconds_left is not None
        for widget in (self.pin_input, self.unlock_button):
            widget.setEnabled(not locked)
        if lock is not None and self._seconds_left is not None:
            reason = lock.reason or Problem.of("pin_locked", seconds=self._seconds_left(lock))
            self.message.setText(self._words(reason))
            if not self._timer.isActive():
                self._timer.start()
        else:
            if self._timer.isActive():
                self._timer.stop()
                self.message.setText(_("Silakan coba lagi."))
            self.pin_input.setFocus()
