"""*Buku siapa?*: the operator's list of names, one big checkable button each, in a scroll area.

Shared by the operator's pages that act on one person's book (CSV and book files, deleting a
book). ``changed`` fires when a name is tapped; ``chosen()`` is that person, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..domain.model import Profile
from ..i18n import _
from .widgets import name_widget


class PersonList(QScrollArea):
    changed = Signal()

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self._prefix = prefix
        self._profiles: list[Profile] = []
        self.group = QButtonGroup(self)
        self.group.buttonClicked.connect(lambda _button: self.changed.emit())
        self.people = QWidget()
        self.people.setObjectName(f"{prefix}Profiles")
        self._layout = QVBoxLayout(self.people)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidgetResizable(True)
        self.setWidget(self.people)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")

    def set_profiles(self, profiles: Sequence[Profile]) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self._profiles = list(profiles)
        for index, profile in enumerate(self._profiles):
            button = name_widget(
                QPushButton(profile.name), f"{self._prefix}Profile_{index}", _("Buku {name}", name=profile.name)
            )
            button.setCheckable(True)
            button.setMinimumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { font-size: 15pt; text-align: left; padding-left: 14px; }")
            self.group.addButton(button, index)
            self._layout.addWidget(button)

    def profiles(self) -> list[Profile]:
        return list(self._profiles)

    def chosen(self) -> Profile | None:
        index = self.group.checkedId()
        return self._profiles[index] if 0 <= index < len(self._profiles) else None

    def choose(self, name: str) -> None:
        """Check her name's button (tests and tools); ``changed`` is for taps, the caller refreshes."""
        for index, profile in enumerate(self._profiles):
            if profile.name == name:
                self.group.button(index).setChecked(True)
