"""Pictures for people who read slowly (issue 9 §3): every category and action has its own."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from wirausaha_desktop.domain.categories import default_categories
from wirausaha_desktop.domain.model import Category, FlowKind, Ledger
from wirausaha_desktop.gui import icons, picture_painting, theme

SIDE = 48
ACTIONS = (
    "money_in",  # Uang masuk
    "money_out",  # Uang keluar
    "move",  # Pindahkan uang
    "owner_pay",  # Ambil untuk pribadi
    "top_up",  # Tambah modal
    "start_capital",  # Modal awal
    "void",  # Hapus / Batalkan
    "save",  # Simpan
    "back",  # Kembali
    "done",  # Selesai (lock)
    "hide",  # Sembunyikan (eye)
    "show",
    "standing",  # Lihat keadaan usaha
    "who_viewed",  # Siapa yang melihat
)


def image(icon: QIcon, width: int = SIDE, height: int = SIDE) -> QImage:
    return icon.pixmap(width, height).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def fingerprint(picture: QImage) -> str:
    return hashlib.sha256(bytes(picture.constBits())).hexdigest()


def drawn_share(picture: QImage) -> float:
    """How much of the square is painted (not transparent)."""
    pixels = [picture.pixelColor(x, y).alpha() for y in range(picture.height()) for x in range(picture.width())]
    return sum(1 for alpha in pixels if alpha > 32) / len(pixels)


def colours(picture: QImage) -> int:
    return len({picture.pixel(x, y) for y in range(picture.height()) for x in range(picture.width())})


def test_every_default_category_and_action_has_its_own_picture_drawn_at_48px(qtbot: QtBot) -> None:
    pictures: dict[str, QImage] = {}
    for category in default_categories():
        assert icons.category_picture(category) is not None, category.name  # not the initials fallback
        pictures[f"category {category.name}"] = image(icons.category(category))
        fallback = icons.glyph(icons.initials(category.short_name), icons.KIND_COLOURS[category.kind], True)
        assert fingerprint(image(fallback)) != fingerprint(pictures[f"category {category.name}"])
    for key in ACTIONS:
        pictures[f"action {key}"] = image(icons.action(key))
    for name, picture in pictures.items():
        assert picture.size() == QSize(SIDE, SIDE), name
        assert drawn_share(picture) > 0.15, name  # a real picture, not an empty or broken file
        assert colours(picture) > 8, name  # coloured artwork, not one flat colour
    by_look: dict[str, list[str]] = {}
    for name, picture in pictures.items():
        by_look.setdefault(fingerprint(picture), []).append(name)
    assert [names for names in by_look.values() if len(names) > 1] == []


def test_every_category_picture_names_a_file_that_is_shipped_and_used_once() -> None:
    names = list(icons.CATEGORY_PICTURES.values())
    assert len(names) == len(set(names))
    defaults = {c.name for c in default_categories()}
    assert set(icons.CATEGORY_PICTURES) == defaults  # one picture per GLOSSARY category, none stale
    shipped = {path.stem for path in picture_painting.picture_dir().glob("*.svg")}
    used = set(names) | {p for p in icons.ACTION_PICTURES.values() if isinstance(p, str)}
    assert used <= shipped
    licences = picture_painting.picture_dir().parent.joinpath("LICENSES.md")
    assert licences.read_text(encoding="utf-8").count("CC BY 4.0") >= 1


def test_sales_and_orders_no_longer_share_a_badge() -> None:
    """Today's two-letter badges made Penjualan and Pesanan both "PE"."""
    by_name = {c.name: c for c in default_categories()}
    sales, orders = by_name["Penjualan"], by_name["Pesanan / katering"]
    assert fingerprint(image(icons.category(sales))) != fingerprint(image(icons.category(orders)))


def test_a_category_the_operator_added_gets_its_initials_on_its_kinds_colour() -> None:
    added = Category("x", "Jahit baju", Ledger.BUSINESS, FlowKind.SALES, sort_order=99)
    assert icons.category_picture(added) is None
    picture = image(icons.category(added))
    assert fingerprint(picture) == fingerprint(image(icons.glyph("JB", icons.KIND_COLOURS[FlowKind.SALES], True)))


def test_a_renamed_case_still_finds_its_picture() -> None:
    sales = next(c for c in default_categories() if c.name == "Penjualan")
    shouted = Category("y", "  PENJUALAN ", Ledger.BUSINESS, FlowKind.SALES, sort_order=0)
    assert fingerprint(image(icons.category(shouted))) == fingerprint(image(icons.category(sales)))


def test_an_unknown_action_is_an_error_not_a_blank_button() -> None:
    with pytest.raises(KeyError):
        icons.action("fly")


def test_the_older_calls_give_the_new_pictures() -> None:
    assert fingerprint(image(icons.eye(False))) == fingerprint(image(icons.action("hide")))
    assert fingerprint(image(icons.eye(True))) == fingerprint(image(icons.action("show")))
    assert fingerprint(image(icons.padlock())) == fingerprint(image(icons.action("done")))
    assert fingerprint(image(icons.money_in(theme.MONEY_IN))) == fingerprint(image(icons.action("money_in")))
    assert fingerprint(image(icons.money_out(theme.MONEY_OUT))) == fingerprint(image(icons.action("money_out")))
    assert fingerprint(image(icons.padlock("#D55E00"))) != fingerprint(image(icons.padlock()))  # a state mark


@pytest.mark.parametrize(
    ("amount", "hue_range"),
    [
        (2_000, None),  # grey: no hue
        (5_000, (15, 40)),  # brown-orange
        (10_000, (260, 290)),  # purple
        (20_000, (110, 150)),  # green
        (50_000, (200, 225)),  # blue
        (100_000, (0, 8)),  # red
    ],
)
def test_a_banknote_button_wears_the_notes_colour(amount: int, hue_range: tuple[int, int] | None) -> None:
    picture = image(icons.banknote(amount), 96, 48)
    assert picture.size() == QSize(96, 48)  # a note's shape, twice as wide as high
    body = picture.pixelColor(picture.width() // 2, picture.height() - 8)  # below the number
    assert body.alpha() == 255
    if hue_range is None:
        assert body.hsvSaturation() < 20
    else:
        assert hue_range[0] <= body.hsvHue() <= hue_range[1], body.name()
        assert body.hsvSaturation() > 80


def contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("amount", sorted(icons.BANKNOTE_COLOURS))
def test_the_big_number_on_each_note_is_drawn_and_readable(amount: int) -> None:
    picture = image(icons.banknote(amount), 192, 96)
    note = QColor(icons.banknote_colour(amount))
    # The number's strokes: pixels far from the note's colour in its right two thirds.
    ink = [
        picture.pixelColor(x, y)
        for y in range(20, 76)
        for x in range(70, 180)
        if contrast(picture.pixelColor(x, y), note) > 3
    ]
    assert len(ink) > 300, icons.banknote_number(amount)
    assert max(contrast(c, note) for c in ink) >= 4.5
    assert icons.banknote_number(amount) == f"{amount:,}".replace(",", ".")
