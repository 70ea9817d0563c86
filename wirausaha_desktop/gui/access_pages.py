"""First start (operator PIN), a new profile (operator), and the consent screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ..domain.problems import Problem
from ..i18n import _
from ..messages import describe
from ..services.pins import pin_problem
from .keypad import DigitPad
from .widgets import big_button, label, name_widget


def pin_field(object_name: str, accessible: str) -> QLineEdit:
    field = name_widget(QLineEdit(), object_name, accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(6)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


def _lay_out_form(
    page: QWidget,
    heading: Sequence[QWidget],
    rows: Sequence[tuple[str, QWidget]],
    message: QLabel,
    buttons: Sequence[QWidget],
    pad: QWidget | None = None,
) -> None:
    """Heading, labelled fields, a line for problems and a row of buttons, centred on the page;
    the on-screen number pad for the PIN fields beside them."""
    form = QFormLayout()
    for text, field in rows:
        form.addRow(text, field)
    button_row = QHBoxLayout()
    for button in buttons:
        button_row.addWidget(button)
    column = QVBoxLayout()
    for widget in heading:
        column.addWidget(widget)
    column.addLayout(form)
    column.addWidget(message)
    column.addLayout(button_row)
    column.addStretch(1)
    outer = QHBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(column, 3)
    if pad is not None:
        outer.addSpacing(24)
        outer.addWidget(pad, 0, Qt.AlignmentFlag.AlignVCenter)
    outer.addStretch(1)


def pin_pair_problem(pin: str, again: str) -> Problem | None:
    return pin_problem(pin) or (Problem.of("pin_mismatch") if pin != again else None)


class SetupPage(QWidget):
    """A brand-new kiosk asks for the kiosk operator's PIN before anything else."""

    operator_pin_chosen = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setupPage")
        self.title = label(_("Kios baru: buat PIN petugas"), "title", wrap=True)
        text = label(
            _("Petugas kios (operator) membuat profil dan menjaga cadangan data. "
              "Buat PIN petugas 4 sampai 6 angka, lalu simpan baik-baik."),
            "hint",
            wrap=True,
        )  # fmt: skip
        self.pin = pin_field("operatorPinInput", _("PIN petugas"))
        self.again = pin_field("operatorPinConfirm", _("Ulangi PIN petugas"))
        self.message = label("", "error", wrap=True)
        self.create_button = big_button(_("Simpan PIN petugas"), "createOperator")
        self.create_button.clicked.connect(self._submit)
        self.again.returnPressed.connect(self._submit)
        self.cancel = big_button(_("Kembali"), "cancelSetup")
        self.cancel.clicked.connect(self.cancelled.emit)
        rows = [(_("PIN petugas"), self.pin), (_("Ulangi PIN"), self.again)]
        self.pad = DigitPad("setup", [self.pin, self.again])
        _lay_out_form(self, [self.title, text], rows, self.message, [self.cancel, self.create_button], self.pad)

    def reset(self, can_cancel: bool) -> None:
        for field in (self.pin, self.again):
            field.clear()
        self.message.clear()
        self.cancel.setVisible(can_cancel)
        self.pad.reset()
        self.pin.setFocus()

    def show_problem(self, problem: Problem) -> None:
        self.message.setText(describe(problem))

    def _submit(self) -> None:
        problem = pin_pair_problem(self.pin.text(), self.again.text())
        if problem:
            self.show_problem(problem)
            return
        self.operator_pin_chosen.emit(self.pin.text())


class NewProfilePage(QWidget):
    """Nickname, business type and PIN twice; consent comes next."""

    submitted = Signal(str, str, str)  # name, business, pin
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("newProfilePage")
        self.title = label(_("Profil baru"), "title")
        hint = label(_("Cukup nama panggilan. Jangan tulis NIK, nomor KK, rekening atau HP."), "hint", wrap=True)
        self.name = name_widget(QLineEdit(), "newProfileName", _("Nama panggilan"))
        self.name.setMaxLength(40)
        self.business = name_widget(QLineEdit(), "newProfileBusiness", _("Jenis usaha"))
        self.business.setMaxLength(60)
        self.business.setPlaceholderText(_("misalnya: warung kopi, jahit, pulsa"))
        self.pin = pin_field("newProfilePin", _("PIN baru"))
        self.again = pin_field("newProfilePinConfirm", _("Ulangi PIN baru"))
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("newProfileMessage")
        self.next = big_button(_("Lanjut"), "newProfileNext", None, _("Lanjut ke persetujuan"))
        self.next.clicked.connect(self._submit)
        self.cancel = big_button(_("Batal"), "newProfileCancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        rows = [
            (_("Nama panggilan"), self.name),
            (_("Jenis usaha"), self.business),
            (_("PIN (4-6 angka)"), self.pin),
            (_("Ulangi PIN"), self.again),
        ]
        self.pad = DigitPad("newProfile", [self.pin, self.again])  # for the PINs; the name is typed
        _lay_out_form(self, [self.title, hint], rows, self.message, [self.cancel, self.next], self.pad)

    def reset(self) -> None:
        for field in (self.name, self.business, self.pin, self.again):
            field.clear()
        self.message.clear()
        self.pad.reset()
        self.name.setFocus()

    def show_problem(self, problem: Problem) -> None:
        self.message.setText(describe(problem))

    def _submit(self) -> None:
        if not self.name.text().strip():
            self.show_problem(Problem.of("name_empty"))
            return
        problem = pin_pair_problem(self.pin.text(), self.again.text())
        if problem:
            self.show_problem(problem)
            return
        self.message.clear()
        self.submitted.emit(self.name.text(), self.business.text(), self.pin.text())


def consent_text() -> str:
    return "\n\n".join(
        [
            _("Sebelum mulai, baca ini atau minta dibacakan pendamping."),
            _("Yang disimpan: nama panggilan, jenis usaha, dan catatan uang usaha dan uang pribadi Anda. "
              "Tidak ada NIK, nomor KK, nomor rekening atau nomor HP."),
            _("Yang boleh melihat: Anda sendiri dengan PIN, pendamping Anda, dan petugas kios hanya untuk "
              "menyimpan cadangan data. Setiap kali orang lain melihat buku Anda, tercatat, dan Anda bisa "
              "melihatnya di buku Anda: tombol Siapa yang melihat?"),
            _("Catatan ini TIDAK PERNAH dipakai untuk memutuskan bantuan sosial."),
            _("Anda boleh membawa buku ini ke tempat lain atau minta buku ini dihapus kapan saja, lewat petugas kios."),
        ]
    )  # fmt: skip


class ConsentPage(QWidget):
    accepted = Signal()
    declined = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("consentPage")
        self.title = label(_("Persetujuan"), "title")
        self.who = label("", "hint")
        self.text = QLabel(consent_text())
        self.text.setWordWrap(True)
        self.text.setObjectName("consentText")
        self.text.setStyleSheet("font-size: 15pt;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.accept_button = big_button(_("Saya setuju"), "acceptConsent", None, _("Saya setuju dan mulai"))
        self.accept_button.setStyleSheet("QPushButton { font-weight: bold; border: 3px solid #009E73; }")
        self.decline_button = big_button(_("Tidak setuju"), "declineConsent", None, _("Tidak setuju, kembali"))
        self.accept_button.clicked.connect(self.accepted.emit)
        self.decline_button.clicked.connect(self.declined.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 16, 32, 12)
        column.addWidget(self.title)
        column.addWidget(self.who)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)

    def for_person(self, name: str) -> None:
        self.who.setText(_("Untuk: {name}", name=name))
