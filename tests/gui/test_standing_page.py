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
from wirausaha_desktop.gui.standing_page import StandingPage
from wirausaha_desktop.gui.window import KioskWindow
from wirausaha_desktop.services.clock import FixedClock
from wirausaha_desktop.services.demo import build_demo_kiosk

DEMO_NOW = dt.datetime(2026, 11, 27, 4, 0, tzinfo=dt.UTC)
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


def open_standing(qtbot: QtBot, window: KioskWindow, name: str) -> StandingPage:
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


def test_tapping_a_light_explains_it_with_her_numbers(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Dewi")
    lights = page.lights()
    assert lights is not None
    qtbot.mouseClick(page.indicators["pay_within_profit"], _left())
    text = page.explanation.text()
    summary = lights.summary
    from wirausaha_desktop.gui import fmt

    assert fmt.money(summary.business.owner_pay) in text
    assert fmt.money(summary.business.profit) in text
    assert "tidak pernah dipakai untuk memutuskan bantuan" in text
    assert page.indicators["pay_within_profit"].property("selected") is True


def test_changing_the_period_redraws_on_the_same_canvases(qtbot: QtBot, demo_window: KioskWindow) -> None:
    page = open_standing(qtbot, demo_window, "Sari")
    assert page.figure("balance") is None  # a hidden tab's chart waits until it is shown
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=10_000)
    page.tabs.setCurrentIndex(0)
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
