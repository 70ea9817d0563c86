"""Measurements that need a fresh interpreter: ``python benchmarks/child.py MODE [ARGS]``.

Run as a script (not ``-m benchmarks``) so that nothing but this file loads before the clock
starts. Each mode prints one JSON line: absolute ``perf_counter`` readings (CLOCK_MONOTONIC, the
same clock in the parent), the modules of interest that were loaded, and ``maxrss_kb``.

Modes:
  empty_window          floor: QMainWindow with a QTableView, painted
  picker FILE           the real app (``wirausaha --data FILE run``) until the picker's cards paint
  bare_picker FILE      reference: the picker's widgets in plain PySide6 and sqlite3, no app code
  mpl_chart             floor: the empty window, then matplotlib imported and one 2-series bar chart
  standing FILE         the real window: unlock "Sari", open the standing page, all charts drawn
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

WATCHED_MODULES = ("matplotlib", "sqlite_utils", "numpy", "dateutil", "click", "PIL")
WINDOW_SIZE = (1366, 768)


def report(**values: Any) -> None:
    values.update(
        t0=T0,
        maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        loaded=[name for name in WATCHED_MODULES if name in sys.modules],
        modules=len(sys.modules),
    )
    print(json.dumps(values), flush=True)
    sys.stderr.flush()
    os._exit(0)  # no teardown: it is not measured and Qt's can be slow


def painted_then(anchor: Any, last: Any, done: Any) -> Any:
    """Call ``done(t)`` once ``last()`` (looked up when ``anchor`` first paints, so that widgets
    rebuilt while the window was being shown are found) has painted and the event loop is back:
    ``t`` is when painting finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.target: Any = None
            self.fired = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or self.fired:
                return False
            if watched is anchor and self.target is None:
                self.target = last()
                if self.target is not anchor:
                    self.target.installEventFilter(self)
            if watched is self.target:
                self.fired = True
                QTimer.singleShot(0, lambda: done(time.perf_counter()))
            return False

    probe = Probe()
    anchor.installEventFilter(probe)
    return probe


def empty_window() -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(20, 4, table))
    window.setCentralWidget(table)
    window.resize(*WINDOW_SIZE)
    probe = painted_then(window, table.viewport, lambda t: report(painted=t))  # noqa: F841
    window.showMaximized()
    app.exec()


def bare_picker(path: str) -> None:
    """What any page like the picker costs in PySide6, without our code: the Fusion style and a
    style sheet, a title, a hint, two tab buttons, a card with initials for each name read from FILE
    with sqlite3 (read-only), two language buttons and one more button, in box layouts."""
    import sqlite3

    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

    app = QApplication([sys.argv[0], "-style", "Fusion"])
    app.setStyleSheet("QPushButton { min-height: 48px; border-radius: 10px; border: 2px solid #b9b4a8; }"
                      "QLabel[role='title'] { font-size: 20pt; font-weight: bold; }")  # fmt: skip
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM profiles ORDER BY name")]

    def initials(text: str) -> QIcon:
        pixmap = QPixmap(64, 64)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setBrush(QColor("#0072B2"))
        painter.drawEllipse(QRectF(2, 2, 60, 60))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(26)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, text[:2].upper())
        painter.end()
        return QIcon(pixmap)

    window = QMainWindow()
    page = QWidget()
    column = QVBoxLayout(page)
    title = QLabel("Selamat datang! Pilih nama Anda.")
    title.setProperty("role", "title")
    title.setWordWrap(True)
    column.addWidget(title)
    column.addWidget(QLabel("Sentuh kartu dengan nama Anda, lalu masukkan PIN."))
    tabs = QHBoxLayout()
    for text in ("Penerima manfaat", "Pendamping"):
        tabs.addWidget(QPushButton(text))
    tabs.addStretch(1)
    column.addLayout(tabs)
    cards = QHBoxLayout()
    buttons = []
    for name in names:
        card = QPushButton(name)
        card.setIcon(initials(name))
        card.setIconSize(QSize(48, 48))
        card.setMinimumSize(200, 96)
        cards.addWidget(card)
        buttons.append(card)
    column.addLayout(cards)
    column.addStretch(1)
    bottom = QHBoxLayout()
    for text in ("Bahasa Indonesia", "English", "Petugas kios"):
        bottom.addWidget(QPushButton(text))
    column.addLayout(bottom)
    window.setCentralWidget(page)
    window.resize(*WINDOW_SIZE)
    probe = painted_then(window, lambda: buttons[-1] if buttons else window,  # noqa: F841
                         lambda t: report(painted=t, cards=len(buttons)))  # fmt: skip
    window.showMaximized()
    app.exec()


def picker(path: str) -> None:
    """The app exactly as ``wirausaha --data FILE run`` starts it; the probe rides on build_window."""
    from wirausaha_desktop.gui import launch

    build_window = launch.build_window
    keep: list[Any] = []

    def measured_build(kiosk: Any) -> Any:
        window = build_window(kiosk)

        def last_card() -> Any:
            cards = window.picker.picker.cards()
            return cards[-1] if cards else window

        keep.append(
            painted_then(window, last_card, lambda t: report(painted=t, cards=len(window.picker.picker.cards())))
        )
        return window

    launch.build_window = measured_build
    from wirausaha_desktop.cli import main

    main(["--data", path, "run"])


def _bar_chart(figure: Any) -> None:
    ax = figure.add_subplot()
    months = list(range(12))
    ax.bar([m - 0.2 for m in months], [3_000_000 + 90_000 * m for m in months], 0.4, label="masuk")
    ax.bar([m + 0.2 for m in months], [2_400_000 + 70_000 * m for m in months], 0.4, label="keluar", hatch="//")
    ax.set_title("Masuk dan keluar")
    ax.legend()


def mpl_chart() -> None:
    """Floor for the standing page: a painted empty window, then matplotlib's first import and one
    2-series bar chart drawn on a Qt canvas; then warm redraws of the same chart."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QTableView, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QHBoxLayout(body)
    table = QTableView()
    table.setModel(QStandardItemModel(20, 4, table))
    layout.addWidget(table)
    window.setCentralWidget(body)
    window.resize(*WINDOW_SIZE)
    window.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    window_painted = time.perf_counter()
    started = time.perf_counter()
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    imported = time.perf_counter()
    figure = Figure(figsize=(6, 4.2), layout="constrained")
    canvas = FigureCanvasQTAgg(figure)
    layout.addWidget(canvas)
    _bar_chart(figure)
    canvas.draw()
    drawn = time.perf_counter()
    for _ in range(3):
        QCoreApplication.processEvents()
    shown = time.perf_counter()
    redraws = []
    for _ in range(7):
        start = time.perf_counter()
        figure.clear()
        _bar_chart(figure)
        canvas.draw()
        redraws.append(time.perf_counter() - start)
    report(
        window_painted=window_painted,
        started=started,
        imported=imported,
        drawn=drawn,
        shown=shown,
        redraws=redraws,
    )
    del app


def standing(path: str) -> None:
    """The real window on FILE: unlock Sari, wait for her book, then open the standing page and wait
    until the lights, then every chart, are drawn and painted."""
    import qtprobe  # this file's folder is sys.path[0]

    from wirausaha_desktop.app import create_window

    window = create_window(path)
    window.show()
    qtprobe.settle(100)
    window.picker.picker.card_for("Sari").click()
    window.pin.pin_input.setText(os.environ.get("WIRAUSAHA_BENCH_PIN", "1357"))
    window.pin.unlock_button.click()
    qtprobe.settle(100)
    assert window.book.profile is not None, "the book did not open"
    before = [name for name in WATCHED_MODULES if name in sys.modules]
    times = qtprobe.open_standing_and_wait(window)
    report(loaded_before_click=before, **times)


def main() -> None:
    mode, *args = sys.argv[1:]
    modes = {"empty_window": empty_window, "bare_picker": bare_picker, "picker": picker, "mpl_chart": mpl_chart,
             "standing": standing}  # fmt: skip
    modes[mode](*args)
    raise SystemExit(f"{mode}: finished without a report")


if __name__ == "__main__":
    main()
