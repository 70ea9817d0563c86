"""The standing page ("Apakah usaha saya mandiri?") on Sari's 3 years of daily entries.

- cold, in fresh processes: unlock, then from the tap on the page's button until the lights and
  then every chart are drawn (matplotlib imported on the way): charts ≤ 1.6 s;
- warm, in this process (page opened once before): lights ≤ 100 ms, charts ≤ 400 ms, and the same
  after changing ``periodInput`` (budgeted like a warm opening);
- context: the longest stretch without the event loop coming back (a tap waits that long), and a
  tab switch (a hidden tab's chart is rendered when first shown).

Floor, in the same kind of fresh process: a painted empty window, then matplotlib's import and one
2-series bar chart drawn and painted (DESIGN: ~0.85 s + ~0.3 s); warm: one ``canvas.draw()`` of it.
"""

from __future__ import annotations

import time

from . import data, gui_session, qtprobe
from .common import Result, at_most, child_runs, copy_kiosk, info, median

NAME = "standing"
COLD_REPEATS = 3
WARM_REPEATS = 5


def cold_kiosk() -> str:
    """A private copy of the busy kiosk for the fresh processes (shared with ``memory``)."""
    return str(copy_kiosk(data.busy_kiosk(data.clock()), "standing-cold.sqlite"))


_cold_path: list[str] = []


def cold_runs() -> list[dict]:
    if not _cold_path:
        _cold_path.append(cold_kiosk())
    return child_runs("standing", _cold_path[0], times=COLD_REPEATS)


def floor_runs() -> list[dict]:
    return child_runs("mpl_chart", times=COLD_REPEATS)


def run() -> list[Result]:
    cold, floors = cold_runs(), floor_runs()
    cold_floor = median([(float(r["shown"]) - float(r["started"])) * 1000 for r in floors])
    import_floor = median([(float(r["imported"]) - float(r["started"])) * 1000 for r in floors])
    draw_floor = median([ms * 1000 for r in floors for ms in r["redraws"]])  # type: ignore[attr-defined]
    early = sorted({name for r in cold for name in r["loaded_before_click"]})  # type: ignore[attr-defined]
    floor_cold = "import matplotlib + one 2-series bar chart, painted"
    floor_warm = "one canvas.draw() of that chart"
    results = [
        at_most(NAME, "cold: all charts painted", median([float(r["charts_ms"]) for r in cold]), 1600, "ms",
                cold_floor, floor_cold, f"fresh process, median of {COLD_REPEATS}"),
        info(NAME, "  cold: lights painted", median([float(r["lights_ms"]) for r in cold]), "ms"),
        info(NAME, "  cold: longest time input waits", median([float(r["longest_block_ms"]) for r in cold]), "ms",
             import_floor, "import matplotlib alone",
             f"loaded before the tap: {', '.join(early) or 'none of matplotlib, numpy, sqlite_utils'}"),
    ]  # fmt: skip

    window = gui_session.open_window("standing")
    try:
        gui_session.unlock(window)
        qtprobe.open_standing_and_wait(window)  # the first opening: imports and the page are made
        warm = []
        for _ in range(WARM_REPEATS):
            window.standing.back.click()
            qtprobe.settle(30)
            warm.append(qtprobe.open_standing_and_wait(window))
        page = window.standing
        periods = []
        for index in (2, 4, 1, 3, 0):
            periods.append(qtprobe.until_standing_drawn(page, lambda i=index: page.period_input.setCurrentIndex(i)))
        tabs = []
        for tab in range(1, page.tabs.count()):
            figure_key = qtprobe.CHART_KEYS[tab]
            start = time.perf_counter()
            page.tabs.setCurrentIndex(tab)
            qtprobe.spin_until(lambda k=figure_key: not page.figure(k).stale)
            end = qtprobe.spin_until(lambda: True)  # one more turn: the canvas paints what was rendered
            tabs.append((end - start) * 1000)
    finally:
        gui_session.close(window)
    results += [
        at_most(NAME, "warm: lights painted", median([w["lights_ms"] for w in warm]), 100, "ms",
                note=f"median of {WARM_REPEATS} openings"),
        at_most(NAME, "warm: all charts painted", median([w["charts_ms"] for w in warm]), 400, "ms",
                draw_floor, floor_warm, "the visible chart rendered, the other four plotted"),
        info(NAME, "  warm: longest time input waits", median([w["longest_block_ms"] for w in warm]), "ms"),
        at_most(NAME, "period change: charts redrawn", median([p["charts_ms"] for p in periods]), 400, "ms",
                draw_floor, floor_warm, "periodInput set to each choice; budget as a warm opening"),
        info(NAME, "  period change: lights painted", median([p["lights_ms"] for p in periods]), "ms"),
        info(NAME, "  tab switch: hidden chart rendered and painted", median(tabs), "ms", draw_floor, floor_warm),
    ]  # fmt: skip
    return results
