"""Table models. They hold plain values from services and never compute figures."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from ..domain.model import MOVE_NAMES, Category, Direction, Entry, MoveKind
from ..i18n import _
from . import fmt, icons

if TYPE_CHECKING:
    from ..services.backup import BackupCopy

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class EntryColumn(IntEnum):
    DATE = 0
    CATEGORY = 1
    AMOUNT = 2
    NOTE = 3


def move_name(kind: MoveKind) -> str:
    """A move's one name on its button, in both books, on the lights and in reports (issue 9 §6)."""
    return {
        MoveKind.OWNER_PAY: _("Ambil untuk pribadi"),
        MoveKind.TOP_UP: _("Tambah modal"),
        MoveKind.START_CAPITAL: _("Modal awal"),
    }.get(kind, MOVE_NAMES[kind])


MOVE_ACTIONS = {MoveKind.OWNER_PAY: "owner_pay", MoveKind.TOP_UP: "top_up", MoveKind.START_CAPITAL: "start_capital"}
"""A move's key in ``icons.ACTION_PICTURES``: the row shows the same picture as the move's button."""


class EntriesModel(QAbstractTableModel):
    """One ledger's recent entries; voided ones struck through and greyed."""

    def __init__(self, categories: dict[str, Category]) -> None:
        super().__init__()
        self._categories = categories
        self._entries: list[Entry] = []
        self._hidden = False
        self._note_with_category = False

    def set_note_with_category(self, on: bool) -> None:
        self.beginResetModel()
        self._note_with_category = on
        self.endResetModel()

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_amounts_hidden(self, hidden: bool) -> None:
        self._hidden = hidden
        if self._entries:
            top = self.index(0, EntryColumn.AMOUNT)
            bottom = self.index(len(self._entries) - 1, EntryColumn.AMOUNT)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, entry_id: str) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EntryColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(EntryColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (_("Kapan"), _("Untuk apa"), _("Jumlah"), _("Catatan"))[section]  # "Kapan?" as in the dialog
        if role == Qt.ItemDataRole.TextAlignmentRole and section == EntryColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def category_icon(self, entry: Entry) -> QIcon | None:
        """The row's picture: her category's (a shop for Penjualan) or the move's (shop → house)."""
        if entry.move_kind is not None:
            return icons.action(MOVE_ACTIONS[entry.move_kind])
        category = self._categories.get(entry.category_id or "")
        return icons.category(category) if category else None

    def category_text(self, entry: Entry) -> str:
        if entry.move_kind is not None:
            return move_name(entry.move_kind)  # the same word in both books; the sign shows the way
        category = self._categories.get(entry.category_id or "")
        return category.short_name if category else "?"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], EntryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.voided:
                return _("Dibatalkan: {reason}", reason=entry.void_reason or "")
            if column is EntryColumn.CATEGORY and entry.category_id in self._categories:
                return self._categories[entry.category_id].name
            return None
        if role == Qt.ItemDataRole.DecorationRole and column is EntryColumn.CATEGORY:
            return self.category_icon(entry)
        if role == SORT_ROLE:
            return (entry.date.toordinal(), self.category_text(entry), entry.signed_amount, entry.note)[column]
        if role == ENTRY_ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column is EntryColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and entry.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.voided:
                return QBrush(QColor("#6e6e6e"))
            if column is EntryColumn.AMOUNT:
                return QBrush(QColor("#00704f" if entry.direction is Direction.IN else "#a33a00"))
        return None

    def _display(self, entry: Entry, column: EntryColumn) -> str:
        if column is EntryColumn.DATE:
            return fmt.day_month(entry.date)
        if column is EntryColumn.CATEGORY:
            text = self.category_text(entry)
            return f"{text} · {entry.note}" if self._note_with_category and entry.note else text
        if column is EntryColumn.AMOUNT:
            sign = "+" if entry.direction is Direction.IN else "−"
            return fmt.money(entry.amount, self._hidden) if self._hidden else f"{sign} {fmt.money(entry.amount)}"
        return entry.note


class BackupColumn(IntEnum):
    TAKEN = 0
    KIND = 1
    ENTRIES = 2
    STATE = 3


def backup_kind_name(kind: str) -> str:
    return {
        "daily": _("harian"),
        "weekly": _("mingguan"),
        "monthly": _("bulanan"),
        "safety": _("pengaman"),
    }.get(kind, kind)


class BackupModel(QAbstractTableModel):
    """The backup copies of the kiosk file, in the order the service gives them (newest good first)."""

    def __init__(self) -> None:
        super().__init__()
        self._copies: list[BackupCopy] = []

    def set_copies(self, copies: list[BackupCopy]) -> None:
        self.beginResetModel()
        self._copies = list(copies)
        self.endResetModel()

    def copy_at(self, row: int) -> BackupCopy:
        return self._copies[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._copies)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BackupColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(BackupColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (_("Kapan dibuat"), _("Jenis"), _("Jumlah catatan"), _("Keadaan"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == BackupColumn.ENTRIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._copies):
            return None
        copy, column = self._copies[index.row()], BackupColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(copy, column)
        if role == SORT_ROLE:
            return (copy.taken_at.timestamp(), copy.kind, copy.entries or 0, copy.verified)[column]
        if role == Qt.ItemDataRole.DecorationRole and column is BackupColumn.STATE:
            return icons.verdict(copy.verified)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is BackupColumn.ENTRIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not copy.verified:
            return QBrush(QColor("#a33a00"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(self._display(copy, c) for c in BackupColumn)
        return None

    def _display(self, copy: BackupCopy, column: BackupColumn) -> str:
        if column is BackupColumn.TAKEN:
            return fmt.date_time(copy.taken_at)
        if column is BackupColumn.KIND:
            return backup_kind_name(copy.kind)
        if column is BackupColumn.ENTRIES:
            return fmt.whole_number(copy.entries) if copy.entries is not None else "—"
        return _("utuh") if copy.verified else _("rusak")
