"""The idle lock: *Selesai* by itself after minutes without a touch, everywhere but the picker.

Activity is watched with an application-wide event filter, which makes PySide6 wrap every event in
Python (issue 11 measured ~40 ms before the first paint): so the filter is installed only while a
page other than the picker is on screen, and removed when the picker is back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # QEvent's Python type (its ~170 event kinds) costs ~1.7 ms: not before the first paint
    from PySide6.QtCore import QEvent


@cache
def activity() -> frozenset[QEvent.Type]:
    from PySide6.QtCore import QEvent

    return frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel})


class IdleLock(QObject):
    def __init__(self, parent: QObject, seconds: int, lock: Callable[[], None]) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lock)
        self.set_seconds(seconds)
        self._watching = False
        self._activity: frozenset[QEvent.Type] = frozenset()

    def set_seconds(self, seconds: int) -> None:
        self.timer.setInterval(max(1, seconds) * 1000)

    def seconds(self) -> int:
        return self.timer.interval() // 1000

    def someone_is_here(self) -> None:
        """A tap, a key, a page opened for someone: the minutes start again."""
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def watch(self, watching: bool) -> None:
        """Listen for taps and keys (away from the picker) or not (on it, and at close)."""
        app = QApplication.instance()
        if app is None or watching == self._watching:
            return
        if watching:
            self._activity = activity()
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = watching

    def watching(self) -> bool:
        return self._watching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._activity:
            self.timer.start()
        return False
