from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from wirausaha_desktop.domain.charts import PeriodChoice
from wirausaha_desktop.gui import fmt
from wirausaha_desktop.gui.standing_page import StandingPage, chart_titles
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import build_demo_kiosk

DEMO_NOW = dt.datetime(2026, 12, 1, 4, 0, tzinfo=dt.UTC)  # the 1st: a calendar month would be nearly empty
DEMO_PINS = {"Sari": "1111", "Rina": "2222", "Dewi": "3333", "Ani": "4444"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_kiosk(path, FixedClock(DEMO_NOW))
    return path


@pytest.fixture
def demo_window(
    demo_file: Path, tmp_path: Path, clock: FixedClock, open_window: Callable[[Path], KioskWindow]
) -> KioskWindow:
    clock.advance(DEMO_NOW - clock.now())
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return open_window(path)


def open_standing(qtbot: QtBot, window: KioskWindow, name: str, unlocked: bool = False) -> StandingPage:
    if not unlocked:
        unlock(qtbot, window, name, DEMO_PINS[name])
    window.book.standing_button.click()
    page = window.standing
    assert page is not None and window.current_page() is page
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    return page


def words(page: StandingPage) -> dict[str, str]:
    return {key: button.accessibleDescription() for key, button in page.indicators.items()}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sari", {"recording": "hijau", "covers_costs": "hijau", "no_top_ups": "hijau",
                  "pay_within_profit": "hijau", "cash_runway": "hijau"}),
        ("Rina", {"no_top_ups": "merah"}),
        ("Dewi", {"pay_within_profit": "merah"}),
        ("Ani", {"recording": "merah"}),
    ],
)  # fmt: skip
def test_each_demo_story_at_a_glance(
    qtbot: QtBot, demo_window: KioskWindow, name: str, expected: dict[str, str]
) -> None:
    page = open_standing(qtbot, demo_window, name)
    shown = words(page)
    assert {key: shown[key] for key in expected} == expected
    assert all(page.findChild(type(page.indicators["recording"]), f"indicator_{key}") for key in shown)


def test_the_page_opens_on_the_last_30_days_with_the_worst_light_told(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Ani")
    assert page.period_input.currentText() == "30 hari terakhir" and page.choice() is PeriodChoice.LAST_30_DAYS
    assert [page.period_input.itemData(i) for i in range(page.period_input.count())][1:] == [
        c.value for c in PeriodChoice if c is not PeriodChoice.LAST_30_DAYS
    ]  # the calendar months stay in the selector
    assert page.selected_light() == "recording" and page.indicators["recording"].property("selected") is True
    assert page.sentence.text().endswith("Dalam 30 hari terakhir, Ibu mencatat pada 0 dari 30 hari buka.")
    assert chart_titles()[page.tabs.currentIndex()][0] == "calendar"


def test_trends_are_words_never_bare_arrows(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Ani")
    trends = {key: button.trend.text() for key, button in page.indicators.items()}
    assert trends["recording"] == "sama"  # red now and in the 30 days before
    assert trends["covers_costs"] == ""  # grey now: nothing to compare, so nothing is said
    assert page.indicators["recording"].trend.accessibleName() == "Sama seperti 30 hari sebelumnya."
    for button in page.indicators.values():
        shown = button.title.text() + button.status.text() + button.trend.text()
        assert not set(shown) & set("→↑↓·")


def test_tapping_a_light_shows_its_chart_and_one_sentence(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Dewi")
    lights = page.lights()
    assert lights is not None
    summary = lights.summary
    qtbot.mouseClick(page.indicators["covers_costs"], _left())
    assert chart_titles()[page.tabs.currentIndex()][0] == "money_in_out"
    qtbot.mouseClick(page.indicators["pay_within_profit"], _left())
    assert chart_titles()[page.tabs.currentIndex()][0] == "pay_vs_profit"
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    pay, profit = fmt.money(summary.business.owner_pay), fmt.money(summary.business.profit)
    assert page.sentence.text().endswith(
        f"Dalam 30 hari terakhir, Ibu mengambil {pay} untuk pribadi, untungnya {profit}."
    )
    assert page.indicators["pay_within_profit"].property("selected") is True
    # the full working is one tap further, and one tap brings the chart back
    assert not page.explanation.isVisible()
    qtbot.mouseClick(page.working_button, _left())
    assert page.explanation.isVisible() and not page.tabs.isVisible()
    text = page.explanation.text()
    assert pay in text and profit in text and fmt.money(summary.business.sales) in text
    assert "tidak pernah dipakai untuk memutuskan bantuan" in text
    qtbot.mouseClick(page.working_button, _left())
    assert page.tabs.isVisible() and not page.explanation.isVisible()


def test_green_for_nothing_to_judge_says_what_happened(qtbot: QtBot, demo_window: KioskWindow) -> None:
    """Rina takes nothing for herself in a month of losses: green, and the sentence says exactly that."""
    page = open_standing(qtbot, demo_window, "Rina")
    lights = page.lights()
    assert lights is not None and lights.summary.business.profit < 0 and lights.summary.business.owner_pay == 0
    page.indicators["pay_within_profit"].click()
    assert page.indicators["pay_within_profit"].accessibleDescription() == "hijau"
    loss = fmt.money(-lights.summary.business.profit)
    assert page.sentence.text().endswith(
        f"Dalam 30 hari terakhir, Ibu tidak mengambil uang usaha untuk pribadi, dan usahanya rugi {loss}."
    )
    assert "bagus" not in page.sentence.text().lower()


def test_hidden_amounts_stay_hidden_across_periods(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Sari")
    page.indicators["cash_runway"].click()
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    lights = page.lights()
    assert lights is not None
    balance = fmt.money(lights.summary.business.closing)
    assert balance in page.sentence.text()
    page.set_amounts_hidden(True)
    assert page.amounts_hidden()
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)

    def nothing_shown() -> None:
        qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
        assert "Rp" not in page.sentence.text().replace(fmt.HIDDEN_AMOUNT, "")
        assert "Rp" not in page.explanation.text().replace(fmt.HIDDEN_AMOUNT, "")
        assert fmt.HIDDEN_AMOUNT in page.sentence.text()
        figure = page.figure("balance")
        assert figure is not None
        figure.canvas.draw()
        ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert ticks and all(t in ("•••", "0") for t in ticks)

    nothing_shown()
    page.period_input.setCurrentIndex(page.period_input.findData(PeriodChoice.LAST_3_MONTHS.value))
    nothing_shown()
    page.set_amounts_hidden(False)
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    assert fmt.HIDDEN_AMOUNT not in page.sentence.text() and "Rp" in page.sentence.text()


def test_her_eye_on_the_book_hides_the_standing_pages_amounts(qtbot: QtBot, demo_window: KioskWindow) -> None:
    unlock(qtbot, demo_window, "Sari", DEMO_PINS["Sari"])
    qtbot.mouseClick(demo_window.book.eye_button, _left())
    page = open_standing(qtbot, demo_window, "Sari", unlocked=True)
    assert page.amounts_hidden()
    page.indicators["cash_runway"].click()
    assert fmt.HIDDEN_AMOUNT in page.sentence.text()
    assert "Rp" not in page.sentence.text().replace(fmt.HIDDEN_AMOUNT, "")


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_page_fits_1024_by_600_with_whole_titles_and_big_targets(
    qtbot: QtBot, demo_window: KioskWindow, language: str
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from wirausaha_desktop import i18n

    i18n.set_language(language)
    demo_window.resize(1024, 600)
    page = open_standing(qtbot, demo_window, "Dewi")
    qtbot.waitUntil(lambda: page.width() <= 1024 and page.height() <= 600)
    for button in page.indicators.values():
        title = button.title
        assert title.heightForWidth(title.width()) <= title.height(), title.text()  # wrapped, never cut
        assert button.height() >= 48 and button.visibleRegion().boundingRect().height() == button.height()
    bar = page.tabs.tabBar()
    assert all(bar.tabRect(i).height() >= 48 for i in range(bar.count()))
    assert bar.tabRect(bar.count() - 1).right() <= bar.width()  # every tab in view, no scroll arrows
    for widget in [*page.findChildren(QAbstractButton), *page.findChildren(QComboBox)]:
        if widget.isVisible():
            assert widget.height() >= 48 and widget.width() >= 48, widget.objectName()
            assert widget.objectName() and widget.accessibleName(), widget
    assert page.working_button.geometry().bottom() < page.height()
    i18n.set_language("id")


def test_changing_the_period_redraws_on_the_same_canvases(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Sari")
    assert chart_titles()[page.tabs.currentIndex()][0] == "calendar"  # all green: the first light, recording
    assert page.figure("balance") is None  # a hidden tab's chart waits until it is shown
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    canvases = {key: page.figure(key).canvas for key in ("money_in_out", "balance")}  # type: ignore[union-attr]
    before = page.figure("money_in_out").axes[0].get_xticklabels()  # type: ignore[union-attr]
    assert len(before) == 6
    page.period_input.setCurrentIndex(page.period_input.findData(PeriodChoice.LAST_12_MONTHS.value))
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    assert len(page.figure("money_in_out").axes[0].get_xticklabels()) == 12  # type: ignore[union-attr]
    assert {key: page.figure(key).canvas for key in canvases} == canvases  # type: ignore[union-attr]


def test_each_chart_exports_to_png(qtbot: QtBot, demo_window: KioskWindow, tmp_path: Path) -> None:
    page = open_standing(qtbot, demo_window, "Rina")
    for key in ("money_in_out", "balance", "pay_vs_profit", "spending", "calendar"):
        target = tmp_path / f"{key}.png"
        page.export_chart(key, target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_back_to_the_book_and_lock_leave_nothing_behind(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Sari")
    page.back.click()
    assert demo_window.current_page() is demo_window.book
    demo_window.book.lock_button.click()
    assert demo_window.current_page() is demo_window.picker
    assert demo_window.standing is None


def test_the_picker_paints_without_matplotlib(tmp_path: Path) -> None:
    """matplotlib (~0.85 s) and sqlite-utils (~0.3 s) stay off the path to the first picker."""
    script = (
        "import sys\n"
        "from wirausaha_desktop.app import create_window\n"
        f"w = create_window({str(tmp_path / 'k.sqlite')!r})\n"
        "w.show()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.processEvents()\n"
        "print(sorted(m for m in ('matplotlib', 'sqlite_utils', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
