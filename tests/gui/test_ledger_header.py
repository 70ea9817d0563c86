"""Her two books side by side on a 600-px screen (issue 9 §5): each balance beside its book's name,
so that both lists keep their rows, in English too, where "Business Book" is longer than "Buku Usaha"."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from wirausaha_desktop.domain.goals import GoalKind
from wirausaha_desktop.domain.model import Actor, Ledger, Role
from wirausaha_desktop.gui.ledger_panel import SHORT_BELOW_PX
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import set_language
from wirausaha_desktop.services.coaching import GoalDraft


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_long_balance_keeps_both_books_on_one_row_and_their_lists_alike(
    qtbot: QtBot, window: KioskWindow, language: str
) -> None:
    kiosk = window.kiosk
    sari = kiosk.profiles.find("Sari")
    sales = next(c.id for c in kiosk.book.categories(Ledger.BUSINESS) if c.name == "Penjualan")
    food = next(c.id for c in kiosk.book.categories(Ledger.PERSONAL) if c.name == "Makan / belanja dapur")
    kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, sales, 22_792_000, kiosk.clock.today(), "")
    kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, food, 62_000, kiosk.clock.today(), "")
    wati, _ = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
    kiosk.mentors.assign(Actor.operator(), wati.id, sari.id)
    due = kiosk.clock.today() + dt.timedelta(days=10)
    goal = GoalDraft(GoalKind.RECORD_DAYS, due, target=8)
    kiosk.coaching.record_session(Actor(Role.MENTOR, wati.id), sari.id, "", "", [goal], None)  # her goals strip
    if language == "en":
        window.set_language("en")
    window.resize(1024, 600)
    try:
        unlock(qtbot, window)
        book = window.book
        qtbot.waitUntil(book.my_goals.isVisible)
        qtbot.wait(100)  # the short-screen layout settles
        panels = (book.business, book.personal)
        assert all(p.height() < SHORT_BELOW_PX for p in panels)  # the 600-px screen's layout
        assert book.business.balance.text() == "Rp22.792.000"
        assert [p.balance_caption.isHidden() for p in panels] == [True, True]  # beside the title, both
        for panel in panels:
            assert panel.balance.geometry().top() < panel.table.geometry().top()
            assert panel.balance.geometry().right() <= panel.contentsRect().right()  # never cut
            assert panel.title.geometry().right() < panel.balance.geometry().left()
        assert book.business.table.height() == book.personal.table.height()
        assert book.business.title.fontInfo().pointSize() == book.personal.title.fontInfo().pointSize()
    finally:
        set_language("id")
