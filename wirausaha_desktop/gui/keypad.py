"""The on-screen number pad: PINs typed with a finger, on every page that asks for one.

One pad serves the PIN fields of its page: a digit goes into the field she last touched (the
first one until then). The keys never take the focus, so the field keeps its focus border and
a keyboard still works as usual.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from ..i18n import _
from .widgets import name_widget

KEY_WIDTH, KEY_HEIGHT = 92, 60


class DigitPad(QWidget):
    """``{prefix}Digit_0``…``_9`` and ``{prefix}Erase``; ``action`` (e.g. *Buka*) takes the last corner."""

    def __init__(
        self, prefix: str, fields: Sequence[QLineEdit] = (), action: QPushButton | None = None,
        key_height: int = KEY_HEIGHT,
    ) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName(f"{prefix}Pad")
        self._fields: list[QLineEdit] = []
        self._target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys: list[QPushButton] = []
        for digit in range(10):
            key = self._key(str(digit), f"{prefix}Digit_{digit}", _("Angka {digit}", digit=digit), key_height)
            key.clicked.connect(lambda _checked=False, d=digit: self.type(str(d)))
            row, column = (3, 1) if digit == 0 else ((digit - 1) // 3, (digit - 1) % 3)
            grid.addWidget(key, row, column)
            self.keys.append(key)
        self.erase = self._key("⌫", f"{prefix}Erase", _("Hapus satu angka"), key_height)
        self.erase.clicked.connect(self.backspace)
        grid.addWidget(self.erase, 3, 0)
        if action is not None:
            action.setFixedSize(KEY_WIDTH, key_height)
            grid.addWidget(action, 3, 2)
        self.set_fields(fields)

    @staticmethod
    def _key(text: str, object_name: str, accessible: str, height: int) -> QPushButton:
        key = name_widget(QPushButton(text), object_name, accessible)
        key.setFixedSize(KEY_WIDTH, height)
        # the kiosk sheet's min-height is the text's: with its padding and border the key is ``height``
        key.setStyleSheet(f"QPushButton {{ font-size: 20pt; min-height: {height - 12}px; }}")
        key.setAutoDefault(False)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus (and its border)
        key.setCursor(Qt.CursorShape.PointingHandCursor)
        key.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return key

    def set_fields(self, fields: Sequence[QLineEdit]) -> None:
        for field in self._fields:
            field.removeEventFilter(self)
        self._fields = list(fields)
        for field in self._fields:
            field.installEventFilter(self)
        self.reset()

    def reset(self) -> None:
        """The next digit goes into the first field again (a form that starts afresh)."""
        self._target = self._fields[0] if self._fields else None

    def target(self) -> QLineEdit | None:
        """The field the next digit goes into."""
        return self._target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit) and watched in self._fields:
            self._target = watched
        return False

    def type(self, digit: str) -> None:
        field = self._target
        if field is None or not field.isEnabled():
            return
        field.insert(digit)
        field.setFocus()

    def backspace(self) -> None:
        field = self._target
        if field is None or not field.isEnabled():
            return
        field.backspace()
        field.setFocus()
