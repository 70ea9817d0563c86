"""Every page and dialog of the kiosk at 1024x600, audited on its rendered pixels (issue 9, item 11).

One test per page, so that one page's failures do not hide another's. Each opens the demo kiosk
(the four stories and Bu Wati, built for 1 December: the calendar has just turned), reaches the
page the way a person would (taps on named widgets, the PIN typed on the pad) and runs
``tests.audit.audit`` on what is on screen: touch targets under 48 px, unnamed controls, text
contrast under 4.5:1 measured on the rendered page, cut text, widgets off the page, English words.
A message names the page, the widget's objectName and class, its size and what is wrong.

Dialogs a page asks through ``Ask`` (or a date button) run their own modal loop: a timer audits
the new window from inside that loop and closes it. Dialogs are held to the room a 1024x600 screen
gives them (the offscreen test screen is another size).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.audit import SCREEN, Finding, audit
from tests.gui.conftest import click, find
from wirausaha_desktop.app import create_window
from wirausaha_desktop.domain.model import Direction, Ledger
from wirausaha_desktop.gui.dialogs import Ask
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import DEMO_MENTOR_PIN, DEMO_OPERATOR_PIN, build_demo_kiosk

# a combo box's list on the offscreen platform: it cannot raise the popup or grab the keyboard there
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)  # the first of a month: the calendar has just turned
DIALOG_ROOM = (SCREEN[0] - 24, SCREEN[1] - 16)  # what the real 1024x600 screen gives a dialog
PINS = {"Sari": "1111", "Rina": "2222", "Dewi": "3333", "Ani": "4444"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_kiosk(path, FixedClock(NOW))
    return path


@pytest.fixture
def kiosk_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[KioskWindow]:
    path = tmp_path / "kiosk.sqlite"
    shutil.copy(demo_file, path)
    window = create_window(path, FixedClock(NOW))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for dialog in QApplication.topLevelWidgets():
        if dialog is not window and dialog.isVisible():
            dialog.close()
    window.kiosk.close()


def settle(qtbot: QtBot, ms: int = 80) -> None:
    qtbot.wait(ms)


def tap(qtbot: QtBot, parent: QWidget, name: str) -> None:
    click(qtbot, find(parent, QWidget, name))
    settle(qtbot)


def unlock(qtbot: QtBot, window: KioskWindow, name: str) -> None:
    click(qtbot, window.picker.picker.card_for(name))
    for digit in PINS[name]:
        tap(qtbot, window.pin, f"pinDigit_{digit}")
    tap(qtbot, window.pin, "unlockButton")
    assert window.current_page() is window.book, f"{name}'s book did not open"


def unlock_mentor(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.picker, "mentorTab")
    click(qtbot, window.picker.picker.card_for("Bu Wati"))
    for digit in DEMO_MENTOR_PIN:
        tap(qtbot, window.pin, f"pinDigit_{digit}")
    tap(qtbot, window.pin, "unlockButton")
    assert window.current_page() is window.mentor.caseload, "the caseload did not open"


def unlock_operator(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.picker, "operatorMenu")
    for digit in DEMO_OPERATOR_PIN:
        tap(qtbot, window.pin, f"pinDigit_{digit}")
    tap(qtbot, window.pin, "unlockButton")
    assert window.current_page() is window.operator_page, "the operator's menu did not open"


def mentor_book(qtbot: QtBot, window: KioskWindow, name: str = "Dewi") -> None:
    unlock_mentor(qtbot, window)
    page = window.mentor.caseload
    assert page.select_name(name), f"{name} is not in the caseload"
    tap(qtbot, page, "openBook")
    assert window.current_page() is window.book and window.book.mentor_view


def fit_dialog(dialog: QWidget) -> None:
    """At most the room a 1024x600 screen leaves; a dialog that cannot shrink stays larger (and fails)."""
    if dialog.width() > DIALOG_ROOM[0] or dialog.height() > DIALOG_ROOM[1]:
        dialog.resize(min(dialog.width(), DIALOG_ROOM[0]), min(dialog.height(), DIALOG_ROOM[1]))


def audit_new_window(qtbot: QtBot, page: str, open_it: Callable[[], Any]) -> list[Finding]:
    """Audit the window ``open_it`` opens, from inside its modal loop if it has one, then close it."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    result: dict[str, list[Finding]] = {}
    tries = [0]
    errors: list[Exception] = []

    def look() -> None:
        try:
            audit_it()
        except Exception as error:  # raised again below: a timer's exception would only be printed
            result["findings"] = []
            errors.append(error)

    def audit_it() -> None:
        new = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
        if not new:
            tries[0] += 1
            if tries[0] < 100:
                QTimer.singleShot(20, look)
            else:
                result["findings"] = []
            return
        target = QApplication.activeModalWidget() or QApplication.activePopupWidget() or new[-1]
        fit_dialog(target)
        for _ in range(5):
            QApplication.processEvents()
        result["findings"] = audit(target, page)
        if isinstance(target, QDialog):
            target.reject()
        else:
            target.close()

    QTimer.singleShot(0, look)
    open_it()
    qtbot.waitUntil(lambda: "findings" in result, timeout=5000)
    if errors:
        raise errors[0]
    assert tries[0] < 100, f"{page}: no new window opened"
    return result["findings"]


# -- the pages ------------------------------------------------------------------------------------

Page = Callable[[QtBot, KioskWindow], "QWidget | list[Finding]"]
PAGES: dict[str, Page] = {}


def page(name: str) -> Callable[[Page], Page]:
    def register(reach: Page) -> Page:
        PAGES[name] = reach
        return reach

    return register


@page("picker")
def _picker(qtbot: QtBot, window: KioskWindow) -> QWidget:
    return window


@page("picker-mentors")
def _picker_mentors(qtbot: QtBot, window: KioskWindow) -> QWidget:
    tap(qtbot, window.picker, "mentorTab")
    return window


@page("pin")
def _pin(qtbot: QtBot, window: KioskWindow) -> QWidget:
    click(qtbot, window.picker.picker.card_for("Rina"))
    tap(qtbot, window.pin, "pinDigit_9")
    assert window.current_page() is window.pin
    return window


@page("pin-wrong")
def _pin_wrong(qtbot: QtBot, window: KioskWindow) -> QWidget:
    click(qtbot, window.picker.picker.card_for("Rina"))
    for digit in "9999":
        tap(qtbot, window.pin, f"pinDigit_{digit}")
    tap(qtbot, window.pin, "unlockButton")
    return window


@page("book")
def _book(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock(qtbot, window, "Sari")
    return window


@page("book-voided-hidden")
def _book_voided(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock(qtbot, window, "Rina")
    for ledger in ("business", "personal"):
        tap(qtbot, window.book, f"{ledger}ShowVoided")
    tap(qtbot, window.book, "hideAmounts")
    return window


def _entry(ledger: Ledger, direction: Direction) -> Page:
    def reach(qtbot: QtBot, window: KioskWindow) -> QWidget:
        unlock(qtbot, window, "Sari")
        prefix = "business" if ledger is Ledger.BUSINESS else "personal"
        tap(qtbot, window.book, f"{prefix}Money{'In' if direction is Direction.IN else 'Out'}")
        dialog = window.book.dialog
        assert dialog is not None, "no entry dialog"
        qtbot.waitExposed(dialog)
        fit_dialog(dialog)
        settle(qtbot)
        return dialog

    return reach


for _ledger in Ledger:
    for _direction in Direction:
        page(f"entry-dialog-{_ledger.value}-{_direction.value}")(_entry(_ledger, _direction))


@page("entry-dialog-refused")
def _entry_refused(qtbot: QtBot, window: KioskWindow) -> QWidget:
    dialog = _entry(Ledger.PERSONAL, Direction.OUT)(qtbot, window)
    assert isinstance(dialog, QWidget)
    qtbot.keyClicks(find(dialog, QWidget, "amountInput"), "15,5")
    tap(qtbot, dialog, "saveEntry")
    return dialog


@page("move-dialog")
def _move(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock(qtbot, window, "Dewi")
    tap(qtbot, window.book, "moveMoney")
    dialog = window.book.dialog
    assert dialog is not None, "no move dialog"
    qtbot.waitExposed(dialog)
    fit_dialog(dialog)
    settle(qtbot)
    return dialog


@page("date-dialog")
def _date(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
    dialog = _entry(Ledger.BUSINESS, Direction.OUT)(qtbot, window)
    assert isinstance(dialog, QWidget)
    return audit_new_window(qtbot, "date-dialog", lambda: find(dialog, QAbstractButton, "dateInput").click())


def _standing(name: str, tab: int | None = None, light: str | None = None) -> Page:
    def reach(qtbot: QtBot, window: KioskWindow) -> QWidget:
        unlock(qtbot, window, name)
        tap(qtbot, window.book, "openStanding")
        standing = window.standing
        assert standing is not None and window.current_page() is standing
        qtbot.waitUntil(lambda: not standing.charts_pending(), timeout=20000)
        if light is not None:
            tap(qtbot, standing, f"indicator_{light}")
        if tab is not None:
            standing.tabs.setCurrentIndex(tab)
            qtbot.waitUntil(lambda: not standing.charts_pending(), timeout=20000)
        settle(qtbot, 200)
        return window

    return reach


page("standing-sari")(_standing("Sari"))
page("standing-rina-light")(_standing("Rina", light="no_top_ups"))
page("standing-dewi-pay")(_standing("Dewi", tab=2, light="pay_within_profit"))
page("standing-ani-calendar")(_standing("Ani", tab=4))


@page("standing-period-list")
def _period_list(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
    _standing("Sari")(qtbot, window)
    standing = window.standing
    assert standing is not None
    return audit_new_window(qtbot, "standing-period-list", standing.period_input.showPopup)


@page("access-log")
def _access_log(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
    unlock(qtbot, window, "Sari")
    return audit_new_window(qtbot, "access-log", lambda: find(window.book, QAbstractButton, "whoViewed").click())


def _report(mentor: bool) -> Page:
    """The report dialog (issue 10 §1): hers from the standing page, her mentor's from the book."""

    def reach(qtbot: QtBot, window: KioskWindow) -> QWidget:
        if mentor:
            mentor_book(qtbot, window)
            tap(qtbot, window.book, "mentorReports")
            dialog = window.book.report_dialog
        else:
            _standing("Sari")(qtbot, window)
            assert window.standing is not None
            tap(qtbot, window.standing, "openReport")
            dialog = window.standing.report_dialog
        assert dialog is not None, "no report dialog"
        qtbot.waitExposed(dialog)
        fit_dialog(dialog)
        settle(qtbot)
        return dialog

    return reach


page("report-her")(_report(mentor=False))
page("report-mentor")(_report(mentor=True))


@page("operator")
def _operator(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock_operator(qtbot, window)
    return window


@page("operator-locks")
def _locks(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock_operator(qtbot, window)
    tap(qtbot, window.operator_page, "profileLocks")
    tap(qtbot, window.locks, "resetPin_1")
    return window


@page("operator-new-profile")
def _new_profile(qtbot: QtBot, window: KioskWindow) -> QWidget:
    tap(qtbot, window.picker, "addProfile")
    for digit in DEMO_OPERATOR_PIN:
        tap(qtbot, window.pin, f"pinDigit_{digit}")
    tap(qtbot, window.pin, "unlockButton")
    assert window.current_page() is window.new_profile
    return window


@page("operator-restore")
def _restore(qtbot: QtBot, window: KioskWindow) -> QWidget:
    window.kiosk.backups.run_due()
    unlock_operator(qtbot, window)
    tap(qtbot, window.operator_page, "openRestore")
    restore = window.restore_page
    assert restore is not None
    qtbot.waitUntil(lambda: restore.model.rowCount() > 0, timeout=10000)
    return window


@page("operator-settings")
def _settings(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock_operator(qtbot, window)
    tap(qtbot, window.operator_page, "kioskSettings")
    settle(qtbot)
    return window


@page("operator-delete")
def _delete(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock_operator(qtbot, window)
    tap(qtbot, window.operator_page, "deleteBook")
    window.delete_page.choose("Rina")
    settle(qtbot)
    return window


@page("delete-confirm")
def _delete_confirm(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
    """The question before her book goes, as the operator reaches it (answered *Tidak* by closing)."""
    unlock_operator(qtbot, window)
    tap(qtbot, window.operator_page, "deleteBook")
    window.delete_page.choose("Rina")
    return audit_new_window(qtbot, "delete-confirm", find(window.delete_page, QAbstractButton, "deleteNow").click)


@page("caseload")
def _caseload(qtbot: QtBot, window: KioskWindow) -> QWidget:
    unlock_mentor(qtbot, window)
    return window


@page("mentor-book")
def _mentor_book(qtbot: QtBot, window: KioskWindow) -> QWidget:
    mentor_book(qtbot, window)
    return window


@page("session")
def _session(qtbot: QtBot, window: KioskWindow) -> QWidget:
    mentor_book(qtbot, window)
    tap(qtbot, window.book, "startSession")
    session = window.mentor.session
    assert window.current_page() is session
    session.add_goal_row()
    settle(qtbot)
    return window


@page("readiness")
def _readiness(qtbot: QtBot, window: KioskWindow) -> QWidget:
    mentor_book(qtbot, window, "Sari")
    tap(qtbot, window.book, "startSession")
    tap(qtbot, window.mentor.session, "openReadiness")
    assert window.current_page() is window.mentor.readiness
    return window


def _ask(which: str) -> Page:
    def reach(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
        unlock(qtbot, window, "Sari")
        title, text = "Batalkan catatan", "Sari, 1 Des: Penjualan Rp227.000"
        calls: dict[str, Callable[[], Any]] = {
            "confirm": lambda: Ask.confirm(window, title, "Batalkan catatan ini?"),
            "void-reason": lambda: Ask.void_reason(window, text),
            "inform": lambda: Ask.inform(window, "Dipulihkan", "Cadangan sudah dipulihkan."),
            "warn": lambda: Ask.warn(window, "Ada masalah", "Disk penuh. Beri tahu petugas kios."),
            "error": lambda: Ask.error(window, "Maaf, ada kesalahan", "Beri tahu petugas kios."),
        }
        return audit_new_window(qtbot, f"ask-{which}", calls[which])

    return reach


for _which in ("confirm", "void-reason", "inform", "warn", "error"):
    page(f"ask-{_which}")(_ask(_which))


@page("void-from-the-book")
def _void(qtbot: QtBot, window: KioskWindow) -> list[Finding]:
    """The reason dialog as she reaches it: a row tapped, then *Batalkan*."""
    unlock(qtbot, window, "Sari")
    table = find(window.book, QTableView, "businessEntries")
    table.selectRow(0)
    settle(qtbot)
    return audit_new_window(
        qtbot, "void-from-the-book", lambda: find(window.book, QAbstractButton, "businessVoid").click()
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_page_at_1024x600(qtbot: QtBot, kiosk_window: KioskWindow, name: str) -> None:
    reached = PAGES[name](qtbot, kiosk_window)
    if isinstance(reached, list):
        findings = reached
    else:
        assert reached.isVisible(), f"{name}: the page is not on screen"
        settle(qtbot, 120)
        findings = audit(reached, name)
    assert not findings, f"{len(findings)} problems on {name}:\n" + "\n".join(str(f) for f in findings)
