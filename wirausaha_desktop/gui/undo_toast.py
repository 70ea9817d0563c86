"""The "Tersimpan" bar with its undo button, in its own row under a book (it covers nothing)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..i18n import _
from ..services.changes import Changes
from .widgets import name_widget


class UndoToast(QFrame):
    """ "Tersimpan" with an undo button for ten seconds after a save; "Catatan dibatalkan" after an undo."""

    undo_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("undoToast")
        self.setProperty("role", "toast")
        self._entry_ids: tuple[str, ...] = ()
        self._seconds = 0
        self.text = QLabel()
        self.text.setObjectName("toastText")
        self.text.setWordWrap(True)  # under one book at 1024 px: "Tersimpan:" may take a line of its own
        self.setMinimumHeight(60)  # the same height with or without its button: the book does not jump
        self.button = name_widget(QPushButton(), "undoButton", _("Urungkan simpanan terakhir"))
        self.button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.hide()

    def show_saved(self, message: str, changes: Changes, seconds: int) -> None:
        self._entry_ids = changes.added
        self._seconds = seconds
        self.text.setText(message)
        self.button.show()
        self._render()
        self.show()
        self._timer.start()

    def show_done(self, message: str, seconds: int) -> None:
        """What an undo did, in words, for a few seconds (nothing left to undo: no button)."""
        self._entry_ids = ()
        self._seconds = seconds
        self.text.setText(message)
        self.button.hide()
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._timer.stop()
        self._entry_ids = ()
        self.hide()

    def _tick(self) -> None:
        self._seconds -= 1
        if self._seconds <= 0:
            self.dismiss()
        else:
            self._render()

    def _render(self) -> None:
        if self._entry_ids:
            self.button.setText(_("Urungkan ({seconds})", seconds=self._seconds))

    def _undo(self) -> None:
        if self._entry_ids:
            first = self._entry_ids[0]
            self.dismiss()
            self.undo_requested.emit(first)
