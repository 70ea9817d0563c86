"""Small shared widget helpers: names for tests and assistive technology, big icon buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _
from . import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QProgressBar

W = TypeVar("W", bound=QWidget)


def name_widget(widget: W, object_name: str, accessible_name: str) -> W:
    """Every interactive widget gets both: objectName for tests, accessibleName for screen readers."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def combo(object_name: str, accessible_name: str) -> QComboBox:
    """A drop-down whose list rows are a finger high: Qt's own combo list ignores the style sheet's
    48-px rows, a plain list view takes them. (Qt's types are built on first touch: these two are
    not needed before the picker is painted.)"""
    from PySide6.QtWidgets import QComboBox, QListView

    box = name_widget(QComboBox(), object_name, accessible_name)
    box.setView(QListView())
    box.setMinimumHeight(theme.MIN_TARGET)
    return box


def big_button(
    text: str, object_name: str, icon: QIcon | None = None, accessible_name: str | None = None, height: int = 56
) -> QPushButton:
    button = name_widget(QPushButton(text), object_name, accessible_name or text)
    if icon is not None:
        button.setIcon(icon)
        button.setIconSize(QSize(32, 32))
    button.setMinimumHeight(height)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def tool_button(text: str, object_name: str, icon: QIcon, accessible_name: str | None = None) -> QToolButton:
    button = name_widget(QToolButton(), object_name, accessible_name or text)
    button.setText(text)
    button.setIcon(icon)
    button.setIconSize(QSize(30, 30))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setMinimumHeight(48)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def fit_over(dialog: QWidget, window: QWidget, width: int, height: int) -> None:
    """``width``×``height`` at most, never larger than ``window`` (less a margin), centred on it.

    Placed by hand: with no window manager nobody else keeps a dialog on a 1024×600 screen."""
    room = window.geometry()
    size = QSize(min(width, room.width() - 16), min(height, room.height() - 16))
    size = size.expandedTo(dialog.minimumSizeHint().boundedTo(room.size()))
    dialog.resize(size)
    centre = room.center()
    dialog.move(max(room.left(), centre.x() - size.width() // 2), max(room.top(), centre.y() - size.height() // 2))


def label(text: str, role: str | None = None, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def panel() -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "panel")
    return frame


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Banner(QFrame):
    """A strip across a page that says what is wrong and what to do: an icon, a colour and words."""

    def __init__(self, object_name: str, icon: QIcon, colour: str, compact: bool = False) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setStyleSheet(
            f"QFrame#{object_name} {{ background: #fff4e5; border: 2px solid {colour}; border-radius: 10px; }}"
            f"QFrame#{object_name} QLabel {{ border: none; background: transparent; }}"
        )
        side = 24 if compact else 36  # compact: one line where the page has no height to spare
        self.icon = QLabel()
        self.icon.setPixmap(icon.pixmap(side, side))
        self.icon.setFixedSize(side + 4, side + 4)
        self.words = label("", wrap=True)
        self.words.setObjectName(f"{object_name}Text")
        self.words.setStyleSheet(f"font-size: {13 if compact else 14}pt; font-weight: bold;")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 2 if compact else 6, 10, 2 if compact else 6)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self._lines = QVBoxLayout()
        self._lines.setSpacing(0)
        self._lines.addWidget(self.words)
        row.addLayout(self._lines, 1)
        self.hide()

    def add_line(self, widget: QWidget) -> None:
        """A second line under the words (shown and hidden by its owner)."""
        self._lines.addWidget(widget)

    def say(self, text: str | None) -> None:
        """Show ``text``; None hides the banner."""
        self.words.setText(text or "")
        self.setAccessibleName(text or "")
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.words.text()


class MessageLine(QLabel):
    """A work page's one sentence on what just happened: ink when it went well, the warning colour
    when it was refused; selectable, so that an operator can copy a path or a reason from it."""

    def __init__(self, object_name: str, bold: bool = True, hidden_when_empty: bool = True) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._weight = " font-weight: bold;" if bold else ""
        self._hidden_when_empty = hidden_when_empty
        self.say("")

    def say(self, text: str, failed: bool = False, shown: bool = True) -> None:
        """``text`` (empty: nothing said); ``shown=False`` keeps it out of sight for now."""
        self.setText(text)
        colour = theme.REFUSED_TEXT if failed else theme.INK
        self.setStyleSheet(f"font-size: 14pt;{self._weight} color: {colour};")
        self.setVisible(shown and (bool(text) or not self._hidden_when_empty))


def progress_bar(object_name: str, accessible_name: str, steps: int) -> QProgressBar:
    """A long job's bar, hidden until the job starts: "40% selesai", 0 to ``steps``."""
    from PySide6.QtWidgets import QProgressBar  # not on the way to the picker

    bar = name_widget(QProgressBar(), object_name, accessible_name)
    bar.setRange(0, steps)
    bar.setMinimumHeight(36)
    bar.setFormat(_("%p% selesai"))
    bar.hide()
    return bar


def status_panel(object_name: str, icon: QIcon, words: QLayout, size: int = 36) -> QFrame:
    """A panel row: a status icon on the left, the words beside it (goals, readiness items)."""
    row = panel()
    row.setObjectName(object_name)
    mark = QLabel()
    mark.setPixmap(icon.pixmap(size, size))
    mark.setFixedSize(size + 4, size + 4)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(words, 1)
    return row


def vertical_scroll(inner: QWidget, transparent: bool = False) -> QScrollArea:
    """``inner`` in a frameless area that scrolls up and down only (words wrap instead of running
    off to the side); ``transparent`` lets the page's colour show through."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if transparent:
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
    return scroll
