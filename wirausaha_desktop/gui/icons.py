"""Icons painted in code: no image files to lose, crisp at any size, each with a distinct shape."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZE = 64


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _disc(painter: QPainter, colour: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))


def _white_pen(width: float = 7) -> QPen:
    pen = QPen(QColor("white"), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@cache
def money_in(colour: str) -> QIcon:
    """A disc with a plus and an arrow pointing down into it: money coming in."""
    pixmap, p = _canvas()
    _disc(p, colour)
    p.setPen(_white_pen())
    p.drawLine(QPointF(32, 16), QPointF(32, 48))
    p.drawLine(QPointF(16, 32), QPointF(48, 32))
    p.end()
    return QIcon(pixmap)


@cache
def money_out(colour: str) -> QIcon:
    """A square-ish badge with a minus: money going out (shape differs from money in)."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawRoundedRect(QRectF(3, 3, SIZE - 6, SIZE - 6), 12, 12)
    p.setPen(_white_pen())
    p.drawLine(QPointF(16, 32), QPointF(48, 32))
    p.end()
    return QIcon(pixmap)


@cache
def arrow(colour: str, to_right: bool) -> QIcon:
    """A fat arrow: the direction money moves between the two books."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    points = [(4, 24), (36, 24), (36, 8), (60, 32), (36, 56), (36, 40), (4, 40)]
    if not to_right:
        points = [(SIZE - x, y) for x, y in points]
    p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    p.end()
    return QIcon(pixmap)


@cache
def padlock(colour: str = "#1b1b1b") -> QIcon:
    pixmap, p = _canvas()
    pen = QPen(QColor(colour), 7)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(18, 6, 28, 32), 0, 180 * 16)
    p.drawLine(QPointF(18, 22), QPointF(18, 30))
    p.drawLine(QPointF(46, 22), QPointF(46, 30))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawRoundedRect(QRectF(10, 28, 44, 32), 6, 6)
    p.end()
    return QIcon(pixmap)


@cache
def eye(open_: bool, colour: str = "#1b1b1b") -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor(colour), 5))
    path = QPainterPath(QPointF(4, 32))
    path.quadTo(QPointF(32, 4), QPointF(60, 32))
    path.quadTo(QPointF(32, 60), QPointF(4, 32))
    p.drawPath(path)
    p.setBrush(QColor(colour))
    p.drawEllipse(QPointF(32, 32), 9, 9)
    if not open_:
        p.setPen(QPen(QColor(colour), 6))
        p.drawLine(QPointF(8, 56), QPointF(56, 8))
    p.end()
    return QIcon(pixmap)


@cache
def glyph(text: str, colour: str, square: bool = False) -> QIcon:
    """Short text (initials, a symbol) on a coloured disc or square."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    if square:
        p.drawRoundedRect(QRectF(3, 3, SIZE - 6, SIZE - 6), 12, 12)
    else:
        p.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(26 if len(text) <= 2 else 18)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return QIcon(pixmap)


def initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[1][0]).upper()


@cache
def warning(colour: str = "#D55E00") -> QIcon:
    """A triangle with an exclamation mark: something needs the operator."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawPolygon(QPolygonF([QPointF(32, 3), QPointF(62, 58), QPointF(2, 58)]))
    p.setPen(_white_pen(7))
    p.drawLine(QPointF(32, 22), QPointF(32, 38))
    p.drawPoint(QPointF(32, 49))
    p.end()
    return QIcon(pixmap)


@cache
def verdict(whole: bool) -> QIcon:
    """A green disc with a tick (whole) or a vermillion square with a cross (damaged): shape and colour."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    if whole:
        p.setBrush(QColor("#009E73"))
        p.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))
        p.setPen(_white_pen(8))
        p.drawPolyline(QPolygonF([QPointF(16, 33), QPointF(28, 45), QPointF(48, 20)]))
    else:
        p.setBrush(QColor("#D55E00"))
        p.drawRoundedRect(QRectF(3, 3, SIZE - 6, SIZE - 6), 10, 10)
        p.setPen(_white_pen(8))
        p.drawLine(QPointF(20, 20), QPointF(44, 44))
        p.drawLine(QPointF(44, 20), QPointF(20, 44))
    p.end()
    return QIcon(pixmap)


@cache
def person(colour: str = "#1b1b1b") -> QIcon:
    """A head and shoulders: who looked at her book."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(QRectF(20, 6, 24, 24))
    p.drawChord(QRectF(8, 34, 48, 48), 0, 180 * 16)
    p.end()
    return QIcon(pixmap)
