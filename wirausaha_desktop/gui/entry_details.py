"""One entry in full: a tap on a row of her book shows what the row has no room for (the whole note)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..domain.model import Direction, Entry
from ..i18n import _
from . import fmt
from .widgets import label, name_widget


class EntryDetailsDialog(QDialog):
    """``entryDetails``: date, book, what for, amount, note and (when cancelled) why; *Batalkan* from here."""

    void_requested = Signal(str)  # entry id

    def __init__(self, parent: QWidget, entry: Entry, book: str, what: str, hidden: bool, can_void: bool) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        self.setWindowTitle(_("Catatan"))
        self.setAccessibleName(_("Catatan lengkap"))
        self.setModal(True)
        self.setStyleSheet("QDialog#entryDetails { border: 3px solid #5c5c5c; }")  # an edge with no window manager
        self._entry = entry
        heading = label(what, "title", wrap=True)
        heading.setObjectName("detailsWhat")
        self.amount = label("", "balance")
        self.amount.setObjectName("detailsAmount")
        rows = QGridLayout()
        rows.setHorizontalSpacing(16)
        rows.setVerticalSpacing(8)
        lines = [
            (_("Tanggal"), fmt.long_date(entry.date), "detailsDate"),
            (_("Buku"), book, "detailsBook"),
            (_("Catatan"), entry.note or _("(tidak ada catatan)"), "detailsNote"),
        ]
        if entry.voided:
            lines.append((_("Dibatalkan"), entry.void_reason or "", "detailsVoided"))
        for row, (caption, text, object_name) in enumerate(lines):
            rows.addWidget(label(caption, "hint"), row, 0, Qt.AlignmentFlag.AlignTop)
            value = label(text, wrap=True)
            value.setObjectName(object_name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            rows.addWidget(value, row, 1)
        rows.setColumnStretch(1, 1)
        self.void_button = name_widget(QPushButton(_("Batalkan catatan ini")), "detailsVoid", _("Batalkan catatan ini"))
        self.void_button.setAutoDefault(False)
        self.void_button.setVisible(can_void and not entry.voided)
        self.void_button.clicked.connect(self._void)
        close = name_widget(QPushButton(_("Tutup")), "detailsClose", _("Tutup catatan"))
        close.setDefault(True)
        close.setMinimumWidth(160)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.amount)
        layout.addLayout(rows)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.set_amounts_hidden(hidden)

    def set_amounts_hidden(self, hidden: bool) -> None:
        sign = "+" if self._entry.direction is Direction.IN else "−"
        self.amount.setText(f"{sign} {fmt.money(self._entry.amount, hidden)}")
        self.amount.setAccessibleName(_("Jumlah: {amount}", amount=self.amount.text()))

    def _void(self) -> None:
        self.accept()
        self.void_requested.emit(self._entry.id)
