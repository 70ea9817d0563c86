"""The entry dialog, driven from the main screen: money in and out of both books, moves, mistakes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, choice_button, click, find, open_entry_dialog, record
from tests.helpers import category_id
from wirausaha_desktop.domain.model import Direction, Entry, Ledger, MoveKind
from wirausaha_desktop.gui.book_words import move_choices
from wirausaha_desktop.gui.entry_dialog import EntryDialog
from wirausaha_desktop.gui.ledger_panel import LedgerPanel
from wirausaha_desktop.gui.models import EntryColumn
from wirausaha_desktop.gui.window import KioskWindow

pytestmark = pytest.mark.usefixtures("ask")  # any unexpected question fails the test instead of hanging

TODAY = dt.date(2024, 7, 27)
SALES = "Penjualan"
STOCK = "Kulakan / belanja dagangan"
WAGES = "Gaji / upah keluarga"
KITCHEN = "Makan / belanja dapur"


def entries(window: KioskWindow, ledger: Ledger, include_voided: bool = False) -> list[Entry]:
    """What the book holds, read through the services (not the screen)."""
    book = window.book
    assert book.actor is not None and book.profile is not None
    return window.kiosk.book.recent_entries(book.actor, book.profile.id, ledger, 50, include_voided)


def table_text(panel: LedgerPanel, row: int, column: EntryColumn) -> str:
    return str(panel.model.index(row, column).data())


def amount_input(dialog: EntryDialog) -> QLineEdit:
    return find(dialog, QLineEdit, "amountInput")


def echo(dialog: EntryDialog) -> str:
    return find(dialog, QLabel, "amountEcho").text()


def save_button(dialog: EntryDialog) -> QPushButton:
    return find(dialog, QPushButton, "saveEntry")


def full_move_name(kind: MoveKind) -> str:
    return next(c.full_name for c in move_choices() if c.id == kind.value)


# -- one entry in each book and each direction --------------------------------------------------


@pytest.mark.parametrize(
    ("button", "choice", "ledger", "direction", "short_name", "balance", "enter_key"),
    [
        ("businessMoneyIn", SALES, Ledger.BUSINESS, Direction.IN, "Penjualan", "Rp15.000", False),
        ("businessMoneyOut", STOCK, Ledger.BUSINESS, Direction.OUT, "Kulakan", "-Rp15.000", True),
        ("personalMoneyIn", WAGES, Ledger.PERSONAL, Direction.IN, "Gaji", "Rp15.000", False),
        ("personalMoneyOut", KITCHEN, Ledger.PERSONAL, Direction.OUT, "Makan", "-Rp15.000", False),
    ],
)
def test_an_entry_in_each_book_and_direction(
    qtbot: QtBot,
    unlocked: KioskWindow,
    button: str,
    choice: str,
    ledger: Ledger,
    direction: Direction,
    short_name: str,
    balance: str,
    enter_key: bool,
) -> None:
    record(qtbot, unlocked, button, "15rb", choice, enter_key=enter_key)

    saved = entries(unlocked, ledger)
    assert [(e.amount, e.direction, e.date) for e in saved] == [(15_000, direction, TODAY)]
    other = Ledger.PERSONAL if ledger is Ledger.BUSINESS else Ledger.BUSINESS
    assert entries(unlocked, other) == []

    panel = unlocked.book.business if ledger is Ledger.BUSINESS else unlocked.book.personal
    other_panel = unlocked.book.personal if ledger is Ledger.BUSINESS else unlocked.book.business
    label = find(unlocked.book, QLabel, f"{ledger.value}Balance")
    assert label is panel.balance
    assert label.text() == balance
    assert other_panel.balance.text() == "Rp0"
    assert panel.model.rowCount() == 1
    assert table_text(panel, 0, EntryColumn.CATEGORY) == short_name
    sign = "+" if direction is Direction.IN else "−"
    assert table_text(panel, 0, EntryColumn.AMOUNT) == f"{sign} Rp15.000"
    assert other_panel.model.rowCount() == 0
    assert not panel.empty_hint.isVisible()


def test_two_entries_add_up_and_newest_is_on_top(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "50.000", SALES)
    record(qtbot, unlocked, "businessMoneyOut", "Rp 12.500", STOCK)
    assert unlocked.book.business.balance.text() == "Rp37.500"
    assert unlocked.book.business.model.rowCount() == 2
    assert table_text(unlocked.book.business, 0, EntryColumn.CATEGORY) == "Kulakan"


def test_banknote_buttons_add_up(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    for note in ("banknote_5000", "banknote_5000", "banknote_2000"):
        click(qtbot, find(dialog, QPushButton, note))
    assert dialog.amount() == 12_000
    assert echo(dialog) == "Rp12.000"
    click(qtbot, find(dialog, QPushButton, "clearAmount"))
    assert dialog.amount() is None
    assert amount_input(dialog).text() == ""
    click(qtbot, find(dialog, QPushButton, "banknote_100000"))
    click(qtbot, choice_button(dialog, SALES))
    click(qtbot, save_button(dialog))
    assert [e.amount for e in entries(unlocked, Ledger.BUSINESS)] == [100_000]
    assert unlocked.book.business.balance.text() == "Rp100.000"


def test_banknotes_add_to_a_typed_amount(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "personalMoneyOut")
    qtbot.keyClicks(amount_input(dialog), "1,5jt")
    click(qtbot, find(dialog, QPushButton, "banknote_50000"))
    assert dialog.amount() == 1_550_000
    assert echo(dialog) == "Rp1.550.000"


def test_a_sale_from_the_book_takes_three_taps(qtbot: QtBot, unlocked: KioskWindow) -> None:
    """Issue 9 §7: Penjualan is already chosen for business money in: Uang Masuk, a banknote, Simpan."""
    taps = 0

    def tap(widget: QWidget) -> None:
        nonlocal taps
        taps += 1
        click(qtbot, widget)

    tap(find(unlocked.book, QPushButton, "businessMoneyIn"))
    dialog = unlocked.book.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert choice_button(dialog, SALES).isChecked()
    tap(find(dialog, QPushButton, "banknote_20000"))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        tap(save_button(dialog))
    assert taps <= 4
    [sale] = entries(unlocked, Ledger.BUSINESS)
    assert (sale.amount, sale.category_id) == (20_000, category_id(unlocked.kiosk, SALES))


@pytest.mark.parametrize("button", ["businessMoneyOut", "personalMoneyIn", "personalMoneyOut", "moveMoney"])
def test_only_business_money_in_opens_with_a_choice_made(qtbot: QtBot, unlocked: KioskWindow, button: str) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, button)
    assert dialog.category_input.selected() is None


def red(widget: QWidget) -> bool:
    return widget.property("role") == "error" or widget.property("invalid") is True


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("15,5", "Rupiah tidak pakai sen"),
        ("abc", '"abc" bukan angka'),
        ("0", "Jumlah tidak boleh nol"),
        ("15.5.5", "tidak bisa dibaca"),
    ],
)
def test_an_invalid_amount_says_why_in_grey_then_in_red_when_she_saves(
    qtbot: QtBot, unlocked: KioskWindow, typed: str, why: str
) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    qtbot.keyClicks(amount_input(dialog), typed)

    assert why in echo(dialog)  # said while she types, but not as a mistake: she may not be done
    assert dialog.amount() is None
    echo_label, problem = find(dialog, QLabel, "amountEcho"), find(dialog, QLabel, "dialogProblem")
    assert not red(echo_label) and not red(amount_input(dialog))
    assert problem.text() == ""

    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)  # Enter does not get round the check
    assert dialog.isVisible()
    assert red(echo_label) and red(amount_input(dialog))
    assert why in echo(dialog)
    assert problem.text() == "Jumlahnya belum bisa disimpan."
    assert entries(unlocked, Ledger.BUSINESS) == []

    amount_input(dialog).clear()
    qtbot.keyClicks(amount_input(dialog), "15rb")
    assert echo(dialog) == "Rp15.000"
    assert not red(echo_label) and not red(amount_input(dialog))
    assert problem.text() == ""


def test_save_asks_for_what_the_money_was_for_only_when_pressed(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyOut")
    problem = find(dialog, QLabel, "dialogProblem")
    assert save_button(dialog).isEnabled()
    qtbot.keyClicks(amount_input(dialog), "20rb")
    assert problem.text() == ""  # nothing is wrong yet: she has not pressed Simpan
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    assert problem.text() == "Pilih untuk apa uang ini."
    click(qtbot, choice_button(dialog, STOCK))
    assert problem.text() == ""
    assert entries(unlocked, Ledger.BUSINESS) == []


def test_save_with_nothing_typed_says_what_is_missing(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "personalMoneyOut")
    assert find(dialog, QLabel, "amountEcho").text() == "Ketik jumlah atau tekan uang kertas."
    click(qtbot, choice_button(dialog, KITCHEN))
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    assert echo(dialog) == "Tulis jumlahnya dulu, atau tekan uang kertas."
    assert red(find(dialog, QLabel, "amountEcho"))
    assert entries(unlocked, Ledger.PERSONAL) == []


def test_escape_cancels_and_writes_nothing(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "personalMoneyIn")
    qtbot.keyClicks(amount_input(dialog), "15rb")
    click(qtbot, choice_button(dialog, WAGES))
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Escape)
    assert unlocked.book.dialog is None
    assert entries(unlocked, Ledger.PERSONAL) == []
    assert unlocked.book.personal.balance.text() == "Rp0"
    assert unlocked.book.personal.model.rowCount() == 0
    assert not unlocked.book.toast.isVisible()


def test_cancel_button_writes_nothing(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    qtbot.keyClicks(amount_input(dialog), "15rb")
    click(qtbot, choice_button(dialog, SALES))
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        click(qtbot, find(dialog, QPushButton, "cancelEntry"))
    assert entries(unlocked, Ledger.BUSINESS) == []


def test_yesterday_button_saves_with_yesterdays_date(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    assert dialog.day() == TODAY
    assert "(hari ini)" in dialog.date_text.text()
    click(qtbot, find(dialog, QPushButton, "yesterdayButton"))
    assert dialog.day() == TODAY - dt.timedelta(days=1)
    assert dialog.date_text.text() == "Jumat, 26 Juli 2024 (kemarin)"
    qtbot.keyClicks(amount_input(dialog), "15rb")
    qtbot.keyClicks(find(dialog, QLineEdit, "noteInput"), "pasar pagi")
    click(qtbot, choice_button(dialog, SALES))
    click(qtbot, save_button(dialog))
    [saved] = entries(unlocked, Ledger.BUSINESS)
    assert saved.date == dt.date(2024, 7, 26)
    assert saved.note == "pasar pagi"


def test_the_date_cannot_be_after_today(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    dialog.set_day(TODAY + dt.timedelta(days=3))
    assert dialog.day() == TODAY
    click(qtbot, find(dialog, QPushButton, "yesterdayButton"))
    click(qtbot, find(dialog, QPushButton, "todayButton"))
    assert dialog.day() == TODAY


def test_more_than_ten_million_asks_first_and_no_saves_nothing(
    qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk
) -> None:
    ask.confirm_answer = False
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    qtbot.keyClicks(amount_input(dialog), "12jt")
    click(qtbot, save_button(dialog))
    assert ask.confirms == ["Benar Rp12.000.000?\nJumlah ini lebih dari Rp10.000.000."]
    assert dialog.isVisible()
    assert amount_input(dialog).hasSelectedText()  # "Tidak": typing replaces the amount at once
    assert entries(unlocked, Ledger.BUSINESS) == []

    ask.confirm_answer = True
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, save_button(dialog))
    assert len(ask.confirms) == 2
    assert [e.amount for e in entries(unlocked, Ledger.BUSINESS)] == [12_000_000]
    assert unlocked.book.business.balance.text() == "Rp12.000.000"


def her_sales(window: KioskWindow, amounts_days_ago: list[tuple[int, int]]) -> None:
    book = window.book
    assert book.actor is not None and book.profile is not None
    sales = category_id(window.kiosk, SALES)
    for amount, days_ago in amounts_days_ago:
        day = TODAY - dt.timedelta(days=days_ago)
        window.kiosk.book.record_entry(book.actor, book.profile.id, sales, amount, day)


def test_five_times_her_usual_sale_asks_with_her_usual_in_words(
    qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk
) -> None:
    her_sales(unlocked, [(20_000, 1), (25_000, 10), (18_000, 40), (2_000_000, 95), (2_000_000, 120)])
    ask.confirm_answer = True
    dialog = open_entry_dialog(qtbot, unlocked, "businessMoneyIn")
    qtbot.keyClicks(amount_input(dialog), "150rb")  # one zero too many for her 15rb
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, save_button(dialog))
    # the two large sales are older than 90 days: her usual is the median of the last three
    assert ask.confirms == ["Benar Rp150.000?\nBiasanya untuk ini sekitar Rp20.000."]


def test_an_amount_like_her_usual_is_not_questioned(qtbot: QtBot, unlocked: KioskWindow, ask: FakeAsk) -> None:
    her_sales(unlocked, [(20_000, 1), (25_000, 10), (18_000, 40)])
    record(qtbot, unlocked, "businessMoneyIn", "100rb", SALES)  # five times 20rb: not more than that
    record(qtbot, unlocked, "businessMoneyIn", "9jt", "Bantuan modal usaha")  # no history, under Rp10 juta
    record(qtbot, unlocked, "businessMoneyOut", "300rb", STOCK)  # ask.confirm_answer None: a question fails
    assert ask.confirms == []


# -- moves --------------------------------------------------------------------------------------


def test_owner_pay_moves_money_from_business_to_personal(qtbot: QtBot, unlocked: KioskWindow) -> None:
    record(qtbot, unlocked, "businessMoneyIn", "100rb", SALES)
    dialog = open_entry_dialog(qtbot, unlocked, "move_owner_pay")
    assert dialog.category_input.selected() == MoveKind.OWNER_PAY.value
    qtbot.keyClicks(amount_input(dialog), "40rb")
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, save_button(dialog))

    assert unlocked.book.business.balance.text() == "Rp60.000"
    assert unlocked.book.personal.balance.text() == "Rp40.000"
    [paid_out, sale] = entries(unlocked, Ledger.BUSINESS)
    [paid_in] = entries(unlocked, Ledger.PERSONAL)
    assert (paid_out.move_kind, paid_out.direction, paid_out.amount) == (MoveKind.OWNER_PAY, Direction.OUT, 40_000)
    assert (paid_in.move_kind, paid_in.direction) == (MoveKind.OWNER_PAY, Direction.IN)
    assert paid_out.move_id == paid_in.move_id is not None
    assert sale.category_id is not None
    assert table_text(unlocked.book.business, 0, EntryColumn.CATEGORY) == "Ambil untuk pribadi"
    assert table_text(unlocked.book.personal, 0, EntryColumn.CATEGORY) == "Ambil untuk pribadi"


def test_top_up_through_the_move_button(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "moveMoney")
    assert dialog.category_input.selected() is None
    qtbot.keyClicks(amount_input(dialog), "25rb")
    click(qtbot, save_button(dialog))
    assert dialog.isVisible() and find(dialog, QLabel, "dialogProblem").text() == "Pilih untuk apa uang ini."
    click(qtbot, choice_button(dialog, full_move_name(MoveKind.TOP_UP)))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Enter)

    assert unlocked.book.business.balance.text() == "Rp25.000"
    assert unlocked.book.personal.balance.text() == "-Rp25.000"
    assert table_text(unlocked.book.business, 0, EntryColumn.CATEGORY) == "Tambah modal"
    assert table_text(unlocked.book.personal, 0, EntryColumn.CATEGORY) == "Tambah modal"


def move_names(dialog: EntryDialog) -> list[str]:
    return [button.accessibleName() for button in dialog.category_input.buttons()]


def test_start_capital_is_no_longer_offered_once_recorded(qtbot: QtBot, unlocked: KioskWindow) -> None:
    start_capital = full_move_name(MoveKind.START_CAPITAL)
    dialog = open_entry_dialog(qtbot, unlocked, "moveMoney")
    assert start_capital in move_names(dialog)
    dialog.reject()
    dialog = open_entry_dialog(qtbot, unlocked, "move_start_capital")
    qtbot.keyClicks(amount_input(dialog), "500rb")
    click(qtbot, save_button(dialog))
    assert unlocked.book.business.balance.text() == "Rp500.000"
    assert not unlocked.book.start_capital_button.isVisible()  # declared once: no longer offered

    dialog = open_entry_dialog(qtbot, unlocked, "moveMoney")  # nor in the move dialog
    assert move_names(dialog) == [full_move_name(MoveKind.OWNER_PAY), full_move_name(MoveKind.TOP_UP)]
    dialog.reject()
    assert unlocked.book.open_move_dialog("start_capital") is not None  # asked for anyway: nothing chosen
    assert unlocked.book.dialog is not None and unlocked.book.dialog.category_input.selected() is None


def test_start_capital_a_second_time_is_refused_in_the_dialog(qtbot: QtBot, unlocked: KioskWindow) -> None:
    dialog = open_entry_dialog(qtbot, unlocked, "move_start_capital")
    qtbot.keyClicks(amount_input(dialog), "100rb")
    # Recorded another way while this dialog was open: the service refuses the second all the same.
    book = unlocked.book
    assert book.actor is not None and book.profile is not None
    unlocked.kiosk.book.move_money(book.actor, book.profile.id, MoveKind.START_CAPITAL, 500_000, TODAY)
    book.refresh()
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    problem = find(dialog, QLabel, "dialogProblem").text()
    assert problem.startswith("Modal awal sudah pernah dicatat")
    assert len(entries(unlocked, Ledger.BUSINESS)) == 1
    assert len(entries(unlocked, Ledger.PERSONAL)) == 1
    assert unlocked.book.business.balance.text() == "Rp500.000"
    assert unlocked.book.personal.balance.text() == "-Rp500.000"

    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Escape)
    assert unlocked.book.dialog is None
