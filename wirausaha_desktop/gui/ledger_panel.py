"""One ledger on the main screen: balance, money in/out buttons, recent entries, corrections."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScroller,
    QTableView,
    QVBoxLayout,
)

from ..domain.model import Category, Direction, Entry, Ledger
from ..i18n import _
from . import fmt, icons, theme
from .models import ENTRY_ID_ROLE, EntriesModel, EntryColumn
from .widgets import big_button, label, name_widget

SHORT_BELOW_PX = 460  # a ledger panel this short is on a 600-px screen
SHORT_BALANCE_PT = 18
SHORT_TITLE_PTS = (16, 14, 13)  # beside the balance the title shrinks first ("Business Book" in English)
_PREFIX = {Ledger.BUSINESS: "business", Ledger.PERSONAL: "personal"}


def ledger_title(ledger: Ledger) -> str:
    return _("Buku Usaha") if ledger is Ledger.BUSINESS else _("Buku Pribadi")


def ledger_subtitle(ledger: Ledger) -> str:
    return _("Uang usaha") if ledger is Ledger.BUSINESS else _("Uang pribadi / rumah")


class LedgerPanel(QFrame):
    money_requested = Signal(object, object)  # (Ledger, Direction)
    void_requested = Signal(str)  # entry id
    entry_requested = Signal(str)  # entry id: a tap on a row shows the whole entry
    show_voided_changed = Signal(bool)

    def __init__(self, ledger: Ledger, categories: dict[str, Category]) -> None:
        super().__init__()
        self.ledger = ledger
        prefix = _PREFIX[ledger]
        colour = theme.BUSINESS if ledger is Ledger.BUSINESS else theme.PERSONAL
        self.setProperty("role", "panel")
        self.setObjectName(f"{prefix}Panel")
        self.setStyleSheet(f"QFrame#{prefix}Panel {{ border-top: 8px solid {colour}; }}")
        inner = QVBoxLayout(self)
        inner.setContentsMargins(14, 10, 14, 12)
        inner.setSpacing(8)

        self._negative = False
        self.title = label(ledger_title(ledger), "title")
        self.subtitle = label(ledger_subtitle(ledger), "hint")
        self.balance = QLabel(fmt.money(0))
        self.balance.setObjectName(f"{prefix}Balance")
        self.balance.setProperty("role", "balance")
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_caption = label(_("Sisa uang"), "hint")
        titles = self._titles = QHBoxLayout()
        titles.addWidget(self.title)
        titles.addStretch(1)
        titles.addWidget(self.subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        inner.addLayout(titles)
        amounts = self._amounts = QHBoxLayout()
        amounts.addWidget(self.balance_caption, 0, Qt.AlignmentFlag.AlignVCenter)
        amounts.addWidget(self.balance, 1)
        inner.addLayout(amounts)
        self._inner = inner
        self._short = False  # on a short screen the balance sits beside the title: rows for the list
        self._title_pt: int | None = None  # the title's size there
        self.twins: list[LedgerPanel] = [self]  # panels side by side: their titles beside a balance share a size

        self.money_in = big_button(
            _("Uang Masuk"),
            f"{prefix}MoneyIn",
            icons.money_in(theme.MONEY_IN),
            _("{book}: catat uang masuk", book=ledger_title(ledger)),
        )
        self.money_out = big_button(
            _("Uang Keluar"),
            f"{prefix}MoneyOut",
            icons.money_out(theme.MONEY_OUT),
            _("{book}: catat uang keluar", book=ledger_title(ledger)),
        )
        # Side padding 8px (not the theme's 14px): both buttons fit side by side in a 1024 px wide window.
        for button, colour in ((self.money_in, theme.MONEY_IN), (self.money_out, theme.MONEY_OUT)):
            button.setStyleSheet(f"QPushButton {{ border: 3px solid {colour}; font-weight: bold; padding: 4px 8px; }}")
        self.money_in.clicked.connect(lambda: self.money_requested.emit(ledger, Direction.IN))
        self.money_out.clicked.connect(lambda: self.money_requested.emit(ledger, Direction.OUT))
        buttons = QHBoxLayout()
        buttons.addWidget(self.money_in)
        buttons.addWidget(self.money_out)
        inner.addLayout(buttons)

        self.model = EntriesModel(categories)
        self.table = name_widget(
            QTableView(), f"{prefix}Entries", _("{book}: catatan terakhir", book=ledger_title(ledger))
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(theme.MIN_TARGET)  # a row is a touch target (≥ 48 px)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(28, 28))  # each row's category picture (models.EntriesModel)
        # A finger drags the list (kinetic, touch only: a tap on a row still opens it); the scroll bar
        # stays for a mouse but thin, so that "Untuk apa" keeps its words at 1024 px.
        QScroller.grabGesture(self.table.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.table.verticalScrollBar().setStyleSheet("QScrollBar:vertical { width: 16px; }")
        header = self.table.horizontalHeader()
        # Fixed widths from the font, not ResizeToContents: that would ask every row for its data.
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(EntryColumn.DATE, QHeaderView.ResizeMode.Fixed)
        # as wide as its heading too: "Tanggal" in the header's bold font ran over "Untuk apa"
        heading = header.fontMetrics().horizontalAdvance(
            str(self.model.headerData(EntryColumn.DATE, Qt.Orientation.Horizontal))
        )
        header.resizeSection(EntryColumn.DATE, max(metrics.horizontalAdvance("30 Sep"), heading) + 24)
        header.setSectionResizeMode(EntryColumn.CATEGORY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryColumn.AMOUNT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(EntryColumn.AMOUNT, metrics.horizontalAdvance("− Rp99.999.999") + 20)
        header.setSectionResizeMode(EntryColumn.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EntryColumn.NOTE, 90)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.clicked.connect(lambda index: self.entry_requested.emit(str(index.data(ENTRY_ID_ROLE))))
        inner.addWidget(self.table, 1)

        self.empty_hint = label(_("Belum ada catatan. Tekan Uang Masuk atau Uang Keluar."), "hint", wrap=True)
        inner.addWidget(self.empty_hint)

        self.void_button = big_button(
            _("Batalkan"),
            f"{prefix}Void",
            icons.action("void"),
            _("{book}: batalkan catatan yang dipilih", book=ledger_title(ledger)),
        )
        self.void_button.setMinimumHeight(48)
        self.void_button.setEnabled(False)
        self.void_button.clicked.connect(self._void_clicked)
        self.show_voided = name_widget(
            QCheckBox(_("Tampilkan yang dibatalkan")),
            f"{prefix}ShowVoided",
            _("{book}: tampilkan catatan yang dibatalkan", book=ledger_title(ledger)),
        )
        self.show_voided.setMinimumHeight(48)
        self.show_voided.toggled.connect(self.show_voided_changed.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_voided, 1)
        bottom.addWidget(self.void_button)
        inner.addLayout(bottom)

    def _fit_height(self) -> None:
        """Under ``SHORT_BELOW_PX`` (a 600-px screen), the balance moves up beside the title and the
        spacing tightens, so that the list shows four or five entries instead of two; only where
        title and balance fit side by side whole (a balance is never cut, the title shrinks first)."""
        title_pt = self._title_pt_beside() if self.height() < SHORT_BELOW_PX else None
        short = title_pt is not None
        if title_pt is not None:  # the same size as the twin's title beside its balance, when smaller
            beside = [twin._title_pt_beside() for twin in self.twins if twin is not self and twin._short]
            title_pt = min([title_pt, *(pt for pt in beside if pt is not None)])
            for twin in self.twins:
                if twin is not self and twin._short and twin._title_pt != title_pt:
                    twin._title_pt = title_pt
                    twin.title.setStyleSheet(f"font-size: {title_pt}pt;")
        if short == self._short and title_pt == self._title_pt:
            return
        self._title_pt = title_pt
        self.title.setStyleSheet(f"font-size: {title_pt}pt;" if title_pt else "")
        if short == self._short:
            return
        self._short = short
        if not short:  # a twin's title made smaller to match this one may grow back
            for twin in self.twins:
                if twin is not self and twin._short:
                    twin._title_pt = None
                    twin._fit_height()
        if short:
            self._amounts.removeWidget(self.balance)
            self._titles.addWidget(self.balance, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            self._titles.removeWidget(self.balance)
            self._amounts.addWidget(self.balance, 1)
        self.balance_caption.setVisible(not short)
        self.subtitle.setVisible(not short and self.width() >= 480)
        self._inner.setSpacing(4 if short else 8)
        self._paint_balance()

    def _title_pt_beside(self) -> int | None:
        """The largest title size at which title and balance fit on one row, or None."""
        margins = self._inner.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        balance_font = QFont(self.balance.font())
        balance_font.setPointSize(SHORT_BALANCE_PT)
        balance = QFontMetrics(balance_font).horizontalAdvance(self.balance.text())
        title_font = QFont(self.title.font())
        for points in SHORT_TITLE_PTS:
            title_font.setPointSize(points)
            if QFontMetrics(title_font).horizontalAdvance(self.title.text()) + balance + 24 <= room:
                return points
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow screen the note moves into the "Untuk apa" column instead of its own."""
        super().resizeEvent(event)
        self._fit_height()
        narrow = self.width() < 560
        self.subtitle.setVisible(self.width() >= 480 and not self._short)
        # at 1024 px the checkbox beside Batalkan has no room for its words on one line
        self.show_voided.setText(
            _("Tampilkan yang\ndibatalkan") if self.width() < 520 else _("Tampilkan yang dibatalkan")
        )
        if narrow != self.table.isColumnHidden(EntryColumn.NOTE):
            self.table.setColumnHidden(EntryColumn.NOTE, narrow)
            self.model.set_note_with_category(narrow)

    def set_balance(self, amount: int, hidden: bool) -> None:
        self.balance.setText(fmt.money(amount, hidden))
        self.balance.setAccessibleName(
            _("Sisa {book}: {amount}", book=ledger_title(self.ledger), amount=fmt.money(amount, hidden))
        )
        self._negative = amount < 0 and not hidden
        self._paint_balance()
        self._fit_height()  # another balance may need a smaller title, or its own row, or fit again

    def _paint_balance(self) -> None:
        colour = "#a33a00" if self._negative else theme.INK
        size = f" font-size: {SHORT_BALANCE_PT}pt;" if self._short else ""
        self.balance.setStyleSheet(f"color: {colour};{size}")

    def set_entries(self, entries: list[Entry], hidden: bool) -> None:
        self.model.set_amounts_hidden(hidden)
        self.model.set_entries(entries)
        self._fit_amount_column()
        self.empty_hint.setVisible(not entries)
        self.void_button.setEnabled(False)

    def set_amounts_hidden(self, hidden: bool) -> None:
        self.model.set_amounts_hidden(hidden)
        self._fit_amount_column()

    def _fit_amount_column(self) -> None:
        """As wide as her widest amount on show (not a fixed Rp99.999.999): "Untuk apa" keeps the rest."""
        metrics = self.table.fontMetrics()
        texts = [str(self.model.index(row, EntryColumn.AMOUNT).data()) for row in range(self.model.rowCount())]
        header = str(self.model.headerData(EntryColumn.AMOUNT, Qt.Orientation.Horizontal))
        widest = max((metrics.horizontalAdvance(text) for text in [header, "− Rp99.999", *texts]), default=0)
        self.table.horizontalHeader().resizeSection(EntryColumn.AMOUNT, widest + 20)

    def select_entry(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.void_button.setEnabled(entry is not None and not entry.voided)

    def _void_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.void_requested.emit(str(rows[0].data(ENTRY_ID_ROLE)))
