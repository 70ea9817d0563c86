"""Standard questions, asked through one place so that tests (and assistive tools) can answer them.

Every question is the kiosk's own large dialog (no stock ``QMessageBox``/``QInputDialog``, whose
buttons and rows are small and whose words Qt has no Indonesian for): a title and text in big
type, and buttons at least 48 px high whose words name the action (*Ya, batalkan* / *Tidak*).
Tests replace ``Ask``'s methods instead of running a modal loop; the dialog classes themselves are
shown with ``open()`` in their own tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
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
    QVBoxLayout,
    QWidget,
)

from ..i18n import _
from . import icons, theme
from .widgets import name_widget

BUTTON_HEIGHT = 64  # the answer buttons: well over the 48-px minimum, for an unsure finger
_MARGIN = 24  # kept free around a dialog on the smallest (1024×600) screen


def void_reasons() -> list[str]:
    return [
        _("Salah jumlah"),
        _("Salah buku (usaha/pribadi)"),
        _("Salah kategori"),
        _("Tercatat dua kali"),
        _("Tidak jadi"),
    ]


def answer_button(text: str, object_name: str, accessible: str | None = None, primary: bool = False) -> QPushButton:
    """A big answer button; ``primary`` is the one that does what was asked (bold, green edge)."""
    button = name_widget(QPushButton(text), object_name, accessible or text.replace("&", ""))
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.setMinimumWidth(190)
    button.setAutoDefault(False)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    style = f"QPushButton {{ font-size: 15pt; min-height: {BUTTON_HEIGHT - 12}px; padding: 4px 20px; }}"
    if primary:
        style += (
            f"QPushButton {{ font-weight: bold; border: 3px solid {theme.MONEY_IN}; background: #e3f5ee; }}"
            "QPushButton:disabled { border-color: #dddddd; background: #f4f4f4; }"
        )
    button.setStyleSheet(style)
    return button


class KioskDialog(QDialog):
    """The frame every question shares: an icon, a big title, the text (scrolling when long), buttons.

    The title is also on the page, not only in the window's title bar: with no window manager
    there is no title bar. The dialog never grows past the screen it is on."""

    def __init__(
        self, parent: QWidget | None, object_name: str, title: str, text: str, icon: QIcon | None = None
    ) -> None:
        super().__init__(parent)
        name_widget(self, object_name, title)
        self.setProperty("role", "kiosk")
        self.setWindowTitle(title)
        self.setModal(True)
        self.title = QLabel(title)
        self.title.setObjectName(f"{object_name}Title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 19pt; font-weight: bold;")
        self.text = QLabel(text)
        self.text.setObjectName(f"{object_name}Text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 15pt;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setVisible(bool(text))
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self.text)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self._scroll.setVisible(bool(text))

        heading = QHBoxLayout()
        heading.setSpacing(14)
        if icon is not None:
            mark = QLabel()
            mark.setPixmap(icon.pixmap(48, 48))
            mark.setFixedSize(52, 52)
            heading.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        self.body = QVBoxLayout()  # what a dialog adds between the text and the buttons
        self.body.setSpacing(10)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(14)
        self.buttons.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 18, 24, 18)
        self.column.setSpacing(12)
        self.column.addLayout(heading)
        self.column.addWidget(self._scroll)
        self.column.addLayout(self.body)
        self.column.addLayout(self.buttons)

    def add_button(self, button: QPushButton) -> QPushButton:
        self.buttons.addWidget(button)
        return button

    def available(self) -> tuple[int, int]:
        """Width and height the dialog may take on its screen (the parent's, else the primary one)."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        geometry = screen.availableGeometry()
        return geometry.width() - 2 * _MARGIN, geometry.height() - 2 * _MARGIN

    def fit(self, width: int = 720) -> None:
        """``width`` (or the screen's, when narrower); the text scrolls instead of pushing the buttons off."""
        max_width, max_height = self.available()
        width = min(width, max_width)
        self.setMaximumSize(max_width, max_height)
        layout = self.column
        self._scroll.hide()
        layout.activate()
        rest = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if self.text.text():
            self._scroll.show()
            wanted = self.text.heightForWidth(width - 2 * 24 - theme.MIN_TARGET) + 4
            self._scroll.setFixedHeight(max(theme.MIN_TARGET, min(wanted, max_height - rest - 12)))
        layout.activate()
        self.resize(width, min(max_height, self.heightForWidth(width) if self.hasHeightForWidth() else rest))


class ConfirmDialog(KioskDialog):
    """``confirmDialog``: a question and two big answers; the safe answer (*Tidak*) has the focus."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None
    ) -> None:
        super().__init__(parent, "confirmDialog", title, text, icons.glyph("?", theme.BUSINESS))
        self.no_button = self.add_button(answer_button(no or _("Tidak"), "confirmNo"))
        self.yes_button = self.add_button(answer_button(yes or _("Ya"), "confirmYes", primary=True))
        self.no_button.clicked.connect(self.reject)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.setDefault(True)
        self.no_button.setFocus()
        self.fit()


class ReasonDialog(KioskDialog):
    """``reasonDialog``: why an entry is voided: a big row per usual reason, or her own words."""

    def __init__(self, parent: QWidget | None, description: str, reasons: Sequence[str]) -> None:
        super().__init__(
            parent,
            "reasonDialog",
            _("Alasan pembatalan"),
            _("{entry}\nKenapa dibatalkan? Pilih atau tulis alasannya.", entry=description),
        )
        self.group = QButtonGroup(self)
        self.rows: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, reason in enumerate(reasons):
            row = name_widget(QPushButton(reason), f"reason_{index}", reason)
            row.setCheckable(True)
            row.setAutoDefault(False)
            row.setMinimumHeight(56)
            row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.setCursor(Qt.CursorShape.PointingHandCursor)
            row.setStyleSheet("QPushButton { font-size: 15pt; text-align: left; padding-left: 16px; }")
            self.group.addButton(row, index)
            grid.addWidget(row, index // 2, index % 2)
            self.rows.append(row)
        self.other = name_widget(QLineEdit(), "reasonOther", _("Alasan lain"))
        self.other.setPlaceholderText(_("Alasan lain: tulis di sini"))
        self.other.setMaxLength(200)
        self.other.setMinimumHeight(56)
        self.other.setStyleSheet("QLineEdit { font-size: 15pt; }")
        self.body.addLayout(grid)
        self.body.addWidget(self.other)
        self.cancel_button = self.add_button(answer_button(_("Batal"), "reasonCancel", _("Batal, tidak dibatalkan")))
        self.save_button = self.add_button(
            answer_button(_("Simpan"), "reasonSave", _("Simpan alasan dan batalkan catatan"), primary=True)
        )
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.accept)
        self.group.buttonClicked.connect(self._row_chosen)
        self.other.textEdited.connect(self._typed)
        self.other.returnPressed.connect(self._save_if_ready)
        self._refresh()
        self.fit(760)

    def reason(self) -> str | None:
        """The chosen row's words or her own; None when there is neither."""
        typed = self.other.text().strip()
        if typed:
            return typed
        row = self.group.checkedButton()
        return row.text() if row is not None else None

    def _row_chosen(self) -> None:
        self.other.clear()
        self._refresh()

    def _typed(self, text: str) -> None:
        if text.strip() and self.group.checkedButton() is not None:
            self.group.setExclusive(False)  # an exclusive group cannot be left with nothing checked
            for row in self.rows:
                row.setChecked(False)
            self.group.setExclusive(True)
        self._refresh()

    def _refresh(self) -> None:
        self.save_button.setEnabled(self.reason() is not None)

    def _save_if_ready(self) -> None:
        if self.reason() is not None:
            self.accept()


class MessageDialog(KioskDialog):
    """``messageDialog``: something to know (inform), to act on (warn), or a bug (error); one big button."""

    KINDS = ("inform", "warn", "error")

    def __init__(self, parent: QWidget | None, kind: str, title: str, text: str) -> None:
        icon = icons.verdict(True) if kind == "inform" else icons.warning()
        super().__init__(parent, "messageDialog", title, text, icon)
        self.kind = kind
        words = _("Baik") if kind == "inform" else _("Tutup")
        self.ok_button = self.add_button(answer_button(words, "messageOk", primary=kind == "inform"))
        self.ok_button.clicked.connect(self.accept)
        self.ok_button.setDefault(True)
        self.ok_button.setFocus()
        if kind == "error":
            self.text.setStyleSheet(f"font-size: 14pt; color: {theme.INK};")
        self.fit()


class Ask:
    @staticmethod
    def confirm(parent: QWidget, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
        """Yes or no; ``yes``/``no`` name the action on the buttons (*Ya, batalkan*), else *Ya*/*Tidak*."""
        return ConfirmDialog(parent, title, text, yes, no).exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def void_reason(parent: QWidget, description: str) -> str | None:
        """Pick a reason from a short list or type one; None when she changes her mind."""
        dialog = ReasonDialog(parent, description, void_reasons())
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def inform(parent: QWidget | None, title: str, text: str) -> None:
        MessageDialog(parent, "inform", title, text).exec()

    @staticmethod
    def warn(parent: QWidget | None, title: str, text: str) -> None:
        """Something she or the operator must know (a file that cannot be used, a save refused)."""
        MessageDialog(parent, "warn", title, text).exec()

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        """A bug: the crash dialog."""
        MessageDialog(parent, "error", title, text).exec()
