"""Standard questions, asked through one place so that tests (and assistive tools) can answer them.

Confirmations are ``QMessageBox``es with standard buttons (DESIGN §6); tests replace ``Ask``'s
methods instead of running a modal loop.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..i18n import _


def void_reasons() -> list[str]:
    return [
        _("Salah jumlah"),
        _("Salah buku (usaha/pribadi)"),
        _("Salah kategori"),
        _("Tercatat dua kali"),
        _("Tidak jadi"),
    ]


class Ask:
    @staticmethod
    def confirm(parent: QWidget, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Ya"))
        box.button(QMessageBox.StandardButton.No).setText(_("Tidak"))
        return box.exec() == QMessageBox.StandardButton.Yes

    @staticmethod
    def void_reason(parent: QWidget, description: str) -> str | None:
        """Pick a reason from a short list or type one; None when she changes her mind."""
        reason, ok = QInputDialog.getItem(
            parent,
            _("Alasan pembatalan"),
            _("{entry}\nKenapa dibatalkan? Pilih atau tulis alasannya.", entry=description),
            void_reasons(),
            0,
            True,
        )
        return reason.strip() if ok and reason.strip() else None

    @staticmethod
    def inform(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @staticmethod
    def warn(parent: QWidget | None, title: str, text: str) -> None:
        """Something she or the operator must know (a file that cannot be used, a save refused)."""
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        """A bug: the crash dialog."""
        QMessageBox.critical(parent, title, text)
