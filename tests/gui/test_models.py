"""EntriesModel and BackupModel: proper Qt models, numbers right-aligned, raw values for sorting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from wirausaha_desktop import i18n
from wirausaha_desktop.domain.categories import category_id, default_categories
from wirausaha_desktop.domain.model import MOVE_NAMES, Category, Direction, Entry, Ledger, MoveKind
from wirausaha_desktop.gui import fmt, icons
from wirausaha_desktop.gui.models import (
    ENTRY_ID_ROLE,
    MOVE_ACTIONS,
    SORT_ROLE,
    BackupColumn,
    BackupModel,
    EntriesModel,
    EntryColumn,
    move_name,
)
from wirausaha_desktop.services.backup import BackupCopy

SALES = category_id(Ledger.BUSINESS, "Penjualan")
STOCK = category_id(Ledger.BUSINESS, "Kulakan / belanja dagangan")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@pytest.fixture
def categories() -> dict[str, Category]:
    return {c.id: c for c in default_categories()}


def entry(
    entry_id: str,
    amount: int,
    direction: Direction,
    day: int = 27,
    *,
    category: str | None = SALES,
    note: str = "",
    move: MoveKind | None = None,
    voided: bool = False,
) -> Entry:
    return Entry(
        id=entry_id,
        profile_id="p",
        ledger=Ledger.BUSINESS,
        direction=direction,
        amount=amount,
        date=dt.date(2024, 7, day),
        note=note,
        category_id=None if move else category,
        move_id="m1" if move else None,
        move_kind=move,
        created_at="2024-07-27T03:00:00.000000Z",
        voided_at="2024-07-27T04:00:00.000000Z" if voided else None,
        void_reason="Salah jumlah" if voided else None,
    )


ENTRIES = [
    entry("a", 15_000, Direction.IN, note="pagi"),
    entry("b", 250_000, Direction.OUT, 26, category=STOCK),
    entry("c", 40_000, Direction.OUT, 25, move=MoveKind.OWNER_PAY),
    entry("d", 7_000, Direction.IN, 24, voided=True),
    entry("e", 1, Direction.IN, 1, category="not-a-category"),
]


def cell(model: EntriesModel, row: int, column: EntryColumn, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.index(row, column).data(role)


def test_model_with_entries_voided_and_moves_passes_the_model_tester(
    qtmodeltester: ModelTester, categories: dict[str, Category]
) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_empty_model_passes_the_model_tester(qtmodeltester: ModelTester, categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
    assert model.columnCount() == len(EntryColumn)
    assert model.rowCount(model.index(0, 0)) == 0


def test_model_stays_valid_through_set_entries_and_hiding(
    qtmodeltester: ModelTester, categories: dict[str, Category]
) -> None:
    model = EntriesModel(categories)
    qtmodeltester.check(model)  # the C++ tester keeps watching every later change
    model.set_entries(ENTRIES)
    model.set_amounts_hidden(True)
    model.set_note_with_category(True)
    model.set_entries(ENTRIES[:2])
    model.set_entries([])
    model.set_amounts_hidden(False)
    model.set_entries(ENTRIES[::-1])
    assert model.rowCount() == len(ENTRIES)
    assert cell(model, 0, EntryColumn.AMOUNT) == "+ Rp1"


def test_set_entries_resets_the_model(qtbot: QtBot, categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("about"))
    model.modelReset.connect(lambda: resets.append("done"))
    model.set_entries(ENTRIES)
    assert resets == ["about", "done"]
    assert model.rowCount() == len(ENTRIES)
    assert model.row_of("c") == 2
    assert model.row_of("zzz") is None
    assert model.entry_at(1).id == "b"


def test_display_texts(categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    assert [cell(model, 0, column) for column in EntryColumn] == ["27 Jul", "Penjualan", "+ Rp15.000", "pagi"]
    assert cell(model, 1, EntryColumn.CATEGORY) == "Kulakan"
    assert cell(model, 1, EntryColumn.AMOUNT) == "− Rp250.000"
    assert cell(model, 2, EntryColumn.CATEGORY) == "Ambil untuk pribadi"
    assert cell(model, 4, EntryColumn.CATEGORY) == "?"
    assert cell(model, 1, EntryColumn.CATEGORY, Qt.ItemDataRole.ToolTipRole) == "Kulakan / belanja dagangan"
    assert cell(model, 0, EntryColumn.AMOUNT, ENTRY_ID_ROLE) == "a"

    model.set_note_with_category(True)
    assert cell(model, 0, EntryColumn.CATEGORY) == "Penjualan · pagi"
    assert cell(model, 1, EntryColumn.CATEGORY) == "Kulakan"


def test_amounts_are_right_aligned_in_cells_and_header(categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    for row in range(model.rowCount()):
        assert cell(model, row, EntryColumn.AMOUNT, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
        assert cell(model, row, EntryColumn.CATEGORY, Qt.ItemDataRole.TextAlignmentRole) is None
    header = model.headerData(EntryColumn.AMOUNT, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)
    assert header == RIGHT
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in EntryColumn] == [
        "Kapan",
        "Untuk apa",
        "Jumlah",
        "Catatan",
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(9, Qt.Orientation.Horizontal) is None


def test_sort_role_carries_raw_signed_ints(categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    amounts = [cell(model, row, EntryColumn.AMOUNT, SORT_ROLE) for row in range(model.rowCount())]
    assert amounts == [15_000, -250_000, -40_000, 7_000, 1]
    assert all(type(a) is int for a in amounts)
    dates = [cell(model, row, EntryColumn.DATE, SORT_ROLE) for row in range(model.rowCount())]
    assert dates == [dt.date(2024, 7, d).toordinal() for d in (27, 26, 25, 24, 1)]

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(EntryColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    ordered = [proxy.index(row, EntryColumn.AMOUNT).data(ENTRY_ID_ROLE) for row in range(proxy.rowCount())]
    assert ordered == ["b", "c", "e", "d", "a"]  # by value, not by the text "− Rp250.000"
    proxy.sort(EntryColumn.DATE, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, EntryColumn.DATE).data(ENTRY_ID_ROLE) == "e"


def test_voided_entries_are_struck_through_and_grey(categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    for column in EntryColumn:
        font = cell(model, 3, column, Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.strikeOut()
        assert cell(model, 0, column, Qt.ItemDataRole.FontRole) is None
    assert cell(model, 3, EntryColumn.DATE, Qt.ItemDataRole.ToolTipRole) == "Dibatalkan: Salah jumlah"
    brushes = [cell(model, row, EntryColumn.AMOUNT, Qt.ItemDataRole.ForegroundRole) for row in (3, 0, 1)]
    assert all(isinstance(b, QBrush) for b in brushes)
    assert len({b.color().name() for b in brushes if isinstance(b, QBrush)}) == 3  # grey, green, red


def test_hidden_amounts_show_no_digits_and_notify_views(qtbot: QtBot, categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changed.append((top.row(), top.column(), bottom.row(), bottom.column()))
    )
    model.set_amounts_hidden(True)
    assert changed == [(0, EntryColumn.AMOUNT, len(ENTRIES) - 1, EntryColumn.AMOUNT)]
    texts = [str(cell(model, row, EntryColumn.AMOUNT)) for row in range(model.rowCount())]
    assert not any(ch.isdigit() for text in texts for ch in text)
    assert cell(model, 1, EntryColumn.AMOUNT, SORT_ROLE) == -250_000  # sorting still works on values
    model.set_amounts_hidden(False)
    assert cell(model, 0, EntryColumn.AMOUNT) == "+ Rp15.000"


def test_out_of_range_indexes_give_nothing(categories: dict[str, Category]) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES[:1])
    assert model.data(QModelIndex()) is None
    assert not model.index(5, 0).isValid()


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (MoveKind.OWNER_PAY, "Ambil untuk pribadi"),
        (MoveKind.TOP_UP, "Tambah modal"),
        (MoveKind.START_CAPITAL, "Modal awal"),
    ],
)
def test_both_halves_of_a_move_carry_its_one_name_and_picture(
    kind: MoveKind, name: str, categories: dict[str, Category]
) -> None:
    """Issue 9 §6: the button's word in both books, not "Gaji dari usaha" in one and "Diambil…" in the other."""
    source = entry("out", 40_000, Direction.OUT, move=kind)
    target = dataclasses.replace(entry("in", 40_000, Direction.IN, move=kind), ledger=Ledger.PERSONAL)
    model = EntriesModel(categories)
    model.set_entries([source, target])
    assert move_name(kind) == name
    assert [cell(model, row, EntryColumn.CATEGORY) for row in (0, 1)] == [name, name]
    assert [cell(model, row, EntryColumn.AMOUNT) for row in (0, 1)] == ["− Rp40.000", "+ Rp40.000"]
    pictures = [cell(model, row, EntryColumn.CATEGORY, Qt.ItemDataRole.DecorationRole) for row in (0, 1)]
    assert all(isinstance(p, QIcon) and not p.isNull() for p in pictures)
    assert [p.cacheKey() for p in pictures if isinstance(p, QIcon)] == [icons.action(MOVE_ACTIONS[kind]).cacheKey()] * 2


def test_a_household_wage_never_reads_or_looks_like_the_owners_pay(categories: dict[str, Category]) -> None:
    wage_id = category_id(Ledger.PERSONAL, "Gaji / upah keluarga")
    wage = dataclasses.replace(entry("w", 90_000, Direction.IN, category=wage_id), ledger=Ledger.PERSONAL)
    pay = dataclasses.replace(entry("p", 90_000, Direction.IN, move=MoveKind.OWNER_PAY), ledger=Ledger.PERSONAL)
    model = EntriesModel(categories)
    model.set_entries([wage, pay])
    assert [cell(model, row, EntryColumn.CATEGORY) for row in (0, 1)] == ["Gaji", "Ambil untuk pribadi"]
    pictures = [cell(model, row, EntryColumn.CATEGORY, Qt.ItemDataRole.DecorationRole) for row in (0, 1)]
    keys = {p.cacheKey() for p in pictures if isinstance(p, QIcon) and not p.isNull()}
    assert len(keys) == 2


def test_each_row_shows_its_categorys_picture_and_only_in_the_category_column(
    categories: dict[str, Category],
) -> None:
    model = EntriesModel(categories)
    model.set_entries(ENTRIES)
    sale, stock = (cell(model, row, EntryColumn.CATEGORY, Qt.ItemDataRole.DecorationRole) for row in (0, 1))
    assert isinstance(sale, QIcon) and isinstance(stock, QIcon)
    assert sale.cacheKey() == icons.category(categories[SALES]).cacheKey()
    assert stock.cacheKey() == icons.category(categories[STOCK]).cacheKey()
    assert sale.cacheKey() != stock.cacheKey()
    assert cell(model, 4, EntryColumn.CATEGORY, Qt.ItemDataRole.DecorationRole) is None  # an unknown category
    for column in (EntryColumn.DATE, EntryColumn.AMOUNT, EntryColumn.NOTE):
        assert cell(model, 0, column, Qt.ItemDataRole.DecorationRole) is None


def test_move_names_follow_the_language() -> None:
    i18n.set_language("en")
    try:
        english = [move_name(kind) for kind in MoveKind]
        assert all(english) and len(set(english)) == len(english)
        assert not set(english) & set(MOVE_NAMES.values())  # no Indonesian word left on the English screen
    finally:
        i18n.set_language("id")


# -- BackupModel: the copies on the recovery page ------------------------------------------------


def _utc(day: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 7, day, 3, minute, tzinfo=dt.UTC)


COPIES = [
    BackupCopy(Path("/b/daily/k-2024-07-27.sqlite"), "daily", _utc(27, 5), 1234, 2, True),
    BackupCopy(Path("/b/weekly/k-2024-W29.sqlite"), "weekly", _utc(21), 1100, 2, True),
    BackupCopy(Path("/b/daily/k-2024-07-26.sqlite"), "daily", _utc(26), None, None, False),
]


def test_backup_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = BackupModel()
    qtmodeltester.check(model)  # the C++ tester keeps watching every later change
    model.set_copies(COPIES)
    qtmodeltester.check(model, force_py=True)
    model.set_copies([])
    model.set_copies(COPIES[::-1])
    assert model.rowCount() == 3 and model.columnCount() == len(BackupColumn)


def test_backup_model_says_when_how_many_and_whether_whole() -> None:
    model = BackupModel()
    model.set_copies(COPIES)

    def text(row: int, column: BackupColumn) -> str:
        return str(model.index(row, column).data())

    assert text(0, BackupColumn.TAKEN) == fmt.date_time(COPIES[0].taken_at)  # the kiosk's own time zone
    assert text(0, BackupColumn.KIND) == "harian" and text(1, BackupColumn.KIND) == "mingguan"
    assert text(0, BackupColumn.ENTRIES) == "1.234"
    assert model.index(0, BackupColumn.ENTRIES).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, BackupColumn.ENTRIES).data(SORT_ROLE) == 1234
    assert (text(0, BackupColumn.STATE), text(2, BackupColumn.STATE)) == ("utuh", "rusak")
    assert text(2, BackupColumn.ENTRIES) == "—"
    assert model.index(0, BackupColumn.STATE).data(Qt.ItemDataRole.DecorationRole) is not None  # icon and word
    assert isinstance(model.index(2, BackupColumn.TAKEN).data(Qt.ItemDataRole.ForegroundRole), QBrush)
    assert model.copy_at(1) is COPIES[1]
