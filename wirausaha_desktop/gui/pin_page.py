"""PIN entry with an on-screen pad (touch) and the keyboard; shows the lock-out countdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QRegularExpressionValidator
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..domain.model import Actor
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.profiles import Lock
from . import theme
from .keypad import DigitPad
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
        self.title.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
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

        self.unlock_button = name_widget(QPushButton(_("Buka")), "unlockButton", _("Buka buku"))
        self.unlock_button.setStyleSheet("QPushButton { font-weight: bold; background: #d9f2e9; }")
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.pad = DigitPad("pin", [self.pin_input], self.unlock_button)

        self.back = big_button(_("Kembali"), "backToPicker", None, _("Kembali ke daftar nama"))
        self.back.setFixedWidth(200)
        self.back.clicked.connect(self.back_requested.emit)

        # her card, as on the picker: its colour round her name, so she sees it is her own PIN page
        self.card = QFrame()
        self.card.setObjectName("pinCard")
        card = QHBoxLayout(self.card)  # side by side: the pad below must fit a 600-px-high screen
        card.setContentsMargins(14, 6, 20, 6)
        card.setSpacing(12)
        card.addWidget(self.avatar)
        card.addWidget(self.title, 1)
        self.show_colour(theme.BUSINESS)

        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.card)
        column.addWidget(self.hint)
        column.addWidget(self.pin_input, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.message)
        column.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
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
        colour: str | None = None,
    ) -> None:
        """Prepare the page for one person (a profile or the operator); ``words`` puts problems into words,
        ``colour`` is her card's on the picker."""
        self._check, self._current_lock, self._seconds_left = check, current_lock, seconds_left
        self._words = words
        self.title.setText(title)
        self.avatar.setPixmap(icon.pixmap(64, 64))
        self.show_colour(colour or theme.BUSINESS)
        self.pin_input.clear()
        self.message.clear()
        self._show_lock()
        self.pin_input.setFocus()

    def show_colour(self, colour: str) -> None:
        """Her card's colour as the card's thick edge and a pale wash of it (the words stay black)."""
        wash = theme.qcolor(colour)
        self.card.setStyleSheet(
            f"QFrame#pinCard {{ border: 5px solid {colour}; border-radius: 16px;"
            f" background: rgba({wash.red()}, {wash.green()}, {wash.blue()}, 40); }}"
            "QFrame#pinCard QLabel { border: none; background: transparent; }"
        )
        self.card.setProperty("colour", colour)

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
