"""Fixtures for driving the real window offscreen with qtbot."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import PySide6
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from wirausaha_desktop.app import create_window
from wirausaha_desktop.domain.model import Actor, Profile
from wirausaha_desktop.gui.dialogs import Ask
from wirausaha_desktop.gui.entry_dialog import EntryDialog
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk

OPERATOR_PIN = "2468"


@pytest.fixture
def prepared_kiosk(kiosk_path: Path, clock: FixedClock) -> Iterator[Kiosk]:
    """A kiosk prepared with the services (as the CLI would): an operator and Sari (PIN 1234)."""
    kiosk = Kiosk.open(kiosk_path, clock)
    kiosk.profiles.create_operator(OPERATOR_PIN)
    kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    yield kiosk
    kiosk.close()


@pytest.fixture
def open_window(qtbot: QtBot, clock: FixedClock) -> Iterator[Callable[[Path], KioskWindow]]:
    """Open the real top-level window on a file; every window is closed after the test."""
    windows: list[KioskWindow] = []

    def make(path: Path) -> KioskWindow:
        window = create_window(path, clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.kiosk.close()


@pytest.fixture
def window(prepared_kiosk: Kiosk, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]) -> KioskWindow:
    return open_window(kiosk_path)


def open_operator_menu(qtbot: QtBot, window: KioskWindow) -> QWidget:
    """*Petugas kios* on the picker, the operator's PIN on the pad: the operator's menu."""
    qtbot.mouseClick(window.picker.findChild(QPushButton, "operatorMenu"), _left())
    assert window.current_page() is window.pin
    for digit in OPERATOR_PIN:
        qtbot.mouseClick(window.pin.findChild(QPushButton, f"pinDigit_{digit}"), _left())
    qtbot.mouseClick(window.pin.unlock_button, _left())
    assert window.current_page() is window.operator_page
    return window.operator_page


def unlock(qtbot: QtBot, window: KioskWindow, name: str = "Sari", pin: str = "1234") -> Profile:
    """Tap her card, type the PIN on the pad, press Buka; returns her profile."""
    qtbot.mouseClick(window.picker.picker.card_for(name), _left())
    for digit in pin:
        qtbot.mouseClick(window.pin.findChild(type(window.pin.unlock_button), f"pinDigit_{digit}"), _left())
    qtbot.mouseClick(window.pin.unlock_button, _left())
    profile = window.book.profile
    assert profile is not None, "the book did not open"
    return profile


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# -- shared helpers and fixtures for the kiosk window and entry dialog tests ----------------------


# PySide6 6.12.0 drops one reference to ``True`` on every Python-side ``SignalInstance.emit()`` and
# ``disconnect()`` (6.11.3 does not). Once ``True``'s count reaches zero the interpreter aborts with
# "Fatal Python error: bool_dealloc", here at the latest when it tears down after the test run.
# The app must not ship on 6.12.0 (test_kiosk_window.py::test_signals_do_not_drain_true fails
# there); meanwhile the test process makes ``True`` immortal, as Python 3.12 does for every build.
PYSIDE_DRAINS_TRUE = PySide6.__version_info__[:3] == (6, 12, 0)
if PYSIDE_DRAINS_TRUE and sys.version_info < (3, 12):
    ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40  # ob_refcnt is a PyObject's first field


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """Really delete the widgets qtbot closed after the test (it calls ``deleteLater``).

    No event loop runs between tests, so without this every old window stays alive: the next
    ``theme.apply`` restyles them all (each test slower than the last) and their application
    event filters keep running.
    """
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@dataclass
class FakeAsk:
    """Stands in for ``Ask``: answers questions without a modal loop and remembers what was asked.

    ``None`` as an answer means the question was not expected: the test fails instead of hanging.
    """

    confirm_answer: bool | None = None
    reason: str | None = "Salah jumlah"
    confirms: list[str] = field(default_factory=list)
    confirm_words: list[tuple[str | None, str | None]] = field(default_factory=list)  # (yes, no) button words
    reasons_asked: list[str] = field(default_factory=list)
    informed: list[tuple[str, str]] = field(default_factory=list)  # (title, text)
    warned: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # the crash dialog

    def confirm(self, parent: QWidget, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
        self.confirms.append(text)
        self.confirm_words.append((yes, no))
        if self.confirm_answer is None:
            raise AssertionError(f"unexpected question: {text!r}")
        return self.confirm_answer

    def void_reason(self, parent: QWidget, description: str) -> str | None:
        self.reasons_asked.append(description)
        return self.reason

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.informed.append((title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.warned.append((title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append((title, text))


@pytest.fixture
def ask(monkeypatch: pytest.MonkeyPatch) -> FakeAsk:
    """Replace every ``Ask`` method (never ``exec()`` a modal dialog in a test)."""
    fake = FakeAsk()
    for method in ("confirm", "void_reason", "inform", "warn", "error"):
        monkeypatch.setattr(Ask, method, staticmethod(getattr(fake, method)))
    return fake


@pytest.fixture
def unlocked(qtbot: QtBot, window: KioskWindow) -> KioskWindow:
    """The window with Sari's book open."""
    unlock(qtbot, window)
    return window


W = TypeVar("W", bound=QObject)


def find(parent: QObject, kind: type[W], object_name: str) -> W:
    """The one child of ``kind`` called ``object_name``; fails clearly when missing."""
    found = parent.findChild(kind, object_name)
    assert found is not None, f"no {kind.__name__} named {object_name!r} in {parent.objectName()!r}"
    return found


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName()!r} is not on screen"
    assert widget.isEnabled(), f"{widget.objectName()!r} is disabled"
    qtbot.mouseClick(widget, _left())


def open_entry_dialog(qtbot: QtBot, window: KioskWindow, button_name: str) -> EntryDialog:
    """Press a money or move button on the main screen; returns the dialog it opened."""
    click(qtbot, find(window.book, QAbstractButton, button_name))
    dialog = window.book.dialog
    assert dialog is not None, f"{button_name} opened no dialog"
    qtbot.waitExposed(dialog)
    return dialog


def choice_button(dialog: EntryDialog, full_name: str) -> QToolButton:
    """A category (or move) button inside ``categoryInput``, by its full (accessible) name."""
    grid = find(dialog, QWidget, "categoryInput")
    buttons = [b for b in grid.findChildren(QToolButton) if b.accessibleName() == full_name]
    assert len(buttons) == 1, f"no single choice {full_name!r}"
    return buttons[0]


def record(
    qtbot: QtBot, window: KioskWindow, button_name: str, amount: str, choice: str, *, enter_key: bool = False
) -> None:
    """Open the dialog, type the amount, pick what it was for, save (button or Enter); the dialog closes."""
    dialog = open_entry_dialog(qtbot, window, button_name)
    amount_input = find(dialog, QLineEdit, "amountInput")
    qtbot.keyClicks(amount_input, amount)
    click(qtbot, choice_button(dialog, choice))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        if enter_key:
            qtbot.keyClick(amount_input, Qt.Key.Key_Return)
        else:
            click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert window.book.dialog is None


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QDateEdit, QTableView, QCheckBox, QListWidget)


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets without an accessible name (parts inside a spin box or view excluded)."""
    missing = []
    for kind in INTERACTIVE:
        for widget in root.findChildren(kind):
            parent = widget.parentWidget()
            inner = False
            while parent is not None and parent is not root:
                if isinstance(parent, QAbstractSpinBox | QAbstractItemView):
                    inner = True
                parent = parent.parentWidget()
            if not inner and not widget.accessibleName().strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}")
    return missing
