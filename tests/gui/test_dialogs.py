"""The kiosk's own dialogs and date field (issue 9, items 4 and 8): Indonesian words, big targets.

The dialogs are shown with ``open()`` (never a modal ``exec()`` in a test) and answered by taps.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QAbstractButton, QDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import click, find, unnamed_widgets
from wirausaha_desktop import i18n
from wirausaha_desktop.gui import theme
from wirausaha_desktop.gui.date_field import DateDialog, DateInput, month_title, weekday_names
from wirausaha_desktop.gui.dialogs import ConfirmDialog, MessageDialog, ReasonDialog, void_reasons

ENTRY = "27/07/2024, Penjualan, Rp15.000"


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """A window the size of the small kiosk screen, for the dialogs to sit on."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("id")


def buttons(dialog: QWidget) -> list[QAbstractButton]:
    return [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]


def assert_big(dialog: QWidget) -> None:
    small = [f"{b.objectName()} {b.width()}x{b.height()}" for b in buttons(dialog) if min(b.width(), b.height()) < 48]
    assert small == []
    assert unnamed_widgets(dialog) == []


def test_the_confirm_dialog_names_the_action_and_the_safe_answer_has_the_focus(qtbot: QtBot, host: QWidget) -> None:
    dialog = ConfirmDialog(host, "Batalkan catatan", f"Batalkan catatan ini?\n{ENTRY}", "Ya, batalkan", "Tidak")
    dialog.open()
    qtbot.waitExposed(dialog)
    assert find(dialog, QPushButton, "confirmYes").text() == "Ya, batalkan"
    assert find(dialog, QPushButton, "confirmNo").text() == "Tidak"
    assert dialog.no_button.isDefault()
    assert dialog.title.text() == "Batalkan catatan"  # on the page too: with no window manager, no title bar
    assert_big(dialog)
    assert host.frameGeometry().contains(dialog.frameGeometry())  # the kiosk window, 1024×600
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.yes_button)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_confirm_without_words_says_ya_and_tidak_and_no_is_a_refusal(qtbot: QtBot, host: QWidget) -> None:
    dialog = ConfirmDialog(host, "Periksa lagi", "Benar Rp12.000.000?")
    dialog.open()
    assert (dialog.yes_button.text(), dialog.no_button.text()) == ("Ya", "Tidak")
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.no_button)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_reason_is_one_tap_on_a_big_row_then_simpan(qtbot: QtBot, host: QWidget) -> None:
    dialog = ReasonDialog(host, ENTRY, void_reasons())
    dialog.open()
    qtbot.waitExposed(dialog)
    assert [row.text() for row in dialog.rows] == void_reasons()
    assert all(row.height() >= 48 for row in dialog.rows)
    assert ENTRY in dialog.text.text()
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    assert_big(dialog)
    assert host.frameGeometry().contains(dialog.frameGeometry())  # the kiosk window, 1024×600
    click(qtbot, find(dialog, QPushButton, "reason_3"))
    assert dialog.reason() == "Tercatat dua kali"
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_her_own_words_replace_a_chosen_row(qtbot: QtBot, host: QWidget) -> None:
    dialog = ReasonDialog(host, ENTRY, void_reasons())
    dialog.open()
    click(qtbot, dialog.rows[0])
    qtbot.keyClicks(find(dialog, QLineEdit, "reasonOther"), "  uangnya palsu ")
    assert dialog.group.checkedButton() is None
    assert dialog.reason() == "uangnya palsu"
    click(qtbot, dialog.rows[1])  # a row again: her typing goes
    assert dialog.other.text() == ""
    assert dialog.reason() == "Salah buku (usaha/pribadi)"
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(("kind", "words"), [("inform", "Baik"), ("warn", "Tutup"), ("error", "Tutup")])
def test_a_message_has_one_big_button(qtbot: QtBot, host: QWidget, kind: str, words: str) -> None:
    dialog = MessageDialog(host, kind, "Ada masalah", "Disk penuh.")
    dialog.open()
    qtbot.waitExposed(dialog)
    assert [b.text() for b in buttons(dialog)] == [words]
    assert_big(dialog)
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.ok_button)


def test_a_long_message_scrolls_and_keeps_its_button_on_a_small_screen(qtbot: QtBot, host: QWidget) -> None:
    dialog = MessageDialog(None, "error", "Maaf, ada kesalahan", "Keterangan untuk petugas.\n" * 80)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    button = dialog.ok_button.mapTo(dialog, dialog.ok_button.rect().bottomRight())
    assert dialog.rect().contains(button)


def test_english_dialogs_are_english(qtbot: QtBot, host: QWidget, english: None) -> None:
    dialog = ReasonDialog(host, ENTRY, void_reasons())
    dialog.open()
    assert (dialog.cancel_button.text(), dialog.save_button.text()) == ("Cancel", "Save")
    assert dialog.rows[0].text() == "Wrong amount"
    message = MessageDialog(host, "inform", "Restored", "Done.")
    assert message.ok_button.text() == "OK"
    dialog.reject()


# -- Qt's own words and locale -----------------------------------------------------------------


def test_qt_speaks_indonesian_and_english_when_asked(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    theme.apply(app)  # type: ignore[arg-type]
    assert QLocale().language() == QLocale.Language.Indonesian
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    words = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert words == ["&Urungkan", "&Ulangi", "&Potong", "&Salin", "&Tempel", "Hapus", "Pilih semua"]
    i18n.set_language("en")
    try:
        assert QLocale().language() == QLocale.Language.English
        menu = field.createStandardContextMenu()
        assert "&Copy" in [action.text().split("\t")[0] for action in menu.actions()]
    finally:
        i18n.set_language("id")
    assert QLocale().language() == QLocale.Language.Indonesian


# -- the date field -----------------------------------------------------------------------------

TODAY = QDate(2024, 12, 5)  # a Thursday


def test_month_and_day_names_are_indonesian_and_weeks_start_on_monday() -> None:
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    assert weekday_names(locale) == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    assert month_title(TODAY, locale) == "Desember 2024"


@pytest.fixture
def field(qtbot: QtBot, host: QWidget) -> DateInput:
    date = DateInput(TODAY)
    date.setParent(host)
    date.setObjectName("dateInput")
    date.setAccessibleName("Tanggal")
    date.setMaximumDate(TODAY)
    date.resize(400, 56)
    date.show()
    return date


def open_calendar(qtbot: QtBot, field: DateInput) -> DateDialog:
    click(qtbot, field)
    dialog = field.dialog
    assert dialog is not None, "a tap on the date opens the calendar"
    qtbot.waitExposed(dialog)
    return dialog


def test_the_date_field_shows_words_and_opens_a_big_indonesian_month(qtbot: QtBot, field: DateInput) -> None:
    assert field.text() == "Kamis, 5 Desember 2024"
    dialog = open_calendar(qtbot, field)
    assert dialog.month_label.text() == "Desember 2024"
    assert [find(dialog, QWidget, f"weekday_{i}").text() for i in range(7)][:3] == ["Sen", "Sel", "Rab"]
    days = [cell for cell in dialog.cells if cell.objectName().startswith("day_")]
    assert [cell.text() for cell in days] == [str(n) for n in range(1, 32)]
    assert dialog.cells.index(find(dialog, QPushButton, "day_2")) == 7  # 1 Dec 2024 is a Sunday: last column
    assert all(cell.width() >= 48 and cell.height() >= 48 for cell in days)
    assert find(dialog, QPushButton, "day_5").accessibleName() == "Kamis, 5 Desember 2024"
    assert_big(dialog)
    assert field.window().frameGeometry().contains(dialog.frameGeometry())


def test_a_tap_on_a_day_chooses_it_and_closes(qtbot: QtBot, field: DateInput) -> None:
    changed: list[QDate] = []
    field.dateChanged.connect(changed.append)
    dialog = open_calendar(qtbot, field)
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, find(dialog, QPushButton, "day_2"))
    assert field.date() == QDate(2024, 12, 2)
    assert changed == [QDate(2024, 12, 2)]
    assert field.dialog is None


def test_days_after_the_maximum_cannot_be_chosen_and_kemarin_can(qtbot: QtBot, field: DateInput) -> None:
    dialog = open_calendar(qtbot, field)
    assert not find(dialog, QPushButton, "day_6").isEnabled()
    assert not dialog.later.isEnabled()  # no month after today's
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, find(dialog, QPushButton, "dateYesterday"))
    assert field.date() == QDate(2024, 12, 4)
    dialog = open_calendar(qtbot, field)
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, find(dialog, QPushButton, "dateToday"))
    assert field.date() == TODAY


def test_an_earlier_month_then_batal_keeps_the_date(qtbot: QtBot, field: DateInput) -> None:
    dialog = open_calendar(qtbot, field)
    click(qtbot, dialog.earlier)
    assert dialog.month_label.text() == "November 2024"
    assert find(dialog, QPushButton, "day_30").isEnabled()
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, find(dialog, QPushButton, "dateCancel"))
    assert field.date() == TODAY


def test_set_date_is_held_within_the_bounds_like_a_date_edit(field: DateInput) -> None:
    changed: list[QDate] = []
    field.dateChanged.connect(changed.append)
    field.setDate(TODAY.addDays(3))  # after the maximum: stays today
    assert field.date() == TODAY
    assert changed == []
    field.setMinimumDate(TODAY.addDays(-2))
    field.setDate(TODAY.addDays(-10))
    assert field.date() == TODAY.addDays(-2)
    assert (field.minimumDate(), field.maximumDate()) == (TODAY.addDays(-2), TODAY)
    field.setDisplayFormat("d MMMM yyyy")
    assert field.text() == "3 Desember 2024"
    assert changed == [TODAY.addDays(-2)]


def test_the_calendar_is_english_in_english(qtbot: QtBot, field: DateInput, english: None) -> None:
    dialog = open_calendar(qtbot, field)
    assert dialog.month_label.text() == "December 2024"
    assert find(dialog, QWidget, "weekday_0").text() == "Mon"
    assert find(dialog, QPushButton, "dateToday").text() == "Today"
    dialog.reject()
