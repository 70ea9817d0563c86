"""CSV on the operator's screen (issue 10 §5): export through the chooser with a line naming the
file; import with a preview before anything is written, all or nothing, logged, then backed up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, click, find, open_operator_menu, unnamed_widgets
from tests.helpers import count_rows
from wirausaha_desktop import i18n
from wirausaha_desktop.domain.model import AccessAction, Actor, Ledger, Role
from wirausaha_desktop.domain.problems import Problem
from wirausaha_desktop.gui import fmt
from wirausaha_desktop.gui.csv_page import CsvPage
from wirausaha_desktop.gui.export_chooser import Choose, OpenChooser, SaveChooser
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import _
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services import places as places_module
from wirausaha_desktop.services.csv_preview import CsvPreviewService
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.places import FoundFile, Place, PlaceKind, PlacesService, Target
from wirausaha_desktop.storage import people

pytestmark = pytest.mark.usefixtures("ask")
MONTH_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "sari-2024-07.csv"
HEADER = "id,tanggal,buku,jenis,kategori,jumlah,catatan"


@pytest.fixture
def flashdisk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Place:
    """A flashdisk plugged in: the app finds it as it finds a real one (``removable_drives``)."""
    root = tmp_path / "FLASHDISK"
    root.mkdir()
    place = Place(PlaceKind.DRIVE, root, "FLASHDISK")
    monkeypatch.setattr(places_module, "removable_drives", lambda: [place])
    return place


@pytest.fixture
def export_folder(prepared_kiosk: Kiosk, tmp_path: Path) -> Path:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    PlacesService(prepared_kiosk.settings).set_export_folder(Actor.operator(), folder)
    return folder


@pytest.fixture
def csv_page(
    qtbot: QtBot, prepared_kiosk: Kiosk, kiosk_path: Path, flashdisk: Place, export_folder: Path,
    open_window: Callable[[Path], KioskWindow],
) -> CsvPage:  # fmt: skip
    window = open_window(kiosk_path)
    click(qtbot, find(open_operator_menu(qtbot, window), QPushButton, "openCsv"))
    page = window.csv_page
    assert window.current_page() is page
    return page


def choose(qtbot: QtBot, page: CsvPage, name: str) -> None:
    [button] = [b for b in page.group.buttons() if b.text() == name]
    click(qtbot, button)


@pytest.fixture
def save_here(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[SaveChooser]:
    """The real save chooser, opened without a modal loop: the test taps a place, then *Simpan*."""
    shown: list[SaveChooser] = []

    def save_target(parent: QWidget, places: PlacesService, proposed: str, suffix: str) -> Target | None:
        dialog = SaveChooser(parent, places, proposed, suffix)
        qtbot.addWidget(dialog)
        dialog.open()
        shown.append(dialog)
        act = find(dialog, QPushButton, "chooserAct")
        if act.isEnabled():
            click(qtbot, act)
        return dialog.target

    monkeypatch.setattr(Choose, "save_target", staticmethod(save_target))
    return shown


@pytest.fixture
def open_this(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The real open chooser: the test names the file (as shown) to tap; then *Buka*."""
    wanted: list[str] = []

    def file_to_open(parent: QWidget, places: PlacesService, suffixes: tuple[str, ...]) -> FoundFile | None:
        dialog = OpenChooser(parent, places, suffixes)
        qtbot.addWidget(dialog)
        dialog.open()
        [row] = [row for row in dialog.rows if row.accessibleName() == wanted[-1]]
        click(qtbot, row)
        click(qtbot, find(dialog, QPushButton, "chooserAct"))
        return dialog.found

    monkeypatch.setattr(Choose, "file_to_open", staticmethod(file_to_open))
    return wanted


def log_actions(kiosk: Kiosk, name: str) -> list[tuple[Role, AccessAction, str]]:
    profile = kiosk.profiles.find(name)
    return [(r.role, r.action, r.channel) for r in people.access_records(kiosk.conn, profile.id, 50)]


def test_the_operators_menu_opens_the_csv_page_and_back(qtbot: QtBot, csv_page: CsvPage) -> None:
    window = csv_page.window()
    assert isinstance(window, KioskWindow)
    assert not csv_page.export_button.isEnabled() and not csv_page.import_button.isEnabled()  # whose book first
    choose(qtbot, csv_page, "Sari")
    assert csv_page.export_button.isEnabled() and csv_page.import_button.isEnabled()
    assert "ekspor" in find(csv_page, QLabel, "csvPlaces").text()
    click(qtbot, find(csv_page, QPushButton, "csvBack"))
    assert window.current_page() is window.operator_page


def test_her_book_is_exported_where_the_chooser_says_named_and_logged(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, export_folder: Path, save_here: list[SaveChooser]
) -> None:
    sari = prepared_kiosk.profiles.find("Sari")
    prepared_kiosk.exchange.import_csv_file(Actor.operator(), sari.id, MONTH_CSV)
    choose(qtbot, csv_page, "Sari")
    click(qtbot, csv_page.export_button)
    assert [row.text() for row in save_here[0].rows] == [
        _("Folder ekspor kios: {name}", name="ekspor"),
        _("Flashdisk {name}", name="FLASHDISK"),
    ]
    written = export_folder / "Sari-buku-2024-07-27.csv"
    assert written.read_text(encoding="utf-8") == prepared_kiosk.exchange.export_csv(Actor.operator(), sari.id)
    assert sorted(p.name for p in export_folder.iterdir()) == ["Sari-buku-2024-07-27.csv"]  # no temporary left
    message = find(csv_page, QLabel, "csvMessage")
    assert message.isVisible()
    assert message.text() == _("Buku {name} diekspor. {saved}", name="Sari",
                               saved=_("Tersimpan: {name} di {place}.", name=written.name, place="ekspor"))  # fmt: skip
    assert (Role.OPERATOR, AccessAction.EXPORT_CSV, "app") in log_actions(prepared_kiosk, "Sari")


def test_with_nowhere_to_save_nothing_is_written_and_nothing_logged(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, save_here: list[SaveChooser],
    monkeypatch: pytest.MonkeyPatch, export_folder: Path,
) -> None:  # fmt: skip
    monkeypatch.setattr(places_module, "removable_drives", lambda: [])
    export_folder.rmdir()  # the folder the operator set is gone
    choose(qtbot, csv_page, "Sari")
    click(qtbot, csv_page.export_button)
    assert find(save_here[0], QLabel, "noPlaceMessage").isVisible()
    assert find(csv_page, QLabel, "csvMessage").text() == ""
    assert (Role.OPERATOR, AccessAction.EXPORT_CSV, "app") not in log_actions(prepared_kiosk, "Sari")


def test_import_shows_the_preview_first_then_writes_all_logs_and_backs_up(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, flashdisk: Place, open_this: list[str],
    kiosk_path: Path,
) -> None:  # fmt: skip
    (flashdisk.root / "juli").mkdir()
    (flashdisk.root / "juli" / "sari.csv").write_bytes(MONTH_CSV.read_bytes())
    sari = prepared_kiosk.profiles.find("Sari")
    expected = CsvPreviewService.of(prepared_kiosk).preview_file(Actor.operator(), sari.id, MONTH_CSV)
    before = count_rows(prepared_kiosk, "entries")
    choose(qtbot, csv_page, "Sari")
    open_this.append("juli/sari.csv")
    click(qtbot, csv_page.import_button)
    panel = find(csv_page, QWidget, "csvPreview")
    assert panel.isVisible() and not csv_page.export_button.isVisible()
    assert find(csv_page, QLabel, "csvPreviewTitle").text() == _("Impor ke buku {name}: {file}", name="Sari",
                                                                  file="juli/sari.csv")  # fmt: skip
    assert find(csv_page, QLabel, "csvPreviewRows").text().startswith("23 baris dibaca: 23 catatan baru, 0 sudah")
    for ledger in Ledger:
        totals = expected.book(ledger)
        assert find(csv_page, QLabel, f"csvTotal_{ledger.value}_in").text() == fmt.money(totals.money_in)
        assert find(csv_page, QLabel, f"csvTotal_{ledger.value}_out").text() == fmt.money(totals.money_out)
    assert find(csv_page, QLabel, "csvPreviewProblems").text() == ""
    assert count_rows(prepared_kiosk, "entries") == before  # nothing written by the preview
    confirm = find(csv_page, QPushButton, "csvImportConfirm")
    assert confirm.text() == _("Impor {count} catatan", count="23")
    click(qtbot, confirm)
    assert not panel.isVisible()
    assert find(csv_page, QLabel, "csvMessage").text() == _(
        "{added} catatan dari {file} diimpor ke buku {name}, {skipped} sudah ada.",
        added="23", file="juli/sari.csv", name="Sari", skipped="0",
    )  # fmt: skip
    balances = prepared_kiosk.book.balances(Actor.operator(), sari.id)
    for ledger in Ledger:  # the book gained what the preview said
        assert balances.of(ledger) == expected.book(ledger).money_in - expected.book(ledger).money_out
    assert (Role.OPERATOR, AccessAction.IMPORT_CSV, "app") in log_actions(prepared_kiosk, "Sari")
    backups = kiosk_path.parent / "backups"
    qtbot.waitUntil(lambda: backups.is_dir() and any(backups.rglob("*.sqlite")), timeout=10_000)


def test_a_file_with_problems_lists_them_by_line_and_column_and_cannot_be_imported(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, flashdisk: Place, open_this: list[str]
) -> None:
    rows = [",2024-07-01,usaha,masuk,Penjualan,50000,"] + [",2024-07-xx,usaha,masuk,Penjualan,1,"] * 7
    (flashdisk.root / "rusak.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    before = count_rows(prepared_kiosk, "entries")
    choose(qtbot, csv_page, "Sari")
    open_this.append("rusak.csv")
    click(qtbot, csv_page.import_button)
    problems = find(csv_page, QLabel, "csvPreviewProblems").text().splitlines()
    first = describe(Problem.of("date_malformed", line=3, column="tanggal", text="2024-07-xx"))
    assert problems[0] == first
    assert len(problems) == 6 and problems[-1] == _("…dan {count} masalah lain.", count=2)
    assert not find(csv_page, QPushButton, "csvImportConfirm").isVisible()
    assert find(csv_page, QLabel, "csvPreviewVerdict").text().startswith("Tidak ada yang diimpor")
    click(qtbot, find(csv_page, QPushButton, "csvPreviewCancel"))
    assert csv_page.export_button.isVisible()
    assert count_rows(prepared_kiosk, "entries") == before


def test_a_file_changed_after_its_preview_writes_nothing(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, flashdisk: Place, open_this: list[str]
) -> None:
    path = flashdisk.root / "juli.csv"
    path.write_bytes(MONTH_CSV.read_bytes())
    choose(qtbot, csv_page, "Sari")
    open_this.append("juli.csv")
    click(qtbot, csv_page.import_button)
    path.write_text(MONTH_CSV.read_text(encoding="utf-8") + "2024-07-20;usaha;masuk;Penjualan;banyak;\n")
    before = count_rows(prepared_kiosk, "entries")
    click(qtbot, find(csv_page, QPushButton, "csvImportConfirm"))
    assert find(csv_page, QLabel, "csvMessage").text() == describe(
        Problem.of("amount_not_number", line=25, column="jumlah", text="banyak")
    )
    assert count_rows(prepared_kiosk, "entries") == before  # all or nothing, as on the command line


def test_a_long_file_shows_its_progress(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, flashdisk: Place, open_this: list[str]
) -> None:
    rows = [f",2024-07-{1 + n % 27:02d},usaha,masuk,Penjualan,{n + 1},baris {n}" for n in range(12_000)]
    (flashdisk.root / "besar.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    seen: list[int] = []
    csv_page.progress.valueChanged.connect(seen.append)
    choose(qtbot, csv_page, "Sari")
    open_this.append("besar.csv")
    click(qtbot, csv_page.import_button)
    previewed = list(seen)
    assert len([v for v in previewed if 0 < v < 1000]) >= 3 and 1000 in previewed
    click(qtbot, find(csv_page, QPushButton, "csvImportConfirm"))
    imported = seen[len(previewed) :]
    assert any(0 < v < 1000 for v in imported) and 1000 in imported
    assert not csv_page.progress.isVisible()
    assert count_rows(prepared_kiosk, "entries") == 12_000


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_page_and_its_preview_fit_1024_by_600_with_big_named_targets(
    qtbot: QtBot, csv_page: CsvPage, flashdisk: Place, open_this: list[str], language: str, ask: FakeAsk
) -> None:
    window = csv_page.window()
    assert isinstance(window, KioskWindow)
    if language == "en":
        window.set_language("en")  # the pages are rebuilt in English
        assert i18n.language() == "en"
        window._operator = Actor.operator()
        window._show_csv()
    page = window.csv_page
    window.resize(1024, 600)
    rows = [",2024-07-01,usaha,masuk,Penjualan,50000,"] + [",2024-07-xx,usaha,masuk,Penjualan,1,"] * 7
    (flashdisk.root / "rusak.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    choose(qtbot, page, "Sari")
    for shown in (False, True):
        if shown:
            open_this.append("rusak.csv")
            click(qtbot, page.import_button)
        qtbot.wait(20)
        assert unnamed_widgets(page) == []
        for button in page.findChildren(QAbstractButton):
            if button.isVisible():
                assert button.height() >= 48, button.objectName()
                corner = button.mapTo(page, button.rect().bottomRight())
                assert page.rect().contains(corner), button.objectName()


# -- Pindahkan buku ------------------------------------------------------------------------------
def test_her_whole_book_goes_to_a_book_file_and_coming_back_changes_nothing(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, export_folder: Path, save_here: list[SaveChooser],
    open_this: list[str], ask: FakeAsk,
) -> None:  # fmt: skip
    sari = prepared_kiosk.profiles.find("Sari")
    prepared_kiosk.exchange.import_csv_file(Actor.operator(), sari.id, MONTH_CSV)
    choose(qtbot, csv_page, "Sari")
    click(qtbot, find(csv_page, QPushButton, "bookExport"))
    written = export_folder / "Sari-pindah-2024-07-27.buku"
    assert sorted(p.name for p in export_folder.iterdir()) == [written.name]  # whole, no temporary left
    assert find(csv_page, QLabel, "csvMessage").text().startswith("Buku Sari siap dibawa ke kios lain.")
    assert (Role.OPERATOR, AccessAction.EXPORT_BOOK, "app") in log_actions(prepared_kiosk, "Sari")
    ask.confirm_answer = True
    open_this.append(written.name)
    before = count_rows(prepared_kiosk, "entries")
    click(qtbot, find(csv_page, QPushButton, "bookImport"))
    assert ask.confirm_words[-1] == (_("Ya, gabungkan"), _("Tidak"))
    assert find(csv_page, QLabel, "csvMessage").text() == _(
        'Buku "{name}" sudah sama dengan di kios ini; tidak ada yang berubah.', name="Sari"
    )
    assert count_rows(prepared_kiosk, "entries") == before


def test_a_book_whose_name_is_taken_here_comes_in_under_another_name_after_asking(
    qtbot: QtBot, csv_page: CsvPage, prepared_kiosk: Kiosk, flashdisk: Place, open_this: list[str], ask: FakeAsk,
    tmp_path: Path,
) -> None:  # fmt: skip
    from wirausaha_desktop.services.transfer import TransferService

    other = Kiosk.open(tmp_path / "kios-lain.sqlite", prepared_kiosk.clock)  # another kiosk's Sari
    try:
        hers, _changes = other.profiles.create(Actor.operator(), "Sari", "Jahit", "4321", "paper")
        other.exchange.import_csv_file(Actor.operator(), hers.id, MONTH_CSV)
        TransferService.of(other).export_book(Actor.operator(), hers.id, flashdisk.root / "sari-jahit.buku")
    finally:
        other.close()
    open_this.append("sari-jahit.buku")
    ask.confirm_answer = False
    click(qtbot, find(csv_page, QPushButton, "bookImport"))
    assert '"Sari 2"' in ask.confirms[-1] and ask.confirm_words[-1][0] == _("Ya, masukkan sebagai {new}", new="Sari 2")
    assert sorted(p.name for p in prepared_kiosk.profiles.list()) == ["Sari"]  # "no": nothing written
    ask.confirm_answer = True
    click(qtbot, find(csv_page, QPushButton, "bookImport"))
    assert sorted(p.name for p in prepared_kiosk.profiles.list()) == ["Sari", "Sari 2"]
    assert [b.text() for b in csv_page.group.buttons()] == ["Sari", "Sari 2"]
    assert find(csv_page, QLabel, "csvMessage").text().startswith('Buku "Sari 2" dimasukkan sebagai profil baru: 23')
