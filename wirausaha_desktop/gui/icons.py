"""Pictures for people who read slowly, and the small marks painted in code.

Every category and every action of her book has a picture from Twemoji (CC BY 4.0, the SVG files in
``resources/icons/twemoji``, see ``resources/icons/LICENSES.md``): a shop for *Penjualan*, a cart for
*Kulakan*, a shop with an arrow to a house for *Ambil untuk pribadi*. ``category(category)`` and
``action(key)`` give them; a category the operator added has no picture and gets its initials on
its kind's colour. The banknote buttons get ``banknote(amount)``: the note's own colour and number.
Marks that carry state (lights, verdicts, warnings) stay painted in code.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from ..domain.categories import category_key
from ..domain.model import Category, FlowKind
from . import picture_painting as painting

SIZE = 64
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
_IN_COLOUR, _OUT_COLOUR, _MOVE_COLOUR = painting.IN_COLOUR, painting.OUT_COLOUR, painting.MOVE_COLOUR


# What she does → its picture. Each differs from every other action and every category.
ACTION_PICTURES: dict[str, painting.Picture] = {
    "money_in": painting.NoteWithSign(_IN_COLOUR, plus=True),  # Uang Masuk
    "money_out": painting.NoteWithSign(_OUT_COLOUR, plus=False),  # Uang Keluar
    "move": painting.Drawn("swap"),  # Pindahkan Uang: unlike each move's own picture (shop → house, …)
    "owner_pay": painting.Move(BUSINESS_PLACE, HOME),  # Ambil untuk pribadi: usaha → rumah
    "top_up": painting.Move(HOME, BUSINESS_PLACE),  # Tambah modal: rumah → usaha
    "start_capital": painting.Move("seedling", BUSINESS_PLACE),  # Modal awal: the seed of the business
    "void": "cross-mark",  # Hapus / Batalkan
    "save": "check-mark-button",  # Simpan
    "back": "left-arrow",  # Kembali
    "done": "locked",  # Selesai: lock the book
    "hide": "see-no-evil-monkey",  # Sembunyikan jumlah uang
    "show": "eye",  # Tampilkan jumlah uang
    "standing": "vertical-traffic-light",  # Lihat keadaan usaha: the lights
    "who_viewed": "eyes",  # Siapa yang melihat buku saya?
    "closed": "zzz",  # Usaha tutup hari ini
    "session": painting.Drawn("session"),  # Mulai sesi (the mentor sits with her)
    "open_book": painting.Drawn("open_book"),  # Buka buku (the mentor opens a family's book)
    "operator": painting.Drawn("operator"),  # Petugas kios
    "report": painting.Drawn("report"),  # Rapor Usaha, laporan: a printed page with a chart
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

BANKNOTE_COLOURS, BANKNOTE_RATIO = painting.BANKNOTE_COLOURS, painting.BANKNOTE_RATIO


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
def _picture_icon(picture: painting.Picture) -> QIcon:
    icon = QIcon()
    for side in PICTURE_SIZES:
        icon.addPixmap(_picture_pixmap(picture, side))
    return icon


def _picture_pixmap(picture: painting.Picture, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if isinstance(picture, str):
        painting.render(painter, picture, QRectF(0, 0, side, side))
    elif isinstance(picture, painting.Move):
        painting.paint_move(painter, picture, side)
    elif isinstance(picture, painting.Drawn):
        painting.paint_drawn(painter, picture.kind, side)
    else:
        painting.paint_note_with_sign(painter, picture, side)
    painter.end()
    return pixmap


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
        painting.paint_note(
            painter, QRectF(1, 1, width - 2, height - 2), banknote_colour(amount), banknote_number(amount)
        )
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
    return _picture_icon(painting.NoteWithSign(colour, plus=True))


def money_out(colour: str) -> QIcon:
    """Uang Keluar: a banknote with a square minus in ``colour`` (shape differs from money in)."""
    return _picture_icon(painting.NoteWithSign(colour, plus=False))


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
