"""One path for every change (issue 8, item 1): the operation runner and who redraws what."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, choice_button, click, find, open_entry_dialog, record
from tests.gui.test_operator import open_operator_page, type_on_pad, wrong_pins
from wirausaha_desktop.domain.model import Actor, Entry, Ledger
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.gui import launch
from wirausaha_desktop.gui.operations import OperationBus, shown_in
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services.changes import Changes
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage.database import StorageFailed

pytestmark = pytest.mark.usefixtures("ask")
KITCHEN = "Makan / belanja dapur"
OpenWindow = Callable[[Path], KioskWindow]


def raising(error: Exception) -> Callable[..., Changes]:
    """A stand-in for a service function that fails with ``error``."""

    def call(*args: object, **kwargs: object) -> Changes:
        raise error

    return call


@pytest.fixture
def heard(unlocked: KioskWindow) -> Iterator[list[Changes]]:
    """Every broadcast the window's bus sends during the test."""
    changes: list[Changes] = []
    unlocked.operations.changed.connect(changes.append)
    yield changes
    unlocked.operations.changed.disconnect(changes.append)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What reached ``sys.excepthook`` (the crash dialog in the app)."""
    seen: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        seen.append(error)

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


@pytest.fixture
def redrawn(unlocked: KioskWindow, monkeypatch: pytest.MonkeyPatch) -> list[Ledger]:
    """The ledgers whose entries the book page fetched again (a spy on the service it reads)."""
    book = unlocked.kiosk.book
    original = book.recent_entries
    ledgers: list[Ledger] = []

    def spy(actor: Actor, profile_id: str, ledger: Ledger, *args: Any) -> list[Entry]:
        ledgers.append(ledger)
        return original(actor, profile_id, ledger, *args)

    monkeypatch.setattr(book, "recent_entries", spy)
    return ledgers


# -- the runner on its own ---------------------------------------------------------------------


def label(qtbot: QtBot) -> QLabel:
    widget = QLabel()
    qtbot.addWidget(widget)
    return widget


def test_the_runner_broadcasts_what_the_service_returned_once_after_on_success(qtbot: QtBot) -> None:
    bus = OperationBus()
    changes = Changes(profile_id="p", ledgers=frozenset({Ledger.BUSINESS}), added=("e",))
    order: list[str] = []
    bus.changed.connect(lambda c: order.append("broadcast"))
    with qtbot.waitSignal(bus.changed) as signal:
        assert bus.run(lambda: changes, on_success=lambda c: order.append("success")) is changes
    assert signal.args == [changes]
    assert order == ["success", "broadcast"]


def test_a_refusal_is_shown_where_the_caller_says_and_broadcasts_nothing(qtbot: QtBot, ask: FakeAsk) -> None:
    bus, message = OperationBus(), label(qtbot)
    with qtbot.assertNotEmitted(bus.changed):
        assert bus.run(raising(Refused(Problem.of("kiosk_read_only"))), shown_in(message)) is None
    assert message.text() == describe(Problem.of("kiosk_read_only"))
    assert ask.warned == []


def test_a_refusal_with_no_place_of_its_own_goes_to_a_warning_box(qtbot: QtBot, ask: FakeAsk) -> None:
    bus = OperationBus()
    with qtbot.assertNotEmitted(bus.changed):
        assert bus.run(raising(StorageFailed(Problem.of("disk_full")))) is None
    assert ask.warned == [("Ada masalah", describe(Problem.of("disk_full")))]


def test_a_disk_error_the_storage_did_not_wrap_is_said_in_words_too(qtbot: QtBot) -> None:
    bus, message = OperationBus(), label(qtbot)
    with qtbot.assertNotEmitted(bus.changed):
        bus.run(raising(sqlite3.OperationalError("database or disk is full")), shown_in(message))
    assert message.text() == describe(Problem.of("disk_full"))


def test_a_bug_reaches_the_crash_dialog_and_broadcasts_nothing(
    qtbot: QtBot, crashes: list[BaseException], ask: FakeAsk
) -> None:
    bus, message = OperationBus(), label(qtbot)
    bug = ZeroDivisionError("a bug")
    with qtbot.assertNotEmitted(bus.changed):
        assert bus.run(raising(bug), shown_in(message)) is None
    assert crashes == [bug]
    assert message.text() == "" and ask.warned == []  # a bug is not dressed up as a refusal


def test_a_read_that_is_refused_says_why_and_broadcasts_nothing(qtbot: QtBot) -> None:
    bus, message = OperationBus(), label(qtbot)
    with qtbot.assertNotEmitted(bus.changed):
        assert bus.query(lambda: [1, 2]) == [1, 2]
        assert bus.query(raising(StorageFailed(Problem.of("kiosk_busy"))), shown_in(message)) is None
    assert message.text() == describe(Problem.of("kiosk_busy"))


# -- the book page on the bus --------------------------------------------------------------------


def test_a_save_is_broadcast_once_and_redraws_only_the_ledger_it_touched(
    qtbot: QtBot, unlocked: KioskWindow, heard: list[Changes], redrawn: list[Ledger]
) -> None:
    record(qtbot, unlocked, "personalMoneyOut", "5rb", KITCHEN)
    [changes] = heard
    assert changes.ledgers == frozenset({Ledger.PERSONAL}) and len(changes.added) == 1
    assert redrawn == [Ledger.PERSONAL]
    assert unlocked.book.personal.model.rowCount() == 1
    assert unlocked.book.personal.balance.text() == "-Rp5.000"
    assert unlocked.book.toast.isVisible()  # after the broadcast: "Tersimpan" with its undo button

    click(qtbot, find(unlocked.book, QPushButton, "undoButton"))
    assert [c.voided for c in heard[1:]] == [changes.added]
    assert redrawn == [Ledger.PERSONAL, Ledger.PERSONAL]
    assert unlocked.book.personal.model.rowCount() == 0


def test_a_move_redraws_both_books_and_a_closed_day_neither(
    qtbot: QtBot, unlocked: KioskWindow, heard: list[Changes], redrawn: list[Ledger]
) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "move_top_up")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "30rb")
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert sorted(redrawn) == sorted(Ledger)
    redrawn.clear()
    click(qtbot, find(unlocked.book, QToolButton, "closedToday"))
    assert len(heard) == 2 and heard[1].closed_days
    assert redrawn == []
    assert find(unlocked.book, QToolButton, "closedToday").isChecked()


def test_a_change_to_another_book_is_not_redrawn(qtbot: QtBot, unlocked: KioskWindow, redrawn: list[Ledger]) -> None:
    unlocked.operations.changed.emit(Changes(profile_id="someone-else", ledgers=frozenset(Ledger), added=("x",)))
    assert redrawn == []
    profile = unlocked.book.profile
    assert profile is not None
    unlocked.operations.changed.emit(Changes(profile_id=profile.id, ledgers=frozenset({Ledger.BUSINESS})))
    assert redrawn == [Ledger.BUSINESS]


def test_a_refused_void_says_why_on_the_page_and_broadcasts_nothing(
    qtbot: QtBot, unlocked: KioskWindow, heard: list[Changes], ask: FakeAsk, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(qtbot, unlocked, "personalMoneyOut", "5rb", KITCHEN)
    heard.clear()
    monkeypatch.setattr(unlocked.kiosk.book, "void", raising(StorageFailed(Problem.of("disk_full"))))
    click(qtbot, find(unlocked.book, QPushButton, "undoButton"))
    assert find(unlocked.book, QLabel, "bookMessage").text() == describe(Problem.of("disk_full"))
    assert not unlocked.book.toast.isVisible()  # the message sits where the toast floated
    assert heard == []
    assert unlocked.book.personal.model.rowCount() == 1


def test_a_refused_closed_day_puts_the_button_back_and_broadcasts_nothing(
    qtbot: QtBot, unlocked: KioskWindow, heard: list[Changes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unlocked.kiosk.book, "mark_closed_day", raising(Refused(Problem.of("kiosk_read_only"))))
    closed = find(unlocked.book, QAbstractButton, "closedToday")
    click(qtbot, closed)
    assert not closed.isChecked()
    assert find(unlocked.book, QLabel, "bookMessage").text() == describe(Problem.of("kiosk_read_only"))
    assert heard == []


def test_a_bug_while_saving_reaches_the_crash_dialog_and_keeps_her_input(
    qtbot: QtBot, unlocked: KioskWindow, heard: list[Changes], crashes: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(unlocked.kiosk.book, "record_entry", raising(KeyError("a bug")))
    dialog = open_entry_dialog(qtbot, unlocked, "personalMoneyOut")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "5rb")
    click(qtbot, choice_button(dialog, KITCHEN))
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert [type(error) for error in crashes] == [KeyError]
    assert heard == []
    assert dialog.isVisible() and find(dialog, QLineEdit, "amountInput").text() == "5rb"
    assert not unlocked.book.toast.isVisible()
    dialog.reject()


def test_the_crash_dialog_shows_a_bug_in_a_write(
    qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", launch.crash_dialog)
    monkeypatch.setattr(unlocked.kiosk.book, "mark_closed_day", raising(ZeroDivisionError("a bug")))
    click(qtbot, find(unlocked.book, QAbstractButton, "closedToday"))
    [(title, text)] = ask.errors
    assert title == "Maaf, ada kesalahan" and "ZeroDivisionError: a bug" in text
    assert not find(unlocked.book, QAbstractButton, "closedToday").isChecked()


# -- profiles on the bus -----------------------------------------------------------------------


def test_lifting_a_lock_is_broadcast_and_the_locks_page_redraws_from_it(
    qtbot: QtBot, window: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong_pins(qtbot, window, 5)
    open_operator_page(qtbot, window)
    click(qtbot, find(window.operator_page, QPushButton, "profileLocks"))
    heard: list[Changes] = []
    window.operations.changed.connect(heard.append)
    click(qtbot, find(window.locks, QPushButton, "liftLock_0"))
    assert [c.profiles for c in heard] == [True]
    assert find(window.locks, QLabel, "lockState_0").text() == "Tidak terkunci"  # redrawn from the broadcast

    heard.clear()
    monkeypatch.setattr(window.kiosk.profiles, "reset_pin", raising(StorageFailed(Problem.of("disk_full"))))
    reset = find(window.locks, QPushButton, "resetPin_0")
    qtbot.waitUntil(reset.isVisible)  # the new rows show once the event loop runs
    click(qtbot, reset)
    qtbot.keyClicks(find(window.locks, QLineEdit, "newPinInput"), "5678")
    qtbot.keyClicks(find(window.locks, QLineEdit, "newPinConfirm"), "5678")
    click(qtbot, find(window.locks, QPushButton, "saveNewPin"))
    assert find(window.locks, QLabel, "locksMessage").text() == describe(Problem.of("disk_full"))
    assert find(window.locks, QLineEdit, "newPinInput").text() == ""  # typed again, as after a mismatch
    assert heard == []
    window.operations.changed.disconnect(heard.append)


def test_consent_that_cannot_be_saved_opens_the_book_and_says_why(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared_kiosk.profiles.create(Actor.operator(), "Rina", "Jahit", "5678", consent_method=None)
    window = open_window(kiosk_path)
    monkeypatch.setattr(window.kiosk.profiles, "record_consent", raising(StorageFailed(Problem.of("kiosk_read_only"))))
    heard: list[Changes] = []
    window.operations.changed.connect(heard.append)
    click(qtbot, window.picker.picker.card_for("Rina"))
    type_on_pad(qtbot, window.pin, "5678")
    assert window.current_page() is window.consent
    click(qtbot, find(window.consent, QPushButton, "acceptConsent"))
    assert window.current_page() is window.book
    assert find(window.book, QLabel, "bookMessage").text() == describe(Problem.of("kiosk_read_only"))
    assert heard == []
    window.operations.changed.disconnect(heard.append)
