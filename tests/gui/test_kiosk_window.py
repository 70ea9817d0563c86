"""The kiosk window end to end (issue 3): unlocking, first start, consent, corrections, privacy, language."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    OPERATOR_PIN,
    PYSIDE_DRAINS_TRUE,
    FakeAsk,
    choice_button,
    click,
    find,
    open_entry_dialog,
    record,
    unlock,
    unnamed_widgets,
)
from wirausaha_desktop import i18n
from wirausaha_desktop.app import create_window
from wirausaha_desktop.domain.model import Actor, Entry, Ledger, Profile
from wirausaha_desktop.gui import book_page, icons
from wirausaha_desktop.gui.date_field import DateInput
from wirausaha_desktop.gui.models import EntryColumn
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock, stamp
from wirausaha_desktop.services.kiosk import Kiosk

pytestmark = pytest.mark.usefixtures("ask")  # any unexpected question fails the test instead of hanging

OpenWindow = Callable[[Path], KioskWindow]
TODAY = dt.date(2024, 7, 27)
SALES = "Penjualan"
KITCHEN = "Makan / belanja dapur"


# -- helpers ------------------------------------------------------------------------------------


def choose(qtbot: QtBot, window: KioskWindow, name: str) -> None:
    """Tap a card on the picker: the PIN page opens for that person."""
    click(qtbot, window.picker.picker.card_for(name))
    assert window.current_page() is window.pin


def type_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    """Type the PIN on the keyboard and press Enter."""
    field = find(window.pin, QLineEdit, "pinInput")
    qtbot.keyClicks(field, pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def pin_message(window: KioskWindow) -> str:
    return find(window.pin, QLabel, "pinMessage").text()


def her_entries(kiosk: Kiosk, profile: Profile, ledger: Ledger, include_voided: bool = True) -> list[Entry]:
    return kiosk.book.recent_entries(Actor.beneficiary(profile.id), profile.id, ledger, 50, include_voided)


def sari(kiosk: Kiosk) -> Profile:
    return kiosk.profiles.find("Sari")


def open_profile(window: KioskWindow) -> Profile | None:
    """Whose book is open (a function, so that type checkers do not carry an earlier answer over)."""
    return window.book.profile


def tap_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, EntryColumn.CATEGORY))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def select_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    """Tap a row (its whole entry opens), close the entry: the row stays chosen for *Batalkan*."""
    tap_row(qtbot, table, row)
    window = table.window()
    assert isinstance(window, KioskWindow)
    details = window.book.details
    assert details is not None, "a tap on a row shows the whole entry"
    click(qtbot, find(details, QPushButton, "detailsClose"))
    assert window.book.details is None
    assert table.selectionModel().isRowSelected(row)


def amount_cells(table: QTableView) -> list[str]:
    model = table.model()
    return [str(model.index(row, EntryColumn.AMOUNT).data()) for row in range(model.rowCount())]


def has_digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def assert_nothing_of_her_book(window: KioskWindow) -> None:
    book = window.book
    assert window.current_page() is window.picker
    assert book.profile is None and book.actor is None
    assert book.who.text() == ""
    for panel in (book.business, book.personal):
        assert not has_digits(panel.balance.text()), panel.balance.text()
        assert not has_digits(panel.balance.accessibleName())
        assert panel.model.rowCount() == 0
    assert not book.toast.isVisible()
    assert book.dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


# -- unlocking ----------------------------------------------------------------------------------


def test_unlock_with_the_on_screen_pad(qtbot: QtBot, window: KioskWindow) -> None:
    assert window.current_page() is window.picker
    profile = unlock(qtbot, window)
    assert profile.name == "Sari"
    assert window.current_page() is window.book
    assert window.book.who.text() == "Buku Sari"
    assert window.book.today_text.text() == "Sabtu, 27 Juli 2024"


def test_unlock_with_the_keyboard(qtbot: QtBot, window: KioskWindow) -> None:
    choose(qtbot, window, "Sari")
    assert window.pin.title.text() == "Sari"
    field = find(window.pin, QLineEdit, "pinInput")
    qtbot.keyClicks(field, "12ab34")  # only digits get in
    assert field.text() == "1234"
    assert field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.current_page() is window.book
    assert window.book.profile is not None and window.book.profile.name == "Sari"


def test_an_empty_pin_asks_for_one(qtbot: QtBot, window: KioskWindow) -> None:
    choose(qtbot, window, "Sari")
    type_pin(qtbot, window, "")
    assert pin_message(window) == "Ketik PIN dulu."
    assert window.current_page() is window.pin


def test_a_wrong_pin_shows_the_tries_left_and_stays(qtbot: QtBot, window: KioskWindow) -> None:
    choose(qtbot, window, "Sari")
    type_pin(qtbot, window, "9999")
    assert pin_message(window) == "PIN salah. Sisa 4 kali coba."
    assert window.current_page() is window.pin
    assert window.book.profile is None
    assert find(window.pin, QLineEdit, "pinInput").text() == ""
    type_pin(qtbot, window, "0000")
    assert pin_message(window) == "PIN salah. Sisa 3 kali coba."
    unlock(qtbot, window)  # the right PIN still works, and starts the count again
    click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    choose(qtbot, window, "Sari")
    type_pin(qtbot, window, "9999")
    assert pin_message(window) == "PIN salah. Sisa 4 kali coba."


def test_back_returns_to_the_picker(qtbot: QtBot, window: KioskWindow) -> None:
    choose(qtbot, window, "Sari")
    qtbot.keyClicks(find(window.pin, QLineEdit, "pinInput"), "12")
    click(qtbot, find(window.pin, QPushButton, "backToPicker"))
    assert window.current_page() is window.picker
    assert find(window.pin, QLineEdit, "pinInput").text() == ""


def test_five_wrong_pins_lock_her_out_for_five_minutes_even_after_a_restart(
    qtbot: QtBot, window: KioskWindow, open_window: OpenWindow, kiosk_path: Path, clock: FixedClock
) -> None:
    window.pin._timer.setInterval(20)  # the countdown ticks each second; faster here, same ticks
    choose(qtbot, window, "Sari")
    for _ in range(5):
        type_pin(qtbot, window, "9999")
    unlock_button = find(window.pin, QPushButton, "unlockButton")
    assert pin_message(window) == "Terlalu banyak PIN salah. Coba lagi dalam 5 menit."
    assert not unlock_button.isEnabled()
    assert not find(window.pin, QLineEdit, "pinInput").isEnabled()
    assert window.current_page() is window.pin

    clock.advance(dt.timedelta(seconds=30))  # the countdown follows the clock
    qtbot.waitUntil(lambda: pin_message(window) == "Terlalu banyak PIN salah. Coba lagi dalam 4 menit 30 detik.")
    window.pin.pin_input.setText("1234")
    window.pin.try_unlock()  # even the right PIN does nothing while locked
    assert window.book.profile is None

    # "Restart": leave, close the window and its kiosk, open the same file again.
    click(qtbot, find(window.pin, QPushButton, "backToPicker"))
    window.close()
    window.kiosk.close()
    again = open_window(kiosk_path)
    again.pin._timer.setInterval(20)
    choose(qtbot, again, "Sari")
    assert not find(again.pin, QPushButton, "unlockButton").isEnabled()
    assert pin_message(again) == "Terlalu banyak PIN salah. Coba lagi dalam 4 menit 30 detik."

    clock.advance(dt.timedelta(minutes=4, seconds=31))
    qtbot.waitUntil(lambda: find(again.pin, QPushButton, "unlockButton").isEnabled())
    assert pin_message(again) == "Silakan coba lagi."
    type_pin(qtbot, again, "1234")
    assert again.current_page() is again.book
    assert again.book.profile is not None and again.book.profile.name == "Sari"


# -- first start, new profiles, consent ---------------------------------------------------------


def fill_new_profile(qtbot: QtBot, window: KioskWindow, name: str, business: str, pin: str) -> None:
    page = window.new_profile
    assert window.current_page() is page
    for field_name, text in (
        ("newProfileName", name),
        ("newProfileBusiness", business),
        ("newProfilePin", pin),
        ("newProfilePinConfirm", pin),
    ):
        qtbot.keyClicks(find(page, QLineEdit, field_name), text)
    click(qtbot, find(page, QPushButton, "newProfileNext"))


def test_a_brand_new_kiosk_asks_for_the_operator_pin_then_a_profile_then_consent(
    qtbot: QtBot, open_window: OpenWindow, kiosk_path: Path, clock: FixedClock
) -> None:
    window = open_window(kiosk_path)
    assert window.current_page() is window.setup
    assert not find(window.setup, QPushButton, "cancelSetup").isVisible()
    qtbot.keyClicks(find(window.setup, QLineEdit, "operatorPinInput"), OPERATOR_PIN)
    qtbot.keyClicks(find(window.setup, QLineEdit, "operatorPinConfirm"), "1357")
    click(qtbot, find(window.setup, QPushButton, "createOperator"))
    assert window.setup.message.text() == "Kedua PIN tidak sama. Ketik lagi."
    assert not window.kiosk.profiles.has_operator()

    find(window.setup, QLineEdit, "operatorPinConfirm").clear()
    qtbot.keyClicks(find(window.setup, QLineEdit, "operatorPinConfirm"), OPERATOR_PIN)
    qtbot.keyClick(find(window.setup, QLineEdit, "operatorPinConfirm"), Qt.Key.Key_Return)
    assert window.kiosk.profiles.has_operator()

    fill_new_profile(qtbot, window, "  Wati ", "Jahit", "1357")
    assert window.current_page() is window.consent
    assert window.consent.who.text() == "Untuk: Wati"
    assert window.kiosk.profiles.list() == []  # nothing is stored before she agrees

    click(qtbot, find(window.consent, QPushButton, "acceptConsent"))
    assert window.current_page() is window.picker
    [wati] = window.kiosk.profiles.list()
    assert (wati.name, wati.business, wati.consent_method) == ("Wati", "Jahit", "screen")
    assert wati.consent_at == stamp(clock.now())
    assert [card.accessibleName() for card in window.picker.picker.cards()] == ["Wati, Jahit"]

    unlock(qtbot, window, "Wati", "1357")  # consent was given: straight to the book
    assert window.current_page() is window.book


def test_declining_consent_for_a_new_profile_stores_nothing(
    qtbot: QtBot, open_window: OpenWindow, kiosk_path: Path
) -> None:
    window = open_window(kiosk_path)
    qtbot.keyClicks(find(window.setup, QLineEdit, "operatorPinInput"), OPERATOR_PIN)
    qtbot.keyClicks(find(window.setup, QLineEdit, "operatorPinConfirm"), OPERATOR_PIN)
    click(qtbot, find(window.setup, QPushButton, "createOperator"))
    fill_new_profile(qtbot, window, "Wati", "Jahit", "1357")
    click(qtbot, find(window.consent, QPushButton, "declineConsent"))
    assert window.current_page() is window.picker
    assert window.kiosk.profiles.list() == []
    assert window.picker.picker.cards() == []
    assert window.picker.empty.isVisible()


def test_a_prepared_kiosk_opens_on_the_picker_and_adding_a_profile_asks_the_operator(
    qtbot: QtBot, window: KioskWindow
) -> None:
    assert window.current_page() is window.picker
    assert find(window, QWidget, "profilePicker").isVisible()
    assert [card.accessibleName() for card in window.picker.picker.cards()] == ["Sari, Warung kopi"]

    click(qtbot, find(window.picker, QPushButton, "addProfile"))
    assert window.current_page() is window.pin
    assert window.pin.title.text() == "Petugas kios"
    type_pin(qtbot, window, "1234")  # Sari's PIN is not the operator's
    assert window.current_page() is window.pin
    assert pin_message(window) == "PIN salah. Sisa 4 kali coba."
    type_pin(qtbot, window, OPERATOR_PIN)
    assert window.current_page() is window.new_profile

    fill_new_profile(qtbot, window, "sari", "Jahit", "5678")  # the name is taken, whatever its case
    assert window.current_page() is window.new_profile
    assert window.new_profile.message.text() == 'Nama "Sari" sudah dipakai. Pilih nama lain.'

    page = window.new_profile
    page.reset()
    fill_new_profile(qtbot, window, "Budi", "Pulsa", "5678")
    click(qtbot, find(window.consent, QPushButton, "acceptConsent"))
    assert window.current_page() is window.picker
    budi = window.kiosk.profiles.find("Budi")
    assert budi.consent_method == "screen" and budi.consent_at is not None
    assert len(window.picker.picker.cards()) == 2

    click(qtbot, find(window.picker, QPushButton, "addProfile"))  # the operator is asked every time
    assert window.current_page() is window.pin
    assert window.pin.title.text() == "Petugas kios"


def test_new_profile_form_explains_its_problems(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, find(window.picker, QPushButton, "addProfile"))
    type_pin(qtbot, window, OPERATOR_PIN)
    fill_new_profile(qtbot, window, "", "Jahit", "5678")
    assert window.new_profile.message.text() == "Nama panggilan belum diisi."
    window.new_profile.reset()
    fill_new_profile(qtbot, window, "Budi", "Jahit", "12")
    assert window.new_profile.message.text() == "PIN harus 4 sampai 6 angka."
    click(qtbot, find(window.new_profile, QPushButton, "newProfileCancel"))
    assert window.current_page() is window.picker
    assert len(window.kiosk.profiles.list()) == 1


def test_a_kiosk_without_an_operator_asks_for_one_before_adding_a_profile(
    qtbot: QtBot, kiosk: Kiosk, kiosk_path: Path, open_window: OpenWindow
) -> None:
    kiosk.profiles.create(Actor.operator(), "Sari", "Warung kopi", "1234", "paper")
    window = open_window(kiosk_path)
    assert window.current_page() is window.picker
    click(qtbot, find(window.picker, QPushButton, "addProfile"))
    assert window.current_page() is window.setup
    click(qtbot, find(window.setup, QPushButton, "cancelSetup"))
    assert window.current_page() is window.picker
    assert not window.kiosk.profiles.has_operator()


@pytest.fixture
def rina(prepared_kiosk: Kiosk) -> Profile:
    """A profile made by the services without consent (e.g. from a paper form to be read to her)."""
    profile, _ = prepared_kiosk.profiles.create(Actor.operator(), "Rina", "Jahit", "5678", consent_method=None)
    return profile


def test_consent_is_asked_at_first_unlock_and_only_then_the_book_opens(
    qtbot: QtBot, rina: Profile, kiosk_path: Path, open_window: OpenWindow, clock: FixedClock
) -> None:
    window = open_window(kiosk_path)
    choose(qtbot, window, "Rina")
    type_pin(qtbot, window, "5678")
    assert window.current_page() is window.consent
    assert window.consent.who.text() == "Untuk: Rina"
    assert window.book.profile is None
    assert "TIDAK PERNAH" in find(window.consent, QLabel, "consentText").text()

    click(qtbot, find(window.consent, QPushButton, "acceptConsent"))
    assert window.current_page() is window.book
    opened = open_profile(window)
    assert opened is not None and opened.id == rina.id
    stored = window.kiosk.profiles.get(rina.id)
    assert (stored.consent_at, stored.consent_method) == (stamp(clock.now()), "screen")

    click(qtbot, find(window.book, QAbstractButton, "lockButton"))
    unlock(qtbot, window, "Rina", "5678")  # asked once only
    assert window.current_page() is window.book


def test_declining_consent_returns_to_the_picker_without_the_book(
    qtbot: QtBot, rina: Profile, kiosk_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(kiosk_path)
    choose(qtbot, window, "Rina")
    type_pin(qtbot, window, "5678")
    click(qtbot, find(window.consent, QPushButton, "declineConsent"))
    assert window.current_page() is window.picker
    assert window.book.profile is None
    assert window.kiosk.profiles.get(rina.id).consent_at is None

    choose(qtbot, window, "Rina")  # next time she is asked again
    type_pin(qtbot, window, "5678")
    assert window.current_page() is window.consent


# -- cancelling (void) and undo -----------------------------------------------------------------


def test_voiding_an_entry_removes_it_from_list_and_balance(qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    record(qtbot, unlocked, "businessMoneyIn", "7rb", SALES)
    panel = unlocked.book.business
    void_button = find(unlocked.book, QPushButton, "businessVoid")
    assert not void_button.isEnabled()
    select_row(qtbot, panel.table, 1)  # the older one: 15rb
    assert void_button.isEnabled()

    ask.confirm_answer, ask.reason = True, "Salah jumlah"
    click(qtbot, void_button)
    assert len(ask.confirms) == 1
    assert ask.confirms[0] == "Batalkan catatan ini?\n27/07/2024, Penjualan, Rp15.000"
    assert panel.balance.text() == "Rp7.000"
    assert amount_cells(panel.table) == ["+ Rp7.000"]
    assert not void_button.isEnabled()
    voided = [e for e in her_entries(unlocked.kiosk, sari(unlocked.kiosk), Ledger.BUSINESS) if e.voided]
    assert [(e.amount, e.void_reason) for e in voided] == [(15_000, "Salah jumlah")]

    show_voided = find(unlocked.book, QCheckBox, "businessShowVoided")
    click(qtbot, show_voided)
    assert show_voided.isChecked()
    assert panel.model.rowCount() == 2
    row = panel.model.row_of(voided[0].id)
    assert row is not None
    font = panel.model.index(row, EntryColumn.AMOUNT).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert panel.model.index(row, EntryColumn.CATEGORY).data(Qt.ItemDataRole.ToolTipRole) == (
        "Dibatalkan: Salah jumlah"
    )
    live = 1 - row
    assert panel.model.index(live, EntryColumn.AMOUNT).data(Qt.ItemDataRole.FontRole) is None
    assert panel.balance.text() == "Rp7.000"  # shown, but not counted
    select_row(qtbot, panel.table, row)
    assert not void_button.isEnabled()  # a voided entry cannot be voided again

    click(qtbot, show_voided)
    assert panel.model.rowCount() == 1


@pytest.mark.parametrize(("answer", "reason"), [(False, "Salah jumlah"), (True, None)])
def test_changing_her_mind_voids_nothing(
    qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk, answer: bool, reason: str | None
) -> None:
    record(qtbot, unlocked, "personalMoneyOut", "5rb", KITCHEN)
    select_row(qtbot, unlocked.book.personal.table, 0)
    ask.confirm_answer, ask.reason = answer, reason
    click(qtbot, find(unlocked.book, QPushButton, "personalVoid"))
    assert unlocked.book.personal.balance.text() == "-Rp5.000"
    assert unlocked.book.personal.model.rowCount() == 1
    assert not any(e.voided for e in her_entries(unlocked.kiosk, sari(unlocked.kiosk), Ledger.PERSONAL))


def test_voiding_one_half_of_a_move_voids_both(qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "100rb", SALES)
    dialog = open_entry_dialog(qtbot, unlocked, "move_owner_pay")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "40rb")
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert unlocked.book.personal.balance.text() == "Rp40.000"

    ask.confirm_answer, ask.reason = True, "Salah buku (usaha/pribadi)"
    select_row(qtbot, unlocked.book.personal.table, 0)
    click(qtbot, find(unlocked.book, QPushButton, "personalVoid"))
    assert unlocked.book.business.balance.text() == "Rp100.000"
    assert unlocked.book.personal.balance.text() == "Rp0"
    assert unlocked.book.business.model.rowCount() == 1
    assert unlocked.book.personal.model.rowCount() == 0
    profile = sari(unlocked.kiosk)
    halves = [e for ledger in Ledger for e in her_entries(unlocked.kiosk, profile, ledger) if e.move_kind]
    assert len(halves) == 2 and all(e.void_reason == "Salah buku (usaha/pribadi)" for e in halves)


def test_undo_after_a_save_voids_it_with_the_reason_diurungkan(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    toast = find(unlocked.book, QWidget, "undoToast")
    assert toast.isVisible()
    assert unlocked.book.toast.text.text() == "Tersimpan: Penjualan Rp15.000"
    undo = find(toast, QPushButton, "undoButton")
    assert undo.text() == "Urungkan (10)"

    click(qtbot, undo)
    assert toast.isVisible()  # it says what the undo did, with nothing more to press
    assert unlocked.book.toast.text.text() == "Catatan dibatalkan: Penjualan Rp15.000"
    assert not undo.isVisible()
    assert unlocked.book.business.balance.text() == "Rp0"
    assert unlocked.book.business.model.rowCount() == 0
    [entry] = her_entries(unlocked.kiosk, sari(unlocked.kiosk), Ledger.BUSINESS)
    assert entry.voided and entry.void_reason == "Diurungkan"


def test_undo_of_a_move_voids_both_halves(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "move_top_up")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "30rb")
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    assert unlocked.book.toast.text.text() == "Tersimpan: Tambah modal Rp30.000"
    click(qtbot, find(unlocked.book, QPushButton, "undoButton"))
    profile = sari(unlocked.kiosk)
    halves = [e for ledger in Ledger for e in her_entries(unlocked.kiosk, profile, ledger)]
    assert len(halves) == 2 and all(e.void_reason == "Diurungkan" for e in halves)
    assert unlocked.book.business.balance.text() == unlocked.book.personal.balance.text() == "Rp0"


def test_the_undo_toast_counts_down_and_disappears(qtbot: QtBot, unlocked: KioskWindow) -> None:
    assert book_page.UNDO_SECONDS == 10
    record(qtbot, unlocked, "personalMoneyOut", "5rb", KITCHEN)
    toast = unlocked.book.toast
    assert toast.isVisible()
    assert toast._timer.interval() == 1000  # one tick a second, ten ticks
    toast._timer.setInterval(10)  # the same ten ticks, faster
    qtbot.waitUntil(lambda: toast.button.text() == "Urungkan (5)", timeout=2000)
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=2000)
    assert not toast._timer.isActive()
    [entry] = her_entries(unlocked.kiosk, sari(unlocked.kiosk), Ledger.PERSONAL)
    assert not entry.voided  # the save stands


def test_the_undo_toast_honours_undo_seconds(
    qtbot: QtBot, unlocked: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(book_page, "UNDO_SECONDS", 1)
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    assert unlocked.book.toast.button.text() == "Urungkan (1)"
    qtbot.waitUntil(lambda: not unlocked.book.toast.isVisible(), timeout=3000)


# -- closed day ---------------------------------------------------------------------------------


def test_closed_today_marks_and_unmarks_the_day(qtbot: QtBot, unlocked: KioskWindow) -> None:
    kiosk, profile = unlocked.kiosk, sari(unlocked.kiosk)
    actor = Actor.beneficiary(profile.id)
    button = find(unlocked.book, QAbstractButton, "closedToday")
    assert not button.isChecked()
    assert not kiosk.book.is_closed(actor, profile.id, TODAY)

    click(qtbot, button)
    assert kiosk.book.is_closed(actor, profile.id, TODAY)
    assert button.isChecked()
    assert button.text() == "Hari ini tutup\n(tekan: buka)"
    assert button.accessibleName() == "Usaha ditandai tutup hari ini; tekan untuk membatalkan"

    click(qtbot, find(unlocked.book, QAbstractButton, "lockButton"))
    unlock(qtbot, unlocked)
    assert find(unlocked.book, QAbstractButton, "closedToday").isChecked()  # remembered

    click(qtbot, button)
    assert not kiosk.book.is_closed(actor, profile.id, TODAY)
    assert not button.isChecked()
    assert button.text() == "Usaha tutup\nhari ini"


def test_a_closed_day_with_entries_says_it_counts_as_open(qtbot: QtBot, unlocked: KioskWindow) -> None:
    button = find(unlocked.book, QAbstractButton, "closedToday")
    click(qtbot, button)
    assert button.text() == "Hari ini tutup\n(tekan: buka)"
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    assert button.isChecked()
    assert button.text() == "Tutup, tetapi\nada catatan"
    assert "dihitung buka" in button.accessibleName()
    click(qtbot, find(unlocked.book, QPushButton, "undoButton"))  # no entry left today: just closed again
    assert button.text() == "Hari ini tutup\n(tekan: buka)"


# -- one entry in full --------------------------------------------------------------------------


def test_a_tap_on_a_row_shows_the_whole_entry(qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk) -> None:
    note = "titip jual di warung Bu Tini, dibayar minggu depan setelah pengajian"
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyOut")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "35rb")
    qtbot.keyClicks(find(dialog, QLineEdit, "noteInput"), note)
    click(qtbot, choice_button(dialog, "Kulakan / belanja dagangan"))
    click(qtbot, find(dialog, QPushButton, "saveEntry"))
    table = unlocked.book.business.table
    tap_row(qtbot, table, 0)
    details = unlocked.book.details
    assert details is not None
    qtbot.waitExposed(details)
    assert find(details, QLabel, "detailsNote").text() == note  # the row cuts it; here it is whole
    assert find(details, QLabel, "detailsWhat").text() == "Kulakan / belanja dagangan"
    assert find(details, QLabel, "detailsAmount").text() == "− Rp35.000"
    assert find(details, QLabel, "detailsDate").text() == "Sabtu, 27 Juli 2024"
    assert unnamed_widgets(details) == []
    screen = unlocked.geometry()
    assert screen.contains(details.geometry())

    ask.confirm_answer = True
    click(qtbot, find(details, QPushButton, "detailsVoid"))  # Batalkan from here asks as the button does
    assert ask.confirms == ["Batalkan catatan ini?\n27/07/2024, Kulakan, Rp35.000"]
    assert unlocked.book.business.model.rowCount() == 0
    assert unlocked.book.details is None


# -- locking ------------------------------------------------------------------------------------


def test_idle_too_long_locks_and_leaves_nothing_on_screen(qtbot: QtBot, window: KioskWindow) -> None:
    assert window.idle_seconds() == 180
    window.set_idle_seconds(1)
    assert window.idle_seconds() == 1
    unlock(qtbot, window)
    record(qtbot, window, "businessMoneyIn", "15rb", SALES)
    record(qtbot, window, "personalMoneyOut", "5rb", KITCHEN)
    assert window.book.toast.isVisible()
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert_nothing_of_her_book(window)
    assert not window._idle.timer.isActive()  # the picker is not timed


def test_lock_button_locks_at_once(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    click(qtbot, find(unlocked.book, QAbstractButton, "hideAmounts"))
    with qtbot.waitSignal(unlocked.locked, timeout=1000):
        click(qtbot, find(unlocked.book, QAbstractButton, "lockButton"))
    assert_nothing_of_her_book(unlocked)

    unlock(qtbot, unlocked)  # her next session starts with amounts shown again
    assert unlocked.book.business.balance.text() == "Rp15.000"
    assert not find(unlocked.book, QAbstractButton, "hideAmounts").isChecked()


def test_the_lock_closes_an_open_entry_dialog_and_saves_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    window.set_idle_seconds(1)
    unlock(qtbot, window)
    dialog = open_entry_dialog(qtbot, window, "businessMoneyIn")
    qtbot.keyClicks(find(dialog, QLineEdit, "amountInput"), "15rb")
    with qtbot.waitSignals([window.locked, dialog.rejected], timeout=3000):
        pass
    assert_nothing_of_her_book(window)
    assert her_entries(window.kiosk, sari(window.kiosk), Ledger.BUSINESS) == []


def test_lock_closes_a_move_dialog_too(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "moveMoney")
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        unlocked.lock()
    assert_nothing_of_her_book(unlocked)


# -- hiding amounts -----------------------------------------------------------------------------


def test_hide_amounts_turns_balances_and_table_amounts_into_dots(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    record(qtbot, unlocked, "personalMoneyOut", "5rb", KITCHEN)
    book = unlocked.book
    eye = find(book, QAbstractButton, "hideAmounts")
    assert eye.accessibleName() == "Sembunyikan jumlah uang"

    hide_picture = eye.icon().pixmap(32, 32).toImage()
    click(qtbot, eye)
    assert eye.isChecked() and book.amounts_hidden()
    assert eye.accessibleName() == "Tampilkan jumlah uang"
    # the picture says what a tap does now (an open eye), not what it did (the monkey hiding)
    assert eye.icon().pixmap(32, 32).toImage() == icons.action("show").pixmap(32, 32).toImage()
    assert eye.icon().pixmap(32, 32).toImage() != hide_picture
    for panel in (book.business, book.personal):
        assert not has_digits(panel.balance.text()), panel.balance.text()
        assert not has_digits(panel.balance.accessibleName())
        cells = amount_cells(panel.table)
        assert cells and not any(has_digits(cell) for cell in cells), cells

    record(qtbot, unlocked, "businessMoneyIn", "2rb", SALES)  # still hidden after a save
    assert not has_digits(book.business.balance.text())
    assert not any(has_digits(cell) for cell in amount_cells(book.business.table))
    assert not has_digits(book.toast.text.text())

    click(qtbot, eye)
    assert not book.amounts_hidden()
    assert book.business.balance.text() == "Rp17.000"
    assert book.personal.balance.text() == "-Rp5.000"
    assert amount_cells(book.business.table) == ["+ Rp2.000", "+ Rp15.000"]
    assert amount_cells(book.personal.table) == ["− Rp5.000"]


RUPIAH = re.compile(r"Rp\s?\d")


def money_on_screen(page: QWidget) -> list[str]:
    """Every amount a person could read on ``page``: visible labels and buttons, and their names."""
    seen = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if widget.isVisibleTo(page):
            seen += [text for text in (widget.text(), widget.accessibleName()) if RUPIAH.search(text)]
    return seen


def test_hiding_amounts_follows_her_to_the_standing_page_and_back(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "1,5jt", SALES)
    record(qtbot, unlocked, "businessMoneyOut", "400rb", "Kulakan / belanja dagangan")
    book = unlocked.book
    assert money_on_screen(book)  # shown before she hides them
    click(qtbot, find(book, QAbstractButton, "hideAmounts"))
    assert unlocked.amounts_hidden()
    assert money_on_screen(book) == []

    click(qtbot, find(book, QAbstractButton, "openStanding"))  # opened after the eye: starts hidden
    standing = unlocked.standing
    assert standing is not None and unlocked.current_page() is standing
    qtbot.waitUntil(lambda: standing.isVisible())
    qtbot.mouseClick(find(standing, QWidget, "indicator_cash_runway"), Qt.MouseButton.LeftButton)
    assert money_on_screen(standing) == []  # her business money is in this light's sentence

    unlocked.set_amounts_hidden(False)  # the same switch, from any page: the book's eye follows
    assert money_on_screen(standing)
    assert not find(book, QAbstractButton, "hideAmounts").isChecked()
    unlocked.set_amounts_hidden(True)
    assert money_on_screen(standing) == [] and money_on_screen(book) == []
    assert find(book, QAbstractButton, "hideAmounts").isChecked()

    with qtbot.waitSignal(unlocked.locked, timeout=1000):
        unlocked.lock()
    assert not unlocked.amounts_hidden()  # the next person starts with amounts shown


# -- language -----------------------------------------------------------------------------------


def test_language_switch_on_the_picker_is_remembered(
    qtbot: QtBot, window: KioskWindow, open_window: OpenWindow, kiosk_path: Path
) -> None:
    try:
        click(qtbot, find(window.picker, QPushButton, "languageEnglish"))
        assert i18n.language() == "en"
        assert window.kiosk.settings.get("language") == "en"
        assert window.current_page() is window.picker
        assert window.picker.title.text() == "Welcome! Choose your name."
        assert window.windowTitle() == "Wirausaha: Business Book and Personal Book"
        assert find(window.picker, QPushButton, "languageEnglish").isChecked()
        assert not find(window.picker, QPushButton, "languageIndonesian").isChecked()
        unlock(qtbot, window)
        assert find(window.book, QPushButton, "businessMoneyIn").text() == "Money In"
        assert find(window.book, QPushButton, "personalMoneyOut").text() == "Money Out"
        assert window.book.who.text() == "Sari's books"
        assert window.book.today_text.text() == "Saturday, 27 July 2024"
        click(qtbot, find(window.book, QAbstractButton, "lockButton"))
        assert i18n.language() == "id"  # every lock: the next person starts in Indonesian
        assert window.kiosk.settings.get("language") == "id"
        assert window.picker.title.text() == "Selamat datang! Pilih nama Anda."
        assert find(window.picker, QPushButton, "languageIndonesian").isChecked()

        click(qtbot, find(window.picker, QPushButton, "languageEnglish"))
        window.close()  # a new window on the same file opens in English
        i18n.set_language("id")
        again = open_window(kiosk_path)
        assert again.picker.title.text() == "Welcome! Choose your name."

        click(qtbot, find(again.picker, QPushButton, "languageIndonesian"))
        assert i18n.language() == "id"
        assert again.kiosk.settings.get("language") == "id"
        assert again.picker.title.text() == "Selamat datang! Pilih nama Anda."
        unlock(qtbot, again)
        assert find(again.book, QPushButton, "businessMoneyIn").text() == "Uang Masuk"
    finally:
        window.kiosk.settings.set_language("id")
        i18n.set_language("id")


# -- accessibility, names, size -----------------------------------------------------------------

ISSUE_NAMES = (
    "profilePicker",
    "pinInput",
    "unlockButton",
    "businessBalance",
    "personalBalance",
    "businessMoneyIn",
    "businessMoneyOut",
    "personalMoneyIn",
    "personalMoneyOut",
    "moveMoney",
    "lockButton",
    "acceptConsent",
)
DIALOG_NAMES = ("amountInput", "categoryInput", "dateInput", "noteInput", "saveEntry")


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "15rb", SALES)
    assert unnamed_widgets(unlocked) == []
    for button in ("businessMoneyIn", "personalMoneyOut", "moveMoney"):
        dialog = open_entry_dialog(qtbot, unlocked, button)
        assert dialog.accessibleName()
        assert unnamed_widgets(dialog) == []
        dialog.reject()


def test_the_issues_object_names_exist(qtbot: QtBot, unlocked: KioskWindow) -> None:
    assert unlocked.findChild(QWidget, "acceptConsent") is None  # pages are built on first use
    assert unlocked.consent.accept_button.objectName() == "acceptConsent"
    for name in ISSUE_NAMES:
        assert unlocked.findChild(QWidget, name) is not None, name
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    for name in DIALOG_NAMES:
        assert dialog.findChild(QWidget, name) is not None, name
    assert isinstance(find(dialog, QWidget, "dateInput"), DateInput)
    assert isinstance(find(dialog, QWidget, "amountInput"), QLineEdit)


KEY_BUTTONS = (
    "businessMoneyIn",
    "businessMoneyOut",
    "personalMoneyIn",
    "personalMoneyOut",
    "moveMoney",
    "move_owner_pay",
    "move_top_up",
    "move_start_capital",
    "closedToday",
    "openStanding",
    "whoViewed",
    "hideAmounts",
    "lockButton",
    "businessVoid",
    "personalVoid",
)

STACKED_TEXT = ("moveMoney", "move_owner_pay", "move_top_up", "move_start_capital", "closedToday")


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_main_screen_fits_1024_by_600(qtbot: QtBot, window: KioskWindow, language: str) -> None:
    if language != "id":
        click(qtbot, find(window.picker, QPushButton, "languageEnglish"))
    try:
        window.resize(1024, 600)
        unlock(qtbot, window)
        record(qtbot, window, "businessMoneyIn", "1.250.000", SALES)
        qtbot.waitUntil(lambda: window.size() == QSize(1024, 600))
        screen = QRect(QPoint(0, 0), window.size())
        for name in KEY_BUTTONS:
            button = find(window.book, QAbstractButton, name)
            assert button.isVisible(), name
            assert button.height() >= 48, (name, button.height())
            assert button.sizeHint().width() <= button.width(), (name, button.sizeHint(), button.size())
            if name in STACKED_TEXT:  # two lines under an icon: any height short of the hint cuts text off
                assert button.sizeHint().height() <= button.height(), (name, button.sizeHint(), button.size())
            placed = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            assert screen.contains(placed), (name, placed)
        for label in (window.book.business.balance, window.book.personal.balance):
            assert label.sizeHint().width() <= label.width(), (label.text(), label.sizeHint(), label.size())
        toast = window.book.toast  # shown after the save, in its own row: it covers no button
        assert toast.isVisible()
        bar = QRect(toast.mapTo(window, QPoint(0, 0)), toast.size())
        assert screen.contains(bar)
        assert toast.button.sizeHint().width() <= toast.button.width()
        for button in window.book.findChildren(QAbstractButton):
            if button.isVisible() and not toast.isAncestorOf(button):
                assert not bar.intersects(QRect(button.mapTo(window, QPoint(0, 0)), button.size())), button
        closed = find(window.book, QAbstractButton, "closedToday")
        click(qtbot, closed)  # closed, and today has an entry; then (undone) only closed
        for undo in (True, False):
            assert closed.isChecked()
            assert closed.sizeHint().width() <= closed.width(), (closed.text(), closed.sizeHint(), closed.size())
            assert closed.sizeHint().height() <= closed.height(), (closed.text(), closed.sizeHint(), closed.size())
            if undo:
                text = closed.text()
                click(qtbot, toast.button)
                assert closed.text() != text
    finally:
        window.kiosk.settings.set_language("id")
        i18n.set_language("id")


# -- the composition root ------------------------------------------------------------------------


def test_create_window_returns_the_window_without_running_the_loop(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, clock: FixedClock
) -> None:
    window = create_window(kiosk_path, clock)
    qtbot.addWidget(window)
    try:
        assert isinstance(window, KioskWindow)
        assert not window.isVisible()
        assert window.kiosk.path == kiosk_path
        assert window.kiosk.clock is clock
        assert window.current_page() is window.picker
        assert [p.name for p in window.kiosk.profiles.list()] == ["Sari"]
    finally:
        window.kiosk.close()


# -- PySide6 itself ------------------------------------------------------------------------------


@pytest.mark.xfail(
    PYSIDE_DRAINS_TRUE,
    reason="PySide6 6.12.0 drops a reference to True on every Python-side Signal.emit(): "
    "a kiosk left running aborts with 'Fatal Python error: bool_dealloc'. Use another PySide6 release.",
    strict=True,
)
def test_signals_do_not_drain_true(qtbot: QtBot, window: KioskWindow) -> None:
    before = sys.getrefcount(True)
    for _ in range(200):
        window.locked.emit()
    assert sys.getrefcount(True) > before - 100


def test_switching_language_on_a_brand_new_kiosk_keeps_asking_for_the_operator_pin(
    kiosk_path: Path, open_window: Callable[[Path], KioskWindow]
) -> None:
    window = open_window(kiosk_path)
    assert window.current_page() is window.setup
    window.set_language("en")
    assert window.current_page() is window.setup
    assert window.setup.create_button.text() == "Save operator PIN"
    window.set_language("id")


def test_activity_is_watched_only_away_from_the_picker(qtbot: QtBot, window: KioskWindow) -> None:
    """An application-wide event filter costs every event a trip through Python: none on the picker."""
    assert window.current_page() is window.picker and not window.watching_activity()
    unlock(qtbot, window)
    assert window.watching_activity()
    window.lock()
    assert window.current_page() is window.picker and not window.watching_activity()
