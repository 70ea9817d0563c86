from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from wirausaha_desktop.gui.window import KioskWindow


def test_unlock_opens_her_two_books(qtbot: QtBot, window: KioskWindow) -> None:
    assert window.current_page() is window.picker
    unlock(qtbot, window)
    assert window.current_page() is window.book
    assert window.book.business.balance.text() == "Rp0"
    assert window.book.personal.balance.text() == "Rp0"
