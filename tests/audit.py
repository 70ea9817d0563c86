"""Audit a rendered page of the kiosk the way a finger, a screen reader and a tired eye meet it.

``audit(root, page)`` walks every visible widget of the top-level ``root`` (a window or a dialog)
and returns one ``Finding`` per problem, each naming the page, the widget's objectName, its class,
its size and what is wrong:

- ``touch``: an interactive widget whose touch target is under 48x48 px (buttons, tool buttons,
  line edits, combo and spin boxes, tabs, scroll bars unless the area scrolls kinetically, an item
  view's rows, a check box's real hit area as ``hitButton`` answers it, clickable custom frames);
- ``name``: an interactive widget without an objectName or an accessibleName (the parts Qt builds
  inside a spin box, a combo box or an item view are named by their owner and not asked);
- ``contrast``: text under 4.5:1 (WCAG 2.2 relative luminance, the ratio asked for normal text,
  for all text here) measured on the rendered page: the page is grabbed with and without the
  widget's text; the pixels that change are the glyphs, the second picture holds the background
  right behind them, and the ratio is the 90th percentile of the per-pixel ratios (the cores of
  the strokes, not their antialiased edges). Disabled widgets are left out (WCAG exempts
  inactive components). Tabs, whose text cannot be taken away without moving them, are measured
  from their pixels: the background is the commonest colour, the text the most distant colour
  that covers enough pixels;
- ``cut``: a label or a button whose text needs more room than it has, and no ``…`` says it was
  shortened on purpose;
- ``fit``: a widget outside the page, or cut off by its parent without a scroll area to reach it;
  a page larger than 1024x600;
- ``english``: visible text with an English word: any word of the English catalog that no
  Indonesian source string uses, and Qt's stock words (OK, Cancel, &Yes, December, Mon...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QIcon, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QScroller,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from wirausaha_desktop import i18n

MIN_TARGET = 48
MIN_CONTRAST = 4.5
SCREEN = (1024, 600)
_BUILTIN = ("PySide6.", "shiboken6")

# Qt's own English that no catalog of ours carries: standard buttons and the calendar's words.
STOCK_QT_WORDS = frozenset(
    " ".join(
        (
            "ok cancel yes no apply close save discard open help reset retry ignore abort restore defaults",
            "january february march may june july august october december aug oct dec",
            "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun",
        )
    ).split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
NAMED_IN_ITS_OWN_LANGUAGE = frozenset({"languageEnglish"})  # the button that switches to English says "English"


@dataclass(frozen=True)
class Finding:
    check: str
    page: str
    name: str
    kind: str
    size: tuple[int, int]
    problem: str

    def __str__(self) -> str:
        name = repr(self.name) if self.name else "(no objectName)"
        return f"[{self.page}] {self.check}: {self.kind} {name} {self.size[0]}x{self.size[1]}: {self.problem}"


def finding(check: str, page: str, widget: QWidget, problem: str) -> Finding:
    return Finding(check, page, widget.objectName(), type(widget).__name__, (widget.width(), widget.height()), problem)


# -- which widgets --------------------------------------------------------------------------------


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every descendant on screen in the same top-level window (not other dialogs)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible() and widget.window() is root:
            yield widget


def _custom(widget: QWidget) -> bool:
    return not type(widget).__module__.startswith(_BUILTIN)


def is_part(widget: QWidget, root: QWidget) -> bool:
    """A widget Qt builds inside a composite one (a spin box's line edit, a view's viewport...)."""
    if root.inherits("QComboBoxPrivateContainer"):  # a combo box's list: named by the combo box
        return True
    parent = widget.parentWidget()
    if isinstance(widget, QTabBar) and isinstance(parent, QTabWidget):  # named by its tab widget
        return True
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView | QTabBar):
            return True
        if parent is root:
            break
        parent = parent.parentWidget()
    return False


def is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QHeaderView):  # a tap on a header does something only where it sorts
        view = widget.parentWidget()
        return widget.sectionsClickable() and bool(getattr(view, "isSortingEnabled", lambda: False)())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(
        widget,
        QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox | QAbstractItemView | QTabBar | QAbstractSlider,
    ):
        return True
    clickable = any(hasattr(type(widget), event) and event in vars(type(widget)) for event in
                    ("mousePressEvent", "mouseReleaseEvent"))  # fmt: skip
    return _custom(widget) and clickable and widget.focusPolicy() != Qt.FocusPolicy.NoFocus


# -- (a) touch targets ----------------------------------------------------------------------------


def hit_area(button: QAbstractButton) -> QRect:
    """The part of a check box or radio button that a tap really toggles (``hitButton``), probed."""
    points = [
        (x, y)
        for x in range(0, button.width(), 2)
        for y in range(0, button.height(), 2)
        if button.hitButton(QPoint(x, y))
    ]
    if not points:
        return QRect()
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 2, max(ys) - min(ys) + 2)


def _kinetic(bar: QScrollBar) -> bool:
    area = bar.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    return area is not None and QScroller.hasScroller(area.viewport())


def touch_problems(widget: QWidget) -> Iterator[str]:
    small = f"under {MIN_TARGET}x{MIN_TARGET} px"
    if isinstance(widget, QScrollBar):
        thickness = widget.width() if widget.orientation() == Qt.Orientation.Vertical else widget.height()
        if thickness < MIN_TARGET and not _kinetic(widget):
            yield f"scroll bar {thickness} px thick (no kinetic scrolling on its area), {small}"
        return
    if isinstance(widget, QCheckBox | QRadioButton):
        area = hit_area(widget)
        if area.width() < MIN_TARGET or area.height() < MIN_TARGET:
            yield f"hit area (indicator and label) {area.width()}x{area.height()}, {small}"
        return
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            tab = widget.tabRect(index)
            if widget.isTabVisible(index) and (tab.width() < MIN_TARGET or tab.height() < MIN_TARGET):
                yield f"tab {widget.tabText(index)!r} {tab.width()}x{tab.height()}, {small}"
        return
    if isinstance(widget, QHeaderView):
        if widget.height() < MIN_TARGET and widget.orientation() == Qt.Orientation.Horizontal:
            yield f"tappable header {widget.height()} px high, {small}"
        return
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        if model is None:
            return
        rows = range(min(model.rowCount(QModelIndex()), 50))
        if isinstance(widget, QTableView):  # a tap on the grid line under a row still hits that row
            low = sorted({widget.rowHeight(row) for row in rows if not widget.isRowHidden(row)})
        else:
            low = sorted(
                {
                    widget.visualRect(model.index(row, 0)).height()
                    for row in rows
                    if widget.visualRect(model.index(row, 0)).isValid()
                }
            )
        if low and low[0] < MIN_TARGET:
            yield f"rows {low[0]} px high, {small}"
        return
    if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
        yield small


# -- (c) contrast ---------------------------------------------------------------------------------


def _linear(channel: np.ndarray) -> np.ndarray:
    c = channel / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of an (..., 3) array of sRGB bytes."""
    lin = _linear(rgb.astype(np.float64))
    return 0.2126 * lin[..., 0] + 0.7152 * lin[..., 1] + 0.0722 * lin[..., 2]


def contrast_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def pixels(image: QImage) -> np.ndarray:
    """An (h, w, 3) RGB array of ``image``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    bgra = data.reshape(h, image.bytesPerLine() // 4, 4)[:, :w, :]
    return bgra[..., 2::-1].copy()


def _hex(rgb: Iterable[int]) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb)


def _grab(root: QWidget, rect: QRect) -> np.ndarray:
    return pixels(root.grab(rect).toImage())


@dataclass(frozen=True)
class Measured:
    ratio: float
    fg: str
    bg: str


def glyphs(root: QWidget, widget: QLabel | QAbstractButton) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The page's pixels over ``widget`` with and without its text, and where they differ (the glyphs)."""
    shown = widget.visibleRegion().boundingRect()
    rect = QRect(widget.mapTo(root, shown.topLeft()), shown.size()) & root.rect()
    if rect.isEmpty():
        return None
    text = widget.text()
    icon = widget.icon() if isinstance(widget, QAbstractButton) else QIcon()
    try:
        if not icon.isNull():
            assert isinstance(widget, QAbstractButton)
            widget.setIcon(QIcon())  # an icon moves when the text goes; its colours are not the text's
        with_text = _grab(root, rect)
        widget.setText("")
        without = _grab(root, rect)
    finally:
        widget.setText(text)
        if not icon.isNull():
            assert isinstance(widget, QAbstractButton)
            widget.setIcon(icon)
    changed = np.abs(with_text.astype(int) - without.astype(int)).max(axis=2) > 8
    return with_text, without, changed


def measure_text(root: QWidget, widget: QLabel | QAbstractButton) -> Measured | None:
    """The text's contrast on the page: the glyph pixels are those that change when the text goes.

    None when taking the text away changes nothing on the page (covered, or painted by hand)."""
    seen = glyphs(root, widget)
    if seen is None or seen[2].sum() < 3:
        return None
    with_text, without, changed = seen
    fg, bg = with_text[changed], without[changed]
    ratios = contrast_ratio(fg, bg)
    at = int(np.argsort(ratios)[int(len(ratios) * 0.9) - 1 if len(ratios) > 1 else 0])
    return Measured(float(ratios[at]), _hex(fg[at]), _hex(bg[at]))


def measure_area(image: np.ndarray) -> Measured | None:
    """Text colour and background from pixels alone: the commonest colour, and the most distant one
    that covers at least 3 % of the other pixels."""
    flat = image.reshape(-1, 3)
    if len(flat) == 0:
        return None
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    bg = colours[int(np.argmax(counts))]
    others = counts.sum() - counts.max()
    keep = (counts >= max(3, 0.03 * others)) & np.any(colours != bg, axis=1)
    if not keep.any():
        return None
    ratios = contrast_ratio(colours[keep], np.broadcast_to(bg, colours[keep].shape))
    best = int(np.argmax(ratios))
    return Measured(float(ratios[best]), _hex(colours[keep][best]), _hex(bg))


# -- (d) cut text ---------------------------------------------------------------------------------


def _plain(text: str) -> str:
    if re.search(r"</?[A-Za-z][^>]*>", text):  # Qt.mightBeRichText is not in PySide6's QtCore
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _button_text(text: str) -> list[str]:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")


def reaches_edge(root: QWidget, widget: QLabel | QAbstractButton, band: int = 3) -> bool:
    """Whether the text's glyphs run into the widget's edge (within its border): clipped, not just tight."""
    seen = glyphs(root, widget)
    if seen is None or not seen[2].any():
        return False
    changed = seen[2]
    return bool(changed[:band].any() or changed[-band:].any() or changed[:, :band].any() or changed[:, -band:].any())


def cut_problem(widget: QWidget, root: QWidget) -> str | None:
    problem = _cut_by_size(widget)
    if problem and isinstance(widget, QAbstractButton) and not reaches_edge(root, widget):
        return None  # the text eats into the padding but is all there
    return problem


def _cut_by_size(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text.strip() or "…" in _plain(text):
            return None
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                return f"text needs {needed} px of height, has {widget.height()}"
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 2:
            return f"text needs {hint.width()} px of width, has {widget.width()}"
        if hint.height() > widget.height() + 2:
            return f"text needs {hint.height()} px of height, has {widget.height()}"
        return None
    if not isinstance(widget, QAbstractButton) or not widget.text().strip() or "…" in widget.text():
        return None
    metrics = widget.fontMetrics()
    lines = _button_text(widget.text())
    text_width = max(metrics.horizontalAdvance(line) for line in lines)
    if isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        try:
            widget.initStyleOption(option)
        except (AttributeError, TypeError, RuntimeError):  # a button Qt made itself: no protected access
            return None
        element = (
            QStyle.SubElement.SE_PushButtonContents
            if isinstance(widget, QPushButton)
            else QStyle.SubElement.SE_CheckBoxContents
            if isinstance(widget, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        room = widget.style().subElementRect(element, option, widget).width()
        if isinstance(widget, QPushButton) and not widget.icon().isNull():
            room -= widget.iconSize().width() + 4
        if text_width > room + 1:
            return f"text needs {text_width} px, the button has {room} px for it"
        return None
    if isinstance(widget, QToolButton):
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 2:
            return f"text and icon need {hint.width()} px of width, has {widget.width()}"
        if hint.height() > widget.height() + 2:
            return f"text and icon need {hint.height()} px of height, has {widget.height()}"
    return None


# -- (e) English ----------------------------------------------------------------------------------


@cache
def english_words() -> frozenset[str]:
    """Words of the English catalog that no Indonesian source string uses, and Qt's stock words."""
    catalog = i18n.catalog("en")
    indonesian = {word.lower() for source in catalog for word in _WORD.findall(source)}
    english = {word.lower() for value in catalog.values() for word in _WORD.findall(value)}
    return frozenset((english - indonesian) | STOCK_QT_WORDS)


def visible_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield _plain(widget.text())
    if isinstance(widget, QLineEdit):
        yield widget.text() if widget.echoMode() == QLineEdit.EchoMode.Normal else ""
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = min(model.columnCount(QModelIndex()), 12)
        except TypeError:  # a list model keeps columnCount private
            columns = 1
        for row in range(min(model.rowCount(QModelIndex()), 40)):
            for column in range(columns):
                yield str(model.index(row, column).data() or "")
        for column in range(columns):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    if widget.isWindow():
        yield widget.windowTitle()


def english_in(text: str) -> list[str]:
    words = english_words()
    found = [word for word in _WORD.findall(text) if word.lower() in words]
    found += [token for token in ("OK", "No") if re.search(rf"(?<![\w&]){token}(?!\w)", text)]
    return sorted(set(found))


# -- the walk -------------------------------------------------------------------------------------


def _inside_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def fit_problem(widget: QWidget, root: QWidget) -> str | None:
    if _inside_scroll_area(widget, root):
        return None  # reached by scrolling
    corner = widget.mapTo(root, QPoint(0, 0))
    rect = QRect(corner, widget.size())
    if not root.rect().contains(rect):
        return f"at {corner.x()},{corner.y()}: outside the page ({root.width()}x{root.height()})"
    shown = widget.visibleRegion().boundingRect()
    if shown.width() < widget.width() - 2 or shown.height() < widget.height() - 2:
        return f"only {shown.width()}x{shown.height()} of it is on screen (cut off by its parent)"
    return None


def _names(widget: QWidget) -> tuple[tuple[str, str], ...]:
    return (("objectName", widget.objectName()), ("accessibleName", widget.accessibleName()))


def contrast_problem(root: QWidget, widget: QLabel | QAbstractButton) -> str | None:
    text = _plain(widget.text())[:40]
    measured = measure_text(root, widget)
    if measured is None:
        if _custom(widget) or widget.visibleRegion().boundingRect().height() <= 4:
            return None
        return f"text {text!r} does not show on the rendered page (covered, or in its background's colour)"
    if measured.ratio >= MIN_CONTRAST:
        return None
    size = widget.font().pointSizeF()
    return f"text {text!r} {measured.fg} on {measured.bg}: {measured.ratio:.2f}:1, under {MIN_CONTRAST}:1 ({size:g} pt)"


def audit(root: QWidget, page: str) -> list[Finding]:
    found: list[Finding] = []
    if root.width() > SCREEN[0] or root.height() > SCREEN[1]:
        found.append(finding("fit", page, root, f"larger than the {SCREEN[0]}x{SCREEN[1]} screen"))
    image = pixels(root.grab().toImage())
    for widget in list(shown_widgets(root)):
        part = is_part(widget, root)
        if widget is not root and is_interactive(widget):
            if not part or isinstance(widget, QScrollBar | QTabBar | QAbstractItemView):  # a finger meets those too
                for problem in touch_problems(widget):
                    found.append(finding("touch", page, widget, problem))
            if not part and not isinstance(widget, QScrollBar):
                missing = [what for what, value in _names(widget) if not value.strip()]
                if missing:
                    text = getattr(widget, "text", lambda: "")()
                    found.append(finding("name", page, widget, f"no {' and no '.join(missing)} (text {text!r})"))
        if widget is not root and (is_interactive(widget) or isinstance(widget, QLabel)):
            problem = fit_problem(widget, root)
            if problem:
                found.append(finding("fit", page, widget, problem))
        if isinstance(widget, QLabel | QAbstractButton) and _plain(widget.text()).strip() and widget.isEnabled():
            problem = contrast_problem(root, widget)
            if problem:
                found.append(finding("contrast", page, widget, problem))
        if isinstance(widget, QTabBar) and widget.isEnabled():
            for index in range(widget.count()):
                tab = widget.tabRect(index)
                corner = widget.mapTo(root, tab.topLeft())
                area = image[
                    max(corner.y(), 0) : corner.y() + tab.height(), max(corner.x(), 0) : corner.x() + tab.width()
                ]
                measured = measure_area(area)
                if measured is not None and measured.ratio < MIN_CONTRAST:
                    found.append(finding("contrast", page, widget, f"tab {widget.tabText(index)!r} {measured.fg} on "
                                         f"{measured.bg}: {measured.ratio:.2f}:1, under {MIN_CONTRAST}:1"))  # fmt: skip
        cut = cut_problem(widget, root)
        if cut:
            text = _plain(getattr(widget, "text", lambda: "")())
            found.append(finding("cut", page, widget, f"{text[:50]!r}: {cut}"))
        for text in visible_texts(widget) if widget.objectName() not in NAMED_IN_ITS_OWN_LANGUAGE else ():
            english = english_in(text)
            if english:
                found.append(finding("english", page, widget, f"{', '.join(english)} in {text[:60]!r}"))
    return found
