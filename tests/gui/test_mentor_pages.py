"""The mentor's side (issue 8 §2–§5): her card and PIN, the caseload, a book read-only, the session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import click, find, unlock, unnamed_widgets
from wirausaha_desktop.domain.caseload import CaseloadRow
from wirausaha_desktop.domain.goals import GoalKind, GoalStatus
from wirausaha_desktop.domain.model import AccessAction, Actor, MoveKind
from wirausaha_desktop.gui.caseload_page import CaseloadColumn, CaseloadModel, CaseloadPage
from wirausaha_desktop.gui.session_page import SessionPage
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk

pytestmark = pytest.mark.usefixtures("ask")
MENTOR_PIN = "5555"


@pytest.fixture
def mentor_kiosk(prepared_kiosk: Kiosk, clock: FixedClock) -> Kiosk:
    """Sari (records every day), Rina (never recorded), Dewi (not assigned); Bu Wati follows Sari and Rina."""
    kiosk, operator = prepared_kiosk, Actor.operator()
    kiosk.profiles.create(operator, "Rina", "Jajan pasar", "2222", "paper")
    kiosk.profiles.create(operator, "Dewi", "Jahit", "3333", "paper")
    wati, _changes = kiosk.mentors.create(operator, "Bu Wati", MENTOR_PIN)
    for name in ("Sari", "Rina"):
        kiosk.mentors.assign(operator, wati.id, kiosk.profiles.find(name).id)
    sari = kiosk.profiles.find("Sari")
    sales = next(c for c in kiosk.book.categories() if c.name == "Penjualan")
    today = clock.today()
    for days in range(10):
        kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, sales.id, 50_000, today - dt.timedelta(days=days))
    return kiosk


@pytest.fixture
def mentor_window(mentor_kiosk: Kiosk, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]) -> KioskWindow:
    return open_window(kiosk_path)


def unlock_mentor(qtbot: QtBot, window: KioskWindow, pin: str = MENTOR_PIN) -> None:
    click(qtbot, find(window.picker, QAbstractButton, "mentorTab"))
    assert window.picker.showing_mentors()
    click(qtbot, window.picker.picker.card_for("Bu Wati"))
    assert window.current_page() is window.pin
    qtbot.keyClicks(window.pin.pin_input, pin)
    qtbot.keyClick(window.pin.pin_input, Qt.Key.Key_Return)


def caseload(window: KioskWindow) -> CaseloadPage:
    page = window.mentor.caseload
    assert window.current_page() is page
    return page


def test_mentor_unlocks_and_sees_only_her_families_who_needs_her_first(
    qtbot: QtBot, mentor_window: KioskWindow
) -> None:
    tab = find(mentor_window.picker, QAbstractButton, "mentorTab")
    assert tab.height() >= 48 and tab.accessibleName()
    unlock_mentor(qtbot, mentor_window)
    page = caseload(mentor_window)
    assert page.shown_names() == ["Rina", "Sari"]  # never recorded first; Dewi is not hers
    table = find(page, QTableView, "caseloadTable")
    assert table.rowHeight(0) >= 48
    assert table.model().index(0, CaseloadColumn.SILENT).data() == "belum ada"
    assert table.model().index(1, CaseloadColumn.RECORDING).data().endswith("hari")
    assert not unnamed_widgets(page)
    table.sortByColumn(CaseloadColumn.SILENT, Qt.SortOrder.AscendingOrder)
    assert page.shown_names() == ["Sari", "Rina"]  # "never" sorts last
    click(qtbot, find(page, QAbstractButton, "caseloadLock"))
    assert mentor_window.current_page() is mentor_window.picker
    assert page.model.rowCount() == 0


def test_filter_by_light(qtbot: QtBot, mentor_window: KioskWindow) -> None:
    unlock_mentor(qtbot, mentor_window)
    page = caseload(mentor_window)
    filters = find(page, QWidget, "caseloadFilter")
    for key in ("all", "red", "yellow", "grey"):
        assert find(filters, QAbstractButton, f"caseloadFilter_{key}").height() >= 48
    click(qtbot, find(filters, QAbstractButton, "caseloadFilter_grey"))
    assert "Rina" in page.shown_names()  # nothing recorded: grey lights
    click(qtbot, find(filters, QAbstractButton, "caseloadFilter_all"))
    assert page.shown_names() == ["Rina", "Sari"]


def test_caseload_model_passes_the_model_tester(qtmodeltester, mentor_kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    wati = mentor_kiosk.mentors.find("Bu Wati")
    rows: list[CaseloadRow] = mentor_kiosk.caseload.rows(Actor.operator(), wati.id)
    model = CaseloadModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    page = CaseloadPage()
    page.model.set_rows(rows)
    qtmodeltester.check(page.proxy)


def test_opening_a_book_is_read_only_and_logged(qtbot: QtBot, mentor_window: KioskWindow) -> None:
    unlock_mentor(qtbot, mentor_window)
    page = caseload(mentor_window)
    assert page.select_name("Sari")
    click(qtbot, find(page, QAbstractButton, "openBook"))
    book = mentor_window.book
    assert mentor_window.current_page() is book
    banner = find(book, QWidget, "readOnlyBanner")
    assert banner.isVisible() and "Bu Wati" in find(banner, QLabel, "readOnlyBannerText").text()
    for name in ("businessMoneyIn", "businessMoneyOut", "personalMoneyIn", "moveMoney", "closedToday", "whoViewed"):
        assert not find(book, QAbstractButton, name).isVisible(), name
    assert find(book, QAbstractButton, "startSession").isVisible()
    sari = mentor_window.kiosk.profiles.find("Sari")
    log = mentor_window.kiosk.access_log(Actor.beneficiary(sari.id), sari.id)
    assert any(r.action is AccessAction.VIEW_BOOK and r.who == "Bu Wati" for r in log)
    click(qtbot, find(book, QAbstractButton, "openStanding"))
    assert mentor_window.current_page() is mentor_window.standing
    click(qtbot, find(mentor_window.standing, QAbstractButton, "backToBook"))
    click(qtbot, find(book, QAbstractButton, "backToCaseload"))
    assert caseload(mentor_window).shown_names() == ["Rina", "Sari"]
    qtbot.keyClick(find(page, QTableView, "caseloadTable"), Qt.Key.Key_Return)  # Enter opens the book too
    assert mentor_window.current_page() is book


def test_a_mentor_never_reaches_an_unassigned_book(qtbot: QtBot, mentor_window: KioskWindow) -> None:
    unlock_mentor(qtbot, mentor_window)
    page = caseload(mentor_window)
    dewi = mentor_window.kiosk.profiles.find("Dewi")
    page.book_requested.emit(dewi.id)  # as if a row for her were there
    assert mentor_window.current_page() is page
    assert page.message.text()  # "Anda tidak boleh melakukan ini."
    assert mentor_window.book.profile is None


def test_a_beneficiary_never_reaches_the_mentor_pages(qtbot: QtBot, mentor_window: KioskWindow) -> None:
    unlock(qtbot, mentor_window)
    book = mentor_window.book
    assert not find(book, QAbstractButton, "startSession").isVisible()
    assert not find(book, QAbstractButton, "backToCaseload").isVisible()
    assert not find(book, QWidget, "readOnlyBanner").isVisible()
    book.session_requested.emit()  # even if a signal came from somewhere: no mentor, no session
    book.caseload_requested.emit()
    assert mentor_window.current_page() not in (mentor_window.mentor._session, mentor_window.mentor._caseload)


def open_session(qtbot: QtBot, window: KioskWindow, name: str) -> SessionPage:
    page = caseload(window)
    assert page.select_name(name)
    click(qtbot, find(page, QAbstractButton, "openBook"))
    click(qtbot, find(window.book, QAbstractButton, "startSession"))
    session = window.mentor.session
    assert window.current_page() is session
    return session


def test_a_session_with_two_goals_then_the_next_shows_them(
    qtbot: QtBot, mentor_window: KioskWindow, clock: FixedClock
) -> None:
    unlock_mentor(qtbot, mentor_window)
    session = open_session(qtbot, mentor_window, "Sari")
    qtbot.keyClicks(find(session, QPlainTextEdit, "sessionNotes"), "Bicara soal kemasan")
    qtbot.keyClicks(find(session, QLineEdit, "sessionMessage"), "Terus catat ya, Bu")
    click(qtbot, find(session, QAbstractButton, "addGoal"))
    click(qtbot, find(session, QAbstractButton, "addGoal"))
    first, second = session.goal_rows
    first.set_kind(GoalKind.RECORD_DAYS)
    qtbot.keyClicks(first.target, "1")
    first.due.edit.setDate(first.due.edit.date().addDays(-29))  # due today: one day recorded is enough
    second.set_kind(GoalKind.SALES_AT_LEAST)
    qtbot.keyClicks(second.target, "")
    click(qtbot, find(session, QAbstractButton, "saveSession"))
    assert session.problem.text()  # no amount typed: said, nothing lost
    assert session.notes.toPlainText() == "Bicara soal kemasan"
    qtbot.keyClicks(second.target, "10jt")
    second.due.edit.setDate(second.due.edit.date().addDays(-29))
    click(qtbot, find(session, QAbstractButton, "saveSession"))
    assert mentor_window.current_page() is mentor_window.mentor.caseload
    assert "tersimpan" in mentor_window.mentor.caseload.message.text()
    sari = mentor_window.kiosk.profiles.find("Sari")
    assert len(mentor_window.kiosk.coaching.sessions(mentor_window.mentor.actor, sari.id)) == 1  # type: ignore[arg-type]

    clock.advance(dt.timedelta(days=2))  # the goals are due: one met by her data, one missed
    click(qtbot, find(mentor_window.mentor.caseload, QAbstractButton, "caseloadLock"))
    unlock_mentor(qtbot, mentor_window)
    session = open_session(qtbot, mentor_window, "Sari")
    shown = [w.text() for w in session.findChildren(QLabel, "goalShows")]
    assert any(text.startswith("Tercapai") for text in shown), shown
    assert any(text.startswith("Tidak tercapai") for text in shown), shown
    assert session.notes.toPlainText() == ""
    assert "Bicara soal kemasan" in find(session, QLabel, "lastNotes").text()
    statuses = {p.status for _g, p in mentor_window.kiosk.coaching.current_goals(Actor.beneficiary(sari.id), sari.id)}
    assert statuses == {GoalStatus.MET, GoalStatus.MISSED}
    assert not unnamed_widgets(session)


def test_a_refused_session_keeps_what_was_typed(qtbot: QtBot, mentor_window: KioskWindow) -> None:
    unlock_mentor(qtbot, mentor_window)
    session = open_session(qtbot, mentor_window, "Sari")
    qtbot.keyClicks(find(session, QPlainTextEdit, "sessionNotes"), "x" * 2100)
    click(qtbot, find(session, QAbstractButton, "saveSession"))
    assert "terlalu panjang" in session.problem.text()
    assert len(session.notes.toPlainText()) == 2100
    assert mentor_window.current_page() is session


def test_readiness_from_the_session_never_decides_and_keeps_the_mentors_decision(
    qtbot: QtBot, mentor_window: KioskWindow
) -> None:
    unlock_mentor(qtbot, mentor_window)
    session = open_session(qtbot, mentor_window, "Sari")
    qtbot.keyClicks(find(session, QPlainTextEdit, "sessionNotes"), "Bicara soal kemasan")
    opener = find(session, QAbstractButton, "openReadiness")
    assert opener.height() >= 48 and opener.text() and not opener.icon().isNull()
    click(qtbot, opener)
    page = mentor_window.mentor.readiness
    assert mentor_window.current_page() is page
    assert "tidak pernah memutuskan" in find(page, QLabel, "readinessNeverDecides").text()
    states = [w.text() for w in page.findChildren(QLabel, "readinessState")]
    assert len(states) == 4 and all(states), states  # each data item: a word (beside icon and colour)
    for code in ("packaging", "marketing_channel", "permits", "savings"):
        assert find(page, QAbstractButton, f"judged_{code}_unknown").isChecked()
    click(qtbot, find(page, QAbstractButton, "judged_packaging_yes"))
    click(qtbot, find(page, QAbstractButton, "judged_permits_no"))
    assert page.judged_answers()["packaging"] is True
    click(qtbot, find(page, QAbstractButton, "saveDecision"))
    assert page.problem.text()  # no decision note yet: said, the toggles stay
    assert page.judged_answers()["permits"] is False
    qtbot.keyClicks(find(page, QPlainTextEdit, "decisionNote"), "Belum lulus, urus PIRT dulu")
    click(qtbot, find(page, QAbstractButton, "saveDecision"))
    assert "tersimpan" in page.done.text()
    sari = mentor_window.kiosk.profiles.find("Sari")
    (stored,) = mentor_window.kiosk.coaching.sessions(mentor_window.mentor.actor, sari.id)  # type: ignore[arg-type]
    assert "Kemasan: ya" in stored.notes and "Izin usaha (NIB / PIRT): tidak" in stored.notes
    assert "Belum lulus, urus PIRT dulu" in stored.notes
    assert not unnamed_widgets(page)
    click(qtbot, find(page, QAbstractButton, "backFromReadiness"))
    assert mentor_window.current_page() is session
    assert session.notes.toPlainText() == "Bicara soal kemasan"  # the session's typing stays


def test_mentor_figures_beside_her_book_and_never_for_her(
    qtbot: QtBot, mentor_kiosk: Kiosk, kiosk_path: Path, open_window: Callable[[Path], KioskWindow], clock: FixedClock
) -> None:
    sari, today = mentor_kiosk.profiles.find("Sari"), clock.today()
    food = next(c for c in mentor_kiosk.book.categories() if c.name == "Makan / belanja dapur")
    mentor_kiosk.book.move_money(Actor.beneficiary(sari.id), sari.id, MoveKind.OWNER_PAY, 600_000, today)
    mentor_kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, food.id, 900_000, today)
    window = open_window(kiosk_path)
    unlock_mentor(qtbot, window)
    assert caseload(window).select_name("Sari")
    click(qtbot, find(caseload(window), QAbstractButton, "openBook"))
    line = find(window.book, QLabel, "mentorFigures")
    assert line.isVisible()
    assert (
        line.text() == "Ambil untuk pribadi (30 hari): Rp600.000 · Belanja rumah: Rp900.000 (67 %) · "
        "UMK belum diatur (petugas kios yang mengatur)"
    )
    click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    window.kiosk.settings.set(Actor.operator(), "umk_monthly", "2500000")
    unlock_mentor(qtbot, window)
    assert caseload(window).select_name("Sari")
    click(qtbot, find(caseload(window), QAbstractButton, "openBook"))
    assert line.isVisible() and line.text().endswith("· UMK: Rp2.500.000 (24 %)")
    window.resize(1024, 600)
    qtbot.wait(50)
    assert line.width() >= line.sizeHint().width()  # one line, whole, at the smallest screen
    click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    unlock(qtbot, window, "Sari", "1234")
    assert window.current_page() is window.book and not line.isVisible() and not line.text()


def test_the_session_shows_every_tip_her_data_triggers_she_sees_one(
    qtbot: QtBot, mentor_window: KioskWindow, mentor_kiosk: Kiosk, clock: FixedClock
) -> None:
    kiosk = mentor_kiosk
    sari = kiosk.profiles.find("Sari")
    her = Actor.beneficiary(sari.id)
    other = next(c for c in kiosk.book.categories() if c.name == "Pengeluaran lain usaha")
    kiosk.book.record_entry(her, sari.id, other.id, 80_000, clock.today(), note="uang sekolah anak")
    kiosk.book.move_money(her, sari.id, MoveKind.OWNER_PAY, 900_000, clock.today())  # more than her profit
    fired = [tip.code for tip in kiosk.tips.tips(her, sari.id)]
    assert {"mixing", "pay_above_profit"} <= set(fired)

    unlock_mentor(qtbot, mentor_window)
    session = open_session(qtbot, mentor_window, "Sari")
    shown = [w.objectName().removeprefix("sessionTip_") for w in session.findChildren(QWidget)
             if w.objectName().startswith("sessionTip_")]  # fmt: skip
    assert shown == fired  # all of them, most important first
    mixing = session.findChild(QWidget, "sessionTip_mixing")
    assert "uang sekolah" in mixing.accessibleName() and "Rp80.000" in mixing.accessibleName()
