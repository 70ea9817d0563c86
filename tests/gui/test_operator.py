"""The operator's page, backups while the app runs, *Siapa yang melihat buku saya?*, a read-only file (issue 7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    OPERATOR_PIN,
    FakeAsk,
    choice_button,
    click,
    find,
    open_entry_dialog,
    open_operator_menu,
    record,
    unlock,
    unnamed_widgets,
)
from wirausaha_desktop import i18n
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.problems import Problem
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.gui import fmt, picker
from wirausaha_desktop.gui.access_log import AccessLogDialog
from wirausaha_desktop.gui.launch import build_window
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import _
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services.backup import BackupFailed, BackupResult, BackupService
from wirausaha_desktop.services.book import BookService
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.storage import database

pytestmark = pytest.mark.usefixtures("ask")
OpenWindow = Callable[[Path], KioskWindow]


def type_on_pad(qtbot: QtBot, page: QWidget, pin: str) -> None:
    for digit in pin:
        click(qtbot, find(page, QPushButton, f"pinDigit_{digit}"))
    click(qtbot, find(page, QPushButton, "unlockButton"))


def open_operator_page(qtbot: QtBot, window: KioskWindow) -> QWidget:
    page = open_operator_menu(qtbot, window)
    assert window.pin.title.text() == _("Petugas kios")
    return page


def open_access_log(qtbot: QtBot, window: KioskWindow) -> AccessLogDialog:
    click(qtbot, find(window.book, QToolButton, "whoViewed"))
    dialog = window.book.access_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "accessLogDialog"
    return dialog


def wrong_pins(qtbot: QtBot, window: KioskWindow, times: int) -> None:
    click(qtbot, window.picker.picker.card_for("Sari"))
    for _try in range(times):
        qtbot.keyClicks(window.pin.pin_input, "9999")
        window.pin.try_unlock()
    click(qtbot, find(window.pin, QPushButton, "backToPicker"))


# -- the operator's page ---------------------------------------------------------------------------


def test_the_operator_menu_asks_her_pin_and_keeps_add_profile_working(
    qtbot: QtBot, window: KioskWindow, ask: FakeAsk
) -> None:
    page = open_operator_page(qtbot, window)
    for name in ("operatorAddProfile", "backupNow", "openRestore", "profileLocks", "operatorBack"):
        button = find(page, QPushButton, name)
        assert button.isVisible() and button.height() >= 48, name
    assert unnamed_widgets(page) == []
    click(qtbot, find(page, QPushButton, "operatorAddProfile"))
    assert window.current_page() is window.new_profile
    qtbot.keyClicks(window.new_profile.name, "Rina")
    qtbot.keyClicks(window.new_profile.pin, "2222")
    qtbot.keyClicks(window.new_profile.again, "2222")
    click(qtbot, window.new_profile.next)
    click(qtbot, window.consent.accept_button)
    assert window.current_page() is window.picker
    assert sorted(p.name for p in window.kiosk.profiles.list()) == ["Rina", "Sari"]
    open_operator_page(qtbot, window)
    click(qtbot, find(window.operator_page, QPushButton, "operatorBack"))
    assert window.current_page() is window.picker


def test_a_wrong_operator_pin_keeps_the_menu_closed(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, find(window.picker, QPushButton, "operatorMenu"))
    type_on_pad(qtbot, window.pin, "1357")
    assert window.current_page() is window.pin
    assert find(window.pin, QLabel, "pinMessage").text() == "PIN salah. Sisa 4 kali coba."


def test_the_operator_resets_a_forgotten_pin_and_she_sees_it_in_her_access_log(
    qtbot: QtBot, window: KioskWindow
) -> None:
    open_operator_page(qtbot, window)
    click(qtbot, find(window.operator_page, QPushButton, "profileLocks"))
    locks = window.locks
    assert window.current_page() is locks
    assert find(locks, QLabel, "lockState_0").text() == "Tidak terkunci"
    assert not find(locks, QPushButton, "liftLock_0").isEnabled()
    click(qtbot, find(locks, QPushButton, "resetPin_0"))
    new_pin, again = find(locks, QLineEdit, "newPinInput"), find(locks, QLineEdit, "newPinConfirm")
    assert new_pin.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(new_pin, "5678")
    qtbot.keyClicks(again, "5679")
    click(qtbot, find(locks, QPushButton, "saveNewPin"))
    assert find(locks, QLabel, "locksMessage").text() == describe(Problem.of("pin_mismatch"))
    qtbot.keyClicks(new_pin, "5678")
    qtbot.keyClicks(again, "5678")
    click(qtbot, find(locks, QPushButton, "saveNewPin"))
    assert "5678" not in find(locks, QLabel, "locksMessage").text()
    assert find(locks, QLabel, "locksMessage").text().startswith("PIN baru untuk Sari tersimpan.")
    assert unnamed_widgets(locks) == []
    click(qtbot, find(locks, QPushButton, "locksBack"))
    click(qtbot, find(window.operator_page, QPushButton, "operatorBack"))

    click(qtbot, window.picker.picker.card_for("Sari"))
    qtbot.keyClicks(window.pin.pin_input, "1234")
    window.pin.try_unlock()
    assert window.current_page() is window.pin  # the old PIN no longer opens her book
    unlock(qtbot, window, pin="5678")
    dialog = open_access_log(qtbot, window)
    [line] = dialog.lines()
    when, what = line.split("\n")
    assert what == "Petugas kios mengganti PIN Anda, lewat aplikasi."
    assert when == fmt.date_time(window.kiosk.clock.now())


def test_the_operator_lifts_a_lock_out_and_she_can_try_again(qtbot: QtBot, window: KioskWindow) -> None:
    wrong_pins(qtbot, window, 5)
    open_operator_page(qtbot, window)
    click(qtbot, find(window.operator_page, QPushButton, "profileLocks"))
    assert find(window.locks, QLabel, "lockState_0").text() == "Terkunci, 5 menit lagi"
    click(qtbot, find(window.locks, QPushButton, "liftLock_0"))
    assert find(window.locks, QLabel, "locksMessage").text() == "Kunci PIN Sari sudah dibuka."
    assert find(window.locks, QLabel, "lockState_0").text() == "Tidak terkunci"
    click(qtbot, find(window.locks, QPushButton, "locksBack"))
    click(qtbot, find(window.operator_page, QPushButton, "operatorBack"))
    unlock(qtbot, window)
    dialog = open_access_log(qtbot, window)
    assert dialog.lines()[0].endswith("Petugas kios membuka kunci PIN Anda, lewat aplikasi.")


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1366, 768)])
def test_the_operator_pages_fit_the_kiosk_screens(
    qtbot: QtBot, window: KioskWindow, language: str, size: QSize
) -> None:
    window.set_language(language)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    screen = QRect(QPoint(0, 0), window.size())
    open_operator_page(qtbot, window)
    click(qtbot, find(window.operator_page, QPushButton, "profileLocks"))
    click(qtbot, find(window.locks, QPushButton, "resetPin_0"))
    for page, names in (
        (window.locks, ("liftLock_0", "resetPin_0", "saveNewPin", "cancelNewPin", "locksBack")),
        (window.operator_page, ("operatorAddProfile", "backupNow", "openRestore", "profileLocks", "operatorBack")),
        (window.picker, ("operatorMenu", "addProfile", "languageIndonesian", "languageEnglish")),
    ):
        window.stack.setCurrentWidget(page)
        for name in names:
            button = find(page, QPushButton, name)
            assert button.height() >= 48, name
            assert button.sizeHint().width() <= button.width(), (name, button.sizeHint(), button.size())
            assert screen.contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size())), name
    window.set_language("id")


# -- backups while the app runs ----------------------------------------------------------------------


@pytest.fixture
def failing_backups(window: KioskWindow, monkeypatch: pytest.MonkeyPatch) -> list[dt.timedelta | None]:
    """The kiosk's backups fail (a full backup disk) until the test puts them back."""
    calls: list[dt.timedelta | None] = []

    def fail(at_most_every: dt.timedelta | None = None) -> BackupResult:
        calls.append(at_most_every)
        raise BackupFailed(Problem.of("disk_full"), "no space left on device")

    monkeypatch.setattr(window.kiosk.backups, "run_due", fail)
    return calls


def test_a_failed_backup_shows_a_banner_on_the_picker_until_the_next_good_one(
    qtbot: QtBot, window: KioskWindow, failing_backups: list[dt.timedelta | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    banner = find(window.picker, QWidget, "backupWarning")
    assert not banner.isVisible()
    with qtbot.waitSignal(window.backups.finished, timeout=5000):
        window.lock()  # auto-lock and Selesai back up (at most once an hour)
    assert failing_backups == [dt.timedelta(hours=1)]
    assert banner.isVisible()
    text = find(banner, QLabel, "backupWarningText").text()
    assert text == (
        "Cadangan otomatis gagal: disk penuh. Catatan yang sudah tersimpan tetap ada di file kios, "
        "tetapi belum ada cadangan barunya. Beri tahu petugas kios."
    )
    window.set_language("en")  # the picker is rebuilt: the banner stays
    assert find(window.picker, QWidget, "backupWarning").isVisible()
    window.set_language("id")

    backups = window.kiosk.backups
    monkeypatch.setattr(backups, "run_due", BackupService.run_due.__get__(backups))  # the disk has room again
    with qtbot.waitSignal(window.backups.finished, timeout=5000):
        window.backups._hourly.timeout.emit()  # the hourly timer
    assert not find(window.picker, QWidget, "backupWarning").isVisible()
    assert (window.kiosk.path.parent / "backups" / "daily").is_dir()  # type: ignore[union-attr]


def test_the_backups_timers_are_set(window: KioskWindow) -> None:
    assert window.backups._first.isActive() and window.backups._first.interval() == 5_000
    assert window.backups._hourly.isActive() and window.backups._hourly.interval() == 60 * 60 * 1000


def test_backup_now_says_where_the_checked_copy_is(qtbot: QtBot, window: KioskWindow) -> None:
    page = open_operator_page(qtbot, window)
    with qtbot.waitSignal(window.backups.finished, timeout=5000):
        click(qtbot, find(page, QPushButton, "backupNow"))
    message = find(page, QLabel, "operatorMessage").text()
    daily = window.kiosk.path.parent / "backups" / "daily" / "kiosk-2024-07-27.sqlite"  # type: ignore[union-attr]
    assert message == f"Cadangan sudah dibuat dan diperiksa: utuh.\n{daily}"
    assert daily.is_file()
    assert find(page, QPushButton, "backupNow").isEnabled()


def test_backup_now_that_fails_says_why(
    qtbot: QtBot, window: KioskWindow, failing_backups: list[dt.timedelta | None]
) -> None:
    page = open_operator_page(qtbot, window)
    with qtbot.waitSignal(window.backups.finished, timeout=5000):
        click(qtbot, find(page, QPushButton, "backupNow"))
    assert failing_backups == [None]  # on demand: not skipped within the hour
    assert find(page, QLabel, "operatorMessage").text() == (
        "Cadangan gagal: disk penuh. Kosongkan ruang disk, lalu coba lagi."
    )
    assert find(window.picker, QWidget, "backupWarning").isVisibleTo(window.picker)


# -- Siapa yang melihat buku saya? -------------------------------------------------------------------


def test_her_access_log_lists_a_summary_read_from_the_command_line(
    qtbot: QtBot, window: KioskWindow, kiosk_path: Path, clock: FixedClock
) -> None:
    cli = Kiosk.open(kiosk_path, clock, channel="cli")
    sari = cli.profiles.find("Sari")
    cli.book.summary(Actor.operator(), sari.id, Period.month(2024, 7))
    cli.close()
    unlock(qtbot, window)
    dialog = open_access_log(qtbot, window)
    what = "Petugas kios melihat ringkasan bulanan, lewat baris perintah."
    assert dialog.lines() == [f"{fmt.date_time(clock.now())}\n{what}"]
    assert dialog.lines()[0].startswith("Sabtu, 27 Juli 2024, pukul ")
    assert not find(dialog, QLabel, "accessLogEmpty").isVisible()
    assert dialog.width() >= 700 and dialog.height() >= 450
    assert unnamed_widgets(dialog) == []
    window.lock()  # closed with the rest of her book
    assert window.book.access_dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, AccessLogDialog) and w.isVisible()]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1366, 768)])
def test_the_header_with_the_access_log_button_fits_on_a_long_date(
    qtbot: QtBot, window: KioskWindow, clock: FixedClock, language: str, size: QSize
) -> None:
    clock.advance(dt.datetime(2026, 9, 30, 3, 0, tzinfo=dt.UTC) - clock.now())  # Rabu/Wednesday, 30 September
    window.set_language(language)
    try:
        window.resize(size)
        qtbot.waitUntil(lambda: window.size() == size)
        unlock(qtbot, window)
        qtbot.wait(10)  # one turn of the event loop: the header lays out with the new texts
        screen = QRect(QPoint(0, 0), window.size())
        for name in ("openStanding", "whoViewed", "hideAmounts", "lockButton"):
            button = find(window.book, QAbstractButton, name)
            assert button.height() >= 48, name
            assert button.sizeHint().width() <= button.width(), (name, button.text(), button.sizeHint(), button.size())
            assert screen.contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size())), name
        date = window.book.today_text
        assert date.sizeHint().width() <= date.width(), date.text()
        access = find(window.book, QAbstractButton, "whoViewed")
        assert access.accessibleName() == _("Siapa yang melihat buku saya?")
        if size.width() >= 1366:
            assert "\n" not in access.text()  # the whole question where there is room
    finally:
        window.set_language("id")


def test_an_empty_access_log_says_so(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_access_log(qtbot, unlocked)
    assert dialog.lines() == []
    assert find(dialog, QLabel, "accessLogEmpty").text() == "Belum ada orang lain yang melihat buku Anda."
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, find(dialog, QPushButton, "closeAccessLog"))
    assert unlocked.book.access_dialog is None


def test_the_access_log_speaks_english_too(qtbot: QtBot, window: KioskWindow, kiosk_path: Path) -> None:
    window.set_language("en")
    try:
        window.kiosk.profiles.reset_pin(Actor.operator(), window.kiosk.profiles.find("Sari").id, "1234")
        unlock(qtbot, window)
        dialog = open_access_log(qtbot, window)
        assert dialog.lines()[0].split("\n")[1] == "The kiosk operator changed your PIN, in the app."
    finally:
        window.set_language("id")


# -- a read-only kiosk file ------------------------------------------------------------------------------


@pytest.fixture
def read_only_window(qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, clock: FixedClock) -> Iterator[KioskWindow]:
    """The app on a file it may only read (tests run as root, where file modes stop nothing)."""
    prepared_kiosk.close()
    kiosk = Kiosk(database.connect_read_only(kiosk_path), kiosk_path, clock, read_only=True)
    window = build_window(kiosk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.kiosk.close()


def test_a_read_only_file_says_so_and_a_save_shows_why_nothing_was_saved(
    qtbot: QtBot, read_only_window: KioskWindow, kiosk_path: Path
) -> None:
    window = read_only_window
    before = kiosk_path.read_bytes()
    banner = find(window.picker, QWidget, "readOnlyBanner")
    assert banner.isVisible()
    assert "hanya bisa dibaca" in find(banner, QLabel, "readOnlyBannerText").text()
    unlock(qtbot, window)
    assert find(window.book, QWidget, "readOnlyBanner").isVisible()

    dialog = open_entry_dialog(qtbot, window, "businessMoneyIn")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "15rb")
    click(qtbot, choice_button(dialog, "Penjualan"))
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert dialog.isVisible()  # she keeps what she typed
    assert find(dialog, QLabel, "dialogProblem").text() == describe(Problem.of("kiosk_read_only"))
    assert find(dialog, QLineEdit, "amountInput").text() == "15rb"
    dialog.reject()

    closed = find(window.book, QToolButton, "closedToday")
    click(qtbot, closed)
    assert not closed.isChecked()  # not saved, so not shown as saved
    assert find(window.book, QLabel, "bookMessage").text() == describe(Problem.of("kiosk_read_only"))
    assert window.book.business.model.rowCount() == 0

    click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    click(qtbot, find(window.picker, QPushButton, "languageEnglish"))  # cannot be saved; switches anyway
    assert i18n.language() == "en"
    assert find(window.picker, QPushButton, "operatorMenu").text() == "Kiosk operator"
    assert find(window.picker, QWidget, "readOnlyBanner").isVisible()
    click(qtbot, find(window.picker, QPushButton, "languageIndonesian"))
    assert kiosk_path.read_bytes() == before


def test_wrong_pins_on_a_read_only_file_still_lock_her_out(qtbot: QtBot, read_only_window: KioskWindow) -> None:
    window = read_only_window
    click(qtbot, window.picker.picker.card_for("Sari"))
    qtbot.keyClicks(window.pin.pin_input, "9999")
    window.pin.try_unlock()
    assert "dikunci" in find(window.pin, QLabel, "pinMessage").text()
    assert not window.pin.unlock_button.isEnabled()


def test_saving_is_refused_in_words_when_the_disk_is_full(
    qtbot: QtBot, unlocked: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise database.StorageFailed(Problem.of("disk_full"))

    monkeypatch.setattr(unlocked.kiosk.book, "record_entry", full)
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyOut")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "5rb")
    click(qtbot, choice_button(dialog, dialog.category_input.buttons()[0].accessibleName()))
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert dialog.isVisible()
    assert find(dialog, QLabel, "dialogProblem").text() == describe(Problem.of("disk_full"))
    book = unlocked.kiosk.book
    monkeypatch.setattr(book, "record_entry", BookService.record_entry.__get__(book))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, find(dialog, QPushButton, "saveEntry"))  # room again: the same input saves
    assert unlocked.book.business.model.rowCount() == 1
    record(qtbot, unlocked, "businessMoneyIn", "15rb", "Penjualan")


# -- issue 9: the number pad on every PIN field, her card's colour, the language at every lock ------


def test_a_new_profile_is_typed_on_the_pad_and_the_picker_says_it_was_made(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, find(window.picker, QPushButton, "addProfile"))
    type_on_pad(qtbot, window.pin, OPERATOR_PIN)
    page = window.new_profile
    assert window.current_page() is page
    qtbot.keyClicks(find(page, QLineEdit, "newProfileName"), "Bu Tini")
    for digit in "1357":  # no keyboard: the pad types into the first PIN field ...
        click(qtbot, find(page, QPushButton, f"newProfileDigit_{digit}"))
    page.again.setFocus()  # ... and into the one she touched next
    for digit in "13579":
        click(qtbot, find(page, QPushButton, f"newProfileDigit_{digit}"))
    click(qtbot, find(page, QPushButton, "newProfileErase"))
    assert (page.pin.text(), page.again.text()) == ("1357", "1357")
    click(qtbot, find(page, QPushButton, "newProfileNext"))
    click(qtbot, window.consent.accept_button)
    assert window.current_page() is window.picker
    banner = find(window.picker, QWidget, "pickerDone")
    assert banner.isVisible()
    assert window.picker.done_banner.text().startswith("Profil Bu Tini sudah dibuat.")
    click(qtbot, window.picker.picker.card_for("Bu Tini"))  # the next one at the screen: the line goes
    click(qtbot, find(window.pin, QPushButton, "backToPicker"))
    assert not banner.isVisible()


def test_the_pin_page_wears_her_cards_colour(qtbot: QtBot, window: KioskWindow) -> None:
    window.kiosk.profiles.create(Actor.operator(), "Rina", "Jajanan", "4321", "paper")
    window.show_picker()
    for index, card in enumerate(window.picker.picker.cards()):
        name = card.accessibleName().split(",")[0]
        click(qtbot, card)
        assert window.pin.title.text() == name
        assert window.pin.card.property("colour") == picker.card_colour(index)
        assert picker.card_colour(index) in window.pin.card.styleSheet()
        click(qtbot, find(window.pin, QPushButton, "backToPicker"))
    assert picker.card_colour(0) != picker.card_colour(1)


def test_a_new_pin_is_typed_on_the_pad(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, find(open_operator_page(qtbot, window), QPushButton, "profileLocks"))
    click(qtbot, find(window.locks, QPushButton, "resetPin_0"))
    for digit in "2580":
        click(qtbot, find(window.locks, QPushButton, f"newPinDigit_{digit}"))
    window.locks.new_pin_again.setFocus()
    for digit in "2580":
        click(qtbot, find(window.locks, QPushButton, f"newPinDigit_{digit}"))
    click(qtbot, find(window.locks, QPushButton, "saveNewPin"))
    assert "tersimpan" in window.locks.message.text()
    assert isinstance(window.kiosk.profiles.unlock(window.kiosk.profiles.list()[0].id, "2580"), Actor)


def test_the_language_on_is_checked_and_every_lock_goes_back_to_indonesian(qtbot: QtBot, window: KioskWindow) -> None:
    indonesian = find(window.picker, QPushButton, "languageIndonesian")
    assert indonesian.isChecked()
    assert indonesian.accessibleDescription() == "Bahasa ini yang dipakai sekarang"
    click(qtbot, indonesian)  # the one already on: stays on, nothing rebuilt
    assert indonesian.isChecked()
    try:
        click(qtbot, find(window.picker, QPushButton, "languageEnglish"))
        english = find(window.picker, QPushButton, "languageEnglish")
        assert english.isChecked()
        assert not find(window.picker, QPushButton, "languageIndonesian").isChecked()
        assert english.accessibleDescription() == "This is the language in use now"
        unlock(qtbot, window)
        assert find(window.book, QPushButton, "businessMoneyIn").text() == "Money In"
        with qtbot.waitSignal(window.locked, timeout=1000):
            window.lock()
        assert i18n.language() == "id"
        assert window.picker.title.text() == "Selamat datang! Pilih nama Anda."
        assert find(window.picker, QPushButton, "languageIndonesian").isChecked()
        assert window.kiosk.settings.get("language") == "id"  # a restart starts in Indonesian too
    finally:
        i18n.set_language("id")


def test_the_operator_closes_the_app_even_in_kiosk_mode_after_one_question(
    qtbot: QtBot, window: KioskWindow, ask: FakeAsk
) -> None:
    """With no window manager (the kiosk's xinitrc) this button is the only way out."""
    guard_asked: list[bool] = []
    window.close_guard = lambda: guard_asked.append(True) or False  # kiosk mode: a plain close needs the PIN
    page = open_operator_page(qtbot, window)
    ask.confirm_answer = False
    click(qtbot, find(page, QPushButton, "closeApp"))
    assert ask.confirm_words[-1] == ("Ya, tutup", "Tidak") and window.isVisible()
    ask.confirm_answer = True
    click(qtbot, find(page, QPushButton, "closeApp"))
    qtbot.waitUntil(lambda: not window.isVisible())
    assert guard_asked == []  # her PIN was given on the way into the menu: not asked again


def test_the_operator_switches_kiosk_mode_and_sets_the_umk_by_taps(qtbot: QtBot, window: KioskWindow) -> None:
    from wirausaha_desktop.services.kiosk_mode import KioskModeService

    page = open_operator_page(qtbot, window)
    click(qtbot, find(page, QPushButton, "kioskSettings"))
    settings = window.current_page()
    assert settings is not None and settings.objectName() == "kioskSettingsPage"
    switch = find(settings, QPushButton, "kioskModeSwitch")
    assert switch.text() == "Mode kios: mati" and not switch.isChecked()
    click(qtbot, switch)
    assert KioskModeService(window.kiosk.settings).is_on() and switch.text() == "Mode kios: nyala"
    assert "Berlaku saat aplikasi dibuka lagi" in find(settings, QLabel, "settingsMessage").text()

    for digit in "2500000":
        click(qtbot, find(settings, QPushButton, f"umkDigit_{digit}"))
    click(qtbot, find(settings, QPushButton, "saveUmk"))
    assert window.kiosk.mentor_figures.umk() == 2_500_000
    assert find(settings, QLabel, "umkNow").text() == "UMK sekarang: Rp2.500.000"
    click(qtbot, find(settings, QPushButton, "saveUmk"))  # nothing typed: words, nothing changed
    assert find(settings, QLabel, "settingsMessage").text() == describe(Problem.of("amount_empty"))
    assert window.kiosk.mentor_figures.umk() == 2_500_000
    assert "export-folder" in find(settings, QLabel, "exportFolderNow").text()
    click(qtbot, find(settings, QPushButton, "settingsBack"))
    assert window.current_page() is window.operator_page
