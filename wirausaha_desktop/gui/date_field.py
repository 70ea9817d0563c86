"""The kiosk's own date field and calendar: Indonesian month and day names, big cells, no Qt popup.

``DateInput`` is a big button showing the date in words; a tap opens ``DateDialog``, a month of
48-px day cells (weeks start on Monday, *Senin*) with *Hari ini* and *Kemarin*. It has the small
part of ``QDateEdit``'s API the pages use: ``date()``, ``setDate``, ``dateChanged``, minimum and
maximum dates, ``setDisplayFormat`` and ``setLocale``. Days outside the bounds cannot be chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import _
from . import fmt, icons, theme
from .dialogs import KioskDialog, answer_button
from .widgets import name_widget

WEEKS = 6  # rows of the month grid: every month fits in six Monday-first weeks
CELL_WIDTH, CELL_HEIGHT = 60, 50
_EARLIEST, _LATEST = QDate(2000, 1, 1), QDate(2099, 12, 31)


def month_title(month: QDate, locale: QLocale) -> str:
    """``Desember 2024``: the month named on its own (not the genitive some languages use in dates)."""
    return f"{locale.standaloneMonthName(month.month(), QLocale.FormatType.LongFormat)} {month.year()}"


def weekday_names(locale: QLocale) -> list[str]:
    """``Sen Sel Rab Kam Jum Sab Min``: Monday first, whatever the locale's own first day."""
    return [locale.standaloneDayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]


def first_cell(month: QDate) -> QDate:
    """The Monday on or before the first of ``month``: the grid's top-left cell."""
    first = QDate(month.year(), month.month(), 1)
    return first.addDays(1 - first.dayOfWeek())


def spoken(day: QDate) -> str:
    """``Sabtu, 27 Juli 2024``: a date for the screen and for screen readers, in the screen's language."""
    return fmt.locale().toString(day, "dddd, d MMMM yyyy")


class DateDialog(KioskDialog):
    """``dateDialog``: one month of big day cells; a tap on a day (or *Hari ini*, *Kemarin*) chooses it."""

    chosen = Signal(QDate)

    def __init__(
        self, parent: QWidget | None, title: str, selected: QDate, today: QDate, earliest: QDate, latest: QDate
    ) -> None:
        super().__init__(parent, "dateDialog", title, "")
        self.selected, self.today, self.earliest, self.latest = selected, today, earliest, latest
        self.words = fmt.locale()  # month and day names in the screen's language
        self.month = QDate(selected.year(), selected.month(), 1)

        self.earlier = self._step_button("◀", "monthEarlier", _("Bulan sebelumnya"), -1)
        self.later = self._step_button("▶", "monthLater", _("Bulan berikutnya"), 1)
        self.month_label = QLabel()
        self.month_label.setObjectName("monthTitle")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        month_row = QHBoxLayout()
        month_row.addWidget(self.earlier)
        month_row.addWidget(self.month_label, 1)
        month_row.addWidget(self.later)

        grid = QGridLayout()
        grid.setSpacing(4)
        for column, name in enumerate(weekday_names(self.words)):
            heading = QLabel(name)
            heading.setObjectName(f"weekday_{column}")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            weekend = column == 6
            heading.setStyleSheet(f"font-weight: bold; color: {theme.MONEY_OUT if weekend else theme.MUTED};")
            grid.addWidget(heading, 0, column)
        self.cells: list[QPushButton] = []
        for index in range(WEEKS * 7):
            cell = QPushButton()
            cell.setMinimumSize(CELL_WIDTH, CELL_HEIGHT)
            cell.setAutoDefault(False)
            cell.setCursor(Qt.CursorShape.PointingHandCursor)
            cell.clicked.connect(lambda _checked=False, i=index: self._cell_chosen(i))
            grid.addWidget(cell, 1 + index // 7, index % 7)
            self.cells.append(cell)
        calendar = QVBoxLayout()
        calendar.setSpacing(6)
        calendar.addLayout(month_row)
        calendar.addLayout(grid)

        self.today_button = answer_button(_("Hari ini"), "dateToday", _("Tanggal hari ini"))
        self.yesterday_button = answer_button(_("Kemarin"), "dateYesterday", _("Tanggal kemarin"))
        self.cancel_button = answer_button(_("Batal"), "dateCancel", _("Batal, tanggal tidak diganti"))
        self.today_button.clicked.connect(lambda: self.choose(self.today))
        self.yesterday_button.clicked.connect(lambda: self.choose(self.today.addDays(-1)))
        self.cancel_button.clicked.connect(self.reject)
        self.today_button.setEnabled(self._allowed(self.today))
        self.yesterday_button.setEnabled(self._allowed(self.today.addDays(-1)))
        quick = QVBoxLayout()
        quick.setSpacing(12)
        quick.addWidget(self.today_button)
        quick.addWidget(self.yesterday_button)
        quick.addStretch(1)
        quick.addWidget(self.cancel_button)
        side_by_side = QHBoxLayout()  # the quick answers beside the month: it fits a 600-px-high screen
        side_by_side.setSpacing(20)
        side_by_side.addLayout(calendar)
        side_by_side.addLayout(quick)
        self.body.addLayout(side_by_side)
        self.show_month(self.month)
        self.fit(7 * CELL_WIDTH + 6 * 4 + 20 + 200 + 48)

    def _step_button(self, arrow: str, object_name: str, accessible: str, months: int) -> QPushButton:
        button = name_widget(QPushButton(arrow), object_name, accessible)
        button.setFixedSize(64, theme.MIN_TARGET + 4)
        button.setAutoDefault(False)
        button.setStyleSheet("QPushButton { font-size: 16pt; }")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.show_month(self.month.addMonths(months)))
        return button

    def _allowed(self, day: QDate) -> bool:
        return self.earliest <= day <= self.latest

    def show_month(self, month: QDate) -> None:
        self.month = QDate(month.year(), month.month(), 1)
        self.month_label.setText(month_title(self.month, self.words))
        self.month_label.setAccessibleName(self.month_label.text())
        self.earlier.setEnabled(self.month > QDate(self.earliest.year(), self.earliest.month(), 1))
        self.later.setEnabled(self.month < QDate(self.latest.year(), self.latest.month(), 1))
        start = first_cell(self.month)
        for index, cell in enumerate(self.cells):
            day = start.addDays(index)
            if day.month() != self.month.month():  # another month's day: an empty, untouchable cell
                cell.setText("")
                name_widget(cell, f"dayCell_{index}", _("Bukan bulan ini"))
                cell.setEnabled(False)
                cell.setFlat(True)
                cell.setStyleSheet(f"QPushButton {{ border: none; background: none; min-height: {CELL_HEIGHT}px; }}")
                continue
            name_widget(cell, f"day_{day.day()}", spoken(day))
            cell.setText(str(day.day()))
            cell.setFlat(False)
            cell.setEnabled(self._allowed(day))
            cell.setStyleSheet(self._cell_style(day))

    def _cell_style(self, day: QDate) -> str:
        style = f"QPushButton {{ font-size: 15pt; padding: 0; min-height: {CELL_HEIGHT - 4}px; border-radius: 8px; }}"
        if day == self.selected:
            style += f"QPushButton {{ background: {theme.BUSINESS}; color: white; font-weight: bold; }}"
        elif day == self.today:
            style += f"QPushButton {{ border: 3px solid {theme.BUSINESS}; font-weight: bold; }}"
        if day.dayOfWeek() == 7 and day != self.selected:
            style += f"QPushButton:enabled {{ color: {theme.MONEY_OUT}; }}"
        return style + "QPushButton:disabled { color: #b0aca2; background: #efece5; border-color: #e2ded5; }"

    def _cell_chosen(self, index: int) -> None:
        self.choose(first_cell(self.month).addDays(index))

    def choose(self, day: QDate) -> None:
        if not self._allowed(day):
            return
        self.selected = day
        self.chosen.emit(day)
        self.accept()


class DateInput(QPushButton):
    """A date as words on a big button (``Sabtu, 27 Juli 2024``); a tap opens ``DateDialog``.

    The caller names it (objectName, accessibleName), as it would a ``QDateEdit``."""

    dateChanged = Signal(QDate)

    def __init__(self, today: QDate | None = None) -> None:
        super().__init__()
        self._today = today or QDate.currentDate()
        self._date = self._today
        self._earliest, self._latest = _EARLIEST, _LATEST
        self._format = "dddd, d MMMM yyyy"
        self._locale: QLocale | None = None
        self.dialog: DateDialog | None = None  # the open calendar, while it is open
        self.setMinimumHeight(theme.MIN_TARGET)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setIconSize(QSize(32, 32))
        self.setStyleSheet("QPushButton { text-align: left; padding-left: 12px; }")
        self.clicked.connect(self.open_calendar)
        self._show()

    # -- QDateEdit's API ----------------------------------------------------------------------
    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, day: QDate) -> None:
        day = min(max(day, self._earliest), self._latest)
        if day == self._date:
            return
        self._date = QDate(day)
        self._show()
        self.dateChanged.emit(QDate(day))

    def minimumDate(self) -> QDate:
        return QDate(self._earliest)

    def maximumDate(self) -> QDate:
        return QDate(self._latest)

    def setMinimumDate(self, day: QDate) -> None:
        self._earliest = QDate(day)
        self._latest = max(self._latest, self._earliest)
        self.setDate(self._date)

    def setMaximumDate(self, day: QDate) -> None:
        self._latest = QDate(day)
        self._earliest = min(self._earliest, self._latest)
        self.setDate(self._date)

    def setDisplayFormat(self, display: str) -> None:
        """A ``QLocale`` date format for the words on the button (``d MMMM yyyy`` where room is short)."""
        self._format = display
        self._show()

    def setLocale(self, locale: QLocale | QLocale.Language) -> None:
        self._locale = QLocale(locale)
        super().setLocale(self._locale)
        self._show()

    # -- the calendar -------------------------------------------------------------------------
    def setToday(self, today: QDate) -> None:
        """The day *Hari ini* stands for (the kiosk's clock, not the machine's, in tests and demos)."""
        self._today = QDate(today)

    def open_calendar(self) -> DateDialog:
        title = self.accessibleName() or _("Pilih tanggal")
        # the window as parent: centred on it, and untouched by this button's own style sheet
        dialog = DateDialog(self.window(), title, self._date, self._today, self._earliest, self._latest)
        dialog.chosen.connect(self.setDate)
        dialog.finished.connect(self._calendar_closed)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _calendar_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.setFocus()

    def _show(self) -> None:
        locale = self._locale or fmt.locale()
        self.setText(locale.toString(self._date, self._format))
        self.setIcon(icons.glyph(str(self._date.day()), theme.BUSINESS, square=True))  # a tear-off calendar page
        self.setAccessibleDescription(spoken(self._date))
