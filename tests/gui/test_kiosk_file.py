"""The kiosk file's life in the GUI (issue 7): start-up, the *File kios rusak* page, restore, one app per file."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import OPERATOR_PIN, FakeAsk, click, find, open_operator_menu, record, unlock, unnamed_widgets
from wirausaha_desktop import app, i18n
from wirausaha_desktop.domain.model import Actor, Ledger
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.gui import launch
from wirausaha_desktop.gui.models import BackupColumn
from wirausaha_desktop.gui.recovery_page import RecoveryWindow
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services import restore
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.instance import InstanceLock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.kiosk_mode import KioskModeService
from wirausaha_desktop.storage.database import StorageFailed

pytestmark = pytest.mark.usefixtures("ask")
OpenWindow = Callable[[Path], KioskWindow]


# -- helpers ------------------------------------------------------------------------------------


def kiosk_with_a_backup(path: Path, clock: FixedClock, sales: int = 3, operator_pin: str | None = OPERATOR_PIN) -> int:
    """Sari with ``sales`` entries, backed up (daily, weekly, monthly: one file); returns the entries."""
    kiosk = Kiosk.open(path, clock)
    if operator_pin:
        kiosk.profiles.create_operator(operator_pin)
    sari, _ = kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    sales_id = next(c.id for c in kiosk.book.categories(Ledger.BUSINESS) if c.name == "Penjualan")
    for amount in range(1, sales + 1):
        kiosk.book.record_entry(Actor.beneficiary(sari.id), sari.id, sales_id, amount * 1000, clock.today(), "")
    kiosk.backups.run_due()
    kiosk.close()
    return sales


def damage(path: Path) -> bytes:
    """Cut the file in half (a disk that lost its tail): ``Kiosk.open`` refuses it as damaged."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path.read_bytes()


def broken_older_copy(path: Path) -> Path:
    """A copy in the daily folder, a week old, that does not pass its check: listed as *rusak*, last."""
    copy = path.parent / "backups" / "daily" / f"{path.stem}-2024-07-20.sqlite"
    copy.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    old = dt.datetime(2024, 7, 20, 3, 0, tzinfo=dt.UTC).timestamp()
    os.utime(copy, (old, old))
    return copy


def open_recovery(qtbot: QtBot, path: Path, clock: FixedClock) -> RecoveryWindow:
    window = launch.start_window(path, clock)
    assert isinstance(window, RecoveryWindow), window
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.page.model.rowCount() > 0, timeout=5000)
    return window


def type_on_pad(qtbot: QtBot, pin_page: QWidget, pin: str) -> None:
    for digit in pin:
        click(qtbot, find(pin_page, QPushButton, f"pinDigit_{digit}"))
    click(qtbot, find(pin_page, QPushButton, "unlockButton"))


def cell(table: QTableView, row: int, column: BackupColumn) -> str:
    return str(table.model().index(row, column).data())


def safety_copies(path: Path) -> list[Path]:
    return sorted((path.parent / "backups" / "safety").glob("*sebelum-pulih*.sqlite"))


# -- a damaged file at start ---------------------------------------------------------------------


def test_a_damaged_file_at_start_is_restored_with_the_operator_pin_and_kept_aside(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, ask: FakeAsk
) -> None:
    entries = kiosk_with_a_backup(kiosk_path, clock)
    broken_older_copy(kiosk_path)
    damaged = damage(kiosk_path)
    window = open_recovery(qtbot, kiosk_path, clock)
    page = window.page
    assert window.current_page() is page
    assert find(page, QLabel, "recoveryTitle").text() == "File kios rusak"
    text = find(page, QLabel, "recoveryText").text()
    assert describe(Problem.of("kiosk_damaged", path=str(kiosk_path))) in text
    assert "tidak dihapus" in text

    table = find(page, QTableView, "backupList")
    assert table.model().rowCount() == 2  # daily, weekly and monthly of today are one file, listed once
    assert cell(table, 0, BackupColumn.STATE) == "utuh"  # newest good first
    assert cell(table, 0, BackupColumn.ENTRIES) == str(entries)
    assert "pukul" in cell(table, 0, BackupColumn.TAKEN)
    assert cell(table, 1, BackupColumn.STATE) == "rusak"
    assert cell(table, 1, BackupColumn.TAKEN).startswith("Sabtu, 20 Juli 2024, pukul")
    assert all(table.rowHeight(row) >= 48 for row in range(2))
    restore = find(page, QPushButton, "restoreButton")
    page.select(1)
    assert not restore.isEnabled()  # a damaged copy cannot be restored
    assert "rusak" in find(page, QLabel, "recoveryMessage").text()
    page.select(0)
    assert restore.isEnabled()
    assert unnamed_widgets(window) == []

    click(qtbot, restore)
    assert window.current_page() is window.pin
    assert window.pin.title.text() == "PIN petugas kios"
    with qtbot.waitSignal(window.kiosk_opened, timeout=5000):
        type_on_pad(qtbot, window.pin, OPERATOR_PIN)
    kiosk_window = window.kiosk_window
    assert isinstance(kiosk_window, KioskWindow)
    qtbot.addWidget(kiosk_window)
    try:
        assert kiosk_window.current_page() is kiosk_window.picker
        assert [card.accessibleName() for card in kiosk_window.picker.picker.cards()] == ["Sari, Warung kopi"]
        kept = safety_copies(kiosk_path)
        assert len(kept) == 1
        assert kept[0].read_bytes() == damaged  # kept aside byte for byte, never deleted
        title, message = ask.informed[-1]
        assert title == "Dipulihkan"
        assert message.startswith(f"Dipulihkan: {entries} catatan.")
        assert str(kept[0]) in message
        assert not window.isVisible()
        unlock(qtbot, kiosk_window)  # her book is back
        assert kiosk_window.book.business.model.rowCount() == entries
    finally:
        kiosk_window.kiosk.close()


def test_five_wrong_operator_pins_lock_the_restore_for_this_session(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock
) -> None:
    kiosk_with_a_backup(kiosk_path, clock)
    damaged = damage(kiosk_path)
    window = open_recovery(qtbot, kiosk_path, clock)
    click(qtbot, find(window.page, QPushButton, "restoreButton"))
    message = find(window.pin, QLabel, "pinMessage")
    for left in (4, 3, 2, 1):
        type_on_pad(qtbot, window.pin, "9999")
        assert message.text() == f"PIN salah. Sisa {left} kali coba."
    type_on_pad(qtbot, window.pin, "9999")
    locked = "Terlalu banyak PIN salah. Pemulihan dikunci sampai aplikasi dibuka ulang."
    assert message.text() == locked
    assert not find(window.pin, QLineEdit, "pinInput").isEnabled()
    assert not find(window.pin, QPushButton, "unlockButton").isEnabled()
    window.pin.pin_input.setText(OPERATOR_PIN)
    window.pin.try_unlock()  # Enter on a disabled pad does nothing either
    assert window.current_page() is window.pin
    click(qtbot, find(window.pin, QPushButton, "backToPicker"))
    click(qtbot, find(window.page, QPushButton, "restoreButton"))  # asking again: still locked
    assert message.text() == locked
    assert not find(window.pin, QPushButton, "unlockButton").isEnabled()
    assert kiosk_path.read_bytes() == damaged
    assert safety_copies(kiosk_path) == []


def test_a_copy_without_an_operator_pin_asks_to_be_sure_instead(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, ask: FakeAsk
) -> None:
    kiosk_with_a_backup(kiosk_path, clock, operator_pin=None)
    kiosk_path.write_bytes(b"")  # an empty file: also restorable
    window = open_recovery(qtbot, kiosk_path, clock)
    ask.confirm_answer = False
    click(qtbot, find(window.page, QPushButton, "restoreButton"))
    assert "tidak punya PIN petugas" in ask.confirms[-1]
    assert window.current_page() is window.page
    assert kiosk_path.read_bytes() == b""
    ask.confirm_answer = True
    with qtbot.waitSignal(window.kiosk_opened, timeout=5000):
        click(qtbot, find(window.page, QPushButton, "restoreButton"))
    assert window.kiosk_window is not None
    qtbot.addWidget(window.kiosk_window)
    window.kiosk_window.kiosk.close()


def test_a_restore_that_fails_says_why_and_changes_nothing(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk_with_a_backup(kiosk_path, clock)
    damaged = damage(kiosk_path)
    window = open_recovery(qtbot, kiosk_path, clock)

    def disk_full(kiosk_file: Path, source: Path, clock: FixedClock) -> None:
        raise Refused(Problem.of("disk_full"))

    monkeypatch.setattr(restore, "restore_file", disk_full)
    click(qtbot, find(window.page, QPushButton, "restoreButton"))
    with qtbot.waitSignal(window.page.restore_failed, timeout=5000):
        type_on_pad(qtbot, window.pin, OPERATOR_PIN)
    assert window.current_page() is window.page
    assert find(window.page, QLabel, "recoveryMessage").text() == describe(Problem.of("disk_full"))
    assert find(window.page, QPushButton, "recoveryBack").isEnabled()
    assert find(window.page, QPushButton, "restoreButton").isEnabled()  # she may try again
    assert kiosk_path.read_bytes() == damaged
    assert window.kiosk_window is None


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1366, 768)])
def test_the_recovery_page_fits_the_kiosk_screens(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, language: str, size: QSize
) -> None:
    kiosk_with_a_backup(kiosk_path, clock)
    broken_older_copy(kiosk_path)
    damage(kiosk_path)
    i18n.set_language(language)
    window = open_recovery(qtbot, kiosk_path, clock)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    screen = QRect(QPoint(0, 0), window.size())
    for name in ("restoreButton", "recoveryBack"):
        button = find(window.page, QPushButton, name)
        assert button.height() >= 48
        assert button.sizeHint().width() <= button.width(), (name, button.sizeHint(), button.size())
        assert screen.contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size())), name
    table = find(window.page, QTableView, "backupList")
    assert table.height() >= 3 * 56  # a few rows are always in sight
    for column in BackupColumn:  # every column readable without scrolling sideways
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= table.viewport().width()


def test_a_file_that_is_not_ours_is_explained_and_left_alone(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, ask: FakeAsk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    conn = sqlite3.connect(kiosk_path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = kiosk_path.read_bytes()
    assert launch.run(kiosk_path, clock) == 1
    title, text = ask.warned[-1]
    assert title == "File kios tidak bisa dibuka"
    assert text == describe(Problem.of("kiosk_foreign", path=str(kiosk_path)))
    assert kiosk_path.read_bytes() == before
    assert sorted(p.name for p in kiosk_path.parent.iterdir()) == ["kiosk.sqlite", "kiosk.sqlite.lock"]


def test_a_second_app_on_the_same_file_is_refused(
    kiosk_path: Path, clock: FixedClock, ask: FakeAsk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    first = InstanceLock.acquire(kiosk_path)
    try:
        assert launch.run(kiosk_path, clock) == 1
    finally:
        first.release()
    assert ask.warned == [("Aplikasi sudah terbuka", describe(Problem.of("app_already_open")))]
    assert not kiosk_path.exists()  # refused before anything was opened or made


def test_the_log_falls_back_to_stderr_when_its_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "logs").write_text("a file where the folder should be")
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        for handler in handlers:
            root.removeHandler(handler)
        app._log_to_file(tmp_path / "kiosk.sqlite")  # a read-only data folder fails the same way
        assert any(getattr(h, "stream", None) is sys.stderr for h in root.handlers)
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)


# -- damage found after the first paint (issue 11 §7: the page check waits for the picker) -----------


def garbage_at_the_end(path: Path) -> bytes:
    """Random bytes over the last pages (entries and indexes, written last): the header, schema and
    profiles still read, so the file opens and only the page check after the first paint can tell."""
    data = bytearray(path.read_bytes())
    data[-3 * 4096 :] = os.urandom(3 * 4096)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("kiosk_mode", [False, True])
def test_damage_found_after_the_first_paint_puts_the_recovery_page_in_the_windows_place(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, kiosk_mode: bool
) -> None:
    entries = kiosk_with_a_backup(kiosk_path, clock, sales=300)
    if kiosk_mode:
        kiosk = Kiosk.open(kiosk_path, clock)
        KioskModeService(kiosk.settings).switch(Actor.operator(), True)
        kiosk.close()  # the copy taken before still holds every entry
    garbage_at_the_end(kiosk_path)
    window = launch.start_window(kiosk_path, clock)
    assert isinstance(window, KioskWindow)  # opened: the picker is painted before the check
    qtbot.addWidget(window)
    shown = launch.Shown(window, kiosk_path, clock)
    launch.show(window)
    qtbot.waitUntil(lambda: isinstance(shown.window, RecoveryWindow), timeout=10_000)
    recovery = shown.window
    assert isinstance(recovery, RecoveryWindow)
    qtbot.addWidget(recovery)
    assert recovery.isVisible() and not window.isVisible()  # closed without the kiosk-mode PIN
    with pytest.raises(sqlite3.ProgrammingError):
        window.kiosk.conn.execute("SELECT 1")  # the file is let go, so that a copy can replace it
    text = find(recovery.page, QLabel, "recoveryText").text()
    assert describe(Problem.of("kiosk_damaged", path=str(kiosk_path))) in text

    qtbot.waitUntil(lambda: recovery.page.model.rowCount() > 0, timeout=5000)
    click(qtbot, find(recovery.page, QPushButton, "restoreButton"))
    with qtbot.waitSignal(recovery.kiosk_opened, timeout=5000):
        type_on_pad(qtbot, recovery.pin, OPERATOR_PIN)
    restored = recovery.kiosk_window
    assert isinstance(restored, KioskWindow)
    qtbot.addWidget(restored)
    try:
        assert restored.kiosk.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == entries
        unlock(qtbot, restored)  # her book is back
        assert restored.current_page() is restored.book
    finally:
        restored.close_for_recovery()


def test_damage_under_the_pickers_own_rows_shows_the_recovery_page_at_once(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk_with_a_backup(kiosk_path, clock, sales=300)
    garbage_at_the_end(kiosk_path)

    def unreadable(kiosk: Kiosk) -> KioskWindow:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(launch, "build_window", unreadable)
    window = launch.start_window(kiosk_path, clock)
    assert isinstance(window, RecoveryWindow)
    qtbot.addWidget(window)
    text = find(window.page, QLabel, "recoveryText").text()
    assert describe(Problem.of("kiosk_damaged", path=str(kiosk_path))) in text


def test_a_write_before_the_check_ends_refuses_and_brings_the_recovery_page(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock, ask: FakeAsk
) -> None:
    kiosk_with_a_backup(kiosk_path, clock, sales=300)
    damaged = garbage_at_the_end(kiosk_path)
    window = launch.start_window(kiosk_path, clock)
    assert isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    window._warm_up_timer.stop()  # the worker has not started: her first tap comes first
    shown = launch.Shown(window, kiosk_path, clock)
    launch.show(window)
    assert window.operations.run(lambda: window.kiosk.settings.set_language("en")) is None  # refused
    assert describe(Problem.of("kiosk_damaged", path=str(kiosk_path))) in ask.warned[-1][1]
    qtbot.waitUntil(lambda: isinstance(shown.window, RecoveryWindow), timeout=5000)
    qtbot.addWidget(shown.window)
    assert kiosk_path.read_bytes() == damaged  # nothing was written


def test_an_open_question_is_closed_before_the_recovery_page_comes(
    qtbot: QtBot, kiosk_path: Path, clock: FixedClock
) -> None:
    kiosk_with_a_backup(kiosk_path, clock, sales=300)
    garbage_at_the_end(kiosk_path)
    window = launch.start_window(kiosk_path, clock)
    assert isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    window._warm_up_timer.stop()
    shown = launch.Shown(window, kiosk_path, clock)
    launch.show(window)
    question = QDialog(window)
    question.show()
    problem = window.kiosk.check_pages()
    assert problem is not None
    window.pages_damaged.emit(problem)
    assert not question.isVisible() and shown.window is window  # closed first; the page a moment later
    qtbot.waitUntil(lambda: isinstance(shown.window, RecoveryWindow), timeout=5000)
    qtbot.addWidget(shown.window)


def test_a_verdict_on_a_file_no_longer_open_is_not_heard(qtbot: QtBot, window: KioskWindow, kiosk_path: Path) -> None:
    """A restore opened another file (checked whole) while the worker still read the old one."""
    before = window.kiosk
    assert window.reopen()
    with qtbot.assertNotEmitted(window.pages_damaged):
        window._pages_checked(before, Problem.of("kiosk_damaged", path=str(kiosk_path)), None)
    assert window.kiosk is not before


# -- the crash dialog ----------------------------------------------------------------------------


def test_a_disk_error_that_reaches_the_top_is_said_in_words(ask: FakeAsk) -> None:
    launch.crash_dialog(sqlite3.OperationalError, sqlite3.OperationalError("database or disk is full"), None)
    launch.crash_dialog(StorageFailed, StorageFailed(Problem.of("kiosk_read_only")), None)
    assert [text for _title, text in ask.warned] == [
        describe(Problem.of("disk_full")),
        describe(Problem.of("kiosk_read_only")),
    ]
    assert ask.errors == []


def test_a_bug_shows_the_crash_dialog_without_promising_everything_is_safe(ask: FakeAsk) -> None:
    launch.crash_dialog(ValueError, ValueError("boom"), None)
    assert ask.warned == []
    [(title, text)] = ask.errors
    assert title == "Maaf, ada kesalahan"
    assert "tetap aman" not in text
    assert "yang sedang diketik mungkin belum" in text
    assert "Beri tahu petugas kios" in text
    assert "ValueError: boom" in text


# -- restore from a running kiosk ------------------------------------------------------------


def test_the_operator_restores_a_backup_from_the_running_kiosk(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, open_window: OpenWindow, ask: FakeAsk
) -> None:
    prepared_kiosk.close()
    window = open_window(kiosk_path)
    unlock(qtbot, window)
    record(qtbot, window, "businessMoneyIn", "15rb", "Penjualan")
    with qtbot.waitSignal(window.backups.finished, timeout=5000):  # Selesai backs up: a copy with one entry
        click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    unlock(qtbot, window)
    record(qtbot, window, "businessMoneyIn", "20rb", "Penjualan")
    click(qtbot, find(window.book, QAbstractButton, "lockButton"))  # no new copy within the hour
    qtbot.waitUntil(lambda: not window.backups.running)
    old_kiosk, old_book = window.kiosk, window.book

    click(qtbot, find(open_operator_menu(qtbot, window), QPushButton, "openRestore"))
    page = window.restore_page
    assert page is not None and window.current_page() is page
    assert find(page, QLabel, "recoveryTitle").text() == "Pulihkan dari cadangan"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    ask.confirm_answer = True
    with qtbot.waitSignal(page.restored, timeout=5000):
        click(qtbot, find(page, QPushButton, "restoreButton"))
    assert "Pulihkan cadangan dari" in ask.confirms[-1]
    assert window.current_page() is window.picker
    assert window.kiosk is not old_kiosk and window.book is not old_book  # nothing holds the old connection
    with pytest.raises(sqlite3.ProgrammingError):
        old_kiosk.conn.execute("SELECT 1")
    assert ask.informed[-1][1].startswith("Dipulihkan: 1 catatan.")
    unlock(qtbot, window)
    assert window.book.business.model.rowCount() == 1  # the entry after the backup is not in it
    [kept] = safety_copies(kiosk_path)
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2  # but the file before is kept
    conn.close()


def test_a_good_file_starts_on_the_picker(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, clock: FixedClock
) -> None:
    prepared_kiosk.close()
    window = launch.start_window(kiosk_path, clock)
    assert isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    try:
        assert window.current_page() is window.picker
        assert not find(window.picker, QWidget, "readOnlyBanner").isVisibleTo(window.picker)
        assert not find(window.picker, QWidget, "backupWarning").isVisibleTo(window.picker)
        assert find(window.picker, QPushButton, "operatorMenu").accessibleName() == "Menu petugas kios"
    finally:
        window.kiosk.close()
