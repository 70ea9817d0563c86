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
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.charts import PeriodChoice
from ..domain.model import Actor, Profile
from ..domain.problems import Problem
from ..domain.standing import INDICATOR_KEYS, Status
from ..i18n import _
from ..messages import describe
from ..services.kiosk import Kiosk
from ..services.places import PlacesService, proposed_name
from ..services.standing import ChartData, Lights
from ..standing_words import (
    LIGHT_CHARTS,
    light_sentence,
    light_working,
    period_names,
    trend_sentence,
    trend_word,
)
from ..wording import STATUS_ICONS, aid_disclaimer, indicator_label, status_word
from . import fmt, theme
from .dialogs import Ask
from .export_chooser import save_file, saved_words
from .widgets import big_button, combo, label, name_widget, restyle, vertical_scroll

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .report_dialog import ReportDialog


LIGHTS_FIRST_MS = 30
"""Charts start after this pause, so that the lights are painted before matplotlib loads."""
MATPLOTLIB_POLL_MS = 60
_loader: list[threading.Thread] = []
_WORST_FIRST = (Status.RED, Status.YELLOW, Status.GREY, Status.GREEN)


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


def chart_titles() -> list[tuple[str, str]]:
    return [
        ("money_in_out", _("Masuk-keluar")),
        ("balance", _("Uang usaha")),
        ("pay_vs_profit", _("Ambil-untung")),
        ("spending", _("Ke mana")),
        ("calendar", _("Hari catat")),
    ]


class IndicatorButton(QFrame):
    """One light: icon, colour, its name and status word, and the trend in words; tap (or
    Enter/Space) to see its chart and one sentence with her numbers.

    A frame rather than a QPushButton, so that a long name wraps instead of being cut.
    """

    clicked = Signal()

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        name_widget(self, f"indicator_{key}", indicator_label(key))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(56)
        self.setProperty("selected", False)
        self.setStyleSheet(
            "IndicatorButton { background: white; border: 2px solid #b9b4a8; border-radius: 10px; }"
            'IndicatorButton[selected="true"] { border: 3px solid #E69F00; background: #fff8e6; }'
            "IndicatorButton:focus { border: 3px solid #0072B2; }"
        )
        self.badge = QLabel()
        self.badge.setFixedSize(40, 40)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(indicator_label(key))
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.trend = QLabel()
        self.trend.setObjectName(f"trend_{key}")
        self.trend.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.trend.setStyleSheet(f"color: {theme.MUTED};")
        status_row = QHBoxLayout()
        status_row.setSpacing(8)
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        status_row.addWidget(self.trend)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.title)
        words.addLayout(status_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 8, 3)
        row.addWidget(self.badge)
        row.addLayout(words, 1)
        for child in (self.badge, self.title, self.status, self.trend):
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

    def show_status(self, status: Status, change: int | None, choice: PeriodChoice) -> None:
        colour = theme.STATUS_COLOURS[status.value]
        word = status_word(status)
        self.badge.setText(STATUS_ICONS[status])
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 20px; font-size: 17pt; font-weight: bold;"
        )
        self.status.setText(word)
        self.trend.setText(trend_word(change))
        self.trend.setAccessibleName(trend_sentence(change, choice))
        self.setAccessibleDescription(word)
        self.setToolTip(
            " ".join(part for part in (f"{indicator_label(self.key)}: {word}.", trend_sentence(change, choice)) if part)
        )


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
        self._selected: str | None = None
        self._hidden = False
        self._stale: set[str] = set()
        self._figures: dict[str, Figure] = {}
        self._canvases: dict[str, Any] = {}

        self.title = label(_("Apakah usaha saya sudah mandiri?"), "title", wrap=True)
        self.title.setStyleSheet("font-size: 17pt;")
        self.period_input = combo("periodInput", _("Masa yang dilihat"))
        for choice, name in period_names().items():
            self.period_input.addItem(name, choice.value)
        self.period_input.setMinimumHeight(48)
        self.period_input.setMinimumWidth(220)
        self.period_input.currentIndexChanged.connect(lambda _index: self.refresh())
        self.back = big_button(_("Kembali ke buku"), "backToBook")
        self.back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back.clicked.connect(self.back_requested.emit)
        self.report_button = big_button(
            _("Rapor Usaha"), "openReport", None, _("Rapor Usaha: simpan sebagai PDF atau cetak"), height=48
        )
        self.report_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.report_button.clicked.connect(self.open_report)
        self.report_dialog: ReportDialog | None = None
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.period_input)
        header.addWidget(self.report_button)
        header.addWidget(self.back)

        self.indicators = {key: IndicatorButton(key) for key in INDICATOR_KEYS}
        lights = QVBoxLayout()
        lights.setContentsMargins(0, 0, 4, 0)
        lights.setSpacing(6)
        for button in self.indicators.values():
            button.clicked.connect(lambda key=button.key: self.explain(key))
            lights.addWidget(button)
        self.disclaimer = label(aid_disclaimer(), "hint", wrap=True)
        self.disclaimer.setObjectName("aidDisclaimer")
        self.disclaimer.setStyleSheet("font-size: 10pt;")
        lights.addWidget(self.disclaimer)
        lights.addStretch(1)
        lights_box = QWidget()
        lights_box.setLayout(lights)
        lights_scroll = vertical_scroll(lights_box)
        lights_scroll.setMinimumWidth(340)

        # the tapped light's one sentence, above its chart; the full working one tap further
        self.sentence = label("", None, wrap=True)
        self.sentence.setObjectName("indicatorSentence")
        self.sentence.setStyleSheet(
            "QLabel { background: #fff8e6; border: 2px solid #E69F00; border-radius: 10px; padding: 6px 10px;"
            " font-size: 13pt; font-weight: bold; }"
        )
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.tabs = name_widget(QTabWidget(), "chartTabs", _("Gambar"))
        self.tabs.setStyleSheet(
            "QTabBar::tab { padding: 8px 6px; min-height: 32px; min-width: 0px; margin-right: 2px; font-size: 12pt; }"
        )
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
        self.explanation = label("", None, wrap=True)
        self.explanation.setObjectName("indicatorExplanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setStyleSheet("QLabel { background: white; padding: 10px; font-size: 13pt; }")
        working = QScrollArea()
        working.setObjectName("workingScroll")
        working.setWidgetResizable(True)
        working.setWidget(self.explanation)
        working.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.setObjectName("chartOrWorking")
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(working)
        self.working_button = big_button(
            _("Cara menghitung"), "showWorking", None, _("Lihat cara menghitung lampu ini"), height=48
        )
        self.working_button.setCheckable(True)
        self.working_button.toggled.connect(self._show_working)
        self.export_button = big_button(
            _("Simpan gambar ini"), "exportChart", None, _("Simpan gambar ini ke file PNG"), height=48
        )
        self.export_button.clicked.connect(self._ask_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.working_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        charts_column = QVBoxLayout()
        charts_column.setSpacing(6)
        charts_column.addWidget(self.sentence)
        charts_column.addWidget(self.stack, 1)
        charts_column.addLayout(buttons)

        body = QHBoxLayout()
        body.addWidget(lights_scroll, 4)
        body.addLayout(charts_column, 6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 6, 12, 8)
        outer.setSpacing(6)
        outer.addLayout(header)
        outer.addLayout(body, 1)

    # -- data -----------------------------------------------------------------------------------
    def open_for(self, actor: Actor, profile: Profile) -> None:
        self._actor, self._profile = actor, profile
        self._selected = None  # the worst light is shown first
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
            button.show_status(lights.summary.indicator(key).status, lights.trend(key).change, lights.choice)
        self.lights_shown.emit()
        self._data = None
        self._stale = {key for key, _title in chart_titles()}
        if self._selected is None:
            self.explain(self._worst_light(lights))  # opened: the worst light, its chart and sentence
        else:
            self._show_words()  # another period: the same light and the chart she is looking at
        QTimer.singleShot(LIGHTS_FIRST_MS, self._draw_visible)

    @staticmethod
    def _worst_light(lights: Lights) -> str:
        statuses = {i.key: i.status for i in lights.summary.indicators}
        return next(key for status in _WORST_FIRST for key in INDICATOR_KEYS if statuses[key] is status)

    def lights(self) -> Lights | None:
        return self._lights

    def selected_light(self) -> str | None:
        return self._selected

    def explain(self, key: str) -> None:
        """Tap on a light: its chart and one sentence with her numbers; the working stays one tap away."""
        if self._lights is None:
            return
        self._selected = key
        for other, button in self.indicators.items():
            button.set_selected(other == key)
        self._show_words()
        self.working_button.setChecked(False)
        index = [k for k, _title in chart_titles()].index(LIGHT_CHARTS[key])
        self.tabs.setCurrentIndex(index)

    def _money(self, amount: int) -> str:
        return fmt.money(amount, hidden=self._hidden)

    def _show_words(self) -> None:
        if self._lights is None or self._selected is None:
            return
        summary = self._lights.summary
        indicator = summary.indicator(self._selected)
        sentence = light_sentence(indicator, summary, self._lights.choice, self._money)
        self.sentence.setText(f"{STATUS_ICONS[indicator.status]}  {sentence}")
        self.sentence.setAccessibleName(sentence)
        self.explanation.setText(light_working(indicator, summary, self._money))

    def _show_working(self, shown: bool) -> None:
        self.stack.setCurrentIndex(1 if shown else 0)
        self.working_button.setText(_("Kembali ke gambar") if shown else _("Cara menghitung"))
        self.export_button.setEnabled(not shown)

    # -- privacy --------------------------------------------------------------------------------
    def set_amounts_hidden(self, hidden: bool) -> None:
        """Hide (or show again) every Rupiah amount on the page: the sentence, the working and the
        charts' money labels. Kept across period changes; the charts are redrawn."""
        if hidden == self._hidden:
            return
        self._hidden = hidden
        self._show_words()
        if self._lights is not None:
            self._stale = {key for key, _title in chart_titles()}
            QTimer.singleShot(0, self._draw_visible)

    def amounts_hidden(self) -> bool:
        return self._hidden

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
        hidden = self._hidden
        plots: dict[str, Callable[[], None]] = {
            "money_in_out": lambda: charts.plot_money_in_out(ax, data.months, hidden=hidden),
            "balance": lambda: charts.plot_business_balance(
                ax, data.balance, data.markers, data.marker_group, hidden=hidden
            ),
            "pay_vs_profit": lambda: charts.plot_pay_vs_profit(ax, data.months, hidden=hidden),
            "spending": lambda: charts.plot_spending_by_category(ax, data.spending_by_category, hidden=hidden),
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

    def open_report(self) -> None:
        """*Rapor Usaha* (her mentor, here too, also the statements and the letter): save or print."""
        if self._actor is not None and self._profile is not None:
            from .report_dialog import open_report

            self.report_dialog = open_report(self, self._kiosk, self._actor, self._profile)
            self.report_dialog.finished.connect(lambda _result: setattr(self, "report_dialog", None))

    def _ask_export(self) -> None:
        key = chart_titles()[self.tabs.currentIndex()][0]
        name = proposed_name(self._profile.name if self._profile else "grafik", key, suffix=".png")
        places = PlacesService(self._kiosk.settings)  # only the export folder or a flashdisk (issue 10 §4)
        saved = save_file(self, places, name, ".png", lambda path: self.export_chart(key, path))
        if isinstance(saved, Problem):
            Ask.warn(self, _("Gambar tidak tersimpan"), describe(saved))
        elif saved is not None:
            Ask.inform(self, _("Gambar tersimpan"), saved_words(saved))
