"""*Pengaturan kios* (the operator's): kiosk mode on or off, the UMK, and where files may be saved.

Kiosk mode and the UMK are set here with taps (the pad types the UMK); the export folder is only
shown: choosing a folder would mean browsing the PC's files, which the kiosk never offers, so it is
set with ``wirausaha export-folder FOLDER``. Every change goes through the services (operator only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ..domain.model import Actor
from ..domain.money import format_rupiah, parse_amount
from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.changes import Changes
from ..services.kiosk import Kiosk
from .keypad import DigitPad
from .operations import OperationBus
from .widgets import big_button, label, name_widget


class KioskSettingsPage(QWidget):
    back_requested = Signal()

    def __init__(self, kiosk: Kiosk, operations: OperationBus) -> None:
        super().__init__()
        self.setObjectName("kioskSettingsPage")
        self._kiosk, self._operations = kiosk, operations
        self._operator: Actor | None = None
        title = label(_("Pengaturan kios"), "title")

        self.kiosk_mode = big_button("", "kioskModeSwitch", None, _("Mode kios"), 64)
        self.kiosk_mode.setCheckable(True)
        self.kiosk_mode.clicked.connect(self._switch_kiosk_mode)
        mode_hint = label(
            _("Mode kios: layar penuh, dan aplikasi hanya bisa ditutup dengan PIN petugas. "
              "Berlaku saat aplikasi dibuka lagi."),
            "hint", wrap=True,
        )  # fmt: skip

        self.umk_now = label("", wrap=True)
        self.umk_now.setObjectName("umkNow")
        self.umk_input = name_widget(QLineEdit(), "umkInput", _("UMK per bulan, dalam rupiah"))
        self.umk_input.setPlaceholderText(_("misalnya 2500000"))
        self.umk_input.setMaxLength(12)
        self.save_umk = big_button(_("Simpan UMK"), "saveUmk", None, _("Simpan UMK"))
        self.save_umk.clicked.connect(self._save_umk)
        pad = DigitPad("umk", [self.umk_input], key_height=52)
        self.folder = label("", "hint", wrap=True)
        self.folder.setObjectName("exportFolderNow")
        self.message = label("", wrap=True)
        self.message.setObjectName("settingsMessage")
        back = big_button(_("Kembali"), "settingsBack", None, _("Kembali ke menu petugas"))
        back.clicked.connect(self.back_requested.emit)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.kiosk_mode)
        left.addWidget(mode_hint)
        left.addSpacing(8)
        left.addWidget(self.folder)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(back)
        right = QVBoxLayout()
        right.addWidget(label(_("UMK per bulan (untuk angka pendamping)"), "hint", wrap=True))
        right.addWidget(self.umk_now)
        right.addWidget(self.umk_input)
        right.addWidget(pad, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.save_umk)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 12)
        row.addLayout(left, 3)
        row.addSpacing(24)
        row.addLayout(right, 2)

    def open_for(self, operator: Actor) -> None:
        self._operator = operator
        self.message.clear()
        self.umk_input.clear()
        self._show()

    def _show(self) -> None:
        from ..services.kiosk_mode import KioskModeService
        from ..services.places import PlacesService

        on = KioskModeService(self._kiosk.settings).is_on()
        self.kiosk_mode.setChecked(on)
        self.kiosk_mode.setText(_("Mode kios: nyala") if on else _("Mode kios: mati"))
        self.kiosk_mode.setAccessibleName(self.kiosk_mode.text())
        umk = self._kiosk.mentor_figures.umk()
        self.umk_now.setText(
            _("UMK sekarang: {amount}", amount=format_rupiah(umk)) if umk is not None else _("UMK belum diatur.")
        )
        folder = PlacesService(self._kiosk.settings).export_folder()
        self.folder.setText(
            _("Folder ekspor: {folder}", folder=str(folder))
            if folder is not None
            else _("Folder ekspor belum diatur: file hanya bisa disimpan di flashdisk.")
        )
        self.folder.setText(self.folder.text() + " " + _("(Diatur dengan perintah: wirausaha export-folder FOLDER.)"))

    def _switch_kiosk_mode(self, on: bool) -> None:
        from ..services.kiosk_mode import KioskModeService

        operator = self._operator
        if operator is None:
            return
        mode = KioskModeService(self._kiosk.settings)

        def switch() -> Changes:
            mode.switch(operator, on)
            return Changes()

        if self._operations.run(switch, self._refused) is not None:
            self.message.setText(
                _("Mode kios dinyalakan. Berlaku saat aplikasi dibuka lagi.")
                if on
                else _("Mode kios dimatikan. Berlaku saat aplikasi dibuka lagi.")
            )
        self._show()

    def _save_umk(self) -> None:
        operator = self._operator
        if operator is None:
            return
        amount = parse_amount(self.umk_input.text())
        if isinstance(amount, Problem):
            self._refused(amount)
            return
        figures = self._kiosk.mentor_figures

        def save() -> Changes:
            figures.set_umk(operator, amount)
            return Changes()

        if self._operations.run(save, self._refused) is not None:
            self.message.setText(_("UMK disimpan: {amount} per bulan.", amount=format_rupiah(amount)))
            self.umk_input.clear()
        self._show()

    def _refused(self, problem: Problem) -> None:
        self.message.setText(describe(problem))
