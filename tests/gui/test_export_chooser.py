"""The kiosk's own chooser (issue 10 §4): only the export folder and flashdisks, a bare file name,
*Ya, ganti* before a file is replaced, and one sentence when there is nowhere to save."""

from __future__ import annotations

import datetime as dt
import errno
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, click, find, unlock, unnamed_widgets
from wirausaha_desktop import i18n
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.problems import Problem
from wirausaha_desktop.gui import export_chooser
from wirausaha_desktop.gui.export_chooser import Choose, OpenChooser, SaveChooser, save_file
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import _
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services import places as places_module
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import build_demo_kiosk
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.places import Place, PlaceKind, PlacesService, Target

PACKAGE = Path(export_chooser.__file__).resolve().parents[1]


@pytest.fixture
def plugged() -> list[Place]:
    """The flashdisks plugged in (a test plugs and pulls them)."""
    return []


@pytest.fixture
def places(kiosk: Kiosk, plugged: list[Place]) -> PlacesService:
    return PlacesService(kiosk.settings, lambda: list(plugged))


@pytest.fixture
def folder(kiosk: Kiosk, places: PlacesService, tmp_path: Path) -> Path:
    path = tmp_path / "ekspor"
    path.mkdir()
    places.set_export_folder(Actor.operator(), path)
    return path


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget


def drive(tmp_path: Path, label: str = "FLASHDISK", writable: bool = True) -> Place:
    root = tmp_path / label
    root.mkdir(exist_ok=True)
    return Place(PlaceKind.DRIVE, root, label, writable)


def open_save(qtbot: QtBot, host: QWidget, places: PlacesService, proposed: str = "Sari-buku.csv") -> SaveChooser:
    dialog = SaveChooser(host, places, proposed, ".csv")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: SaveChooser | OpenChooser) -> list[str]:
    return [row.text() for row in dialog.rows]


def test_there_is_no_stock_file_dialog_anywhere_in_the_app() -> None:
    users = [p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py") if "QFileDialog" in p.read_text(encoding="utf-8")]
    assert users == []


def test_with_nowhere_to_save_it_says_so_in_one_sentence_and_what_to_do(
    qtbot: QtBot, host: QWidget, places: PlacesService, plugged: list[Place], tmp_path: Path
) -> None:
    dialog = open_save(qtbot, host, places)
    message = find(dialog, QWidget, "noPlaceMessage")
    assert message.isVisible()
    assert "petugas kios" in message.text() and "flashdisk" in message.text()
    assert message.text().count(".") == 1  # one sentence
    assert not find(dialog, QLineEdit, "fileNameInput").isVisible()
    assert not find(dialog, QPushButton, "chooserAct").isEnabled()
    plugged.append(drive(tmp_path))  # she plugs in a flashdisk and asks again
    click(qtbot, find(dialog, QPushButton, "placesRefresh"))
    assert rows(dialog) == [_("Flashdisk {name}", name="FLASHDISK")]
    assert not message.isVisible()
    assert find(dialog, QPushButton, "chooserAct").isEnabled()


def test_only_the_export_folder_and_flashdisks_are_offered_with_the_proposed_name(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, plugged: list[Place], tmp_path: Path
) -> None:
    plugged += [drive(tmp_path), drive(tmp_path, "KAMERA", writable=False)]
    dialog = open_save(qtbot, host, places)
    assert rows(dialog) == [
        _("Folder ekspor kios: {name}", name="ekspor"),
        _("Flashdisk {name}", name="FLASHDISK"),
        _("Flashdisk {name} (hanya bisa dibaca)", name="KAMERA"),
    ]
    assert [row.isEnabled() for row in dialog.rows] == [True, True, False]
    assert dialog.rows[0].isChecked()  # the export folder first, chosen
    assert find(dialog, QLineEdit, "fileNameInput").text() == "Sari-buku.csv"
    click(qtbot, dialog.rows[1])
    click(qtbot, find(dialog, QPushButton, "chooserAct"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.target == Target(plugged[0], "Sari-buku.csv")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("../../root/x", "file_name_slash"), ("/etc/passwd", "file_name_slash"), ("..", "file_name_dots"),
     ("a\x01b", "file_name_control")],
)  # fmt: skip
def test_the_name_is_only_a_name_and_a_path_is_refused_with_words(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, typed: str, code: str
) -> None:
    dialog = open_save(qtbot, host, places)
    name = find(dialog, QLineEdit, "fileNameInput")
    name.clear()
    QApplication.clipboard().setText(typed)  # pasted, as a name with a hidden character comes
    name.paste()
    problem = find(dialog, QWidget, "fileNameProblem")
    assert problem.isVisible()
    click(qtbot, find(dialog, QPushButton, "chooserAct"))
    assert dialog.isVisible() and dialog.target is None
    expected = Problem.of(code, **({"characters": ""} if code == "file_name_forbidden" else {}))
    assert problem.text() == describe(expected)
    assert list(folder.iterdir()) == []


def test_the_suffix_is_added_to_a_name_typed_without_it(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path
) -> None:
    dialog = open_save(qtbot, host, places)
    name = find(dialog, QLineEdit, "fileNameInput")
    name.clear()
    qtbot.keyClicks(name, "buku juli")
    click(qtbot, find(dialog, QPushButton, "chooserAct"))
    assert dialog.target == Target(places.places()[0], "buku juli.csv")


@pytest.mark.parametrize("answer", [False, True])
def test_a_file_already_there_is_replaced_only_after_ya_ganti(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, ask: FakeAsk, answer: bool
) -> None:
    (folder / "Sari-buku.csv").write_text("lama")
    ask.confirm_answer = answer
    dialog = open_save(qtbot, host, places)
    click(qtbot, find(dialog, QPushButton, "chooserAct"))
    assert ask.confirm_words == [(_("Ya, ganti"), _("Tidak"))]
    assert "Sari-buku.csv" in ask.confirms[0] and "ekspor" in ask.confirms[0]
    assert (dialog.target is not None) is answer
    assert dialog.isVisible() is not answer  # a "no" leaves her in the chooser to pick another name


def test_save_file_writes_through_a_temporary_file_and_names_what_stopped_it(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = Target(places.places()[0], "grafik.png")
    monkeypatch.setattr(Choose, "save_target", staticmethod(lambda *args: target))
    assert save_file(host, places, "grafik.png", ".png", lambda path: path.write_bytes(b"PNG")) == target
    assert (folder / "grafik.png").read_bytes() == b"PNG"

    def full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    assert save_file(host, places, "lain.png", ".png", full) == Problem.of("place_full", place="ekspor")
    assert sorted(p.name for p in folder.iterdir()) == ["grafik.png"]
    monkeypatch.setattr(Choose, "save_target", staticmethod(lambda *args: None))
    assert save_file(host, places, "x.png", ".png", full) is None


def test_open_lists_the_files_found_there_newest_first(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, plugged: list[Place], tmp_path: Path
) -> None:
    usb = drive(tmp_path)
    plugged.append(usb)
    (folder / "lama.csv").write_text("x")
    (usb.root / "juli").mkdir()
    (usb.root / "juli" / "baru.csv").write_text("x" * 2048)
    (usb.root / "foto.png").write_text("x")
    dialog = OpenChooser(host, places, (".csv",))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    shown = [row.accessibleName() for row in dialog.rows]
    assert sorted(shown) == ["juli/baru.csv", "lama.csv"]
    wanted = shown.index("juli/baru.csv")
    assert "FLASHDISK" in dialog.rows[wanted].text() and "2 KB" in dialog.rows[wanted].text()
    click(qtbot, dialog.rows[wanted])
    click(qtbot, find(dialog, QPushButton, "chooserAct"))
    assert dialog.found is not None and dialog.found.path == usb.root / "juli" / "baru.csv"


def test_open_with_nothing_to_open_says_what_to_do(qtbot: QtBot, host: QWidget, places: PlacesService) -> None:
    dialog = OpenChooser(host, places, (".csv",))
    qtbot.addWidget(dialog)
    dialog.open()
    message = find(dialog, QWidget, "noPlaceMessage")
    assert message.isVisible() and "petugas kios" in message.text()
    assert not find(dialog, QPushButton, "chooserAct").isEnabled()


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_choosers_fit_a_small_screen_with_big_named_targets(
    qtbot: QtBot, host: QWidget, places: PlacesService, folder: Path, plugged: list[Place], tmp_path: Path,
    language: str,
) -> None:  # fmt: skip
    i18n.set_language(language)
    plugged += [drive(tmp_path, f"USB{n}") for n in range(6)]  # more than fit: the list scrolls
    for n in range(12):
        (folder / f"buku-{n}.csv").write_text("x")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    for dialog in (SaveChooser(host, places, "Sari-buku.csv", ".csv"), OpenChooser(host, places, (".csv",))):
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        assert unnamed_widgets(dialog) == []
        for button in dialog.findChildren(QAbstractButton):
            if button.isVisible():
                assert button.height() >= 48, button.objectName()
        act = find(dialog, QPushButton, "chooserAct")
        assert dialog.rect().contains(act.geometry().translated(act.parentWidget().pos()).center())


# -- the standing page's chart pictures go through it -------------------------------------------
DEMO_NOW = dt.datetime(2026, 12, 1, 4, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_kiosk(path, FixedClock(DEMO_NOW))
    return path


def test_a_chart_picture_is_saved_only_where_the_chooser_says(
    qtbot: QtBot,
    demo_file: Path,
    tmp_path: Path,
    clock: FixedClock,
    open_window: Callable[[Path], KioskWindow],
    monkeypatch: pytest.MonkeyPatch,
    ask: FakeAsk,
) -> None:
    clock.advance(DEMO_NOW - clock.now())
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    usb = drive(tmp_path)
    monkeypatch.setattr(places_module, "removable_drives", lambda: [usb])
    window = open_window(path)
    unlock(qtbot, window, "Rina", "2222")
    window.book.standing_button.click()
    page = window.standing
    assert page is not None
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    asked: list[tuple[str, list[Place]]] = []

    def choose(parent: QWidget, places: PlacesService, proposed: str, suffix: str) -> Target:
        asked.append((proposed, places.places()))
        return Target(places.places()[0], proposed)

    monkeypatch.setattr(Choose, "save_target", staticmethod(choose))
    click(qtbot, page.export_button)
    assert asked == [("Rina-money_in_out.png", [usb])]  # only the flashdisk: no export folder set
    assert (usb.root / "Rina-money_in_out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ask.informed == [(_("Gambar tersimpan"), _("Tersimpan: {name} di {place}.", name="Rina-money_in_out.png",
                                                      place="FLASHDISK"))]  # fmt: skip

    def read_only_drive(key: str, target: Path) -> None:  # what a write-protected flashdisk answers
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(page, "export_chart", read_only_drive)
    click(qtbot, page.export_button)
    assert ask.warned == [(_("Gambar tidak tersimpan"), describe(Problem.of("place_read_only", place="FLASHDISK")))]
    assert sorted(p.name for p in usb.root.iterdir()) == ["Rina-money_in_out.png"]
