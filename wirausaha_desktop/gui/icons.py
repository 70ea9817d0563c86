"""Pictures for people who read slowly, and the small marks painted in code.

Every category and every action of her book has a picture from Twemoji (CC BY 4.0, the SVG files in
``resources/icons/twemoji``, see ``resources/icons/LICENSES.md``): a shop for *Penjualan*, a cart for
*Kulakan*, a shop with an arrow to a house for *Ambil untuk pribadi*. ``category(category)`` and
``action(key)`` give them; a category the operator added has no picture and gets its initials on
its kind's colour. The banknote buttons get ``banknote(amount)``: the note's own colour and number.
Marks that carry state (lights, verdicts, warnings) stay painted in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtSvg import QSvgRenderer

from ..domain.categories import category_key
from ..domain.model import Category, FlowKind
from ..paths import resource

SIZE = 64
PICTURE_DIR = resource("icons", "twemoji")
# Sizes drawn into each picture's QIcon: Qt picks the nearest and scales, so each size stays crisp.
PICTURE_SIZES = (16, 24, 32, 48, 64, 96, 128)

# A default category's name (GLOSSARY.md) → the Twemoji file that shows it. No two share a picture,
# and the pairs that exist in both books (transport, electricity, phone credit) differ too.
CATEGORY_PICTURES: dict[str, str] = {
    # Buku Usaha
    "Penjualan": "convenience-store",
    "Penjualan online (GoFood, GrabFood, ShopeeFood, Shopee)": "motor-scooter",
    "Pesanan / katering": "bento-box",
    "Bantuan modal usaha": "wrapped-gift",
    "Pinjaman (KUR, Mekaar, koperasi)": "bank",
    "Kulakan / belanja dagangan": "shopping-cart",
    "Bahan baku": "hot-pepper",
    "Kemasan / label": "package",
    "Promosi / iklan": "megaphone",
    "Ongkos kirim": "delivery-truck",
    "Transport / bensin usaha": "fuel-pump",
    "Sewa tempat": "tent",
    "Listrik / gas / air usaha": "electric-plug",
    "Upah karyawan": "construction-worker",
    "Pulsa / paket data usaha": "antenna-bars",
    "Bunga / biaya admin": "receipt",
    "Perbaikan alat": "wrench",
    "Beli alat (gerobak, etalase, kompor)": "toolbox",
    "Cicilan pinjaman (pokok)": "tear-off-calendar",
    "Pemasukan lain usaha": "money-bag",
    "Pengeluaran lain usaha": "money-with-wings",
    # Buku Pribadi
    "Gaji / upah keluarga": "briefcase",  # a household member's job, never the owner's pay (a move)
    "Kiriman keluarga": "love-letter",
    "Bantuan PKH": "family",
    "Bantuan sembako / BPNT": "sheaf-of-rice",
    "Bantuan sekolah (PIP/KIP)": "backpack",
    "Bantuan lain (BLT)": "palms-up-together",
    "Makan / belanja dapur": "cooked-rice",
    "Sekolah anak": "school",
    "Kesehatan / BPJS": "pill",
    "Listrik / air / gas rumah": "light-bulb",
    "Pulsa / kuota": "mobile-phone",
    "Transport": "bus",
    "Sewa rumah / kontrakan": "house",
    "Arisan": "women-holding-hands",
    "Sumbangan / kondangan / sedekah": "heart-with-ribbon",
    "Rokok": "cigarette",
    "Cicilan pribadi": "credit-card",
    "Tabungan": "coin",
    "Pemasukan lain": "red-envelope",
    "Pengeluaran lain": "purse",
}
_PICTURE_BY_KEY = {category_key(name): picture for name, picture in CATEGORY_PICTURES.items()}

BUSINESS_PLACE, HOME = "convenience-store", "house"  # the two books in the move pictures
_IN_COLOUR, _OUT_COLOUR, _MOVE_COLOUR = "#007557", "#B34700", "#E69F00"  # theme.MONEY_IN/OUT, MOVE


@dataclass(frozen=True)
class _Move:
    """Two pictures side by side with an arrow under them: from the left one to the right one."""

    left: str
    right: str
    both_ways: bool = False


@dataclass(frozen=True)
class _NoteWithSign:
    """A banknote with a round plus (money in) or a square minus (money out): shape and colour."""

    colour: str
    plus: bool


@dataclass(frozen=True)
class _Drawn:
    """A picture drawn in code where no set's picture says it without clashing with a category's:
    ``swap`` (a note between two arrows: move money either way), ``session`` (two people side by
    side), ``open_book`` (an open book), ``operator`` (a key), ``report`` (a page with a chart)."""

    kind: str


_Picture = str | _Move | _NoteWithSign | _Drawn

# What she does → its picture. Each differs from every other action and every category.
ACTION_PICTURES: dict[str, _Picture] = {
    "money_in": _NoteWithSign(_IN_COLOUR, plus=True),  # Uang Masuk
    "money_out": _NoteWithSign(_OUT_COLOUR, plus=False),  # Uang Keluar
    "move": _Drawn("swap"),  # Pindahkan Uang: unlike each move's own picture (shop → house, …)
    "owner_pay": _Move(BUSINESS_PLACE, HOME),  # Ambil untuk pribadi: usaha → rumah
    "top_up": _Move(HOME, BUSINESS_PLACE),  # Tambah modal: rumah → usaha
    "start_capital": _Move("seedling", BUSINESS_PLACE),  # Modal awal: the seed of the business
    "void": "cross-mark",  # Hapus / Batalkan
    "save": "check-mark-button",  # Simpan
    "back": "left-arrow",  # Kembali
    "done": "locked",  # Selesai: lock the book
    "hide": "see-no-evil-monkey",  # Sembunyikan jumlah uang
    "show": "eye",  # Tampilkan jumlah uang
    "standing": "vertical-traffic-light",  # Lihat keadaan usaha: the lights
    "who_viewed": "eyes",  # Siapa yang melihat buku saya?
    "closed": "zzz",  # Usaha tutup hari ini
    "session": _Drawn("session"),  # Mulai sesi (the mentor sits with her)
    "open_book": _Drawn("open_book"),  # Buka buku (the mentor opens a family's book)
    "operator": _Drawn("operator"),  # Petugas kios
    "report": _Drawn("report"),  # Rapor Usaha, laporan: a printed page with a chart
}

# The kind's colour behind the initials of a category that has no picture of its own.
KIND_COLOURS: dict[FlowKind, str] = {
    FlowKind.SALES: _IN_COLOUR,
    FlowKind.GRANT: "#56B4E9",
    FlowKind.OTHER_IN: "#56B4E9",
    FlowKind.LOAN_IN: "#8a6d00",
    FlowKind.OPERATING: _OUT_COLOUR,
    FlowKind.EQUIPMENT: "#8a6d00",
    FlowKind.LOAN_REPAYMENT: "#8a6d00",
    FlowKind.INCOME: _IN_COLOUR,
    FlowKind.AID: "#56B4E9",
    FlowKind.SPENDING: "#CC79A7",
    FlowKind.SAVING: "#0072B2",
}

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


def picture_file(name: str) -> str:
    return str(PICTURE_DIR / f"{name}.svg")


def category_picture(category: Category) -> str | None:
    """The picture's file name for a category, or None for one the operator or mentor added."""
    return _PICTURE_BY_KEY.get(category_key(category.name))


def category(category: Category) -> QIcon:
    """Her category's picture; initials on its kind's colour when it has none."""
    picture = category_picture(category)
    if picture is None:
        return glyph(initials(category.short_name), KIND_COLOURS.get(category.kind, "#5c5c5c"), square=True)
    return _picture_icon(picture)


def action(key: str) -> QIcon:
    """The picture of one action (``ACTION_PICTURES``); a KeyError names a key nobody drew."""
    return _picture_icon(ACTION_PICTURES[key])


@cache
def _renderer(name: str) -> QSvgRenderer:
    renderer = QSvgRenderer(picture_file(name))
    if not renderer.isValid():
        raise FileNotFoundError(picture_file(name))
    return renderer


def _render(painter: QPainter, name: str, box: QRectF) -> None:
    _renderer(name).render(painter, box)


@cache
def _picture_icon(picture: _Picture) -> QIcon:
    icon = QIcon()
    for side in PICTURE_SIZES:
        icon.addPixmap(_picture_pixmap(picture, side))
    return icon


def _picture_pixmap(picture: _Picture, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if isinstance(picture, str):
        _render(painter, picture, QRectF(0, 0, side, side))
    elif isinstance(picture, _Move):
        _paint_move(painter, picture, side)
    elif isinstance(picture, _Drawn):
        _paint_drawn(painter, picture.kind, side)
    else:
        _paint_note_with_sign(painter, picture, side)
    painter.end()
    return pixmap


def _paint_move(painter: QPainter, move: _Move, side: float) -> None:
    """The first picture top left, the second bottom right, a curved arrow from one into the other.

    Diagonal, so that each picture stays large enough to tell a shop from a house at 32 px.
    """
    big = side * 0.6
    _render(painter, move.left, QRectF(0, 0, big, big))
    _render(painter, move.right, QRectF(side - big, side - big, big, big))
    _paint_curved_arrow(painter, side, QPointF(0.6, 0.2), QPointF(0.93, 0.12), QPointF(0.8, 0.44))
    if move.both_ways:
        _paint_curved_arrow(painter, side, QPointF(0.4, 0.8), QPointF(0.07, 0.88), QPointF(0.2, 0.56))


def _paint_drawn(painter: QPainter, kind: str, side: float) -> None:
    dark = QColor("#1b1b1b")
    if kind == "swap":
        _paint_note(painter, QRectF(side * 0.14, side * 0.3, side * 0.72, side * 0.36), BANKNOTE_COLOURS[20_000], "Rp")
        _paint_curved_arrow(painter, side, QPointF(0.15, 0.18), QPointF(0.5, 0.02), QPointF(0.86, 0.16))
        _paint_curved_arrow(painter, side, QPointF(0.85, 0.82), QPointF(0.5, 0.98), QPointF(0.14, 0.84))
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
        painter.setPen(QPen(QColor(_IN_COLOUR), max(1.0, side * 0.035)))
        for row in (0.38, 0.5, 0.62):
            painter.drawLine(QPointF(side * 0.14, side * row), QPointF(side * 0.42, side * (row + 0.02)))
            painter.drawLine(QPointF(side * 0.58, side * (row + 0.02)), QPointF(side * 0.86, side * row))
        return
    if kind == "report":
        painter.setPen(QPen(dark, max(1.0, side * 0.04)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(side * 0.16, side * 0.06, side * 0.68, side * 0.88), side * 0.06, side * 0.06)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, (height, colour) in enumerate(((0.22, _IN_COLOUR), (0.36, _OUT_COLOUR), (0.5, _IN_COLOUR))):
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


def _paint_curved_arrow(painter: QPainter, side: float, start: QPointF, bend: QPointF, tip: QPointF) -> None:
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
    for colour, width in (("#1b1b1b", side * 0.13), (_MOVE_COLOUR, side * 0.08)):
        pen = QPen(QColor(colour), max(1.0, width))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QColor(colour))
        painter.drawPolygon(QPolygonF(head_points))


def _paint_note_with_sign(painter: QPainter, picture: _NoteWithSign, side: float) -> None:
    note = QRectF(side * 0.02, side * 0.14, side * 0.9, side * 0.9 / BANKNOTE_RATIO)
    _paint_note(painter, note, BANKNOTE_COLOURS[20_000], "Rp")
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


def _text_colour(background: str) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    colour = QColor(background)

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
    return QColor("#1b1b1b") if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else QColor("white")


def _paint_note(painter: QPainter, note: QRectF, colour: str, text: str) -> None:
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
    painter.setPen(_text_colour(colour))
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)


def banknote_colour(amount: int) -> str:
    """The note's main colour (``BANKNOTE_COLOURS``); a KeyError for an amount that is no note."""
    return BANKNOTE_COLOURS[amount]


def banknote_number(amount: int) -> str:
    """The big number printed on the note: ``50.000``."""
    return f"{amount:,}".replace(",", ".")


BANKNOTE_ICON_SIZE = QSize(96, 48)  # the icon size a banknote button should ask for


@cache
def banknote(amount: int) -> QIcon:
    """The Rupiah note of ``amount`` as she holds it: its colour and its big number, 2 : 1."""
    icon = QIcon()
    for height in (24, 32, 48, 64, 96):
        width = int(height * BANKNOTE_RATIO)
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _paint_note(painter, QRectF(1, 1, width - 2, height - 2), banknote_colour(amount), banknote_number(amount))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


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


def money_in(colour: str) -> QIcon:
    """Uang Masuk: a banknote with a round plus in ``colour``."""
    return _picture_icon(_NoteWithSign(colour, plus=True))


def money_out(colour: str) -> QIcon:
    """Uang Keluar: a banknote with a square minus in ``colour`` (shape differs from money in)."""
    return _picture_icon(_NoteWithSign(colour, plus=False))


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


def padlock(colour: str | None = None) -> QIcon:
    """*Selesai*: the lock picture; with a colour, a lock painted in it (a state mark in a list)."""
    return action("done") if colour is None else _painted_padlock(colour)


@cache
def _painted_padlock(colour: str) -> QIcon:
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


def eye(open_: bool) -> QIcon:
    """The eye button: an open eye to show the amounts again, a monkey covering its eyes to hide them."""
    return action("show" if open_ else "hide")


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
    p.setPen(QColor(ink_on(colour)))
    p.drawText(QRectF(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return QIcon(pixmap)


def ink_on(colour: str) -> str:
    """White or near-black, whichever reads better on ``colour`` (WCAG contrast): dark on yellow."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    lum, dark = luminance(QColor(colour)), luminance(QColor("#1a1a1a"))
    return "white" if 1.05 / (lum + 0.05) >= (lum + 0.05) / (dark + 0.05) else "#1a1a1a"


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
