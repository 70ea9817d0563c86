"""The narrow column between her two books: *Pindahkan Uang*, the three moves, *Usaha tutup hari
ini*; for her mentor, *Mulai sesi* and *Kembali ke daftar* where the moves stand."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..domain.model import MoveKind
from ..i18n import _
from . import icons, theme
from .book_words import move_button_text, move_choices
from .widgets import tool_button

WIDTH = 170
BUTTON_HEIGHT = 88  # a 32-px picture over two short lines; four fit the column at 1024×600
ICON = 32


def _column_button(button: QToolButton, height: int = BUTTON_HEIGHT) -> QToolButton:
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    button.setIconSize(QSize(ICON, ICON))  # the move's picture is what a non-reader looks for
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setMinimumHeight(height)
    return button


class MoveColumn(QWidget):
    move_requested = Signal(object)  # a MoveKind value, or None for "choose in the dialog"
    session_requested = Signal()
    caseload_requested = Signal()
    reports_requested = Signal()  # a mentor: Rapor Usaha, the statements, the letter

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("moveColumn")
        middle = QVBoxLayout(self)
        middle.setContentsMargins(0, 0, 0, 0)  # the column is narrow: its buttons need every pixel
        middle.setSpacing(8)
        self.move_button = _column_button(
            tool_button(_("Pindahkan\nUang"), "moveMoney", icons.action("move"), _("Pindahkan uang antara dua buku")),
            92,
        )
        self.move_button.setStyleSheet(f"QToolButton {{ font-weight: bold; border: 3px solid {theme.MOVE}; }}")
        self.move_button.clicked.connect(lambda: self.move_requested.emit(None))
        middle.addWidget(self.move_button)
        self.move_buttons: list[QToolButton] = []
        for choice in move_choices():
            button = _column_button(
                tool_button(move_button_text(choice.id), f"move_{choice.id}", choice.icon, choice.full_name)
            )
            button.clicked.connect(lambda _c=False, kind=choice.id: self.move_requested.emit(kind))
            middle.addWidget(button)
            self.move_buttons.append(button)
            if choice.id == MoveKind.START_CAPITAL.value:
                self.start_capital_button = button
        # a mentor reads the book (issue 8 §4): these two stand where the moves stand for her
        self.start_session = tool_button(_("Mulai sesi"), "startSession", icons.action("session"),
                                         _("Mulai sesi pendampingan"))  # fmt: skip
        self.back_to_caseload = tool_button(_("Kembali ke\ndaftar"), "backToCaseload", icons.action("back"),
                                            _("Kembali ke daftar dampingan"))  # fmt: skip
        self.mentor_reports = tool_button(_("Laporan"), "mentorReports", icons.action("report"),
                                          _("Laporan: Rapor Usaha, laporan keuangan, surat pendampingan"))  # fmt: skip
        for button, signal in (
            (self.start_session, self.session_requested),
            (self.mentor_reports, self.reports_requested),
            (self.back_to_caseload, self.caseload_requested),
        ):
            _column_button(button)
            button.clicked.connect(signal.emit)
            button.hide()
            middle.addWidget(button)
        middle.addStretch(1)
        self.closed_button = _column_button(
            tool_button(_("Usaha tutup hari ini"), "closedToday", icons.action("closed"))
        )
        self.closed_button.setCheckable(True)
        # checked, the theme's border is 1 px wider: less padding keeps the size (and the column) as it was
        self.closed_button.setStyleSheet("QToolButton:checked { padding: 3px 13px; }")
        middle.addWidget(self.closed_button)
        self.setFixedWidth(WIDTH)
