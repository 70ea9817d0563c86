"""Driving the real window offscreen and timing "until painted".

A measurement starts just before the action (a click) and ends when the event loop returns after
the widgets that show the result have received their paint events: everything the user waits for
(service calls, model resets, layout, painting) is inside. The loop is spun with
``processEvents`` (busy), so no timer granularity is added.

No relative imports: ``child.py`` loads this file as a top-level module in fresh processes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

CHART_KEYS = ("money_in_out", "balance", "pay_vs_profit", "spending", "calendar")


class PaintLog(QObject):
    """Last paint time of each widget it watches.

    Per widget, never on the whole application: with PySide6 6.12 a second Python event filter on
    the QApplication (the window installs one) aborts the process ("none_dealloc") when a child
    is removed, as the standing page does when a chart replaces its placeholder.
    """

    def __init__(self, widgets: Iterable[QObject]) -> None:
        super().__init__()
        self.painted: dict[int, float] = {}
        self._watched = list(widgets)
        for widget in self._watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted[id(watched)] = time.perf_counter()
        return False

    def painted_since(self, widget: QObject, moment: float) -> bool:
        return self.painted.get(id(widget), 0.0) >= moment

    def close(self) -> None:
        for widget in self._watched:
            widget.removeEventFilter(self)


def each_turn(check: Callable[[float], bool], timeout: float = 60.0) -> None:
    """Run an event loop and call ``check(now)`` every time it comes back, until it returns True.

    A real ``QEventLoop`` with a zero timer, not ``processEvents()`` in a Python loop: outside an
    event loop deferred deletes run at odd moments, and with PySide6 6.12 the standing page then
    aborts the process ("none_dealloc: deallocating None") when a chart replaces its placeholder.
    """
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    failed: list[str] = []

    def turn() -> None:
        now = time.perf_counter()
        if check(now):
            loop.quit()
        elif now > deadline:
            failed.append("timeout")
            loop.quit()

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(turn)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("the screen did not get there in time")


def spin_until(condition: Callable[[], bool], timeout: float = 60.0) -> float:
    """Run the event loop until ``condition()`` holds when it comes back; return that moment."""
    reached: list[float] = []

    def check(now: float) -> bool:
        if condition():
            reached.append(now)
            return True
        return False

    each_turn(check, timeout)
    return reached[0]


def settle(ms: int = 50) -> None:
    """Let the event loop run for ``ms`` (layouts, deferred deletes, pending paints)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def timed_until_painted(action: Callable[[], object], widgets: Iterable[QWidget]) -> float:
    """Milliseconds from just before ``action()`` until every one of ``widgets`` has painted and
    the loop is back."""
    targets = list(widgets)
    log = PaintLog(targets)
    try:
        start = time.perf_counter()
        action()
        end = spin_until(lambda: all(log.painted_since(w, start) for w in targets))
        return (end - start) * 1000
    finally:
        log.close()


def charts_drawn(page: Any) -> bool:
    """Every chart plotted (nothing pending on the page) and the visible one rendered (not stale).

    Charts on hidden tabs are plotted but rendered by matplotlib only when their tab is shown.
    """
    if page.charts_pending():
        return False
    figure = page.figure(CHART_KEYS[page.tabs.currentIndex()])
    return figure is not None and not figure.stale


def until_standing_drawn(page: Any, action: Callable[[], object]) -> dict[str, float]:
    """Run ``action`` (open the page, change the period…) and time the lights and the charts.

    ``lights_ms``: the five indicator lights painted. ``charts_ms``: every chart re-plotted, the
    visible one rendered (Agg), then one more turn of the loop, in which its canvas paints what was
    rendered (``draw()`` asks for that paint). ``longest_block_ms``: the longest stretch in which
    the event loop did not come back, the action included (a tap waits at most this long).
    """
    start = time.perf_counter()
    action()
    current = page() if callable(page) else page
    lights = list(current.indicators.values())
    log = PaintLog(lights)  # the page is new or hidden: nothing of it has painted yet
    try:
        state = {"last": start, "longest": 0.0, "lights": 0.0, "charts": 0.0, "drawn": 0.0}

        def check(now: float) -> bool:
            state["longest"] = max(state["longest"], now - state["last"])
            state["last"] = now
            if not state["lights"] and all(log.painted_since(light, start) for light in lights):
                state["lights"] = now
            if state["drawn"] and state["lights"]:
                state["charts"] = now
                return True
            if charts_drawn(current):
                state["drawn"] = now
            return False

        each_turn(check)
        lights_at, charts_at, longest = state["lights"], state["charts"], state["longest"]
        return {
            "lights_ms": (lights_at - start) * 1000,
            "charts_ms": (charts_at - start) * 1000,
            "longest_block_ms": longest * 1000,
        }
    finally:
        log.close()


def open_standing_and_wait(window: Any) -> dict[str, float]:
    """Tap "Apakah usaha saya mandiri?" on the book page; times as ``until_standing_drawn``."""
    return until_standing_drawn(lambda: window.standing, window.book.standing_button.click)


def application() -> QApplication:
    from wirausaha_desktop.gui.launch import application as app

    return app()
