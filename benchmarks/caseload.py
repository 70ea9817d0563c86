"""The mentor's caseload of 250 beneficiaries × 2 years of books: ≤ 300 ms (DESIGN §7, issue 8).

Built with the big-kiosk generator (``big_kiosk.build_big``: the app's own schema, ~14 entries a
profile-day), one mentor assigned to all 250. Measured: ``CaseloadService.rows`` (every light of
every beneficiary over the last 30 days and the 30 before, last entry, goals, next session),
warm, beside a floor in the same run: one beneficiary's standing summary for the same window
(what the caseload would cost 250 times over if it asked per beneficiary). Then the whole of what
the mentor waits for, "to painted": the kiosk's own caseload service, the Qt model reset, sorting,
filtering and the table's first paint on a 1366×768 page (offscreen), beside the floor of
painting the same page with the rows already in hand.
"""

from __future__ import annotations

import os
import time

from wirausaha_desktop.domain.caseload import rolling_window
from wirausaha_desktop.domain.model import Actor, Role
from wirausaha_desktop.services.caseload import CaseloadService
from wirausaha_desktop.services.clock import stamp
from wirausaha_desktop.services.kiosk import Kiosk

from . import big_kiosk, data
from .common import Result, at_most, fresh_path, info, median

NAME = "caseload"
PROFILES = int(os.environ.get("WIRAUSAHA_BENCH_CASELOAD_PROFILES", "250"))
YEARS = 2
REPEATS = 9


def run() -> list[Result]:
    the_clock = data.clock()
    profiles = big_kiosk._profiles(PROFILES, stamp(the_clock.now()))
    path = fresh_path("caseload.sqlite")
    big_kiosk.YEARS, years = YEARS, big_kiosk.YEARS
    try:
        rows = big_kiosk.build_big(path, the_clock, profiles)
    finally:
        big_kiosk.YEARS = years
    kiosk = Kiosk.open(path, the_clock)
    try:
        mentor, _ = kiosk.mentors.create(Actor.operator(), "Bu Wati", "5555")
        for profile in profiles:
            kiosk.mentors.assign(Actor.operator(), mentor.id, profile.id)
        wati = Actor(Role.MENTOR, mentor.id)
        service = CaseloadService(kiosk.conn, the_clock, lambda _pid, _goals, _today: (0, 0))
        service.rows(wati)  # warm: page cache, and today's access-log lines are written once
        caseload_ms, one_ms = [], []
        window = rolling_window(the_clock.today())
        one = profiles[len(profiles) // 2].id
        for _ in range(REPEATS):
            start = time.perf_counter()
            found = service.rows(wati)
            caseload_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            kiosk.book.summary(Actor.beneficiary(one), one, window)
            one_ms.append((time.perf_counter() - start) * 1000)
        assert len(found) == PROFILES
        painted_ms, floor_ms = _to_painted(kiosk, wati)
    finally:
        kiosk.close()
    return [
        info(NAME, f"caseload kiosk: {PROFILES} profiles × {YEARS} years, entries", rows, "rows"),
        at_most(
            NAME,
            f"caseload of {PROFILES}: every light, last entry, goals (service, warm)",
            median(caseload_ms),
            300,
            "ms",
            median(one_ms),
            "one beneficiary's summary",
        ),
        at_most(
            NAME,
            f"caseload of {PROFILES}: to painted (service, model, table)",
            median(painted_ms),
            300,
            "ms",
            median(floor_ms),
            "painting the same rows already read",
        ),
    ]


def _to_painted(kiosk: Kiosk, wati: Actor) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from wirausaha_desktop.gui.caseload_page import CaseloadPage

    from .qtprobe import settle, timed_until_painted

    QApplication.instance() or QApplication([])
    page = CaseloadPage()
    page.resize(1366, 768)
    page.show()
    rows = kiosk.caseload.rows(wati)
    page.show_rows(wati, "Bu Wati", rows)
    settle()
    viewport = page.table.viewport()
    painted_ms, floor_ms = [], []
    try:
        for _ in range(REPEATS):
            page.clear()
            settle()
            painted_ms.append(
                timed_until_painted(lambda: page.show_rows(wati, "Bu Wati", kiosk.caseload.rows(wati)), [viewport])
            )
            page.clear()
            settle()
            floor_ms.append(timed_until_painted(lambda: page.show_rows(wati, "Bu Wati", rows), [viewport]))
    finally:
        page.close()
    return painted_ms, floor_ms
