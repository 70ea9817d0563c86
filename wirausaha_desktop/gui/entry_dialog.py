"""The entry dialog: amount (typed or banknotes), what it was for (icon grid), date, note.

Used for money in, money out and moves alike: only the list of choices differs. The dialog does
not write; it hands a draft to ``submit`` with its own ``show_problem``, and ``submit`` runs the
write through the window's ``OperationBus``: the ``Changes``, or None when nothing was saved (the
refusal is then on show in the dialog, and her input stays).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.money import parse_amount
from ..domain.problems import Problem
from ..domain.unusual import ALWAYS_ASK_ABOVE, SecondLook, Why, second_look
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from . import fmt, icons
from .date_field import DateInput
from .dialogs import Ask
from .widgets import name_widget

BANKNOTES = (2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
BANKNOTE_ICON = QSize(80, 40)  # 2 : 1 like the notes; three fit side by side at 1024×600


@dataclass(frozen=True)
class Choice:
    id: str
    label: str  # short, on the button
    full_name: str  # accessible name and tooltip
    icon: QIcon


@dataclass(frozen=True)
class Draft:
    choice_id: str
    amount: int
    day: dt.date
    note: str


def second_look_question(amount: int, look: SecondLook) -> str:
    """ "Benar Rp…?" and, in a few words, why she is asked."""
    if look.why is Why.FAR_ABOVE_USUAL and look.usual is not None:
        return _("Benar {amount}?\nBiasanya untuk ini sekitar {usual}.", amount=fmt.money(amount),
                 usual=fmt.money(look.usual))  # fmt: skip
    return _("Benar {amount}?\nJumlah ini lebih dari {limit}.", amount=fmt.money(amount),
             limit=fmt.money(ALWAYS_ASK_ABOVE))  # fmt: skip


class CategoryGrid(QWidget):
    """Exclusive icon buttons; ``categoryInput`` in the dialog."""

    changed = Signal(str)

    def __init__(self, choices: Sequence[Choice], columns: int) -> None:
        super().__init__()
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._ids: dict[int, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        for index, choice in enumerate(choices):
            button = QToolButton()
            button.setCheckable(True)
            button.setText(textwrap.fill(choice.label, 12))
            button.setIcon(choice.icon)
            button.setIconSize(QSize(32, 32))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumSize(112, 92)
            button.setStyleSheet("QToolButton { min-height: 84px; }")  # the theme's 48 px would squash two lines
            button.setToolTip(choice.full_name)
            name_widget(button, f"choice_{index}", choice.full_name)
            self._group.addButton(button, index)
            self._ids[index] = choice.id
            grid.addWidget(button, index // columns, index % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self._group.idClicked.connect(lambda index: self.changed.emit(self._ids[index]))

    def selected(self) -> str | None:
        index = self._group.checkedId()
        return self._ids.get(index)

    def select(self, choice_id: str) -> None:
        for index, known in self._ids.items():
            if known == choice_id:
                button = self._group.button(index)
                button.setChecked(True)
                self.changed.emit(choice_id)
                return
        raise KeyError(choice_id)

    def buttons(self) -> list[QToolButton]:
        return [b for b in self.findChildren(QToolButton) if b.objectName().startswith("choice_")]


class EntryDialog(QDialog):
    saved = Signal(object)  # the Changes returned by submit

    def __init__(
        self,
        parent: QWidget,
        title: str,
        choices: Sequence[Choice],
        choice_heading: str,
        today: dt.date,
        usual_amounts: Mapping[str, Sequence[int]],
        submit: Callable[[Draft, Callable[[Problem], None]], Changes | None],
        preselect: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entryDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self._today = today
        self._usual = usual_amounts  # her amounts of the last 90 days, by choice id
        self._submit = submit
        self._amount: int | None = None
        self._amount_problem: Problem | None = None
        self._tried = False  # no red word before she has pressed Simpan once

        heading = QLabel(title)
        heading.setProperty("role", "title")
        heading.setWordWrap(True)

        self.amount_input = name_widget(QLineEdit(), "amountInput", _("Jumlah uang"))
        self.amount_input.setPlaceholderText(_("misalnya 15rb"))  # a longer example is cut at 1024 px
        self.amount_input.setMaxLength(24)
        font = self.amount_input.font()
        font.setPointSize(20)
        self.amount_input.setFont(font)
        self.amount_echo = QLabel(" ")
        self.amount_echo.setObjectName("amountEcho")
        self.amount_echo.setWordWrap(True)

        notes = QGridLayout()
        notes.setSpacing(6)
        for index, value in enumerate(BANKNOTES):
            note_button = name_widget(  # the note she holds: its colour and its big number
                QPushButton("+"),
                f"banknote_{value}",
                _("Tambah {amount}", amount=fmt.money(value)),
            )
            note_button.setIcon(icons.banknote(value))
            note_button.setIconSize(BANKNOTE_ICON)
            note_button.setToolTip(_("Tambah {amount}", amount=fmt.money(value)))
            note_button.setStyleSheet(
                f"QPushButton {{ border: 3px solid {icons.banknote_colour(value)}; padding: 2px 6px;"
                " font-size: 18pt; font-weight: bold; }"
            )
            note_button.setAutoDefault(False)
            note_button.clicked.connect(lambda _checked=False, v=value: self._add_banknote(v))
            notes.addWidget(note_button, index // 3, index % 3)
        clear = name_widget(QPushButton(_("Hapus")), "clearAmount", _("Hapus jumlah"))
        clear.setAutoDefault(False)
        clear.clicked.connect(self._clear_amount)
        amount_row = QHBoxLayout()  # Hapus beside what it clears: the notes keep two rows at 1024×600
        amount_row.addWidget(self.amount_input, 1)
        amount_row.addWidget(clear)

        self.date_input = name_widget(DateInput(QDate(today.year, today.month, today.day)), "dateInput", _("Tanggal"))
        self.date_input.setDisplayFormat("dd/MM/yyyy")
        self.date_input.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_input.setDate(QDate(today.year, today.month, today.day))
        self.date_text = QLabel()
        self.date_text.setProperty("role", "hint")
        today_button = name_widget(QPushButton(_("Hari ini")), "todayButton", _("Tanggal hari ini"))
        yesterday_button = name_widget(QPushButton(_("Kemarin")), "yesterdayButton", _("Tanggal kemarin"))
        for button, offset in ((today_button, 0), (yesterday_button, 1)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, days=offset: self.set_day(today - dt.timedelta(days=days)))
        self.date_input.dateChanged.connect(self._show_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_input, 2)
        date_row.addWidget(today_button, 1)
        date_row.addWidget(yesterday_button, 1)

        self.note_input = name_widget(QLineEdit(), "noteInput", _("Catatan (boleh kosong)"))
        self.note_input.setPlaceholderText(_("Catatan (boleh kosong)"))
        self.note_input.setMaxLength(200)

        self.category_input = CategoryGrid(choices, columns=3)
        name_widget(self.category_input, "categoryInput", choice_heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.category_input)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(380)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("dialogProblem")
        self.problem_label.setProperty("role", "error")
        self.problem_label.setWordWrap(True)
        self.save_button = name_widget(QPushButton(_("Simpan")), "saveEntry", _("Simpan catatan"))
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(160)
        self.save_button.setStyleSheet(
            "QPushButton { font-weight: bold; border: 3px solid #009E73; background: #e3f5ee; }"
        )
        cancel = name_widget(QPushButton(_("Batal")), "cancelEntry", _("Batal, tidak disimpan"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.try_save)

        # Two columns, each as short as it can be: the whole dialog fits a 1024×600 screen,
        # with a window manager's title bar too (about 440 px high at the least).
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(QLabel(_("Berapa?")))
        left.addLayout(amount_row)
        left.addWidget(self.amount_echo)
        left.addLayout(notes)
        left.addSpacing(4)
        when = QHBoxLayout()
        when.addWidget(QLabel(_("Kapan?")))
        when.addWidget(self.date_text, 1)
        left.addLayout(when)
        left.addLayout(date_row)
        left.addWidget(self.note_input)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button, 1)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(QLabel(choice_heading))
        right.addWidget(scroll, 1)
        right.addWidget(self.problem_label)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        outer = QVBoxLayout(self)
        outer.setSpacing(6)
        outer.addWidget(heading)
        outer.addLayout(body, 1)

        self.amount_input.textChanged.connect(self._amount_changed)
        self.category_input.changed.connect(lambda _id: self._refresh_save())
        if preselect:
            self.category_input.select(preselect)
        self._show_date(self.date_input.date())
        self._amount_changed("")
        self.amount_input.setFocus()

    # -- amount -----------------------------------------------------------------------------
    def _amount_changed(self, text: str) -> None:
        parsed = parse_amount(text) if text.strip() else None
        self._amount_problem = parsed if isinstance(parsed, Problem) else None
        self._amount = None if isinstance(parsed, Problem) else parsed
        self._show_amount()
        self._refresh_save()

    def _show_amount(self) -> None:
        """What she typed, read back; what is wrong with it is said in grey until she presses Simpan."""
        if self._amount_problem is not None:
            self.amount_echo.setText(describe(self._amount_problem))
            self.amount_echo.setProperty("role", "error" if self._tried else "hint")
        elif self._amount is not None:
            self.amount_echo.setText(fmt.money(self._amount))
            self.amount_echo.setProperty("role", "balance")
        elif self._tried:
            self.amount_echo.setText(_("Tulis jumlahnya dulu, atau tekan uang kertas."))
            self.amount_echo.setProperty("role", "error")
        else:
            self.amount_echo.setText(_("Ketik jumlah atau tekan uang kertas."))
            self.amount_echo.setProperty("role", "hint")
        self.amount_input.setProperty("invalid", self._tried and self._amount is None)
        for widget in (self.amount_echo, self.amount_input):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.amount_input.setAccessibleDescription(self.amount_echo.text())

    def _add_banknote(self, value: int) -> None:
        total = (self._amount or 0) + value
        self.amount_input.setText(fmt.money(total).removeprefix("Rp"))

    def _clear_amount(self) -> None:
        self.amount_input.clear()
        self.amount_input.setFocus()

    def amount(self) -> int | None:
        return self._amount

    # -- date --------------------------------------------------------------------------------
    def set_day(self, day: dt.date) -> None:
        self.date_input.setDate(QDate(day.year, day.month, day.day))

    def day(self) -> dt.date:
        q = self.date_input.date()
        return dt.date(q.year(), q.month(), q.day())

    def _show_date(self, _date: QDate) -> None:
        day = self.day()
        when = _("hari ini") if day == self._today else _("kemarin") if day == self._today - dt.timedelta(1) else ""
        text = fmt.long_date(day)
        self.date_text.setText(f"{text} ({when})" if when else text)

    # -- saving ------------------------------------------------------------------------------
    def _refresh_save(self) -> None:
        """Simpan is always there to press; what is missing is said only once she has pressed it."""
        if not self._tried:
            self.problem_label.clear()
        elif self.category_input.selected() is None:
            self.problem_label.setText(_("Pilih untuk apa uang ini."))
        elif self._amount is None:
            self.problem_label.setText(_("Jumlahnya belum bisa disimpan."))
        else:
            self.problem_label.clear()

    def try_save(self) -> None:
        self._tried = True
        self._show_amount()
        self._refresh_save()
        choice = self.category_input.selected()
        if self._amount is None or choice is None:
            (self.amount_input if self._amount is None else self.category_input).setFocus()
            return
        look = second_look(self._amount, self._usual.get(choice, ()))
        if look is not None and not Ask.confirm(
            self, _("Periksa lagi"), second_look_question(self._amount, look), yes=_("Ya, benar"), no=_("Tidak, ubah")
        ):
            self.amount_input.setFocus()
            self.amount_input.selectAll()  # typing replaces the amount at once
            return
        result = self._submit(Draft(choice, self._amount, self.day(), self.note_input.text()), self.show_problem)
        if result is None:  # refused (its words are on show) or a bug (the crash dialog): her input stays
            return
        self.saved.emit(result)
        self.accept()

    def show_problem(self, problem: Problem) -> None:
        self.problem_label.setText(describe(problem))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_save()
            return
        super().keyPressEvent(event)
