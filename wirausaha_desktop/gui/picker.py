"""The profile picker: large cards with initials, nickname and business; language switch."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
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
from ..services.mentors import Mentor
from . import icons, theme
from .widgets import Banner, big_button, label, name_widget

_CARD_COLOURS = ("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#8a6d00", "#56B4E9")


def card_colour(index: int) -> str:
    """The colour of the picker's ``index``-th card (the PIN page shows the same one)."""
    return _CARD_COLOURS[index % len(_CARD_COLOURS)]


def read_only_text() -> str:
    return _("File kios ini hanya bisa dibaca: buku bisa dilihat, tetapi tidak ada yang bisa disimpan di sini. "
             "Beri tahu petugas kios.")  # fmt: skip


class ProfilePicker(QWidget):
    """``profilePicker``: one card per profile (or, on the *Pendamping* tab, one per mentor)."""

    chosen = Signal(object)  # Profile, or Mentor on the mentors' tab

    def __init__(self) -> None:
        super().__init__()
        name_widget(self, "profilePicker", _("Pilih nama Anda"))
        self._grid = QGridLayout(self)
        self._grid.setSpacing(14)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._cards: list[QToolButton] = []
        self.before_reading: Callable[[], None] = lambda: None  # the page builds cards it put off

    def set_profiles(self, profiles: list[Profile], columns: int) -> None:
        self._set_cards([(p.name, p.business, p) for p in profiles], "profileCard", columns)

    def set_mentors(self, mentors: list[Mentor], columns: int) -> None:
        cards = [(m.name, _("Pendamping, {count} keluarga", count=len(m.profiles)), m) for m in mentors]
        self._set_cards(cards, "mentorCard", columns)

    def _set_cards(self, cards: Sequence[tuple[str, str, object]], prefix: str, columns: int) -> None:
        for card in self._cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self._cards = []
        for index, (name, subtitle, person) in enumerate(cards):
            card = QToolButton()
            business = textwrap.fill(subtitle, 17, max_lines=2, placeholder="…")
            card.setText(f"{name}\n{business}" if business else name)
            card.setIcon(icons.glyph(icons.initials(name), card_colour(index)))
            card.setIconSize(QSize(72, 72))
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            card.setFixedSize(QSize(220, 188))
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setStyleSheet("QToolButton { font-size: 15pt; }")
            name_widget(card, f"{prefix}_{index}", f"{name}, {subtitle}" if subtitle else name)
            card.clicked.connect(lambda _checked=False, chosen=person: self.chosen.emit(chosen))
            self._grid.addWidget(card, index // columns, index % columns)
            if self.isVisible():  # a tab switch on screen shows its cards at once
                card.show()
            self._cards.append(card)

    def cards(self) -> list[QToolButton]:
        self.before_reading()
        return list(self._cards)

    def card_for(self, name: str) -> QToolButton:
        self.before_reading()
        return next(card for card in self._cards if card.accessibleName().split(",")[0] == name)


class PickerPage(QWidget):
    profile_chosen = Signal(object)
    mentor_chosen = Signal(object)  # Mentor
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
        self.picker.chosen.connect(self._card_chosen)
        # two tabs over the cards: the beneficiaries' (the usual) and the mentors' (issue 8 §2)
        self.people_tab = big_button(_("Penerima manfaat"), "peopleTab", icons.person(), _("Kartu penerima manfaat"))
        self.mentor_tab = big_button(_("Pendamping"), "mentorTab", icons.person(theme.BUSINESS), _("Kartu pendamping"))
        tabs = QButtonGroup(self)
        tab_row = QHBoxLayout()
        for tab in (self.people_tab, self.mentor_tab):
            tab.setCheckable(True)
            tab.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            tab.setMinimumWidth(220)
            tab.setStyleSheet(f"QPushButton:checked {{ background: #fff1c7; border: 3px solid {theme.MOVE}; }}")
            tabs.addButton(tab)
            tab_row.addWidget(tab)
        tab_row.addStretch(1)
        self.people_tab.setChecked(True)
        self.people_tab.clicked.connect(lambda: self.show_mentors(False))
        self.mentor_tab.clicked.connect(lambda: self.show_mentors(True))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.picker)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")

        # each language in its own words; the one on is checked: a tick, a thick edge and a warm fill
        self.indonesian = big_button("Bahasa Indonesia", "languageIndonesian", None, "Bahasa Indonesia")
        self.english = big_button("English", "languageEnglish", None, "English")
        languages = QButtonGroup(self)
        for button, code in ((self.indonesian, "id"), (self.english, "en")):
            button.setCheckable(True)
            on = i18n.language() == code
            button.setChecked(on)
            if on:
                button.setIcon(icons.verdict(True))
            button.setAccessibleDescription(_("Bahasa ini yang dipakai sekarang") if on else "")
            button.setStyleSheet(
                f"QPushButton:checked {{ background: #fff1c7; border: 4px solid {theme.MOVE}; font-weight: bold; }}"
            )
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setIconSize(QSize(26, 26))
            button.setMinimumWidth(260 if on else 210)  # room for the tick and the bold words
            languages.addButton(button)
            button.clicked.connect(lambda _checked=False, language=code: self._language_tapped(language))
        self.add_profile = big_button(
            _("Tambah profil (petugas)"),
            "addProfile",
            icons.glyph("+", theme.BUSINESS),
            _("Tambah profil baru, untuk petugas kios"),
        )
        self.add_profile.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_profile.clicked.connect(self.add_profile_requested.emit)
        self.operator_menu = big_button(
            _("Petugas kios"), "operatorMenu", icons.action("operator"), _("Menu petugas kios")
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
        # what the operator just did (a new profile), until the next person comes to the picker
        self.done_banner = Banner("pickerDone", icons.verdict(True), theme.MONEY_IN)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.backup_warning)
        layout.addWidget(self.done_banner)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(tab_row)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._profiles: list[Profile] = []
        self._mentors: list[Mentor] = []
        self._showing_mentors = False
        self._columns = 0
        self._cards_wanted = False
        self.picker.before_reading = self._build_cards  # asked for its cards while hidden: build them now

    def _language_tapped(self, language: str) -> None:
        if language == i18n.language():
            self.indonesian.setChecked(language == "id")  # tapping the one that is on changes nothing
            self.english.setChecked(language == "en")
            return
        self.language_chosen.emit(language)

    def back_to_indonesian(self) -> bool:
        """At every lock the next person starts in Indonesian (the window rebuilds its pages on
        ``language_chosen``); True when the language had to change."""
        if i18n.language() == "id":
            return False
        self.language_chosen.emit("id")
        return True

    def colour_of(self, person: Profile | Mentor) -> str:
        """Her card's colour: the same place in the list it has on the picker."""
        people: Sequence[Profile | Mentor] = self._mentors if isinstance(person, Mentor) else self._profiles
        ids = [p.id for p in people]
        return card_colour(ids.index(person.id)) if person.id in ids else theme.BUSINESS

    def announce(self, text: str) -> None:
        """A green line at the top saying what was just done (*Profil Sari sudah dibuat*)."""
        self.done_banner.say(text)

    def set_profiles(self, profiles: list[Profile], mentors: list[Mentor] | None = None) -> None:
        """Back to the beneficiaries' cards (the picker after every lock); ``mentors`` for the other tab."""
        self.done_banner.say(None)
        self._profiles, self._mentors = profiles, mentors or []
        self.mentor_tab.setVisible(bool(self._mentors))
        self.show_mentors(False)

    def show_mentors(self, mentors: bool) -> None:
        self._showing_mentors = mentors
        (self.mentor_tab if mentors else self.people_tab).setChecked(True)
        self.title.setText(_("Pendamping: pilih nama Anda.") if mentors else _("Selamat datang! Pilih nama Anda."))
        shown = self._mentors if mentors else self._profiles
        self.empty.setText(
            _("Belum ada pendamping.") if mentors else _("Belum ada profil. Petugas kios bisa menambah profil.")
        )
        self.empty.setVisible(not shown)
        self.hint.setVisible(bool(shown))
        self._layout_cards(force=True)

    def showing_mentors(self) -> bool:
        return self._showing_mentors

    def _card_chosen(self, person: object) -> None:
        (self.mentor_chosen if isinstance(person, Mentor) else self.profile_chosen).emit(person)

    def _layout_cards(self, force: bool = False) -> None:
        """Cards in as many columns as fit. Built only once the page is on screen at its real width
        (put off until then, and built once: at start-up the window is sized after it is made)."""
        self._cards_wanted = self._cards_wanted or force
        if self.isVisible():
            self._build_cards()

    def _build_cards(self) -> None:
        columns = max(1, (self.width() - 48) // 234)
        if self._cards_wanted or columns != self._columns:
            self._cards_wanted = False
            self._columns = columns
            if self._showing_mentors:
                self.picker.set_mentors(self._mentors, columns)
            else:
                self.picker.set_profiles(self._profiles, columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_cards()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._layout_cards()
