"""The profile picker: large cards with initials, nickname and business; language switch."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.model import Profile
from ..i18n import _
from . import icons, theme
from .widgets import Banner, big_button, label, name_widget

_CARD_COLOURS = ("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#8a6d00", "#56B4E9")


def read_only_text() -> str:
    return _("File kios ini hanya bisa dibaca: buku bisa dilihat, tetapi tidak ada yang bisa disimpan di sini. "
             "Beri tahu petugas kios.")  # fmt: skip


class ProfilePicker(QWidget):
    """``profilePicker``: one card per profile."""

    chosen = Signal(object)  # Profile

    def __init__(self) -> None:
        super().__init__()
        name_widget(self, "profilePicker", _("Pilih nama Anda"))
        self._grid = QGridLayout(self)
        self._grid.setSpacing(14)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._cards: list[QToolButton] = []

    def set_profiles(self, profiles: list[Profile], columns: int) -> None:
        for card in self._cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self._cards = []
        for index, profile in enumerate(profiles):
            card = QToolButton()
            business = textwrap.fill(profile.business, 17, max_lines=2, placeholder="…")
            card.setText(f"{profile.name}\n{business}" if business else profile.name)
            card.setIcon(icons.glyph(icons.initials(profile.name), _CARD_COLOURS[index % len(_CARD_COLOURS)]))
            card.setIconSize(QSize(72, 72))
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            card.setFixedSize(QSize(220, 188))
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setStyleSheet("QToolButton { font-size: 15pt; }")
            accessible = f"{profile.name}, {profile.business}" if profile.business else profile.name
            name_widget(card, f"profileCard_{index}", accessible)
            card.clicked.connect(lambda _checked=False, chosen=profile: self.chosen.emit(chosen))
            self._grid.addWidget(card, index // columns, index % columns)
            self._cards.append(card)

    def cards(self) -> list[QToolButton]:
        return list(self._cards)

    def card_for(self, name: str) -> QToolButton:
        return next(card for card in self._cards if card.accessibleName().split(",")[0] == name)


class PickerPage(QWidget):
    profile_chosen = Signal(object)
    add_profile_requested = Signal()
    operator_menu_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pickerPage")
        self.title = label(_("Selamat datang! Pilih nama Anda."), "title", wrap=True)
        self.hint = label(_("Sentuh kartu dengan nama Anda, lalu masukkan PIN."), "hint", wrap=True)
        self.empty = label(_("Belum ada profil. Petugas kios bisa menambah profil."), "hint", wrap=True)
        self.picker = ProfilePicker()
        self.picker.chosen.connect(self.profile_chosen.emit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.picker)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")

        self.indonesian = big_button("Bahasa Indonesia", "languageIndonesian", None, "Bahasa Indonesia")
        self.english = big_button("English", "languageEnglish", None, "English")
        for button, code in ((self.indonesian, "id"), (self.english, "en")):
            button.setCheckable(True)
            button.setChecked(i18n.language() == code)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(190)
            button.clicked.connect(lambda _checked=False, language=code: self.language_chosen.emit(language))
        self.add_profile = big_button(
            _("Tambah profil (petugas)"),
            "addProfile",
            icons.glyph("+", theme.BUSINESS),
            _("Tambah profil baru, untuk petugas kios"),
        )
        self.add_profile.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_profile.clicked.connect(self.add_profile_requested.emit)
        self.operator_menu = big_button(
            _("Petugas kios"), "operatorMenu", icons.glyph("OP", theme.MUTED), _("Menu petugas kios")
        )
        self.operator_menu.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.operator_menu.clicked.connect(self.operator_menu_requested.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.indonesian)
        bottom.addWidget(self.english)
        bottom.addStretch(1)
        bottom.addWidget(self.operator_menu)
        bottom.addWidget(self.add_profile)

        # for the operator: the file cannot be written, or the last automatic backup failed
        self.read_only_banner = Banner("readOnlyBanner", icons.warning(), theme.MONEY_OUT)
        self.backup_warning = Banner("backupWarning", icons.warning(), theme.MONEY_OUT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.backup_warning)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._profiles: list[Profile] = []
        self._columns = 0

    def set_profiles(self, profiles: list[Profile]) -> None:
        self._profiles = profiles
        self.empty.setVisible(not profiles)
        self.hint.setVisible(bool(profiles))
        self._layout_cards(force=True)

    def _layout_cards(self, force: bool = False) -> None:
        columns = max(1, (self.width() - 48) // 234)
        if force or columns != self._columns:
            self._columns = columns
            self.picker.set_profiles(self._profiles, columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_cards()
