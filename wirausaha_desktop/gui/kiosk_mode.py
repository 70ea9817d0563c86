"""Kiosk mode on the window (issue 11 §6): the whole display, and no close without the operator's PIN.

Full screen is set twice over: the window's geometry is the screen's whole geometry, and then
``showFullScreen``. With no window manager nobody acts on "full screen", so the window would keep
its size; with one, the manager keeps it full screen and drops the frame. Whatever takes the state
away (a manager's key for it, a minimise) is undone at once, and Escape and F11 do nothing here.

A close asked by anyone (Alt+F4, the manager's close, ``close()``) opens ``ClosePinDialog``: the
operator's PIN on the on-screen pad. A wrong PIN keeps the app open and counts towards the
operator's lock-out like any other try; only the right one closes the window (exit code 0, so the
supervisor does not start it again). A kiosk with no operator PIN yet cannot be closed from the
screen: *Petugas kios* on the picker sets one first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QWindow
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.model import Actor
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from . import icons, theme
from .dialogs import KioskDialog, answer_button
from .keypad import DigitPad
from .widgets import fit_over, name_widget

if TYPE_CHECKING:
    from ..services.profiles import Lock
    from .window import KioskWindow

log = logging.getLogger("wirausaha")
CheckPin = Callable[[str], "Actor | Problem"]
CurrentLock = Callable[[], "Lock | None"]
SecondsLeft = Callable[["Lock"], int]

KEPT_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_F11)
"""Keys that leave full screen in many programs; in kiosk mode they do nothing."""
UNMAPPED_MS = 500  # a window off the screen this long was not a mere repaint
FULL_SCREEN = Qt.WindowState.WindowFullScreen  # and nothing else: minimised and full screen is not kept
DIALOG_SIZE = (760, 470)  # fits 1024×600 with the pad beside the field


class ClosePinDialog(KioskDialog):
    """``closePinDialog``: the operator's PIN, typed on the pad or the keyboard, closes the app."""

    def __init__(
        self,
        parent: QWidget,
        check: CheckPin,
        current_lock: CurrentLock,
        seconds_left: SecondsLeft,
        has_operator: bool = True,
    ) -> None:
        super().__init__(
            parent,
            "closePinDialog",
            _("Tutup aplikasi?"),
            _("Hanya petugas kios yang boleh menutup aplikasi ini. Masukkan PIN petugas."),
            icons.glyph("OP", theme.MUTED),
        )
        self._check, self._current_lock, self._seconds_left = check, current_lock, seconds_left
        self.pin_input = name_widget(QLineEdit(), "closePinInput", _("PIN petugas"))
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.pin_input))
        self.pin_input.setMaxLength(6)
        self.pin_input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_input.setFixedWidth(260)
        font = self.pin_input.font()
        font.setPointSize(22)
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 8)
        self.pin_input.setFont(font)
        self.pin_input.returnPressed.connect(self.try_close)
        self.message = QLabel("")
        self.message.setObjectName("closePinMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pad = DigitPad("closePin", [self.pin_input])

        field = QVBoxLayout()
        field.setSpacing(10)
        field.addWidget(self.pin_input)
        field.addWidget(self.message, 1)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(field, 1)
        row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)

        self.keep_button = self.add_button(answer_button(_("Batal, tetap buka"), "closePinCancel"))
        self.close_button = self.add_button(
            answer_button(_("Tutup aplikasi"), "closePinConfirm", _("Tutup aplikasi dengan PIN petugas"), primary=True)
        )
        self.keep_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.try_close)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._show_lock)
        self.fit(DIALOG_SIZE[0])
        if isinstance(parent, QWidget):
            fit_over(self, parent, *DIALOG_SIZE)
        self._show_lock()
        self.pin_input.setFocus()
        if not has_operator:  # nothing to check against: the app stays open (fail closed)
            for widget in (self.pin_input, self.close_button, self.pad):
                widget.setEnabled(False)
            self.message.setText(_("Kios ini belum punya PIN petugas. Buat dulu lewat tombol Petugas kios di "
                                   "daftar nama, lalu tutup aplikasi dengan PIN itu."))  # fmt: skip

    def try_close(self) -> None:
        if not self.close_button.isEnabled():
            return
        pin = self.pin_input.text()
        self.pin_input.clear()
        self.pad.reset()
        if not pin:
            self.message.setText(_("Ketik PIN dulu."))
            return
        result = self._check(pin)
        if isinstance(result, Problem):
            self.message.setText(describe(result))
            self._show_lock()  # the try that locked the operator disables the pad at once
            return
        self._timer.stop()
        self.accept()

    def _show_lock(self) -> None:
        lock = self._current_lock()
        locked = lock is not None
        for widget in (self.pin_input, self.close_button, self.pad):
            widget.setEnabled(not locked)
        if lock is not None:
            self.message.setText(describe(lock.reason or Problem.of("pin_locked", seconds=self._seconds_left(lock))))
            if not self._timer.isActive():
                self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self.message.setText(_("Silakan coba lagi."))
            self.pin_input.setFocus()


class KioskMode(QObject):
    """Installed on the kiosk window by ``gui.launch`` when the kiosk's setting is on."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.setObjectName("kioskMode")
        self._window = window
        self._may_close = False
        self.dialog: ClosePinDialog | None = None
        self._handle: QWindow | None = None
        window.close_guard = self.allow_close
        window.installEventFilter(self)  # this window's own events only, not the application's
        window.screen().geometryChanged.connect(self._refill)

    @classmethod
    def install(cls, window: KioskWindow) -> KioskMode:
        return cls(window)

    def enter(self) -> None:
        """The screen's whole geometry (not its available part: there is no panel to leave room for).

        The window's minimum size gives way to a smaller screen: the screen is the size here."""
        screen = self._window.screen().geometry()
        self._window.setMinimumSize(self._window.minimumSize().boundedTo(screen.size()))
        self._window.setGeometry(screen)
        self._window.showFullScreen()
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.installEventFilter(self)  # its exposure: a manager's "show desktop" unmaps it silently

    def leave(self) -> None:
        """Back to an ordinary window (tests, and an operator's menu item one day)."""
        self._window.close_guard = None
        self._window.removeEventFilter(self)
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        self._window.screen().geometryChanged.disconnect(self._refill)
        if self.dialog is not None:
            self.dialog.reject()

    def allow_close(self) -> bool:
        """The window's close guard: yes after the operator's PIN, otherwise ask for it and say no."""
        if self._may_close:
            return True
        self.ask_pin()
        return False

    def ask_pin(self) -> ClosePinDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()  # already on top: nothing restacks windows without a manager
            return self.dialog
        kiosk = self._window.kiosk
        profiles = kiosk.profiles
        dialog = ClosePinDialog(
            self._window,
            profiles.unlock_operator,
            profiles.operator_lock,
            lambda lock: lock.seconds_left(kiosk.clock.now()),
            profiles.has_operator(),
        )
        dialog.finished.connect(self._dialog_done)  # before ``accepted``
        dialog.accepted.connect(self._close_now)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_done(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _close_now(self) -> None:
        self._may_close = True
        self._window.close()

    def _refill(self) -> None:
        """Full screen again (``showFullScreen`` also undoes minimised), unless it is closing or closed."""
        if not self._may_close and self._window.isVisible() and self._window.close_guard is not None:
            self.enter()

    def _map_again(self) -> None:
        """Still unmapped by the manager (show desktop, another workspace): map it again, full screen."""
        handle = self._handle
        if handle is not None and not handle.isExposed() and not self._may_close and self._window.isVisible():
            log.info("kiosk mode: the window was taken off the screen; putting it back")
            self._window.hide()  # Qt still counts it as shown: only a new map brings it back
            self.enter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._handle and event.type() == QEvent.Type.Expose and self._handle is not None:
            if not self._handle.isExposed() and not self._may_close:
                QTimer.singleShot(UNMAPPED_MS, self._map_again)
            return False
        if watched is self._window:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in KEPT_KEYS:
                return True
            if event.type() == QEvent.Type.WindowStateChange and self._window.windowState() != FULL_SCREEN:
                QTimer.singleShot(0, self._refill)  # after the change is done, not inside it
        return False
