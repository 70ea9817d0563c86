"""*Siapa yang melihat buku saya?*: every look at her book by someone else, newest first, in words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..domain.model import AccessAction, AccessRecord, Role
from ..i18n import _
from . import fmt, icons, theme
from .widgets import big_button, label, name_widget


def action_words(action: AccessAction) -> str:
    return {
        AccessAction.SUMMARY: _("melihat ringkasan bulanan"),
        AccessAction.EXPORT_CSV: _("menyalin buku ke file CSV"),
        AccessAction.IMPORT_CSV: _("menambah catatan dari file CSV"),
        AccessAction.VIEW_BOOK: _("membuka buku Anda"),
        AccessAction.EXPORT_BOOK: _("menyalin seluruh buku Anda ke file buku (untuk dibawa ke kios lain)"),
        AccessAction.IMPORT_BOOK: _("memasukkan buku Anda dari file buku"),
        AccessAction.PIN_RESET: _("mengganti PIN Anda"),
        AccessAction.PIN_UNLOCK: _("membuka kunci PIN Anda"),
        AccessAction.CASELOAD: _("melihat lampu usaha Anda di daftar dampingan"),
        AccessAction.SESSION: _("mencatat sesi pendampingan dengan Anda"),
        AccessAction.REPORT: _("membuat laporan PDF dari buku Anda"),
    }.get(action, action.value)


def channel_words(channel: str) -> str:
    return _("lewat baris perintah") if channel == "cli" else _("lewat aplikasi")


def when(record: AccessRecord) -> dt.datetime:
    return dt.datetime.strptime(record.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def record_text(record: AccessRecord) -> str:
    """Two lines: when (local time), then who did what and how."""
    what, channel = action_words(record.action), channel_words(record.channel)
    if record.role is Role.OPERATOR:
        sentence = _("Petugas kios {what}, {channel}.", what=what, channel=channel)
    elif record.role is Role.MENTOR:
        sentence = _("Pendamping {name} {what}, {channel}.", name=record.who, what=what, channel=channel)
    else:
        sentence = _("{who} {what}, {channel}.", who=record.who, what=what, channel=channel)
    return f"{fmt.date_time(when(record))}\n{sentence}"


class AccessLogDialog(QDialog):
    """``accessLogDialog``: a large window she can read slowly; closed by *Tutup* or by the lock."""

    def __init__(self, parent: QWidget, records: list[AccessRecord]) -> None:
        super().__init__(parent)
        name_widget(self, "accessLogDialog", _("Siapa yang melihat buku saya?"))
        self.setWindowTitle(_("Siapa yang melihat buku saya?"))
        self.setModal(True)
        title = label(_("Siapa yang melihat buku saya?"), "title", wrap=True)
        hint = label(
            _("Setiap kali orang lain (pendamping, petugas kios) melihat atau mengubah sesuatu di buku Anda, "
              "tercatat di sini. Isi buku Anda tidak ikut dicatat."),
            "hint",
            wrap=True,
        )  # fmt: skip
        self.list = name_widget(QListWidget(), "accessLogList", _("Daftar orang yang melihat buku Anda"))
        self.list.setStyleSheet("QListWidget { font-size: 15pt; background: white; }")
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(36, 36))
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        line = self.list.fontMetrics().lineSpacing()
        for record in records:
            item = QListWidgetItem(icons.person(theme.BUSINESS if record.role is Role.OPERATOR else theme.PERSONAL),
                                   record_text(record))  # fmt: skip
            item.setSizeHint(QSize(0, max(64, int(line * 2.6))))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, record_text(record).replace("\n", ", "))
            self.list.addItem(item)
        self.empty = label(_("Belum ada orang lain yang melihat buku Anda."), wrap=True)
        self.empty.setObjectName("accessLogEmpty")
        self.empty.setStyleSheet("font-size: 16pt;")
        self.empty.setVisible(not records)
        self.list.setVisible(bool(records))
        self.close_button = big_button(_("Tutup"), "closeAccessLog", None, _("Tutup daftar ini"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(2)
        buttons.addWidget(self.close_button, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        column.addLayout(buttons)
        self.close_button.setFocus()  # no row looks chosen: the list is only to read

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]
