"""Her book page shows her goals and her mentor's signed message; nothing of it stays after Selesai."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from wirausaha_desktop.domain.goals import GoalKind
from wirausaha_desktop.domain.model import Actor, Role
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.coaching import GoalDraft


def test_her_goals_and_the_mentors_message_sit_on_her_book_and_go_at_the_lock(
    qtbot: QtBot, window: KioskWindow
) -> None:
    kiosk = window.kiosk
    sari = kiosk.profiles.find("Sari")
    wati, _ = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
    kiosk.mentors.assign(Actor.operator(), wati.id, sari.id)
    due = kiosk.clock.today() + dt.timedelta(days=10)
    kiosk.coaching.record_session(
        Actor(Role.MENTOR, wati.id),
        sari.id,
        "",
        "Semangat, Bu Sari!",
        [GoalDraft(GoalKind.RECORD_DAYS, due, target=8, text="Catat 8 hari")],
        None,
    )
    unlock(qtbot, window)
    panel = window.book.my_goals
    qtbot.waitUntil(panel.isVisible)
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "Semangat, Bu Sari!" in texts and "Bu Wati" in texts
    assert "Catat 8 hari" in texts and "dari 8 hari" in texts
    window.lock()
    assert not panel.isVisible()
    assert "Semangat" not in " ".join(label.text() for label in panel.findChildren(QLabel) if label.isVisible())


def test_open_target_saya_lies_over_her_books_at_1024x600_and_closes_back(qtbot: QtBot, window: KioskWindow) -> None:
    kiosk = window.kiosk
    sari = kiosk.profiles.find("Sari")
    wati, _ = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
    kiosk.mentors.assign(Actor.operator(), wati.id, sari.id)
    due = kiosk.clock.today() + dt.timedelta(days=10)
    drafts = [
        GoalDraft(GoalKind.RECORD_DAYS, due, target=8),
        GoalDraft(GoalKind.NO_TOP_UPS, due),
        GoalDraft(GoalKind.SALES_AT_LEAST, due, target=1_000_000),
    ]
    message = "Semangat, Bu Sari! Kita lihat lagi bukunya minggu depan, bawa juga contoh kemasan yang baru."
    kiosk.coaching.record_session(Actor(Role.MENTOR, wati.id), sari.id, "", message, drafts, None)
    window.resize(1024, 600)
    unlock(qtbot, window)
    panel, book = window.book.my_goals, window.book
    qtbot.waitUntil(panel.isVisible)
    qtbot.wait(100)  # the short-screen layout settles (the strip turns compact)
    ledgers: list[QWidget] = [book.business, book.personal]
    before = [(p.y(), p.height()) for p in ledgers]  # the room up and down
    closed_height = panel.height()

    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.is_floating)
    assert [(p.y(), p.height()) for p in ledgers] == before  # her books keep their room
    assert panel.height() > closed_height and panel.geometry().bottom() <= book.height()
    assert panel.geometry().intersects(ledgers[0].geometry())  # a sheet over the page
    assert message in " ".join(label.text() for label in panel.findChildren(QLabel) if label.isVisible())

    qtbot.keyClick(panel.toggle, Qt.Key.Key_Escape)
    assert not panel.is_open() and not panel.is_floating()
    qtbot.waitUntil(lambda: panel.height() == closed_height)
    assert [(p.y(), p.height()) for p in ledgers] == before
