"""Kiosk mode (issue 11 §6): the whole screen, Escape and F11 kept, no close without the operator's PIN."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import OPERATOR_PIN, click, find
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.gui import launch
from wirausaha_desktop.gui.kiosk_mode import ClosePinDialog, KioskMode
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.kiosk_mode import KioskModeService
from wirausaha_desktop.services.profiles import MAX_WRONG_PINS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def kiosk_window(
    prepared_kiosk: Kiosk, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]
) -> Iterator[KioskWindow]:
    """The real window on a kiosk whose operator switched kiosk mode on, shown as ``launch`` shows it."""
    KioskModeService(prepared_kiosk.settings).switch(Actor.operator(), True)
    window = open_window(kiosk_path)
    launch.show(window)
    yield window
    mode = window.findChild(KioskMode, "kioskMode")
    if mode is not None:
        mode.leave()  # so that the test's teardown may close the window


def type_on_pad(qtbot: QtBot, dialog: ClosePinDialog, pin: str) -> None:
    for digit in pin:
        click(qtbot, find(dialog, QPushButton, f"closePinDigit_{digit}"))


def ask_to_close(qtbot: QtBot, window: KioskWindow) -> ClosePinDialog:
    assert window.close() is False  # what Alt+F4 or a window manager's close asks, refused for now
    mode = find(window, KioskMode, "kioskMode")
    dialog = mode.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_kiosk_mode_is_off_by_default_and_the_window_maximised(
    qtbot: QtBot, window: KioskWindow, prepared_kiosk: Kiosk
) -> None:
    assert KioskModeService(prepared_kiosk.settings).is_on() is False
    launch.show(window)
    qtbot.waitUntil(lambda: window.isMaximized())
    assert window.findChild(KioskMode, "kioskMode") is None
    assert window.close_guard is None


def test_kiosk_mode_covers_the_whole_screen(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    qtbot.waitUntil(kiosk_window.isFullScreen)
    assert kiosk_window.geometry() == kiosk_window.screen().geometry()  # the whole, not the available part


def test_escape_and_f11_do_not_leave_full_screen(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    qtbot.waitUntil(kiosk_window.isFullScreen)
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
        qtbot.keyClick(kiosk_window, key)
        assert kiosk_window.isFullScreen()
    kiosk_window.showNormal()  # what a window manager's own key for it does
    qtbot.waitUntil(lambda: kiosk_window.isFullScreen() and kiosk_window.geometry() == kiosk_window.screen().geometry())
    kiosk_window.showMinimized()
    qtbot.waitUntil(kiosk_window.isFullScreen)


def test_closing_asks_for_the_operator_pin_and_a_wrong_one_keeps_the_app_open(
    qtbot: QtBot, kiosk_window: KioskWindow
) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    assert dialog.objectName() == "closePinDialog"
    assert dialog.pin_input.isEnabled() and dialog.close_button.isEnabled()
    type_on_pad(qtbot, dialog, "1357")
    assert dialog.pin_input.text() == "1357"
    click(qtbot, dialog.close_button)
    assert "PIN salah" in dialog.message.text()
    assert dialog.pin_input.text() == ""
    assert dialog.isVisible() and kiosk_window.isVisible()
    click(qtbot, dialog.close_button)  # nothing typed: asked to type, not counted
    assert dialog.message.text() == "Ketik PIN dulu."
    assert kiosk_window.kiosk.profiles.operator_lock() is None


def test_the_right_pin_closes_the_window(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    type_on_pad(qtbot, dialog, OPERATOR_PIN)
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not kiosk_window.isVisible())
    assert not dialog.isVisible()


def test_cancel_keeps_the_app_open_and_the_next_close_asks_again(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    type_on_pad(qtbot, dialog, "12")
    click(qtbot, dialog.keep_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert kiosk_window.isVisible() and kiosk_window.isFullScreen()
    again = ask_to_close(qtbot, kiosk_window)
    assert again is not dialog and again.pin_input.text() == ""
    assert kiosk_window.close() is False
    assert find(kiosk_window, KioskMode, "kioskMode").dialog is again  # one question on screen, not two


def test_the_keyboard_works_too(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    qtbot.keyClicks(dialog.pin_input, OPERATOR_PIN)
    qtbot.keyClick(dialog.pin_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not kiosk_window.isVisible())


def test_too_many_wrong_pins_lock_the_pad(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    for _try in range(MAX_WRONG_PINS):
        type_on_pad(qtbot, dialog, "9999")
        click(qtbot, dialog.close_button)
    assert "Terlalu banyak PIN salah" in dialog.message.text()
    assert not dialog.close_button.isEnabled() and not dialog.pin_input.isEnabled() and not dialog.pad.isEnabled()
    dialog.try_close()  # even a press that got through changes nothing
    assert kiosk_window.isVisible()


def test_a_kiosk_with_no_operator_pin_stays_open(
    qtbot: QtBot, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]
) -> None:
    kiosk = Kiosk.open(kiosk_path)
    kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")  # made with the CLI
    KioskModeService(kiosk.settings).switch(Actor.operator(), True)
    kiosk.close()
    window = open_window(kiosk_path)
    launch.show(window)
    mode = find(window, KioskMode, "kioskMode")
    try:
        dialog = ask_to_close(qtbot, window)
        assert "belum punya PIN petugas" in dialog.message.text()
        assert not dialog.close_button.isEnabled() and not dialog.pad.isEnabled()
        assert window.isVisible()
    finally:
        mode.leave()


def test_the_idle_lock_takes_the_question_away(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    dialog = ask_to_close(qtbot, kiosk_window)
    kiosk_window.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert kiosk_window.isVisible()


def test_the_close_dialog_fits_the_smallest_screen_with_big_keys(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    kiosk_window.setGeometry(0, 0, 1024, 600)
    dialog = ask_to_close(qtbot, kiosk_window)
    assert dialog.width() <= 1024 and dialog.height() <= 600
    for button in dialog.findChildren(QPushButton):
        assert button.height() >= 48, button.objectName()
        assert button.objectName() and button.accessibleName(), button.text()
    assert dialog.pin_input.accessibleName() == "PIN petugas"


def test_the_window_wears_the_app_icon(qtbot: QtBot, kiosk_window: KioskWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon())  # no event has run since ``launch.show``: its timer is still to come
    assert kiosk_window.windowIcon().isNull()
    qtbot.waitUntil(lambda: not kiosk_window.windowIcon().isNull())  # after the first paint (start-up budget)
    assert app.windowIcon().cacheKey() == kiosk_window.windowIcon().cacheKey()
    assert app.desktopFileName() == "wirausaha"
    pixmap = kiosk_window.windowIcon().pixmap(64, 64)
    assert not pixmap.isNull() and pixmap.toImage().pixelColor(20, 40).alpha() > 0  # drawn, not blank


def test_the_desktop_entry_wears_the_same_icon() -> None:
    assert (ROOT / "packaging/kiosk/wirausaha.svg").read_bytes() == launch.app_icon().read_bytes()
