"""A4 pages from HTML with Qt alone: ``QTextDocument`` laid out for a ``QPdfWriter`` (or a
``QPrinter``), painted page by page with ``QPainter``, with a footer on every page.

No external program runs. The charts arrive as PNG bytes and are handed to the document as
resources (``chart:NAME``). Sizes in the HTML are CSS pixels (96 per inch): the A4 text column is
about 680 px wide. Fonts are in points, so the type is as large on paper as it says.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ..domain.problems import Problem, Refused

RESOLUTION = 300
MARGIN_MM = 16.0
FOOTER_MM = 9.0
BODY_PT = 13
FONT_FAMILY = "DejaVu Sans"

_APP: list[QApplication] = []


@dataclass(frozen=True)
class Document:
    """One report, ready to paint: its HTML, its images and the words of its footer."""

    title: str  # the PDF's title (shown by a viewer) and the footer's left part
    html: str
    images: Mapping[str, bytes] = field(default_factory=dict)  # name → PNG, used as ``chart:NAME``
    footer: str = ""
    body_pt: int = BODY_PT


def ensure_app() -> None:
    """Qt needs an application object for fonts; the command line has none, so make one that opens
    no window (the offscreen platform). A ``QApplication``, so that widgets made later in the same
    process (a print dialog, a test) still work."""
    if QGuiApplication.instance() is None:
        _APP.append(QApplication(["wirausaha", "-platform", "offscreen"]))


def _text_document(document: Document, device: QPagedPaintDevice) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(document.body_pt)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    for name, png in document.images.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), QImage.fromData(png))
    text.setHtml(document.html)
    return text


def _setup(device: QPagedPaintDevice, title: str) -> None:
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    device.setPageLayout(layout)
    if isinstance(device, QPdfWriter):
        device.setResolution(RESOLUTION)
        device.setTitle(title)
        device.setCreator("Wirausaha Desktop")


def paint(document: Document, device: QPagedPaintDevice) -> int:
    """Lay ``document`` out on A4 pages of ``device`` and paint them; returns the number of pages."""
    ensure_app()
    _setup(device, document.title)
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    page = device.pageLayout().fullRectPixels(dpi)
    margin, footer = MARGIN_MM * mm, FOOTER_MM * mm
    body = QSizeF(page.width() - 2 * margin, page.height() - 2 * margin - footer)
    text = _text_document(document, device)
    text.setPageSize(body)
    pages = text.pageCount()
    painter = QPainter()
    if not painter.begin(device):  # a printer that went away: a bug to see, not a problem to word
        raise RuntimeError("cannot paint on the report's device")
    try:
        footer_font = QFont(FONT_FAMILY)
        footer_font.setPointSizeF(9)
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(margin, margin - number * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, number * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            text.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            line_y = page.height() - margin - footer * 0.55
            painter.drawLine(int(margin), int(line_y), int(page.width() - margin), int(line_y))
            box = QRectF(margin, line_y, body.width(), footer * 0.9)
            page_words = _page_words(number + 1, pages)
            metrics = painter.fontMetrics()  # the left part gives way to "Halaman 1 dari 2", never runs into it
            room = int(body.width() - metrics.horizontalAdvance(page_words) - metrics.horizontalAdvance("    "))
            left = metrics.elidedText(document.footer, Qt.TextElideMode.ElideRight, max(room, 0))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), page_words)
    finally:
        painter.end()
    return pages


def _page_words(number: int, pages: int) -> str:
    from ..i18n import _

    return _("Halaman {number} dari {pages}", number=number, pages=pages)


def pdf_bytes(document: Document) -> bytes:
    """The whole PDF in memory (nothing touches the disk until it is complete)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    paint(document, writer)
    del writer  # the PDF's trailer is written when the writer goes
    buffer.close()
    return bytes(data.data())


def write_pdf(document: Document, target: Path) -> int:
    """Write the PDF to ``target`` whole or not at all (a ``.partial`` file renamed into place);
    returns its size in bytes. A folder that cannot be written is refused with words."""
    content = pdf_bytes(document)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(content)
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise Refused(Problem.of("file_unwritable", path=str(target))) from error
    return len(content)
