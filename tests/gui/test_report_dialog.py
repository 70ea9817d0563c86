"""Reports from the screen (issue 10 §1): she saves or prints her Rapor Usaha from the standing
page; her mentor, reading her book, also the SAK EMKM statements and the mentoring letter. Each
saved PDF is read back; printing goes to a real QPrinter (PDF output, as no printer is installed
here) after the app's own question, and with no printer the button says so and stays off."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, click, find, unlock, unnamed_widgets
from tests.unit.report.pdf_text import pages
from wirausaha_desktop.domain.model import AccessAction, Actor
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.gui.export_chooser import Choose
from wirausaha_desktop.gui.report_dialog import Printer, ReportDialog, ReportKind
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import _
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import DEMO_MENTOR_PIN, build_demo_kiosk
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.places import PlacesService, Target
from wirausaha_desktop.storage import people

DEMO_NOW = dt.datetime(2026, 12, 1, 4, 0, tzinfo=dt.UTC)  # the calendar has just turned
PINS = {"Sari": "1111", "Rina": "2222", "Dewi": "3333", "Ani": "4444"}
NOVEMBER = Period.month(2026, 11)
WORK_MS = 20_000  # drawing the charts: about a second, more on a busy machine


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_kiosk(path, FixedClock(DEMO_NOW))
    return path


@pytest.fixture
def demo_path(demo_file: Path, tmp_path: Path, clock: FixedClock) -> Path:
    clock.advance(DEMO_NOW - clock.now())
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def export_folder(demo_path: Path, tmp_path: Path, clock: FixedClock) -> Path:
    """The kiosk's export folder, set by the operator (the one place on the PC a report may go)."""
    folder = tmp_path / "ekspor"
    folder.mkdir()
    kiosk = Kiosk.open(demo_path, clock)
    PlacesService(kiosk.settings).set_export_folder(Actor.operator(), folder)
    kiosk.close()
    return folder


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kiosk's chooser answers "the export folder, under the proposed name"; remembers the names."""
    proposed: list[str] = []

    def save_target(parent: QWidget, places: PlacesService, name: str, suffix: str) -> Target | None:
        proposed.append(name)
        return Target(places.places()[0], name)

    monkeypatch.setattr(Choose, "save_target", staticmethod(save_target))
    return proposed


def her_dialog(qtbot: QtBot, window: KioskWindow, name: str = "Sari") -> ReportDialog:
    unlock(qtbot, window, name, PINS[name])
    click(qtbot, window.book.standing_button)
    standing = window.standing
    assert standing is not None
    button = find(standing, QPushButton, "openReport")
    assert button.height() >= 48 and button.accessibleName()
    click(qtbot, button)
    dialog = standing.report_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def mentor_dialog(qtbot: QtBot, window: KioskWindow, name: str = "Dewi") -> ReportDialog:
    click(qtbot, find(window.picker, QAbstractButton, "mentorTab"))
    click(qtbot, window.picker.picker.card_for("Bu Wati"))
    for digit in DEMO_MENTOR_PIN:
        click(qtbot, find(window.pin, QAbstractButton, f"pinDigit_{digit}"))
    click(qtbot, window.pin.unlock_button)
    caseload = window.mentor.caseload
    assert caseload.select_name(name)
    click(qtbot, find(caseload, QAbstractButton, "openBook"))
    assert window.book.mentor_view
    button = find(window.book, QAbstractButton, "mentorReports")
    assert button.height() >= 48 and button.accessibleName()
    click(qtbot, button)
    dialog = window.book.report_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def save_and_wait(qtbot: QtBot, dialog: ReportDialog) -> None:
    save = find(dialog, QPushButton, "reportSave")
    with qtbot.waitSignal(dialog.work_done, timeout=WORK_MS):
        click(qtbot, save)
        busy = find(dialog, QWidget, "reportBusy")  # the worker cannot have reported yet: its end is queued
        assert busy.isVisible() and not save.isEnabled() and not find(dialog, QPushButton, "reportMonth_0").isEnabled()
        assert find(dialog, QWidget, "reportMessage").text().startswith("Membuat ")
    assert not find(dialog, QWidget, "reportBusy").isVisible() and save.isEnabled()


def message(dialog: ReportDialog) -> str:
    return find(dialog, QWidget, "reportMessage").text()  # type: ignore[attr-defined, no-any-return]


# -- her Rapor Usaha ------------------------------------------------------------------------------
def test_she_saves_her_rapor_for_last_month_from_the_standing_page(
    qtbot: QtBot, open_window: Callable[[Path], KioskWindow], demo_path: Path, export_folder: Path, chosen: list[str]
) -> None:
    window = open_window(demo_path)
    dialog = her_dialog(qtbot, window)
    assert unnamed_widgets(dialog) == []
    assert dialog.kinds == (ReportKind.RAPOR,) and not dialog.findChildren(QPushButton, "reportKind_rapor")
    months = [find(dialog, QPushButton, f"reportMonth_{i}").text() for i in range(4)]
    assert months == ["Desember 2026\nbulan ini", "November 2026\nbulan lalu", "Oktober 2026", "September 2026"]
    assert all(find(dialog, QPushButton, f"reportMonth_{i}").height() >= 48 for i in range(4))
    assert dialog.period() == NOVEMBER  # the last complete month: she recorded in it

    save_and_wait(qtbot, dialog)
    assert chosen == ["rapor-usaha-sari-2026-11.pdf"]
    assert message(dialog) == "Tersimpan: rapor-usaha-sari-2026-11.pdf di ekspor."
    first, second = pages(export_folder / "rapor-usaha-sari-2026-11.pdf")
    assert "Rapor Usaha" in first and "Sari" in first and "November 2026" in first
    assert "Uang usaha dari hari ke hari" in second and "Dibuat oleh Sari" in second
    assert [p.name for p in export_folder.iterdir()] == ["rapor-usaha-sari-2026-11.pdf"]  # no temporary file left

    click(qtbot, find(dialog, QPushButton, "reportMonth_0"))  # this month, so far
    save_and_wait(qtbot, dialog)
    assert chosen[-1] == "rapor-usaha-sari-2026-12.pdf"
    assert "Desember 2026 (sampai 1 Desember)" in pages(export_folder / chosen[-1])[0]


def test_a_new_book_proposes_this_month(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]
) -> None:
    sari = prepared_kiosk.profiles.find("Sari")
    choice = prepared_kiosk.report.offered_months(Actor.beneficiary(sari.id), sari.id)
    assert choice.months == tuple(Period.month(2024, m) for m in (7, 6, 5, 4))
    assert choice.proposed == Period.month(2024, 7)  # nothing in June: July so far
    window = open_window(kiosk_path)
    unlock(qtbot, window)
    click(qtbot, window.book.standing_button)
    assert window.standing is not None
    click(qtbot, find(window.standing, QPushButton, "openReport"))
    dialog = window.standing.report_dialog
    assert dialog is not None and dialog.period() == Period.month(2024, 7)
    assert find(dialog, QPushButton, "reportMonth_0").isChecked()
    assert find(dialog, QPushButton, "reportMonth_0").text() == "Juli 2024\nbulan ini"


def test_a_cancelled_or_failed_save_says_so_and_leaves_nothing(
    qtbot: QtBot,
    open_window: Callable[[Path], KioskWindow],
    demo_path: Path,
    export_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(demo_path)
    dialog = her_dialog(qtbot, window)
    monkeypatch.setattr(Choose, "save_target", staticmethod(lambda *args: None))
    save_and_wait(qtbot, dialog)
    assert message(dialog) == "Tidak disimpan." and list(export_folder.iterdir()) == []

    def pulled(parent: QWidget, places: PlacesService, name: str, suffix: str) -> Target:
        target = Target(places.places()[0], name)
        shutil.rmtree(export_folder)  # the folder went away between the choice and the write
        return target

    monkeypatch.setattr(Choose, "save_target", staticmethod(pulled))
    save_and_wait(qtbot, dialog)
    assert message(dialog) == "ekspor tidak ada lagi (flashdisk dicabut?). Pasang lagi, lalu coba lagi."
    assert not export_folder.exists()


# -- printing -------------------------------------------------------------------------------------
def test_with_no_printer_installed_the_print_button_says_what_to_do(
    qtbot: QtBot, open_window: Callable[[Path], KioskWindow], demo_path: Path
) -> None:
    if QPrinterInfo.availablePrinters():
        pytest.skip("this machine has a printer: the no-printer path needs one without")
    window = open_window(demo_path)
    dialog = her_dialog(qtbot, window)  # the real list of installed printers: empty here
    words = _("Belum ada printer. Simpan PDF ke flashdisk lalu cetak di tempat lain.")
    button = find(dialog, QPushButton, "reportPrint")
    assert button.isVisible() and not button.isEnabled() and button.toolTip() == words
    note = find(dialog, QWidget, "noPrinterMessage")
    assert note.isVisible() and note.text() == words  # type: ignore[attr-defined]
    assert find(dialog, QPushButton, "reportSave").isEnabled()  # saving to a flashdisk still works


def pdf_printer(path: Path) -> Callable[[], QPrinter]:
    """A real QPrinter whose paper is a PDF file (what a kiosk's CUPS-PDF queue would do)."""

    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


@pytest.mark.parametrize("answer", [True, False])
def test_printing_asks_first_naming_the_printer_and_never_shows_qts_dialog(
    qtbot: QtBot, prepared_kiosk: Kiosk, ask: FakeAsk, tmp_path: Path, answer: bool
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    sari = prepared_kiosk.profiles.find("Sari")
    paper = tmp_path / "kertas.pdf"
    dialog = ReportDialog(
        host, prepared_kiosk, Actor.beneficiary(sari.id), sari,
        printers=lambda: [Printer("Printer kios", pdf_printer(paper))],
    )  # fmt: skip
    dialog.open()  # a child of ``host``: closed with it
    assert not find(dialog, QWidget, "noPrinterMessage").isVisible()
    ask.confirm_answer = answer
    printing = find(dialog, QPushButton, "reportPrint")
    if answer:
        with qtbot.waitSignal(dialog.work_done, timeout=WORK_MS):
            click(qtbot, printing)
            assert not printing.isEnabled()
    else:
        click(qtbot, printing)
    assert ask.confirm_words == [(_("Ya, cetak"), _("Tidak"))]
    assert ask.confirms == [
        "Rapor Usaha Juli 2024 dicetak di printer Printer kios. Pastikan printer menyala dan ada kertasnya."
    ]
    if not answer:
        assert not paper.exists() and message(dialog) == ""
        return
    assert message(dialog) == "Dikirim ke printer Printer kios: 2 halaman."
    first, second = pages(paper)
    assert "Rapor Usaha" in first and "Juli 2024 (sampai 27 Juli)" in first and "Halaman 2 dari 2" in second


# -- her mentor's three reports -------------------------------------------------------------------
def test_her_mentor_makes_all_three_and_each_is_in_her_access_log(
    qtbot: QtBot, open_window: Callable[[Path], KioskWindow], demo_path: Path, export_folder: Path, chosen: list[str]
) -> None:
    window = open_window(demo_path)
    dialog = mentor_dialog(qtbot, window)
    assert unnamed_widgets(dialog) == []
    assert dialog.title.text() == "Laporan Dewi"
    kinds = [find(dialog, QPushButton, f"reportKind_{kind.value}") for kind in ReportKind]
    assert [k.accessibleName() for k in kinds] == [
        "Rapor Usaha", "Laporan keuangan (SAK EMKM)", "Surat keterangan pendampingan"
    ]  # fmt: skip
    assert kinds[0].isChecked() and all(k.height() >= 48 for k in kinds)
    dewi = window.kiosk.profiles.find("Dewi")

    def reports_logged() -> list[str]:
        records = people.access_records(window.kiosk.conn, dewi.id, 1000)
        return [r.who for r in records if r.action is AccessAction.REPORT]

    before = reports_logged()

    expected = {
        ReportKind.RAPOR: ("rapor-usaha-dewi-2026-11.pdf", "Rapor Usaha"),
        ReportKind.STATEMENTS: ("laporan-keuangan-dewi-2026-11.pdf", "laba rugi"),
        ReportKind.LETTER: ("surat-pendampingan-dewi-2026-11.pdf", "SURAT KETERANGAN PENDAMPINGAN"),
    }
    for button, kind in zip(kinds, ReportKind, strict=True):
        click(qtbot, button)
        assert find(dialog, QWidget, "letterHint").isVisible() is (kind is ReportKind.LETTER)
        save_and_wait(qtbot, dialog)
        name, words = expected[kind]
        assert chosen[-1] == name and message(dialog) == f"Tersimpan: {name} di ekspor."
        text = " ".join(pages(export_folder / name))
        assert words.casefold() in text.casefold() and "Dewi" in text and "Bu Wati" in text

    assert sorted(reports_logged()) == sorted([*before, "Bu Wati", "Bu Wati", "Bu Wati"])


def test_she_has_no_mentor_buttons_and_her_mentor_hears_the_letters_refusal(
    qtbot: QtBot, open_window: Callable[[Path], KioskWindow], demo_path: Path, clock: FixedClock, chosen: list[str]
) -> None:
    kiosk, operator = Kiosk.open(demo_path, clock), Actor.operator()
    tini, _changes = kiosk.profiles.create(operator, "Tini", "Gorengan", "6666", "paper")
    kiosk.mentors.assign(operator, kiosk.mentors.find("Bu Wati").id, tini.id)  # no session yet
    kiosk.close()
    window = open_window(demo_path)
    unlock(qtbot, window, "Sari", PINS["Sari"])
    assert not find(window.book, QAbstractButton, "mentorReports").isVisible()
    window.lock()

    dialog = mentor_dialog(qtbot, window, "Tini")
    assert dialog.period() == Period.month(2026, 12)  # an empty book: this month
    click(qtbot, find(dialog, QPushButton, "reportKind_letter"))
    click(qtbot, find(dialog, QPushButton, "reportSave"))
    assert message(dialog) == (
        "Belum ada sesi pendampingan yang tercatat untuk Tini. Surat dibuat setelah sesi pertama."
    )
    assert chosen == [] and not dialog.is_busy()  # refused before anything is drawn or asked


def test_the_lock_closes_the_report_dialog(
    qtbot: QtBot, open_window: Callable[[Path], KioskWindow], demo_path: Path
) -> None:
    window = open_window(demo_path)
    dialog = mentor_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        window.lock()
    assert window.book.report_dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportDialog) and w.isVisible()]
