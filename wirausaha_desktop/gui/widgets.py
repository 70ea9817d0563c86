"""Small shared widget helpers: names for tests and assistive technology, big icon buttons."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

W = TypeVar("W", bound=QWidget)


def name_widget(widget: W, object_name: str, accessible_name: str) -> W:
    """Every interactive widget gets both: objectName for tests, accessibleName for screen readers."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


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
