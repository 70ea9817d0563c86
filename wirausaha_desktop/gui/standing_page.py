""" "Apakah usaha saya sudah mandiri?": five lights first, then the charts, drawn without blocking.

The lights come from one quick service call and paint at once; matplotlib is imported and the
charts are drawn one per event-loop turn afterwards, so a tap is never kept waiting.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.charts import PeriodChoice
from ..domain.model import Actor, Profile
from ..domain.standing import INDICATOR_KEYS, Status
from ..i18n import _
from ..services.kiosk import Kiosk
from ..services.standing import ChartData, Lights
from ..wording import (
    STATUS_ICONS,
    aid_disclaimer,
    indicator_detail,
    indicator_explanation,
    indicator_label,
    status_word,
)
from . import theme
from .widgets import big_button, label, name_widget, restyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure


LIGHTS_FIRST_MS = 30
"""Charts start after this pause, so that the lights are painted before matplotlib loads."""
MATPLOTLIB_POLL_MS = 60
_loader: list[threading.Thread] = []


def _load_matplotlib() -> None:
    import matplotlib.figure  # noqa: F401  (pure Python, no Qt: safe on a worker thread)

    from . import charts  # noqa: F401


def _matplotlib_loading() -> bool:
    """Import matplotlib (~1 s cold) on a worker thread, so the page keeps answering while it loads.

    Only modules are imported there; every figure and canvas is made on the GUI thread.
    """
    if "matplotlib.figure" in sys.modules and not _loader:
        return False
    if not _loader:
        _loader.append(threading.Thread(target=_load_matplotlib, name="load-matplotlib", daemon=True))
        _loader[0].start()
    if _loader[0].is_alive():
        return True
    _loader.clear()
    return False


def period_names() -> dict[PeriodChoice, str]:
    return {
        PeriodChoice.THIS_MONTH: _("Bulan ini"),
        PeriodChoice.LAST_MONTH: _("Bulan lalu"),
        PeriodChoice.LAST_3_MONTHS: _("3 bulan terakhir"),
        PeriodChoice.LAST_6_MONTHS: _("6 bulan terakhir"),
        PeriodChoice.LAST_12_MONTHS: _("12 bulan terakhir"),
    }


def chart_titles() -> list[tuple[str, str]]:
    return [
        ("money_in_out", _("Masuk-keluar")),
        ("balance", _("Uang usaha")),
        ("pay_vs_profit", _("Gaji-untung")),
        ("spending", _("Ke mana")),
        ("calendar", _("Hari catat")),
    ]


def trend_text(change: int | None) -> tuple[str, str]:
    """(arrow, words) against the period before."""
    if change is None:
        return "·", _("belum bisa dibandingkan")
    if change > 0:
        return "↑", _("lebih baik dari sebelumnya")
    if change < 0:
        return "↓", _("lebih buruk dari sebelumnya")
    return "→", _("sama seperti sebelumnya")


class IndicatorButton(QFrame):
    """One light: icon, colour and word; tap (or Enter/Space) for how it was worked out.

    A frame rather than a QPushButton, so that its wrapped sentence gets the height it needs.
    """

    clicked = Signal()

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        name_widget(self, f"indicator_{key}", indicator_label(key))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(60)
        self.setProperty("selected", False)
        self.setStyleSheet(
            "IndicatorButton { background: white; border: 2px solid #b9b4a8; border-radius: 10px; }"
            'IndicatorButton[selected="true"] { border: 3px solid #E69F00; background: #fff8e6; }'
            "IndicatorButton:focus { border: 3px solid #0072B2; }"
        )
        self.badge = QLabel()
        self.badge.setFixedSize(44, 44)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(indicator_label(key))
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.trend = QLabel()
        self.trend.setFixedWidth(36)
        self.trend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.trend.setStyleSheet("font-size: 20pt;")
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.title)
        words.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.badge)
        row.addLayout(words, 1)
        row.addWidget(self.trend)
        for child in (self.badge, self.title, self.detail, self.trend):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", selected)
        restyle(self)

    def click(self) -> None:
        self.clicked.emit()

    def show_status(self, status: Status, detail: str, change: int | None) -> None:
        colour = theme.STATUS_COLOURS[status.value]
        word = status_word(status)
        self.badge.setText(STATUS_ICONS[status])
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 22px; font-size: 18pt; font-weight: bold;"
        )
        self.title.setText(f"{indicator_label(self.key)} ({word})")
        self.detail.setText(detail)
        arrow, arrow_words = trend_text(change)
        self.trend.setText(arrow)
        self.trend.setToolTip(arrow_words)
        self.setAccessibleDescription(word)
        self.setToolTip(f"{word}: {detail} ({arrow_words})")


class StandingPage(QWidget):
    back_requested = Signal()
    lights_shown = Signal()
    charts_drawn = Signal()  # the visible chart is drawn

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        name_widget(self, "standingPage", _("Apakah usaha saya sudah mandiri?"))
        self._kiosk = kiosk
        self._actor: Actor | None = None
        self._profile: Profile | None = None
        self._lights: Lights | None = None
        self._data: ChartData | None = None
        self._stale: set[str] = set()
        self._figures: dict[str, Figure] = {}
        self._canvases: dict[str, Any] = {}

        self.title = label(_("Apakah usaha saya sudah mandiri?"), "title", wrap=True)
        self.title.setStyleSheet("font-size: 17pt;")
        self.period_input = name_widget(QComboBox(), "periodInput", _("Masa yang dilihat"))
        for choice, name in period_names().items():
            self.period_input.addItem(name, choice.value)
        self.period_input.setMinimumHeight(48)
        self.period_input.setMinimumWidth(220)
        self.period_input.currentIndexChanged.connect(lambda _index: self.refresh())
        self.back = big_button(_("Kembali ke buku"), "backToBook")
        self.back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back.clicked.connect(self.back_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.period_input)
        header.addWidget(self.back)

        self.indicators = {key: IndicatorButton(key) for key in INDICATOR_KEYS}
        lights = QVBoxLayout()
        lights.setSpacing(6)
        for button in self.indicators.values():
            button.clicked.connect(lambda key=button.key: self.explain(key))
            lights.addWidget(button)
        self.explanation = label(aid_disclaimer(), "hint", wrap=True)
        self.explanation.setObjectName("indicatorExplanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        lights.addWidget(self.explanation)
        lights.addStretch(1)
        lights_box = QWidget()
        lights_box.setLayout(lights)
        lights_scroll = QScrollArea()
        lights_scroll.setWidgetResizable(True)
        lights_scroll.setWidget(lights_box)
        lights_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lights_scroll.setMinimumWidth(360)
        lights_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.tabs = name_widget(QTabWidget(), "chartTabs", _("Gambar"))
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 7px; min-height: 32px; font-size: 12pt; }")
        self._tab_layouts: dict[str, QVBoxLayout] = {}
        self._placeholders: dict[str, QLabel] = {}
        for key, title in chart_titles():
            tab = QWidget()
            tab.setObjectName(f"chart_{key}")
            layout = QVBoxLayout(tab)
            layout.setContentsMargins(4, 4, 4, 4)
            waiting = label(_("Menggambar…"), "hint")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(waiting, 1)
            self._tab_layouts[key] = layout
            self._placeholders[key] = waiting
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _index: self._tab_changed())
        self.export_button = big_button(_("Simpan gambar ini"), "exportChart", None, _("Simpan gambar ini ke file PNG"))
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_button.clicked.connect(self._ask_export)
        charts_column = QVBoxLayout()
        charts_column.addWidget(self.tabs, 1)
        charts_column.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QHBoxLayout()
        body.addWidget(lights_scroll, 9)
        body.addLayout(charts_column, 11)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.addLayout(header)
        outer.addLayout(body, 1)

    # -- data -----------------------------------------------------------------------------------
    def open_for(self, actor: Actor, profile: Profile) -> None:
        self._actor, self._profile = actor, profile
        self.title.setText(_("{name}: apakah usaha saya sudah mandiri?", name=profile.name))
        self.period_input.blockSignals(True)
        self.period_input.setCurrentIndex(0)
        self.period_input.blockSignals(False)
        self.refresh()

    def choice(self) -> PeriodChoice:
        return PeriodChoice(self.period_input.currentData())

    def refresh(self) -> None:
        if self._actor is None or self._profile is None:
            return
        lights = self._kiosk.standing.lights(self._actor, self._profile.id, self.choice())
        self._lights = lights
        for key, button in self.indicators.items():
            indicator = lights.summary.indicator(key)
            button.set_selected(False)
            button.show_status(indicator.status, indicator_detail(indicator, lights.summary), lights.trend(key).change)
        self.explanation.setText(aid_disclaimer())
        self.lights_shown.emit()
        self._data = None
        self._stale = {key for key, _title in chart_titles()}
        QTimer.singleShot(LIGHTS_FIRST_MS, self._draw_visible)

    def lights(self) -> Lights | None:
        return self._lights

    def explain(self, key: str) -> None:
        if self._lights is None:
            return
        for other, button in self.indicators.items():
            button.set_selected(other == key)
        summary = self._lights.summary
        self.explanation.setText(indicator_explanation(summary.indicator(key), summary))

    # -- charts ---------------------------------------------------------------------------------
    def _current_chart(self) -> str:
        return chart_titles()[self.tabs.currentIndex()][0]

    def _tab_changed(self) -> None:
        """A chart is plotted and rendered only when its tab is shown."""
        if self._current_chart() in self._stale:
            QTimer.singleShot(0, self._draw_visible)

    def _draw_visible(self) -> None:
        key = self._current_chart()
        if key not in self._stale or self._actor is None or self._profile is None:
            return
        if _matplotlib_loading():
            QTimer.singleShot(MATPLOTLIB_POLL_MS, self._draw_visible)  # taps are answered meanwhile
            return
        self._plot(key)
        self._canvases[key].draw_idle()
        self.charts_drawn.emit()

    def _chart_data(self) -> ChartData:
        if self._data is None:
            assert self._actor is not None and self._profile is not None
            self._data = self._kiosk.standing.charts(self._actor, self._profile.id, self.choice())
        return self._data

    def _canvas(self, key: str) -> Any:
        if key not in self._canvases:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            figure = Figure(figsize=(6, 4.2), layout="constrained", facecolor=theme.CARD)
            canvas = FigureCanvasQTAgg(figure)
            canvas.setObjectName(f"canvas_{key}")
            canvas.setAccessibleName(dict(chart_titles())[key])
            placeholder = self._placeholders.pop(key)
            self._tab_layouts[key].replaceWidget(placeholder, canvas)
            placeholder.deleteLater()
            self._figures[key] = figure
            self._canvases[key] = canvas
        return self._canvases[key]

    def _plot(self, key: str) -> None:
        from . import charts

        data = self._chart_data()
        self._canvas(key)
        self._stale.discard(key)
        figure = self._figures[key]
        figure.clear()
        ax = figure.add_subplot()
        plots: dict[str, Callable[[], None]] = {
            "money_in_out": lambda: charts.plot_money_in_out(ax, data.months),
            "balance": lambda: charts.plot_business_balance(ax, data.balance, data.markers),
            "pay_vs_profit": lambda: charts.plot_pay_vs_profit(ax, data.months),
            "spending": lambda: charts.plot_spending_by_category(ax, data.spending_by_category),
            "calendar": lambda: charts.plot_recording_calendar(ax, data.calendar),
        }
        plots[key]()

    def figure(self, key: str) -> Figure | None:
        return self._figures.get(key)

    def charts_pending(self) -> bool:
        """True until the chart on the visible tab is drawn for the current period."""
        return self._current_chart() in self._stale

    def export_chart(self, key: str, path: Path) -> None:
        """Write one chart to PNG (reports use the same), plotting it first if it is not yet."""
        if key in self._stale:
            self._plot(key)
        self._figures[key].savefig(path, format="png", dpi=150)

    def _ask_export(self) -> None:
        key = chart_titles()[self.tabs.currentIndex()][0]
        name = f"{self._profile.name if self._profile else 'grafik'}-{key}.png"
        path, _filter = QFileDialog.getSaveFileName(self, _("Simpan gambar"), name, "PNG (*.png)")
        if path:
            self.export_chart(key, Path(path))
