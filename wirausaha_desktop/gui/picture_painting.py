"""The pictures of ``icons`` painted: Twemoji files rendered, the move pictures (two places and a
curved arrow), the banknote with a sign, and the few drawn in code where no set's picture says it.

Kept apart from ``icons`` (which picture stands for what) so that each file stays about one thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from ..paths import resource

if TYPE_CHECKING:  # QtSvg loads with the first picture file, after the picker (which draws in code)
    from PySide6.QtSvg import QSvgRenderer

IN_COLOUR, OUT_COLOUR, MOVE_COLOUR = "#007557", "#B34700", "#E69F00"  # theme.MONEY_IN/OUT, MOVE
# The Rupiah notes (2022 issue) by their main colour, so a button looks like the note in her hand.
BANKNOTE_COLOURS: dict[int, str] = {
    1_000: "#8fa77a",  # grey-green
    2_000: "#9a9a9a",  # grey
    5_000: "#b8732e",  # brown-orange
    10_000: "#7e57a8",  # purple
    20_000: "#3d9a4f",  # green
    50_000: "#2f6fb8",  # blue
    100_000: "#d23c35",  # red
}
BANKNOTE_RATIO = 2.0  # width : height of the painted note


@dataclass(frozen=True)
class Move:
    """Two pictures side by side with an arrow under them: from the left one to the right one."""

    left: str
    right: str
    both_ways: bool = False


@dataclass(frozen=True)
class NoteWithSign:
    """A banknote with a round plus (money in) or a square minus (money out): shape and colour."""

    colour: str
    plus: bool


@dataclass(frozen=True)
class Drawn:
    """A picture drawn in code where no set's picture says it without clashing with a category's:
    ``swap`` (a note between two arrows: move money either way), ``session`` (two people side by
    side), ``open_book`` (an open book), ``operator`` (a key), ``report`` (a page with a chart)."""

    kind: str


Picture = str | Move | NoteWithSign | Drawn


def picture_dir() -> Path:
    return resource("icons", "twemoji")


def picture_file(name: str) -> str:
    return str(picture_dir() / f"{name}.svg")


@cache
def renderer(name: str) -> QSvgRenderer:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(picture_file(name))
    if not renderer.isValid():
        raise FileNotFoundError(picture_file(name))
    return renderer


def render(painter: QPainter, name: str, box: QRectF) -> None:
    renderer(name).render(painter, box)


def paint_move(painter: QPainter, move: Move, side: float) -> None:
    """The first picture top left, the second bottom right, a curved arrow from one into the other.

    Diagonal, so that each picture stays large enough to tell a shop from a house at 32 px.
    """
    big = side * 0.6
    render(painter, move.left, QRectF(0, 0, big, big))
    render(painter, move.right, QRectF(side - big, side - big, big, big))
    paint_curved_arrow(painter, side, QPointF(0.6, 0.2), QPointF(0.93, 0.12), QPointF(0.8, 0.44))
    if move.both_ways:
        paint_curved_arrow(painter, side, QPointF(0.4, 0.8), QPointF(0.07, 0.88), QPointF(0.2, 0.56))


def paint_drawn(painter: QPainter, kind: str, side: float) -> None:
    dark = QColor("#1b1b1b")
    if kind == "swap":
        paint_note(painter, QRectF(side * 0.14, side * 0.3, side * 0.72, side * 0.36), BANKNOTE_COLOURS[20_000], "Rp")
        paint_curved_arrow(painter, side, QPointF(0.15, 0.18), QPointF(0.5, 0.02), QPointF(0.86, 0.16))
        paint_curved_arrow(painter, side, QPointF(0.85, 0.82), QPointF(0.5, 0.98), QPointF(0.14, 0.84))
        return
    painter.setPen(Qt.PenStyle.NoPen)
    if kind == "session":
        for x, colour in ((0.06, "#0072B2"), (0.5, "#CC79A7")):
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(side * (x + 0.09), side * 0.12, side * 0.26, side * 0.26))
            painter.drawChord(QRectF(side * x, side * 0.44, side * 0.44, side * 0.6), 0, 180 * 16)
        return
    if kind == "open_book":
        for left in (True, False):
            page = QPainterPath()
            x0, x1 = (0.06, 0.5) if left else (0.5, 0.94)
            page.moveTo(side * 0.5, side * 0.28)
            page.quadTo(side * (x0 + x1) / 2, side * 0.16, side * (x0 if left else x1), side * 0.22)
            page.lineTo(side * (x0 if left else x1), side * 0.8)
            page.quadTo(side * (x0 + x1) / 2, side * 0.74, side * 0.5, side * 0.86)
            page.closeSubpath()
            painter.setPen(QPen(dark, max(1.0, side * 0.04)))
            painter.setBrush(QColor("#ffffff"))
            painter.drawPath(page)
        painter.setPen(QPen(QColor(IN_COLOUR), max(1.0, side * 0.035)))
        for row in (0.38, 0.5, 0.62):
            painter.drawLine(QPointF(side * 0.14, side * row), QPointF(side * 0.42, side * (row + 0.02)))
            painter.drawLine(QPointF(side * 0.58, side * (row + 0.02)), QPointF(side * 0.86, side * row))
        return
    if kind == "report":
        painter.setPen(QPen(dark, max(1.0, side * 0.04)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(side * 0.16, side * 0.06, side * 0.68, side * 0.88), side * 0.06, side * 0.06)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, (height, colour) in enumerate(((0.22, IN_COLOUR), (0.36, OUT_COLOUR), (0.5, IN_COLOUR))):
            x = side * (0.26 + index * 0.17)
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(x, side * (0.84 - height), side * 0.12, side * height))
        painter.setPen(QPen(dark, max(1.0, side * 0.035)))
        painter.drawLine(QPointF(side * 0.26, side * 0.2), QPointF(side * 0.74, side * 0.2))
        return
    # operator: a key
    painter.setBrush(QColor("#8a6d00"))
    painter.drawEllipse(QRectF(side * 0.06, side * 0.3, side * 0.4, side * 0.4))
    painter.drawRect(QRectF(side * 0.4, side * 0.44, side * 0.54, side * 0.12))
    painter.drawRect(QRectF(side * 0.74, side * 0.56, side * 0.08, side * 0.16))
    painter.drawRect(QRectF(side * 0.86, side * 0.56, side * 0.08, side * 0.12))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QRectF(side * 0.16, side * 0.42, side * 0.14, side * 0.16))


def paint_curved_arrow(painter: QPainter, side: float, start: QPointF, bend: QPointF, tip: QPointF) -> None:
    """An orange arrow with a dark edge from ``start`` round ``bend`` to ``tip`` (fractions of ``side``)."""
    a, b, c = (QPointF(point.x() * side, point.y() * side) for point in (start, bend, tip))
    path = QPainterPath(a)
    path.quadTo(b, c)
    direction = c - b
    length = max(1e-6, (direction.x() ** 2 + direction.y() ** 2) ** 0.5)
    unit = QPointF(direction.x() / length, direction.y() / length)
    normal = QPointF(-unit.y(), unit.x())
    head = side * 0.16
    base = c - unit * head * 0.2
    head_points = [c + unit * head * 0.5, base + normal * head * 0.55, base - normal * head * 0.55]
    for colour, width in (("#1b1b1b", side * 0.13), (MOVE_COLOUR, side * 0.08)):
        pen = QPen(QColor(colour), max(1.0, width))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QColor(colour))
        painter.drawPolygon(QPolygonF(head_points))


def paint_note_with_sign(painter: QPainter, picture: NoteWithSign, side: float) -> None:
    note = QRectF(side * 0.02, side * 0.14, side * 0.9, side * 0.9 / BANKNOTE_RATIO)
    paint_note(painter, note, BANKNOTE_COLOURS[20_000], "Rp")
    badge = QRectF(side * 0.46, side * 0.46, side * 0.52, side * 0.52)
    painter.setPen(QPen(QColor("white"), max(1.0, side * 0.04)))
    painter.setBrush(QColor(picture.colour))
    if picture.plus:
        painter.drawEllipse(badge)
    else:
        painter.drawRoundedRect(badge, side * 0.08, side * 0.08)
    pen = QPen(QColor("white"), max(1.5, side * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    centre, arm = badge.center(), badge.width() * 0.26
    painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
    if picture.plus:
        painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm))


def text_colour(background: str) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    colour = QColor(background)

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
    return QColor("#1b1b1b") if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else QColor("white")


def paint_note(painter: QPainter, note: QRectF, colour: str, text: str) -> None:
    """A Rupiah note: its colour, a paler frame, the round watermark on the left and the number."""
    radius = note.height() * 0.12
    painter.setPen(QPen(QColor(colour).darker(150), max(1.0, note.height() * 0.04)))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(note, radius, radius)
    inset = note.height() * 0.1
    painter.setPen(QPen(QColor(colour).lighter(150), max(1.0, note.height() * 0.03)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(note.adjusted(inset, inset, -inset, -inset), radius * 0.6, radius * 0.6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour).lighter(135))
    watermark = note.height() * 0.5
    painter.drawEllipse(QRectF(note.left() + inset * 2, note.center().y() - watermark / 2, watermark, watermark))
    # The number may run over the watermark, as on the note: as large as the note's width allows.
    text_box = note.adjusted(inset * 1.6, inset, -inset * 1.6, -inset)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(note.height() * 0.6)))
    while font.pixelSize() > 6 and QFontMetricsF(font).horizontalAdvance(text) > text_box.width():
        font.setPixelSize(font.pixelSize() - 1)
    painter.setFont(font)
    painter.setPen(text_colour(colour))
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
