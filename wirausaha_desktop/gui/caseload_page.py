"""The mentor's caseload (issue 8 §3): her families, who needs her first at the top.

The table shows what ``kiosk.caseload.rows`` read, in its order (most red lights, then longest
silence, then overdue goals); a tap on a column header sorts by that column's raw value (a
missing value, e.g. "never recorded", always last). The filter keeps the families with a light
of one colour. Every light is an icon, a colour and a word.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.caseload import CaseloadRow, Trend
from ..domain.model import Actor
from ..domain.standing import INDICATOR_KEYS, Status
from ..i18n import _
from ..wording import STATUS_ICONS, indicator_label, status_word
from . import fmt, icons, theme
from .widgets import big_button, label, name_widget, tool_button

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PROFILE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
_STATUS_RANK = {Status.RED: 0, Status.YELLOW: 1, Status.GREEN: 2, Status.GREY: 3}
_TREND_RANK = {Trend.WORSE: 0, Trend.SAME: 1, Trend.BETTER: 2}
_TINTS = {Status.GREEN: "#dff3ea", Status.YELLOW: "#fcefd2", Status.RED: "#fbe2d5", Status.GREY: "#ececec"}
FILTERS = ("all", "red", "yellow", "grey")
NARROW = 1200  # px: below this the business column is hidden


class CaseloadColumn(IntEnum):
    NAME = 0
    BUSINESS = 1
    SILENT = 2
    RECORDING = 3
    LIGHT_FIRST = 4  # the five lights, in DESIGN §3's order
    TREND = LIGHT_FIRST + len(INDICATOR_KEYS)
    GOALS = TREND + 1
    MISSED = GOALS + 1
    NEXT_SESSION = MISSED + 1


COLUMN_COUNT = CaseloadColumn.NEXT_SESSION + 1


def light_short_label(key: str) -> str:
    """A column header: the light's name in one or two short words (the full name is its tooltip)."""
    return {
        "recording": _("Catat"),
        "covers_costs": _("Tutup\nbiaya"),
        "no_top_ups": _("Tanpa\ntambah\nmodal"),
        "pay_within_profit": _("Ambil\n≤ untung"),
        "cash_runway": _("Uang\ncukup"),
    }[key]


def trend_word(trend: Trend | None) -> str:
    if trend is None:
        return ""
    return {Trend.BETTER: _("lebih baik"), Trend.SAME: _("sama"), Trend.WORSE: _("lebih buruk")}[trend]


def silence_text(days: int | None) -> str:
    if days is None:
        return _("belum ada")
    if days == 0:
        return _("hari ini")
    return _("{days} hari", days=days)


def light_icon(status: Status) -> Any:
    """The standing page's light: a disc of the status colour with its shape (✓ ! ✕ ?)."""
    return icons.glyph(STATUS_ICONS[status], theme.STATUS_COLOURS[status.value])


class CaseloadModel(QAbstractTableModel):
    """One row per family; holds the service's rows as they came and computes nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CaseloadRow] = []

    def set_rows(self, rows: list[CaseloadRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        key = _light_key(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if key is not None:
                return light_short_label(key)
            return {
                CaseloadColumn.NAME: _("Nama"),
                CaseloadColumn.BUSINESS: _("Usaha"),
                CaseloadColumn.SILENT: _("Terakhir\ncatat"),
                CaseloadColumn.RECORDING: _("Hari\ndicatat"),
                CaseloadColumn.TREND: _("Dibanding\nlalu"),
                CaseloadColumn.GOALS: _("Target\ntercapai"),
                CaseloadColumn.MISSED: _("Target\nlewat"),
                CaseloadColumn.NEXT_SESSION: _("Sesi\nberikut"),
            }[CaseloadColumn(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return indicator_label(key) if key is not None else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == PROFILE_ID_ROLE:
            return row.profile_id
        if role == SORT_ROLE:
            return self.sort_value(index.row(), column)
        key = _light_key(column)
        status = _status(row, key) if key is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if status is not None:
                return status_word(status)
            return self._text(row, CaseloadColumn(column))
        if role == Qt.ItemDataRole.DecorationRole and status is not None:
            return light_icon(status)
        if role == Qt.ItemDataRole.BackgroundRole and status is not None:
            return QBrush(QColor(_TINTS[status]))
        if role == Qt.ItemDataRole.ToolTipRole and column == CaseloadColumn.NAME:
            return f"{row.name}, {row.business}" if row.business else row.name
        if role == Qt.ItemDataRole.ToolTipRole and status is not None and key is not None:
            return f"{indicator_label(key)}: {status_word(status)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= CaseloadColumn.SILENT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: CaseloadRow, column: CaseloadColumn) -> str:
        if column is CaseloadColumn.NAME:
            return row.name
        if column is CaseloadColumn.BUSINESS:
            return row.business
        if column is CaseloadColumn.SILENT:
            return silence_text(row.days_silent)
        if column is CaseloadColumn.RECORDING:
            return _("{recorded} dari {open} hari", recorded=row.recorded_days, open=row.open_days)
        if column is CaseloadColumn.TREND:
            return trend_word(row.trend)
        if column is CaseloadColumn.GOALS:
            return f"{row.goals_met} / {row.open_goals}" if row.open_goals else "–"
        if column is CaseloadColumn.MISSED:
            return str(row.goals_overdue) if row.open_goals else "–"
        return fmt.day_month_year(row.next_session) if row.next_session else ""

    def sort_value(self, row_number: int, column: int) -> Any:
        """The raw value a column sorts by (None: nothing to sort by, always last)."""
        row = self._rows[row_number]
        key = _light_key(column)
        if key is not None:
            status = _status(row, key)
            return _STATUS_RANK[status] if status is not None else None
        return {
            CaseloadColumn.NAME: row.name.casefold(),
            CaseloadColumn.BUSINESS: row.business.casefold() or None,
            CaseloadColumn.SILENT: row.days_silent,
            CaseloadColumn.RECORDING: row.recorded_days / row.open_days if row.open_days else None,
            CaseloadColumn.TREND: _TREND_RANK[row.trend] if row.trend is not None else None,
            CaseloadColumn.GOALS: row.goals_met if row.open_goals else None,
            CaseloadColumn.MISSED: row.goals_overdue if row.open_goals else None,
            CaseloadColumn.NEXT_SESSION: row.next_session,
        }[CaseloadColumn(column)]


def _light_key(column: int) -> str | None:
    offset = column - CaseloadColumn.LIGHT_FIRST
    return INDICATOR_KEYS[offset] if 0 <= offset < len(INDICATOR_KEYS) else None


def _status(row: CaseloadRow, key: str) -> Status | None:
    return next((i.status for i in row.summary.indicators if i.key == key), None)


class CaseloadProxy(QSortFilterProxyModel):
    """Sorts on the raw values (missing ones last either way) and keeps the rows of one light colour."""

    def __init__(self, model: CaseloadModel) -> None:
        super().__init__()
        self._model = model
        self._colour: Status | None = None
        self.setSourceModel(model)

    def set_colour(self, colour: Status | None) -> None:
        self.beginFilterChange()
        self._colour = colour
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._colour is None:
            return True
        row = self._model.row_at(source_row)
        return any(i.status is self._colour for i in row.summary.indicators)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a = self._model.sort_value(left.row(), left.column())
        b = self._model.sort_value(right.row(), right.column())
        if a is None or b is None:  # missing last, whichever way the column is sorted
            ascending = self.sortOrder() is Qt.SortOrder.AscendingOrder
            return (a is not None and b is None) == ascending
        if a == b:
            return left.row() < right.row()  # the service's order among equals
        return bool(a < b)


class _LightDelegate(QStyledItemDelegate):
    """A light cell: its icon above its word, so that five lights fit beside the names at 1024 px."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.decorationSize = QSize(22, 22)
        option.displayAlignment = Qt.AlignmentFlag.AlignCenter


class CaseloadTable(QTableView):
    """Enter opens the chosen family's book, as a double tap does."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


def filter_names() -> dict[str, str]:
    return {
        "all": _("Semua"),
        "red": _("Ada merah"),
        "yellow": _("Ada kuning"),
        "grey": _("Ada abu-abu"),
    }


class CaseloadPage(QWidget):
    book_requested = Signal(str)  # profile id
    lock_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        name_widget(self, "caseloadPage", _("Daftar dampingan"))
        self.title = label("", "title")
        self.hint = label(_("30 hari terakhir. Yang paling perlu dibantu ada di atas."), "hint", wrap=True)
        self.count = label("", "hint")
        self.count.setObjectName("caseloadCount")
        self.lock_button = tool_button(_("Selesai"), "caseloadLock", icons.padlock(), _("Selesai dan kunci"))
        self.lock_button.setMinimumWidth(130)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.hint)
        header.addLayout(names, 1)
        header.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignTop)

        self.filter = name_widget(QWidget(), "caseloadFilter", _("Tampilkan keluarga dengan lampu"))
        filters = QHBoxLayout(self.filter)
        filters.setContentsMargins(0, 0, 0, 0)
        self.filter_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for key, name in filter_names().items():
            icon = icons.glyph("≡", theme.MUTED) if key == "all" else light_icon(Status(key))
            button = big_button(name, f"caseloadFilter_{key}", icon, _("Tampilkan: {which}", which=name), height=48)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setStyleSheet(f"QPushButton:checked {{ background: #fff1c7; border: 3px solid {theme.MOVE}; }}")
            button.clicked.connect(lambda _checked=False, which=key: self.set_filter(which))
            group.addButton(button)
            filters.addWidget(button)
            self.filter_buttons[key] = button
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.model = CaseloadModel()
        self.proxy = CaseloadProxy(self.model)
        self.table = name_widget(CaseloadTable(), "caseloadTable", _("Keluarga yang didampingi"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(False)  # the service's order until she taps a header
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(22, 22))
        small = QFont(self.table.font())
        small.setPointSize(11)  # thirteen columns beside each other at 1024 px
        self.table.setFont(small)
        self.table.setStyleSheet("QHeaderView::section { font-size: 10pt; padding: 2px; }")
        self._light_delegate = _LightDelegate(self.table)
        for offset in range(len(INDICATOR_KEYS)):
            self.table.setItemDelegateForColumn(CaseloadColumn.LIGHT_FIRST + offset, self._light_delegate)
        self._size_columns()
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.open_requested.connect(self.open_selected)
        self.table.horizontalHeader().sectionClicked.connect(
            lambda _section: self.table.horizontalHeader().setSortIndicatorShown(True)
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())

        self.empty = label(
            _("Belum ada keluarga yang didampingi. Petugas kios bisa menambahkannya."), "hint", wrap=True
        )
        self.empty.setObjectName("caseloadEmpty")
        self.open_book = big_button(_("Buka buku"), "openBook", icons.action("open_book"),
                                    _("Buka buku keluarga yang dipilih"))  # fmt: skip
        self.open_book.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.open_book.setMinimumWidth(240)
        self.open_book.clicked.connect(self.open_selected)
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("caseloadMessage")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.open_book)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(header)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self._actor: Actor | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """At 1024 px the business column gives way (her business is in the name's tooltip), so
        that every light and figure stays on one screen without sideways scrolling."""
        super().resizeEvent(event)
        self.table.setColumnHidden(CaseloadColumn.BUSINESS, self.width() < NARROW)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        metrics = self.table.fontMetrics()
        silent = max(metrics.horizontalAdvance(t) for t in (silence_text(None), silence_text(0), silence_text(888)))
        widths: dict[int, int] = {
            CaseloadColumn.NAME: 84,
            CaseloadColumn.SILENT: silent + 10,
            CaseloadColumn.RECORDING: metrics.horizontalAdvance(_("{recorded} dari {open} hari", recorded=30, open=30))
            + 8,
            CaseloadColumn.TREND: metrics.horizontalAdvance(_("lebih buruk")) + 8,
            CaseloadColumn.GOALS: 70,
            CaseloadColumn.MISSED: 56,
            CaseloadColumn.NEXT_SESSION: metrics.horizontalAdvance("30 Sep 2026") + 16,
        }
        for offset in range(len(INDICATOR_KEYS)):
            widths[CaseloadColumn.LIGHT_FIRST + offset] = metrics.horizontalAdvance(_("abu-abu")) + 12
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        # The lights share what is left (all of it at 1024 px, where the business column gives way),
        # so that their words and headers are not cut in either language.
        for offset in range(len(INDICATOR_KEYS)):
            header.setSectionResizeMode(CaseloadColumn.LIGHT_FIRST + offset, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseloadColumn.BUSINESS, QHeaderView.ResizeMode.Stretch)

    # -- showing her list ---------------------------------------------------------------------
    def show_rows(self, actor: Actor, mentor_name: str, rows: list[CaseloadRow]) -> None:
        """Her list as the service ordered it; the filter and any header sort start afresh."""
        self._actor = actor
        self.title.setText(_("Dampingan {mentor}", mentor=mentor_name))
        self.message.clear()
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.proxy.sort(-1)  # the service's order: who needs her first
        self.model.set_rows(rows)
        self.set_filter("all")
        self.empty.setVisible(not rows)

    def clear(self) -> None:
        """Nothing of anyone's figures stays on screen after Selesai."""
        self._actor = None
        self.model.set_rows([])
        self.title.clear()
        self.message.clear()

    def set_filter(self, which: str) -> None:
        self.filter_buttons[which].setChecked(True)
        self.proxy.set_colour(None if which == "all" else Status(which))
        self.count.setText(_("{shown} dari {total} keluarga", shown=self.proxy.rowCount(), total=self.model.rowCount()))
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def shown_names(self) -> list[str]:
        """The names in the order on screen (for tests and the screen reader)."""
        return [self.proxy.index(r, CaseloadColumn.NAME).data() for r in range(self.proxy.rowCount())]

    def selected_profile_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PROFILE_ID_ROLE) if rows else None

    def select_name(self, name: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, CaseloadColumn.NAME).data() == name:
                self.table.selectRow(r)
                return True
        return False

    def _selection_changed(self) -> None:
        self.open_book.setEnabled(self.selected_profile_id() is not None)

    def open_selected(self) -> None:
        profile_id = self.selected_profile_id()
        if profile_id is not None:
            self.book_requested.emit(profile_id)
