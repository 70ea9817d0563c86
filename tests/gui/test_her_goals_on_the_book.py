"""Her book page shows her goals and her mentor's signed message; nothing of it stays after Selesai."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
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
