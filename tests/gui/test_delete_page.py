"""*Hapus buku* from the operator's menu: her book goes after one question that names what goes; she
may save her book file first; the picker no longer shows her; Sari's book is as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import FakeAsk, click, find, open_operator_menu
from tests.gui.test_csv_page import MONTH_CSV, export_folder, flashdisk, save_here  # noqa: F401 (fixtures)
from wirausaha_desktop.domain.model import Actor
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.gui.delete_page import DeletePage, result_words
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.i18n import _
from wirausaha_desktop.services.kiosk import Kiosk

OPERATOR = Actor.operator()


@pytest.fixture
def rina(prepared_kiosk: Kiosk) -> str:
    rina, _changes = prepared_kiosk.profiles.create(OPERATOR, "Rina", "Jajanan pasar", "2222", "screen")
    prepared_kiosk.exchange.import_csv_file(OPERATOR, rina.id, MONTH_CSV)
    prepared_kiosk.exchange.import_csv_file(OPERATOR, prepared_kiosk.profiles.find("Sari").id, MONTH_CSV)
    prepared_kiosk.backups.run_due()  # a copy that holds her book
    return rina.id


@pytest.fixture
def delete_page(
    qtbot: QtBot, prepared_kiosk: Kiosk, rina: str, kiosk_path: Path, open_window: Callable[[Path], KioskWindow]
) -> DeletePage:
    window = open_window(kiosk_path)
    click(qtbot, find(open_operator_menu(qtbot, window), QPushButton, "deleteBook"))
    page = window.delete_page
    assert window.current_page() is page
    return page


def choose(qtbot: QtBot, page: DeletePage, name: str) -> None:
    [button] = [b for b in page.group.buttons() if b.text() == name]
    click(qtbot, button)


def _sari_month(kiosk: Kiosk) -> object:
    return kiosk.book.summary(OPERATOR, kiosk.profiles.find("Sari").id, Period.month(2024, 7))


def test_her_book_goes_after_one_question_that_names_what_goes(
    qtbot: QtBot, delete_page: DeletePage, prepared_kiosk: Kiosk, ask: FakeAsk, kiosk_path: Path
) -> None:
    window = delete_page.window()
    assert isinstance(window, KioskWindow)
    now = find(delete_page, QPushButton, "deleteNow")
    assert not now.isEnabled()  # whose book first
    sari_before = _sari_month(prepared_kiosk)
    choose(qtbot, delete_page, "Rina")
    details = find(delete_page, QLabel, "deleteDetails").text()
    assert details == _(
        "Buku {name} berisi {entries} catatan dan {sessions} sesi pendampingan. {copies} salinan cadangan di kios "
        "ini juga memuat bukunya.",
        name="Rina", entries="23", sessions="0", copies="1",
    )  # fmt: skip
    assert now.text() == _("Hapus buku {name}", name="Rina")
    ask.confirm_answer = True
    click(qtbot, now)

    assert ask.confirm_words == [(_("Ya, hapus buku {name}", name="Rina"), _("Tidak"))]
    assert "23 catatan" in ask.confirms[0] and _("Ini tidak bisa dibatalkan.") in ask.confirms[0]
    result = delete_page.last_result
    assert result is not None and (result.entries, len(result.cleaned), result.left) == (23, 1, ())
    assert find(delete_page, QLabel, "deleteMessage").text() == result_words(result)
    assert [b.text() for b in delete_page.group.buttons()] == ["Sari"]
    assert "23 catatan" in find(delete_page, QLabel, "deletionLog").text()
    assert "Rina" not in find(delete_page, QLabel, "deletionLog").text()
    assert [p.name for p in prepared_kiosk.profiles.list()] == ["Sari"]
    assert _sari_month(prepared_kiosk) == sari_before
    assert not any(b"Rina" in f.read_bytes() for f in kiosk_path.parent.rglob("*") if f.is_file())
    assert not window.backups.paused  # backups carry on

    click(qtbot, find(delete_page, QPushButton, "deleteBack"))
    click(qtbot, find(window.operator_page, QPushButton, "operatorBack"))
    assert window.current_page() is window.picker
    with pytest.raises(StopIteration):
        window.picker.picker.card_for("Rina")
    assert window.picker.picker.card_for("Sari") is not None


def test_tidak_deletes_nothing(qtbot: QtBot, delete_page: DeletePage, prepared_kiosk: Kiosk, ask: FakeAsk) -> None:
    choose(qtbot, delete_page, "Rina")
    ask.confirm_answer = False
    click(qtbot, find(delete_page, QPushButton, "deleteNow"))
    assert len(ask.confirms) == 1 and delete_page.last_result is None
    assert [p.name for p in prepared_kiosk.profiles.list()] == ["Rina", "Sari"]
    assert prepared_kiosk.deletion.log(OPERATOR) == []


def test_she_takes_her_book_file_first_and_it_stays_where_it_was_saved(
    qtbot: QtBot,
    delete_page: DeletePage,
    prepared_kiosk: Kiosk,
    ask: FakeAsk,
    flashdisk: object,  # noqa: F811 (fixture: no real drive is listed)
    export_folder: Path,  # noqa: F811 (fixture)
    save_here: list[QWidget],  # noqa: F811 (fixture)
) -> None:
    choose(qtbot, delete_page, "Rina")
    click(qtbot, find(delete_page, QPushButton, "deleteSaveFirst"))
    saved = export_folder / "Rina-pindah-2024-07-27.buku"
    assert saved.exists()
    assert _("Buku {name} siap dibawa ke kios lain.", name="Rina") in find(delete_page, QLabel, "deleteMessage").text()
    ask.confirm_answer = True
    click(qtbot, find(delete_page, QPushButton, "deleteNow"))
    assert delete_page.last_result is not None
    assert saved.exists() and b"Rina" in saved.read_bytes()  # hers to take: the export folder is not the kiosk's
    assert "flashdisk" in ask.confirms[0]


def test_while_a_backup_is_being_written_it_waits(
    qtbot: QtBot, delete_page: DeletePage, prepared_kiosk: Kiosk, ask: FakeAsk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = delete_page.window()
    assert isinstance(window, KioskWindow)
    monkeypatch.setattr(type(window.backups), "running", property(lambda _self: True))
    choose(qtbot, delete_page, "Rina")
    click(qtbot, find(delete_page, QPushButton, "deleteNow"))
    assert ask.confirms == []  # not even asked: a copy being written now would still hold her book
    assert find(delete_page, QLabel, "deleteMessage").text() == _(
        "Cadangan sedang dibuat. Tunggu sebentar, lalu coba lagi."
    )
    assert len(prepared_kiosk.profiles.list()) == 2
