"""Kiosk style: large readable text, big touch targets, colour always paired with shape and word.

Colours are from the Okabe-Ito palette, which stays distinct for colour-blind eyes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

BUSINESS = "#0072B2"  # blue: Buku Usaha
PERSONAL = "#CC79A7"  # purple: Buku Pribadi
MONEY_IN = "#007557"  # bluish green (Okabe-Ito #009E73 darkened: 5.7:1 on white, WCAG AA for text)
MONEY_OUT = "#B34700"  # vermillion (Okabe-Ito #D55E00 darkened: 5.5:1 on white)
MOVE = "#E69F00"  # orange
INK = "#1b1b1b"
REFUSED_TEXT = "#a33a00"  # what was refused, in words: 6.4:1 on white
MUTED = "#5c5c5c"
PAPER = "#f7f5f0"
CARD = "#ffffff"
# Each at least 4.5:1 against white text, but yellow, which takes dark text (icons.ink_on).
STATUS_COLOURS = {"green": MONEY_IN, "yellow": "#E69F00", "red": MONEY_OUT, "grey": "#6e6e6e"}

BASE_POINT_SIZE = 13
MIN_TARGET = 48  # px: the smallest thing a finger has to hit

# Scroll bars are a finger wide. Their length here is only the size *hint* (a bar always fills its
# side): without it a wide bar's hint (two arrows and a handle) would make every scroll area taller.
STYLE_SHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QStackedWidget > QWidget {{ background: {PAPER}; }}
QPushButton, QToolButton {{
    min-height: {MIN_TARGET}px; padding: 4px 14px; border-radius: 10px;
    border: 2px solid #b9b4a8; background: {CARD};
}}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QDateEdit:focus {{ border: 3px solid {BUSINESS}; }}
QPushButton:pressed, QToolButton:pressed {{ background: #e8e4da; }}
QPushButton:disabled {{ color: #9a9a9a; border-color: #dddddd; }}
QToolButton:checked, QPushButton:checked {{ background: #fff1c7; border: 3px solid {MOVE}; }}
QLineEdit, QDateEdit {{
    min-height: {MIN_TARGET}px; padding: 2px 10px; border-radius: 8px;
    border: 2px solid #b9b4a8; background: {CARD};
}}
QLineEdit[invalid="true"] {{ border: 3px solid {MONEY_OUT}; }}
QTableView {{ background: {CARD}; border: 1px solid #d6d1c4; gridline-color: #eeeae0; }}
QHeaderView::section {{ background: #ece8df; padding: 6px; border: none; font-weight: bold; }}
QLabel[role="title"] {{ font-size: 20pt; font-weight: bold; }}
QLabel[role="balance"] {{ font-size: 24pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: #a33a00; font-weight: bold; }}
QFrame[role="panel"] {{ background: {CARD}; border-radius: 14px; border: 1px solid #d6d1c4; }}
QFrame[role="toast"] {{ background: #2f2f2f; border-radius: 10px; }}
QFrame[role="toast"] QLabel {{ color: white; }}
QMessageBox QLabel {{ font-size: 15pt; }}
QCheckBox {{ min-height: {MIN_TARGET}px; spacing: 12px; }}
QCheckBox::indicator {{ width: {MIN_TARGET}px; height: {MIN_TARGET}px; }}
QComboBox {{ min-height: {MIN_TARGET}px; padding: 2px 10px; }}
QComboBox QAbstractItemView {{ background: {CARD}; }}
QComboBox QAbstractItemView::item {{ min-height: {MIN_TARGET}px; padding: 0 10px; }}
QAbstractSpinBox {{ min-height: {MIN_TARGET}px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {MIN_TARGET}px; }}
QTabBar::tab {{
    min-height: {MIN_TARGET}px; min-width: 96px; padding: 4px 18px; margin-right: 4px;
    background: #ece8df; border: 2px solid #b9b4a8; border-bottom: none;
    border-top-left-radius: 10px; border-top-right-radius: 10px;
}}
QTabBar::tab:selected {{ background: {CARD}; border: 3px solid {BUSINESS}; border-bottom: none; font-weight: bold; }}
QScrollBar:vertical {{ width: {MIN_TARGET}px; background: #ece8df; margin: 0; border: none; }}
QScrollBar:horizontal {{ height: {MIN_TARGET}px; background: #ece8df; margin: 0; border: none; }}
QScrollBar:vertical {{ height: 24px; }}
QScrollBar:horizontal {{ width: 24px; }}
QScrollBar::handle {{ background: #a8a293; border-radius: 10px; margin: 5px; }}
QScrollBar::handle:vertical {{ min-height: {MIN_TARGET}px; }}
QScrollBar::handle:horizontal {{ min-width: {MIN_TARGET}px; }}
QScrollBar::handle:pressed {{ background: {BUSINESS}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QDialog[role="kiosk"] {{ background: {PAPER}; border: 2px solid #8a8478; }}
"""


STYLE = "Fusion"
"""One look on every desktop. Asked for on the command line of the app's own ``QApplication``
(``new_application``): through ``setStyle`` PySide6 would first build the Python type of ``QStyle``
with all its enums, ~5 ms of the start-up budget (issue 11 §7)."""
_STYLED = "wirausahaStyled"  # a property of the application: the style is already ours


def new_application(argv: Sequence[str]) -> QApplication:
    app = QApplication([argv[0] if argv else "wirausaha", "-style", STYLE])  # Qt reads the style from argv[1:]
    app.setProperty(_STYLED, True)
    return app


def apply(app: QApplication) -> None:
    """Style, type size, style sheet and Qt's own words; on an application made elsewhere (tests) too."""
    from . import qt_words

    if not app.property(_STYLED):
        app.setStyle(STYLE)
        app.setProperty(_STYLED, True)
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    qt_words.install(app)


def qcolor(hex_colour: str) -> QColor:
    return QColor(hex_colour)
